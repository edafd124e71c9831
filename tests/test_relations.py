"""Relations from cue words and sentence structure; what did not happen gives nothing."""

from __future__ import annotations

import pytest
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _triples(text: str, status: str = "done") -> set[tuple[str, str, str]]:
    """The triples of the text with that status (done: what happened)."""
    out = get_extractor().extract(Article("t", text))
    found = set()
    symmetric = ("meets", "accompanies", "signsAgreementWith", "sisterCityOf", "cooperatesWith")
    for t in out.triples:
        if t.status != status:
            continue
        subj, obj = out.entity(t.subject), out.entity(t.object)
        for s in (subj.label, subj.label_en):  # the Korean label, or the English one
            for o in (obj.label, obj.label_en):
                found.add((s, t.predicate, o))
                if t.predicate in symmetric:
                    found.add((o, t.predicate, s))
    return found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("[경기 시흥=데일리임팩트 이상묵 기자]", ("이상묵", "worksFor", "데일리임팩트")),
        ("[경기 시흥=데일리임팩트 이상묵 기자]", ("시흥시", "locatedIn", "경기도")),
        ("협약식에는 송재원 울산시장과 이순규 울주군수가 참석했다.", ("송재원", "headOf", "울산광역시")),
        ("협약식에는 송재원 울산시장과 이순규 울주군수가 참석했다.", ("이순규", "headOf", "울주군")),
        # the bare name "고령" is also a common word: the title glued to the full name still links
        ("협약식에는 박성민 고령군수와 김미경 군산시장이 참석했다.", ("박성민", "headOf", "고령군")),
        ("계약학과 교육과정 설계는 충남대 이수빈 교수가 총괄한다.", ("이수빈", "worksFor", "충남대학교")),
        (
            "시흥시는 임병택 시장이 김동연 경기도지사와 함께 미국 샌디에이고를 방문했다고 밝혔다.",
            ("임병택", "visits", "샌디에이고"),
        ),
        (
            "시흥시는 임병택 시장이 김동연 경기도지사와 함께 미국 샌디에이고를 방문했다고 밝혔다.",
            ("김동연", "visits", "샌디에이고"),
        ),
        (
            "시흥시는 임병택 시장이 김동연 경기도지사와 함께 미국 샌디에이고를 방문했다고 밝혔다.",
            ("임병택", "accompanies", "김동연"),
        ),
        (
            "시흥시는 임병택 시장이 김동연 경기도지사와 함께 미국 샌디에이고를 방문했다고 밝혔다.",
            ("샌디에이고", "locatedIn", "미국"),
        ),
        (
            "홍성민 창원시장은 시청 접견실에서 나카무라 히로시(中村浩) 요코하마 시장을 접견했다.",
            ("홍성민", "meets", "나카무라 히로시"),
        ),
        (
            "양 도시는 1999년 자매결연을 맺은 이후 교류를 이어 왔다. 창원시와 요코하마시는 협력한다.",
            ("창원시", "sisterCityOf", "Yokohama"),
        ),
        (
            "구미시와 박닌(Bắc Ninh)성은 2018년 우호도시 협약을 맺었다.",
            ("구미시", "signsAgreementWith", "박닌성"),
        ),
        ("구미시와 박닌(Bắc Ninh)성은 2018년 우호도시 협약을 맺었다.", ("구미시", "sisterCityOf", "박닌성")),
        (
            "울산시는 이날 울산대학교, 울산테크노파크와 3자 업무협약을 체결했다.",
            ("울산대학교", "signsAgreementWith", "울산테크노파크"),
        ),
        (
            "경기 수원시와 화성시가 반도체 산업 경쟁력 강화를 위해 손을 잡았다.",
            ("수원시", "cooperatesWith", "화성시"),
        ),
        (
            "(주)셀로닉스는 미국 보스턴의 벤처캐피털 노스게이트벤처스(Northgate Ventures)로부터 "
            "500억원 규모의 투자를 유치했다.",
            ("(주)셀로닉스", "seeksInvestmentFrom", "노스게이트벤처스"),
        ),
        (
            "(주)셀로닉스는 미국 보스턴의 벤처캐피털 노스게이트벤처스(Northgate Ventures)로부터 "
            "500억원 규모의 투자를 유치했다.",
            ("노스게이트벤처스", "locatedIn", "보스턴"),
        ),
        (
            "(주)대명케미칼은 울산 울주군 온산국가산업단지에 1조원을 투자한다.",
            ("(주)대명케미칼", "investsIn", "온산국가산업단지"),
        ),
        (
            "울산 남구에 본사를 둔 (주)대명케미칼은 2021년 공장을 세웠다.",
            ("(주)대명케미칼", "locatedIn", "남구"),
        ),
    ],
)
def test_relation_is_found(text, triple):
    assert triple in _triples(text), sorted(_triples(text))


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "오세훈 서울시장은 20일 일본 도쿄를 방문해 고이케 유리코(小池百合子) 도쿄도지사와 회담했다.",
            ("고이케 유리코", "headOf", "도쿄"),
        ),
        (
            "오세훈 서울시장은 20일 일본 도쿄를 방문해 고이케 유리코(小池百合子) 도쿄도지사와 회담했다.",
            ("오세훈", "meets", "고이케 유리코"),
        ),
        (
            "삼성전자는 미국 텍사스주 테일러시에 170억달러를 투자해 공장을 짓는다.",
            ("테일러시", "locatedIn", "텍사스주"),
        ),
        (
            "현대자동차그룹은 이날 조지아주 정부와 전기차 공장 건설을 위한 투자협약을 체결했다.",
            ("현대자동차그룹", "signsAgreementWith", "조지아주"),
        ),
        (
            "부산시는 박형준 시장이 미국을 방문했다고 밝혔다. "
            "인천시는 유정복 시장이 베트남 하노이를 방문했다. 이번 방문에는 인천시의회 허식 의장이 동행했다.",
            ("허식", "accompanies", "유정복"),
        ),
    ],
)
def test_relation_is_found_in_news_beyond_the_dev_set(text, triple):
    assert triple in _triples(text), sorted(_triples(text))


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        (
            "도는 선전의 전기차 업체 비야오자동차(比耀汽车)와 투자 협약을 맺을 계획이었으나 "
            "막판 조건 이견으로 무산됐다.",
            "signsAgreementWith",
        ),
        ("아오바제약(青葉製薬)과의 기술이전 계약은 최종 협상 단계에서 결렬됐다.", "signsAgreementWith"),
        ("박 시장은 오는 11월 베트남 하노이를 방문할 예정이다.", "visits"),
        ("시흥시는 샌디에이고와 투자 협약 체결을 검토 중이다.", "signsAgreementWith"),
    ],
)
def test_what_did_not_happen_gives_no_triple(text, predicate):
    assert not [t for t in _triples(text) if t[1] == predicate]


