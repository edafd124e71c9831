"""Mention rules for recurring shapes of Korean news: heads in parentheses, bylines, foreign names
of several words before a title. Every sentence here is invented."""

from __future__ import annotations

import pytest
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article

from tests.triples import triples_of as _triples


def _out(text: str):
    return get_extractor().extract(Article("t", text))


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in _out(text).entities}


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("새길정밀(대표 박서준)은 공장을 새로 짓는다.", ("박서준", "headOf", "새길정밀")),
        ("경기 화성시(시장 오하늘)는 3일 협약을 맺었다.", ("오하늘", "headOf", "화성시")),
        (
            "한빛대학교 산학협력단(단장 윤도훈)이 협약을 맺었다.",
            ("윤도훈", "headOf", "한빛대학교 산학협력단"),
        ),
        ("[새길=한빛뉴스라인] 문서진 기자 = 시는 3일 밝혔다.", ("문서진", "worksFor", "한빛뉴스라인")),
        ("(새길포커스뉴스=문서진 기자) 시는 3일 밝혔다.", ("문서진", "worksFor", "새길포커스뉴스")),
    ],
)
def test_news_pattern_gives_triple(text, triple):
    assert triple in _triples(text)


def test_company_with_head_in_parentheses_stays_the_agent_of_its_investment():
    found = _triples(
        "반도체 업체 새길정밀(대표 박서준)은 평택 포승국가산업단지에 300억원을 투입해 공장을 짓는다."
    )
    assert ("새길정밀", "investsIn", "포승국가산업단지") in found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("시장은 12일 도미야마 겐타 사장과 만났다.", "도미야마 겐타"),
        ("그는 14일 누르잔 아이타코프 카자흐스탄 대통령과 회담했다.", "누르잔 아이타코프"),
        ("시장은 이어 응우옌 반 탄 인민위원장을 만났다.", "응우옌 반 탄"),
        ("박서준기자 psj@example.kr", "박서준"),
    ],
)
def test_person_of_several_words_or_in_a_byline_is_one_person(text, person):
    assert (person, "PERSON") in _entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "현지 업계 대표 등이 참석했다.",
        "협약식에는 고창군 유병태 군수가 참석했다.",
        "주요 기업 대표 10여 명이 모였다.",
    ],
)
def test_common_nouns_or_a_place_before_a_title_are_no_foreign_name(text):
    assert not any(" " in label and t == "PERSON" for label, t in _entities(text))


def test_former_holder_of_a_title_is_found():
    assert ("박서준", "PERSON") in _entities("이번 임명으로 박서준 전 원장이 물러났다.")


@pytest.mark.parametrize(
    "triple",
    [
        ("화성시", "signsAgreementWith", "다온푸드㈜"),
        ("㈜새길정밀", "investsIn", "화성시"),
        ("㈜한빛바이오", "investsIn", "화성시"),
    ],
)
def test_every_company_of_an_enumerated_investment_agreement_is_a_party(triple):
    text = (
        "화성시는 3일 ㈜새길정밀, ㈜한빛바이오, 다온푸드㈜ 등 3개 기업과 "
        "총 500억원 규모의 투자협약을 체결했다."
    )
    assert triple in _triples(text)


def test_company_invests_in_the_site_and_the_place_named_with_it():
    found = _triples("㈜다온푸드는 논산 가야곡농공단지에 350억원을 들여 공장을 세운다.")
    assert {("㈜다온푸드", "investsIn", "가야곡농공단지"), ("㈜다온푸드", "investsIn", "논산시")} <= found


def test_the_seat_of_a_company_is_no_investment_site():
    found = _triples("대전 유성구에 본사를 둔 ㈜다온푸드는 충남대에 30억원을 투자하기로 했다.")
    assert not any(p == "investsIn" and o in ("유성구", "대전광역시") for _s, p, o in found)


