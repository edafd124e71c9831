"""City halls of cities the gazetteer does not know, on invented sentences: a venue (LOC) like the
hall of a known city, while other unknown names ending in 청 stay bodies."""

from __future__ import annotations

import pytest
from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _labels(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in get_extractor().extract(Article("t", text)).entities}


def test_hall_endings_are_read_from_the_data_file():
    assert "시청" in load_korean().hall_ends


@pytest.mark.parametrize(
    ("text", "hall"),
    [
        ("도해준 시장은 솔내시청을 방문했다.", "솔내시청"),
        ("대표단은 가람특례시청을 찾았다.", "가람특례시청"),
        ("방문단은 다음날 누리군청을 찾았다.", "누리군청"),
    ],
)
def test_the_hall_of_an_unknown_city_is_a_place(text, hall):
    labels = _labels(text)
    assert (hall, "LOC") in labels, sorted(labels)
    assert (hall, "ORG") not in labels, sorted(labels)


def test_an_unknown_agency_ending_in_cheong_stays_a_body():
    labels = _labels("도해준 청장은 가람조달청 직원들과 만났다.")
    assert ("가람조달청", "ORG") in labels, sorted(labels)
