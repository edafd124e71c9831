"""Relation rules stated in general Korean-news terms (invented sentences only)."""

from __future__ import annotations

import pytest

from tests.triples import triples_of as _triples


def test_every_company_of_a_counted_list_that_a_place_attracted_is_courted():
    found = _triples("강원도는 올해 한빛바이오와 청솔제약 등 기업 12곳을 유치했다.")
    assert ("강원도", "seeksInvestmentFrom", "한빛바이오") in found
    assert ("강원도", "seeksInvestmentFrom", "청솔제약") in found


def test_the_company_heading_a_counted_list_is_courted():
    found = _triples("강원도는 한빛바이오 등 기업 5곳을 유치했다.")
    assert ("강원도", "seeksInvestmentFrom", "한빛바이오") in found


def test_an_event_attracted_is_no_investment_courting():
    found = _triples("강원도는 한빛바이오와 함께 국제 학술대회를 유치했다.")
    assert not any(p == "seeksInvestmentFrom" for _s, p, _o in found)


def test_drawing_out_a_companys_investment_is_courting_it():
    found = _triples("경북도는 한빛모터스의 투자를 이끌어냈다.")
    assert ("경상북도", "seeksInvestmentFrom", "한빛모터스") in found


def test_asking_the_head_of_a_company_met_to_invest_courts_the_company():
    found = _triples("박영수 청주시장은 마이클 존슨 한빛반도체 회장을 만나 투자 확대를 요청했다.")
    assert ("청주시", "seeksInvestmentFrom", "한빛반도체") in found


def test_a_province_courting_investment_courts_the_company_investing_in_its_city():
    text = (
        "경상북도, 외국인 투자 유치 성과\n"
        "경상북도는 올해 외국인 투자 유치 실적이 역대 최대를 기록했다고 밝혔다.\n"
        "독일의 청솔케미칼은 구미국가산업단지에 3000만달러를 투자해 소재 공장을 세운다."
    )
    found = _triples(text)
    assert ("청솔케미칼", "investsIn", "구미국가산업단지") in found
    assert ("경상북도", "seeksInvestmentFrom", "청솔케미칼") in found


def test_a_company_investing_in_a_place_with_no_courting_said_is_not_courted():
    text = "독일의 청솔케미칼은 구미국가산업단지에 3000만달러를 투자해 소재 공장을 세운다."
    found = _triples(text)
    assert ("청솔케미칼", "investsIn", "구미국가산업단지") in found
    assert not any(p == "seeksInvestmentFrom" for _s, p, _o in found)


def test_a_body_of_a_place_whose_name_was_not_found_is_not_the_last_investor():
    text = (
        "독일의 청솔케미칼은 구미국가산업단지에 3000만달러를 투자해 소재 공장을 세운다.\n"
        "일본 한빛정밀은 포항시 블루밸리산업단지에 2000만달러를 투자하기로 했다."
    )
    found = _triples(text)
    assert ("청솔케미칼", "investsIn", "구미국가산업단지") in found
    assert ("청솔케미칼", "investsIn", "포항시") not in found


def test_a_trip_named_by_its_place_still_carries_the_traveller():
    text = "박영수 청주시장은 15일 미국 텍사스주 오스틴을 방문했다.\n미국 출장단은 16일 댈러스를 찾았다."
    found = _triples(text)
    assert ("박영수", "visits", "댈러스") in found


def test_the_places_listed_as_a_places_sister_cities_are_its_sisters():
    found = _triples("김해시의 해외 자매도시는 미국 샌디에이고시, 중국 난징시, 베트남 후에시 등 3곳이다.")
    for sister in ("샌디에이고시", "난징시", "후에시"):
        assert ("김해시", "sisterCityOf", sister) in found
    assert ("김해시", "sisterCityOf", "미국") not in found


def test_a_subject_called_the_friendship_city_of_a_place_is_its_sister():
    assert ("난징시", "sisterCityOf", "김해시") in _triples("난징시는 김해시의 우호협력도시다.")


def test_a_visit_on_the_anniversary_of_a_tie_names_the_sister():
    found = _triples("허성곤 김해시장은 12일 자매결연 20주년을 맞아 중국 난징시를 방문했다.")
    assert ("김해시", "sisterCityOf", "난징시") in found
    assert ("김해시", "sisterCityOf", "중국") not in found


