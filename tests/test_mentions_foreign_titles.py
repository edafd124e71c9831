"""Titles (roles.tsv) that make the name before them a person, on invented sentences: foreign
officials (a party secretary, an embassy's minister, a foreign minister) and office directors."""

from __future__ import annotations

import pytest
from newskg.extract.lexicon import load_lexicon
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _labels(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in get_extractor().extract(Article("t", text)).entities}


@pytest.mark.parametrize("title", ["당서기", "총괄공사", "외무상", "주석"])
def test_foreign_titles_are_read_from_the_roles_file(title):
    assert load_lexicon().roles.get(title) is not None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("도해준 시장은 레 꽝 민 당서기와 만났다.", "레 꽝 민"),
        ("도해준 시장은 후쿠다 아키히로 총괄공사와 만났다.", "후쿠다 아키히로"),
        ("미나미 겐지 일본 외무상이 방한했다.", "미나미 겐지"),
    ],
)
def test_a_foreign_name_before_a_foreign_title_is_a_person(text, person):
    assert (person, "PERSON") in _labels(text)


def test_a_foreign_minister_heads_no_country():
    out = get_extractor().extract(Article("t", "미나미 겐지 일본 외무상이 방한했다."))
    heads = {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "headOf"
    }
    assert ("미나미 겐지", "일본") not in heads, sorted(heads)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("도해준 시장은 사이먼 그레이 주한 덴마크대사를 만났다.", "덴마크"),
        ("간담회에서는 선임 공관장인 포르투갈대사가 인사했다.", "포르투갈"),
    ],
)
def test_a_country_with_an_envoy_title_glued_on_is_the_country(text, country):
    assert (country, "LOC") in _labels(text)


def test_an_envoy_title_glued_to_a_country_gives_the_envoy_no_relation_to_it():
    out = get_extractor().extract(Article("t", "도해준 시장은 사이먼 그레이 주한 덴마크대사를 만났다."))
    rels = {(out.entity(t.subject).label, t.predicate, out.entity(t.object).label) for t in out.triples}
    assert not any(s == "사이먼 그레이" and o == "덴마크" for s, _p, o in rels), sorted(rels)


def test_a_director_of_a_university_office_works_for_the_university():
    text = "업무협약식에는 도하결 가람대 총장, 한서윤 기획처장, 박도윤 학생복지처장이 참석했다."
    out = get_extractor().extract(Article("t", text))
    works = {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "worksFor"
    }
    assert ("한서윤", "가람대") in works, sorted(works)
    assert ("박도윤", "가람대") in works, sorted(works)
