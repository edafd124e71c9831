"""The trained CRF NER: shipped model, function API, spaCy component, training (invented text only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from newskg.extract import ner, ner_train

SENT = "어제 오후 윤하람은 친구들과 함께 공원을 걸었다."


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "newskg.KiwiTokenizer.v1"}}})
    nlp.add_pipe("newskg_ner")
    return nlp


def test_shipped_model_and_lexicon_load_from_the_installed_package():
    path = ner.default_model_path()
    assert path.parts[-3:] == ("extract", "models", ner.MODEL_NAME)  # also newskg/extract/ in a wheel
    assert path.is_file() and ner.lexicon_path(path).is_file()
    tagger = ner.get_tagger()
    assert tagger is ner.get_tagger()  # loaded once per process
    assert len(tagger.lexicon.names) > 1000


def test_finds_a_person_named_without_a_title():
    found = [(SENT[s:e], label) for s, e, label, _ in ner.find_entities(SENT)]
    assert ("윤하람", "PERSON") in found


@pytest.mark.parametrize("prefix", ["", "\n\n", "  [사진]\n"])
def test_spans_are_source_offsets_without_surrounding_space(prefix):
    body = SENT + "\n한빛전자 박서준 대표는 서울 강남구에서 기자들을 만났다."
    text = prefix + body
    spans = ner.find_entities(text)
    assert spans
    for s, e, label, score in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        assert label in ner.LABELS
        assert 0.0 < score <= 1.0
    shifted = {(s - len(prefix), e - len(prefix), lab) for s, e, lab, _ in spans}
    plain = {
        (s, e, lab)
        for s, e, lab, _ in ner.find_entities(
            SENT + "\n한빛전자 박서준 대표는 서울 강남구에서 기자들을 만났다."
        )
    }
    assert shifted == plain


def test_component_writes_typed_scored_spans_into_doc_spans(nlp):
    doc = nlp("한빛전자 박서준 대표는 어제 오후 윤하람과 서울 강남구에서 만났다.")
    group = doc.spans["ner"]
    assert len(group) >= 2
    assert len(group.attrs["scores"]) == len(group) == len(group.attrs["chars"])
    assert {sp.label_ for sp in group} <= set(ner.LABELS)
    assert ("윤하람", "PERSON") in {(sp.text, sp.label_) for sp in group}
    for sp, (s, e) in zip(group, group.attrs["chars"], strict=True):
        assert sp.start_char <= s < e <= sp.end_char  # widened to tokens at most, never narrowed
    starts = sorted((sp.start, sp.end) for sp in group)
    assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:], strict=False))  # no overlaps


def test_component_leaves_skipped_stretches_alone(nlp):
    text = "메뉴 윤하람 랭킹\n본문: 어제 윤하람은 공원을 걸었다."
    body = text.index("본문")
    doc = nlp.tokenizer.make_doc(text, spans=[(body, len(text))])
    doc = nlp.get_pipe("newskg_ner")(doc)
    assert all(sp.start_char >= body for sp in doc.spans["ner"])


def test_features_cover_every_token_and_mark_known_names():
    lex = ner.Lexicon({"한빛시": "LOC"}, ["윤"])
    text = "윤하람 한빛시 방문"
    feats = ner.token_features(text, [(0, 3, "NNP"), (4, 7, "NNP"), (8, 10, "NNG")], lex)
    assert len(feats) == 3
    assert "sn" in feats[0] and "gz=LOC-B" in feats[1] and "sb" in feats[2]
    assert not any(f.startswith("gz=") for f in feats[2])


def test_a_name_ending_inside_a_token_labels_the_whole_token():
    toks = [(0, 4, "NNP"), (4, 5, "JKS"), (6, 8, "NNG")]
    assert ner.token_labels(toks, [(0, 3, "LOC")]) == ["B-LOC", "O", "O"]
    assert ner.token_labels(toks, [(0, 5, "ORG"), (6, 8, "PERSON")]) == ["B-ORG", "I-ORG", "B-PERSON"]


def test_gold_names_project_onto_text_longest_first_and_not_inside_words():
    art = {
        "text": "한빛시청에서 한빛시 시장과 새한빛시 주민이 만났다.",
        "entities": [{"name": "한빛시", "type": "LOC"}, {"name": "한빛시청", "type": "LOC"}],
    }
    assert ner_train.project_names(art) == [(0, 4, "LOC"), (7, 10, "LOC")]


def test_gold_files_skip_the_blind_articles_by_name(tmp_path):
    for name in ("news-a01.json", "news-a10.json", "news-d12.json", "dev-03.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in ner_train.gold_files([tmp_path])] == ["dev-03.json", "news-a01.json"]


def test_training_on_a_tiny_invented_set_learns_its_names(tmp_path):
    arts = [
        {"id": f"a{i}", "text": text, "entities": ents}
        for i, (text, ents) in enumerate(
            [
                (
                    "강바다는 누리상사에 다닌다. 누리상사는 한빛시에 있다.",
                    [
                        {"name": "강바다", "type": "PERSON"},
                        {"name": "누리상사", "type": "ORG"},
                        {"name": "한빛시", "type": "LOC"},
                    ],
                ),
                (
                    "오늘 강바다가 한빛시를 떠났다. 누리상사 직원들이 배웅했다.",
                    [
                        {"name": "강바다", "type": "PERSON"},
                        {"name": "누리상사", "type": "ORG"},
                        {"name": "한빛시", "type": "LOC"},
                    ],
                ),
            ]
        )
    ] * 4
    out = tmp_path / "tiny.crfsuite"
    stats = ner_train.train(arts, out, klue=None, max_iterations=40)
    assert stats["sequences"] == 16 and out.is_file() and ner.lexicon_path(out).is_file()
    text = arts[0]["text"]
    found = {(text[s:e], lab) for s, e, lab, _ in ner.find_entities(text, model=out)}
    assert {("강바다", "PERSON"), ("누리상사", "ORG"), ("한빛시", "LOC")} <= found


def test_training_is_deterministic(tmp_path):
    art = {
        "id": "x",
        "text": "강바다는 누리상사에 다닌다.",
        "entities": [{"name": "강바다", "type": "PERSON"}, {"name": "누리상사", "type": "ORG"}],
    }
    a, b = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    ner_train.train([art] * 3, a, max_iterations=20)
    ner_train.train([art] * 3, b, max_iterations=20)
    assert a.read_bytes() == b.read_bytes()


def test_a_missing_model_file_is_a_pipeline_error_naming_it(tmp_path):
    from newskg.ontology.errors import PipelineError

    with pytest.raises(PipelineError, match="missing.crfsuite"):
        ner.NerTagger(tmp_path / "missing.crfsuite")


def test_eval_command_prints_scores_by_type(tmp_path, data_dir, capsys):
    blocks = (data_dir / "klue" / "ner-dev.tsv").read_text(encoding="utf-8").split("\n\n")[:20]
    small = tmp_path / "klue.tsv"
    small.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    assert ner_train.main(["eval", str(small)]) == 0
    out = capsys.readouterr().out
    assert all(k in out for k in ("overall", "PERSON", "ORG", "LOC"))
    json.dumps(ner_train.evaluate_klue(small))  # plain values


def test_unreadable_gold_article_is_an_input_error_naming_it(tmp_path):
    from newskg.ontology.errors import InputError

    bad = tmp_path / "broken.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="broken.json"):
        ner_train.load_articles([bad])


def test_model_readme_states_the_licence():
    readme = Path(ner.default_model_path()).with_name("README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in readme and "github.com/KLUE-benchmark/KLUE" in readme


def test_a_line_break_ends_a_sequence_so_no_span_crosses_it():
    text = "한빛전자 신제품 발표\n윤하람 기자\n오늘 윤하람은 공원을 걸었다."
    seqs = [text[s:e] for s, e, _toks in ner.doc_sentences(ner._tokenizer()(text))]
    assert seqs == ["한빛전자 신제품 발표", "윤하람 기자", "오늘 윤하람은 공원을 걸었다."]
    assert all("\n" not in text[s:e] for s, e, _l, _sc in ner.find_entities(text))


def test_cross_validation_holds_each_article_out_of_its_fold_model(tmp_path):
    names = ["강바다", "윤슬기", "한가람", "서누리"]
    arts = [
        {
            "id": f"a{i}",
            "text": f"{n}은 누리상사에 다닌다. 어제 {n}이 한빛시를 찾았다.",
            "entities": [
                {"name": n, "type": "PERSON"},
                {"name": "누리상사", "type": "ORG"},
                {"name": "한빛시", "type": "LOC"},
            ],
        }
        for i, n in enumerate(names)
    ]
    res = ner_train.cross_validate(arts, tmp_path, folds=2, max_iterations=20)
    assert res["articles"] == 4 and res["by_type"]["PERSON"]["gold"] == 8
    assert sorted(p.name for p in tmp_path.glob("*.crfsuite")) == ["fold0.crfsuite", "fold1.crfsuite"]
    assert ner_train.fold_of(arts, 2) == {"a0": 0, "a1": 1, "a2": 0, "a3": 1}


# --- merging NER spans into the pipeline's mentions (extract/pipeline.py `_add_ner`) ---


def _mentions_with_ner_spans(text, spans):
    """The mentions component run over `text` with hand-made NER spans [(surface, TYPE, score)],
    so the merge guards are checked independently of what the model predicts."""
    from newskg.extract.pipeline import get_extractor
    from spacy.tokens import Span

    ex = get_extractor()
    doc = ex.nlp.tokenizer(text)
    group = []
    for surface, kind, _score in spans:
        s = text.index(surface)
        span = doc.char_span(s, s + len(surface), label=kind)
        assert span is not None, surface
        group.append(Span(doc, span.start, span.end, label=kind))
    # the NER component's own spans are replaced, so only the hand-made ones are merged
    doc.spans["ner"] = group
    doc.spans["ner"].attrs["scores"] = [sc for _s, _k, sc in spans]
    doc.spans["ner"].attrs["chars"] = [(sp.start_char, sp.end_char) for sp in group]
    doc = ex.nlp.get_pipe("newskg_mentions")(doc)
    return {(m.text, m.type, m.rule) for s in doc._.nkg_sents for m in s.mentions}


def test_an_organisation_only_the_ner_finds_becomes_an_entity():
    from newskg.extract.pipeline import get_extractor
    from newskg.extract.records import Article

    out = get_extractor().extract(Article("x", "그는 지난해 한빛일렉트론에 입사했다."))
    assert [(e.label, e.type) for e in out.entities] == [("한빛일렉트론", "ORG")]


def test_ner_organisations_and_places_below_their_score_floor_are_left_out():
    text = "그는 지난해 한빛일렉트론에 입사했다."
    assert ("한빛일렉트론", "ORG", "ner") in _mentions_with_ner_spans(text, [("한빛일렉트론", "ORG", 0.95)])
    assert not _mentions_with_ner_spans(text, [("한빛일렉트론", "ORG", 0.6)])


def test_ner_organisations_join_from_the_organisation_floor_below_the_place_floor():
    text = "그는 지난해 가람일렉트론에 입사했다."
    assert ("가람일렉트론", "ORG", "ner") in _mentions_with_ner_spans(text, [("가람일렉트론", "ORG", 0.75)])


def test_common_nouns_the_ner_calls_an_organisation_are_no_mention():
    text = "정부는 이날 교류단의 새 대책을 내놓았다."
    found = _mentions_with_ner_spans(text, [("정부", "ORG", 0.99), ("교류단", "ORG", 0.99)])
    # 교류단 stays a short form of a delegation (resolved or dropped by the entity step), never a NER name
    assert {m for m in found if m[2] == "ner"} == set()


def test_a_ner_name_followed_by_punctuation_or_a_bound_noun_is_a_whole_word():
    found = _mentions_with_ner_spans("민서진!이 노래 정말 좋다", [("민서진", "PERSON", 0.99)])
    assert ("민서진", "PERSON", "ner") in found
    found = _mentions_with_ner_spans("배우 나하은씨가 상을 받았다.", [("나하은", "PERSON", 0.99)])
    assert ("나하은", "PERSON", "ner") in found


def test_a_ner_name_glued_to_a_following_noun_is_no_mention():
    text = "한빛일렉트론공장 앞에서 모였다."
    from newskg.extract.pipeline import get_extractor

    doc = get_extractor().nlp.tokenizer(text)
    assert [t.text for t in doc][:2] == ["한빛일렉트론", "공장"]  # the premise: two glued nouns
    assert not _mentions_with_ner_spans(text, [("한빛일렉트론", "ORG", 0.99)])


def test_one_foreign_looking_word_is_no_person_below_the_foreign_floor():
    text = "어제 노르반트가 새 공장을 열었다."
    assert not _mentions_with_ner_spans(text, [("노르반트", "PERSON", 0.75)])
    assert ("노르반트", "PERSON", "ner") in _mentions_with_ner_spans(text, [("노르반트", "PERSON", 0.9)])


def test_one_foreign_looking_word_after_a_role_word_is_a_person_below_the_foreign_floor():
    found = _mentions_with_ner_spans("이번 논문은 교수 노르반트의 신작이다.", [("노르반트", "PERSON", 0.7)])
    assert ("노르반트", "PERSON", "ner") in found
    text = "이번 논문은 교수의 노르반트 신작이다."
    assert not _mentions_with_ner_spans(text, [("노르반트", "PERSON", 0.7)])


def test_a_person_below_the_person_floor_is_left_out():
    text = "어제 윤하람은 공원을 걸었다."
    assert not _mentions_with_ner_spans(text, [("윤하람", "PERSON", 0.55)])
    assert ("윤하람", "PERSON", "ner") in _mentions_with_ner_spans(text, [("윤하람", "PERSON", 0.65)])


def test_a_person_glued_to_a_role_word_is_a_whole_word():
    from newskg.extract.pipeline import get_extractor

    text = "어제 노르반트교수가 상을 받았다."
    doc = get_extractor().nlp.tokenizer(text)
    assert "교수" in [t.text for t in doc]  # the premise: Kiwi splits the glued title off
    assert ("노르반트", "PERSON", "ner") in _mentions_with_ner_spans(text, [("노르반트", "PERSON", 0.9)])


def test_a_latin_acronym_needs_a_confident_ner_score():
    text = "그는 XQZT 본부를 찾았다."
    assert ("XQZT", "ORG", "ner") in _mentions_with_ner_spans(text, [("XQZT", "ORG", 0.95)])
    assert not _mentions_with_ner_spans(text, [("XQZT", "ORG", 0.85)])


def test_a_spaced_person_run_on_into_the_body_before_a_title_stops_before_the_body():
    text = "나카무라 소라 누리링크 대표이사가 서명했다."
    found = _mentions_with_ner_spans(text, [("나카무라 소라 누리링크", "PERSON", 0.9)])
    assert ("나카무라 소라", "PERSON") in {(t, k) for t, k, _rule in found}
    assert not any(t == "나카무라 소라 누리링크" for t, _k, _rule in found)
