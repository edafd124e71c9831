"""The Extractor: one spaCy pipeline from pipeline.cfg, body spans only, offsets into the text as read."""

from __future__ import annotations

import json

import pytest
from newskg.extract.pipeline import EXTRACTOR_VERSION, Extractor, get_extractor
from newskg.extract.reader import read_text
from newskg.extract.records import Article


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return get_extractor()


@pytest.fixture(scope="module")
def seed(data_dir):
    g = json.loads((data_dir / "dev" / "dev-00-siheung.json").read_text(encoding="utf-8"))
    return read_text(g["text"], "dev-00-siheung")


def _triples(out):
    return {(out.entity(t.subject).label_en, t.predicate, out.entity(t.object).label_en) for t in out.triples}


def test_the_extractor_is_built_once(ex):
    assert get_extractor() is ex
    assert EXTRACTOR_VERSION.startswith("newskg-rules/")


def test_pipeline_order_comes_from_the_config(ex):
    assert ex.nlp.pipe_names == ["newskg_ner", "newskg_mentions", "newskg_entities", "newskg_relations"]
    assert type(ex.nlp.tokenizer).__name__ == "KiwiTokenizer"


def test_seed_gives_the_three_headline_triples_with_english_labels(ex, seed):
    found = _triples(ex.extract(seed))
    assert ("Siheung", "sisterCityOf", "San Diego") in found or (
        "San Diego",
        "sisterCityOf",
        "Siheung",
    ) in found
    assert ("Siheung", "seeksInvestmentFrom", "Shinsegae Simon") in found or any(
        s == "Siheung" and p == "seeksInvestmentFrom" for s, p, _o in found
    )
    assert ("Lim Byeong-taek", "visits", "Los Angeles") in found


def test_mentions_and_evidence_are_offsets_into_the_text_as_read(ex, seed):
    out = ex.extract(seed)
    text = seed.text
    for e in out.entities:
        for s, t in e.mentions:
            surface = text[s:t]
            assert surface, e
            assert (
                any(x and (x in surface or surface in x) for x in (e.label, *e.aliases))
                or e.type == "PERSON"
                or surface in ("시", "도")
                or " " in surface
            ), (e.label, surface)
    for t in out.triples:
        ev = t.evidence
        assert text[ev.start : ev.end] == ev.sentence


def test_only_the_body_is_analysed(ex, seed):
    # the ranking lists under the seed name 용인 and 송도; they are not the story
    labels = {e.label for e in ex.extract(seed).entities}
    assert "용인특례시" not in labels and "이상일" not in labels
    assert seed.body, "the reader marked the story's spans"


def test_body_spans_keep_offsets(ex):
    text = (
        "주요 메뉴 바로가기\n\n시흥시는 미국 샌디에이고와 자매결연을 맺었다.\n\n"
        "랭킹 뉴스 • 서울시는 파리를 방문했다."
    )
    start, end = text.index("시흥시는"), text.index("\n\n랭킹")
    out = ex.extract(Article("a", text, body=((start, end),)))
    assert {e.label for e in out.entities} == {"시흥시", "미국", "샌디에이고"}
    for e in out.entities:
        for s, _t in e.mentions:
            assert start <= s < end


def test_extract_many_keeps_the_order(ex):
    arts = [Article(f"a{i}", t) for i, t in enumerate(["시흥시는 13일 밝혔다.", "부산시는 14일 밝혔다."])]
    assert [x.doc for x in ex.extract_many(arts)] == ["a0", "a1"]


def test_an_empty_article_gives_an_empty_extraction(ex):
    out = ex.extract(Article("empty", ""))
    assert out.entities == () and out.triples == ()


def test_extractor_version_names_the_rules_it_runs(ex: Extractor) -> None:
    # a rule, gazetteer or cue change gives a new version, so builds re-extract stale articles
    base, _, fingerprint = ex.version.partition("+")
    assert base == EXTRACTOR_VERSION
    assert len(fingerprint) == 12 and int(fingerprint, 16) >= 0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("방문하여 저우밍", "저우밍"),
        ("하라다 겐이치 명예도민", "하라다 겐이치"),
        ("하라다 겐이치", "하라다 겐이치"),
    ],
)
def test_a_ner_person_loses_a_verb_form_before_it_and_a_common_noun_after_it(text, name):
    from newskg.extract.lexicon import load_lexicon
    from newskg.extract.pipeline import _trim_person, get_extractor

    doc = get_extractor().nlp.tokenizer.make_doc(text)
    s, e = _trim_person(doc[:], 0, len(text), load_lexicon())
    assert text[s:e] == name


def test_a_ner_person_whose_first_word_kiwi_splits_at_a_seeming_particle_is_kept_whole():
    from newskg.extract.lexicon import load_lexicon
    from newskg.extract.pipeline import _trim_person, get_extractor

    text = "엘리아나 부스토스"  # Kiwi reads 엘리아 + 나 (a particle) in the first word
    doc = get_extractor().nlp.tokenizer.make_doc(text)
    s, e = _trim_person(doc[:], 0, len(text), load_lexicon())
    assert text[s:e] == text
