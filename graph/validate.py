"""SHACL validation of the store against ``ontology/shapes.ttl`` (pyshacl), in bounded memory.

What is validated is the merged graph (the union of the article graphs), together with the
ontology, whose ``rdfs:subClassOf`` axioms let a ``nkg:City`` count as a ``nkg:Place``. On an
embedded store it is not copied whole into rdflib: the article graphs are taken a batch at a time,
and each node that is the subject of a triple in the batch is validated once, as a focus node,
against a small rdflib graph holding what the shapes read about it in the merged graph:

- every triple of the node (from all article graphs, repeats dropped);
- the ``rdf:type`` of every IRI it points to (``sh:class`` on its values);
- every triple of a value reached through a path with ``sh:node`` (a fact's ``nkg:amount``);
- the direct triple a statement reifies, if it is there (the SPARQL constraint "a done fact has
  its direct triple");
- the triples pointing to it through a ``sh:targetObjectsOf`` predicate (which make it a target).

Only the results on the batch's own focus nodes are kept (a neighbour is validated in its own
batch, with its own neighbourhood), so the findings are those of validating the merged graph at
once, for shapes that read no further than a node's values — which is what ``shapes.ttl`` does
(a test checks the equality on a real store). A shared node (an entity) is validated in the first
batch that has it; the nodes of an article (its statements, mentions, amounts: IRIs under the
article's) in that article's batch. A remote store is copied whole, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from newskg.graph.export import quads, to_rdflib
from newskg.graph.store import KGStore, LocalStore
from newskg.graph.summary import ENTITY_FIGURES, SUMMARY_GRAPH
from newskg.ontology.errors import StoreError
from newskg.ontology.vocab import ontology_graph, ontology_path

__all__ = ["Violation", "ValidationReport", "Batch", "validate", "validate_batches", "BATCH"]

BATCH = 200
"""Article graphs per validation batch: a few tens of thousands of triples in rdflib at a time."""

_SH = "http://www.w3.org/ns/shacl#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property path, the message and the severity."""

    focus: str
    path: str
    message: str
    severity: str
    value: str = ""


@dataclass
class ValidationReport:
    """Whether the graph conforms, its violations, a text summary and the triples checked."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    text: str = ""
    triples: int = 0


def validate(
    store: KGStore,
    *,
    graph_iris: Sequence[str] | None = None,
    batch: int = BATCH,
    progress: bool = False,
) -> ValidationReport:
    """Validate the store (or the merged graph of the article graphs `graph_iris`) against the shapes.

    Args:
        batch: article graphs per pyshacl run (an embedded store; bounds the memory used).
        progress: show a tqdm progress bar over the article graphs on stderr.

    Raises:
        StoreError: the store cannot be read.
    """
    if not isinstance(store, LocalStore):
        from rdflib import Graph

        shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
        data = Graph()
        for q in quads(store, graph_iris):
            data.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        violations = _run(data, shapes)
        return _report(violations, len(data))
    return _validate_batched(store, graph_iris, batch, progress)


# ---------------------------------------------------------------------- pyshacl
def _run(data: Any, shapes: Any, focus: set[str] | None = None) -> list[Violation]:
    """pyshacl on `data`; the results on `focus` nodes only (all when None)."""
    import pyshacl
    from rdflib import Namespace, URIRef

    _conforms, results, _text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
        focus_nodes=sorted(focus) if focus else None,  # the neighbours are only context
    )
    sh = Namespace(_SH)
    out = []
    for r in results.subjects(URIRef(sh.resultSeverity), None):

        def one(p: URIRef, r=r) -> str:
            v = results.value(r, p)
            return "" if v is None else str(v)

        v = Violation(
            one(sh.focusNode),
            one(sh.resultPath),
            one(sh.resultMessage),
            one(sh.resultSeverity).rsplit("#", 1)[-1],
            one(sh.value),
        )
        if focus is None or v.focus in focus:
            out.append(v)
    return out


def _report(violations: list[Violation], triples: int) -> ValidationReport:
    violations.sort(key=lambda v: (v.severity, v.focus, v.path))
    conforms = not any(v.severity == "Violation" for v in violations)
    lines = [f"Conforms: {conforms}", f"Results ({len(violations)}):"]
    lines += [f"  {v.severity}: {v.focus} {v.path}: {v.message} {v.value}".rstrip() for v in violations]
    return ValidationReport(conforms, violations, "\n".join(lines), triples)


# ---------------------------------------------------------------------- batches of article graphs
def _shape_predicates(shapes: Any) -> tuple[list[str], list[str]]:
    """Predicates of ``sh:targetObjectsOf`` (incoming triples that target a node) and the property
    paths with ``sh:node`` (whose values' own triples are read)."""
    from rdflib import URIRef

    incoming = sorted({str(o) for o in shapes.objects(None, URIRef(_SH + "targetObjectsOf"))})
    noded = sorted(
        {
            str(shapes.value(ps, URIRef(_SH + "path")))
            for ps in shapes.subjects(URIRef(_SH + "node"), None)
            if isinstance(shapes.value(ps, URIRef(_SH + "path")), URIRef)
        }
    )
    return incoming, noded


def _iris(nodes: Iterable[ox.NamedNode | ox.BlankNode]) -> str:
    return " ".join(str(n) for n in nodes)


_SUMMARY_NODE = f"<{SUMMARY_GRAPH}"


class _Merged:
    """CONSTRUCT queries over the merged graph (the union, or the union of `graph_iris`)."""

    def __init__(self, store: LocalStore, graph_iris: Sequence[str] | None) -> None:
        self.db = store.require_ox()
        self.location = store.location
        self.scope = None if graph_iris is None else [ox.NamedNode(g) for g in graph_iris]

    def rows(self, sparql: str) -> Iterator[Any]:
        try:
            if self.scope is None:
                for t in self.db.query(sparql, use_default_graph_as_union=True):
                    # the union holds the summary's figures too (graph/summary.py): no facts to check
                    if isinstance(t, ox.Triple) and (
                        t.predicate.value in ENTITY_FIGURES or str(t.subject).startswith(_SUMMARY_NODE)
                    ):
                        continue
                    yield t
            else:
                yield from self.db.query(sparql, default_graph=self.scope)
        except OSError as exc:
            raise StoreError(f"cannot read graph store {self.location}: {exc}") from exc


def _neighbourhood(merged: _Merged, focus: list[Any], incoming: list[str], noded: list[str]) -> Any:
    """The rdflib graph of what the shapes read about the `focus` nodes (see the module docstring)."""
    from rdflib import Graph

    data = Graph()
    own = 0
    values: set[Any] = set()
    for i in range(0, len(focus), 500):  # VALUES blocks of bounded size
        chunk = _iris(focus[i : i + 500])
        for t in merged.rows(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {chunk} }} ?s ?p ?o }}"):
            data.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            own += 1
            if isinstance(t.object, ox.NamedNode):
                values.add(t.object)
        extra = [
            f"""CONSTRUCT {{ ?a ?p ?b }} WHERE {{ VALUES ?s {{ {chunk} }}
                ?s <{_RDF}subject> ?a ; <{_RDF}predicate> ?p ; <{_RDF}object> ?b . ?a ?p ?b }}"""
        ]
        if incoming:
            extra.append(
                f"CONSTRUCT {{ ?x ?p ?s }} WHERE {{ VALUES ?s {{ {chunk} }} "
                f"VALUES ?p {{ {' '.join(f'<{p}>' for p in incoming)} }} ?x ?p ?s }}"
            )
        if noded:
            extra.append(
                f"CONSTRUCT {{ ?v ?q ?w }} WHERE {{ VALUES ?s {{ {chunk} }} "
                f"VALUES ?p {{ {' '.join(f'<{p}>' for p in noded)} }} ?s ?p ?v . ?v ?q ?w }}"
            )
        for sparql in extra:
            for t in merged.rows(sparql):
                data.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    vals = sorted(values, key=str)
    for i in range(0, len(vals), 500):
        chunk = _iris(vals[i : i + 500])
        for t in merged.rows(f"CONSTRUCT {{ ?v a ?c }} WHERE {{ VALUES ?v {{ {chunk} }} ?v a ?c }}"):
            data.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return data, own


