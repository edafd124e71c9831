"""Stable IRIs: one node per real-world entity across articles, one IRI per article."""

from __future__ import annotations

import pytest
from newskg.extract.records import Entity
from newskg.graph.resolve import article_iri, entity_iri, entity_key, geonames_iri, normalize_name

ENTITY = "https://w3id.org/newskg/entity/"


def ent(label: str, label_en: str = "", type_: str = "LOC", aliases: tuple[str, ...] = (), **kw) -> Entity:
    return Entity("x", label, label_en or label, type_, "City", aliases, **kw)


@pytest.mark.parametrize("group", [
    [ent("시흥"), ent("시흥시", "Siheung"), ent("Siheung"), ent("Siheung-si")],
    [ent("샌디에이고"), ent("샌디에이고시", "San Diego"), ent("San Diego"), ent("x", geonames_id=5391811)],
    [ent("경기도"), ent("경기", "Gyeonggi Province"), ent("Gyeonggi-do")],
    [ent("퀴논시", "Quy Nhon"), ent("퀴논", "Quynhon"), ent("Quy Nhon City", aliases=("퀴논",))],
    [ent("㈜신세계사이먼", type_="ORG"), ent("신세계사이먼", type_="ORG"),
     ent("(주)신세계 사이먼", type_="ORG")],
    [ent("임병택", type_="PERSON"), ent("임 병택", "Lim Byung-taek", type_="PERSON")],
])
def test_names_of_one_entity_give_one_iri(group):
    assert len({entity_iri(e) for e in group}) == 1


@pytest.mark.parametrize(("a", "b"), [
    (ent("시흥시"), ent("시흥시의회", type_="ORG")),
    (ent("김민구", type_="PERSON"), ent("김민", type_="PERSON")),  # no suffix stripping for people
    (ent("서울대학교", type_="ORG"), ent("서울대학교 시흥캠퍼스")),
    (ent("부산"), ent("울산")),
])
def test_different_entities_keep_different_iris(a, b):
    assert entity_iri(a) != entity_iri(b)


def test_gazetteer_places_use_their_geonames_id():
    assert entity_iri(ent("로스앤젤레스", "Los Angeles")) == ENTITY + "gn5368361"
    assert geonames_iri(5368361) == "https://sws.geonames.org/5368361/"


def test_iris_are_plain_iris_without_spaces_or_reserved_characters():
    for e in (ent("서울대학교 시흥캠퍼스"), ent("AT&T <Korea>", type_="ORG"), ent("K-시흥")):
        key = entity_key(e)
        assert key and all(ch.isalnum() or ch == "-" for ch in key), key


def test_an_entity_without_any_name_still_gets_a_stable_iri():
    e = Entity("ent:odd", "…", "…", "ORG", "Company")
    assert entity_iri(e) == entity_iri(Entity("ent:odd", "—", "—", "ORG", "Company"))


@pytest.mark.parametrize(("name", "expected"), [
    ("㈜신세계사이먼", "신세계사이먼"), ("주식회사 한빛", "한빛"),
    ("Seoul National University", "seoulnationaluniversity"),
    ("K-시흥!", "k시흥"),
])
def test_normalize_name(name, expected):
    assert normalize_name(name) == expected


@pytest.mark.parametrize(("doc", "expected"), [
    ("dev-00", "dev-00"), ("./app/sample_articles/seed.txt", "app/sample_articles/seed.txt"),
    ("뉴스 기사.txt", "뉴스%20기사.txt"), ("a<b>#c.txt", "a%3Cb%3E%23c.txt"), ("dir\\x.txt", "dir/x.txt"),
])
def test_article_iri_is_the_doc_id_made_safe(doc, expected):
    assert article_iri(doc) == "https://w3id.org/newskg/article/" + expected
