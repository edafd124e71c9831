"""Titles of foreign officials (roles.tsv) that make the foreign name before them a person, on
invented sentences: a party secretary, an embassy's minister, a foreign minister."""

from __future__ import annotations

import pytest
from newskg.extract.lexicon import load_lexicon
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def _labels(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.type) for e in get_extractor().extract(Article("t", text)).entities}


@pytest.mark.parametrize("title", ["당서기", "총괄공사", "외무상", "주석"])
def test_foreign_titles_are_read_from_the_roles_file(title):
    assert load_lexicon().roles.get(title) is not None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("도해준 시장은 레 꽝 민 당서기와 만났다.", "레 꽝 민"),
        ("도해준 시장은 후쿠다 아키히로 총괄공사와 만났다.", "후쿠다 아키히로"),
        ("미나미 겐지 일본 외무상이 방한했다.", "미나미 겐지"),
    ],
)
def test_a_foreign_name_before_a_foreign_title_is_a_person(text, person):
    assert (person, "PERSON") in _labels(text)


def test_a_foreign_minister_heads_no_country():
    out = get_extractor().extract(Article("t", "미나미 겐지 일본 외무상이 방한했다."))
    heads = {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "headOf"
    }
    assert ("미나미 겐지", "일본") not in heads, sorted(heads)
