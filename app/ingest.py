"""Read → extract → build: the orchestration of `newskg build`, in the app layer.

graph/ builds from `Extraction` records only; this module joins the reader, the extraction
pipeline and `graph.build.add_extractions`. Every article-level problem (a file that cannot be read,
a bad JSONL line, an article the extractor fails on) is rejected alone, with the file, line and
reason, and the rest still goes through.

Example:
    >>> from newskg.graph.store import open_store
    >>> with open_store(":memory:") as store:  # doctest: +SKIP (loads the pipeline)
    ...     build_paths(store, ["app/sample_articles"]).summary()
    '3 added, 0 replaced, 0 unchanged, 0 rejected'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

from newskg.extract.reader import DEFAULT_MAX_CHARS
from newskg.extract.records import Article, Extraction
from newskg.graph.build import BuildReport, add_extractions, input_hash, input_hashes, package_version
from newskg.graph.resolve import article_iri
from newskg.graph.store import KGStore
from newskg.ontology.errors import InputError, NewsKGError, PipelineError

__all__ = ["build_paths", "extract_each", "read_articles", "finish_build"]


def read_articles(
    paths: Sequence[str | Path],
    report: BuildReport,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    root: str | Path | None = None,
) -> list[Article]:
    """The readable articles under `paths`; the others go to `report.rejected` with the reason."""
    from newskg.extract.reader import read_paths

    articles: list[Article] = []
    for item in read_paths([str(p) for p in paths], max_chars=max_chars, root=root):
        if isinstance(item, InputError):
            report.rejected.append((str(item).split(": ")[0], str(item)))
        else:
            articles.append(item)
    return articles


def extract_each(extractor, articles: Sequence[Article], report: BuildReport) -> Iterator[Extraction]:
    """Extractions of `articles`, batched; an article that makes the extractor fail is rejected alone."""
    try:
        done = list(extractor.extract_many(articles))
    except (NewsKGError, ValueError, RuntimeError, RecursionError, MemoryError):
        done = []
        for art in articles:
            try:
                done.append(extractor.extract(art))
            except (NewsKGError, ValueError, RuntimeError, RecursionError, MemoryError) as exc:
                report.rejected.append((art.source or art.id, f"{art.id}: extraction failed: {exc}"))
    by_doc = {a.id: a for a in articles}
    for ex in done:
        if ex.article is None and ex.doc in by_doc:
            ex = dataclasses.replace(ex, article=by_doc[ex.doc])
        yield ex


@dataclasses.dataclass
class _Part(BuildReport):
    """One chunk's extractions with the rejections of its articles (a BuildReport to merge)."""

    extractions: list[Extraction] = dataclasses.field(default_factory=list)
    size: int = 0


def _extracted(extractor, articles: Sequence[Article], batch: int, jobs: int) -> Iterator[_Part]:
    """Chunks of extractions in input order, in this process or on `jobs` workers."""
    from newskg.app.parallel import extract_ordered, plan

    workers, chunk = plan(len(articles), jobs)
    if workers <= 1:  # a small input is not worth starting workers (each loads the pipeline)
        for i in range(0, len(articles), batch):
            chunk = articles[i : i + batch]
            part = _Part(size=len(chunk))
            part.extractions = list(extract_each(extractor, chunk, part))
            yield part
        return
    for results in extract_ordered(articles, workers, chunk=chunk):
        part = _Part(size=len(results))
        for r in results:
            if isinstance(r, Extraction):
                part.extractions.append(r)
            else:
                part.rejected.append(r)
        yield part


def build_paths(
    store: KGStore,
    paths: Sequence[str | Path],
    *,
    progress: bool = False,
    batch: int = 32,
    force: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    root: str | Path | None = None,
    jobs: int = 1,
) -> BuildReport:
    """Read the files or directories in `paths`, extract, and add the results to the store.

    An article whose text and metadata are unchanged since it was built with this extractor version
    is not extracted again (``nkg:inputHash``); `force` rebuilds everything. Articles that cannot be
    read or extracted are rejected with the reason; nothing built before is lost. Article ids (and
    so graph IRIs) are file paths relative to `root` (default: the working directory). With
    `jobs` > 1 the extraction runs on that many worker processes (app/parallel.py) and this process
    writes, in input order, so the store ends up the same as with one job.

    Raises:
        PipelineError: the extraction pipeline is missing or cannot be built.
    """
    try:
        from newskg.extract.pipeline import get_extractor
    except ImportError as exc:
        raise PipelineError(
            f"the extraction pipeline is not available ({exc}); reinstall newskg with `make venv`"
        ) from exc
    report = BuildReport()
    articles = read_articles(paths, report, max_chars=max_chars, root=root)
    extractor = get_extractor()
    version = str(getattr(extractor, "version", None) or package_version())
    if not force:
        seen = input_hashes(store)
        todo = [a for a in articles if seen.get(article_iri(a.id)) != input_hash(a, version)]
        report.unchanged += len(articles) - len(todo)
        articles = todo
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(articles), desc="building", unit="article")
    try:
        for part in _extracted(extractor, articles, batch, jobs):
            part.merge(add_extractions(store, part.extractions, extractor_version=version, force=force))
            report.merge(part)
            if bar is not None:
                bar.update(part.size)
    finally:
        if bar is not None:
            bar.close()
    finish_build(store, report)
    return report


def finish_build(store: KGStore, report: BuildReport) -> None:
    """What every build path does once at its end: keep the store's summary current (the figures
    the explorer's first views read; graph/summary.py)."""
    from newskg.graph.summary import after_build

    after_build(store, report)
