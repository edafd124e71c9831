"""The quality report of issue 7 (`make eval`): the blind part of the news set, cross-validation by
article on the rest, the dev set and KLUE-NER mentions, each with the scorer's figures.

The blind part (news-a10…a12, b10…b12, c10…c12, d10…d12) is read only when asked for (`--no-blind`
skips it without opening those files); the cross-validation and every training step leave it out
by name.

Run as `python -m newskg.extract.eval_report [--no-blind] [--news DIR] [--dev DIR] [--klue FILE]`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from newskg.extract.evaluate import format_result, score_articles, score_klue
from newskg.extract.relscore import BLIND, cross_validate, gold_article

__all__ = ["blind_files", "score_files", "main"]

_SHOWN = ("entities_typed", "triples", "by_predicate", "unrealised", "qualifiers")


def blind_files(news_dir: str | Path) -> list[Path]:
    """The 12 blind articles of the news folder, by name only (their content is not read here)."""
    return [f for f in sorted(Path(news_dir).glob("*.json")) if BLIND.match(f.stem)]


def score_files(files: list[Path], extractor: Any = None) -> dict[str, Any]:
    """Scores of the configured extractor on exactly these gold files."""
    from newskg.extract.pipeline import get_extractor

    ex = extractor or get_extractor()
    golds, preds = {}, []
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        golds[f.stem] = g
        preds.append(ex.extract(gold_article(g, f.stem)).to_json())
    return score_articles(golds, preds)


def _klue(path: Path) -> dict[str, Any]:
    from newskg.extract.evaluate import read_klue
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    ex = get_extractor()
    preds = [ex.extract(Article(sid, text)).to_json() for sid, text, _g in read_klue(path)]
    return score_klue(path, preds)


def _section(title: str, result: dict[str, Any], keys: tuple[str, ...] = _SHOWN) -> str:
    shown = {k: result[k] for k in keys if k in result}
    return f"== {title}\n{format_result(shown)}\n"


def main(argv: list[str] | None = None) -> int:
    """Print the report; the figures are those of `tests/data/score.py`."""
    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared" / "data"
    ap = argparse.ArgumentParser(prog="python -m newskg.extract.eval_report", description=__doc__)
    ap.add_argument("--no-blind", action="store_true", help="skip the 12 blind news articles")
    ap.add_argument("--news", type=Path, default=shared / "news", help="the news gold folder")
    ap.add_argument("--dev", type=Path, default=shared / "dev", help="the dev gold folder")
    ap.add_argument("--klue", type=Path, default=shared / "klue-ner" / "dev.tsv", help="KLUE-NER dev .tsv")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    out = []
    if not args.no_blind:
        files = blind_files(args.news)
        out.append(
            _section(f"(a) blind news part: {len(files)} articles (news-[a-d]10..12)", score_files(files))
        )
    cv = cross_validate(args.news, [args.dev], folds=args.folds)
    n = cv["articles"]
    out.append(
        _section(
            f"(b) the other {n} news articles, rules alone (the rules were written looking at these: "
            "development figures, not blind; nothing is trained)",
            cv["rules"],
        )
    )
    out.append(
        _section(
            f"(b) {cv['folds']}-fold CV by article on the other {n}: rules + learned relation scorer "
            "(each fold's model trained on dev and the other folds)",
            cv["learned"],
        )
    )
    out.append(_section("(c) dev", score_files(sorted(Path(args.dev).glob("*.json")))))
    klue = _klue(args.klue)
    out.append(f"== (d) KLUE-NER dev mentions ({args.klue.name})\n{format_result(klue)}\n")
    print("\n".join(out))  # noqa: T201  (the report is this command's output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
