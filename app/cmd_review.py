"""`newskg review list|export`: the reviews readers made in the explorer (graph/review.py).

Example:
    >>> import argparse
    >>> p = argparse.ArgumentParser(prog="newskg"); sub = p.add_subparsers(dest="command")
    >>> register(sub)
    >>> p.parse_args(["review", "list", "--all"]).all
    True
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["register"]


def _list(args: argparse.Namespace) -> int:
    from newskg.app.cmd_graph import format_table
    from newskg.graph.review import reviews
    from newskg.graph.store import open_store

    with open_store(args.store, read_only=True) as store:
        got = reviews(store, current_only=not args.all)
    if args.format == "json":
        print(json.dumps([r.__dict__ for r in got], ensure_ascii=False, indent=1))
        return 0
    cols = ["when", "who", "verdict", "subject", "predicate", "object", "entity", "into", "label", "comment"]
    if args.all:
        cols.append("current")
    print(format_table(cols, [tuple(getattr(r, c) for c in cols) for r in got]))
    print(f"({len(got)} review{'s' if len(got) != 1 else ''})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from newskg.graph.review import export_reviews
    from newskg.graph.store import open_store

    with open_store(args.store, read_only=True) as store:
        text = export_reviews(store)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {text.count(chr(10))} quads to {args.output} (application/n-quads)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `newskg review` and its subcommands to the `newskg` parser."""
    p = sub.add_parser(
        "review",
        help="list or export the reviews made in the explorer",
        description="Reviews are stored as RDF (PROV-O) in their own named graph "
        "<https://w3id.org/newskg/reviews>: a fact marked wrong or confirmed, an "
        "entity renamed or merged, with who, when and a comment. Rebuilds keep them; "
        "named queries and the explorer leave rejected facts out.",
    )
    rsub = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    ls = rsub.add_parser(
        "list", help="list the current reviews (--all: with the ones later reviews replaced)"
    )
    ls.add_argument(
        "--store", help="graph store directory or SPARQL endpoint (default: data/newskg.oxigraph)"
    )
    ls.add_argument("--all", action="store_true", help="also list reviews a later review replaced")
    ls.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    ls.set_defaults(func=_list)
    ex = rsub.add_parser("export", help="write the review graph as N-Quads")
    ex.add_argument(
        "--store", help="graph store directory or SPARQL endpoint (default: data/newskg.oxigraph)"
    )
    ex.add_argument("-o", "--output", help="file to write (default: stdout)")
    ex.set_defaults(func=_export)