def test_a_plain_visit_names_no_sister():
    found = _triples("허성곤 김해시장은 12일 중국 난징시를 방문했다.")
    assert not any(p == "sisterCityOf" for _s, p, _o in found)


def test_partners_of_two_clauses_signed_two_agreements_not_one_of_three():
    found = _triples(
        "김해시는 1996년 미국 샌디에이고시와 자매결연을 맺은 데 이어 2002년 일본 무나카타시와도"
        " 자매도시 협약을 체결했다."
    )
    assert ("김해시", "sisterCityOf", "무나카타시") in found
    assert ("김해시", "signsAgreementWith", "무나카타시") in found
    assert ("샌디에이고시", "signsAgreementWith", "무나카타시") not in found


def test_the_named_members_of_a_delegation_visit_what_the_delegation_visits():
    text = (
        "김해시 대표단은 12일 중국 난징시를 방문했다. 대표단에는 허성곤 김해시장과 송유인 김해시의회"
        " 의장이 포함됐다. 대표단은 이어 13일 상하이로 이동해 현지 기업을 둘러봤다."
    )
    found = _triples(text)
    for member in ("허성곤", "송유인"):
        assert (member, "visits", "난징시") in found
        assert (member, "visits", "상하이") in found


def test_a_person_named_beside_a_delegation_but_not_in_it_visits_nothing():
    text = (
        "김해시 대표단은 12일 중국 난징시를 방문했다. 대표단에는 허성곤 김해시장이 포함됐다."
        " 한편 송유인 김해시의회 의장은 이날 시의회 임시회를 주재했다."
    )
    found = _triples(text)
    assert ("허성곤", "visits", "난징시") in found
    assert ("송유인", "visits", "난징시") not in found


def test_a_subject_no_entity_covers_is_a_new_actor_not_the_last_investor():
    text = (
        "청솔바이오는 보성 녹차식품산단에 20억 원을 투자해 공장을 짓는다.\n"
        "한빛소재는 목포국가산업단지에 30억 원을 들여 공장을 신설한다."
    )
    found = _triples(text)
    assert ("청솔바이오", "investsIn", "목포국가산업단지") not in found


def test_a_generic_body_word_as_subject_still_carries_the_article_actor():
    text = "한빛공사는 12일 김해시와 업무협약을 맺었다. 공사는 이어 청솔대학교와 인력 교류에 협력하기로 했다."
    found = _triples(text)
    assert ("한빛공사", "cooperatesWith", "청솔대학교") in found


def test_holding_an_agreement_is_signing_it():
    assert ("청솔대학교", "signsAgreementWith", "한빛도시공사") in _triples(
        "청솔대학교와 한빛도시공사가 4일 업무협약을 가졌다."
    )
    found = _triples("수원시는 봉화군과 우호도시 협약을 했다고 1일 밝혔다.")
    assert ("수원시", "signsAgreementWith", "봉화군") in found


def test_the_partner_of_a_cooperation_clause_does_not_sign_the_later_agreement():
    found = _triples("전남도는 목포시·보성군 등 2개 시군과 협력해 청솔바이오와 투자협약을 체결했다.")
    assert ("전라남도", "signsAgreementWith", "청솔바이오") in found
    assert ("전라남도", "signsAgreementWith", "목포시") not in found
    assert ("전라남도", "cooperatesWith", "목포시") in found


def test_a_meeting_named_as_the_time_of_a_signing_makes_the_signers_no_meeting():
    found = _triples("이날 환담에 이어 김민수 한빛공사 사장과 박지영 청솔재단 이사장이 업무협약을 체결했다.")
    assert ("김민수", "meets", "박지영") not in found


def test_hosts_listed_with_the_subject_meet_the_guests_not_each_other():
    found = _triples(
        "홍성재 목포시장과 김태헌 목포시의회 의장이 야마모토 겐타 요코하마 시장을 함께 접견했다."
    )
    assert ("홍성재", "meets", "야마모토 겐타") in found
    assert ("홍성재", "meets", "김태헌") not in found


def test_a_sister_tie_listed_among_agreements_still_to_be_signed_is_planned():
    text = (
        "김영석 충북지사는 오는 20일까지 베트남 호찌민과 빈즈엉성을 방문해"
        " 자매결연, 양해각서를 잇따라 체결할 예정이다."
    )
    assert not any(p == "sisterCityOf" for _s, p, _o in _triples(text))
    assert any(p == "sisterCityOf" for _s, p, _o in _triples(text, status="planned"))