def test_a_plan_in_a_later_clause_does_not_undo_a_signing():
    found = _triples("울산시는 (주)대명케미칼과 투자협약을 체결하고 추가 투자를 검토할 계획이다.")
    assert ("울산광역시", "signsAgreementWith", "(주)대명케미칼") in found


def test_a_negation_after_a_contrast_leaves_the_first_part_standing():
    found = _triples(
        "부산시는 박형준 시장이 미국 샌디에이고를 방문해 협약을 체결했으나, 구체적 투자 금액은 밝히지 않았다."
    )
    assert ("박형준", "visits", "샌디에이고") in found


def test_cooperation_is_left_out_when_a_sister_city_tie_holds():
    found = _triples("창원시와 요코하마시는 1999년 자매결연을 맺은 이후 교류 협력을 이어 왔다.")
    assert ("창원시", "sisterCityOf", "Yokohama") in found
    assert not [t for t in found if t[1] == "cooperatesWith"]


def test_every_triple_has_its_sentence_and_a_confidence():
    text = (
        "홍성민 창원시장은 8일 나카무라 히로시(中村浩) 요코하마 시장을 접견했다. 양 도시는 자매결연을 맺었다."
    )
    out = get_extractor().extract(Article("t", text))
    assert out.triples
    for t in out.triples:
        assert 0 < t.confidence <= 1
        assert text[t.evidence.start : t.evidence.end] == t.evidence.sentence


def test_bodies_joining_with_hamkke_sign_with_every_other_party():
    found = _triples(
        "부산시는 10일 해운대 벡스코에서 부산항만공사, 청솔전자와 함께 투자 양해각서(MOU)를 체결했다."
    )
    assert ("부산광역시", "signsAgreementWith", "부산항만공사") in found
    assert ("부산광역시", "signsAgreementWith", "청솔전자") in found
    assert ("부산항만공사", "signsAgreementWith", "청솔전자") in found


def test_a_listed_province_and_city_both_sign_though_one_lies_in_the_other():
    found = _triples(
        "경상북도와 구미시, ㈜한빛전자는 10일 경북도청 상황실에서 이 같은 내용의 투자협약을 맺었다."
    )
    assert ("경상북도", "signsAgreementWith", "구미시") in found
    assert ("구미시", "signsAgreementWith", "㈜한빛전자") in found
    assert ("경상북도", "signsAgreementWith", "㈜한빛전자") in found


def test_signatories_named_by_their_heads_give_their_bodies():
    found = _triples("이 협약서에는 박정우 부산시장, 김태수 청솔전자 대표가 서명했다.")
    assert ("부산광역시", "signsAgreementWith", "청솔전자") in found


def test_heads_present_at_a_three_way_signing_give_the_parties():
    found = _triples(
        "강원대는 지난 5일 교내 본관에서 김민호 총장과 박수진 한빛전자 대표 등이 참석한 가운데 "
        "3자 산학협력 협약을 체결했다고 6일 밝혔다."
    )
    assert ("강원대학교", "signsAgreementWith", "한빛전자") in found


def test_cooperation_is_left_out_when_the_pair_signs_later_in_the_article():
    found = _triples(
        "강원대학교가 부품기업 ㈜한빛전자와 손잡고 인재 양성에 나선다. "
        "강원대와 ㈜한빛전자는 지난 5일 교내 본관에서 산학협력 협약을 체결했다."
    )
    assert ("강원대학교", "signsAgreementWith", "㈜한빛전자") in found
    assert not [t for t in found if t[1] == "cooperatesWith"]


