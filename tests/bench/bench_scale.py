"""Scale figures (issue 11): pipeline vs Kiwi CPU time, `--jobs 2` over `--jobs 1`, a Dask LocalCluster
of 2 workers vs `--jobs 2`, peak RSS per worker. Run with `make bench ARGS=scale`.

Every figure is measured after the pipeline is loaded in each process (steady state), on the same
~2,000-character articles as bench_extract (reshuffled dev-body sentences). The machine may be shared:
absolute rates move with the load, so compare the ratios, which come from one run. Set
NEWSKG_BENCH_N to change the number of articles (default 160).
"""

from __future__ import annotations

import os
import resource
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from newskg.app.parallel import _context, _load_pipeline, extract_chunk
from newskg.extract.records import Article

from tests.bench.bench_extract import make_articles

N = int(os.environ.get("NEWSKG_BENCH_N", "160"))
CHUNK = 16


def _rss_mb(_: object = None) -> tuple[int, float]:
    """(pid, peak RSS in MB) of the process this runs in."""
    time.sleep(0.3)  # keeps this worker busy so that the other one takes the next such task
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(_: object = None) -> tuple[int, float]:
    """(pid, CPU seconds so far) of the process this runs in."""
    time.sleep(0.3)
    r = resource.getrusage(resource.RUSAGE_SELF)
    return os.getpid(), r.ru_utime + r.ru_stime


def _kiwi_vs_pipeline(articles: list[Article]) -> float:
    """Print CPU seconds of the pipeline and of Kiwi alone on the same bodies; articles per CPU-second."""
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.tokenizer import get_kiwi

    ex = get_extractor()
    ex.extract(articles[0])
    by_part: Counter[str] = Counter()
    c0 = time.process_time()
    for art in articles:
        t = time.process_time()
        doc = ex.nlp.tokenizer.make_doc(art.text, art.body_spans())
        by_part["tokenizer (Kiwi + Doc)"] += time.process_time() - t
        for name, proc in ex.nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            by_part[name] += time.process_time() - t
    c_doc = time.process_time() - c0
    c0 = time.process_time()
    for art in articles:
        ex.extract(art)
    c_pipe = time.process_time() - c0
    kiwi = get_kiwi()
    c0 = time.process_time()
    for art in articles:
        for s, e in art.body_spans():
            kiwi.tokenize(art.text[s:e], split_sents=True)
    c_kiwi = time.process_time() - c0
    print(
        f"pipeline vs Kiwi, CPU time on {len(articles)} articles: pipeline {c_pipe:.1f} s, Kiwi alone "
        f"{c_kiwi:.1f} s, ratio {c_pipe / c_kiwi:.2f} (goal <= 1.3)"
    )
    # the shares are of the profiled run's own total: two runs of the same work differ by more than
    # the qualifier step takes, so a difference of two runs would say nothing about it
    share = ", ".join(f"{k} {v / c_doc:.0%} ({v / c_kiwi:.2f}x Kiwi)" for k, v in by_part.most_common())
    print(f"  where the time goes (share of a profiled run's CPU time, {c_doc:.1f} s): {share}")
    print(
        f"  Kiwi alone: {sum(len(a.text) for a in articles) / c_kiwi / 1000:.1f}k characters per CPU-second"
    )
    return len(articles) / c_pipe


def _jobs(articles: list[Article], jobs: int) -> tuple[float, list[float], float]:
    """(articles/s wall, peak RSS MB per worker, articles per worker CPU-second) on `jobs` warm workers.

    The CPU-time rate does not depend on what else the machine runs: it shows what the parallel
    path costs per article (pickling, the pool) next to one process.
    """
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_load_pipeline) as pool:
        list(pool.map(extract_chunk, [[a] for a in articles[: jobs * 2]]))  # start and warm every worker
        chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
        before = dict(pool.map(_cpu, range(jobs * 3)))
        t0 = time.perf_counter()
        for _ in pool.map(extract_chunk, chunks):
            pass
        dt = time.perf_counter() - t0
        after = dict(pool.map(_cpu, range(jobs * 3)))
        rss = dict(pool.map(_rss_mb, range(jobs * 3)))
    cpu = sum(after[p] - before.get(p, after[p]) for p in after)
    return len(articles) / dt, sorted(rss.values()), len(articles) / cpu


def _dask(articles: list[Article], workers: int) -> tuple[float, list[float], float]:
    """(articles/s wall to N-Quads on the driver, peak RSS MB per worker, bulk-load quads/s)."""
    import dask.bag as db
    import pyoxigraph as ox
    from newskg.app.dask_build import (
        PARTITION,
        PreloadPipeline,
        _client,
        _nquads,
        _version,
        extract_partition,
    )

    version = _version()
    with _client("local", workers) as client:  # the cluster the build itself starts
        client.register_plugin(PreloadPipeline(), name=PreloadPipeline.name)  # every worker loads here
        client.run(extract_chunk, articles[:1])
        size = min(PARTITION, max(1, len(articles) // (4 * workers)))
        parts = [articles[i : i + size] for i in range(0, len(articles), size)]
        t0 = time.perf_counter()
        # the build's own partition step (the build reads the files on the workers first)
        bag = db.from_sequence(parts, npartitions=len(parts))
        results = bag.map(extract_partition, version=version, existing={}).compute()
        dt = time.perf_counter() - t0
        rss = [mb for _pid, mb in client.run(_rss_mb).values()]
    text = "".join(_nquads(r["graphs"]) for r in results)
    store = ox.Store()
    t0 = time.perf_counter()
    store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    load = len(store) / (time.perf_counter() - t0)
    print(f"graph: {len(store) / len(articles):.0f} quads per article")
    return len(articles) / dt, sorted(rss), load


def main() -> None:
    texts = make_articles(N)
    articles = [Article(f"bench-{i}", t) for i, t in enumerate(texts)]
    print(
        f"{len(articles)} articles of {sum(map(len, texts)) / len(texts):.0f} characters; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (a shared machine makes the "
        f"absolute rates noisy; the ratios come from one run)"
    )
    per_cpu = _kiwi_vs_pipeline(articles)
    one, rss1, cpu1 = _jobs(articles, 1)
    two, rss2, cpu2 = _jobs(articles, 2)
    dask_rate, rss_dask, load = _dask(articles, 2)
    print(
        f"--jobs 1: {one:.1f} articles/s; --jobs 2: {two:.1f} articles/s; speed-up {two / one:.2f} "
        f"(goal >= 1.8)"
    )
    print(
        f"  per worker CPU-second: --jobs 1 {cpu1:.1f}, --jobs 2 {cpu2:.1f} articles "
        f"(efficiency {cpu2 / cpu1:.0%}: what 2 idle cores would give is {2 * cpu2 / cpu1:.2f}x)"
    )
    print(
        f"Dask LocalCluster, 2 workers (extraction + N-Quads): {dask_rate:.1f} articles/s = "
        f"{dask_rate / two:.0%} of --jobs 2 (goal >= 85%)"
    )
    print(f"bulk load of the Dask N-Quads into Oxigraph: {load:,.0f} quads/s")
    print(f"pipeline CPU rate: {per_cpu:.1f} articles per CPU-second")
    print(
        "peak RSS per worker (MB): --jobs 1 "
        + ", ".join(f"{x:.0f}" for x in rss1)
        + "; --jobs 2 "
        + ", ".join(f"{x:.0f}" for x in rss2)
        + "; Dask "
        + ", ".join(f"{x:.0f}" for x in rss_dask)
        + " (goal <= 1024)"
    )


if __name__ == "__main__":
    main()
