"""Building the graph: provenance, cross-article resolution, idempotent and incremental rebuilds."""

from __future__ import annotations

import dataclasses
import importlib.util
import io

import pyoxigraph as ox
import pytest
from newskg.app.ingest import build_paths
from newskg.extract.records import Entity, Evidence, Extraction, Triple
from newskg.graph.build import add_extractions, remove_article
from newskg.graph.resolve import article_iri
from newskg.graph.sparql import query
from newskg.graph.store import open_store
from rdflib import Dataset
from rdflib.compare import isomorphic

from tests.graphdata import load, seed_and_second

WHEN = "2026-01-01T00:00:00Z"


@pytest.fixture()
def store():
    with seed_and_second(generated_at=WHEN, extractor_version="test 1") as s:
        yield s


def dataset(store) -> Dataset:
    buf = io.BytesIO()
    store.ox.dump(buf, format=ox.RdfFormat.N_QUADS)
    ds = Dataset()
    ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
    return ds


def same_dataset(a: Dataset, b: Dataset) -> bool:
    ga = {g.identifier: g for g in a.graphs() if len(g)}
    gb = {g.identifier: g for g in b.graphs() if len(g)}
    return ga.keys() == gb.keys() and all(isomorphic(ga[k], gb[k]) for k in ga)


HEADLINE = """
SELECT ?s_en ?o_en WHERE {{
  ?s nkg:{p} ?o . ?s rdfs:label ?s_en . ?o rdfs:label ?o_en .
  FILTER(LANG(?s_en) = "en" && LANG(?o_en) = "en")
  GRAPH article:seed-siheung.txt {{ ?st rdf:subject ?s ; rdf:predicate nkg:{p} ; rdf:object ?o }}
}}"""


@pytest.mark.parametrize(
    ("predicate", "subject", "obj"),
    [
        ("sisterCityOf", "Siheung", "San Diego"),
        ("seeksInvestmentFrom", "Siheung", "Shinsegae Simon"),
        ("visits", "Lim Byung-taek", "Los Angeles"),
    ],
)
def test_seed_headline_facts_answer_by_sparql_with_english_labels(store, predicate, subject, obj):
    rows = set(query(store, HEADLINE.format(p=predicate)).rows)
    assert (subject, obj) in rows


def test_two_articles_about_one_city_give_one_node(store):
    res = query(
        store,
        """
        SELECT DISTINCT ?city ?g WHERE {
          VALUES ?name { "시흥"@ko "시흥시"@ko "Siheung"@en "Siheung-si"@en }
          ?city rdfs:label ?name .
          GRAPH ?g { ?city nkg:entityType "LOC" } }""",
    )
    cities = {row[0] for row in res.rows}
    assert len(cities) == 1
    graphs = {article_iri("seed-siheung.txt"), article_iri("siheung-sister-city.txt")}
    assert {row[1] for row in res.rows} == graphs
    labels = query(store, f"SELECT ?l WHERE {{ <{cities.pop()}> rdfs:label|skos:altLabel ?l }}").rows
    assert {"시흥", "시흥시", "Siheung", "Siheung-si"} <= {r[0] for r in labels}


def test_building_twice_gives_an_isomorphic_graph(store):
    before = dataset(store)
    report = add_extractions(store, [load("seed"), load("second")], extractor_version="test 1")
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 2)
    assert same_dataset(before, dataset(store))
    with open_store(":memory:") as fresh:
        add_extractions(fresh, [load("second"), load("seed")], generated_at=WHEN, extractor_version="test 1")
        assert same_dataset(before, dataset(fresh))


def test_force_rewrites_unchanged_articles(store):
    report = add_extractions(store, [load("seed"), load("second")], force=True)
    assert (report.added, report.replaced, report.unchanged) == (0, 2, 0)


def test_a_changed_article_replaces_its_graph_and_leaves_the_others(store):
    second = load("second")
    kept = tuple(t for t in second.triples if t.predicate != "investsIn")
    fewer = dataclasses.replace(second, triples=kept)
    report = add_extractions(store, [fewer])
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 0)
    assert not query(store, "ASK { ?s nkg:investsIn ?o }").boolean
    assert query(store, "ASK { GRAPH article:seed-siheung.txt { ?s nkg:sisterCityOf ?o } }").boolean
    n = query(
        store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH article:siheung-sister-city.txt { ?s a nkg:NewsArticle } }",
    ).rows
    assert n == [(1,)]


def test_a_bad_extraction_is_rejected_with_a_reason_and_nothing_built_is_lost(store):
    before = dataset(store)
    bad = Extraction("broken.txt", (Entity("x", "무엇", "What", "THING", "Thing"),))
    report = add_extractions(store, [bad, load("seed")])
    assert report.rejected == [("broken.txt", report.rejected[0][1])]
    assert "THING" in report.rejected[0][1] and "PERSON, ORG, LOC" in report.rejected[0][1]
    assert report.unchanged == 1
    assert same_dataset(before, dataset(store))


