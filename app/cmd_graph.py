"""`newskg build`, `newskg query`, `newskg export` and `newskg validate`: the knowledge graph commands."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path

from newskg.ontology.errors import InputError

STORE_HELP = (
    "graph store: a directory (embedded Oxigraph, created on first build), ':memory:', or an "
    "http(s):// SPARQL 1.1 endpoint such as http://localhost:7878 from `oxigraph serve "
    "--union-default-graph`; default: $NEWSKG_STORE, else data/newskg.oxigraph"
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `newskg` parser."""
    fmt = argparse.RawDescriptionHelpFormatter

    p = sub.add_parser(
        "build",
        help="add articles to the graph store",
        formatter_class=fmt,
        description="Read articles, extract entities and facts, and add them to the graph "
        "store: one named graph per article, replaced when the article changed, "
        "skipped when it did not.",
        epilog="examples:\n  newskg build app/sample_articles\n"
        "  newskg build news/*.txt --store http://localhost:7878\n"
        "  newskg extract a.txt --format json > a.jsonl && "
        "newskg build --extractions a.jsonl\n\n"
        "exit status 1 when an input was rejected (the others are still built), "
        "2 on a usage or store error.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (.txt, .html, .jsonl, .warc/.warc.gz) or directories of them",
    )
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument(
        "--extractions",
        action="store_true",
        help="PATHs are JSON lines from `newskg extract --format json` (no extraction run)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="extract and rewrite every article, even those unchanged since the last build",
    )
    p.add_argument(
        "--max-chars",
        type=_positive,
        default=None,
        metavar="N",
        help="refuse articles longer than N characters (default 200000)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="extract on N worker processes, one writer (default: the number of cores); "
        "the graph is the same as with 1",
    )
    p.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="extract on a Dask cluster: 'local' (a LocalCluster of --jobs workers) or the "
        "scheduler's address, tcp://host:8786; see docs/scaling.md",
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "query",
        help="run SPARQL on the graph store",
        formatter_class=fmt,
        description="Run a SPARQL query on the graph. The default graph is the union of all "
        "article graphs; prefixes nkg:, entity:, article:, rdf:, rdfs:, xsd:, "
        "owl:, skos:, schema: and prov: need no declaration. Read-only.",
        epilog="examples:\n"
        "  newskg query 'SELECT DISTINCT ?o WHERE {\n"
        '                  ?s rdfs:label "시흥시"@ko ; nkg:sisterCityOf ?o }\'\n'
        "  newskg query -f my.rq --format csv\n"
        "  newskg query --named partners --param place=Siheung\n"
        "  newskg query --list",
    )
    src = p.add_mutually_exclusive_group()
    src.add_argument("sparql", nargs="?", help="the query text")
    src.add_argument("-f", "--file", type=Path, help="read the query from a .rq file")
    src.add_argument("--named", metavar="NAME", help="run a named query (see --list)")
    src.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="parameter of a named query (repeatable); an entity takes an IRI or a name",
    )
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    p.add_argument("--limit", type=int, help="print at most N rows")
    p.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="stop the query after S seconds (default 60; the work is killed, not left running)",
    )
    p.add_argument(
        "--allow-service",
        action="store_true",
        help="run SERVICE clauses (federated queries make the store fetch the URLs they name; "
        "refused by default)",
    )
    p.set_defaults(func=cmd_query)

    p = sub.add_parser(
        "export",
        help="write the graph as RDF or GraphML",
        formatter_class=fmt,
        description="Export the graph. Turtle and N-Triples hold the merged graph; N-Quads, "
        "TriG and JSON-LD keep one named graph per article; GraphML holds the "
        "entity network (the explorer's view). The format is guessed from the "
        "output file's suffix unless --format is given.",
        epilog="examples:\n  newskg export -o graph.ttl\n"
        "  newskg export --format jsonld -o graph.jsonld\n"
        "  newskg export --format nq -o -   (to stdout)",
    )
    p.add_argument("-o", "--output", required=True, help="output file, or - for stdout (needs --format)")
    p.add_argument("--format", help="ttl, jsonld, nt, nq, trig or graphml (default: from the suffix)")
    p.add_argument(
        "--graph",
        action="append",
        metavar="ARTICLE_IRI",
        help="export only this article's graph (repeatable)",
    )
    p.add_argument("--store", help=STORE_HELP)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "validate",
        help="check the graph against the SHACL shapes",
        description="Validate the graph against ontology/shapes.ttl with pyshacl; exit status "
        "1 when there are violations.",
    )
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--graph", action="append", metavar="ARTICLE_IRI", help="validate only this article")
    p.set_defaults(func=cmd_validate)


