"""Planned and failed events told as noun phrases, plans of visits and investment (invented text)."""

from __future__ import annotations

import pytest

from tests.extraction import facts_by_status


def _by_status(text: str) -> dict[tuple[str, str, str], str]:
    """The article's facts with their status, published on a fixed day."""
    return facts_by_status(text, "2024-05-10")


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "여수시는 12일 ㈜청솔전자와 투자협약을 체결했다고 밝혔다. "
            "한편 당초 이번 방문에서 체결할 예정이던 ㈜나래로지스와의 2억달러 규모 투자 협약은 "
            "세부 조건에 대한 이견으로 무산됐다.",
            {
                ("여수시", "signsAgreementWith", "㈜나래로지스"): "failed",
                ("㈜나래로지스", "investsIn", "여수시"): "failed",
                ("여수시", "signsAgreementWith", "㈜청솔전자"): "done",
            },
        ),
        (
            "포항시는 12일 ㈜청솔전자와 업무협약을 체결했다. "
            "한편 이날 함께 서명할 예정이던 ㈜가온해운과의 협약은 일정 조율이 늦어지면서 다음 달로 연기됐다.",
            {("포항시", "signsAgreementWith", "㈜가온해운"): "planned"},
        ),
        (
            "㈜가람바이오는 ㈜누리제약과 공동연구 협약을 맺었다고 밝혔다. 한편 ㈜가람바이오가 추진하던 "
            "㈜다솜케미칼 인수도 지난해 말 무산됐다.",
            {("㈜가람바이오", "investsIn", "㈜다솜케미칼"): "failed"},
        ),
        (
            "경상남도는 12일 ㈜청솔전자와 투자협약을 체결했다. 한편 도는 오는 11월 태국 방콕에 도내 기업으로 "
            "구성된 무역사절단을 파견할 계획이다.",
            {("경상남도", "visits", "방콕"): "planned", ("경상남도", "visits", "태국"): "planned"},
        ),
        (
            "김해시는 12일 ㈜청솔전자와 투자협약을 체결했다. "
            "한편 시는 오는 10월 일본 오사카에서 열리는 국제 식품 박람회에 공동 홍보관을 운영할 계획이다.",
            {("김해시", "visits", "오사카"): "planned"},
        ),
        (
            "익산시는 ㈜청솔전자 투자 유치에 나섰다고 밝혔다. 또한 현재 논의되고 있는 투자협약 체결도 이뤄질 "
            "전망이다.",
            {
                ("익산시", "signsAgreementWith", "㈜청솔전자"): "planned",
                ("㈜청솔전자", "investsIn", "익산시"): "planned",
            },
        ),
        (
            "베트남 다낭시 대표단이 12일 포항시를 찾아 ㈜청솔전자 투자 유치에 나섰다. "
            '㈜청솔전자는 "현지 진출을 긍정적으로 검토하겠다"고 말했다.',
            {("㈜청솔전자", "investsIn", "다낭시"): "planned"},
        ),
    ],
)
def test_an_unrealised_event_told_as_a_noun_phrase_gets_its_status(text, facts):
    found = _by_status(text)
    assert {k: found.get(k) for k in facts} == facts


def test_a_would_be_party_of_this_agreement_fails_with_each_of_its_parties():
    found = _by_status(
        "목포시는 12일 ㈜청솔전자와 산학협력 업무협약을 체결했다. 한편 당초 이번 협약에 함께 참여할 예정이던 "
        "㈜가온해운은 내부 사정을 이유로 불참을 통보했다."
    )
    assert found.get(("목포시", "signsAgreementWith", "㈜가온해운")) == "failed"
    assert found.get(("㈜청솔전자", "signsAgreementWith", "㈜가온해운")) == "failed"


def test_a_party_that_considered_joining_but_did_not_sign_is_planned_with_the_signers():
    found = _by_status(
        "군산시와 익산시는 12일 '새만금 인재 공동 육성 협약'을 체결했다. 전주시도 협약 참여를 검토했으나 "
        "시의회 절차가 끝나지 않아 이번에는 서명하지 않았다."
    )
    assert found.get(("전주시", "signsAgreementWith", "군산시")) == "planned"
    assert found.get(("전주시", "signsAgreementWith", "익산시")) == "planned"
    assert found.get(("군산시", "signsAgreementWith", "익산시")) == "done"


