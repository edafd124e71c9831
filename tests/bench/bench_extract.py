"""Extraction speed and memory: articles/s on one core after model load, peak RSS, load time.

Articles of ~2,000 characters are made by reshuffling the sentences of the dev articles' bodies
(deterministic), so the text is real Korean news prose. Run with `make bench ARGS=extract`.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

N_ARTICLES = 500
TARGET_CHARS = 2000
DEV = Path(__file__).resolve().parents[1] / "data" / "dev"

_LOAD = """
import time
t0 = time.perf_counter()
from newskg.extract.pipeline import Extractor
from newskg.extract.records import Article
ex = Extractor()
t1 = time.perf_counter()
ex.extract(Article("warm", "시흥시는 임병택 시장이 미국 샌디에이고를 방문했다고 밝혔다."))
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t0:.3f}")
"""


def make_articles(n: int = N_ARTICLES, chars: int = TARGET_CHARS) -> list[str]:
    """`n` texts of about `chars` characters from reshuffled dev-body sentences."""
    from newskg.extract.reader import read_text

    sentences: list[str] = []
    for f in sorted(DEV.glob("*.json")):
        art = read_text(json.loads(f.read_text(encoding="utf-8"))["text"], f.stem)
        for s, e in art.body_spans():
            sentences.extend(
                x.strip() for x in re.split(r"(?<=[.다])\s+", art.text[s:e]) if len(x.strip()) > 10
            )
    rng = random.Random(7)
    out = []
    for _ in range(n):
        parts: list[str] = []
        size = 0
        while size < chars:
            s = rng.choice(sentences)
            parts.append(s)
            size += len(s) + 1
        out.append("\n".join(parts))
    return out


def component_times(ex, texts: list[str], kiwi) -> str:
    """Where the time goes: each pipeline step's share and its time as a multiple of Kiwi's own
    analysis of the same texts, measured interleaved article by article (fair on a shared
    machine: load changes both sides alike)."""
    from newskg.extract.records import Article

    steps = {"tokenizer": 0.0, **{name: 0.0 for name, _ in ex.nlp.pipeline}, "records": 0.0}
    kiwi_s = 0.0
    for i, text in enumerate(texts):
        art = Article(f"c{i}", text)
        t0 = time.perf_counter()
        doc = ex.nlp.tokenizer.make_doc(art.text, art.body_spans())
        steps["tokenizer"] += time.perf_counter() - t0
        for name, proc in ex.nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            steps[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        ex.from_doc(art, doc)
        t1 = time.perf_counter()
        kiwi.tokenize(text, split_sents=True)
        steps["records"] += t1 - t0
        kiwi_s += time.perf_counter() - t1
    total = sum(steps.values())
    rows = [f"per component on {len(texts)} articles (× Kiwi alone, share): pipeline {total / kiwi_s:.2f}×"]
    rows += [f"  {k:18} {v / kiwi_s:5.2f}×  {100 * v / total:4.1f} %" for k, v in steps.items()]
    return "\n".join(rows)


def main() -> None:
    env = dict(os.environ, OMP_NUM_THREADS="1")
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True, env=env)
    build, first = (float(x) for x in out.stdout.split())
    print(
        f"pipeline load (fresh process): Extractor() {build:.2f} s; "
        f"with Kiwi model and first article {first:.2f} s"
    )

    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    texts = make_articles()
    ex = get_extractor()
    ex.extract(Article("warm", texts[0]))
    t0 = time.perf_counter()
    n_triples = 0
    for i, t in enumerate(texts):
        n_triples += len(ex.extract(Article(f"b{i}", t)).triples)
    dt = time.perf_counter() - t0
    avg = sum(map(len, texts)) / len(texts)
    # for scale, Kiwi alone on the same machine and texts (the floor of the whole pipeline)
    from newskg.extract.tokenizer import get_kiwi

    kiwi = get_kiwi()
    t0 = time.perf_counter()
    for t in texts[:100]:
        kiwi.tokenize(t, split_sents=True)
    kiwi_rate = 100 / (time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"extraction: {len(texts)} articles of {avg:.0f} chars in {dt:.1f} s = "
        f"{len(texts) / dt:.1f} articles/s (one core), {n_triples} triples"
    )
    print(f"Kiwi alone on the same texts: {kiwi_rate:.1f} articles/s")
    print(component_times(ex, texts[:100], kiwi))
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
