"""Opening stores: on disk, in memory, read-only, the rdflib Dataset view, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newskg.extract.records import Extraction
from newskg.graph.build import add_extractions
from newskg.graph.sparql import query
from newskg.graph.store import DEFAULT_STORE, open_store, resolve_location
from newskg.ontology.errors import StoreError

GRAPH_DATA = Path(__file__).parent / "data" / "graph"


def load(name: str) -> Extraction:
    return Extraction.from_json(json.loads((GRAPH_DATA / f"{name}.json").read_text(encoding="utf-8")))


def test_store_location_defaults_to_env_then_data_dir(monkeypatch):
    monkeypatch.delenv("NEWSKG_STORE", raising=False)
    assert resolve_location(None) == DEFAULT_STORE == "data/newskg.oxigraph"
    monkeypatch.setenv("NEWSKG_STORE", "/srv/kg")
    assert resolve_location(None) == "/srv/kg"
    assert resolve_location("other") == "other"


def test_an_on_disk_store_keeps_the_graph_across_openings(tmp_path):
    path = tmp_path / "kg.oxigraph"
    with open_store(path) as s:
        add_extractions(s, [load("seed"), load("second")])
        n = query(s, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    with open_store(path, read_only=True) as s:
        assert query(s, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == n
        assert n[0][0] > 600


def test_a_read_only_store_refuses_writes(tmp_path):
    with open_store(tmp_path / "kg") as s:
        add_extractions(s, [load("second")])
    with open_store(tmp_path / "kg", read_only=True) as s, pytest.raises(StoreError, match="read-only"):
        add_extractions(s, [load("seed")])


def test_reading_a_missing_store_says_how_to_build_one(tmp_path):
    with pytest.raises(StoreError, match="newskg build"):
        open_store(tmp_path / "nothing-here", read_only=True)


def test_a_file_is_not_a_store(tmp_path):
    f = tmp_path / "graph.ttl"
    f.write_text("", encoding="utf-8")
    with pytest.raises(StoreError, match="is a file"):
        open_store(f)


def test_a_store_held_open_for_writing_cannot_be_opened_twice(tmp_path):
    with open_store(tmp_path / "kg"), pytest.raises(StoreError, match="another process"):
        open_store(tmp_path / "kg")


def test_the_rdflib_dataset_view_sees_named_graphs_and_their_union():
    with open_store(":memory:") as s:
        add_extractions(s, [load("seed"), load("second")])
        ds = s.dataset
        graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert graphs == {
            "https://w3id.org/newskg/article/seed-siheung.txt",
            "https://w3id.org/newskg/article/siheung-sister-city.txt",
        }
        rows = list(ds.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        assert int(rows[0][0]) == 2
        union = list(ds.query("SELECT ?o WHERE { ?s <https://w3id.org/newskg/ontology#investsIn> ?o }"))
        assert len(union) == 1


def test_a_closed_store_says_so():
    s = open_store(":memory:")
    s.close()
    s2 = open_store(":memory:")
    s2.close()
    with pytest.raises(StoreError):
        open_store("/proc/definitely/not/writable")


@pytest.mark.parametrize(
    ("location", "kind", "cls"),
    [
        (":memory:", "memory", "LocalStore"),
        ("{tmp}/kg", "disk", "LocalStore"),
        ("http://127.0.0.1:7878", "remote", "RemoteStore"),
        ("https://kg.example/ds", "remote", "RemoteStore"),
    ],
)
def test_one_store_string_picks_one_implementation(tmp_path, location, kind, cls):
    with open_store(location.format(tmp=tmp_path)) as s:
        assert (s.kind, type(s).__name__) == (kind, cls)


def test_write_graph_adds_then_replaces_one_graph_atomically():
    g = "https://w3id.org/newskg/article/x"
    with open_store(":memory:") as s:
        s.write_graph(g, '<https://e.org/a> <https://e.org/p> "one" .', replace=False)
        s.write_graph(g, '<https://e.org/a> <https://e.org/p> "two" .', replace=True)
        assert query(s, "SELECT ?o WHERE { ?s <https://e.org/p> ?o }").rows == [("two",)]
        with pytest.raises(StoreError, match="not a valid IRI"):
            s.write_graph("https://e.org/a b", "", replace=True)
        s.drop_graph(g)
        assert not query(s, "ASK { ?s ?p ?o }").boolean


def test_a_read_only_store_refuses_graph_writes(tmp_path):
    with open_store(tmp_path / "kg") as s:
        add_extractions(s, [load("seed")])
    with open_store(tmp_path / "kg", read_only=True) as s, pytest.raises(StoreError, match="read-only"):
        s.write_graph("https://e.org/g", "", replace=False)
