"""Entities: gazetteer names, rule-found names, short forms resolved within the article, stable ids."""

from __future__ import annotations

import pytest
from newskg.extract.entities import entity_id
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _ents(text: str):
    return get_extractor().extract(Article("t", text)).entities


def _by_label(text: str):
    return {e.label: e for e in _ents(text)}


@pytest.mark.parametrize(
    ("text", "label", "type_", "cls"),
    [
        ("[경기 시흥=데일리임팩트 이상묵 기자] 시흥시는 13일 밝혔다.", "이상묵", "PERSON", "Person"),
        (
            "[경기 시흥=데일리임팩트 이상묵 기자] 시흥시는 13일 밝혔다.",
            "데일리임팩트",
            "ORG",
            "NewsMediaOrganization",
        ),
        ("시는 ㈜신세계사이먼과 협약을 맺었다.", "㈜신세계사이먼", "ORG", "Company"),
        ("충남대는 반도체 소재 전문기업 (주)한결반도체와 협약을 맺었다.", "(주)한결반도체", "ORG", "Company"),
        ("박 시장은 토드 글로리아(Todd Gloria) 시장과 만났다.", "토드 글로리아", "PERSON", "Person"),
        (
            "시는 싱가포르 물류기업 퍼시픽링크로지스틱스(Pacific Link Logistics)와 협약을 맺었다.",
            "퍼시픽링크로지스틱스",
            "ORG",
            "Company",
        ),
        ("이번 방문에는 이정숙 전주시의회 의장이 함께했다.", "전주시의회", "ORG", "GovernmentOrganization"),
        ("이번 방문에는 이정숙 전주시의회 의장이 함께했다.", "이정숙", "PERSON", "Person"),
        ("이 회사는 울산 울주군 온산국가산업단지에 투자한다.", "온산국가산업단지", "LOC", "Facility"),
        ("전주시, 伊 피렌체와 우호도시 협약", "이탈리아", "LOC", "Country"),
        ("일본 요코하마(横浜)시 대표단이 창원을 찾았다.", "요코하마", "LOC", "City"),
    ],
)
def test_names_of_korean_news_are_found_with_their_type(text, label, type_, cls):
    e = _by_label(text).get(label)
    assert e is not None, sorted(_by_label(text))
    assert (e.type, e.cls) == (type_, cls)


def test_english_labels_come_from_the_gazetteer_parentheses_or_romanisation():
    ents = _by_label(
        "[경기 시흥=데일리임팩트 이상묵 기자] 임병택 시흥시장은 마르코 벨리니(Marco Bellini) "
        "피렌체 시장과 샌디에이고를 방문했다."
    )
    assert ents["시흥시"].label_en == "Siheung"
    assert ents["샌디에이고"].label_en == "San Diego"
    assert ents["마르코 벨리니"].label_en == "Marco Bellini"
    assert ents["임병택"].label_en == "Lim Byeong-taek"


def test_places_carry_geonames_ids_and_coordinates():
    e = _by_label("시는 샌디에이고를 방문했다.")["샌디에이고"]
    assert e.geonames_id and e.lat and e.lon


@pytest.mark.parametrize(
    ("text", "short", "label"),
    [
        ("임병택 시흥시장은 13일 밝혔다. 임 시장은 미국을 방문했다.", "임 시장", "임병택"),
        ("시흥시는 13일 밝혔다. 시는 미국을 방문했다.", "시는", "시흥시"),
        ("경상북도는 13일 밝혔다. 도는 멕시코를 방문했다.", "도는", "경상북도"),
        ("울산시는 (주)대명케미칼과 협약을 맺었다. 이 회사는 울산에 투자한다.", "이 회사", "(주)대명케미칼"),
    ],
)
def test_short_forms_resolve_to_the_entity_of_the_article(text, short, label):
    e = _by_label(text)[label]
    start = text.rindex(short)
    assert any(s == start for s, _t in e.mentions), (short, e.mentions)


def test_company_with_and_without_its_mark_is_one_entity():
    ents = _ents("시는 ㈜신세계사이먼과 협약을 맺었다. 신세계사이먼은 투자를 늘린다.")
    same = [e for e in ents if "신세계사이먼" in e.label]
    assert len(same) == 1 and len(same[0].mentions) == 2


