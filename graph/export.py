"""Export the store: Turtle, JSON-LD, N-Triples, N-Quads, TriG (RDF) and GraphML (the networkx projection).

Formats with named graphs (N-Quads, TriG, JSON-LD) keep one graph per article; Turtle and
N-Triples hold the merged graph (the union every query sees). RDF is written by Oxigraph's
serialisers; JSON-LD by rdflib's, compacted with ``ontology/context.jsonld``.

Example:
    >>> RdfFormat.from_path("graph.ttl"), RdfFormat.from_name("jsonld").media_type
    (<RdfFormat.TURTLE: 'ttl'>, 'application/ld+json')
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from newskg.graph.sparql import PREFIXES
from newskg.graph.store import KGStore
from newskg.ontology.errors import InputError, StoreError
from newskg.ontology.vocab import ontology_path

__all__ = ["RdfFormat", "export", "jsonld_context", "quads", "to_rdflib"]


class RdfFormat(Enum):
    """An export format with its file extension, media type and aliases."""

    TURTLE = "ttl"
    JSONLD = "jsonld"
    NTRIPLES = "nt"
    NQUADS = "nq"
    TRIG = "trig"
    GRAPHML = "graphml"

    @property
    def extension(self) -> str:
        return self.value

    @property
    def media_type(self) -> str:
        return _META[self][0]

    @property
    def datasets(self) -> bool:
        """True when the format keeps named graphs."""
        return self in (RdfFormat.NQUADS, RdfFormat.TRIG, RdfFormat.JSONLD)

    @classmethod
    def from_name(cls, name: str) -> RdfFormat:
        """The format for a name or extension: ttl, turtle, jsonld, json-ld, nt, nq, trig, graphml."""
        key = name.lower().lstrip(".")
        for fmt in cls:
            if key == fmt.value or key in _META[fmt][1]:
                return fmt
        known = ", ".join(f.value for f in cls)
        raise InputError(f"unknown export format {name!r}; use one of {known}")

    @classmethod
    def from_path(cls, path: str | Path) -> RdfFormat:
        """The format guessed from a file name's suffix (graph.ttl → TURTLE)."""
        suffix = Path(path).suffix
        if not suffix:
            raise InputError(
                f"cannot guess the format of {path}: it has no suffix; "
                f"add one (.ttl, .jsonld, .nt, .nq, .trig, .graphml) or pass --format"
            )
        return cls.from_name(suffix)


_META: dict[RdfFormat, tuple[str, tuple[str, ...]]] = {
    RdfFormat.TURTLE: ("text/turtle", ("turtle",)),
    RdfFormat.JSONLD: ("application/ld+json", ("json-ld", "json")),
    RdfFormat.NTRIPLES: ("application/n-triples", ("ntriples", "n-triples")),
    RdfFormat.NQUADS: ("application/n-quads", ("nquads", "n-quads")),
    RdfFormat.TRIG: ("application/trig", ()),
    RdfFormat.GRAPHML: ("application/graphml+xml", ("xml",)),
}
_OX_FORMAT = {
    RdfFormat.TURTLE: ox.RdfFormat.TURTLE,
    RdfFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    RdfFormat.NQUADS: ox.RdfFormat.N_QUADS,
    RdfFormat.TRIG: ox.RdfFormat.TRIG,
}


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The project's JSON-LD context (``ontology/context.jsonld``), the value of its ``@context``."""
    return json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))["@context"]


def quads(store: KGStore, graph_iris: Sequence[str] | None = None) -> Iterator[ox.Quad]:
    """Every quad of the store's named graphs (or of `graph_iris` only); the summary graph, derived
    data a build recomputes (graph/summary.py), only when asked for by name."""
    from newskg.graph.summary import SUMMARY_GRAPH

    if graph_iris is None:
        return (q for q in store.quads(None) if q.graph_name.value != SUMMARY_GRAPH)
    return store.quads(graph_iris)


