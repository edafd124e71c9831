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
    ],
)
def test_sums_in_a_sentence_with_their_total_marks(text, sums):
    assert [(m.amount.value, m.total) for m in find_amounts(text)] == sums


@pytest.mark.parametrize("text", ["50여 명이 참석했다.", "3억 엔진 부품", "8200㎡ 부지", "20주년", "1천 명"])
def test_numbers_that_are_no_money_give_no_amount(text):
    assert find_amounts(text) == []
