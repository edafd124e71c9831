"""Mention rules for names no gazetteer knows, on invented sentences: unknown cities and counties
standing alone, and the words that only look like them."""

from __future__ import annotations

import pytest
from newskg.extract.pipeline import get_extractor
from newskg.extract.reader import read_text
from newskg.extract.records import Article


def _by_label(text: str):
    return {e.label: e for e in get_extractor().extract(Article("t", text)).entities}


def _read_labels(text: str):
    """Labels of the article as the reader gives it (body lines only)."""
    return {e.label: e for e in get_extractor().extract(read_text(text, "t")).entities}


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        ("한빛시는 12일 신규 공장을 준공했다고 밝혔다.", "한빛시", "City"),
        ('한빛시 관계자는 "교류를 넓히겠다"고 말했다.', "한빛시", "City"),
    ],
)
def test_an_unknown_city_standing_alone_is_a_place_not_a_person(text, label, cls):
    e = _by_label(text).get(label)
    assert e is not None, sorted(_by_label(text))
    assert (e.type, e.cls) == ("LOC", cls)


def test_a_name_ending_in_gu_that_reads_as_a_person_stays_a_person():
    e = _by_label('박성구 대표는 "투자를 늘리겠다"고 말했다.').get("박성구")
    assert e is not None and e.type == "PERSON"


@pytest.mark.parametrize("word", ["관광도시", "항구도시", "장군"])
def test_common_nouns_ending_like_a_place_are_no_place(word):
    labels = _by_label(f"그는 {word}를 둘러봤다.")
    assert word not in labels


def test_a_japanese_family_name_ending_in_si_is_no_city():
    labels = _by_label('오이시 겐타로 지사는 "교류를 넓히겠다"고 말했다.')
    assert "오이시" not in {label for label, e in labels.items() if e.type == "LOC"}


@pytest.mark.parametrize(
    "line",
    [
        "광주=박하늘 기자 haneul@hanbit.co.kr",
        "박하늘 기자 haneul@hanbit.co.kr",
        "/광주=박하늘기자 hn@hanbit.kr",
    ],
)
def test_a_reporter_line_with_an_address_at_the_end_of_the_story_is_read(line):
    text = "한빛시는 12일 새봄정밀과 투자협약을 맺었다고 밝혔다.\n\n" + line + "\n"
    e = _read_labels(text).get("박하늘")
    assert e is not None and e.type == "PERSON"


def test_a_line_of_addresses_alone_stays_out_of_the_story():
    text = "한빛시는 12일 새봄정밀과 투자협약을 맺었다고 밝혔다.\n\n제보 박하늘 haneul@hanbit.co.kr\n"
    assert "박하늘" not in _read_labels(text)


_COUNCIL_STORY = (
    "인제군은 12일 새봄제약 공장 착공식을 열었다. 이날 착공식에는 박서준 부군수, "
    "김하늘 군의회 의장, 오채린 새봄제약 회장 등이 참석했다. 정다온 군의회의장은 축사를 했다."
)


def test_a_council_written_bare_before_a_title_is_the_council_of_the_article_s_county():
    out = get_extractor().extract(Article("t", _COUNCIL_STORY))
    by_label = {e.label: e for e in out.entities}
    council = by_label.get("인제군의회")
    assert council is not None and council.type == "ORG", sorted(by_label)
    heads = {
        out.entity(t.subject).label for t in out.triples if t.predicate == "headOf" and t.object == council.id
    }
    assert heads == {"김하늘", "정다온"}


def test_a_deputy_county_head_is_a_person():
    e = _by_label(_COUNCIL_STORY).get("박서준")
    assert e is not None and e.type == "PERSON"


def test_a_bare_council_without_a_title_makes_no_council():
    labels = _by_label("인제군은 12일 새 조례를 공포했다. 이 조례는 시의회 의견 수렴을 거쳤다.")
    assert not [label for label in labels if label.endswith("의회")]


def test_a_site_type_written_after_its_name_is_one_site():
    e = _by_label("새봄정밀은 한빛 일반산업단지에 공장을 짓는다.").get("한빛 일반산업단지")
    assert e is not None and (e.type, e.cls) == ("LOC", "Facility")


def test_a_site_type_after_a_city_is_a_site_lying_in_that_city():
    out = get_extractor().extract(Article("t", "새봄정밀은 김제 국가산업단지에 공장을 짓는다."))
    by_label = {e.label: e for e in out.entities}
    site, city = by_label.get("김제 국가산업단지"), by_label.get("김제시")
    assert site is not None and city is not None, sorted(by_label)
    assert any(
        t.subject == site.id and t.predicate == "locatedIn" and t.object == city.id for t in out.triples
    )