def test_a_sister_tie_made_is_done():
    assert ("김해시", "sisterCityOf", "난징시") in _triples("김해시와 난징시는 2004년 자매결연을 맺었다.")


def test_cooperation_named_as_a_purpose_is_no_cooperation():
    found = _triples("김해시는 난징시와 경제 협력 방안 논의를 위해 포럼을 열었다.")
    assert not any(p == "cooperatesWith" for _s, p, _o in found)
    assert ("김해시", "cooperatesWith", "난징시") in _triples(
        "김해시는 난징시와 경제 분야에서 협력하기로 했다."
    )


def test_a_trip_named_by_its_noun_is_a_visit_of_its_traveller():
    found = _triples(
        "베트남 출장 중인 김태완 충남지사는 29일 후에시에서 응우옌 반 민 후에시 인민위원장을 만났다."
    )
    assert ("김태완", "visits", "베트남") in found
    found = _triples("이 회의체는 지난해 3월 한도윤 대통령의 베트남 국빈방문 때 합의한 것이다.")
    assert ("한도윤", "visits", "베트남") in found


def test_a_trip_ahead_named_by_its_noun_is_no_visit():
    found = _triples("한도윤 대통령의 베트남 방문을 앞두고 양국 실무진이 의제를 조율했다.")
    assert ("한도윤", "visits", "베트남") not in found


def test_a_venue_of_a_foreign_city_where_a_traveller_meets_is_visited():
    found = _triples(
        "미국을 방문 중인 한도윤 대통령이 29일 오후 워싱턴 백악관에서 에릭 월든 대통령을 만났다."
    )
    assert ("한도윤", "visits", "백악관") in found


def test_the_people_listed_before_a_met_object_are_met_too():
    found = _triples(
        "류성훈 회장은 23일 서무경 한빛협회 회장과 정민규 청솔협회 회장, 김상호 새길중앙회 회장 등"
        " 경제단체장을 만나 의견을 나눴다."
    )
    for partner in ("서무경", "정민규", "김상호"):
        assert ("류성훈", "meets", partner) in found


def test_the_people_named_before_a_meeting_noun_are_met_by_the_subject():
    found = _triples(
        "박영수 청주시장은 앨런 크로퍼드 주한 영국대사, 데이비드 헤일 주한 미국대사대리 접견에 이어"
        " 중국대사를 만났다."
    )
    assert ("박영수", "meets", "앨런 크로퍼드") in found
    assert ("박영수", "meets", "데이비드 헤일") in found


def test_welcoming_a_guest_is_meeting_them():
    found = _triples("조민혁 나주시의회 의장은 오카다 유키오 니가타시의회 의장을 맞이하고 선물을 건넸다.")
    assert ("조민혁", "meets", "오카다 유키오") in found


def test_the_firms_of_a_counted_deal_named_later_by_their_investment_sign_it():
    text = (
        "전남도는 3개 기업과 500억 원 규모의 투자협약을 체결했다고 3일 밝혔다.\n"
        "㈜청솔바이오는 보성 녹차식품산단에 20억 원을 투자해 공장을 짓는다."
    )
    found = _triples(text)
    assert ("전라남도", "signsAgreementWith", "㈜청솔바이오") in found
    assert ("㈜청솔바이오", "investsIn", "전라남도") in found


def test_the_firms_listed_after_a_deal_by_its_terms_sign_it():
    text = (
        "세종시는 4일 ㈜한빛바이오 등 2개 기업과 투자협약을 체결했다.\n"
        "협약에 따라 ㈜한빛바이오·㈜청솔소재 등 2개 기업은 세종 청정그린산단에 공장을 신설한다."
    )
    found = _triples(text)
    assert ("세종특별자치시", "signsAgreementWith", "㈜청솔소재") in found


def test_carrying_out_an_investment_in_a_place_is_investing_in_it():
    found = _triples("목포에는 ㈜한빛케미칼과 ㈜청솔소재 등 2개 기업이 3100억 원의 대규모 투자를 실행한다.")
    assert ("㈜한빛케미칼", "investsIn", "목포시") in found
    assert ("㈜청솔소재", "investsIn", "목포시") in found


