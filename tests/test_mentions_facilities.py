"""An unknown proper noun before a word of a firm's site is a company, on invented sentences:
"누리웨이퍼스 본사에서", "가람바이오 한국법인은"; a product or common noun before a plant
("풍력 블레이드 공장", "반도체 공장") and a governor ("도리카와 지사") are none."""

from __future__ import annotations

import pytest
from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _orgs(text: str) -> set[str]:
    return {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "ORG"}


def test_facility_words_are_read_from_the_data_file():
    facilities = load_korean().company_facilities
    assert "any" in facilities["본사"] and "named" in facilities["공장"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("솔빛시 관계자는 미국 덴버 누리웨이퍼스 본사를 찾았다.", "누리웨이퍼스"),
        ("가람바이오 한국법인은 솔내시에 50억원을 투자한다.", "가람바이오"),
    ],
)
def test_a_proper_noun_before_a_head_office_or_branch_is_a_company(text, name):
    assert name in _orgs(text)


def test_a_product_or_common_noun_before_a_plant_is_no_company():
    orgs = _orgs("도는 풍력 블레이드 공장과 반도체 공장, 해외 법인을 유치했다.")
    assert not {"블레이드", "반도체", "해외"} & orgs, sorted(orgs)


def test_a_governor_after_a_name_makes_no_company():
    orgs = _orgs("김 지사와 도리카와 지사는 교류 협정을 맺었다.")
    assert "도리카와" not in orgs, sorted(orgs)
