"""A minister's title glued to a ministry no gazetteer knows, on invented sentences: "누리개발부장관"
is the head of the ministry 누리개발부; a department head ("영업부장") makes no ministry."""

from __future__ import annotations

from newskg.extract.korean import load_korean
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article


def test_ministry_titles_are_read_from_the_data_file():
    assert "장관" in load_korean().ministry_titles


def test_a_ministry_glued_to_its_ministers_title_is_a_body_he_heads():
    out = get_extractor().extract(Article("t", "이날 도하결 누리개발부장관이 협정에 서명했다."))
    assert ("누리개발부", "ORG") in {(e.label, e.type) for e in out.entities}
    heads = {
        (out.entity(t.subject).label, out.entity(t.object).label)
        for t in out.triples
        if t.predicate == "headOf"
    }
    assert ("도하결", "누리개발부") in heads, sorted(heads)


def test_a_department_heads_title_makes_no_ministry():
    labels = {
        (e.label, e.type) for e in get_extractor().extract(Article("t", "도하결 영업부장이 말했다.")).entities
    }
    assert not any(label.startswith("영업") for label, _ in labels), sorted(labels)