def test_headline_seeking_from_several_firms_names_the_firms_listed_later():
    text = (
        "충청남도, 3개 기업서 900억 투자 유치\n\n"
        "충청남도는 5일 도청에서 투자협약을 체결했다. "
        "협약에 참여한 기업은 ㈜새길정밀, ㈜한빛바이오, 다온푸드㈜ 등이다."
    )
    found = _triples(text)
    assert ("충청남도", "seeksInvestmentFrom", "㈜한빛바이오") in found


def test_japanese_name_with_its_hanja_is_one_person_even_when_the_family_name_is_a_city():
    assert ("다카하시 신지", "PERSON") in _entities("시장은 12일 다카하시 신지(高橋信二) 사장을 만났다.")


def test_host_of_a_meeting_meets_each_named_participant():
    text = (
        "한도윤 장관은 5일 서울에서 경제단체장들과 간담회를 가졌다. "
        "이날 간담회에는 오서진 새길상공회의소 회장과 문하람 한빛협회 회장이 참석했다."
    )
    found = _triples(text)
    assert {("한도윤", "meets", "오서진"), ("한도윤", "meets", "문하람")} <= found


def test_sitting_in_on_a_meeting_is_no_meeting():
    text = "한도윤 장관은 5일 오서진 회장과 면담했다. 면담에는 문하람 국장이 배석했다."
    assert not any(p == "meets" and "문하람" in (s, o) for s, p, o in _triples(text))


def test_member_named_in_a_delegation_accompanies_the_traveller_and_visits_the_stops():
    text = "오하늘 화성시장은 5일 미국 오스틴을 방문했다. 대표단에는 문하람 화성시의회 의원도 포함됐다."
    found = _triples(text)
    assert {("문하람", "accompanies", "오하늘"), ("문하람", "visits", "오스틴")} <= found


def test_the_party_of_a_person_travels_with_that_person():
    found = _triples("오하늘 화성시장은 5일 미국을 찾았다. 오 시장 일행은 이튿날 오스틴을 둘러봤다.")
    assert ("오하늘", "visits", "오스틴") in found


def test_byline_outlet_before_the_place_is_the_reporters_employer():
    assert ("문서진", "worksFor", "새길아침뉴스") in _triples(
        "【새길아침뉴스 밀양=문서진 기자】 시는 3일 밝혔다."
    )


def test_trained_ner_adds_a_person_without_a_title():
    assert ("김민준", "PERSON") in _entities("어제 김민준은 한빛전자 본사를 찾았다.")


def test_gazetteer_place_is_not_turned_into_a_person_by_the_ner():
    assert ("수원", "PERSON") not in _entities("어제 수원은 비가 많이 왔다.")


def test_agreement_with_a_joined_list_of_bodies_is_one_agreement_of_all_of_them():
    text = "화성시는 13일 경기도·한국도로공사·한빛대학교와 '스마트 교통 실증' 협약을 체결했다."
    found = _triples(text)
    assert {
        ("화성시", "signsAgreementWith", "한국도로공사"),
        ("경기도", "signsAgreementWith", "한빛대학교"),
        ("한국도로공사", "signsAgreementWith", "한빛대학교"),
    } <= found


def test_sister_cities_listed_together_are_not_sisters_of_each_other():
    text = "화성시는 13일 미국 오스틴, 일본 나라시와 자매결연 협약을 체결했다."
    found = _triples(text)
    assert ("화성시", "sisterCityOf", "오스틴") in found
    assert ("오스틴", "sisterCityOf", "나라시") not in found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("대사는 이날 춘천 한빛대학교를 찾았다.", ("한빛대학교", "locatedIn", "춘천시")),
        ("협약은 울산 북구·울주군 소재 기업을 돕는다.", ("울주군", "locatedIn", "울산광역시")),
    ],
)
def test_juxtaposed_body_or_listed_district_lies_in_the_place_before_it(text, triple):
    assert triple in _triples(text)


def test_a_countrys_own_body_is_not_located_by_juxtaposition():
    assert not any(p == "locatedIn" for _s, p, _o in _triples("미국 상무부는 3일 발표했다."))


