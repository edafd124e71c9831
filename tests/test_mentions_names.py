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
