"""What the speed work keeps between calls gives the answers computed afresh (invented text only)."""

from __future__ import annotations

import pytest
from newskg.extract import relations as rel
from newskg.extract.korean import korean_from_rows, load_korean
from newskg.extract.lexicon import Lexicon, Role, load_lexicon
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article

_TEXT = (
    "[가람=새길일보 정하람 기자] 도해준 가람시장은 지난 5일 솔내시를 방문해 한누리 솔내시장과 면담했다.\n"
    "도해준 시장은 오는 7월 미국 오스틴을 방문할 예정이다.\n"
    "가람시는 누리군과 업무협약을 체결하려 했으나 협의가 결렬돼 체결하지 못했다.\n"
    "가람시는 경기도 남부에 있으며 솔내시는 충청남도에 있다."
)


def _analysed(text: str):
    """The sentences and entities of `text` as the relation step receives them (a fresh Doc)."""
    ex = get_extractor()
    doc = ex.nlp.tokenizer.make_doc(text, Article("t", text).body_spans())
    for name, proc in ex.nlp.pipeline:
        if name == "newskg_relations":
            break
        doc = proc(doc)
    return doc._.nkg_sents, doc._.nkg_ents


def _rows(found) -> list[tuple]:
    return [
        (f.subject.id, f.predicate, f.object.id, f.confidence, f.rule, f.status, f.sentence.index)
        for f in found
    ]


def test_relation_passes_sharing_sentence_results_find_what_each_pass_finds_alone():
    sents, ents = _analysed(_TEXT)
    shared = _rows(rel.find_relations(sents, ents))
    sents, ents = _analysed(_TEXT)  # the relation rules mark entities: start again from a fresh Doc
    alone = _rows(rel._find_all(sents, ents, load_lexicon()))  # no memo: every helper recomputed
    assert shared == alone
    assert any(row[5] == "planned" for row in shared)  # the planned pass ran and added its facts


def test_a_rule_run_once_per_article_gives_every_pass_its_additions():
    sents, _ents = _analysed(_TEXT)
    sent = next(
        s for s in sents if len({m.entity.id for m in s.mentions if m.type == "LOC" and m.entity}) >= 2
    )
    a, b = list({m.entity.id: m.entity for m in sent.mentions if m.type == "LOC" and m.entity}.values())[:2]
    runs = []

    def rule(sent, col, conf):
        runs.append(sent)
        col.add(a, "locatedIn", b, conf, sent, rule="test_rule")

    first, second = rel._Collector(), rel._Collector()
    token = rel._MEMO.set(rel._Memo())
    try:
        rel._once(rule, sent, first, 0.8)
        rel._once(rule, sent, second, 0.8)
    finally:
        rel._MEMO.reset(token)
    assert len(runs) == 1
    assert _rows(first.found.values()) == _rows(second.found.values())
    assert len(first.found) == 1


def test_a_rule_that_reads_the_facts_found_cannot_be_run_once_per_article():
    sents, _ents = _analysed(_TEXT)

    def reading_rule(sent, col):
        return col.found

    token = rel._MEMO.set(rel._Memo())
    try:
        with pytest.raises(AttributeError):
            rel._once(reading_rule, sents[0], rel._Collector())
    finally:
        rel._MEMO.reset(token)


def test_the_agent_of_a_clause_is_the_same_with_and_without_the_memo():
    sents, _ents = _analysed(_TEXT)
    carry = [object()]
    plain = [rel._agent(s, ci, carry) for s in sents for ci in range(len(s.clauses))]
    token = rel._MEMO.set(rel._Memo())
    try:
        memo = [rel._agent(s, ci, carry) for s in sents for ci in range(len(s.clauses))]
        again = [rel._agent(s, ci, carry) for s in sents for ci in range(len(s.clauses))]
    finally:
        rel._MEMO.reset(token)
    assert plain == memo == again
    assert any(x is carry for x in again)  # a clause without an agent of its own still carries


def test_a_particle_asked_twice_gets_the_case_of_the_first_case_it_starts_with():
    k = load_korean()
    assert [k.case_of(p) for p in ("에서는", "에서는", "가", "")] == ["loc", "loc", "subj", ""]
    base = korean_from_rows([["case", "에", "loc"], ["case", "에서", "src"]])
    assert base.case_of("에서") == base.case_of("에서") == "loc"  # file order wins, cached or not


def test_a_word_asked_twice_gets_the_same_role_it_ends_with():
    lex = Lexicon({"시장": Role("시장", "headOf"), "부시장": Role("부시장", "headOf")}, [], {}, {})
    lex.roles_by_len = ["부시장", "시장"]
    assert lex.role_suffix("가람부시장") is lex.role_suffix("가람부시장") is lex.roles["부시장"]
    assert lex.role_suffix("가람시청") is None
    assert lex.role_suffix("가람시청") is None