# ---------------------------------------------------------------------- build
def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return n


def _read_extractions(paths: list[str], rejected: list[tuple[str, str]]):
    """Extractions of JSON-lines files; a bad line goes to `rejected` with file and line."""
    from newskg.extract.records import Extraction

    for path in paths:
        p = Path(path)
        if not p.is_file():
            rejected.append(
                (
                    path,
                    f"{path}: no such file; --extractions takes JSON lines from "
                    f"`newskg extract --format json`",
                )
            )
            continue
        with p.open("rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    ex = Extraction.from_json(json.loads(raw.decode("utf-8")))
                    if not isinstance(ex.doc, str) or not ex.doc.strip():
                        raise ValueError(f'"doc" is {ex.doc!r}, not a non-empty string')
                    yield ex
                except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                    rejected.append(
                        (
                            f"{path}:{n}",
                            f"{path}:{n}: not an extraction ({exc}); expected one "
                            f"JSON object per line as `newskg extract --format json` "
                            f"prints",
                        )
                    )


def cmd_build(args: argparse.Namespace) -> int:
    """Build; exit status 1 when any input was rejected (the rest is built), 0 otherwise."""
    from newskg.app.ingest import build_paths, finish_build
    from newskg.app.parallel import default_jobs
    from newskg.extract.reader import DEFAULT_MAX_CHARS
    from newskg.graph.build import BuildReport, add_extractions
    from newskg.graph.store import open_store

    progress = not args.no_progress and sys.stderr.isatty()
    jobs = args.jobs or default_jobs()
    if args.dask and args.extractions:
        raise InputError("--dask runs the extraction; it does not take --extractions")
    with open_store(args.store) as store:
        if args.extractions:
            report = BuildReport()
            exs = list(_read_extractions(args.paths, report.rejected))
            report.merge(add_extractions(store, exs, progress=progress, force=args.force))
            finish_build(store, report)
        elif args.dask:
            from newskg.app.dask_build import build_dask

            report = build_dask(
                store,
                args.paths,
                args.dask,
                force=args.force,
                jobs=jobs,
                max_chars=args.max_chars or DEFAULT_MAX_CHARS,
            )
        else:
            report = build_paths(
                store,
                args.paths,
                progress=progress,
                force=args.force,
                max_chars=args.max_chars or DEFAULT_MAX_CHARS,
                jobs=jobs,
            )
        location = store.location
    print(f"{location}: {report.summary()}")
    for doc, reason in report.rejected:
        print(f"  rejected {reason}" if reason.startswith(doc) else f"  rejected {doc}: {reason}")
    for warning in report.warnings:
        print(f"  warning: {warning}", file=sys.stderr)
    return 1 if report.rejected else 0


# ---------------------------------------------------------------------- query
def _short(value: object) -> str:
    from newskg.graph.sparql import PREFIXES

    if value is None:
        return ""
    text = str(value)
    for prefix, iri in PREFIXES.items():
        if text.startswith(iri) and len(text) > len(iri):
            return f"{prefix}:{text[len(iri) :]}"
    return text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    out, w = [], 0
    for ch in text:
        w += _width(ch)
        if w > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def format_table(columns: list[str], rows: list[tuple]) -> str:
    """Rows as an aligned text table (IRIs shortened to prefix:name, long cells cut)."""
    cells = [[_cell(_short(v)) for v in row] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out)


def _params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        if "=" not in item:
            raise InputError(f"--param {item!r}: write NAME=VALUE, e.g. --param place=Siheung")
        k, v = item.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def cmd_query(args: argparse.Namespace) -> int:
    from newskg.graph.sparql import named_queries, query, run_named
    from newskg.graph.store import open_store

    if args.list:
        for nq in named_queries().values():
            print(f"{nq.name:12} {nq.title}")
            for prm in nq.parameters:
                print(f"{'':12}   --param {prm.name}=…  ({prm.kind}) {prm.description}")
        return 0
    if args.param and not args.named:
        raise InputError("--param goes with --named NAME (a named query)")
    if args.file is not None:
        try:
            text = args.file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read query file {args.file}: {exc.strerror}") from exc
    elif args.sparql:
        text = args.sparql
    elif not args.named:
        raise InputError("give a query: newskg query 'SELECT …', -f FILE.rq, or --named NAME (see --list)")
    with open_store(args.store, read_only=True) as store:
        if args.named:
            res = run_named(
                store,
                args.named,
                _params(args.param),
                limit=args.limit,
                timeout=args.timeout,
                allow_service=args.allow_service,
            )
        else:
            res = query(store, text, limit=args.limit, timeout=args.timeout, allow_service=args.allow_service)
    if res.kind == "ask":
        print("yes" if res.boolean else "no")
        return 0
    if args.format == "json":
        print(json.dumps(res.to_dicts(), ensure_ascii=False, indent=1))
    elif args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(res.columns)
        w.writerows(["" if v is None else v for v in row] for row in res.rows)
    elif args.named in ("timeline", "leads"):  # facts over time read better as a list than a wide table
        from newskg.graph.timeline import format_timeline

        print(format_timeline(res.to_dicts()) or "(no facts)")
    else:
        print(format_table(res.columns, res.rows))
        more = " (cut by --limit)" if res.truncated else ""
        print(f"({len(res.rows)} row{'s' if len(res.rows) != 1 else ''}{more})")
    return 0


# ---------------------------------------------------------------------- export and validate
def cmd_export(args: argparse.Namespace) -> int:
    from newskg.graph.export import RdfFormat, export
    from newskg.graph.store import open_store

    to_stdout = args.output == "-"
    if args.format:
        fmt = RdfFormat.from_name(args.format)
    elif to_stdout:
        raise InputError("-o - (stdout) needs --format: ttl, jsonld, nt, nq, trig or graphml")
    else:
        fmt = RdfFormat.from_path(args.output)
    with open_store(args.store, read_only=True) as store:
        out = sys.stdout.buffer if to_stdout else Path(args.output)
        n = export(store, fmt, out, graph_iris=args.graph)
    if not to_stdout:
        unit = "edges" if fmt is RdfFormat.GRAPHML else "statements"
        print(f"wrote {n} {unit} to {args.output} ({fmt.media_type})")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from newskg.graph.store import open_store
    from newskg.graph.validate import validate

    with open_store(args.store, read_only=True) as store:
        report = validate(store, graph_iris=args.graph, progress=sys.stderr.isatty())  # bar on a tty
        location = store.location
    if report.conforms:
        print(f"{location}: conforms to the newskg shapes ({report.triples} triples checked)")
        return 0
    print(f"{location}: {len(report.violations)} violation(s) in {report.triples} triples")
    for v in report.violations:
        path = _short(v.path) or "-"
        value = f" (value {_cell(_short(v.value), 40)})" if v.value else ""
        print(f"  {v.severity}: {_short(v.focus)} {path}: {v.message}{value}")
    return 1
