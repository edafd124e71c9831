"""The components talk through spaCy's own model: mentions in doc.spans, entities in doc.ents."""

from __future__ import annotations

import pytest
from newskg.extract.pipeline import MENTIONS_KEY, get_extractor, mention_group, mentions_of
from newskg.extract.records import Article

# invented: a city and a foreign city of the gazetteer, an unknown person and an unknown company
_TEXT = (
    "평택시는 미국 오스틴과 자매결연을 맺었다. 박서진 평택시장은 ㈜다온모빌리티와 협약을 맺었다. "
    "시는 투자를 기대했다."
)


@pytest.fixture(scope="module")
def ex():
    return get_extractor()


@pytest.fixture(scope="module")
def doc(ex):
    return ex.doc(Article("t-spacy", _TEXT))


def _run_until(ex, doc, last: str):
    for name, proc in ex.nlp.pipeline:
        doc = proc(doc)
        if name == last:
            return doc
    raise AssertionError(last)


def test_mention_spans_carry_the_type_and_the_gazetteer_key(doc):
    spans = {(sp.text, sp.label_, sp.kb_id_) for sp in doc.spans[MENTIONS_KEY]}
    assert ("오스틴", "LOC", "gn:4671654") in spans
    assert ("박서진", "PERSON", "") in spans  # no gazetteer knows the person
    assert ("㈜다온모빌리티", "ORG", "") in spans


def test_each_mention_span_covers_its_mention_object(doc):
    pairs = mentions_of(doc.spans[MENTIONS_KEY])
    assert pairs
    for sp, m in pairs:
        assert sp.label_ == m.type
        assert sp.start_char <= m.start < m.end <= sp.end_char


def test_doc_ents_hold_resolved_entities_with_the_article_entity_id(ex, doc):
    out = ex.extract(Article("t-spacy", _TEXT))
    ids = {e.id for e in out.entities}
    ents = list(doc.ents)
    assert ents
    assert all(sp.kb_id_ in ids for sp in ents)
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:], strict=False))  # no overlaps
    # the short form "시는" is an entity mention of the city the article is about
    city = next(sp.kb_id_ for sp in ents if sp.text == "평택시")
    assert any(sp.text == "시" and sp.kb_id_ == city for sp in ents)
    assert {sp.label_ for sp in ents} == {"PERSON", "ORG", "LOC"}


def test_the_entity_step_reads_its_mentions_from_the_span_group(ex):
    doc = ex.nlp.tokenizer.make_doc(_TEXT)
    doc = _run_until(ex, doc, "newskg_mentions")
    kept = [m for _sp, m in mentions_of(doc.spans[MENTIONS_KEY]) if m.type != "PERSON"]
    doc.spans[MENTIONS_KEY] = mention_group(doc, kept)  # the person removed from the spans only
    doc = ex.nlp.get_pipe("newskg_entities")(doc)
    types = {e.type for e in doc._.nkg_ents}
    assert "PERSON" not in types
    assert {"ORG", "LOC"} <= types
    assert all(sp.label_ != "PERSON" for sp in doc.ents)


def test_components_are_registered_under_versioned_factory_names(ex):
    factories = {name: ex.nlp.get_pipe_meta(name).factory for name in ex.nlp.pipe_names}
    assert factories["newskg_mentions"] == "newskg_mentions_v1"
    assert factories["newskg_entities"] == "newskg_entities_v1"
    assert factories["newskg_relations"] == "newskg_relations_v1"
