"""Stable IRIs: one node per real-world entity across articles, one IRI per article.

Everything here works from extraction records alone (invented articles); the last tests run the
real extractor on invented text to check that the records carry the keys resolution needs.
"""

from __future__ import annotations

import pytest
from newskg.extract.records import Entity, Evidence, Extraction, Triple
from newskg.graph.resolve import (
    article_iri,
    entity_iri,
    entity_iris,
    entity_key,
    geonames_iri,
    normalize_name,
    person_anchors,
)

ENTITY = "https://w3id.org/newskg/entity/"


def ent(label: str, label_en: str = "", type_: str = "LOC", aliases: tuple[str, ...] = (), **kw) -> Entity:
    return Entity("x", label, label_en or label, type_, "City", aliases, **kw)


SIHEUNG_KEY = {"key": "kr:KR-41-siheung-si"}


@pytest.mark.parametrize(
    "group",
    [
        [
            ent("시흥", **SIHEUNG_KEY),
            ent("시흥시", "Siheung", **SIHEUNG_KEY),
            ent("Siheung", **SIHEUNG_KEY),
            ent("Siheung-si", **SIHEUNG_KEY),
        ],
        [
            ent("샌디에이고", key="gn:5391811"),
            ent("샌디에이고시", "San Diego", key="gn:5391811"),
            ent("San Diego", geonames_id=5391811),
            ent("x", geonames_id=5391811),
        ],
        [ent("샌디에이고"), ent("샌디에이고시", "San Diego"), ent("San Diego", aliases=("샌디에이고",))],
        [
            ent("경기도", key="iso:KR-41"),
            ent("경기", "Gyeonggi Province", key="iso:KR-41"),
            ent("Gyeonggi-do", key="iso:KR-41"),
        ],
        [ent("퀴논시", "Quy Nhon"), ent("퀴논", "Quynhon"), ent("Quy Nhon City", aliases=("퀴논",))],
        [
            ent("㈜신세계사이먼", type_="ORG"),
            ent("신세계사이먼", type_="ORG"),
            ent("(주)신세계 사이먼", type_="ORG"),
        ],
        [ent("임병택", type_="PERSON"), ent("임 병택", "Lim Byung-taek", type_="PERSON")],
    ],
)
def test_names_of_one_entity_give_one_iri(group):
    assert len({entity_iri(e) for e in group}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (ent("시흥시"), ent("시흥시의회", type_="ORG")),
        (ent("김민구", type_="PERSON"), ent("김민", type_="PERSON")),  # no suffix stripping for people
        (ent("서울대학교", type_="ORG"), ent("서울대학교 시흥캠퍼스")),
        (ent("부산"), ent("울산")),
    ],
)
def test_different_entities_keep_different_iris(a, b):
    assert entity_iri(a) != entity_iri(b)


def test_gazetteer_places_use_their_geonames_id():
    assert entity_iri(ent("로스앤젤레스", "Los Angeles", geonames_id=5368361)) == ENTITY + "gn5368361"
    assert entity_iri(ent("로스앤젤레스", "Los Angeles", key="gn:5368361")) == ENTITY + "gn5368361"
    assert geonames_iri(5368361) == "https://sws.geonames.org/5368361/"


def test_gazetteer_key_decides_over_the_label():
    seo = [
        ent("서구", "Seo District", key=f"kr:KR-{c}-seo-gu", parent=p)
        for c, p in (("29", "gn:1"), ("27", "gn:2"), ("28", "gn:3"))
    ]
    assert [entity_key(e) for e in seo] == ["kr-KR-29-seo-gu", "kr-KR-27-seo-gu", "kr-KR-28-seo-gu"]
    assert entity_key(ent("서구")) == "서구"  # without a key the name alone decides


def test_resolution_does_not_import_the_gazetteer():
    from pathlib import Path

    import newskg.graph.resolve as resolve

    src = Path(resolve.__file__).read_text(encoding="utf-8")
    assert "gazetteer" not in src.split('"""', 2)[2]  # the code, past the module docstring


# ---- people: name plus anchor ---------------------------------------------------------------


def _person(pid: str, name: str) -> Entity:
    return Entity(pid, name, name, "PERSON", "Person")


def _body(bid: str, name: str, type_: str = "ORG", **kw) -> Entity:
    return Entity(bid, name, name, type_, "Company" if type_ == "ORG" else "City", **kw)


def _fact(s: str, p: str, o: str, status: str = "done") -> Triple:
    return Triple(s, p, o, 0.9, Evidence("…", 0, 1), status=status)