@pytest.mark.parametrize(
    "text", ["회사는 인근 산업단지에 공장을 짓는다.", "시는 일반산업단지 조성을 추진한다."]
)
def test_a_site_type_after_a_common_noun_or_alone_is_no_site(text):
    assert not [label for label in _by_label(text) if label.endswith("산업단지")]


def test_the_short_form_of_an_industrial_complex_is_the_same_site():
    text = "다온바이오는 누리가람산단에 투자한다. 누리가람일반산업단지 부지에 공장을 짓는다."
    sites = [e for e in _by_label(text).values() if e.cls == "Facility"]
    assert [(e.label, "누리가람산단" in e.aliases) for e in sites] == [("누리가람일반산업단지", True)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("청솔바이오는 새봄면 한빛일반산단에 공장을 짓는다.", "새봄면"),
        ("퓨리온은 다온동 일원에 공장을 짓는다.", "다온동"),
        ("회사는 김제 남면 일대에 공장을 짓는다.", "남면"),
        ("회사는 가람면 누리리 부지에 공장을 짓는다.", "누리리"),
    ],
)
def test_a_town_or_village_beside_another_place_is_a_place(text, unit):
    e = _by_label(text).get(unit)
    assert e is not None and e.type == "LOC", sorted(_by_label(text))


def test_common_nouns_ending_like_a_town_are_no_place():
    labels = _by_label("두 기관은 협력 활동을 넓히고 관리 측면에서 일원화를 검토한다.")
    assert not [label for label in labels if label[-1:] in "읍면동리"]


@pytest.mark.parametrize(
    "text",
    ["이번 순방은 한일 지방정부 교류가 주춤한 가운데 이뤄졌다.", "연방정부와 중앙정부의 협의가 이어졌다."],
)
def test_a_kind_of_government_is_no_organisation(text):
    assert not [label for label in _by_label(text) if label.endswith("정부")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("그는 주한새봄국대사관을 찾아 협력을 논의했다.", "주한새봄국대사관"),
        ("면담에는 주한 가람국대사관의 참사관이 배석했다.", "주한 가람국대사관"),
    ],
)
def test_an_embassy_is_a_government_body(text, label):
    e = _by_label(text).get(label)
    assert e is not None and (e.type, e.cls) == ("ORG", "GovernmentOrganization"), sorted(_by_label(text))


def test_a_two_syllable_foreign_city_before_a_title_held_in_it_is_the_place():
    labels = _by_label('마크 리버스 덴버 시장은 "교류를 넓히겠다"고 말했다.')
    assert labels.get("마크 리버스") is not None and labels["마크 리버스"].type == "PERSON", sorted(labels)
    assert "마크 리버스 덴버" not in labels


def test_a_prefecture_council_is_a_government_body():
    e = _by_label("나라현의회 대표단이 한빛시를 찾았다.").get("나라현의회")
    assert e is not None and (e.type, e.cls) == ("ORG", "GovernmentOrganization")


def test_a_delegation_named_by_its_county_and_purpose_is_one_organisation():
    labels = _by_label("한빛군 우호대표단은 11월 12일 새봄시를 방문했다.")
    e = labels.get("한빛군 우호대표단")
    assert e is not None and e.type == "ORG", sorted(labels)
    assert labels.get("한빛군") is not None and labels["한빛군"].type == "LOC"


def test_a_bare_delegation_of_a_city_is_no_named_organisation():
    labels = _by_label("한빛시 대표단은 11월 12일 새봄시를 방문했다.")
    assert "한빛시 대표단" not in labels


@pytest.mark.parametrize("byline", ["[새봄펜=박하늘 기자]", "[새봄팩트|박하늘 기자] "])
def test_the_one_word_before_the_reporter_of_a_bracketed_byline_is_the_outlet(byline):
    out = get_extractor().extract(Article("t", byline + "오 시장이 25일 말했다."))
    by_label = {e.label: e for e in out.entities}
    outlet = next(iter(e for e in out.entities if e.type == "ORG"), None)
    assert outlet is not None and outlet.cls == "NewsMediaOrganization", sorted(by_label)
    assert any(t.predicate == "worksFor" and t.object == outlet.id for t in out.triples)


def test_a_city_before_the_reporter_of_a_bracketed_byline_is_the_dateline():
    labels = _by_label("[김제=박하늘 기자] 오 시장이 25일 말했다.")
    assert labels["김제시"].type == "LOC" and not [e for e in labels.values() if e.type == "ORG"]
