"""`newskg build --dask`: extraction on a Dask cluster, one N-Quads file per partition, bulk-loaded.

The driver (this process) lists the input files and cuts them into partitions of file names; it
never holds the texts. Each partition is a task of a `dask.bag` on the workers, which read its
files and decide what to do exactly as `build_paths` does: an article whose ``nkg:inputHash`` is in
the store is skipped, one whose extraction gives the ``nkg:contentHash`` already there is counted
unchanged (the two hash tables are scattered to every worker once). Each worker process builds the
pipeline once (the `PreloadPipeline` worker plugin at start-up, then `get_extractor()`'s
per-process cache), so no task loads a model. On a running scheduler the driver waits for a first
worker at most `worker_timeout` seconds, then fails naming the scheduler.
A partition comes back as N-Quads text; the driver, the only writer, writes it to
``part-<key>.nq`` (atomically, with the list of its graphs beside it) and loads it: with
`pyoxigraph.Store.bulk_load` into an embedded store, or, for an ``http(s)://`` store, one Graph
Store protocol ``PUT /store?graph=…`` per article graph (replace, so a repeat is harmless).

Crash safety and idempotence: a part file is deleted only once it is loaded; a rerun first loads
the part files a crash left (dropping their graphs first, so a half-done bulk load is redone
whole), then extracts only what the store still lacks. A rerun on a grown input extracts only the
new articles. Without a persistent store (``:memory:``, a remote endpoint) parts go to a temporary
directory and the input hashes alone make the rerun incremental.

Example:
    >>> from newskg.graph.store import open_store
    >>> with open_store(":memory:") as store:  # doctest: +SKIP (starts a LocalCluster)
    ...     build_dask(store, ["app/sample_articles"], "local", jobs=2).summary()
    '6 added, 0 replaced, 0 unchanged, 0 rejected'
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newskg.app.ingest import finish_build, read_articles
from newskg.extract.reader import DEFAULT_MAX_CHARS
from newskg.extract.records import Article, Extraction
from newskg.graph.build import BuildReport, article_ntriples, content_hash, input_hash, input_hashes
from newskg.graph.resolve import article_iri
from newskg.graph.sparql import query
from newskg.graph.store import KGStore, LocalStore, RemoteStore
from newskg.ontology.errors import InputError, NewsKGError, PipelineError, StoreError
from newskg.ontology.vocab import NKG

__all__ = ["build_dask", "extract_partition", "PreloadPipeline", "PARTITION"]

PARTITION = 64
"""Articles per partition: a few seconds of work per task, so scheduling overhead stays negligible."""


# ---------------------------------------------------------------------- on the workers
def _plugin_base() -> type:
    try:
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:  # the workers import this module too; without dask only the driver fails
        return object
    return WorkerPlugin


class PreloadPipeline(_plugin_base()):  # type: ignore[misc]
    """Worker plugin: build the extraction pipeline when the worker starts, once per process."""

    name = "newskg-pipeline"

    def setup(self, worker: Any) -> None:
        from newskg.extract.pipeline import get_extractor

        get_extractor()


def _version() -> str:
    """The extractor version of the process this runs in (driver and workers must agree)."""
    from newskg.extract.pipeline import get_extractor

    ex = get_extractor()
    return str(getattr(ex, "version", None) or "")


def extract_partition(articles: Sequence[Article], version: str, existing: dict[str, str]) -> dict:
    """Extract a partition on this worker and turn it into N-Quads, as `add_extractions` would.

    `existing` maps the partition's article graphs already in the store to their content hash:
    an article whose new extraction has that hash is counted unchanged and not written.
    """
    from newskg.app.parallel import extract_chunk

    out: dict[str, Any] = {"graphs": {}, "unchanged": 0, "rejected": [], "warnings": []}
    for ex in extract_chunk(articles):
        if not isinstance(ex, Extraction):
            out["rejected"].append(list(ex))
            continue
        try:
            digest = content_hash(ex)
            g = article_iri(ex.doc)
            if existing.get(g) == digest:
                out["unchanged"] += 1
                continue
            when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            g, lines = article_ntriples(
                ex, generated_at=when, extractor_version=version, digest=digest, warnings=out["warnings"]
            )
        except (InputError, KeyError, ValueError, TypeError, AttributeError) as exc:
            out["rejected"].append([str(ex.doc), str(exc)])
            continue
        out["graphs"][g] = "\n".join(lines) + "\n"
    return out


def extract_files(
    files: Sequence[str],
    version: str,
    built: dict[str, str],
    existing: dict[str, str],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    root: str,
    force: bool = False,
) -> dict:
    """Read a partition of input files on this worker, skip what is built, extract the rest.

    `built` maps article graphs to the ``nkg:inputHash`` in the store (an article read with that hash
    is unchanged, not extracted); `existing` to their ``nkg:contentHash`` (see `extract_partition`).
    The result also names the ids read (for the driver's duplicate check), the graphs it replaces
    and the partition's key (its part file's name).
    """
    report = BuildReport()
    articles = read_articles(files, report, max_chars=max_chars, root=root)
    todo = [a for a in articles if force or built.get(article_iri(a.id)) != input_hash(a, version)]
    known = {} if force else {g: existing[g] for g in map(article_iri, (a.id for a in todo)) if g in existing}
    out = extract_partition(todo, version, known)
    out["unchanged"] += len(articles) - len(todo)
    out["rejected"] = [list(r) for r in report.rejected] + out["rejected"]
    out["ids"] = {a.id: article_iri(a.id) for a in articles}
    out["replaced"] = [g for g in out["graphs"] if g in existing]
    out["key"] = _partition_key(todo, version)
    return out


def _run_files(files: Sequence[str], **kwargs: Any) -> dict:
    return extract_files(files, **kwargs)


# ---------------------------------------------------------------------- on the driver
def _input_files(paths: Sequence[str | Path], report: BuildReport) -> list[str]:
    """The input files under `paths` as absolute paths, each once; a missing path is rejected."""
    from newskg.extract.reader import _expand  # the reader's own walk: same files, same order

    out: dict[str, str] = {}
    for item in _expand(paths):
        if isinstance(item, InputError):
            report.rejected.append((str(item).split(": ")[0], str(item)))
        else:
            out.setdefault(os.path.realpath(item), os.path.abspath(item))
    return list(out.values())


def _content_hashes(store: KGStore) -> dict[str, str]:
    res = query(store, f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{NKG.contentHash}> ?h }} }}")
    return {str(g): str(h) for g, h in res.rows}


def _nquads(graphs: dict[str, str]) -> str:
    """N-Triples per graph → one N-Quads text (each line's final '.' becomes '<graph> .')."""
    parts = []
    for g, text in graphs.items():
        name = f"<{g}> ."
        parts.extend(line[:-1] + name for line in text.splitlines() if line)
    return "\n".join(parts) + "\n"


class _Loader:
    """Writes partitions to the store: part files + bulk load (embedded) or Graph Store PUTs (remote)."""

    def __init__(self, store: KGStore, spool: Path) -> None:
        store.check_writable()
        self.store = store
        self.spool = spool
        if isinstance(store, RemoteStore):
            parts = urllib.parse.urlsplit(store.location)
            if parts.path not in ("", "/"):
                raise InputError(
                    f"--dask with --store {store.location}: give the server's root URL "
                    f"(http://host:port), whose /store is its Graph Store endpoint"
                )
            self.gsp = store.location.rstrip("/") + "/store"

    def recover(self) -> int:
        """Load the part files an interrupted run left behind; the number loaded."""
        n = 0
        for meta in sorted(self.spool.glob("part-*.json")):
            nq = meta.with_suffix(".nq")
            if nq.exists():
                self._load(nq, json.loads(meta.read_text(encoding="utf-8"))["graphs"], None)
                n += 1
            meta.unlink(missing_ok=True)
        for tmp in self.spool.glob("*.tmp"):
            tmp.unlink(missing_ok=True)
        return n

    def write(self, key: str, result: dict) -> None:
        graphs: dict[str, str] = result["graphs"]
        if not graphs:
            return
        nq = self.spool / f"part-{key}.nq"
        if isinstance(self.store, RemoteStore):  # the server keeps it; no file to recover from
            self._load(None, list(graphs), graphs)
            return
        _atomic_write(nq, _nquads(graphs))
        _atomic_write(nq.with_suffix(".json"), json.dumps({"graphs": list(graphs)}))
        self._load(nq, list(graphs), None)

    def _load(self, nq: Path | None, graphs: list[str], texts: dict[str, str] | None) -> None:
        if isinstance(self.store, LocalStore):
            for g in graphs:  # a half-loaded or older version of the graph goes first
                self.store.drop_graph(g)
            db = self.store.require_ox()
            try:
                import pyoxigraph as ox

                db.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
                db.flush()
            except (OSError, SyntaxError) as exc:
                raise StoreError(f"cannot bulk-load {nq} into {self.store.location}: {exc}") from exc
        else:
            if texts is None:
                texts = _split_nquads(nq.read_text(encoding="utf-8")) if nq else {}
            for g in graphs:
                self._put(g, texts[g].encode("utf-8"))
        if nq is not None:
            nq.with_suffix(".json").unlink(missing_ok=True)
            nq.unlink(missing_ok=True)

    def _put(self, graph: str, body: bytes) -> None:
        url = self.gsp + "?" + urllib.parse.urlencode({"graph": graph})
        req = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:  # noqa: S310 (http(s) only)
                resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise StoreError(f"Graph Store PUT {url} answered {exc.code}: {detail}") from exc
        except OSError as exc:
            raise StoreError(f"cannot reach the Graph Store endpoint {self.gsp}: {exc}") from exc


def _split_nquads(text: str) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line:
            head, _, graph = line[:-2].rstrip().rpartition(" ")
            out.setdefault(graph[1:-1], []).append(head + " .")
    return {g: "\n".join(lines) + "\n" for g, lines in out.items()}


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _partition_key(articles: Sequence[Article], version: str) -> str:
    digest = hashlib.sha256(version.encode())
    for a in articles:
        digest.update(input_hash(a, version).encode())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _client(scheduler: str, jobs: int, worker_timeout: float = 60.0) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise PipelineError(
            f"--dask needs dask.distributed ({exc}); reinstall newskg with `make venv`"
        ) from exc
    if scheduler == "local":
        # processes, not threads: the pipeline is pure-Python work under the GIL
        with (
            LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                # a free port of its own: a second build (or test) running at once never collides on 8787
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise StoreError(
            f"cannot reach the Dask scheduler {scheduler}: {exc}; start one with "
            f"`dask scheduler` (see docs/scaling.md)"
        ) from exc
    with client:
        try:  # a scheduler without workers would take the tasks and never run them
            client.wait_for_workers(1, timeout=worker_timeout)
        except (TimeoutError, OSError) as exc:
            raise PipelineError(
                f"the Dask scheduler {scheduler} has no workers after {worker_timeout:g} s; start some "
                f"with `dask worker {scheduler}` (see docs/scaling.md)"
            ) from exc
        yield client


def build_dask(
    store: KGStore,
    paths: Sequence[str | Path],
    scheduler: str,
    *,
    force: bool = False,
    jobs: int = 2,
    max_chars: int = DEFAULT_MAX_CHARS,
    root: str | Path | None = None,
    partition: int = PARTITION,
    spool: str | Path | None = None,
    worker_timeout: float = 60.0,
) -> BuildReport:
    """Build like `build_paths`, extracting on the Dask cluster at `scheduler` ('local' starts one).

    Args:
        store: an open, writable store (embedded, or an Oxigraph-compatible server's root URL).
        scheduler: 'local' for a LocalCluster of `jobs` worker processes, else tcp://host:port.
        partition: input files per dask.bag partition (one task, one N-Quads file); the workers
            read them, so the driver never holds the texts.
        spool: directory of part files (default: beside an on-disk store, else a temporary one).
        worker_timeout: seconds to wait for a first worker on a running scheduler.

    Raises:
        StoreError: the scheduler or the store cannot be reached or written.
        PipelineError: dask.distributed is not installed, or a worker cannot build the pipeline.
    """
    import dask.bag as db

    report = BuildReport()
    with contextlib.ExitStack() as stack:
        if spool is None and isinstance(store, LocalStore) and store.kind == "disk":
            spool = Path(store.location).with_name(Path(store.location).name + ".parts")
        if spool is None:
            spool = stack.enter_context(tempfile.TemporaryDirectory(prefix="newskg-parts-"))
        spool = Path(spool)
        spool.mkdir(parents=True, exist_ok=True)
        loader = _Loader(store, spool)
        loader.recover()
        files = _input_files(paths, report)
        if not files:
            finish_build(store, report)  # parts recovered from a crash may have changed the store
            return report
        version = _version()
        client = stack.enter_context(_client(scheduler, jobs, worker_timeout))
        try:
            client.register_plugin(PreloadPipeline(), name=PreloadPipeline.name)
            theirs = client.submit(_version, pure=False).result()
        except NewsKGError:
            raise
        except Exception as exc:  # noqa: BLE001 (a worker's own failure arrives as whatever it raised)
            raise PipelineError(f"the Dask workers cannot build the extraction pipeline: {exc}") from exc
        if theirs != version:
            raise PipelineError(
                f"the Dask workers run extractor {theirs}, this process {version}; "
                f"install the same newskg on the workers"
            )
        # the driver holds file names and hashes only: the workers read the texts
        [built, existing] = client.scatter(  # a list: each dict is one piece of data, not its items
            [{} if force else input_hashes(store), _content_hashes(store)], broadcast=True
        )
        parts = [files[i : i + partition] for i in range(0, len(files), partition)]
        root_dir = os.path.abspath(root if root is not None else os.getcwd())
        bag = db.from_sequence(parts, npartitions=len(parts))
        tasks = bag.map(
            _run_files,
            version=version,
            built=built,
            existing=existing,
            max_chars=max_chars,
            root=root_dir,
            force=force,
        ).to_delayed()
        futures = client.compute(tasks)
        index = {f.key: i for i, f in enumerate(futures)}
        from distributed import as_completed

        # written in input order (a later duplicate id is rejected, as build_paths does); results that
        # arrive early wait in `ready`, so the driver holds at most the partitions still out of order
        ready: dict[int, dict] = {}
        ids: dict[str, str] = {}
        following = 0
        for future in as_completed(futures):
            i = index[future.key]
            try:
                [ready[i]] = future.result()
            except NewsKGError:
                raise
            except Exception as exc:  # noqa: BLE001 (a lost worker, or its own failure, as whatever it raised)
                raise PipelineError(
                    f"partition {i} of {len(parts)} failed on the Dask cluster: {exc}; "
                    f"rerun to do what is left"
                ) from exc
            future.release()
            while following in ready:
                r = ready.pop(following)
                for doc, g in r["ids"].items():
                    if doc in ids:
                        r["graphs"].pop(g, None)
                        report.rejected.append(
                            (
                                doc,
                                f"{doc}: duplicate article id {doc!r} (first read in partition "
                                f"{ids[doc]}); give every article its own id",
                            )
                        )
                    else:
                        ids[doc] = str(following)
                loader.write(r["key"], r)
                report.rejected += [tuple(x) for x in r["rejected"]]
                report.warnings += r["warnings"]
                report.unchanged += r["unchanged"]
                for g in r["graphs"]:
                    report.articles.append(g)
                    if g in r["replaced"]:
                        report.replaced += 1
                    else:
                        report.added += 1
                following += 1
    finish_build(store, report)
    return report