def test_spending_money_on_a_site_is_investing_in_it():
    found = _triples("㈜한빛세라믹은 나주 금천농공단지에 150억 원을 써 용기 제조공장을 증설한다.")
    assert ("㈜한빛세라믹", "investsIn", "나주시") in found


def test_a_city_after_its_country_in_the_genitive_lies_in_it():
    found = _triples("시장개척단은 태국의 방콕, 인도의 뭄바이 등을 차례로 방문했다.")
    assert ("방콕", "locatedIn", "태국") in found
    assert ("뭄바이", "locatedIn", "인도") in found


def test_the_economic_capital_of_a_country_lies_in_it():
    found = _triples("김 지사는 베트남 경제수도 호찌민시를 찾았다.")
    assert any(s.startswith("호찌민") and p == "locatedIn" and o == "베트남" for s, p, o in found)


def test_an_investor_no_entity_names_is_not_the_last_company_of_the_article():
    text = (
        "㈜한빛케미칼은 목포국가산업단지에 500억 원을 투자한다.\n"
        "이 자리에서 전북에 600억원을 투자하기로 한 KMT, 충남 예산군에 250억원 투자를 결정한 새온 등이"
        " 협약을 체결했다."
    )
    found = _triples(text)
    assert ("㈜한빛케미칼", "investsIn", "목포국가산업단지") in found
    assert ("㈜한빛케미칼", "investsIn", "예산군") not in found


def test_a_companion_of_one_event_visits_only_its_venue():
    text = (
        "한도윤 대통령은 29일 미국 워싱턴을 방문했다.\n"
        "월든 대통령 부부 초청 형식으로 이뤄지는 백악관 환영만찬에는 윤미정 여사도 동행한다."
    )
    found = _triples(text)
    assert ("윤미정", "visits", "백악관") in found
    assert ("윤미정", "visits", "워싱턴") not in found


def test_cooperation_told_of_an_event_still_to_come_is_no_activity_yet():
    found = _triples("충북도는 호찌민시와 포럼을 열어 양 지역 기업의 협업 가능분야 등을 토론할 예정이다.")
    assert not any(p == "cooperatesWith" for _s, p, _o in found)


def test_cooperation_done_before_a_planned_event_counts():
    found = _triples("김해시는 그동안 난징시와 활발히 교류해 왔으며 내년에는 공동 축제를 열 예정이다.")
    assert ("김해시", "cooperatesWith", "난징시") in found


def test_the_travelling_party_of_a_place_signs_for_the_place():
    found = _triples("김해시 우호대표단은 13일 중국 난징시를 방문해 난징시와 우호교류 협정서를 체결했다.")
    assert ("김해시", "signsAgreementWith", "난징시") in found


def test_a_body_holding_an_event_with_another_cooperates_with_it():
    assert ("김해시", "cooperatesWith", "인제대학교") in _triples(
        "김해시는 인제대학교와 함께 청년 취업박람회를 개최했다."
    )


def test_a_joint_event_still_to_come_or_a_person_along_is_no_cooperation():
    for text in (
        "김해시는 인제대학교와 함께 박람회를 개최할 예정이다.",
        "박영수 시장은 인제대학교 총장과 함께 행사를 개최했다.",
    ):
        assert not any(p == "cooperatesWith" for _s, p, _o in _triples(text))


def test_the_bodies_forming_a_party_and_its_head_visit_its_stops_not_the_host():
    text = (
        "일본 아오모리시 교류단 25명이 15일 보령시를 방문했다.\n"  # a bare party word (a named one is an ORG)
        "방문단은 한빛민단 아오모리지부와 아오모리한일친선협회 관계자들로 구성됐다.\n"
        "간담회에는 김동후 보령시장, 이신우 아오모리지부 이사(단장) 등이 참석했다.\n"
        "김동후 보령시장은 이날 방문단에게 감사패를 전달했다.\n"
        "방문단은 새길해수욕장 등을 둘러본 뒤 서울로 이동해 19일 귀국했다."
    )
    found = _triples(text)
    assert ("이신우", "visits", "서울특별시") in found
    assert ("아오모리한일친선협회", "visits", "서울특별시") in found
    assert ("김동후", "visits", "서울특별시") not in found


def test_the_members_of_a_list_counted_before_a_country_lie_in_it():
    found = _triples("충남도는 니가타현·아키타현·아오모리현 등 3개 일본 지방정부와 교류하고 있다.")
    for member in ("니가타현", "아키타현", "아오모리현"):
        assert (member, "locatedIn", "일본") in found
    assert ("충청남도", "locatedIn", "일본") not in found


