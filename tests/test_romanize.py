"""Revised Romanization, person names as people write them, organisation names by suffix."""

from __future__ import annotations

import pytest
from newskg.extract.romanize import (
    compound_en,
    is_hangul,
    org_name_en,
    org_suffix,
    person_name_en,
    romanize,
    romanize_syllables,
    split_person_name,
)


@pytest.mark.parametrize(
    ("hangul", "roman"),
    [
        ("시흥", "Siheung"),
        ("경기", "Gyeonggi"),
        ("서울", "Seoul"),
        ("부산", "Busan"),
        ("대구", "Daegu"),
        ("인천", "Incheon"),
        ("광주", "Gwangju"),
        ("울산", "Ulsan"),
        ("제주", "Jeju"),
        ("충남", "Chungnam"),
        ("전북", "Jeonbuk"),
        ("경북", "Gyeongbuk"),
        ("청주", "Cheongju"),
        ("의정부", "Uijeongbu"),
        ("종로", "Jongno"),
        ("신라", "Silla"),
        ("울릉", "Ulleung"),
        ("강릉", "Gangneung"),
        ("백마", "Baengma"),
        ("철원", "Cheorwon"),
        ("밀양", "Miryang"),
        ("함안", "Haman"),
        ("독립", "Dongnip"),
        ("익산", "Iksan"),
        ("합천", "Hapcheon"),
        ("칠곡", "Chilgok"),
        ("대한민국", "Daehanminguk"),
        ("해운대", "Haeundae"),
        ("광명", "Gwangmyeong"),
        ("관악", "Gwanak"),
        ("동래", "Dongnae"),
        ("좋다", "Jota"),
        ("부산 해운대", "Busan Haeundae"),
        ("K-시흥", "K-siheung"),
    ],
)
def test_revised_romanization_with_sound_changes(hangul: str, roman: str) -> None:
    assert romanize(hangul) == roman


def test_syllables_romanise_without_sound_changes() -> None:
    assert romanize_syllables("병택") == ["byeong", "taek"]
    assert romanize_syllables("독립") == ["dok", "rip"]


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("임병택", "Lim Byeong-taek"),
        ("김동연", "Kim Dong-yeon"),
        ("이상묵", "Lee Sang-muk"),
        ("박정훈", "Park Jeong-hun"),
        ("최영길", "Choi Yeong-gil"),
        ("정하람", "Jung Ha-ram"),
        ("윤상철", "Yoon Sang-cheol"),
        ("류현진", "Yoo Hyeon-jin"),
        ("노재석", "Noh Jae-seok"),
        ("남궁민수", "Namgoong Min-su"),
        ("황보영", "Hwangbo Yeong"),
        ("제갈성렬", "Jegal Seong-ryeol"),
        ("선우용녀", "Sunwoo Yong-nyeo"),
        ("선우진", "Sun U-jin"),
        ("독고영재", "Dokgo Yeong-jae"),
        ("박", "Park"),
        ("최", "Choi"),
        ("김구", "Kim Gu"),
        ("Todd Gloria", "Todd Gloria"),
        ("토드 글로리아", "Todeu Geulloria"),
        ("응우옌반훙", "Eunguyenbanhung"),
        ("김 동연", "Kim Dong-yeon"),
    ],
)
def test_person_names_as_people_write_them(name: str, english: str) -> None:
    assert person_name_en(name) == english


def test_split_person_name() -> None:
    assert split_person_name("황보영수") == ("황보", "영수")
    assert split_person_name("김 동연") == ("김", "동연")


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("시흥시의회", "Siheung City Council"),
        ("경기도의회", "Gyeonggi-do Provincial Council"),
        ("충청북도의회", "Chungcheongbuk-do Provincial Council"),
        ("충북도의회", "Chungbuk Provincial Council"),
        ("부산시의회", "Busan Metropolitan Council"),
        ("서울시청", "Seoul Metropolitan Government"),
        ("처인구", "Cheoin District"),
        ("영암군", "Yeongam County"),
        ("기후현", "Gifu Prefecture"),
        ("오송읍", "Osong-eup"),
        ("삼성", "Samsung Group"),
        ("한성", "Hanseong"),
        ("샌디에이고시의회", "San Diego City Council"),
        ("창원상공회의소", "Changwon Chamber of Commerce and Industry"),
        ("요코하마상공회의소", "Yokohama Chamber of Commerce and Industry"),
        ("시흥시청", "Siheung City Hall"),
        ("울주군의회", "Ulju County Council"),
        ("충남대학교", "Chungnam National University"),  # listed in orgs.tsv
        ("목원대학교", "Mogwon University"),  # not listed: romanised stem + suffix
        ("한결반도체", "Hangyeol Semiconductor"),
        ("부산항만공사", "Busan Port Authority"),
        ("산업통상자원부", "Ministry of Trade, Industry and Energy"),
        ("한국전자통신연구원", "Electronics and Telecommunications Research Institute"),
        ("한국해운조합", "Korea Haeun Cooperative"),
        ("㈜대명케미칼", "Daemyeong Chemical"),
    ],
)
def test_org_names_use_the_gazetteer_else_stem_and_translated_suffix(name: str, english: str) -> None:
    assert org_name_en(name) == english


def test_org_suffix_is_longest_match() -> None:
    assert org_suffix("시흥시의회") == ("시흥", "시의회", "GovernmentOrganization")
    assert org_suffix("충남대학교병원") == ("충남", "대학교병원", "Organization")
    assert org_suffix("의회") is None


def test_is_hangul() -> None:
    assert is_hangul("가") and is_hangul("힣") and not is_hangul("ㄱ") and not is_hangul("a")


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("한빛모빌리티", "Hanbit Mobility"),  # romanised stem + loanword
        ("블루웨이브로지스틱스", "Blue Wave Logistics"),  # loanwords only
        ("다온오토모티브", "Daon Automotive"),
    ],
)
def test_compound_company_names_read_their_known_pieces(name: str, english: str) -> None:
    assert compound_en(name) == english


@pytest.mark.parametrize("name", ["한결", "가나다라", "ABC테크"])
def test_names_without_known_pieces_or_not_all_hangul_get_no_compound_reading(name: str) -> None:
    assert compound_en(name) is None


def test_a_site_of_a_known_body_keeps_the_body_english_name() -> None:
    assert org_name_en("고려대학교 세종캠퍼스") == "Korea University Sejong Campus"
