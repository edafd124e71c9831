"""The synthetic store of the bigstore bench: generated from the gold shapes, bulk-loaded into a real
Oxigraph store, and exported and validated whole with the counts the store itself gives."""

from __future__ import annotations

import json

import pyoxigraph as ox
from newskg.graph.export import RdfFormat, export
from newskg.graph.store import open_store
from newskg.graph.validate import validate

from tests.bench.synthstore import SHAPES, build_store, load_shapes, synthetic_extractions


def _count(store, sparql: str) -> int:
    return int(next(iter(store.require_ox().query(sparql)))[0].value)


def test_shapes_keep_structure_only_no_name_or_sentence():
    for shape in load_shapes():
        assert set(shape) == {"chars", "dated", "entities", "facts"}
        for kind, aliases, mentions, has_en in shape["entities"]:
            assert kind in {"PERSON", "ORG", "LOC"}
            assert all(isinstance(x, int) for x in (aliases, mentions)) and isinstance(has_en, bool)
        for fact in shape["facts"]:
            assert [type(x).__name__ for x in (fact[0], fact[2], fact[6])] == ["int", "int", "int"]
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in SHAPES.read_text(encoding="utf-8"))  # no Hangul


def test_windows_keep_their_facts_entities_and_two_runs_are_equal():
    a = list(synthetic_extractions(40, seed=3, window=2))
    b = list(synthetic_extractions(40, seed=3, window=2))
    assert [json.dumps(x.to_json(with_article=True)) for x in a] == [
        json.dumps(x.to_json(with_article=True)) for x in b
    ]
    for ex in a:
        ids = {e.id for e in ex.entities}
        assert 1 <= len(ex.triples) <= 2
        assert {t.subject for t in ex.triples} | {t.object for t in ex.triples} == ids


def test_a_small_synthetic_store_loads_exports_and_validates_with_the_stores_own_counts(tmp_path):
    written, _load = build_store(tmp_path / "kg", 40, work=tmp_path)
    assert (written.articles, written.warnings) == (40, 0)
    with open_store(tmp_path / "kg", read_only=True) as store:
        quads = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        graphs = _count(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        triples = _count(
            store,
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
        )
        assert (quads, graphs) == (written.quads, 40)
        assert export(store, RdfFormat.NQUADS, tmp_path / "all.nq") == quads
        assert export(store, RdfFormat.TURTLE, tmp_path / "all.ttl") == triples
        report = validate(store, batch=15)
    assert sum(1 for _ in ox.parse(path=str(tmp_path / "all.nq"), format=ox.RdfFormat.N_QUADS)) == quads
    assert sum(1 for _ in ox.parse(path=str(tmp_path / "all.ttl"), format=ox.RdfFormat.TURTLE)) == triples
    assert report.conforms, report.text
    assert report.triples == triples