def test_a_foreign_last_name_with_a_title_meets_as_the_full_name():
    found = _triples(
        "협약서에는 황보준 부산시장과 마르코 벨리니(Marco Bellini) 청솔전자 대표가 서명했다. "
        "협약식이 끝난 뒤 황보 시장은 벨리니 대표와 따로 만나 방안을 논의했다."
    )
    assert ("황보준", "meets", "마르코 벨리니") in found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "경상북도와 구미시는 ㈜한빛전자와 투자협약을 맺었다. "
            "도와 시는 지난해 초부터 한빛전자 투자 유치를 위해 전담팀을 꾸렸다.",
            ("경상북도", "seeksInvestmentFrom", "㈜한빛전자"),
        ),
        (
            "경상북도와 구미시는 ㈜한빛전자와 투자협약을 맺었다. "
            "도와 시는 지난해 초부터 한빛전자 투자 유치를 위해 전담팀을 꾸렸다.",
            ("구미시", "seeksInvestmentFrom", "㈜한빛전자"),
        ),
        (
            "김태수 부산시장은 지난해 6월 독일 뮌헨의 청솔전자 본사를 직접 찾아 투자를 요청했다.",
            ("부산광역시", "seeksInvestmentFrom", "청솔전자"),
        ),
        (
            "부산시는 청솔전자 유치에 나서 공장 건립을 이끌어냈다.",
            ("부산광역시", "seeksInvestmentFrom", "청솔전자"),
        ),
    ],
)
def test_the_company_named_before_the_investment_drive_is_the_partner(text, triple):
    assert triple in _triples(text)


def test_building_a_plant_is_investing_in_its_site_and_city():
    found = _triples("청솔케미칼은 부산시 강서구 미음산업단지에 연구소를 건립한다.")
    assert ("청솔케미칼", "investsIn", "미음산업단지") in found
    assert ("청솔케미칼", "investsIn", "부산광역시") in found


def test_a_planned_plant_is_no_investment_yet():
    found = _triples("청솔케미칼은 내년 부산에 연구소를 건립할 예정이다.")
    assert not [t for t in found if t[1] == "investsIn"]


def test_sitting_in_on_a_meeting_is_not_meeting():
    found = _triples("면담에는 박정우 산업부 제1차관과 김태수 청솔전자 사장이 배석했다.")
    assert not [t for t in found if t[1] == "meets"]


def test_what_a_speaker_says_is_no_event():
    found = _triples('부산시는 청솔전자와 손잡는다. 김 시장은 "청솔전자와 협약을 맺어 기쁘다"고 말했다.')
    assert not [t for t in found if t[1] == "signsAgreementWith"]


def test_a_title_fused_onto_a_body_name_makes_its_holder_head_of_that_body():
    found = _triples(
        "국토교통부는 김민재 장관이 27일 방한한 부디 산토소(Budi Santoso) 자바항만청장을 만나 "
        "협력 방안을 논의했다고 밝혔다."
    )
    assert ("부디 산토소", "headOf", "자바항만청") in found
    assert ("부디 산토소", "headOf", "국토교통부") not in found


def test_a_visit_in_a_coming_month_is_no_visit_yet():
    found = _triples(
        "김태수 부산시장은 오는 9월 독일 뮌헨의 청솔전자 본사를 방문해 협력 방안을 논의할 예정이다."
    )
    assert not [t for t in found if t[1] in ("visits", "meets")]


def test_the_stops_of_a_trip_under_way_count():
    found = _triples(
        "유럽을 순방 중인 김태수 부산시장은 13일 독일 뮌헨으로 건너가 간담회를 연 뒤 15일 귀국한다."
    )
    assert ("김태수", "visits", "뮌헨") in found


def test_a_past_visit_stands_beside_a_coming_one():
    found = _triples(
        "김태수 부산시장은 지난 5일 독일 뮌헨을 방문해 협약을 맺었으며, 오는 9월 다시 찾을 예정이다."
    )
    assert ("김태수", "visits", "뮌헨") in found


def test_a_companion_of_one_stop_visits_only_that_stop():
    found = _triples(
        "김태수 부산시장은 독일 뮌헨과 함부르크를 순방했다. "
        "함부르크 일정에는 박정우 부산항만공사 사장도 함께했다."
    )
    assert ("박정우", "visits", "함부르크") in found
    assert ("박정우", "visits", "뮌헨") not in found


def test_a_capital_authority_is_no_provincial_office():
    found = _triples(
        "국토교통부는 김민재 장관이 방한한 부디 산토소(Budi Santoso) 칼리만탄수도청장을 만나 방안을 논의했다."
    )
    assert ("부디 산토소", "headOf", "칼리만탄수도청") in found


def test_the_one_syllable_surname_of_a_foreign_name_is_that_person():
    found = _triples(
        "청솔대는 린웨이밍(林偉明) 타이룽 회장 등이 참석한 가운데 협약을 체결했다. "
        "린 회장은 처음 광주를 찾았으며, 협약식 뒤 방안을 논의했다."
    )
    assert ("린웨이밍", "visits", "광주광역시") in found


