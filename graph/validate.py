"""SHACL validation of the store against ``ontology/shapes.ttl`` (pyshacl).

The merged graph (union of the article graphs) is validated together with the ontology, whose
``rdfs:subClassOf`` axioms let a ``nkg:City`` count as a ``nkg:Place``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newskg.graph.export import quads, to_rdflib
from newskg.graph.store import KGStore
from newskg.ontology.vocab import ontology_graph, ontology_path

__all__ = ["Violation", "ValidationReport", "validate"]


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
    """Whether the graph conforms, its violations and pyshacl's text report."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    text: str = ""
    triples: int = 0


def validate(store: KGStore, *, graph_iris: Sequence[str] | None = None) -> ValidationReport:
    """Validate the store (or the article graphs `graph_iris`) against the newskg shapes."""
    import pyshacl
    from rdflib import Graph, Namespace, URIRef

    data = Graph()
    for q in quads(store, graph_iris):
        data.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    sh = Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for r in results.subjects(URIRef(sh.resultSeverity), None):

        def one(p: URIRef, r=r) -> str:
            v = results.value(r, p)
            return "" if v is None else str(v)

        out.append(
            Violation(
                one(sh.focusNode),
                one(sh.resultPath),
                one(sh.resultMessage),
                one(sh.resultSeverity).rsplit("#", 1)[-1],
                one(sh.value),
            )
        )
    out.sort(key=lambda v: (v.severity, v.focus, v.path))
    return ValidationReport(bool(conforms), out, str(text), len(data))
