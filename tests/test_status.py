"""Status of facts: future-dated events are planned, told-ahead clauses, the learned status model
(invented articles only)."""

from __future__ import annotations

from tests.extraction import facts_by_status as _statuses

_TRIP_AHEAD = (
    "정민호 김해시장이 미국 보스턴을 찾는다. 김해시에 따르면 정 시장은 오는 20일부터 3박 4일 일정으로 "
    "보스턴을 방문해 현지 기업인들과 면담한다. 이번 방문에는 최수진 김해시의회 의장이 동행한다."
)


def test_a_trip_dated_after_the_publication_day_is_planned_in_every_sentence_of_it():
    got = _statuses(_TRIP_AHEAD, "2024-05-10")
    assert got[("정민호", "visits", "보스턴")] == "planned"  # the headline's "찾는다" too
    assert got[("정민호", "visits", "미국")] == "planned"
    assert got[("최수진", "accompanies", "정민호")] == "planned"
    assert got[("정민호", "headOf", "김해시")] == "done"  # a post is no event


def test_without_a_publication_date_nothing_is_dated_ahead_and_the_trip_stays_done():
    got = _statuses(_TRIP_AHEAD, None)
    assert got[("정민호", "visits", "보스턴")] == "done"


def test_a_later_stop_of_a_trip_under_way_stays_done():
    text = "정민호 김해시장은 13일 미국 보스턴에 도착했다. 정 시장은 15일 캐나다 토론토를 방문한다."
    got = _statuses(text, "2024-08-14")
    assert got[("정민호", "visits", "보스턴")] == "done"
    assert got[("정민호", "visits", "토론토")] == "done"


def test_a_visit_told_as_a_noun_phrase_that_failed_is_the_possessors_failed_visit():
    got = _statuses(
        "창원시는 12일 미국 댈러스시와 자매결연을 맺었다. "
        "한편 김철수 창원시장의 베트남 하노이 방문은 현지 사정으로 무산됐다.",
        "2024-05-14",
    )
    assert got[("김철수", "visits", "하노이")] == "failed"
    assert ("창원시", "visits", "하노이") not in got
    assert got[("창원시", "sisterCityOf", "댈러스시")] == "done"


def test_an_agreement_being_pursued_is_planned():
    got = _statuses("포항시는 ㈜가온전자와 투자협약 체결을 추진하고 있다.", "2024-05-14")
    assert got[("포항시", "signsAgreementWith", "㈜가온전자")] == "planned"
    assert got[("㈜가온전자", "investsIn", "포항시")] == "planned"


def test_an_investment_reported_as_expected_is_planned():
    got = _statuses("㈜가온전자는 포항시에 2000억원을 투자할 것으로 알려졌다.", "2024-05-14")
    assert got[("㈜가온전자", "investsIn", "포항시")] == "planned"


def test_a_commitment_made_with_kiro_haetda_stays_done():
    # "…하기로 했다" is a commitment made (the gold convention), not a plan
    got = _statuses("㈜가온전자는 포항시에 2000억원을 투자하기로 했다.", "2024-05-14")
    assert got[("㈜가온전자", "investsIn", "포항시")] == "done"


def test_a_cue_told_done_beside_one_pursued_keeps_the_fact_done():
    got = _statuses(
        "포항시는 ㈜가온전자와 투자협약을 체결했으며 추가 투자 유치도 추진하고 있다.", "2024-05-14"
    )
    assert got[("포항시", "signsAgreementWith", "㈜가온전자")] == "done"
    assert got[("㈜가온전자", "investsIn", "포항시")] == "done"


def test_a_tie_made_before_a_decision_about_exchanges_stays_done():
    got = _statuses(
        "창원시와 미국 댈러스시는 2010년 자매결연을 맺은 뒤 청소년 교류를 확대하기로 했다.", "2024-05-14"
    )
    assert got[("창원시", "sisterCityOf", "댈러스시")] == "done"


def test_a_signing_reported_days_before_is_no_trip_under_way_for_a_visit_next_week():
    got = _statuses(
        "포항시는 8일 ㈜나래전자와 투자협약을 체결했다고 9일 밝혔다. "
        "정민호 포항시장은 이달 말 일본 도쿄를 방문한다.",
        "2024-05-10",
    )
    assert got[("포항시", "signsAgreementWith", "㈜나래전자")] == "done"
    assert got[("정민호", "visits", "도쿄")] == "planned"


def test_a_trip_told_as_a_policy_to_follow_is_planned():
    got = _statuses("정민호 포항시장은 일본 도쿄를 방문해 ㈜가온전자에 투자를 요청할 방침이다.", "2024-05-10")
    assert got[("정민호", "visits", "도쿄")] == "planned"


_SIGNED = "포항시는 8일 ㈜나래전자와 투자협약을 체결했다고 9일 밝혔다. "


def test_a_withdrawn_investment_plan_is_a_failed_investment():
    got = _statuses(_SIGNED + "㈜가온전자는 포항시 투자 계획을 철회했다.", "2024-05-10")
    assert got[("㈜가온전자", "investsIn", "포항시")] == "failed"


def test_a_courting_told_as_a_noun_phrase_that_failed_is_a_failed_seeking():
    got = _statuses(_SIGNED + "포항시의 ㈜가온전자 유치는 결국 무산됐다.", "2024-05-10")
    assert got[("포항시", "seeksInvestmentFrom", "㈜가온전자")] == "failed"
    assert got[("포항시", "signsAgreementWith", "㈜나래전자")] == "done"


def test_a_courting_being_pursued_is_a_planned_seeking_of_the_carried_agent():
    got = _statuses(_SIGNED + "시는 ㈜가온전자 유치를 추진하고 있다.", "2024-05-10")
    assert got[("포항시", "seeksInvestmentFrom", "㈜가온전자")] == "planned"


def test_an_upcoming_signing_or_visit_is_planned():
    got = _statuses("포항시는 ㈜가온전자와 투자협약 체결을 앞두고 있다.", "2024-05-10")
    assert got[("포항시", "signsAgreementWith", "㈜가온전자")] == "planned"
    got = _statuses("정민호 포항시장은 일본 도쿄 방문을 앞두고 있다.", "2024-05-10")
    assert got[("정민호", "visits", "도쿄")] == "planned"


def test_a_signing_told_as_a_condition_or_a_possibility_is_planned():
    got = _statuses(
        "포항시는 ㈜가온전자와 업무협약을 체결하면 연구센터를 유치할 수 있을 것으로 보고 있다.", "2024-05-10"
    )
    assert got[("포항시", "signsAgreementWith", "㈜가온전자")] == "planned"
    got = _statuses("포항시는 ㈜가온전자와 투자협약을 체결할 수 있을 것으로 기대하고 있다.", "2024-05-10")
    assert got[("포항시", "signsAgreementWith", "㈜가온전자")] == "planned"


def test_a_signing_while_agreeing_on_more_stays_done():
    got = _statuses("포항시는 ㈜가온전자와 업무협약을 체결하면서 연구센터 유치에도 합의했다.", "2024-05-10")
    assert got[("포항시", "signsAgreementWith", "㈜가온전자")] == "done"


def test_a_signing_before_another_clause_pursued_stays_done():
    got = _statuses("포항시는 ㈜가온전자와 업무협약을 체결하고 사업을 추진한다.", "2024-05-10")
    assert got[("포항시", "signsAgreementWith", "㈜가온전자")] == "done"