@pytest.mark.parametrize(
    "text",
    [
        "부산항만공사는 10일 청솔전자 대표단을 맞았다. 양 기관은 이날 물류 협력 업무협약을 체결했다.",
        "부산시와 청솔전자는 10일 만났다. 양측은 이날 업무협약을 체결했다.",
    ],
)
def test_both_sides_are_the_two_bodies_just_named(text):
    found = {t for t in _triples(text) if t[1] == "signsAgreementWith"}
    assert found & {
        ("부산항만공사", "signsAgreementWith", "청솔전자"),
        ("부산광역시", "signsAgreementWith", "청솔전자"),
    }


@pytest.mark.parametrize(
    ("text", "triple", "status"),
    [
        (
            "김태수 부산시장은 오는 9월 독일 뮌헨의 청솔전자 본사를 방문할 예정이다.",
            ("김태수", "visits", "청솔전자"),
            "planned",
        ),
        (
            "시흥시는 샌디에이고와 투자 협약 체결을 검토 중이다.",
            ("시흥시", "signsAgreementWith", "샌디에이고"),
            "planned",
        ),
        (
            "시흥시는 샌디에이고와 투자 협약을 체결할 계획이었으나 무산됐다.",
            ("시흥시", "signsAgreementWith", "샌디에이고"),
            "failed",
        ),
        (
            "시흥시는 샌디에이고와 투자 협약을 체결할 예정이었으나 회사 측 요청으로 다음 달로 미뤘다.",
            ("시흥시", "signsAgreementWith", "샌디에이고"),
            "planned",
        ),
    ],
)
def test_planned_or_failed_event_is_emitted_with_its_status(text, triple, status):
    assert triple in _triples(text, status)
    assert triple not in _triples(text, "done")


def test_every_triple_names_the_rule_that_made_it():
    out = get_extractor().extract(
        Article("t", "[경기 시흥=데일리임팩트 이상묵 기자] 임병택 시흥시장은 미국 샌디에이고를 방문했다.")
    )
    assert out.triples
    assert all(t.rule for t in out.triples)
    assert {t.rule for t in out.triples if t.predicate == "visits"} == {"visit_target"}


def test_a_plot_after_its_place_names_the_investment_site():
    found = _triples("㈜새길정밀은 경북 구미국가산업단지 9800㎡ 부지에 180억원을 투자해 부품 공장을 짓는다.")
    assert ("㈜새길정밀", "investsIn", "구미국가산업단지") in found


def test_the_company_in_focus_invests_in_the_plot_of_a_later_sentence():
    found = _triples(
        "㈜새길정밀은 구미시와 투자협약을 맺었다. 협약에 따라 이 회사는 2026년까지 "
        "구미국가산업단지 5만㎡ 부지에 300억원을 투입해 공장을 짓고 150명을 고용한다."
    )
    assert ("㈜새길정밀", "investsIn", "구미국가산업단지") in found


def test_the_founder_named_in_a_relative_clause_is_not_the_investor_of_the_main_clause():
    found = _triples(
        "새길그룹이 지분 100%를 출자해 세운 ㈜새길코리아는 부산 강서구 새길지구 9800㎡ 부지에 "
        "180억원을 투자해 공장을 짓는다."
    )
    assert ("㈜새길코리아", "investsIn", "새길지구") in found
    assert not {t for t in found if t[1] == "investsIn" and t[0] == "새길그룹" and t[2] != "㈜새길코리아"}


def test_people_joined_as_one_subject_both_visit_and_travel_together():
    found = _triples(
        "박서준 화성시장과 오하늘 화성시의회 의장은 13일 미국을 방문했다. "
        "박 시장과 오 의장 일행은 이날 오전 텍사스주 휴스턴을 찾아 항만 시설을 둘러봤다."
    )
    assert {("박서준", "visits", "휴스턴"), ("오하늘", "visits", "휴스턴")} <= found
    assert ("박서준", "accompanies", "오하늘") in found


def test_each_subject_of_a_gapped_clause_invests_in_its_own_site():
    found = _triples(
        "㈜새길정밀과 ㈜한빛금속은 구미국가산업단지에, ㈜청솔기공과 ㈜다온정밀은 "
        "김천일반산업단지에 각각 투자해 공장을 새로 짓는다."
    )
    invests = {(s, o) for s, p, o in found if p == "investsIn" and s.startswith("㈜") and "단지" in o}
    assert invests == {
        ("㈜새길정밀", "구미국가산업단지"),
        ("㈜한빛금속", "구미국가산업단지"),
        ("㈜청솔기공", "김천일반산업단지"),
        ("㈜다온정밀", "김천일반산업단지"),
    }


def test_both_countries_sign_when_yangguk_signs_after_a_summit():
    found = _triples(
        "한도윤 대통령은 12일 카자흐스탄 아스타나에서 누르잔 에스칼리예프 카자흐스탄 대통령과 "
        "정상회담을 열었다. 회담 직후 양국은 9건의 협력 문서에 서명했다. 한국 대통령의 방문은 6년 만이다."
    )
    assert ("대한민국", "signsAgreementWith", "카자흐스탄") in found


