"""SHACL: a built graph conforms to ontology/shapes.ttl; a broken one does not, with readable results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newskg.extract.records import Extraction
from newskg.graph.build import add_extractions
from newskg.graph.store import open_store
from newskg.graph.validate import validate

GRAPH_DATA = Path(__file__).parent / "data" / "graph"
NKG = "https://w3id.org/newskg/ontology#"


def load(name: str) -> Extraction:
    return Extraction.from_json(json.loads((GRAPH_DATA / f"{name}.json").read_text(encoding="utf-8")))


@pytest.fixture()
def store():
    with open_store(":memory:") as s:
        add_extractions(s, [load("seed"), load("second")])
        yield s


def test_a_built_graph_conforms(store):
    report = validate(store)
    assert report.conforms, report.text
    assert report.violations == [] and report.triples > 600


def test_a_fact_without_evidence_violates(store):
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?st <{NKG}evidenceText> ?e }} }}")
    report = validate(store)
    assert not report.conforms
    assert {v.path for v in report.violations} == {NKG + "evidenceText"}
    assert "sentence it came from" in report.violations[0].message


def test_a_person_working_for_a_place_and_a_direct_triple_missing_violate(store):
    store.update(f"""INSERT DATA {{ GRAPH <https://w3id.org/newskg/article/x> {{
        <https://w3id.org/newskg/entity/임병택> <{NKG}worksFor>
        <https://w3id.org/newskg/entity/gn5391811> }} }}""")
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s <{NKG}investsIn> ?o }} }}")
    report = validate(store)
    messages = " ".join(v.message for v in report.violations)
    assert "works for an organisation" in messages
    assert "direct triple" in messages


def test_validation_of_one_article(store):
    report = validate(store, graph_iris=["https://w3id.org/newskg/article/siheung-sister-city.txt"])
    assert report.conforms and 100 < report.triples < 300


def _whole_graph_report(store):
    """The reference: the merged graph copied whole into rdflib and validated at once (the old way)."""
    from newskg.graph.export import to_rdflib
    from newskg.graph.validate import _report, _run
    from newskg.ontology.vocab import ontology_path
    from rdflib import Graph

    data = Graph()
    for q in store.quads():
        data.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    return _report(_run(data, shapes), len(data))


def test_batched_validation_finds_what_validating_the_merged_graph_at_once_finds(store):
    # violations that need another article's triples to be seen: a person (typed in one article)
    # working for a place (typed in another), a second latitude for a place, and a missing evidence
    person = store.run_query(f'SELECT ?e WHERE {{ ?e <{NKG}entityType> "PERSON" }} LIMIT 1', "select").rows[
        0
    ][0]
    place = store.run_query("SELECT ?e WHERE { ?e <https://schema.org/latitude> ?l } LIMIT 1", "select").rows[
        0
    ][0]
    store.update(f"""INSERT DATA {{ GRAPH <https://w3id.org/newskg/article/x> {{
        <{person}> <{NKG}worksFor> <{place}>
      }} GRAPH <https://w3id.org/newskg/article/y> {{
        <{place}> <https://schema.org/latitude> "1.5"^^<http://www.w3.org/2001/XMLSchema#double>
      }} }}""")
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?st <{NKG}evidenceText> ?e }} }}")
    want = _whole_graph_report(store)
    for batch in (1, 2, 200):
        got = validate(store, batch=batch)
        assert (got.conforms, got.violations, got.triples) == (want.conforms, want.violations, want.triples)
    paths = {v.path for v in want.violations}
    assert {NKG + "evidenceText", "https://schema.org/latitude"} <= paths
    assert any("works for an organisation" in v.message for v in want.violations)