def _graph_names(store: LocalStore, graph_iris: Sequence[str] | None) -> list[str]:
    if graph_iris is not None:
        return list(dict.fromkeys(graph_iris))
    try:
        names = store.require_ox().named_graphs()
        # the explorer's summary (graph/summary.py) is figures about the store, not facts to check
        return sorted(g.value for g in names if isinstance(g, ox.NamedNode) and g.value != SUMMARY_GRAPH)
    except OSError as exc:
        raise StoreError(f"cannot read graph store {store.location}: {exc}") from exc


@dataclass
class Batch:
    """One validation batch: the article graphs it covered, its results and the triples checked."""

    graphs: int
    violations: list[Violation]
    triples: int


def validate_batches(
    store: LocalStore, *, graph_iris: Sequence[str] | None = None, batch: int = BATCH
) -> Iterator[Batch]:
    """`validate` of an embedded store one batch of article graphs at a time (stop whenever)."""
    from rdflib import Graph

    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    merged = _Merged(store, graph_iris)
    incoming, noded = _shape_predicates(shapes)
    graphs = _graph_names(store, graph_iris)
    shared_done: set[str] = set()  # entities (nodes not under one article's IRI) already validated
    for start in range(0, len(graphs), max(1, batch)):
        names = graphs[start : start + max(1, batch)]
        own = set(names)
        focus = []
        for (s,) in merged.rows(
            f"SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {' '.join(f'<{g}>' for g in names)} }} "
            f"GRAPH ?g {{ ?s ?p ?o }} }}"
        ):
            if s.value.split("#", 1)[0] not in own:
                if s.value in shared_done:
                    continue
                shared_done.add(s.value)
            focus.append(s)
        if not focus:
            yield Batch(len(names), [], 0)
            continue
        data, n = _neighbourhood(merged, focus, incoming, noded)
        yield Batch(len(names), _run(data, shapes, {s.value for s in focus}), n)


def _validate_batched(
    store: LocalStore, graph_iris: Sequence[str] | None, batch: int, progress: bool
) -> ValidationReport:
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(_graph_names(store, graph_iris)), desc="validating", unit="article")
    violations: list[Violation] = []
    triples = 0
    for b in validate_batches(store, graph_iris=graph_iris, batch=batch):
        violations += b.violations
        triples += b.triples
        if bar is not None:
            bar.update(b.graphs)
    if bar is not None:
        bar.close()
    return _report(violations, triples)
