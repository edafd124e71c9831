"""The `newskg` command line. Each command validates input, calls one library function, and turns
`NewsKGError` into a message that names the file and the fix."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newskg.ontology.errors import NewsKGError

__all__ = ["main", "build_parser"]

DESCRIPTION = """\
newskg turns Korean news articles into a knowledge graph.

  newskg extract article.txt --format table     entities and triples of an article
  newskg build app/sample_articles              add articles to the graph store
  newskg query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'
  newskg explore                                open the explorer in a browser

Run `newskg COMMAND --help` for the options of a command.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    from newskg.app import cmd_explore, cmd_extract, cmd_graph, cmd_review

    parser = argparse.ArgumentParser(
        prog="newskg", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (cmd_extract, cmd_graph, cmd_explore, cmd_review):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newskg` script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except NewsKGError as exc:
        print(f"newskg {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader of stdout went away (`newskg query … | head`): not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"newskg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