def test_a_signing_before_a_contrast_stays_done_when_another_deal_failed():
    found = _by_status(
        "포항시는 12일 ㈜청솔전자와 업무협약을 체결했으나, ㈜가온해운과의 물류 계약은 결렬됐다."
    )
    assert found.get(("포항시", "signsAgreementWith", "㈜청솔전자")) == "done"
    assert found.get(("포항시", "signsAgreementWith", "㈜가온해운")) == "failed"


def test_an_undisclosed_sum_is_no_failure_of_the_deal():
    found = _by_status("여수시는 12일 ㈜청솔전자와 투자협약을 체결했으나 구체적인 투자 금액은 밝히지 않았다.")
    assert found.get(("여수시", "signsAgreementWith", "㈜청솔전자")) == "done"
    assert "failed" not in found.values() and "planned" not in found.values()


def test_an_event_in_the_agents_own_city_is_no_planned_visit():
    found = _by_status("김해시는 오는 10월 김해에서 열리는 국제 식품 박람회에 공동 홍보관을 운영할 계획이다.")
    assert [k for k in found if k[1] == "visits"] == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "여수시는 이번 방문 기간 일본 오이타시와 자매결연 협약을 체결할 계획이었으나, "
            "상대 시의회 승인이 늦어져 협약식을 연기했다.",
            "planned",
        ),
        ("포항시는 일본 오이타시와 우호협력 협정을 맺을 예정이었으나 막판 이견으로 무산됐다.", "failed"),
    ],
)
def test_a_tie_whose_agreement_did_not_happen_shares_its_status(text, status):
    found = _by_status(text)
    ties = {k: v for k, v in found.items() if k[1] == "sisterCityOf"}
    assert ties and set(ties.values()) == {status}


def test_a_tie_named_as_an_attribute_stays_done_when_another_agreement_fails():
    found = _by_status(
        "여수시는 자매도시인 일본 오이타시와 관광 교류 협약을 체결할 계획이었으나 막판 이견으로 무산됐다."
    )
    assert found.get(("여수시", "sisterCityOf", "오이타시")) == "done"
    assert found.get(("여수시", "signsAgreementWith", "오이타시")) == "failed"


def test_a_scheduled_stop_of_a_trip_under_way_is_done():
    found = _by_status(
        "김태호 여수시장은 지난 12일 일본 오이타시를 찾았으며, 14일에는 후쿠오카시를 방문할 예정이다."
    )
    assert found.get(("김태호", "visits", "후쿠오카시")) == "done"


def test_a_trip_not_yet_begun_stays_planned():
    found = _by_status("김태호 여수시장은 오는 14일 일본 후쿠오카시를 방문할 예정이다.")
    assert found.get(("김태호", "visits", "후쿠오카시")) == "planned"


def test_a_name_told_after_the_event_word_is_not_its_counterpart():
    found = _by_status(
        "㈜가람바이오가 추진하던 인수 작업은 지난해 말 무산됐고, ㈜다솜케미칼은 다른 투자자를 찾고 있다."
    )
    assert [k for k in found if k[1] == "investsIn"] == []


def test_an_agreement_to_be_signed_at_a_foreign_hall_is_planned_with_its_place():
    found = _by_status(
        "박민준 경남지사는 오는 7일 일본 오이타현청에서 열리는 기념식에 참석하고, "
        "관광 교류를 확대하는 협정서에 서명할 계획이다."
    )
    assert found.get(("경상남도", "signsAgreementWith", "오이타")) == "planned"
    assert found.get(("박민준", "visits", "오이타현청")) == "planned"


def test_an_agreement_at_the_partys_own_hall_has_no_counterpart_from_the_hall():
    found = _by_status(
        "박민준 경남지사는 7일 경남도청에서 열린 기념식에서 관광 교류를 확대하는 협정서에 서명할 계획이다."
    )
    assert [k for k in found if k[1] == "signsAgreementWith"] == []


def test_an_agreement_already_made_is_no_plan_when_a_plan_builds_on_it():
    found = _by_status(
        "포항시는 지난해 ㈜청솔전자와 체결한 투자협약을 바탕으로 물류단지 조성을 추진할 계획이다."
    )
    assert "planned" not in found.values()


@pytest.mark.parametrize(
    "text",
    [
        "박정우 부산시장은 12일 오사카를 방문해 간사이 경제인들과 간담회를 가졌다. "
        "박 시장은 이어 도쿄로 이동해 현지 기업들에 투자를 요청할 계획이다.",
        "박정우 부산시장은 12일 오사카를 방문해 협약을 체결했으며, "
        "13일 도쿄로 이동해 기업인들을 만날 계획이다.",
    ],
)
def test_a_stop_told_as_an_intention_is_planned_and_the_stop_made_stays_done(text):
    found = _by_status(text)
    assert found.get(("박정우", "visits", "오사카")) == "done"
    assert found.get(("박정우", "visits", "도쿄")) == "planned"


