"""Mention rules for recurring shapes of Korean news: heads in parentheses, bylines, foreign names
of several words before a title. Every sentence here is invented."""

from __future__ import annotations

import pytest
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _out(text: str):
    return get_extractor().extract(Article("t", text))


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in _out(text).entities}


def _triples(text: str) -> set[tuple[str, str, str]]:
    out = _out(text)
    return {(out.entity(t.subject).label, t.predicate, out.entity(t.object).label) for t in out.triples}


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("새길정밀(대표 박서준)은 공장을 새로 짓는다.", ("박서준", "headOf", "새길정밀")),
        ("경기 화성시(시장 오하늘)는 3일 협약을 맺었다.", ("오하늘", "headOf", "화성시")),
        (
            "한빛대학교 산학협력단(단장 윤도훈)이 협약을 맺었다.",
            ("윤도훈", "headOf", "한빛대학교 산학협력단"),
        ),
        ("[새길=한빛뉴스라인] 문서진 기자 = 시는 3일 밝혔다.", ("문서진", "worksFor", "한빛뉴스라인")),
        ("(새길포커스뉴스=문서진 기자) 시는 3일 밝혔다.", ("문서진", "worksFor", "새길포커스뉴스")),
    ],
)
def test_news_pattern_gives_triple(text, triple):
    assert triple in _triples(text)


def test_company_with_head_in_parentheses_stays_the_agent_of_its_investment():
    found = _triples(
        "반도체 업체 새길정밀(대표 박서준)은 평택 포승국가산업단지에 300억원을 투입해 공장을 짓는다."
    )
    assert ("새길정밀", "investsIn", "포승국가산업단지") in found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("시장은 12일 도미야마 겐타 사장과 만났다.", "도미야마 겐타"),
        ("그는 14일 누르잔 아이타코프 카자흐스탄 대통령과 회담했다.", "누르잔 아이타코프"),
        ("시장은 이어 응우옌 반 탄 인민위원장을 만났다.", "응우옌 반 탄"),
        ("박서준기자 psj@example.kr", "박서준"),
    ],
)
def test_person_of_several_words_or_in_a_byline_is_one_person(text, person):
    assert (person, "PERSON") in _entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "현지 업계 대표 등이 참석했다.",
        "협약식에는 고창군 유병태 군수가 참석했다.",
        "주요 기업 대표 10여 명이 모였다.",
    ],
)
def test_common_nouns_or_a_place_before_a_title_are_no_foreign_name(text):
    assert not any(" " in label and t == "PERSON" for label, t in _entities(text))


def test_former_holder_of_a_title_is_found():
    assert ("박서준", "PERSON") in _entities("이번 임명으로 박서준 전 원장이 물러났다.")
