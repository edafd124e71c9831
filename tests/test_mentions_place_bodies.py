"""Bodies with a generic name, named with the place before them, on invented sentences: one
organisation of both words ("가람시 공공기관협의회", a country's own 외교부), while a body with a
name of its own after a place stays itself ("솔내 가람대학교")."""

from __future__ import annotations

import pytest
from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _labels(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in get_extractor().extract(Article("t", text)).entities}


@pytest.mark.parametrize(
    ("text", "body", "bare"),
    [
        ("도해준 차관은 가람시 공공기관협의회 회원들과 만났다.", "가람시 공공기관협의회", "공공기관협의회"),
        ("솔내시는 프라하 자유대학교와 교류 협약을 맺었다.", "프라하 자유대학교", "자유대학교"),
        ("가람시는 페루 외교부와 협약을 맺었다.", "페루 외교부", "외교부"),
    ],
)
def test_a_generic_body_after_its_place_is_one_organisation(text, body, bare):
    labels = _labels(text)
    assert (body, "ORG") in labels, sorted(labels)
    assert (bare, "ORG") not in labels, sorted(labels)


def test_the_place_of_a_generic_body_stays_an_entity_without_located_in():
    out = get_extractor().extract(Article("t", "가람시는 페루 외교부와 협약을 맺었다."))
    assert ("페루", "LOC") in {(e.label, e.type) for e in out.entities}
    located = {(out.entity(t.subject).label, t.predicate) for t in out.triples}
    assert ("페루 외교부", "locatedIn") not in located, sorted(located)


def test_a_korean_ministry_without_a_country_stays_korean():
    labels = _labels("도해준 장관은 외교부 청사에서 회견을 열었다.")
    assert ("외교부", "ORG") in labels, sorted(labels)


def test_a_named_body_after_a_place_keeps_its_own_name():
    labels = _labels("솔내시 가람연구소와 협약을 맺었다.")
    assert ("가람연구소", "ORG") in labels, sorted(labels)
    assert ("솔내시 가람연구소", "ORG") not in labels, sorted(labels)


def test_an_outlet_after_a_place_keeps_its_own_name():
    labels = _labels("[솔내=가람일보] 도해준 시장은 기자회견을 열었다. 솔내 가람일보는 이를 보도했다.")
    assert ("솔내 가람일보", "ORG") not in labels, sorted(labels)


@pytest.mark.parametrize(
    ("text", "mission", "bare"),
    [
        ("주한 솔내아대사관 관계자가 가람시를 찾았다.", "주한 솔내아대사관", "솔내아대사관"),
        ("주베트남 한국대사관에서 가람시 설명회가 열렸다.", "주베트남 한국대사관", "한국대사관"),
    ],
)
def test_a_mission_after_its_envoy_word_is_one_body(text, mission, bare):
    labels = _labels(text)
    assert (mission, "ORG") in labels, sorted(labels)
    assert (bare, "ORG") not in labels, sorted(labels)


def test_the_mission_endings_are_read_from_the_data_file():
    assert "대사관" in load_korean().mission_ends


def test_an_envoy_word_before_a_country_and_a_title_makes_no_mission():
    labels = _labels("도해준 시장은 주한 일본 대사를 만났다.")
    assert not any(label.startswith("주한") for label, _ in labels), sorted(labels)
