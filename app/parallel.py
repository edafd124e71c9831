"""Extraction on several worker processes of one machine (`newskg extract|build --jobs N`).

Each worker process loads the pipeline once (`get_extractor()` caches it per process, and the pool
initializer calls it before the first chunk), extracts chunks of articles and sends the Extractions
back; the parent keeps the input order, so the output is the same as with one process, line for
line. Writing stays in the parent: the embedded Oxigraph store has a single writer.

The pool uses the ``spawn`` start method (``forkserver`` where it exists): a forked child would
inherit the parent's threads and locks (Kiwi, tqdm, the store), which is unsafe. Chunks of a few
dozen articles keep the pickling overhead small next to the extraction itself (an article takes tens
of milliseconds; its pickle a fraction of one).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newskg.extract.records import Article, Extraction
from newskg.ontology.errors import NewsKGError, PipelineError

__all__ = ["default_jobs", "plan", "extract_all", "extract_chunk", "extract_ordered", "ChunkResult"]

CHUNK = 16
"""Most articles per task: enough that a task's pickling is small next to its extraction."""

MIN_PARALLEL = 8
"""Fewer articles than this are extracted in the calling process: starting workers (each loads the
pipeline, seconds) would cost more than it saves."""

_FAILURES = (NewsKGError, ValueError, RuntimeError, RecursionError, MemoryError)

ChunkResult = list[Extraction | tuple[str, str]]
"""Per article of a chunk, in order: its Extraction, or (source, reason) when extraction failed."""


def default_jobs() -> int:
    """The cores this process may run on (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def plan(n: int, jobs: int) -> tuple[int, int]:
    """(worker processes, articles per chunk) for `n` articles on at most `jobs` processes.

    Chunks shrink for a small input so that every worker gets several (the load stays balanced),
    and grow up to CHUNK for a large one; one worker means "extract here, start nothing".

        >>> plan(3, 2), plan(40, 2), plan(10_000, 2)
        ((1, 16), (2, 5), (2, 16))
    """
    if jobs <= 1 or n < MIN_PARALLEL:
        return 1, CHUNK
    chunk = max(1, min(CHUNK, n // (4 * jobs)))
    return min(jobs, -(-n // chunk)), chunk


def _load_pipeline() -> None:
    """Pool initializer: build the process's Extractor once, before its first task."""
    from newskg.extract.pipeline import get_extractor

    get_extractor()


def extract_chunk(articles: Sequence[Article]) -> ChunkResult:
    """Extract `articles` in this process; an article the extractor fails on is reported, not raised."""
    from newskg.extract.pipeline import get_extractor

    extractor = get_extractor()
    out: ChunkResult = []
    for art in articles:
        try:
            out.append(extractor.extract(art))
        except _FAILURES as exc:
            out.append((art.source or art.id, f"{art.id}: extraction failed: {exc}"))
    return out


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def extract_ordered(articles: Iterable[Article], jobs: int, *, chunk: int = CHUNK) -> Iterator[ChunkResult]:
    """Chunk results of `articles`, in input order, extracted on `jobs` worker processes.

    At most ``2 × jobs`` chunks are in flight, so a long input is not read ahead into memory; a
    consumer that stops early shuts the pool down (its workers are ended, not left behind).

    Raises:
        PipelineError: a worker died or could not build the pipeline.
    """
    it = iter(articles)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_load_pipeline) as pool:
        pending: deque[Future[ChunkResult]] = deque()
        try:
            while True:
                while len(pending) < 2 * jobs:
                    part = [a for _, a in zip(range(chunk), it, strict=False)]
                    if not part:
                        break
                    pending.append(pool.submit(extract_chunk, part))
                if not pending:
                    return
                try:
                    done = pending.popleft().result()
                except BrokenProcessPool as exc:
                    raise PipelineError(
                        f"an extraction worker process died or could not build the "
                        f"pipeline ({exc}); out of memory? retry with fewer --jobs"
                    ) from exc
                yield done
        finally:
            for f in pending:
                f.cancel()


def extract_all(articles: Sequence[Article], jobs: int) -> Iterator[Extraction | tuple[str, str]]:
    """Per article, in order: its Extraction or (source, reason); on workers when that pays off."""
    workers, chunk = plan(len(articles), jobs)
    if workers <= 1:
        for i in range(0, len(articles), chunk):
            yield from extract_chunk(articles[i : i + chunk])
        return
    for results in extract_ordered(articles, workers, chunk=chunk):
        yield from results
