"""The Kiwi tokenizer keeps the text: doc.text == text, token.idx is the source offset, merged morphemes."""

from __future__ import annotations

import pickle

import newskg.extract.tokenizer  # noqa: F401  (registers newskg.KiwiTokenizer.v1)
import pytest
import spacy
from newskg.extract.evaluate import read_klue
from newskg.extract.tokenizer import SKIP_TAG, KiwiTokenizer, doc_text, span_text, token_table

KLUE_NER = "klue/ner-dev.tsv"
KLUE_DP = "klue/dp-dev-300.tsv"


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "newskg.KiwiTokenizer.v1"}}})


def _dp_sentences(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## klue-dp"):
            yield line.split("\t", 1)[1]


def _check(doc, text):
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text
        assert tok.text  # no empty tokens


def test_every_klue_ner_sentence_keeps_its_text_and_offsets(nlp, data_dir):
    n = 0
    for _sid, text, _spans in read_klue(data_dir / KLUE_NER):
        _check(nlp(text), text)
        n += 1
    assert n > 400


def test_every_klue_dp_sentence_keeps_its_text_and_offsets(nlp, data_dir):
    texts = list(_dp_sentences(data_dir / KLUE_DP))
    assert len(texts) >= 250
    for text in texts:
        _check(nlp(text), text)


@pytest.mark.parametrize(
    ("text", "token", "tag"),
    [
        ("시장이 방문했다.", "했", "XSV+EP"),
        ("협약을 체결했다.", "했", "XSV+EP"),
        ("투자유치에 나선다고 밝혔다.", "나선다고", "VV+EC"),
    ],
)
def test_morphemes_sharing_characters_are_one_token(nlp, text, token, tag):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == token)
    assert tok.tag_ == tag


def test_tags_and_lemmas_are_kept(nlp):
    doc = nlp("임병택 시장이 미국을 방문했다.")
    assert [t.tag_ for t in doc][:3] == ["NNP", "NNG", "JKS"]
    assert next(t for t in doc if t.text == "방문").lemma_ == "방문"


def test_sentence_boundaries_come_from_kiwi(nlp):
    doc = nlp("시흥시는 13일 밝혔다. 임 시장은 미국을 방문했다.\n\n데일리임팩트")
    assert [s.text.strip() for s in doc.sents] == [
        "시흥시는 13일 밝혔다.",
        "임 시장은 미국을 방문했다.",
        "데일리임팩트",
    ]


def test_whitespace_runs_become_space_tokens(nlp):
    text = "시흥시는\n\n  미국을\xa0방문했다."
    doc = nlp(text)
    _check(doc, text)
    assert any(t.is_space for t in doc)


def test_text_outside_the_body_is_one_skipped_token_per_stretch(nlp):
    text = "메뉴 바로가기\n시흥시는 미국을 방문했다.\n랭킹 뉴스 • 기사"
    start = text.index("시흥")
    end = text.index("\n랭킹")
    doc = nlp.tokenizer.make_doc(text, [(start, end)])
    _check(doc, text)
    assert [t.text for t in doc if t.tag_ == SKIP_TAG] == ["메뉴 바로가기\n", "\n랭킹 뉴스 • 기사"]
    assert doc[1].is_sent_start


def test_tokenizer_pickles(nlp):
    tok = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert isinstance(tok, KiwiTokenizer)
    assert tok("시장이 왔다.").text == "시장이 왔다."


def test_token_table_matches_the_token_objects(nlp):
    text = "메뉴\n가람전자는  솔내시를\xa0방문했다.\n\n도해준 대표가 왔다.\n랭킹"
    doc = nlp.tokenizer.make_doc(text, [(text.index("가람"), text.index("\n랭킹"))])
    table = token_table(doc)
    assert table.starts == [t.idx for t in doc]
    assert table.texts == [t.text for t in doc]
    assert table.tags == [t.tag_ for t in doc]
    assert table.spaces == [bool(t.whitespace_) for t in doc]
    assert table.tag_parts == [tuple(t.tag_.split("+")) for t in doc]
    assert [table.texts[i].isspace() for i in range(len(doc))] == [t.is_space for t in doc]
    assert SKIP_TAG in table.tags and any(t.is_space for t in doc)


def test_cached_texts_equal_spacy_texts(nlp):
    text = "가람전자는 솔내시를 방문했다. 도해준 대표가  왔다. "
    doc = nlp(text)
    assert doc_text(doc) == doc.text
    for sent in doc.sents:
        assert span_text(sent) == sent.text
    assert span_text(doc[2:5]) == doc[2:5].text
    assert span_text(doc[3:3]) == ""