def test_both_cities_of_a_sister_city_story():
    out = get_extractor().extract(
        Article("t", "창원시는 일본 요코하마시 대표단을 맞았다. 양 도시는 1999년 자매결연을 맺었다.")
    )
    labels = {
        (out.entity(t.subject).label_en, out.entity(t.object).label_en)
        for t in out.triples
        if t.predicate == "sisterCityOf"
    }
    assert labels in ({("Changwon", "Yokohama")}, {("Yokohama", "Changwon")})


def test_a_foreign_place_is_labelled_as_the_text_spells_it():
    ents = _by_label("최영길 전주시장은 이탈리아 피렌체를 방문했다.")
    assert ents["피렌체"].label_en == "Florence"


def test_ids_are_stable_across_articles():
    a = {e.label: e.id for e in _ents("시흥시는 샌디에이고를 방문했다.")}
    b = {e.label: e.id for e in _ents("샌디에이고 대표단이 시흥시를 찾았다.")}
    assert a["시흥시"] == b["시흥시"] and a["샌디에이고"] == b["샌디에이고"]
    assert entity_id(None, "㈜신세계사이먼") == entity_id(None, "신세계사이먼")


def test_generic_words_are_never_aliases():
    for e in _ents("시흥시는 13일 밝혔다. 시는 미국을 방문했다."):
        assert "시" not in e.aliases and "도" not in e.aliases


def test_a_name_the_gazetteer_knows_in_one_place_is_one_entity_everywhere():
    ents = _ents(
        "강원대학교가 부품기업 ㈜한빛전자와 손잡는다. 강원대는 지난 5일 교내 본관에서 협약을 체결했다."
    )
    assert [e.label for e in ents if e.type == "ORG"].count("강원대학교") == 1


@pytest.mark.parametrize(
    ("text", "full"),
    [
        (
            "협약서에는 황보준 부산시장과 마르코 벨리니(Marco Bellini) 청솔전자 대표가 서명했다. "
            "협약식이 끝난 뒤 황보 시장은 벨리니 대표와 따로 만나 방안을 논의했다.",
            ("황보준", "마르코 벨리니"),
        ),
        (
            "청솔대는 첸위밍(陳宇明) 타이룽 회장 등이 참석한 가운데 협약을 체결했다. "
            "첸 회장은 처음 광주를 찾았다.",
            ("첸위밍",),
        ),
    ],
)
def test_a_surname_or_last_name_with_a_title_is_the_person_met_before(text, full):
    people = [e.label for e in _ents(text) if e.type == "PERSON"]
    assert sorted(people) == sorted(full)


def test_the_last_word_of_a_foreign_name_with_a_title_is_no_new_person():
    ents = _ents(
        "해양수산부는 김민재 장관이 방한한 마리아 안수린(Maria Ansurin) 필리핀 교통부 장관을 만났다. "
        "김 장관과 안수린 장관은 이날 면담에서 의견을 같이했다."
    )
    assert sorted(e.label for e in ents if e.type == "PERSON") == ["김민재", "마리아 안수린"]


def test_every_triple_end_is_an_entity_of_the_article():
    out = get_extractor().extract(
        Article("t", "이번 방문에는 안나 로시(Anna Rossi) 밀라노시의회 의장이 동행했다.")
    )
    ids = {e.id for e in out.entities}
    assert out.triples
    assert all(t.subject in ids and t.object in ids for t in out.triples)


def test_an_abbreviation_of_an_organisation_of_the_article_is_that_organisation():
    labels = _by_label(
        "한빛경제자유구역청은 3개 기업과 협약을 맺었다. 한빛경자청은 전담 인력을 붙이기로 했다."
    )
    assert "한빛경자청" not in labels
    assert "한빛경자청" in labels["한빛경제자유구역청"].aliases


def test_a_body_of_the_same_kind_with_the_same_start_stays_another_body():
    labels = _by_label("한빛과학대학교는 한빛대학교와 협약을 맺었다.")
    assert {"한빛과학대학교", "한빛대학교"} <= set(labels)