def test_headline_seeking_from_a_firm_names_the_company_that_signs_later():
    text = (
        "충청남도, 美 소재기업서 1억달러 투자 유치\n\n"
        "충청남도는 5일 도청에서 ㈜새길머티리얼즈와 투자협약을 체결했다."
    )
    found = _triples(text)
    assert ("충청남도", "seeksInvestmentFrom", "㈜새길머티리얼즈") in found
    assert ("㈜새길머티리얼즈", "investsIn", "충청남도") in found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("총리는 응우옌 반 하이(Nguyễn Văn Hải) 부총리와 회담했다.", "응우옌 반 하이"),
        ("총리는 쩐 티 란(Trần Thị Lan) 의장을 만났다.", "쩐 티 란"),
    ],
)
def test_vietnamese_name_before_its_latin_spelling_is_whole(text, person):
    assert (person, "PERSON") in _entities(text)


def test_name_before_two_titles_in_a_row_is_a_person():
    assert ("문서진", "PERSON") in _entities("새길조선을 이끌어 온 문서진 대표이사 사장은 물러난다.")


def test_outlet_before_the_equals_sign_of_a_byline_is_the_outlet_not_the_place():
    text = "제목\n\n[새길포커스=경북청송 박서준 기자] 경북 김천시와 경상북도가 협약을 맺었다."
    assert ("박서준", "worksFor", "새길포커스") in _triples(text)
    assert ("경북청송", "ORG") not in _entities(text)


def test_reporter_works_for_the_one_outlet_named_on_another_line_of_the_byline():
    text = (
        "새길시는 13일 한빛시와 교류 협약을 맺었다.\n\n[호남새길일보] 영광/ 박서준기자\n"
        "psj@example.kr\n\n저작권자 © 호남새길일보 무단전재 및 재배포 금지\n"
    )
    assert ("박서준", "worksFor", "호남새길일보") in _triples(text)


def test_reporter_named_only_with_an_email_works_for_nobody():
    out = _out("새길시는 13일 한빛시와 교류 협약을 맺었다.\n박서준 기자 psj@saegil.kr")
    assert not [t for t in out.triples if t.predicate == "worksFor"]


def test_an_acronym_the_gazetteer_knows_is_a_mention_before_its_particle():
    found = _triples(
        "KOTRA는 13일 뮌헨에서 설명회를 열었다. KOTRA가 이날 유치한 투자는 ㈜새길정밀과 ㈜한빛금속 두 곳이다."
    )
    assert ("대한무역투자진흥공사", "seeksInvestmentFrom", "㈜한빛금속") in found


def test_a_word_of_a_foreign_name_that_is_also_a_place_is_the_person_before_a_title():
    found = _triples(
        "오하늘 단국대 부총장과 다카하시 료타 새길링크 대표이사가 협약서에 서명했다. "
        "다카하시 대표는 26일 한국을 찾았다."
    )
    assert ("다카하시 료타", "visits", "대한민국") in found
    # the partner listed with him in the sentence before does not travel with him
    assert ("오하늘", "visits", "대한민국") not in found


def test_the_word_before_an_envoys_country_is_no_name():
    entities = _entities("허진택 강원도지사는 7일 간볼드 주한 몽골 대사를 접견했다.")
    assert ("주한", "PERSON") not in entities


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("이날 협약식에는 ㈜새길정밀 대표 박서준씨가 참석했다.", ("박서준", "headOf", "㈜새길정밀")),
        ("새길대학교 총장 오하늘은 말했다.", ("오하늘", "headOf", "새길대학교")),
    ],
)
def test_a_title_between_the_body_and_the_name_is_held_in_the_body(text, triple):
    assert triple in _triples(text)


def test_a_list_of_name_body_title_items_keeps_each_title_with_its_own_name():
    found = _triples("간담회에는 박서준 한국무역협회 회장, 오하늘 중소기업중앙회 회장이 참석했다.")
    assert ("오하늘", "headOf", "한국무역협회") not in found
