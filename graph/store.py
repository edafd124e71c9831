"""Open the graph store: embedded on-disk Oxigraph, in-memory Oxigraph, or a remote SPARQL endpoint.

One string picks the store (`--store`, env `NEWSKG_STORE`, else `DEFAULT_STORE`):

* a directory path → an embedded Oxigraph store on disk (created on first write);
* ``:memory:`` → an in-memory Oxigraph store (tests, one-off scripts);
* ``http(s)://host:port`` → a SPARQL 1.1 endpoint (Query + Update). A bare ``host:port`` URL uses
  Oxigraph server's layout (``/query``, ``/update``); a URL with a path is used for both (Fuseki's
  ``/dataset``); env ``NEWSKG_UPDATE_ENDPOINT`` overrides the update URL (GraphDB's ``/statements``).
  The endpoint must treat its default graph as the union of the named graphs, as newskg does locally
  (``oxigraph serve --union-default-graph``; Fuseki ``tdb2:unionDefaultGraph true``).

`KGStore` is one interface with two implementations, `LocalStore` (embedded Oxigraph) and
`RemoteStore` (SPARQL over HTTP): queries, updates, article-graph writes and quad reads go through
its methods, so no caller asks which kind it holds. `KGStore.dataset` is the same data as an rdflib
`Dataset` (default graph = union of named graphs); newskg itself talks to Oxigraph directly or over
HTTP, which is much faster.

A local query with a time limit runs in a forked worker process that is killed when the limit
passes (Oxigraph cannot cancel a query in-process), so a runaway query leaves no work behind.

Example:
    >>> with open_store(":memory:") as store:
    ...     store.update("INSERT DATA { GRAPH <https://e.org/g> { <https://e.org/a> <https://e.org/p> 1 } }")
    ...     len(store.dataset), type(store).__name__
    (1, 'LocalStore')
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import select
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from newskg.graph.results import QueryResult, plain, plain_json, take
from newskg.ontology.errors import NewsKGError, QueryError, StoreError
from rdflib import Dataset

__all__ = [
    "DEFAULT_STORE",
    "MEMORY",
    "KGStore",
    "LocalStore",
    "RemoteStore",
    "open_store",
    "resolve_location",
    "is_endpoint",
]

DEFAULT_STORE = "data/newskg.oxigraph"
"""Default store location, relative to the working directory; env NEWSKG_STORE overrides it."""
MEMORY = ":memory:"

PREFIXES = {
    "nkg": "https://w3id.org/newskg/ontology#",
    "entity": "https://w3id.org/newskg/entity/",
    "article": "https://w3id.org/newskg/article/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
}
"""Prefixes every query may use without declaring them (local stores; remote queries get them prepended)."""

_IRI_BAD = frozenset(
    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15"
    '\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f <>"{}|^`\\'
)


def resolve_location(store: str | os.PathLike[str] | None) -> str:
    """The store location to use: the argument, else env NEWSKG_STORE, else DEFAULT_STORE.

    >>> resolve_location(":memory:")
    ':memory:'
    """
    if store is not None and str(store) != "":
        return str(store)
    return os.environ.get("NEWSKG_STORE") or DEFAULT_STORE


def is_endpoint(location: str) -> bool:
    """True when the store string names a SPARQL endpoint (http:// or https://).

    >>> is_endpoint("http://localhost:7878"), is_endpoint("data/newskg.oxigraph")
    (True, False)
    """
    return location.startswith(("http://", "https://"))


def _graph_term(graph: str) -> str:
    if not graph or any(c in _IRI_BAD for c in graph):
        raise StoreError(f"article graph name {graph!r} is not a valid IRI")
    return f"<{graph}>"


class KGStore(ABC):
    """A handle on one graph store. Use as a context manager, or call `close()`.

    Attributes:
        location: the store string it was opened with (path, ``:memory:`` or URL).
        read_only: True when opened read-only (writes raise StoreError).
        kind: "disk", "memory" or "remote".
    """

    kind: str

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        self.location = location
        self.read_only = read_only
        self._dataset: Dataset | None = None

    # ------------------------------------------------------------------ the interface
    @abstractmethod
    def run_query(
        self,
        sparql: str,
        kind: str,
        *,
        limit: int | None = None,
        timeout: float | None = None,
        bindings: Mapping[str, Any] | None = None,
    ) -> QueryResult:
        """Evaluate a query of `kind` (select, ask, construct) with the `PREFIXES` predeclared.

        Raises:
            QueryError: malformed query, or the time limit passed (the work is stopped).
            StoreError: the store cannot be read or reached.
        """

    @abstractmethod
    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL UPDATE as one transaction (raises StoreError when read-only or on failure)."""

    @abstractmethod
    def quads(self, graph_iris: Sequence[str] | None = None) -> Iterator[ox.Quad]:
        """Every quad of the named graphs (or of `graph_iris` only)."""

    @abstractmethod
    def _make_dataset(self) -> Dataset: ...

    def write_graph(self, graph: str, ntriples: str, *, replace: bool) -> None:
        """Write one named graph from N-Triples text in one transaction (replacing it when `replace`)."""
        g = _graph_term(graph)
        self.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{ntriples}\n}} }}")

    def drop_graph(self, graph: str) -> None:
        """Remove one named graph (nothing happens when it is absent)."""
        self.update(f"DROP SILENT GRAPH {_graph_term(graph)}")

    # ------------------------------------------------------------------ shared
    @property
    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset whose default graph is the union of the named graphs."""
        if self._dataset is None:
            self._dataset = self._make_dataset()
        return self._dataset

    def check_writable(self) -> None:
        """Raise StoreError when the store was opened read-only."""
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only; open it without read_only to write")

    def close(self) -> None:
        """Release the store."""
        self._dataset = None

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"{type(self).__name__}({self.location!r}, {mode})"


# ---------------------------------------------------------------------------------- embedded Oxigraph
class LocalStore(KGStore):
    """An embedded Oxigraph store, on disk (a directory) or in memory (``:memory:``).

    Attributes:
        ox: the `pyoxigraph.Store` (None once closed).
    """

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        super().__init__(location, read_only=read_only)
        self.ox: ox.Store | None = None
        self.kind = "memory" if location == MEMORY else "disk"
        if self.kind == "memory":
            self.ox = ox.Store()
        else:
            self._open(Path(location))

    def _open(self, path: Path) -> None:
        if path.exists() and not path.is_dir():
            raise StoreError(
                f"store {path} is a file, not an Oxigraph directory; pass a directory path "
                f"(e.g. {DEFAULT_STORE}) or an http(s):// SPARQL endpoint"
            )
        try:
            if self.read_only:
                if not path.is_dir():
                    raise StoreError(
                        f"no graph store at {path}; build one first with "
                        f"`newskg build ARTICLES --store {path}`"
                    )
                self.ox = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(path))
        except OSError as exc:
            hint = (
                (
                    "another process (a running `newskg explore` or build?) holds it open for writing; "
                    "stop it, or open the store read-only"
                )
                if "lock" in str(exc).lower()
                else "check the path and its permissions"
            )
            raise StoreError(f"cannot open graph store {path}: {exc}; {hint}") from exc

    def require_ox(self) -> ox.Store:
        """The embedded Oxigraph store (StoreError when closed)."""
        if self.ox is None:
            raise StoreError(f"store {self.location} is closed; open it again with open_store()")
        return self.ox

    def _make_dataset(self) -> Dataset:
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self.require_ox()), default_union=True)

    # ------------------------------------------------------------------ queries
    def _evaluate(
        self, sparql: str, kind: str, limit: int | None, bindings: Mapping[str, Any] | None
    ) -> QueryResult:
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            res = self.require_ox().query(
                sparql, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=subs
            )
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"cannot read graph store {self.location}: {exc}") from exc
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(["ask"], [(bool(res),)], "ask")
        if isinstance(res, ox.QuerySolutions):
            cols = [v.value for v in res.variables]
            rows, cut = take((tuple(plain(x) for x in sol) for sol in res), limit)
            return QueryResult(cols, rows, "select", cut)
        rows, cut = take(((plain(t.subject), plain(t.predicate), plain(t.object)) for t in res), limit)
        return QueryResult(["subject", "predicate", "object"], rows, "construct", cut)

    def run_query(
        self,
        sparql: str,
        kind: str,
        *,
        limit: int | None = None,
        timeout: float | None = None,
        bindings: Mapping[str, Any] | None = None,
    ) -> QueryResult:
        if timeout is None:
            return self._evaluate(sparql, kind, limit, bindings)
        return _in_worker(lambda: self._evaluate(sparql, kind, limit, bindings), timeout)

    # ------------------------------------------------------------------ writing
    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        self.check_writable()
        try:
            self.require_ox().update(sparql)
        except SyntaxError as exc:
            raise StoreError(f"update rejected by Oxigraph: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"cannot write graph store {self.location}: {exc}") from exc

    def write_graph(self, graph: str, ntriples: str, *, replace: bool) -> None:
        """A new graph is one lenient N-Triples load (our own serialisation: ~5x faster than an
        update); a replaced one ``DROP SILENT GRAPH ; INSERT DATA`` in one update."""
        if replace:
            super().write_graph(graph, ntriples, replace=True)
            return
        self.check_writable()
        _graph_term(graph)
        try:
            self.require_ox().load(
                ntriples.encode("utf-8"),
                format=ox.RdfFormat.N_TRIPLES,
                to_graph=ox.NamedNode(graph),
                lenient=True,
            )
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot write article graph {graph} to {self.location}: {exc}") from exc

    def quads(self, graph_iris: Sequence[str] | None = None) -> Iterator[ox.Quad]:
        db = self.require_ox()
        graphs = [ox.NamedNode(g) for g in graph_iris] if graph_iris is not None else [None]
        for g in graphs:
            for q in db.quads_for_pattern(None, None, None, g):
                if not isinstance(q.graph_name, ox.DefaultGraph):
                    yield q

    def close(self) -> None:
        """Release the store (flushes and unlocks an on-disk store)."""
        super().close()
        if self.kind == "disk" and self.ox is not None:
            if not self.read_only:
                self.ox.flush()
            self.ox = None


def _in_worker(work: Any, timeout: float) -> QueryResult:
    """Run `work()` in a forked child and return its result; kill the child when `timeout` passes.

    Fork (not spawn) because the child must see the store as it is in this process, in-memory
    stores included; the child only reads and leaves with ``os._exit``. Python warns that forking a
    threaded process may deadlock the child: that would only end as a timeout, so it is silenced.
    """
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the worker
        status = 0
        try:
            os.close(read_end)
            try:
                payload = pickle.dumps(("ok", work()))
            except NewsKGError as exc:
                payload = pickle.dumps(("error", exc))
            except BaseException as exc:  # noqa: BLE001 - everything must reach the parent
                payload = pickle.dumps(("error", QueryError(f"query failed: {exc}")))
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view) :]
        except BaseException:  # noqa: BLE001 - the parent sees a missing answer
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    poller = select.poll()  # not select.select: a busy server may hold file descriptors past 1024
    poller.register(read_end, select.POLLIN | select.POLLHUP)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QueryError(
                    f"query timed out after {timeout:g} s and was stopped; narrow it or add LIMIT"
                )
            if poller.poll(max(1, int(left * 1000))):
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read_end)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    try:
        tag, value = pickle.loads(b"".join(chunks))
    except (pickle.UnpicklingError, EOFError, ValueError) as exc:
        raise QueryError(
            "the query worker ended without an answer (out of memory?); narrow the query"
        ) from exc
    if tag == "error":
        raise value
    return value


# ---------------------------------------------------------------------------------- SPARQL endpoint
class RemoteStore(KGStore):
    """A SPARQL 1.1 Query + Update endpoint over HTTP (see the module docstring for the URL forms)."""

    kind = "remote"

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        super().__init__(location, read_only=read_only)
        parts = urllib.parse.urlsplit(location)
        if parts.path in ("", "/"):
            base = location.rstrip("/")
            self.query_endpoint, self.update_endpoint = base + "/query", base + "/update"
        else:
            self.query_endpoint = self.update_endpoint = location
        self.update_endpoint = os.environ.get("NEWSKG_UPDATE_ENDPOINT") or self.update_endpoint

    def _make_dataset(self) -> Dataset:
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        backend = SPARQLUpdateStore(
            query_endpoint=self.query_endpoint, update_endpoint=self.update_endpoint, autocommit=True
        )
        return Dataset(store=backend, default_union=True)

    def _post(
        self, url: str, body: bytes, content_type: str, *, accept: str, timeout: float | None = None
    ) -> bytes:
        req = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Content-Type": content_type + "; charset=utf-8", "Accept": accept},
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) only)
                return resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            if exc.code == 400:
                raise QueryError(f"SPARQL endpoint {url} rejected the request: {detail}") from exc
            raise StoreError(f"SPARQL endpoint {url} answered {exc.code}: {detail}") from exc
        except (TimeoutError, urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if timeout is not None and "timed out" in str(reason).lower():
                raise QueryError(
                    f"query timed out after {timeout:g} s (no answer from {url}); narrow it or add LIMIT"
                ) from exc
            raise StoreError(
                f"cannot reach SPARQL endpoint {url}: {reason}; is the server running? "
                f"(e.g. `oxigraph serve --location DIR --union-default-graph`)"
            ) from exc

    def _query(self, sparql: str, accept: str, timeout: float | None) -> bytes:
        text = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + sparql
        return self._post(
            self.query_endpoint,
            text.encode("utf-8"),
            "application/sparql-query",
            accept=accept,
            timeout=timeout,
        )

    def run_query(
        self,
        sparql: str,
        kind: str,
        *,
        limit: int | None = None,
        timeout: float | None = None,
        bindings: Mapping[str, Any] | None = None,
    ) -> QueryResult:
        if bindings:
            raise QueryError("bindings work on a local store only; use run_named() parameters")
        if kind == "construct":
            body = self._query(sparql, "application/n-triples", timeout)
            triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
            spo = ((plain(t.subject), plain(t.predicate), plain(t.object)) for t in triples)
            rows, cut = take(spo, limit)
            return QueryResult(["subject", "predicate", "object"], rows, "construct", cut)
        data = json.loads(self._query(sparql, "application/sparql-results+json", timeout))
        if "boolean" in data:
            return QueryResult(["ask"], [(bool(data["boolean"]),)], "ask")
        cols = list(data["head"].get("vars", []))
        rows, cut = take(
            (tuple(plain_json(b.get(c)) for c in cols) for b in data["results"]["bindings"]), limit
        )
        return QueryResult(cols, rows, "select", cut)

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        self.check_writable()
        text = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + sparql
        self._post(
            self.update_endpoint,
            text.encode("utf-8"),
            "application/sparql-update",
            accept="*/*",
            timeout=timeout,
        )

    def quads(self, graph_iris: Sequence[str] | None = None) -> Iterator[ox.Quad]:
        values = ""
        if graph_iris is not None:
            values = "VALUES ?g { " + " ".join(_graph_term(g) for g in graph_iris) + " }"
        body = self._query(
            f"SELECT ?s ?p ?o ?g WHERE {{ {values} GRAPH ?g {{ ?s ?p ?o }} }}",
            "application/sparql-results+json",
            None,
        )
        for b in json.loads(body)["results"]["bindings"]:
            yield ox.Quad(_ox_term(b["s"]), _ox_term(b["p"]), _ox_term(b["o"]), _ox_term(b["g"]))

    def close(self) -> None:
        if self._dataset is not None:
            self._dataset.close()
        super().close()


def _ox_term(b: dict[str, Any]) -> Any:
    if b["type"] == "uri":
        return ox.NamedNode(b["value"])
    if b["type"] == "bnode":
        return ox.BlankNode(b["value"])
    if "xml:lang" in b:
        return ox.Literal(b["value"], language=b["xml:lang"])
    if "datatype" in b:
        return ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"]))
    return ox.Literal(b["value"])


def open_store(store: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> KGStore:
    """Open the graph store named by `store` (see the module docstring for the forms it takes).

    Args:
        store: a directory path, ``:memory:`` or an ``http(s)://`` endpoint URL; None uses env
            NEWSKG_STORE, else `DEFAULT_STORE` (``data/newskg.oxigraph``).
        read_only: open without write access (several readers may share an on-disk store).

    Raises:
        StoreError: the store cannot be opened (missing, locked by another process, not a store).
    """
    location = resolve_location(store)
    if is_endpoint(location):
        return RemoteStore(location, read_only=read_only)
    return LocalStore(location, read_only=read_only)