def test_two_countries_listed_before_du_nara_are_the_pair_not_korea():
    found = _triples(
        "카자흐스탄과 우즈베키스탄 두 나라를 국빈 방문 중인 한도윤 대통령이 13일 타슈켄트에 도착했다. "
        "한국 대통령의 방문은 처음이다."
    )
    assert ("한도윤", "visits", "우즈베키스탄") in found
    assert ("한도윤", "visits", "대한민국") not in found


def test_a_korean_named_president_without_a_country_heads_korea():
    found = _triples("한도윤 대통령은 12일 청와대에서 기업인들과 만났다. 한국 정부는 지원을 약속했다.")
    assert ("한도윤", "headOf", "대한민국") in found


def test_a_president_of_a_named_country_does_not_head_korea():
    found = _triples("오하늘 칠레 대통령은 12일 서울에서 기업인들과 만났다. 한국 정부는 지원을 약속했다.")
    assert ("오하늘", "headOf", "칠레") in found
    assert ("오하늘", "headOf", "대한민국") not in found


def test_partners_counted_after_a_list_are_each_a_sister_of_the_subject_only():
    found = _triples(
        "한편 괴산군은 미국 오스틴, 일본 벳푸시, 중국 웨이하이시 등 3개 도시와 자매결연을 맺고 있다."
    )
    assert {("괴산군", "sisterCityOf", x) for x in ("오스틴", "벳푸시", "웨이하이시")} <= found
    assert ("오스틴", "sisterCityOf", "벳푸시") not in found


def test_a_place_in_apposition_to_jamaedosi_is_the_sister_of_the_subject():
    found = _triples("충북 괴산군은 대표단이 자매도시인 미국 오스틴을 방문하고 있다고 1일 밝혔다.")
    assert ("괴산군", "sisterCityOf", "오스틴") in found


def test_the_sister_of_a_genitive_place_comes_with_its_delegation():
    found = _triples("충북 괴산군의 자매도시인 미국 오스틴시 대표단이 괴산을 찾았다.")
    assert ("괴산군", "sisterCityOf", "오스틴시") in found


def test_a_province_before_an_unknown_town_is_not_taken_for_the_sister():
    found = _triples(
        "충북 괴산군은 대표단이 자매도시인 일본 나가노(長野)현 오부세(小布施)정을 방문하고 있다."
    )
    assert not [t for t in found if t[1] == "sisterCityOf" and "나가노" in t[2]]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("화성시는 ㈜새길정밀의 300억원 투자를 유치했다.", {("화성시", "㈜새길정밀")}),
        (
            "화성시가 이날 유치한 투자는 ㈜새길정밀과 ㈜한빛금속 두 곳, 모두 500억원 규모다.",
            {("화성시", "㈜새길정밀"), ("화성시", "㈜한빛금속")},
        ),
        ("화성시는 ㈜새길정밀 공장을 유치했다.", {("화성시", "㈜새길정밀")}),
        ("화성시는 ㈜새길정밀을 유치하기 위해 전담팀을 꾸렸다.", {("화성시", "㈜새길정밀")}),
    ],
)
def test_the_company_whose_investment_is_attracted_is_the_source(text, pairs):
    found = _triples(text)
    seeks = {
        (s, o) for s, p, o in found if p == "seeksInvestmentFrom" and s == "화성시" and o.startswith("㈜")
    }
    assert seeks == pairs


def test_attracting_an_event_with_a_partner_is_no_investment_seeking():
    found = _triples("화성시는 ㈜새길정밀과 협력해 국제 행사를 유치했다.")
    assert not [t for t in found if t[1] == "seeksInvestmentFrom"]


def test_a_partner_met_before_hamkke_goes_along_to_the_place_visited():
    found = _triples("박서준 화성시장은 오하늘 의장과 만나 협력 방안을 논의한 뒤 함께 오스틴 시청을 찾았다.")
    assert ("박서준", "meets", "오하늘") in found
    assert ("박서준", "accompanies", "오하늘") in found
    assert ("오하늘", "visits", "오스틴") in found


def test_viewing_a_museum_together_while_talking_is_a_visit_and_a_meeting():
    found = _triples("권혜원 여사는 엘리아나 부스토스 여사와 국립중앙박물관을 함께 관람하며 환담을 나눴다.")
    assert {
        ("권혜원", "visits", "국립중앙박물관"),
        ("엘리아나 부스토스", "visits", "국립중앙박물관"),
    } <= found
    assert ("권혜원", "meets", "엘리아나 부스토스") in found


def test_a_partner_of_an_earlier_sentence_does_not_go_along():
    found = _triples("박서준 화성시장은 오하늘 의장과 협약을 맺었다. 이후 함께 오스틴 시청을 찾았다.")
    assert ("오하늘", "visits", "오스틴") not in found


@pytest.mark.parametrize(
    "text",
    [
        "화성시는 자매결연을 맺고 있는 미국 오스틴시를 방문했다.",
        "박서준 화성시장은 자매결연 30주년을 맞은 미국 오스틴시를 찾았다.",
        "오스틴시는 화성시가 2009년 우호협력 협정을 체결한 도시로, 교류가 이어져 왔다.",
    ],
)
def test_a_sister_tie_in_a_relative_clause_links_the_place_it_modifies(text):
    assert ("화성시", "sisterCityOf", "오스틴시") in _triples(text)


