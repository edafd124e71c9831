"""The read model (graph/readmodel.py) on a real Oxigraph store built from the hand-written fixtures
of tests/data/graph: the seed article and a second article that states some of its facts again
(one of them the other way round)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from newskg.graph import readmodel as rm
from newskg.graph import review
from newskg.graph.project import to_networkx
from newskg.graph.store import KGStore

from tests.graphdata import seed_and_second

E = "https://w3id.org/newskg/entity/"
A = "https://w3id.org/newskg/article/"


@pytest.fixture
def kg() -> Iterator[KGStore]:
    with seed_and_second() as store:
        yield store


def iri_of(kg: KGStore, ko: str) -> str:
    """The one entity called `ko` (as its label or an alias: the two articles name some differently)."""
    hits = [e["iri"] for e in rm.entities(kg) if ko == e["ko"] or ko in e["aliases"]]
    assert len(hits) == 1, (ko, hits)
    return hits[0]


def one_fact(facts: list[rm.Fact], predicate: str, o: str) -> rm.Fact:
    hits = [f for f in facts if f.predicate == predicate and o in (f.s, f.o)]
    assert len(hits) == 1, [(f.s, f.predicate, f.o) for f in hits]
    return hits[0]


def test_entities_are_listed_once_each_with_both_labels_and_their_degree(kg: KGStore) -> None:
    rows = rm.entities(kg)
    iris = [r["iri"] for r in rows]
    assert len(iris) == len(set(iris))
    siheung = next(r for r in rows if r["iri"] == iri_of(kg, "시흥시"))
    # both articles give one Korean label each: at a tie the longer one leads
    assert siheung["ko"] == "시흥시" and siheung["type"] == "LOC" and siheung["cls"] == "City"
    assert rows[0]["degree"] >= siheung["degree"] > 5  # sorted by degree


def test_a_fact_two_articles_state_is_one_fact_with_two_articles(kg: KGStore) -> None:
    siheung, sd = iri_of(kg, "시흥시"), iri_of(kg, "샌디에이고")
    fact = one_fact(rm.facts(kg, siheung), "sisterCityOf", sd)
    assert fact.articles == [A + "seed-siheung.txt", A + "siheung-sister-city.txt"]
    assert len(fact.statements) == 2 and fact.symmetric and not fact.planned


def test_a_symmetric_fact_stated_the_other_way_reads_from_the_entity_asked_about(kg: KGStore) -> None:
    siheung, sd = iri_of(kg, "시흥시"), iri_of(kg, "샌디에이고")
    from_siheung = one_fact(rm.facts(kg, siheung), "signsAgreementWith", sd)
    from_sd = one_fact(rm.facts(kg, sd), "signsAgreementWith", siheung)
    assert (from_siheung.s, from_siheung.o) == (siheung, sd) and (from_sd.s, from_sd.o) == (sd, siheung)
    assert len(from_siheung.articles) == 2


def test_entity_classes_are_distinct_and_finest_first(kg: KGStore) -> None:
    info = rm.entity(kg, iri_of(kg, "시흥시"))
    assert info.classes == sorted(set(info.classes), key=info.classes.index) and info.classes[0] == "City"
    assert info.labels["ko"] == ["시흥시", "시흥"] and info.type == "LOC"


def test_mention_spans_are_the_offsets_the_extractor_gave(kg: KGStore) -> None:
    from tests.graphdata import load

    seed = load("seed")
    siheung = iri_of(kg, "시흥시")
    spans = rm.mention_spans(kg, [(A + "seed-siheung.txt", siheung)])
    expected = {tuple(m) for e in seed.entities if e.label == "시흥시" for m in e.mentions}
    assert set(spans[(A + "seed-siheung.txt", siheung)]) == expected


def test_two_hops_finds_who_visits_a_partner_city(kg: KGStore) -> None:
    siheung, sd, kim = iri_of(kg, "시흥시"), iri_of(kg, "샌디에이고"), iri_of(kg, "김동연")
    rows = rm.two_hops(kg, siheung)
    hit = [r for r in rows if r["partner"] == sd and r["other"] == kim and r["predicate"] == "visits"]
    assert len(hit) == 1 and set(hit[0]["ties"]) == {"sisterCityOf", "signsAgreementWith"}
    assert all(r["other"] != siheung for r in rows)


def test_articles_carry_headline_date_and_fact_count(kg: KGStore) -> None:
    rows = {r["iri"]: r for r in rm.articles(kg)}
    assert set(rows) == {A + "seed-siheung.txt", A + "siheung-sister-city.txt"}
    assert all(r["facts"] > 0 and r["headline"] for r in rows.values())
    view = rm.article(kg, A + "seed-siheung.txt")
    assert view.exists and view.mentions and all(m["type"] for m in view.mentions)


def test_a_rejected_fact_is_left_out_everywhere_until_asked_for(kg: KGStore) -> None:
    siheung, sd = iri_of(kg, "시흥시"), iri_of(kg, "샌디에이고")
    before = rm.overview(kg)["predicates"]
    review.record_fact(kg, sd, "sisterCityOf", siheung, "rejected", who="tester", comment="misread")
    assert not [f for f in rm.facts(kg, siheung) if f.predicate == "sisterCityOf"]
    kept = one_fact(rm.facts(kg, siheung, include_rejected=True), "sisterCityOf", sd)
    assert kept.rejected
    assert "sisterCityOf" not in {k for _, _, k in to_networkx(kg).edges(keys=True)}
    assert "sisterCityOf" in {k for _, _, k in to_networkx(kg, include_rejected=True).edges(keys=True)}
    after = {r["predicate"]: r["statements"] for r in rm.overview(kg)["predicates"]}
    assert "sisterCityOf" not in after and len(after) == len(before) - 1
    assert not [r for r in rm.map_links(kg) if r["predicate"] == "sisterCityOf"]
    review.record_fact(kg, siheung, "sisterCityOf", sd, "confirmed", who="tester")  # the newer review wins
    assert one_fact(rm.facts(kg, siheung), "sisterCityOf", sd).articles


def test_rename_and_merge_change_what_pages_read(kg: KGStore) -> None:
    siheung, lim = iri_of(kg, "시흥시"), iri_of(kg, "임병택")
    review.record_rename(kg, siheung, "Siheung City", "en")
    assert next(r for r in rm.entities(kg) if r["iri"] == siheung)["en"] == "Siheung City"
    assert rm.entity(kg, siheung).labels["en"][0] == "Siheung City"
    n_lim = len(rm.facts(kg, lim))
    other = iri_of(kg, "김동연")  # an invented mistake: merge one person into another
    review.record_merge(kg, other, lim)
    assert rm.entity(kg, other).merged_into == lim and other in rm.entity(kg, lim).merged_from
    assert len(rm.facts(kg, lim)) > n_lim
    assert all(other not in (f.s, f.o) for f in rm.facts(kg, lim))


def add_qualifiers(kg: KGStore, s: str, predicate: str, o: str, triples: str) -> None:
    """Write qualifier triples onto the statements of (s, predicate, o), as graph/build.py would."""
    from tests.explorer_data import qualify

    qualify(kg, s, predicate, o, triples)


def test_statement_qualifiers_give_dates_amounts_and_status(kg: KGStore) -> None:
    siheung, lim, sd = iri_of(kg, "시흥시"), iri_of(kg, "임병택"), iri_of(kg, "샌디에이고")
    company = iri_of(kg, "㈜신세계사이먼")
    add_qualifiers(
        kg,
        siheung,
        "seeksInvestmentFrom",
        company,
        'nkg:amount [ a schema:MonetaryAmount ; schema:value 100000000000 ; schema:currency "KRW" ] ; '
        'nkg:status "planned"',
    )
    add_qualifiers(
        kg, lim, "visits", sd, 'nkg:startDate "2024-03-13"^^xsd:date ; nkg:endDate "2024-03-19"^^xsd:date'
    )
    invest = one_fact(rm.facts(kg, siheung), "seeksInvestmentFrom", company)
    assert invest.amounts == [(1e11, "KRW")] and invest.planned and invest.statuses == ["planned"]
    visit = one_fact(rm.facts(kg, lim), "visits", sd)
    assert visit.when == "2024-03-13–2024-03-19" and not visit.planned
    rows = rm.timeline(kg, entity_=lim, predicate="visits")
    assert [(r["date"], r["end"], r["o"]) for r in rows] == [("2024-03-13", "2024-03-19", sd)]
    planned = rm.timeline(kg, status=["planned"])
    assert {r["status"] for r in planned} == {"planned"}
    assert "seeksInvestmentFrom" not in {r["predicate"] for r in planned}  # the planned request has no date
    edge = to_networkx(kg).get_edge_data(siheung, company)["seeksInvestmentFrom"]
    assert edge["status"] == "planned"


def test_iris_spliced_into_queries_are_checked(kg: KGStore) -> None:
    from newskg.ontology.errors import QueryError

    with pytest.raises(QueryError):
        rm.facts(kg, E + "x> } ; DROP ALL ; { <y")


# ---------------------------------------------------------------- bounded views (the explorer at scale)
# An invented store whose degrees are known: 가온시 has 5 facts, 나래구 3, 다솜동 2; everyone else 1
# or 2, and ties at the cut. Built through graph.build into a real Oxigraph store.
from newskg.extract.records import Article, Entity, Evidence, Extraction, Triple  # noqa: E402
from newskg.graph.build import add_extractions  # noqa: E402
from newskg.graph.project import ViewFilters, neighbourhood, top_nodes  # noqa: E402
from newskg.graph.store import open_store  # noqa: E402

NAMES = ["가온시", "나래구", "다솜동", "라온시", "마루시", "바다시", "사랑시", "아라시", "자람시"]


def _bounded_extractions() -> list[Extraction]:
    text = " ".join(NAMES) + " 끝."
    ents = tuple(
        Entity(f"e{i}", n, f"Town {i}", "LOC", "City", (), ((text.index(n), text.index(n) + len(n)),))
        for i, n in enumerate(NAMES)
    )
    ev = Evidence(text, 0, len(text))
    # (subject, object) index pairs of 'visits' facts, one article each
    first = [(0, 1), (0, 2), (0, 3), (0, 4), (1, 5), (1, 6), (2, 7)]
    second = [(0, 8)]  # 가온시's fifth fact, in another article, dated
    planned = [(3, 4)]
    out = []
    for doc, pairs, status, date in (
        ("b-1", first, "done", "2024-03-01"),
        ("b-2", second, "done", "2024-05-01"),
    ):
        triples = tuple(Triple(f"e{s}", "visits", f"e{o}", 0.9, ev, status=status) for s, o in pairs)
        out.append(Extraction(doc, ents, triples, Article(doc, text, f"기사 {doc}", date)))
    triples = tuple(Triple(f"e{s}", "visits", f"e{o}", 0.8, ev, status="planned") for s, o in planned)
    out.append(Extraction("b-3", ents, triples, Article("b-3", text, "기사 b-3", "")))
    return out


@pytest.fixture(scope="module")
def bounded(tmp_path_factory) -> Iterator[tuple[KGStore, dict[str, str]]]:
    with open_store(str(tmp_path_factory.mktemp("bounded") / "kg.oxigraph")) as store:
        add_extractions(store, _bounded_extractions())
        iris = {r["ko"]: r["iri"] for r in rm.entities(store)}
        yield store, iris


def test_top_nodes_are_ordered_by_degree_and_count_the_whole_graph(bounded) -> None:
    kg, iri = bounded
    nodes, entities, statements = top_nodes(kg, 3)
    assert nodes == [iri["가온시"], iri["나래구"], iri["다솜동"]]
    assert (entities, statements) == (len(NAMES), 9)  # 8 done facts and the planned one


def test_a_tie_at_the_cut_is_settled_by_iri_not_by_store_order(bounded) -> None:
    kg, iri = bounded
    # after the top three, 라온시 and 마루시 have 2 facts each (one planned between them)
    assert top_nodes(kg, 4)[0][3] == min(iri["라온시"], iri["마루시"])
    ones = sorted(iri[n] for n in ("바다시", "사랑시", "아라시", "자람시"))
    assert top_nodes(kg, 7)[0][5:] == ones[:2]


def test_top_nodes_follow_the_predicate_filter_and_leave_out_a_rejected_fact(bounded, tmp_path) -> None:
    kg, iri = bounded
    assert top_nodes(kg, 5, ViewFilters(predicates=("meets",)))[0] == []
    with open_store(str(tmp_path / "kg.oxigraph")) as fresh:
        add_extractions(fresh, _bounded_extractions())
        names = {r["ko"]: r["iri"] for r in rm.entities(fresh)}
        for o in ("나래구", "다솜동", "라온시", "마루시"):
            review.record_fact(fresh, names["가온시"], "visits", names[o], "rejected", who="t")
        nodes, _, statements = top_nodes(fresh, 1)  # 가온시 keeps one fact, 나래구 two
        assert nodes == [names["나래구"]] and statements == 5
        assert [k.o for k in rm.fact_keys(fresh, names["가온시"])] == [names["자람시"]]


def test_neighbourhood_keeps_the_focus_first_and_stops_at_the_node_cap(bounded) -> None:
    kg, iri = bounded
    nodes, total = neighbourhood(kg, [iri["가온시"]], radius=1, max_nodes=3)
    assert nodes[0] == iri["가온시"] and len(nodes) == 3 and total == 6  # itself and 5 neighbours
    wide, total = neighbourhood(kg, [iri["가온시"]], radius=2, max_nodes=100)
    assert set(wide) == set(iri.values()) and total == len(NAMES)
    leaf, _ = neighbourhood(kg, [iri["아라시"]], radius=1, max_nodes=100)
    assert set(leaf) == {iri["아라시"], iri["다솜동"]}


def test_a_projection_of_given_nodes_equals_the_subgraph_of_the_whole_projection(bounded) -> None:
    kg, iri = bounded
    keep = [iri["가온시"], iri["나래구"], iri["바다시"]]
    small = to_networkx(kg, nodes=keep)
    whole = to_networkx(kg).subgraph(keep)
    assert sorted(small.nodes(data=True)) == sorted(whole.nodes(data=True))
    assert sorted(small.edges(keys=True, data=True)) == sorted(whole.edges(keys=True, data=True))


def test_fact_keys_page_through_the_facts_without_reading_the_rest(bounded) -> None:
    kg, iri = bounded
    hub = iri["가온시"]
    keys = rm.fact_keys(kg, hub)
    assert [(k.s, k.o) for k in keys][:1] == [(hub, iri["나래구"])]  # ties by predicate, then IRIs
    assert {(k.s, k.predicate, k.o, k.articles) for k in keys} == {
        (f.s, f.predicate, f.o, len(f.articles)) for f in rm.facts(kg, hub)
    }
    page = rm.facts(kg, hub, keys=keys[2:4])
    assert [(f.s, f.o) for f in page] == [(k.s, k.o) for k in keys[2:4]]
    assert all(len(f.statements) == 1 and f.statements[0]["evidence"] for f in page)


def test_a_planned_fact_without_a_direct_triple_is_still_a_fact_key(bounded) -> None:
    kg, iri = bounded
    (key,) = [k for k in rm.fact_keys(kg, iri["라온시"]) if k.o == iri["마루시"]]
    assert key.direction == "out" and key.articles == 1
    (fact,) = rm.facts(kg, iri["라온시"], keys=[key])
    assert fact.planned and fact.statuses == ["planned"]


def test_search_limits_and_ranks_exact_then_prefix_then_degree(bounded) -> None:
    kg, iri = bounded
    hits = rm.search(kg, "시", limit=3)
    assert len(hits) == 3 and hits[0]["iri"] == iri["가온시"]  # contains "시", most facts
    assert [r["ko"] for r in rm.search(kg, "town 1")] == ["나래구"]  # English, case-folded
    assert rm.search(kg, "없는 이름") == [] and rm.search(kg, "  ") == []


def test_labels_counts_and_latest_articles_read_only_what_is_asked(bounded) -> None:
    kg, iri = bounded
    got = rm.labels(kg, [iri["가온시"], "https://w3id.org/newskg/entity/none"])
    assert list(got) == [iri["가온시"]] and got[iri["가온시"]]["en"] == "Town 0"
    assert (rm.count_entities(kg), rm.count_articles(kg)) == (len(NAMES), 3)
    latest = rm.latest_articles(kg, 2)
    assert [a["headline"] for a in latest] == ["기사 b-2", "기사 b-1"] and latest[1]["facts"] == 7
    assert rm.latest_articles(kg, 5)[-1]["published"] == ""  # the undated one comes last
    assert rm.date_range(kg) == ("2024-03-01", "2024-05-01")