def test_each_member_of_a_list_a_cooperation_clause_modifies_cooperates():
    found = _triples("김해시와 교류하고 있는 난징시·후에시 대표단이 13일 김해시를 찾았다.")
    assert ("난징시", "cooperatesWith", "김해시") in found
    assert ("후에시", "cooperatesWith", "김해시") in found


def test_the_body_leading_a_market_mission_visits_its_later_stops():
    text = (
        "한빛지방중소기업청이 이끄는 시장개척단은 14일 태국 방콕을 방문했다.\n"
        "한편 박정우 경기도지사는 이날 도청에서 기자회견을 열었다.\n"
        "시장개척단은 이어 17일 말레이시아 쿠알라룸푸르를 찾았다."
    )
    found = _triples(text)
    assert ("한빛지방중소기업청", "visits", "쿠알라룸푸르") in found
    assert ("박정우", "visits", "쿠알라룸푸르") not in found


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # a prefix of the title word names a sub-body, a deputy or a union of the body
        ("이날 간담회에는 탁서율 한빛전력공사 노조위원장과 남궁별 한빛전력공사 사장이 참석했다.", "탁서율"),
        ("이날 행사에는 정오름 한빛대학교 산학협력단장과 남궁별 한빛대학교 총장이 참석했다.", "정오름"),
        ("채하람 에콰도르 부총리는 12일 서울에서 기업인들과 만났다.", "채하람"),
        # a council chair read off a place heads the council, not the county
        ("정오름 화천군의장은 군민들에게 감사를 전했다.", "정오름"),
        # a bare title after a list's comma does not take the place of the name before it
        ("이날 행사에는 정오름 화천군수, 모시율 대표이사 등 200여명이 참석했다.", "모시율"),
    ],
)
def test_a_head_title_heads_only_the_body_it_is_written_with(text: str, holder: str):
    found = _triples(text)
    assert not any(s == holder and p == "headOf" for s, p, _o in found)


def test_a_plain_head_title_still_heads_its_body_and_place():
    found = _triples("이날 행사에는 정오름 화천군수, 남궁별 한빛전력공사 사장 등 200여명이 참석했다.")
    assert ("정오름", "headOf", "화천군") in found
    assert ("남궁별", "headOf", "한빛전력공사") in found


def test_meeting_a_bodys_unnamed_head_is_no_meeting_of_the_body():
    found = _triples("채하람 양구군수는 14일 한빛대학교 총장과 면담을 가졌다.")
    assert ("채하람", "meets", "한빛대학교") not in found
    named = _triples("채하람 양구군수는 14일 남궁별 한빛대학교 총장과 면담을 가졌다.")
    assert ("채하람", "meets", "남궁별") in named


def test_a_place_naming_an_unnamed_office_is_not_the_visited_place():
    found = _triples("채하람 양구군수는 14일 에콰도르 통상사무소를 찾아 성과를 점검했다.")
    assert ("채하람", "visits", "에콰도르") not in found
    assert ("채하람", "visits", "에콰도르") in _triples("채하람 양구군수는 14일 에콰도르를 찾았다.")


def test_bare_titles_of_a_ceremonys_attendee_list_head_the_articles_county_and_company():
    found = _triples(
        "솔내군은 15일 ㈜가람기계 솔내공장 준공식을 열었다. 이날 준공식은 김민준 군수, 박은호 대표이사, "
        "이서연 솔내경찰서장 등 250여명이 참석한 가운데 열렸다."
    )
    assert ("김민준", "headOf", "솔내군") in found
    assert ("박은호", "headOf", "㈜가람기계") in found


def test_a_bare_company_head_title_heads_no_firm_when_the_article_names_several():
    found = _triples(
        "솔내군은 15일 ㈜가람기계, ㈜누리전자와 투자협약을 체결했다. "
        "이날 협약식은 김민준 군수, 박은호 대표이사 등 40여명이 참석한 가운데 열렸다."
    )
    assert ("김민준", "headOf", "솔내군") in found
    assert not any(s == "박은호" and p == "headOf" for s, p, _o in found)


