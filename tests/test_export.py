"""Exports: format table, round trips to an isomorphic dataset, golden Turtle, GraphML for networkx."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from newskg.graph.build import add_extractions
from newskg.graph.export import RdfFormat, export, jsonld_context
from newskg.graph.project import to_networkx
from newskg.graph.store import open_store
from newskg.ontology.errors import InputError
from pyld import jsonld
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from tests.graphdata import GRAPH_DATA, load, seed_and_second

WHEN = "2026-01-01T00:00:00Z"
HASHES = [
    URIRef("https://w3id.org/newskg/ontology#contentHash"),
    URIRef("https://w3id.org/newskg/ontology#inputHash"),
]


@pytest.fixture(scope="module")
def store():
    with seed_and_second(generated_at=WHEN, extractor_version="test 1") as s:
        yield s


def as_dataset(store) -> Dataset:
    buf = io.BytesIO()
    export(store, RdfFormat.NQUADS, buf)
    ds = Dataset()
    ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
    return ds


def graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    ga, gb = graphs(a), graphs(b)
    assert ga.keys() == gb.keys()
    for k in ga:
        assert isomorphic(ga[k], gb[k]), k


def union(ds: Dataset) -> Graph:
    g = Graph()
    for q in ds.quads((None, None, None, None)):
        g.add(q[:3])
    return g


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("graph.ttl", RdfFormat.TURTLE),
        ("g.jsonld", RdfFormat.JSONLD),
        ("x.nt", RdfFormat.NTRIPLES),
        ("x.nq", RdfFormat.NQUADS),
        ("x.trig", RdfFormat.TRIG),
        ("net.graphml", RdfFormat.GRAPHML),
        ("G.TTL", RdfFormat.TURTLE),
    ],
)
def test_format_is_guessed_from_the_suffix(name, fmt):
    assert RdfFormat.from_path(name) is fmt
    assert RdfFormat.from_name(fmt.extension) is fmt


def test_formats_carry_media_types_and_unknown_ones_are_refused():
    assert RdfFormat.TURTLE.media_type == "text/turtle"
    assert RdfFormat.from_name("json-ld") is RdfFormat.JSONLD
    with pytest.raises(InputError, match="unknown export format"):
        RdfFormat.from_name("docx")
    with pytest.raises(InputError, match="no suffix"):
        RdfFormat.from_path("graph")


@pytest.mark.parametrize("fmt", [RdfFormat.NQUADS, RdfFormat.TRIG])
def test_dataset_formats_round_trip_to_an_isomorphic_dataset(store, fmt, tmp_path):
    out = tmp_path / f"g.{fmt.extension}"
    n = export(store, fmt, out)
    back = Dataset()
    back.parse(out, format={"nq": "nquads", "trig": "trig"}[fmt.extension])
    assert n == sum(len(g) for g in graphs(back).values())
    assert_same_dataset(as_dataset(store), back)


@pytest.mark.parametrize("fmt", [RdfFormat.TURTLE, RdfFormat.NTRIPLES])
def test_graph_formats_round_trip_to_the_merged_graph(store, fmt, tmp_path):
    out = tmp_path / f"g.{fmt.extension}"
    export(store, fmt, out)
    back = Graph().parse(out, format={"ttl": "turtle", "nt": "nt"}[fmt.extension])
    assert isomorphic(back, union(as_dataset(store)))


def test_jsonld_is_compacted_with_the_project_context_and_round_trips_through_pyld(store, tmp_path):
    out = tmp_path / "g.jsonld"
    export(store, RdfFormat.JSONLD, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"] == jsonld_context()
    assert "nkg:sisterCityOf" in out.read_text(encoding="utf-8")
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    back = Dataset()
    back.parse(data=nquads, format="nquads")
    assert_same_dataset(as_dataset(store), back)


def test_graphml_reads_back_with_networkx(store, tmp_path):
    out = tmp_path / "g.graphml"
    n = export(store, RdfFormat.GRAPHML, out)
    g = nx.read_graphml(out)
    direct = to_networkx(store)
    assert n == g.number_of_edges() == direct.number_of_edges()
    assert set(g.nodes) == set(direct.nodes)
    sd = g.nodes["https://w3id.org/newskg/entity/gn5391811"]
    assert sd["label_en"] == "San Diego" and sd["lat"] == pytest.approx(32.71571)


def test_export_of_one_article_graph(store, tmp_path):
    out = tmp_path / "one.nq"
    iri = "https://w3id.org/newskg/article/siheung-sister-city.txt"
    export(store, RdfFormat.NQUADS, out, graph_iris=[iri])
    back = Dataset()
    back.parse(out, format="nquads")
    assert set(graphs(back)) == {iri}


def test_export_writes_to_a_binary_stream(store):
    buf = io.BytesIO()
    assert export(store, RdfFormat.TURTLE, buf) > 0
    assert buf.getvalue().startswith(b"@prefix")


def test_a_fixed_extraction_gives_the_golden_turtle(tmp_path):
    """tests/data/graph/second.ttl: regenerate by exporting the built second.json when the layout changes."""
    with open_store(":memory:") as s:
        add_extractions(s, [load("second")], generated_at=WHEN, extractor_version="test 1")
        out = tmp_path / "second.ttl"
        export(s, RdfFormat.TURTLE, out)
    got = Graph().parse(out, format="turtle")
    want = Graph().parse(GRAPH_DATA / "second.ttl", format="turtle")
    for g in (got, want):
        for h in HASHES:  # hashes of the input records: they move with the records' JSON form
            g.remove((None, h, None))
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail(
            "built graph differs from the golden file\nonly built:\n"
            + only_got.serialize(format="nt")
            + "\nonly golden:\n"
            + only_want.serialize(format="nt")
        )


def test_every_format_has_an_exporter_in_the_table():
    from newskg.graph.export import _EXPORTERS

    assert set(_EXPORTERS) == set(RdfFormat)
