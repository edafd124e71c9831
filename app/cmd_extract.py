"""`newskg extract` and `newskg evaluate`: run the extractor on articles, score it on gold data."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

from newskg.ontology.errors import InputError

__all__ = ["register", "cmd_extract", "cmd_evaluate"]

_FMT = argparse.RawDescriptionHelpFormatter


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `newskg` parser."""
    p = sub.add_parser(
        "extract",
        help="entities and triples of articles (JSON lines or a table)",
        formatter_class=_FMT,
        description="Read Korean news articles and print the people, organisations and places they name "
        "and the relations between them, each with its evidence sentence. Input: .txt, .html, "
        '.jsonl ({"id", "text"} a line) files or directories of them; - reads stdin.',
        epilog="examples:\n"
        "  newskg extract app/sample_articles/seed.txt --format table\n"
        "  newskg extract news/ > extractions.jsonl\n"
        "  echo '시흥시는 샌디에이고와 자매결연을 맺었다.' | newskg extract - --format table\n\n"
        "json: one object per article a line (doc, entities, triples), as ../shared/CONTRACT.md says.\n"
        "exit status 1 when a file could not be read (the others are still extracted).",
    )
    p.add_argument("paths", nargs="+", metavar="FILE|DIR", help="article files or directories; - for stdin")
    p.add_argument("--format", choices=("json", "table"), default="json", help="output format (default json)")
    p.add_argument("--html", action="store_true", help="stdin is an HTML page (with -)")
    p.add_argument("--with-article", action="store_true", help="json: add the article text and metadata")
    p.add_argument(
        "--max-chars",
        type=int,
        default=None,
        metavar="N",
        help="refuse articles longer than N characters (default 100000)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="extract on N worker processes (default: the number of cores); same output as 1",
    )
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "evaluate",
        help="score the extractor on annotated articles or KLUE-NER",
        formatter_class=_FMT,
        description="Run the extractor on gold articles and score it as CONTRACT 'Scoring' says: entity "
        "precision/recall/F1 (typed) and triple P/R/F1, overall and by predicate. With --klue, "
        "mention P/R/F1 for PERSON/ORG/LOC on KLUE-NER sentences.",
        epilog="examples:\n"
        "  newskg evaluate --gold tests/data/dev\n"
        "  newskg evaluate --klue tests/data/klue/ner-dev.tsv --json\n"
        "  newskg evaluate --gold my_gold/ --pred my_extractions.jsonl   (score saved output)\n\n"
        'A gold article is a JSON file {"id", "text", "entities", "relations"} (see CONTRACT).',
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--gold", type=Path, metavar="DIR", help="folder of gold article *.json files")
    src.add_argument("--klue", type=Path, metavar="FILE", help="KLUE-NER .tsv file")
    p.add_argument(
        "--pred",
        type=Path,
        metavar="FILE",
        help="score these JSON lines (from `newskg extract`) instead of running the extractor",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--save", type=Path, metavar="FILE", help="also write the predictions as JSON lines")
    p.set_defaults(func=cmd_evaluate)


def _articles(paths: list[str], html: bool, max_chars: int | None):
    from newskg.extract.reader import DEFAULT_MAX_CHARS, read_paths, read_text

    limit = max_chars if max_chars and max_chars > 0 else DEFAULT_MAX_CHARS
    files = [x for x in paths if x != "-"]
    for x in paths:
        if x == "-":
            try:
                yield read_text(sys.stdin.read(), "stdin", html=html, max_chars=limit)
            except InputError as exc:
                yield exc
    if files:
        yield from read_paths(files, max_chars=limit)


def _label(ex, eid: str) -> str:
    e = ex.entity(eid)
    return f"{e.label_en} ({e.label})" if e.label_en and e.label_en != e.label else e.label


def _table(ex) -> str:
    lines = [f"== {ex.doc}: {len(ex.entities)} entities, {len(ex.triples)} triples"]
    rows = [
        (_label(ex, t.subject), t.predicate, _label(ex, t.object), f"{t.confidence:.2f}") for t in ex.triples
    ]
    if rows:
        w0 = max(len(r[0]) for r in rows)
        w1 = max(len(r[1]) for r in rows)
        w2 = max(len(r[2]) for r in rows)
        lines.extend(f"  {a:<{w0}}  {b:<{w1}}  {c:<{w2}}  {d}" for a, b, c, d in rows)
    else:
        lines.append("  (no triples)")
    return "\n".join(lines)


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract every article and print it; failures are reported and make the exit status 1."""
    from newskg.app.parallel import default_jobs, extract_all
    from newskg.extract.records import Extraction

    jobs = args.jobs if args.jobs and args.jobs > 0 else default_jobs()
    failed = 0
    items = list(_articles(args.paths, args.html, args.max_chars))
    done = extract_all([a for a in items if not isinstance(a, InputError)], jobs)
    many = len(args.paths) > 3 or any(Path(x).is_dir() for x in args.paths if x != "-")
    if many and not args.no_progress and sys.stderr.isatty():
        from tqdm import tqdm

        items = tqdm(items, unit="article", file=sys.stderr)
    for item in items:
        if isinstance(item, InputError):
            failed += 1
            print(f"newskg extract: {item}", file=sys.stderr)
            continue
        ex = next(done)
        if not isinstance(ex, Extraction):
            failed += 1
            print(f"newskg extract: {ex[1]}", file=sys.stderr)
            continue
        line = ex.to_line(with_article=args.with_article) if args.format == "json" else _table(ex)
        if not _emit(line):
            break
    done.close()
    return 1 if failed else 0


def _emit(text: str) -> bool:
    """Print a line; False when the reader went away (`newskg extract … | head`)."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (silence the flush at exit)
        return False
    return True


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score the extractor (or saved predictions) against gold data and print the figures."""
    from newskg.extract import evaluate

    if args.gold is not None:
        golds = evaluate.read_gold(args.gold)
        preds = _load_preds(args.pred) if args.pred else list(_run_gold(golds))
        result = evaluate.score_articles(golds, preds)
    else:
        preds = _load_preds(args.pred) if args.pred else list(_run_klue(args.klue))
        result = evaluate.score_klue(args.klue, preds)
    if args.save and not args.pred:
        args.save.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8"
        )
    _emit(json.dumps(result, ensure_ascii=False, indent=1) if args.json else evaluate.format_result(result))
    return 0


def _load_preds(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: cannot read predictions ({exc}); give JSON lines from `newskg extract`"
        ) from exc


def _run_gold(golds: dict):
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.reader import read_text

    ex = get_extractor()
    seen = set()
    for key, g in golds.items():
        if id(g) in seen:
            continue
        seen.add(id(g))
        art = read_text(g["text"], key)
        if g.get("published"):  # gold files carry the date the reader would find in a page's metadata
            art = dataclasses.replace(art, published=g["published"])
        yield ex.extract(art).to_json()


def _run_klue(path: Path):
    from newskg.extract.evaluate import read_klue
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    ex = get_extractor()
    for sid, text, _gold in read_klue(path):
        yield ex.extract(Article(sid, text)).to_json()