def test_staff_listed_after_a_member_with_a_body_hold_posts_at_that_body():
    found = _triples(
        "한편 이날 협약식에는 (사)가람상생협회의 김민준 회장, 이서연 부회장, 박은호 사무국장과 "
        "누리대학교 한서윤 총장, 윤채원 산학협력단장 등이 참석했다."
    )
    assert ("이서연", "worksFor", "(사)가람상생협회") in found
    assert ("박은호", "worksFor", "(사)가람상생협회") in found
    assert ("윤채원", "worksFor", "누리대학교") in found
    assert ("윤채원", "worksFor", "(사)가람상생협회") not in found


def test_the_head_of_a_unit_works_for_the_body_and_heads_nothing():
    found = _triples(
        "김 사장은 이날 이서연 가람개발공사 노조위원장, 박은호 경영혁신팀장과 함께 요양원을 방문했다."
    )
    assert ("이서연", "worksFor", "가람개발공사") in found
    assert ("박은호", "worksFor", "가람개발공사") in found
    assert not any(s == "이서연" and p == "headOf" for s, p, _o in found)


def test_cooperation_told_as_the_terms_of_an_agreement_is_the_signing():
    found = _triples(
        "이번 협약을 통해 솔내군과 가람시는 경제·문화·관광 등 다양한 분야에서 "
        "교류와 협력을 추진해 나갈 계획이다."
    )
    assert ("솔내군", "signsAgreementWith", "가람시") in found
    assert ("솔내군", "cooperatesWith", "가람시") not in found


def test_cooperation_with_no_agreement_named_stays_cooperation():
    found = _triples("솔내군과 가람시는 경제·문화·관광 등 다양한 분야에서 교류와 협력을 확대했다.")
    assert ("솔내군", "cooperatesWith", "가람시") in found
    assert ("솔내군", "signsAgreementWith", "가람시") not in found


@pytest.mark.parametrize(
    "text",
    [
        "김민준 의장과 이서연 위원장을 비롯한 의원 4명은 지난 8일 일본 누리시를 방문했다.",
        "김민준 의장과 이서연 위원장을 포함한 대표단 5명은 지난 8일 일본 누리시를 방문했다.",
    ],
)
def test_the_people_leading_an_unnamed_party_are_its_subject(text: str):
    found = _triples(text)
    assert ("김민준", "visits", "누리시") in found
    assert ("이서연", "visits", "누리시") in found


def test_a_township_lies_in_the_county_before_it_and_a_village_in_the_township():
    found = _triples("㈜가람테크는 2024년까지 솔내군 가람면 누리리 일원에 공장을 짓는다.")
    assert ("가람면", "locatedIn", "솔내군") in found
    assert ("누리리", "locatedIn", "가람면") in found
    assert ("솔내군", "locatedIn", "가람면") not in found


def test_an_estate_built_in_a_village_lies_in_it():
    found = _triples("가람면 누리리 일원에 조성된 솔내농공단지는 분양이 완료됐다.")
    assert ("솔내농공단지", "locatedIn", "누리리") in found


def test_the_new_head_holds_the_post_not_the_mayor_handing_over_the_appointment():
    found = _triples(
        "김민준 가람도시공사 신임 사장이 이서연 가람시장으로부터 임명장을 받고 기념사진을 찍고 있다."
    )
    assert ("김민준", "headOf", "가람도시공사") in found
    assert ("이서연", "headOf", "가람도시공사") not in found


def test_a_later_bare_title_does_not_fall_back_on_an_earlier_members_place():
    found = _triples(
        "가람기계는 15일 ㈜가람기계 동두천공장 준공식을 열었다. "
        "이날 준공식은 김민준 동두천시장, 박은호 대표이사, 이서연 경찰서장 등 "
        "250여명이 참석한 가운데 열렸다. "
        "박은호 대표이사는 “회사와 동두천시가 함께 성장하길 바란다”라고 말했다."
    )
    assert ("김민준", "headOf", "동두천시") in found
    assert ("박은호", "headOf", "동두천시") not in found
    assert ("박은호", "headOf", "㈜가람기계") in found


def test_two_people_listed_as_the_subject_of_a_summit_meet():
    found = _triples("김민준 대통령과 이서연 일본 총리는 7일 서울에서 정상회담을 가졌다.")
    assert ("김민준", "meets", "이서연") in found