def test_a_stop_told_as_a_schedule_in_the_same_sentence_as_a_stop_made_is_done():
    found = _by_status(
        "박정우 부산시장은 12일 오사카를 방문해 협약을 체결했으며, 13일 도쿄로 이동해 투자설명회를 연다."
    )
    assert found.get(("박정우", "visits", "도쿄")) == "done"


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "목포시와 ㈜청솔전자의 투자협약은 세부 조건에 대한 이견으로 무산됐다.",
            {
                ("목포시", "signsAgreementWith", "㈜청솔전자"): "failed",
                ("㈜청솔전자", "investsIn", "목포시"): "failed",
            },
        ),
        (
            "목포시와 ㈜청솔전자의 협약식이 일정 문제로 취소됐다.",
            {("목포시", "signsAgreementWith", "㈜청솔전자"): "failed"},
        ),
        (
            "목포시와 오이타시의 자매결연 협상이 막판에 결렬됐다.",
            {("목포시", "sisterCityOf", "오이타시"): "failed"},
        ),
        (
            "목포시와 ㈜청솔전자의 투자협약 체결이 보류됐다.",
            {("목포시", "signsAgreementWith", "㈜청솔전자"): "planned"},
        ),
    ],
)
def test_an_unrealised_event_of_a_named_pair_gets_its_status(text, facts):
    found = _by_status(text)
    assert {k: found.get(k) for k in facts} == facts


def test_a_tie_whose_agreement_is_planned_is_planned():
    found = _by_status("목포시는 오는 6월 일본 오이타시와 자매결연 협약을 체결할 계획이다.")
    assert found.get(("목포시", "sisterCityOf", "오이타시")) == "planned"
    assert found.get(("목포시", "signsAgreementWith", "오이타시")) == "planned"


def test_a_signing_decided_for_later_is_planned_and_a_decided_investment_is_done():
    found = _by_status(
        "목포시와 ㈜청솔전자는 투자협약을 체결하기로 했다. "
        "㈜청솔전자는 목포시에 공장을 짓기로 하고 300억원을 투자하기로 했다."
    )
    assert found.get(("목포시", "signsAgreementWith", "㈜청솔전자")) == "planned"
    assert found.get(("㈜청솔전자", "investsIn", "목포시")) == "done"


@pytest.mark.parametrize(
    "text",
    [
        "목포시는 ㈜청솔전자에 추가 투자를 요청할 방침이다.",
        "목포시는 ㈜청솔전자의 배터리 공장 유치를 추진하고 있다.",
    ],
)
def test_courting_a_company_told_as_an_intention_is_planned(text):
    assert _by_status(text).get(("목포시", "seeksInvestmentFrom", "㈜청솔전자")) == "planned"


def test_a_tie_named_by_its_anniversary_is_no_failed_tie():
    found = _by_status("목포시와 오이타시의 자매결연 20주년 기념행사는 태풍으로 취소됐다.")
    assert found.get(("목포시", "sisterCityOf", "오이타시")) != "failed"


def test_a_tie_listed_with_other_papers_to_be_signed_is_planned():
    found = _by_status(
        "김태호 여수시장은 오는 20일까지 오이타시와 후쿠오카시를 방문해 자매결연, 양해각서를 잇따라 "
        "체결할 예정이다."
    )
    assert found.get(("여수시", "sisterCityOf", "오이타시")) == "planned"


def test_the_scheduled_stops_of_a_trip_begun_before_the_story_are_done():
    found = _by_status(
        "여수시 대표단이 10일 출국했다. 김태호 여수시장이 이끄는 대표단은 오는 16일까지 오이타시와 "
        "후쿠오카시를 차례로 방문하며 현지 기업인들과 상담회를 가질 예정이다."
    )
    assert found.get(("김태호", "visits", "후쿠오카시")) == "done"


def test_a_stop_told_as_an_intention_stays_planned_on_a_trip_under_way():
    found = _by_status(
        "여수시 대표단이 10일 출국했다. 김태호 여수시장은 이어 후쿠오카시로 이동해 현지 기업들에 투자를 "
        "요청할 계획이다."
    )
    assert found.get(("김태호", "visits", "후쿠오카시")) == "planned"