def test_a_sister_tie_still_pursued_in_a_relative_clause_is_none_yet():
    found = _triples("화성시는 자매결연을 추진하고 있는 미국 오스틴시를 방문했다.")
    assert ("화성시", "sisterCityOf", "오스틴시") not in found


def test_bodies_said_to_sit_in_a_place_lie_in_it():
    found = _triples(
        "새길혁신도시에는 한국도로공사를 비롯해 한국교통안전공단 등 12개 공공기관이 자리 잡고 있다."
    )
    assert {
        ("한국도로공사", "locatedIn", "새길혁신도시"),
        ("한국교통안전공단", "locatedIn", "새길혁신도시"),
    } <= found


def test_a_plan_in_a_place_is_no_seat_there():
    found = _triples("㈜새길정밀은 화성시에 공장을 지을 계획이 있다.")
    assert ("㈜새길정밀", "locatedIn", "화성시") not in found


def test_a_bare_head_title_heads_the_one_body_of_the_article_with_its_ending():
    found = _triples(
        "한빛경제자유구역청은 3개 기업과 투자협약을 맺었다. "
        '김도윤 청장은 "기업들이 빠르게 뿌리내리도록 돕겠다"고 말했다.'
    )
    assert ("김도윤", "headOf", "한빛경제자유구역청") in found


def test_a_bare_head_title_with_two_bodies_of_its_kind_links_neither():
    found = _triples(
        "한빛경제자유구역청은 새솔관세청과 협약을 맺었다. "
        '김도윤 청장은 "기업들이 빠르게 뿌리내리도록 돕겠다"고 말했다.'
    )
    assert not any(s == "김도윤" and p == "headOf" for s, p, _o in found)


def test_the_firms_an_agreement_counted_and_a_later_sentence_lists_are_its_parties():
    found = _triples(
        "옥천군은 4일 시청에서 3개 기업과 총 300억원 규모의 투자 양해각서를 체결했다.\n"
        "투자 기업과 규모는 ▲㈜한빛테크 150억원 ▲㈜새솔금속 100억원 ▲다온정밀㈜ 50억원 등이다."
    )
    for firm in ("㈜한빛테크", "㈜새솔금속", "다온정밀㈜"):
        assert ("옥천군", "signsAgreementWith", firm) in found
        assert (firm, "investsIn", "옥천군") in found


def test_a_list_of_firms_after_an_agreement_that_named_its_firm_adds_no_party():
    found = _triples(
        "옥천군은 4일 ㈜한빛테크와 투자 양해각서를 체결했다.\n"
        "투자 기업은 ▲㈜새솔금속 ▲다온정밀㈜ 등으로 늘어날 전망이다."
    )
    assert ("옥천군", "signsAgreementWith", "㈜한빛테크") in found
    assert ("옥천군", "signsAgreementWith", "㈜새솔금속") not in found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("대표단은 캄보디아의 수도 프놈펜에 도착했다.", ("프놈펜", "locatedIn", "캄보디아")),
        ("대표단은 온타리오(Ontario)주 주도인 토론토로 이동했다.", ("토론토", "locatedIn", "온타리오")),
    ],
)
def test_the_capital_of_a_place_lies_in_it(text, triple):
    assert triple in _triples(text)


def test_a_city_merely_named_after_a_country_is_not_its_capital():
    assert ("프놈펜", "locatedIn", "캄보디아") not in _triples(
        "캄보디아 대표단은 군산과 프놈펜을 차례로 찾았다."
    )


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "태국을 방문 중인 박민수 시장이 현지 투자회사 라이언캐피탈과 투자협약을 맺었다.",
            ("라이언캐피탈", "locatedIn", "태국"),
        ),
        (
            "김 시장 일행은 27일 시애틀로 이동해 "
            "현지 한인 경제단체인 시애틀한인상공회의소 관계자들과 간담회를 가졌다.",
            ("시애틀한인상공회의소", "locatedIn", "시애틀"),
        ),
    ],
)
def test_a_body_called_local_lies_in_the_foreign_place_named_before_it(text, triple):
    assert triple in _triples(text)


def test_a_body_called_local_after_a_korean_place_only_gets_no_foreign_place():
    found = _triples("박민수 시장은 군산에서 현지 투자회사 라이언캐피탈과 투자협약을 맺었다.")
    assert not any(s == "라이언캐피탈" and p == "locatedIn" for s, p, _o in found)


def test_the_companies_visited_for_an_investment_briefing_are_sought_by_the_place_named_with_it():
    found = _triples(
        "레 반 탐 호찌민시 인민위원장은 군산을 찾았다. 이어 전자부품 기업 ㈜한빛일렉트론과 "
        "(주)새솔정밀을 차례로 방문해 호찌민시 투자 설명회를 열었다."
    )
    assert ("호찌민시", "seeksInvestmentFrom", "㈜한빛일렉트론") in found
    assert ("호찌민시", "seeksInvestmentFrom", "(주)새솔정밀") in found


