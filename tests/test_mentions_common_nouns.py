"""Common nouns after a descriptor are no company, on invented sentences: "기업 지원방안", "기업 상생협력"
and a quality word ("…적", "…력") stay words, while an unknown company after its descriptor stays one."""

from __future__ import annotations

import pytest
from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _orgs(text: str) -> set[str]:
    return {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "ORG"}


def test_endings_of_common_nouns_are_read_from_the_data_file():
    assert "지원" in load_korean().common_noun_ends


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("솔내시는 12일 입주 기업 지원방안을 내놨다.", "지원방안"),
        ("가람시는 중소기업 상생협력을 위해 예산을 늘렸다.", "상생협력"),
        ("가람시는 기업 친화적 제도를 만들었다.", "친화적"),
    ],
)
def test_common_nouns_after_a_descriptor_are_no_company(text, word):
    assert word not in _orgs(text)


def test_an_unknown_company_after_its_descriptor_is_still_a_company():
    assert "새길음료" in _orgs("가람시는 음료기업 새길음료와 투자협약을 맺었다.")


@pytest.mark.parametrize(
    "text",
    ["그는 입사 후 20년 동안 도시개발본부 상무를 지냈다.", "그는 5년 동안 해외영업본부 본부장을 맡았다."],
)
def test_a_two_syllable_common_noun_before_a_body_and_title_is_no_person(text):
    people = {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "PERSON"}
    assert "동안" not in people, sorted(people)


def test_a_firm_name_glued_to_group_is_the_group_and_a_common_noun_is_not():
    orgs = _orgs("가람제약그룹과 KDT그룹, 중견그룹이 참석했다.")
    assert {"가람제약그룹", "KDT그룹"} <= orgs and "중견그룹" not in orgs, sorted(orgs)


def test_a_common_word_glossed_with_hanja_is_no_person_but_a_name_is():
    text = (
        "가람시 대표단의 이번 방문은 지난해 방문에 대한 답방(答訪)이다. 일행은 시장실을 예방(禮訪)했다. "
        "라오쉰펑(勞迅峰) 시장이 맞았다."
    )
    people = {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "PERSON"}
    assert "라오쉰펑" in people and not {"답방", "예방"} & people, sorted(people)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("가람시는 솔내국 서남부에 있다.", "서남부"),
        ("도해준 대통령부부가 솔내시에 도착했다.", "도해준 대통령부부"),
        ("[가람=새길일보 호남취재본부 한서윤 기자] 솔내시가 공장을 지었다.", "호남취재본부"),
    ],
)
def test_words_that_end_like_a_body_but_name_none_are_no_organisation(text, word):
    orgs = _orgs(text)
    assert not {o for o in orgs if word.endswith(o) or o.endswith(word.split(" ")[-1])}, sorted(orgs)


def test_a_town_ending_in_eup_before_a_title_is_no_person():
    out = get_extractor().extract(Article("t", "도해준 군수는 서하읍 노인회장과 만났다."))
    assert "서하읍" not in {e.label for e in out.entities if e.type == "PERSON"}
