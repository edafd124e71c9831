"""The networkx projection: plain attributes, predicate-keyed edges with evidence counts, filters."""

from __future__ import annotations

import pytest
from newskg.graph.project import to_networkx
from newskg.ontology.errors import QueryError

from tests.graphdata import seed_and_second

E = "https://w3id.org/newskg/entity/"
SIHEUNG, SAN_DIEGO, LIM = E + "kr-KR-41-siheung-si", E + "gn5391811", E + "임병택--kr-KR-41-siheung-si"
SEED = "https://w3id.org/newskg/article/seed-siheung.txt"
SECOND = "https://w3id.org/newskg/article/siheung-sister-city.txt"


@pytest.fixture(scope="module")
def store():
    with seed_and_second() as s:
        yield s


def test_nodes_are_entities_with_plain_attributes(store):
    g = to_networkx(store)
    assert g.number_of_nodes() == 18  # 14 in the seed + 8 in the second article - 4 shared
    sd = g.nodes[SAN_DIEGO]
    # each article gives one Korean label (샌디에이고, 샌디에이고시): at a tie the longer leads
    assert sd == {
        "label_ko": "샌디에이고시",
        "label_en": "San Diego",
        "type": "LOC",
        "cls": "City",
        "lat": 32.71571,
        "lon": -117.16472,
        "geonames": "5391811",
    }
    for _, attrs in g.nodes(data=True):
        assert all(isinstance(v, str | float) for v in attrs.values())
    assert g.nodes[LIM]["type"] == "PERSON" and "lat" not in g.nodes[LIM]


def test_edges_are_keyed_by_predicate_with_counts_articles_and_confidence(store):
    g = to_networkx(store)
    head = g.edges[LIM, SIHEUNG, "headOf"]
    assert head["count"] == 2 and head["articles"] == f"{SEED} {SECOND}"
    assert head["predicate"] == "https://w3id.org/newskg/ontology#headOf" and head["confidence"] == 0.9


def test_a_symmetric_fact_is_one_edge_whichever_way_articles_state_it(store):
    g = to_networkx(store)
    ties = [(u, v) for u, v, k in g.edges(keys=True) if k == "signsAgreementWith"]
    assert len(ties) == 1 and set(ties[0]) == {SIHEUNG, SAN_DIEGO}
    assert g.get_edge_data(*ties[0])["signsAgreementWith"]["count"] == 2


def test_filters_by_predicate_type_article_and_date(store):
    only = to_networkx(store, predicates=["visits"])
    assert {k for _, _, k in only.edges(keys=True)} == {"visits"}
    people = to_networkx(store, types=["PERSON"])
    assert {d["type"] for _, d in people.nodes(data=True)} == {"PERSON"}
    assert {k for _, _, k in people.edges(keys=True)} == {"accompanies", "meets"}
    second = to_networkx(store, articles=[SECOND])
    assert second.number_of_nodes() == 8
    assert to_networkx(store, since="2024-04-01").number_of_nodes() == 8
    assert to_networkx(store, until="2024-04-01").number_of_nodes() == 14
    assert to_networkx(store, since="2030-01-01").number_of_nodes() == 0


def test_bad_filters_are_clear_errors(store):
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        to_networkx(store, since="last week")
    with pytest.raises(KeyError, match="not a newskg predicate"):
        to_networkx(store, predicates=["likes"])
