"""Firm-shaped unknown names leading a clause that spends a sum or builds a plant are companies
(invented names and places only)."""

from __future__ import annotations

from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _orgs(text: str) -> set[str]:
    return {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "ORG"}


def test_a_hangul_name_with_a_latin_tail_spending_a_sum_is_a_company() -> None:
    orgs = _orgs("다온ENG는 솔내군 미르산단에 35억 원을 들여 부품 공장을 짓는다.")
    assert "다온ENG" in orgs, sorted(orgs)


def test_a_latin_name_with_a_hangul_tail_ending_like_a_place_is_a_company() -> None:
    orgs = _orgs("QX해성은 65억원을 투자해 본사를 가람첨단산단으로 이전하기로 했다.")
    assert "QX해성" in orgs, sorted(orgs)


def test_a_name_building_a_plant_is_a_company() -> None:
    orgs = _orgs("가람E&C는 솔내군 미르산단에 생산공장을 세워 판로를 넓힌다.")
    assert "가람E&C" in orgs, sorted(orgs)


def test_the_cue_must_be_in_the_clause_the_name_leads() -> None:
    orgs = _orgs("다온ENG는 지난해 문을 열었고, 솔내군은 80억원을 투자한다.")
    assert "다온ENG" not in orgs, sorted(orgs)


def test_a_firm_shaped_name_without_an_investment_is_left_alone() -> None:
    orgs = _orgs("다온ENG는 지난해 매출이 늘었다고 밝혔다.")
    assert "다온ENG" not in orgs, sorted(orgs)


def _invests(text: str) -> set[tuple[str, str]]:
    out = get_extractor().extract(Article("t", text))
    return {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "investsIn" and t.status == "done"
    }


def test_a_company_spending_a_sum_to_move_to_a_site_invests_in_it() -> None:
    found = _invests("㈜누리텍은 65억원을 투자해 본사를 가람첨단산단으로 이전하기로 했다.")
    assert ("㈜누리텍", "가람첨단산단") in found, sorted(found)


def test_moving_to_a_site_without_spending_is_no_investment() -> None:
    found = _invests("㈜누리텍은 가람첨단산단으로 본사를 이전한다.")
    assert ("㈜누리텍", "가람첨단산단") not in found, sorted(found)


def _locs(text: str) -> set[str]:
    return {e.label for e in get_extractor().extract(Article("t", text)).entities if e.type == "LOC"}


def test_an_unknown_town_in_an_investment_sentence_is_a_place_invested_in() -> None:
    text = "㈜누리텍은 가온읍 일원에 80억원을 투자해 공장을 짓는다."
    assert "가온읍" in _locs(text)
    assert ("㈜누리텍", "가온읍") in _invests(text)
    assert "미르동" in _locs("㈜누리텍은 미르동 일원에 80억원을 투자해 공장을 짓는다.")


def test_an_unknown_town_outside_an_investment_sentence_is_left_to_other_steps() -> None:
    assert "미르동" not in _locs("미르동 주민들은 어제 축제를 열었다.")
