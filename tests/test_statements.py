"""Qualifiers in the graph: status, when, amount, tie kind and rule on a fact's statement."""

from __future__ import annotations

import dataclasses
import io

import pytest
from newskg.extract.records import Amount, Entity, Evidence, Extraction, Triple, When
from newskg.graph.build import add_extractions
from newskg.graph.export import RdfFormat, export
from newskg.graph.sparql import query
from newskg.graph.store import open_store
from newskg.graph.validate import validate
from newskg.ontology.vocab import ontology_graph
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from tests.graphdata import load

NKG = Namespace("https://w3id.org/newskg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ENTS = (
    Entity("a", "한빛시", "Hanbit", "LOC", "City"),
    Entity("b", "보스턴", "Boston", "LOC", "City"),
    Entity("k", "김도윤", "Kim Do-yun", "PERSON", "Person"),
    Entity("c", "㈜블루웨이브", "Bluewave", "ORG", "Company"),
)
EV = Evidence("김 시장은 보스턴을 방문한다.", 0, 16)


def built(*triples: Triple) -> Graph:
    """The merged graph of one invented article with `triples`, as rdflib reads its Turtle export."""
    with open_store(":memory:") as s:
        report = add_extractions(s, [Extraction("doc-q", ENTS, triples)])
        assert not report.rejected and not report.warnings, report.warnings
        assert validate(s).conforms
        buf = io.BytesIO()
        export(s, RdfFormat.TURTLE, buf)
        return Graph().parse(data=buf.getvalue().decode("utf-8"), format="turtle")


def statement(g: Graph) -> URIRef:
    (st,) = set(g.subjects(RDF.type, NKG.Statement))
    return st


@pytest.mark.parametrize(
    ("when", "prop", "literal"),
    [
        (When("2024-08-13"), NKG.when, Literal("2024-08-13", datatype=XSD.date)),
        (When("2024-08"), NKG.when, Literal("2024-08", datatype=XSD.gYearMonth)),
        (When("2009"), NKG.when, Literal("2009", datatype=XSD.gYear)),
        (When("2024-08-13", "2024-08-19"), NKG.startDate, Literal("2024-08-13", datatype=XSD.date)),
        (When("2024-08-13", "2024-08-19"), NKG.endDate, Literal("2024-08-19", datatype=XSD.date)),
        (When("2023-07", "2023-12"), NKG.endDate, Literal("2023-12", datatype=XSD.gYearMonth)),
    ],
)
def test_a_when_is_typed_as_precisely_as_the_text_gave_it(when, prop, literal):
    g = built(Triple("k", "visits", "b", 0.9, EV, when=when))
    assert g.value(statement(g), prop) == literal


def test_a_span_has_start_and_end_and_no_single_when():
    g = built(Triple("k", "visits", "b", 0.9, EV, when=When("2024-08-13", "2024-08-19")))
    assert g.value(statement(g), NKG.when) is None


def test_an_amount_is_a_monetary_amount_with_value_and_iso_currency():
    g = built(Triple("a", "seeksInvestmentFrom", "c", 0.9, EV, amount=Amount(1e11, "KRW")))
    money = g.value(statement(g), NKG.amount)
    assert (money, RDF.type, SCHEMA.MonetaryAmount) in g
    assert g.value(money, SCHEMA.value).toPython() == 100000000000
    assert g.value(money, SCHEMA.value).datatype == XSD.decimal
    assert str(g.value(money, SCHEMA.currency)) == "KRW"


@pytest.mark.parametrize(("kind", "label"), [("sister", "자매도시"), ("friendship", "우호도시")])
def test_a_tie_kind_is_an_ontology_individual_with_its_korean_label(kind, label):
    g = built(Triple("a", "sisterCityOf", "b", 0.9, EV, tie_kind=kind))
    tie = g.value(statement(g), NKG.tieKind)
    assert tie == NKG[kind]
    assert Literal(label, lang="ko") in set(ontology_graph().objects(tie, RDFS.label))


def test_the_rule_and_status_are_kept_on_the_statement():
    g = built(Triple("k", "visits", "b", 0.9, EV, rule="visit_cue"))
    st = statement(g)
    assert str(g.value(st, NKG.rule)) == "visit_cue" and str(g.value(st, NKG.status)) == "done"


@pytest.mark.parametrize("status", ["planned", "failed"])
def test_a_planned_or_failed_fact_is_a_statement_without_the_direct_triple(status):
    g = built(Triple("k", "visits", "b", 0.8, EV, status=status))
    st = statement(g)
    assert str(g.value(st, NKG.status)) == status
    assert (URIRef(str(g.value(st, RDF.subject))), NKG.visits, None) not in g


def test_a_done_fact_keeps_its_direct_triple_in_both_directions_when_symmetric():
    g = built(Triple("a", "sisterCityOf", "b", 0.9, EV))
    st = statement(g)
    s, o = g.value(st, RDF.subject), g.value(st, RDF.object)
    assert (s, NKG.sisterCityOf, o) in g and (o, NKG.sisterCityOf, s) in g


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"when": When("13일")}, "not an ISO date"),
        ({"amount": Amount(5.0, "달러")}, "ISO 4217"),
        ({"tie_kind": "cousin"}, "tie kind"),
        ({"status": "maybe"}, "status"),
    ],
)
def test_a_malformed_qualifier_is_left_out_with_a_warning(change, message):
    t = dataclasses.replace(Triple("k", "visits", "b", 0.9, EV), **change)
    with open_store(":memory:") as s:
        report = add_extractions(s, [Extraction("doc-q", ENTS, (t,))])
        assert any(message in w for w in report.warnings), report.warnings
        assert validate(s).conforms


def test_shapes_reject_a_done_statement_without_its_direct_triple():
    with open_store(":memory:") as s:
        add_extractions(s, [Extraction("doc-q", ENTS, (Triple("k", "visits", "b", 0.9, EV),))])
        s.update("DELETE WHERE { GRAPH ?g { ?s <https://w3id.org/newskg/ontology#visits> ?o } }")
        assert not validate(s).conforms


def test_the_plans_fixture_validates_and_its_planned_stop_is_no_visit():
    with open_store(":memory:") as s:
        add_extractions(s, [load("plans")])
        assert validate(s).conforms
        assert not query(s, 'ASK { ?s nkg:visits ?o . ?o rdfs:label "토론토"@ko }').boolean
        assert query(s, 'ASK { ?s nkg:visits ?o . ?o rdfs:label "보스턴"@ko }').boolean