def _merged_triples(store: KGStore, graph_iris: Sequence[str] | None) -> Iterator[ox.Triple]:
    """The distinct triples of the union of the article graphs (or of `graph_iris`), streamed.

    On an embedded store one CONSTRUCT over the union: Oxigraph drops the repeats (an entity's labels
    are in every article that names it) as it goes, keeping the triples seen in its own memory, not
    Python objects of the whole store. A remote store is read quad by quad and deduplicated here.
    """
    from newskg.graph.store import LocalStore

    if isinstance(store, LocalStore):
        db = store.require_ox()
        sparql = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        try:
            if graph_iris is None:
                yield from db.query(sparql, use_default_graph_as_union=True)
            else:
                yield from db.query(sparql, default_graph=[ox.NamedNode(g) for g in graph_iris])
        except OSError as exc:
            raise StoreError(f"cannot read graph store {store.location}: {exc}") from exc
        return
    seen: set[ox.Triple] = set()
    for q in quads(store, graph_iris):
        t = ox.Triple(q.subject, q.predicate, q.object)
        if t not in seen:
            seen.add(t)
            yield t


class _Counted:
    """An iterable that counts what passes through it (the statements written)."""

    def __init__(self, items: Iterator[Any]) -> None:
        self.items = items
        self.n = 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.n += 1
            yield item


def _graphml(store: KGStore, fmt: RdfFormat, graph_iris: Sequence[str] | None, buf: BinaryIO) -> int:
    import networkx as nx
    from newskg.graph.project import to_networkx

    graph = to_networkx(store, articles=graph_iris)
    nx.write_graphml(graph, buf, encoding="utf-8")
    return graph.number_of_edges()


def _dataset(store: KGStore, fmt: RdfFormat, graph_iris: Sequence[str] | None, buf: BinaryIO) -> int:
    # streamed in the store's order (graph by graph), not sorted: sorting held every quad in memory
    items = _Counted(quads(store, graph_iris))
    ox.serialize(items, buf, format=_OX_FORMAT[fmt], prefixes=PREFIXES)
    return items.n


def _merged(store: KGStore, fmt: RdfFormat, graph_iris: Sequence[str] | None, buf: BinaryIO) -> int:
    items = _Counted(_merged_triples(store, graph_iris))
    ox.serialize(items, buf, format=_OX_FORMAT[fmt], prefixes=PREFIXES if fmt is RdfFormat.TURTLE else None)
    return items.n


def export(
    store: KGStore, fmt: RdfFormat, out: Path | BinaryIO, *, graph_iris: Sequence[str] | None = None
) -> int:
    """Write the store (or the article graphs `graph_iris`) to `out` in `fmt`.

    Returns:
        the number of statements written: quads for N-Quads, TriG and JSON-LD, distinct triples for
        Turtle and N-Triples, edges for GraphML.

    Raises:
        StoreError: the store cannot be read or the file cannot be written.
    """
    try:
        if isinstance(out, (str, Path)):  # streamed to a temporary file, renamed when complete
            path = Path(out)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".part")
            try:
                with open(tmp, "wb") as fh:
                    count = _EXPORTERS[fmt](store, fmt, graph_iris, fh)
                os.replace(tmp, path)
            finally:
                tmp.unlink(missing_ok=True)
        else:
            count = _EXPORTERS[fmt](store, fmt, graph_iris, out)
    except OSError as exc:
        raise StoreError(f"cannot export to {out}: {exc}") from exc
    return count


def _jsonld(store: KGStore, fmt: RdfFormat, graph_iris: Sequence[str] | None, buf: BinaryIO) -> int:
    from rdflib import Dataset

    items = list(quads(store, graph_iris))
    ds = Dataset()
    graphs: dict[str, Any] = {}
    for q in items:
        g = str(q.graph_name.value)
        if g not in graphs:
            graphs[g] = ds.graph(to_rdflib(q.graph_name))
        graphs[g].add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    text = ds.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    buf.write(text.encode("utf-8"))
    return len(items)


_EXPORTERS: dict[RdfFormat, Callable[[KGStore, RdfFormat, Sequence[str] | None, BinaryIO], int]] = {
    RdfFormat.TURTLE: _merged,
    RdfFormat.NTRIPLES: _merged,
    RdfFormat.NQUADS: _dataset,
    RdfFormat.TRIG: _dataset,
    RdfFormat.JSONLD: _jsonld,
    RdfFormat.GRAPHML: _graphml,
}
"""One writer per format: (store, format, article graphs or None, output buffer) → statements written."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: Any) -> Any:
    """The rdflib term for a pyoxigraph term (xsd:string literals become plain literals)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
