"""The ontology, the SHACL shapes and the JSON-LD context: well formed and what the code relies on."""

from __future__ import annotations

import json

import pytest
from newskg.ontology.vocab import NKG, NS, classes, ontology_graph, ontology_path, predicate, predicates
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef

WDT = Namespace("http://www.wikidata.org/prop/direct/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
CONTRACT = {
    "headOf",
    "worksFor",
    "locatedIn",
    "visits",
    "meets",
    "accompanies",
    "signsAgreementWith",
    "sisterCityOf",
    "cooperatesWith",
    "seeksInvestmentFrom",
    "investsIn",
}
SYMMETRIC = {"meets", "accompanies", "signsAgreementWith", "sisterCityOf", "cooperatesWith"}


def test_the_eleven_contract_predicates_with_labels_domains_ranges_and_cues():
    assert set(predicates()) == CONTRACT
    for p in predicates().values():
        assert p.label_en and any("\uac00" <= ch <= "\ud7a3" for ch in p.label_ko), p.name
        assert p.domain and p.range and p.cues, p.name
    assert {p.name for p in predicates().values() if p.symmetric} == SYMMETRIC


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("sisterCityOf", WDT.P190),
        ("locatedIn", WDT.P131),
        ("worksFor", WDT.P108),
        ("headOf", WDT.P6),
        ("headOf", WDT.P488),
    ],
)
def test_predicates_are_aligned_to_wikidata(name, target):
    g = ontology_graph()
    assert target in set(g.objects(URIRef(NS + name), None)), f"{name} lacks an alignment to {target}"


def test_classes_are_aligned_to_schema_org_and_articles_and_statements_to_prov():
    g = ontology_graph()
    assert (NKG.Person, OWL.equivalentClass, SCHEMA.Person) in g
    assert (NKG.NewsArticle, RDFS.subClassOf, PROV.Entity) in g
    assert (NKG.Statement, RDFS.subClassOf, PROV.Entity) in g
    assert (NKG.article, RDFS.subPropertyOf, PROV.wasDerivedFrom) in g


def test_issue_classes_exist_with_coarse_types():
    expected = {
        "Person": "PERSON",
        "Organization": "ORG",
        "GovernmentOrganization": "ORG",
        "Company": "ORG",
        "University": "ORG",
        "NewsMediaOrganization": "ORG",
        "Place": "LOC",
        "Country": "LOC",
        "AdministrativeArea": "LOC",
        "City": "LOC",
    }
    found = classes()
    assert {k: found[k].coarse for k in expected} == expected
    assert "NewsArticle" in found


def test_the_namespace_is_closed():
    assert str(NKG.sisterCityOf) == NS + "sisterCityOf"
    with pytest.raises(AttributeError):
        _ = NKG.sistrCityOf
    assert predicate("visits").symmetric is False


def test_every_ontology_term_has_english_and_korean_labels():
    g = ontology_graph()
    for s in set(g.subjects(RDF.type, None)):
        if isinstance(s, URIRef) and str(s).startswith(NS):
            langs = {o.language for o in g.objects(s, RDFS.label) if isinstance(o, Literal)}
            assert {"en", "ko"} <= langs, s


def test_shapes_parse_and_target_the_data_model():
    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    sh = Namespace("http://www.w3.org/ns/shacl#")
    targets = set(shapes.objects(None, sh.targetClass))
    assert {NKG.NewsArticle, NKG.Entity, NKG.Statement, NKG.Mention} <= targets


def test_jsonld_context_maps_the_project_prefixes():
    ctx = json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert ctx["nkg"] == NS
    assert ctx["entity"] == "https://w3id.org/newskg/entity/"
    assert ctx["schema"] == "https://schema.org/"
