"""Open the graph store: embedded on-disk Oxigraph, in-memory Oxigraph, or a remote SPARQL endpoint.

One string picks the store (`--store`, env `NEWSKG_STORE`, else `DEFAULT_STORE`):

* a directory path → an embedded Oxigraph store on disk (created on first write);
* ``:memory:`` → an in-memory Oxigraph store (tests, one-off scripts);
* ``http(s)://host:port`` → a SPARQL 1.1 endpoint (Query + Update). A bare ``host:port`` URL uses
  Oxigraph server's layout (``/query``, ``/update``); a URL with a path is used for both (Fuseki's
  ``/dataset``); env ``NEWSKG_UPDATE_ENDPOINT`` overrides the update URL (GraphDB's ``/statements``).
  The endpoint must treat its default graph as the union of the named graphs, as newskg does locally
  (``oxigraph serve --union-default-graph``; Fuseki ``tdb2:unionDefaultGraph true``).

`KGStore.dataset` is the same data as an rdflib `Dataset` (default graph = union of named graphs);
newskg itself talks to Oxigraph directly (`KGStore.ox`) or over HTTP, which is much faster.

Example:
    >>> with open_store(":memory:") as store:
    ...     store.update("INSERT DATA { GRAPH <https://e.org/g> { <https://e.org/a> <https://e.org/p> 1 } }")
    ...     len(store.dataset)
    1
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from newskg.ontology.errors import QueryError, StoreError
from rdflib import Dataset

__all__ = ["DEFAULT_STORE", "MEMORY", "KGStore", "open_store", "resolve_location"]

DEFAULT_STORE = "data/newskg.oxigraph"
"""Default store location, relative to the working directory; env NEWSKG_STORE overrides it."""
MEMORY = ":memory:"


def resolve_location(store: str | os.PathLike[str] | None) -> str:
    """The store location to use: the argument, else env NEWSKG_STORE, else DEFAULT_STORE.

    >>> resolve_location(":memory:")
    ':memory:'
    """
    if store is not None and str(store) != "":
        return str(store)
    return os.environ.get("NEWSKG_STORE") or DEFAULT_STORE


def _is_remote(location: str) -> bool:
    return location.startswith(("http://", "https://"))


class KGStore:
    """A handle on one graph store. Use as a context manager, or call `close()`.

    Attributes:
        location: the store string it was opened with (path, ``:memory:`` or URL).
        read_only: True when opened read-only (writes raise StoreError).
        ox: the embedded `pyoxigraph.Store`, or None for a remote endpoint.
    """

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        self.location = location
        self.read_only = read_only
        self.ox: ox.Store | None = None
        self.query_endpoint: str | None = None
        self.update_endpoint: str | None = None
        self._dataset: Dataset | None = None
        self.kind = "remote" if _is_remote(location) else "memory" if location == MEMORY else "disk"
        if self.kind == "remote":
            self._init_remote(location)
        elif self.kind == "memory":
            self.ox = ox.Store()
        else:
            self._init_local(Path(location))

    # ------------------------------------------------------------------ opening
    def _init_local(self, path: Path) -> None:
        if path.exists() and not path.is_dir():
            raise StoreError(f"store {path} is a file, not an Oxigraph directory; pass a directory path "
                             f"(e.g. {DEFAULT_STORE}) or an http(s):// SPARQL endpoint")
        try:
            if self.read_only:
                if not path.is_dir():
                    raise StoreError(f"no graph store at {path}; build one first with "
                                     f"`newskg build ARTICLES --store {path}`")
                self.ox = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(path))
        except OSError as exc:
            hint = ("another process (a running `newskg explore` or build?) holds it open for writing; "
                    "stop it, or open the store read-only") if "lock" in str(exc).lower() else \
                "check the path and its permissions"
            raise StoreError(f"cannot open graph store {path}: {exc}; {hint}") from exc

    def _init_remote(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.path in ("", "/"):
            base = url.rstrip("/")
            self.query_endpoint, self.update_endpoint = base + "/query", base + "/update"
        else:
            self.query_endpoint = self.update_endpoint = url
        self.update_endpoint = os.environ.get("NEWSKG_UPDATE_ENDPOINT") or self.update_endpoint

    # ------------------------------------------------------------------ properties
    @property
    def is_remote(self) -> bool:
        return self.kind == "remote"

    @property
    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset whose default graph is the union of the named graphs."""
        if self._dataset is None:
            if self.kind != "remote":
                from oxrdflib import OxigraphStore

                self._dataset = Dataset(store=OxigraphStore(store=self.require_ox()), default_union=True)
            else:
                from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

                backend = SPARQLUpdateStore(query_endpoint=self.query_endpoint,
                                            update_endpoint=self.update_endpoint, autocommit=True)
                self._dataset = Dataset(store=backend, default_union=True)
        return self._dataset

    def require_ox(self) -> ox.Store:
        """The embedded Oxigraph store (StoreError when closed or remote)."""
        if self.ox is None:
            what = "a remote endpoint" if self.kind == "remote" else "closed"
            raise StoreError(f"store {self.location} is {what}; no embedded Oxigraph store to use")
        return self.ox

    # ------------------------------------------------------------------ writing
    def check_writable(self) -> None:
        """Raise StoreError when the store was opened read-only."""
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only; open it without read_only to write")

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL UPDATE as one transaction (raises StoreError when read-only or on failure)."""
        self.check_writable()
        if self.kind != "remote":
            try:
                self.require_ox().update(sparql)
            except SyntaxError as exc:
                raise StoreError(f"update rejected by Oxigraph: {exc}") from exc
            except OSError as exc:
                raise StoreError(f"cannot write graph store {self.location}: {exc}") from exc
            return
        self.http_post(self.update_endpoint or "", sparql.encode("utf-8"), "application/sparql-update",
                       accept="*/*", timeout=timeout)

    # ------------------------------------------------------------------ remote transport
    def http_post(self, url: str, body: bytes, content_type: str, *, accept: str,
                  timeout: float | None = None) -> tuple[str, bytes]:
        """POST to the endpoint; returns (content type, body). Errors become StoreError."""
        req = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": content_type + "; charset=utf-8",
                                              "Accept": accept})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) only)
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            if exc.code == 400:
                raise QueryError(f"SPARQL endpoint {url} rejected the request: {detail}") from exc
            raise StoreError(f"SPARQL endpoint {url} answered {exc.code}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {reason}; is the server running? "
                             f"(e.g. `oxigraph serve --location DIR --union-default-graph`)") from exc

    def http_query(self, sparql: str, *, accept: str = "application/sparql-results+json",
                   timeout: float | None = None) -> tuple[str, bytes]:
        """Send a query to the remote endpoint; returns (content type, body)."""
        return self.http_post(self.query_endpoint or "", sparql.encode("utf-8"), "application/sparql-query",
                              accept=accept, timeout=timeout)

    def http_select_json(self, sparql: str, *, timeout: float | None = None) -> dict[str, Any]:
        _, body = self.http_query(sparql, timeout=timeout)
        return json.loads(body)

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        """Release the store (flushes and unlocks an on-disk store)."""
        if self._dataset is not None and self.kind == "remote":
            self._dataset.close()
        self._dataset = None
        if self.kind == "disk" and self.ox is not None:
            if not self.read_only:
                self.ox.flush()
            self.ox = None

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"KGStore({self.location!r}, {mode})"


def open_store(store: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> KGStore:
    """Open the graph store named by `store` (see the module docstring for the forms it takes).

    Args:
        store: a directory path, ``:memory:`` or an ``http(s)://`` endpoint URL; None uses env
            NEWSKG_STORE, else `DEFAULT_STORE` (``data/newskg.oxigraph``).
        read_only: open without write access (several readers may share an on-disk store).

    Raises:
        StoreError: the store cannot be opened (missing, locked by another process, not a store).
    """
    return KGStore(resolve_location(store), read_only=read_only)
