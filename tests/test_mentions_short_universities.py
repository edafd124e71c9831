"""Universities written short between a person and an academic title, on invented sentences:
"박지온 하담대 총장" is 박지온, head of 하담대, not two people; a name ending in 대 with no person
before it stays a name."""

from __future__ import annotations

import pytest
from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def test_university_titles_are_read_from_the_data_file():
    assert "총장" in load_korean().university_titles


@pytest.mark.parametrize(
    ("text", "person", "univ"),
    [
        ("박지온 하담대 총장이 협약식에 참석했다.", "박지온", "하담대"),
        ("행사에는 한서윤 서누리대 교수가 참석했다.", "한서윤", "서누리대"),
    ],
)
def test_a_short_university_between_a_name_and_its_title_is_the_body(text, person, univ):
    out = get_extractor().extract(Article("t", text))
    labels = {(e.label, e.type) for e in out.entities}
    assert (univ, "ORG") in labels, sorted(labels)
    assert (univ, "PERSON") not in labels, sorted(labels)
    assert (person, "PERSON") in labels, sorted(labels)


def test_the_person_heads_the_short_university():
    out = get_extractor().extract(Article("t", "박지온 하담대 총장이 협약식에 참석했다."))
    heads = {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "headOf"
    }
    assert ("박지온", "하담대") in heads, sorted(heads)


def test_a_name_ending_in_dae_alone_before_a_title_stays_a_person():
    labels = {
        (e.label, e.type) for e in get_extractor().extract(Article("t", "김민대 교수가 발표했다.")).entities
    }
    assert ("김민대", "ORG") not in labels, sorted(labels)
