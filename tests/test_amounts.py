"""Sums of money in Korean news text, normalised to a value and an ISO 4217 currency."""

from __future__ import annotations

import pytest
from newskg.extract.amounts import find_amounts, parse_amount


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("1000억원", 1e11, "KRW"),
        ("1,000억 원", 1e11, "KRW"),
        ("3조 2000억원", 3.2e12, "KRW"),
        ("1조2000억원", 1.2e12, "KRW"),
        ("3천억원", 3e11, "KRW"),
        ("410억 원", 4.1e10, "KRW"),
        ("3억달러", 3e8, "USD"),
        ("5억 달러", 5e8, "USD"),
        ("미화 5억 달러", 5e8, "USD"),
        ("1.5억 달러", 1.5e8, "USD"),
        ("2억5000만달러", 2.5e8, "USD"),
        ("500만 달러", 5e6, "USD"),
        ("20억엔", 2e9, "JPY"),
        ("1억 유로", 1e8, "EUR"),
        ("100만 위안", 1e6, "CNY"),
        ("2000만 파운드", 2e7, "GBP"),
        ("3000원", 3000, "KRW"),
        ("약 1조 원", 1e12, "KRW"),
        ("미화 5천만 달러", 5e7, "USD"),
        ("US$ 3억", 3e8, "USD"),
        ("US$3억", 3e8, "USD"),
        ("USD 5000만", 5e7, "USD"),
        ("€ 2000만", 2e7, "EUR"),
        ("1억2천만 유로", 1.2e8, "EUR"),
        ("3억 유로화", 3e8, "EUR"),
        ("50억엔", 5e9, "JPY"),
        ("3억 위안", 3e8, "CNY"),
        ("3억 US달러", 3e8, "USD"),
    ],
)
def test_a_sum_is_normalised_to_units_of_its_currency(text, value, currency):
    amount = parse_amount(text)
    assert amount is not None and (amount.value, amount.currency) == (value, currency)


@pytest.mark.parametrize(
    ("text", "sums"),
    [
        ("회사는 410억 원 규모의 공장을 짓는다.", [(4.1e10, False)]),
        ("3개 기업과 총 2조원 규모의 협약을 맺었다.", [(2e12, True)]),
        ("두 회사가 모두 50억원을 투자한다.", [(5e9, True)]),
        ("가온은 95억원을, 나래는 63억원을 투자한다.", [(9.5e9, False), (6.3e9, False)]),
        ("총 4억달러(약 5400억원) 규모의 투자를 유치했다.", [(4e8, True)]),  # the conversion is the same sum
        ("총 US$ 3억 규모의 투자를 유치했다.", [(3e8, True)]),
        ("US$ 3억(약 4000억원)을 투자한다.", [(3e8, False)]),
    ],
)
def test_sums_in_a_sentence_with_their_total_marks(text, sums):
    assert [(m.amount.value, m.total) for m in find_amounts(text)] == sums


@pytest.mark.parametrize(
    "text",
    [
        "50여 명이 참석했다.",
        "3억 엔진 부품",
        "8200㎡ 부지",
        "20주년",
        "1천 명",
        "수백억 원",
        "수천만 달러",
        "USB 3개",
    ],
)
def test_numbers_that_are_no_money_give_no_amount(text):
    assert find_amounts(text) == []


def _amounts_by_investor(text: str) -> dict[str, tuple[float, str] | None]:
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    out = get_extractor().extract(Article("t", text, published="2024-05-10"))
    return {
        out.entity(t.subject).label: (t.amount.value, t.amount.currency) if t.amount else None
        for t in out.triples
        if t.predicate == "investsIn"
    }


def test_each_investor_of_a_sentence_gets_the_sum_written_after_its_name():
    found = _amounts_by_investor(
        "여수시는 12일 ㈜청솔전자, ㈜가온해운과 투자협약을 체결했다. "
        "협약에 따라 ㈜청솔전자는 95억원을, ㈜가온해운은 US$ 3000만을 투자한다."
    )
    assert found == {"㈜청솔전자": (9.5e9, "KRW"), "㈜가온해운": (3e7, "USD")}


def test_a_sum_given_only_as_a_range_is_no_amount():
    assert _amounts_by_investor("익산시는 ㈜청솔전자와 수백억 원 규모의 투자협약을 체결했다.") == {
        "㈜청솔전자": None
    }


def test_a_total_for_two_companies_is_neither_ones_amount():
    found = _amounts_by_investor("군산시는 ㈜청솔전자, ㈜가온해운과 총 2000억원 규모의 투자협약을 체결했다.")
    assert found == {"㈜청솔전자": None, "㈜가온해운": None}


def test_the_one_sum_of_a_later_investment_sentence_naming_one_company_is_its_amount():
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    text = (
        "여수시는 ㈜청솔전자와 ㈜가온해운으로부터 총 4억달러 규모의 투자를 유치했다고 밝혔다. "
        "김 시장은 지난 12일 ㈜청솔전자의 박민준 회장을 만나 "
        "3억달러 규모의 펀드를 조성하는 투자협약을 체결했다."
    )
    out = get_extractor().extract(Article("t", text, published="2024-05-10"))
    seeks = {
        out.entity(t.object).label: t.amount.to_json() if t.amount else None
        for t in out.triples
        if t.predicate == "seeksInvestmentFrom"
    }
    assert seeks["㈜청솔전자"] == {"value": 300000000, "currency": "USD"}