def test_asking_a_company_to_invest_more_is_seeking_its_investment():
    found = _triples("김민수 옥천군수는 ㈜한빛테크 본사를 찾아 투자 확대를 요청했다.")
    assert ("옥천군", "seeksInvestmentFrom", "㈜한빛테크") in found


def test_moving_on_to_a_place_is_visiting_it():
    found = _triples("새솔수출협회는 15일 포르투갈 리스본으로 자리를 옮겨 같은 설명회를 이어간다.")
    assert ("새솔수출협회", "visits", "리스본") in found


def test_meeting_at_a_site_of_a_foreign_city_is_visiting_the_city():
    found = _triples(
        "박도현 대통령은 12일 케냐 나이로비의 대통령궁에서 윌리엄 오티에노 대통령과 정상회담을 열었다."
    )
    assert ("박도현", "visits", "나이로비") in found


def test_meeting_at_a_site_of_a_korean_city_is_no_visit_abroad():
    found = _triples("박도현 대통령은 12일 군산의 한 호텔에서 윌리엄 오티에노 대통령과 정상회담을 열었다.")
    assert ("박도현", "visits", "군산시") not in found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("이날 행사 진행은 경북대 국제교류팀 김나리 과장이 맡았다.", ("김나리", "worksFor", "경북대학교")),
        ("협약식에는 최민혁 경북대 상주캠퍼스 부총장이 참석했다.", ("최민혁", "worksFor", "경북대학교")),
    ],
)
def test_a_unit_of_the_body_between_body_and_person_keeps_the_post(text, triple):
    assert triple in _triples(text)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "한빛상의는 29일 캐나다의 한인 경제단체인 토론토한인상공회의소와 업무 협약을 체결했다.",
            ("토론토한인상공회의소", "locatedIn", "캐나다"),
        ),
        ("스페인의 자동차부품 업체 베르크오토는 투자를 신고했다.", ("베르크오토", "locatedIn", "스페인")),
    ],
)
def test_a_body_introduced_as_a_places_descriptor_lies_in_the_place(text, triple):
    assert triple in _triples(text)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("옥천군은 자매도시 프리몬트시에 대표단을 보냈다.", ("옥천군", "sisterCityOf", "프리몬트시")),
        ("옥천군은 양저우·가고시마 등 2개 자매도시를 두고 있다.", ("옥천군", "sisterCityOf", "가고시마")),
        ("옥천군은 양저우·가고시마 등 2개 자매도시를 두고 있다.", ("옥천군", "sisterCityOf", "양저우")),
    ],
)
def test_sister_cities_named_right_after_the_noun_or_listed_before_their_count(text, triple):
    assert triple in _triples(text)


def test_the_province_of_a_listed_sister_city_is_no_sister():
    found = _triples("옥천군은 일본 홋카이도 삿포로시 등 1개 해외 자매도시를 두고 있다.")
    assert ("옥천군", "sisterCityOf", "삿포로시") in found
    assert ("옥천군", "sisterCityOf", "홋카이도") not in found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "㈜한빛테크는 이날 이사회를 열고 김철수 부사장을 신임 대표이사로 선임했다.",
            ("김철수", "headOf", "㈜한빛테크"),
        ),
        ("㈜한빛테크 신임 대표이사에는 김철수 부사장이 선임됐다.", ("김철수", "headOf", "㈜한빛테크")),
        (
            "김철수 대표는 2019년부터 계열사인 ㈜새솔음료 대표이사를 겸하고 있다.",
            ("김철수", "headOf", "㈜새솔음료"),
        ),
    ],
)
def test_the_person_appointed_to_a_head_title_heads_the_body(text, triple):
    assert triple in _triples(text)


def test_new_before_a_title_is_no_person():
    labels = {
        e.label
        for e in get_extractor()
        .extract(Article("t", "㈜한빛테크 신임 대표이사에는 김철수 부사장이 선임됐다."))
        .entities
    }
    assert "신임" not in labels


def test_a_post_at_this_university_is_a_post_at_the_university_named_before():
    found = _triples("경북대는 협약을 맺었다. 협약식에는 이 대학 소프트웨어학과 윤서하 교수 등이 참석했다.")
    assert ("윤서하", "worksFor", "경북대학교") in found


def test_a_short_province_name_ending_in_do_before_a_dot_is_one_party_of_the_list():
    found = _triples("옥천군은 13일 군청에서 한국가스공사·제주도·부경대와 스마트 물관리 협약서에 서명했다.")
    assert ("제주특별자치도", "signsAgreementWith", "부경대학교") in found
    assert ("제주특별자치도", "signsAgreementWith", "한국가스공사") in found


def test_the_places_listed_before_doane_lie_in_the_province_of_the_article():
    found = _triples(
        "제주특별자치도는 계절근로자 제도를 넓힌다. "
        "지난해 근로자 300여 명이 제주·서귀포 등 도내 2개 시 농가에서 일했다."
    )
    for county in ("제주시", "서귀포시"):
        assert (county, "locatedIn", "제주특별자치도") in found


