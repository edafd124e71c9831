"""A foreign-sounding name ending in 사 right after its country is a company, on invented
sentences ("독일 케르텐사의"); kinds of firms after a country ("미국 통신사") are none."""

from __future__ import annotations

from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _orgs(text: str) -> set[str]:
    return {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "ORG"}


def test_foreign_firm_ends_are_read_from_the_data_file():
    assert "사" in load_korean().foreign_firm_ends


def test_a_foreign_name_with_sa_after_its_country_is_a_company():
    assert "케르텐사" in _orgs("시는 독일 케르텐사의 공장을 유치했다.")


def test_kinds_of_firms_after_a_country_are_no_company():
    orgs = _orgs("미국 통신사와 일본 항공사가 왔다.")
    assert not {"통신사", "항공사"} & orgs, sorted(orgs)