def test_unknown_predicates_and_dangling_facts_are_left_out_with_a_warning():
    ents = (
        Entity("a", "시흥시", "Siheung", "LOC", "City"),
        Entity("b", "샌디에이고", "San Diego", "LOC", "City"),
    )
    ev = Evidence("문장.", 0, 3)
    ex = Extraction("w.txt", ents, (Triple("a", "likes", "b", 0.5, ev), Triple("a", "visits", "zz", 0.5, ev)))
    with open_store(":memory:") as s:
        report = add_extractions(s, [ex])
        assert report.added == 1 and len(report.warnings) == 2
        assert "'likes' is not in the ontology" in report.warnings[0]
        assert not query(s, "ASK { ?x a nkg:Statement }").boolean


def test_each_article_graph_carries_its_provenance(store):
    res = query(
        store,
        """
        SELECT ?src ?time ?version ?date WHERE { GRAPH article:siheung-sister-city.txt {
          article:siheung-sister-city.txt a nkg:NewsArticle ; prov:wasDerivedFrom ?src ;
            prov:generatedAtTime ?time ; nkg:extractorVersion ?version ; schema:datePublished ?date } }""",
    )
    assert res.rows == [
        (
            "https://news.example.org/2024/05/siheung-sister-city",
            "2026-01-01T00:00:00Z",
            "test 1",
            "2024-05-03",
        )
    ]


def test_every_fact_keeps_its_evidence_reachable_by_sparql(store):
    res = query(
        store,
        """
        SELECT ?sentence ?start ?end ?conf ?article WHERE {
          ?st rdf:subject ?s ; rdf:predicate nkg:investsIn ; rdf:object ?o ; nkg:evidenceText ?sentence ;
              nkg:startOffset ?start ; nkg:endOffset ?end ; nkg:confidence ?conf ; nkg:article ?article .
          ?article schema:text ?text }""",
    )
    [(sentence, start, end, conf, article)] = res.rows
    text = load("second").article.text
    assert text[start:end] == sentence == "㈜한빛바이오는 시흥시에 500억원을 투자하기로 했다."
    assert conf == 0.85 and article == article_iri("siheung-sister-city.txt")


def test_symmetric_facts_are_stored_both_ways_with_one_statement(store):
    assert query(
        store, "ASK { ?sd rdfs:label 'San Diego'@en . ?sd nkg:sisterCityOf ?x . ?x rdfs:label 'Siheung'@en }"
    ).boolean
    n = query(
        store,
        "SELECT (COUNT(?st) AS ?n) WHERE { GRAPH article:siheung-sister-city.txt "
        "{ ?st rdf:predicate nkg:sisterCityOf } }",
    ).rows
    assert n == [(1,)]


def test_mentions_point_into_the_article_text(store):
    res = query(
        store,
        """
        SELECT ?start ?end ?label WHERE { GRAPH article:siheung-sister-city.txt {
          ?m a nkg:Mention ; nkg:mentionOf ?e ; nkg:startOffset ?start ; nkg:endOffset ?end .
          ?e rdfs:label ?label FILTER(LANG(?label) = "ko") } }""",
    )
    text = load("second").article.text
    assert ("박서준" in {text[s:e] for s, e, _ in res.rows}) and len(res.rows) == 8


def test_remove_article_drops_everything_it_contributed(store):
    remove_article(store, article_iri("siheung-sister-city.txt"))
    assert not query(store, "ASK { ?s nkg:investsIn ?o }").boolean
    assert not query(store, "ASK { ?e rdfs:label '박서준'@ko }").boolean
    assert query(store, "ASK { ?s nkg:seeksInvestmentFrom ?o }").boolean


PIPELINE = importlib.util.find_spec("newskg.extract.pipeline") is not None


@pytest.mark.skipif(
    not PIPELINE,
    reason="newskg.extract.pipeline is not there yet (extraction is built "
    "by another helper); the graph is tested from fixture Extractions",
)
@pytest.mark.slow
def test_building_the_real_seed_article_through_the_extractor(repo_root, tmp_path):
    seed = repo_root / "app" / "sample_articles" / "seed-siheung.txt"
    broken = tmp_path / "empty.txt"
    broken.write_text("", encoding="utf-8")
    with open_store(tmp_path / "store") as s:
        report = build_paths(s, [seed, broken])
        assert report.added == 1 and [r[0] for r in report.rejected] == [str(broken)]
        g = report.articles[0]
        prov = f"ASK {{ GRAPH <{g}> {{ <{g}> prov:wasDerivedFrom ?src ; prov:generatedAtTime ?t }} }}"
        assert query(s, prov).boolean
        facts = query(
            s, f"SELECT ?p WHERE {{ GRAPH <{g}> {{ ?st rdf:predicate ?p ; nkg:evidenceText ?e }} }}"
        )
        assert facts.rows, "the extractor found no fact in the seed article"
        again = build_paths(s, [seed])
        assert (again.added, again.unchanged) == (0, 1)