def test_doane_without_the_province_named_gives_no_province():
    found = _triples("지난해 근로자 300여 명이 제주·서귀포 등 도내 2개 시 농가에서 일했다.")
    assert not any(p == "locatedIn" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        "옥천군, 한빛테크 500억 투자 유치",
        "옥천군은 한빛테크 등 3개 기업으로부터 총 800억원의 투자를 이끌어냈다.",
        "옥천군은 한빛테크를 상대로 투자 유치 활동을 벌였다.",
    ],
)
def test_other_shapes_of_attracting_a_companys_investment(text):
    assert ("옥천군", "seeksInvestmentFrom", "한빛테크") in _triples(text)


def test_a_place_that_attracted_a_companys_investment_is_invested_in():
    found = _triples("옥천군은 ㈜한빛테크로부터 500억원 규모의 투자를 유치했다고 밝혔다.")
    assert ("㈜한빛테크", "investsIn", "옥천군") in found


def test_a_place_only_seeking_a_companys_investment_is_not_yet_invested_in():
    found = _triples("옥천군은 ㈜한빛테크로부터 투자를 유치하기 위해 공을 들이고 있다.")
    assert ("㈜한빛테크", "investsIn", "옥천군") not in found


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("논산시 박서준 시장은 지난 3일 새솔전자 김민재 대표를 만난 자리에서 협력을 약속했다.", "done"),
        ("논산시 박서준 시장은 오는 9월 새솔전자 김민재 대표를 만날 예정이다.", "planned"),
    ],
)
def test_the_adnominal_forms_of_manada_are_meeting_cues(text: str, status: str) -> None:
    assert ("박서준", "meets", "김민재") in _triples(text, status)


def test_a_place_attracting_investment_seeks_it_from_the_company_investing_sentences_later() -> None:
    text = (
        "논산시는 올해 기업 투자 유치에 나섰다고 밝혔다. 시는 지난 3일 시청에서 협약식을 열었다. "
        "새솔전자는 논산시에 500억원을 투자해 공장을 짓는다."
    )
    found = _triples(text)
    assert ("새솔전자", "investsIn", "논산시") in found
    assert ("논산시", "seeksInvestmentFrom", "새솔전자") in found


def test_an_investment_with_no_courting_in_the_article_is_no_seeking() -> None:
    found = _triples("새솔전자는 논산시에 500억원을 투자해 공장을 짓는다. 공장은 내년에 문을 연다.")
    assert ("새솔전자", "investsIn", "논산시") in found
    assert ("논산시", "seeksInvestmentFrom", "새솔전자") not in found


def test_a_companion_visits_the_stops_of_this_trip_not_those_of_an_earlier_one() -> None:
    text = (
        "논산시 박서준 시장은 일본 나라현을 방문해 현 지사와 면담했다. "
        "이번 방문에는 김민재 논산시의회 의장이 동행했다. "
        "박 시장은 취임 이후 미국 오리건주를 방문한 바 있다."
    )
    found = _triples(text)
    assert ("김민재", "visits", "나라현") in found
    every = found | _triples(text, "planned") | _triples(text, "failed")
    assert not any(s == "김민재" and p == "visits" and o == "오리건주" for s, p, o in every)


def test_the_spouse_named_in_the_article_visits_where_the_couple_goes() -> None:
    text = (
        "김민재 대통령과 부인 이수진 여사는 21일 독일 베를린에 도착했다. "
        "김 대통령 내외는 22일 뮌헨으로 이동해 자동차 공장을 둘러봤다."
    )
    found = _triples(text)
    assert ("김민재", "visits", "뮌헨") in found
    assert ("이수진", "visits", "뮌헨") in found


def test_a_visit_told_without_the_couple_is_the_visitors_alone() -> None:
    text = "김민재 대통령과 부인 이수진 여사는 21일 독일 베를린에 도착했다. 김 대통령은 22일 뮌헨을 방문했다."
    found = _triples(text)
    assert ("김민재", "visits", "뮌헨") in found
    assert ("이수진", "visits", "뮌헨") not in found


@pytest.mark.parametrize(
    ("text", "status", "triple"),
    [
        # the company in the genitive before the plant sought is the source of the investment
        (
            "한별군은 현재 가람산단 내 독일 ㈜누리켐의 4000억 원 규모 배터리 생산센터 유치를 추진 중이다.",
            "planned",
            ("한별군", "seeksInvestmentFrom", "㈜누리켐"),
        ),
        # the firm a relative clause calls party to the attraction agreement
        (
            "한별군은 2019년 군과 투자유치 협약을 맺은 기업인 ㈜가람정밀이 공장을 준공했다고 밝혔다.",
            "done",
            ("한별군", "seeksInvestmentFrom", "㈜가람정밀"),
        ),
    ],
)
def test_attraction_source_named_by_site_owner_or_agreement_clause(text, status, triple):
    assert triple in _triples(text, status)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "한별군수는 17일 한별군 솔내농공단지에서 열린 ㈜가람정밀 한별 제2공장 준공식에 참석했다.",
            "솔내농공단지",
        ),
        ("솔내농공단지 입주기업인 ㈜가람정밀의 한별공장 준공식이 지난 15일 열렸다.", "솔내농공단지"),
    ],
)
def test_company_whose_plant_opens_invests_in_the_site_of_the_ceremony(text, site):
    assert ("㈜가람정밀", "investsIn", site) in _triples(text)
