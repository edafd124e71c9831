"""Mention rules for names no gazetteer knows, on invented sentences: unknown cities and counties
standing alone, and the words that only look like them."""

from __future__ import annotations

import pytest
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _by_label(text: str):
    return {e.label: e for e in get_extractor().extract(Article("t", text)).entities}


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
