"""Unmarked members of a list of firms closed by "등 … 기업" are companies as its marked members are,
on invented sentences; a ㈜ name stops at the list's middle dot; industries and places in such a
list stay as they are."""

from __future__ import annotations

from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _orgs(text: str) -> set[str]:
    return {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "ORG"}


def test_a_marked_firm_stops_at_the_middle_dot_and_its_list_mates_are_companies():
    orgs = _orgs("협약에 따라 ㈜가온전자·누리텍·다솜 등 3개 기업은 솔내시에 공장을 짓는다.")
    assert {"누리텍", "다솜"} <= orgs and not any("·" in o for o in orgs), sorted(orgs)


def test_unmarked_proper_nouns_listed_before_an_enterprise_word_are_companies():
    orgs = _orgs("산단에는 가람테크, 솔빛정공 등 다수의 우량기업이 입주했다.")
    assert {"가람테크", "솔빛정공"} <= orgs, sorted(orgs)


def test_industries_and_places_in_such_a_list_are_no_companies():
    text = "도는 식품·화학 등 5개 기업을 유치했고 솔내시·가람군 등 2개 시군 기업이 참여했다."
    orgs = _orgs(text)
    assert not {"식품", "화학", "솔내시", "가람군"} & orgs, sorted(orgs)
