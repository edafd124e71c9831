"""Units and offices named with the body or place they belong to, on invented sentences: one
organisation of both words ("솔내시 외무국", "가람대학교 문화기술대학원"), never a whole body after a
place ("솔내 가람대학교")."""

from __future__ import annotations

import pytest
from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _labels(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in get_extractor().extract(Article("t", text)).entities}


def test_unit_endings_are_read_from_the_data_file():
    assert "외무국" in load_korean().body_unit_ends


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("한서윤 솔내시 외무국 부국장이 가람시를 찾았다.", "솔내시 외무국"),
        ("가람대학교 문화기술대학원은 솔내시와 협약을 맺었다.", "가람대학교 문화기술대학원"),
    ],
)
def test_a_unit_after_its_body_or_place_is_one_organisation(text, unit):
    labels = _labels(text)
    assert (unit, "ORG") in labels, sorted(labels)
    assert (unit.split(" ")[1], "ORG") not in labels, sorted(labels)


def test_a_person_of_the_unit_works_for_the_whole_unit():
    out = get_extractor().extract(Article("t", "한서윤 솔내시 외무국 부국장이 가람시를 찾았다."))
    works = {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "worksFor"
    }
    assert ("한서윤", "솔내시 외무국") in works, sorted(works)


def test_a_university_after_a_place_stays_the_university():
    labels = _labels("솔내 가람대학교는 협약을 맺었다.")
    assert ("가람대학교", "ORG") in labels, sorted(labels)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("도해준 시장은 가람온천과 솔내해수욕장을 둘러봤다.", "가람온천"),
        ("도해준 시장은 가람온천과 솔내해수욕장을 둘러봤다.", "솔내해수욕장"),
        ("대표단은 다음날 가온섬을 찾았다.", "가온섬"),
        ("시민들이 새길호수 둘레길을 걸었다.", "새길호수"),
    ],
)
def test_a_name_ending_in_a_site_word_is_a_place(text, site):
    assert (site, "LOC") in _labels(text)


def test_a_police_or_fire_station_glued_to_its_head_title_is_the_station():
    out = get_extractor().extract(
        Article("t", "이날 행사에는 한도윤 가람경찰서장과 한서윤 솔내소방서장이 참석했다.")
    )
    heads = {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "headOf"
    }
    assert {("한도윤", "가람경찰서"), ("한서윤", "솔내소방서")} <= heads, sorted(heads)


def test_a_company_in_a_list_keeps_its_last_syllable_that_looks_like_a_particle():
    labels = _labels(
        "가람시는 ㈜솔내케이, ㈜새길이엔아이, ㈜한빛정밀 등 3개 기업과 협약을 맺었다. ㈜가온이 공장을 짓는다."
    )
    assert {("㈜솔내케이", "ORG"), ("㈜새길이엔아이", "ORG"), ("㈜가온", "ORG")} <= labels, sorted(labels)