def test_two_people_listed_at_a_gathering_do_not_meet_each_other():
    found = _triples("김민준 시장과 이서연 의장은 7일 시청에서 열린 기업인 간담회에 참석했다.")
    assert ("김민준", "meets", "이서연") not in found


@pytest.mark.parametrize(
    "text",
    [
        "솔내군이 지난 20일 필리핀 가람시와 친선결연 협약을 체결했다.",
        "솔내군은 지난 20일 가람시와 우호 협정을 맺었다.",
    ],
)
def test_a_friendship_tie_or_friendship_agreement_is_a_sister_tie(text: str):
    found = _triples(text)
    assert ("솔내군", "sisterCityOf", "가람시") in found
    assert ("솔내군", "signsAgreementWith", "가람시") in found


def test_bodies_listed_as_the_subject_of_a_signing_are_parties_with_each_other():
    found = _triples(
        "솔내군과 가람개발청, 솔내도시공사 등 3개 기관은 28일 ㈜다온테크, ㈜누리소재 등 "
        "중소기업 2곳과 투자협약을 체결했다."
    )
    assert ("솔내군", "signsAgreementWith", "가람개발청") in found
    assert ("가람개발청", "signsAgreementWith", "솔내도시공사") in found
    assert ("솔내군", "signsAgreementWith", "㈜다온테크") in found
    assert ("㈜다온테크", "signsAgreementWith", "㈜누리소재") not in found


def test_the_people_heading_a_places_party_go_where_the_party_goes():
    found = _triples(
        "김민준 솔내군수와 이서연 군의회 의장을 필두로 한 솔내군 방문단이 지난 31일 "
        "일본 가람현 방문길에 올랐다."
    )
    assert ("이서연", "visits", "가람현") in found
    assert ("김민준", "visits", "가람현") in found
    assert ("김민준", "accompanies", "이서연") in found


@pytest.mark.parametrize(
    "text",
    [
        "행사에는 김민준 가람일보 회장과 이서연 상무이사 등 임직원 200여명이 참석했다.",
        "이날 방문에는 김민준 가람일보 회장을 비롯해 이서연 상무이사 등이 동행했다.",
    ],
)
def test_a_staff_member_joined_to_a_head_by_and_or_including_works_for_his_body(text: str):
    found = _triples(text)
    assert ("이서연", "worksFor", "가람일보") in found


def test_the_two_places_an_agreements_quoted_title_joins_sign_it_and_are_sister_cities():
    found = _triples(
        "솔내군은 5일 회의실에서 가람시 관계자 11명이 참석한 가운데 "
        "‘솔내군-가람시 우호교류 협력 양해각서’를 체결했다."
    )
    assert ("솔내군", "signsAgreementWith", "가람시") in found
    assert ("솔내군", "sisterCityOf", "가람시") in found


def test_a_quoted_agreement_title_without_a_tie_word_gives_no_sister_cities():
    found = _triples("솔내군은 5일 ‘솔내군-가람시 관광 활성화 업무협약’을 체결했다.")
    assert ("솔내군", "signsAgreementWith", "가람시") in found
    assert ("솔내군", "sisterCityOf", "가람시") not in found


def test_a_city_said_to_belong_to_a_province_lies_in_it():
    found = _triples(
        "가람시(시장 김민준)는 미국 솔내주에 속해 있는 도시로 2017년 솔내군과 자매도시 결연을 맺었다."
    )
    assert ("가람시", "locatedIn", "솔내주") in found


def test_a_city_belonging_to_an_unknown_province_does_not_skip_to_the_country():
    found = _triples("가람시는 필리핀 누리섬 솔내주에 속한 인구 30만 명의 도시로, 농업이 주요 산업이다.")
    assert ("가람시", "locatedIn", "필리핀") not in found


def test_a_company_described_as_a_firm_sitting_in_an_estate_lies_in_it():
    found = _triples(
        "㈜가람테크는 솔내디지털산업단지 내에 위치한 반도체 관련 업체로 2019년 베트남에 진출했다."
    )
    assert ("㈜가람테크", "locatedIn", "솔내디지털산업단지") in found
    assert ("㈜가람테크", "locatedIn", "베트남") not in found


def test_the_stop_named_before_ieo_is_visited_too():
    found = _triples("김민준 군수는 에콰도르에 이어 22일 볼리비아를 방문했다.")
    assert ("김민준", "visits", "에콰도르") in found
    assert ("김민준", "visits", "볼리비아") in found
