"""Body finding of the HTML reader on saved pages in the layouts of Korean news CMSs
(tests/data/reader/body: NDsoft, Naver, Daum, Yonhap, Arc, Gabia, WordPress/JNews, broadcaster),
each page beside a JSON file with its headline, date, story paragraphs and boilerplate strings.

Per method: paragraph recall (story paragraphs found in the body spans), precision (story
paragraphs among the paragraphs and boilerplate strings found there), F1, and how often the
headline and the date are right.

    .venv/bin/python -m tests.bench.reader_body
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newskg.extract.reader import HTML_METHODS, _from_html

PAGES = Path(__file__).resolve().parents[1] / "data" / "reader" / "body"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def score(method: str) -> dict[str, float]:
    """Micro-averaged figures of `method` over every saved page."""
    found = junk_kept = total = heads = dates = pages = 0
    for page in sorted(PAGES.glob("*.html")):
        gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        art = _from_html(page.read_text(encoding="utf-8"), page.name, None, method)
        body = _norm(" ".join(art.text[s:e] for s, e in art.body_spans()))
        found += sum(_norm(p) in body for p in gold["body"])
        junk_kept += sum(_norm(j) in body for j in gold["junk"])
        total += len(gold["body"])
        heads += art.title == gold["headline"]
        dates += art.published == gold["published"]
        pages += 1
    p = found / (found + junk_kept) if found + junk_kept else 0.0
    r = found / total if total else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "headline": heads / pages,
        "date": dates / pages,
        "pages": pages,
    }


def main() -> None:
    print(f"{'method':18} {'P':>6} {'R':>6} {'F1':>6} {'headline':>9} {'date':>6}  (pages)")
    for method in HTML_METHODS:
        s = score(method)
        print(
            f"{method:18} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['headline']:9.3f} "
            f"{s['date']:6.3f}  ({s['pages']})"
        )


if __name__ == "__main__":
    main()