def _article(doc: str, entities: list[Entity], triples: list[Triple]) -> Extraction:
    return Extraction(doc, tuple(entities), tuple(triples))


def test_namesakes_of_two_companies_stay_two_nodes():
    a = _article("a", [_person("p", "김철수"), _body("c", "한빛정밀")], [_fact("p", "headOf", "c")])
    b = _article("b", [_person("p", "김철수"), _body("c", "누리상사")], [_fact("p", "worksFor", "c")])
    assert entity_iris(a)["p"] != entity_iris(b)["p"]
    assert entity_iris(a)["p"] == ENTITY + "김철수--한빛정밀"


def test_one_mayor_named_in_two_articles_is_one_node():
    city = {"key": "kr:KR-41-siheung-si"}
    a = _article(
        "a", [_person("e1", "박하늘"), _body("e2", "시흥시", "LOC", **city)], [_fact("e1", "headOf", "e2")]
    )
    b = _article(
        "b", [_body("x", "시흥", "LOC", **city), _person("y", "박하늘")], [_fact("y", "headOf", "x")]
    )
    assert entity_iris(a)["e1"] == entity_iris(b)["y"] == ENTITY + "박하늘--kr-KR-41-siheung-si"


def test_head_of_wins_over_works_for_and_plans_do_not_anchor():
    ents = [_person("p", "이서연"), _body("c", "누리상사"), _body("d", "한빛정밀"), _body("q", "미래전자")]
    ex = _article(
        "a",
        ents,
        [_fact("p", "worksFor", "c"), _fact("p", "headOf", "d"), _fact("p", "headOf", "q", status="planned")],
    )
    assert person_anchors(ex) == {"p": "한빛정밀"}


def test_a_person_without_anchor_keeps_the_name_key():
    ex = _article("a", [_person("p", "이서연"), _body("c", "누리상사")], [_fact("p", "meets", "c")])
    assert entity_iris(ex)["p"] == ENTITY + "이서연"
    assert entity_iris(ex)["c"] == ENTITY + "누리상사"


# ---- extraction level: the records carry the gazetteer key and parent -----------------------


@pytest.fixture(scope="module")
def extractor():
    from newskg.extract.pipeline import get_extractor

    return get_extractor()


def _seo(extractor, text: str) -> Entity:
    from newskg.extract.records import Article

    out = extractor.extract(Article("invented", text))
    return next(e for e in out.entities if e.label == "서구")


@pytest.mark.parametrize(
    "template",
    [
        "{city} 서구는 10일 구청에서 주민 간담회를 열었다.",
        "서구는 10일 새 도서관을 열었다. {city}광역시와 함께 짓는 두 번째 도서관이다.",
    ],
)
def test_three_seo_gu_of_three_cities_get_three_keys(extractor, template):
    found = {city: _seo(extractor, template.format(city=city)) for city in ("광주", "대구", "인천")}
    keys = {e.key for e in found.values()}
    assert len(keys) == 3 and None not in keys
    assert len({entity_key(e) for e in found.values()}) == 3
    # each district lies in the city its article names
    from newskg.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for city, e in found.items():
        assert gaz.get(e.parent).name.startswith(city)


def test_iris_are_plain_iris_without_spaces_or_reserved_characters():
    for e in (ent("서울대학교 시흥캠퍼스"), ent("AT&T <Korea>", type_="ORG"), ent("K-시흥")):
        key = entity_key(e)
        assert key and all(ch.isalnum() or ch == "-" for ch in key), key


def test_an_entity_without_any_name_still_gets_a_stable_iri():
    e = Entity("ent:odd", "…", "…", "ORG", "Company")
    assert entity_iri(e) == entity_iri(Entity("ent:odd", "—", "—", "ORG", "Company"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("㈜신세계사이먼", "신세계사이먼"),
        ("주식회사 한빛", "한빛"),
        ("Seoul National University", "seoulnationaluniversity"),
        ("K-시흥!", "k시흥"),
    ],
)
def test_normalize_name(name, expected):
    assert normalize_name(name) == expected


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("dev-00", "dev-00"),
        ("./app/sample_articles/seed.txt", "app/sample_articles/seed.txt"),
        ("뉴스 기사.txt", "뉴스%20기사.txt"),
        ("a<b>#c.txt", "a%3Cb%3E%23c.txt"),
        ("dir\\x.txt", "dir/x.txt"),
    ],
)
def test_article_iri_is_the_doc_id_made_safe(doc, expected):
    assert article_iri(doc) == "https://w3id.org/newskg/article/" + expected
