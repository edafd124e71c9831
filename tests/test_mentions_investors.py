"""The unknown proper noun leading a sentence or a comma clause that spends a sum is a company, on
invented sentences ("누리텍은 솔내시에 80억원을 투자한다"); a place leading it is no company."""

from __future__ import annotations

from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _orgs(text: str) -> set[str]:
    return {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "ORG"}


def test_investor_verbs_are_read_from_the_data_file():
    assert "투자" in load_korean().investor_verbs


def test_the_leading_names_of_clauses_spending_sums_are_companies():
    orgs = _orgs("다솜정밀은 솔내시에 87억원을, 누리텍은 가람군에 73억 원을 투자한다.")
    assert {"다솜정밀", "누리텍"} <= orgs, sorted(orgs)


def test_a_place_spending_a_sum_is_no_company():
    orgs = _orgs("솔내시는 내년까지 80억원을 투자한다.")
    assert "솔내시" not in orgs, sorted(orgs)