def test_the_stops_of_a_trip_that_starts_after_the_story_stay_planned():
    found = _by_status(
        "김태호 여수시장은 오는 14일 출국한다. 김 시장은 오이타시와 후쿠오카시를 차례로 방문할 예정이다."
    )
    assert found.get(("김태호", "visits", "후쿠오카시")) == "planned"


def test_a_later_stop_of_a_trip_whose_first_stop_was_just_told_is_done():
    found = _by_status(
        "김태호 여수시장은 유럽 순방의 첫 방문지인 오이타시에서 9일 투자설명회를 열었다. "
        "김 시장은 12일 후쿠오카시로 자리를 옮겨 같은 설명회를 이어간다."
    )
    assert found.get(("김태호", "visits", "후쿠오카시")) == "done"


def test_the_halted_exchanges_of_a_standing_tie_do_not_fail_the_tie():
    found = _by_status("목포시와 오이타시의 자매결연 교류가 감염병 확산으로 한동안 중단됐다.")
    assert found.get(("목포시", "sisterCityOf", "오이타시")) != "failed"


def test_an_agreement_to_be_signed_at_the_place_visited_is_planned_with_that_place_and_its_tie():
    found = _by_status("김태호 여수시장은 다음 달 오이타시를 찾아 자매결연 협약을 체결할 예정이다.")
    assert found.get(("여수시", "signsAgreementWith", "오이타시")) == "planned"
    assert found.get(("여수시", "sisterCityOf", "오이타시")) == "planned"


def test_a_delegation_to_be_sent_is_a_planned_visit():
    found = _by_status("여수시는 오는 6월 오이타시에 대표단을 보낼 예정이다.")
    assert found.get(("여수시", "visits", "오이타시")) == "planned"


def test_a_signing_discussed_as_a_way_ahead_is_planned_and_cooperation_discussed_is_not():
    found = _by_status(
        "여수시와 ㈜청솔전자는 올해 안에 MOU를 체결하는 방안을 논의했다. "
        "여수시와 오이타시는 관광 분야 협력 방안을 논의했다."
    )
    assert found.get(("여수시", "signsAgreementWith", "㈜청솔전자")) == "planned"
    assert found.get(("여수시", "cooperatesWith", "오이타시")) == "done"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("㈜청솔전자는 여수시에 500억원을 투자해 공장을 지을 계획이다.", "planned"),
        ("㈜청솔전자는 여수시에 500억원을 투자하기로 하고 내년 공장을 지을 계획이다.", "done"),
        ("㈜청솔전자는 여수시에 500억원을 투자했으며 내년 공장을 지을 계획이다.", "done"),
    ],
)
def test_an_investment_in_a_clause_chain_ending_in_a_plan_is_planned(text, status):
    assert _by_status(text).get(("㈜청솔전자", "investsIn", "여수시")) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("오이타시 대표단의 여수시 방문이 취소됐다.", "failed"),
        ("오이타시 대표단의 여수시 방문이 내년에 예정돼 있다.", "planned"),
    ],
)
def test_the_unrealised_visit_of_a_delegation_is_its_places(text, status):
    assert _by_status(text).get(("오이타시", "visits", "여수시")) == status


def test_a_planned_or_failed_fact_needs_its_own_sentence_to_tell_the_status():
    from types import SimpleNamespace

    from newskg.extract.relations import Found
    from newskg.extract.unrealised import _told_in_own_sentence, _words

    def fact(text: str, status: str) -> Found:
        ent = SimpleNamespace(id=text)
        return Found(ent, "signsAgreementWith", ent, 0.6, SimpleNamespace(text=text), status=status)

    kept = _told_in_own_sentence(
        [
            fact("목포시, 해외 기업서 1억달러 투자 유치…시장 외자 세일즈", "failed"),  # a headline
            fact("㈜청솔전자와의 협약 체결은 내년 초로 미뤄졌다.", "planned"),
            fact("이번 방문에는 이서연 의장이 동행한다.", "planned"),  # the trip's companions
            fact("목포시는 ㈜청솔전자와 협약을 맺었다.", "done"),
        ],
        _words(),
    )
    assert [f.sentence.text[:6] for f in kept] == ["㈜청솔전자와", "이번 방문에", "목포시는 ㈜"]


def test_a_signing_in_a_go_clause_before_a_plan_stays_done():
    found = _by_status("여수시는 ㈜청솔전자와 투자협약을 체결하고 추가 투자를 검토할 계획이다.")
    assert found.get(("여수시", "signsAgreementWith", "㈜청솔전자")) == "done"
