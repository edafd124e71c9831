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
