"""Everyday news words that a foreign place of the gazetteer shares (korean.tsv common_not_place):
never that place as a bare word, on invented sentences, while the place with its suffix stays."""

from __future__ import annotations

from newskg.extract.gazetteer import load_gazetteer
from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _labels(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in get_extractor().extract(Article("t", text)).entities}


def test_the_hand_list_is_read_from_the_data_file_and_marks_the_surface_ambiguous():
    assert "코로나" in load_korean().common_not_places
    assert load_gazetteer().is_ambiguous("코로나")
    assert "코로나" not in load_gazetteer().surfaces()


def test_the_everyday_word_is_no_place():
    labels = _labels("도해준 시장은 코로나로 경제가 침체됐다고 말했다.")
    assert not any(label.startswith("코로나") for label, _ in labels), sorted(labels)


def test_the_place_written_with_its_suffix_is_still_a_place():
    assert ("코로나시", "LOC") in _labels("도해준 시장은 코로나시를 방문했다.")
