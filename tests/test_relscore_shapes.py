"""The learned relation scorer's candidate shapes, features, model file and fold split, on invented
sentences and the invented gold articles of tests/data/relscore/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newskg.extract.lexicon import load_lexicon
from newskg.extract.pipeline import Extractor, get_extractor
from newskg.extract.records import Article
from newskg.extract.relations import Found
from newskg.extract.relfeatures import article_context, candidates, featurize
from newskg.extract.relscore import (
    Scorer,
    analyse_files,
    cross_validate_docs,
    decisions,
    folds_of,
    load_scorer,
    train_docs,
)

DATA = Path(__file__).parent / "data" / "relscore"


@pytest.fixture(scope="module")
def rules_only() -> Extractor:
    return Extractor(scorer=False)


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _doc(ex: Extractor, text: str):
    return ex.doc(Article("t", text))


def _ent(doc, label: str):
    return next(e for e in doc._.nkg_ents if e.label == label)


def _shapes(cands) -> dict[tuple[str, str, str], str]:
    return {(c.subject.label, c.predicate, c.object.label): c.shape for c in cands}


def test_members_listed_with_a_rule_object_share_its_subject(rules_only, lex):
    doc = _doc(rules_only, "김제시는 누리전자, 다온바이오, 솔빛화학 등 3개 기업을 선정했다.")
    sent = doc._.nkg_sents[0]
    city, first = _ent(doc, "김제시"), _ent(doc, "누리전자")
    shapes = _shapes(candidates(doc._.nkg_sents, [Found(city, "signsAgreementWith", first, 0.8, sent)], lex))
    assert shapes[("김제시", "signsAgreementWith", "누리전자")] == "rule"
    assert shapes[("김제시", "signsAgreementWith", "다온바이오")] == "listed"
    assert shapes[("김제시", "signsAgreementWith", "솔빛화학")] == "listed"


def test_a_sentence_without_an_agent_takes_the_agent_of_the_sentence_before(rules_only, lex):
    doc = _doc(rules_only, "김제시는 13일 누리전자와 협약을 맺었다.\n이어 텍사스대학교를 방문했다.")
    shapes = _shapes(candidates(doc._.nkg_sents, [], lex))
    assert shapes[("김제시", "visits", "텍사스대학교")] == "carry"


def test_an_article_seeking_investment_pairs_its_seeker_with_companies_sentences_apart(rules_only, lex):
    text = (
        "김제시가 기업 투자 유치에 나섰다.\n김제시는 13일 누리전자와 협약을 체결했다.\n"
        "다온바이오는 새 공장에 200억원을 투자한다."
    )
    doc = _doc(rules_only, text)
    shapes = _shapes(candidates(doc._.nkg_sents, [], lex))
    assert shapes[("김제시", "seeksInvestmentFrom", "다온바이오")] == "article"
    no_seeking = _doc(rules_only, text.replace("기업 투자 유치에", "새 사업에"))
    assert ("김제시", "seeksInvestmentFrom", "다온바이오") not in _shapes(
        candidates(no_seeking._.nkg_sents, [], lex)
    )


def test_a_pair_the_rules_found_planned_is_no_candidate(rules_only, lex):
    doc = _doc(rules_only, "누리전자는 김제시에 500억원을 투자한다.")
    sent = doc._.nkg_sents[0]
    firm, city = _ent(doc, "누리전자"), _ent(doc, "김제시")
    planned = Found(firm, "investsIn", city, 0.8, sent, "t", status="planned")
    assert ("누리전자", "investsIn", "김제시") in _shapes(candidates(doc._.nkg_sents, [], lex))
    assert ("누리전자", "investsIn", "김제시") not in _shapes(candidates(doc._.nkg_sents, [planned], lex))


def test_features_name_the_case_particles_clause_and_cue_of_the_pair(rules_only, lex):
    doc = _doc(rules_only, "누리전자는 김제시에 500억원을 투자한다.")
    sents, found = doc._.nkg_sents, doc._.nkg_rule_found
    c = next(c for c in candidates(sents, [], lex) if c.predicate == "investsIn")
    f = featurize(c, lex, article_context(sents, found))
    for name in ("scase=subj", "ocase=loc", "clauses<=0", "cue_after", "order=so", "shape=cue"):
        assert f[f"investsIn|{name}"] == 1.0
        assert f[name] == 1.0
    assert f["investsIn|cue=투자"] == 1.0
    assert "investsIn|rule_conf" not in f


@pytest.fixture(scope="module")
def gold_docs(rules_only):
    return analyse_files(sorted(DATA.glob("*.json")), rules_only)


def test_a_trained_scorer_round_trips_through_its_file(gold_docs, tmp_path):
    model = train_docs(list(gold_docs.values()), inner=2)
    path = tmp_path / "scorer.json"
    model.save(path)
    again = Scorer.from_json(json.loads(path.read_text(encoding="utf-8")))
    assert again.add == model.add and again.keep == model.keep
    assert again.add_at == model.add_at and again.keep_at == model.keep_at
    for d in gold_docs.values():
        assert decisions(again, d) == decisions(model, d)
        for r in d.rows:
            assert again.prob(r.feats, r.ruled) == pytest.approx(model.prob(r.feats, r.ruled))


def test_each_fold_model_is_trained_without_its_test_articles(gold_docs):
    stems = list(gold_docs)
    folds = folds_of(stems, 2)
    assert sorted(s for f in folds for s in f) == sorted(stems)
    cv = cross_validate_docs(gold_docs, [], folds=2)
    for f in cv["folds"]:
        assert f["test"] and not set(f["test"]) & set(f["trained_on"])
        assert set(f["test"]) | set(f["trained_on"]) == set(stems)
    assert set(cv["learned"]) == set(stems)


def test_learned_off_gives_exactly_the_rules_output(rules_only):
    text = "김하늘 사천시장이 10일 일본 오이타시를 찾아 누리전자와 투자협약을 맺었다."
    doc = _doc(rules_only, text)
    assert rules_only.nlp.get_pipe("newskg_relations").scorer is None
    assert doc._.nkg_found == doc._.nkg_rule_found
    # the shipped config keeps the scorer off: the default extractor's triples are the rules'
    default = get_extractor()
    assert default.nlp.get_pipe("newskg_relations").scorer is None
    got = default.extract(Article("t", text)).to_json()["triples"]
    assert got == rules_only.extract(Article("t", text)).to_json()["triples"]
    assert got and not any((t.get("rule") or "").startswith("learned:") for t in got)


def test_a_scorer_that_adds_and_drops_nothing_returns_the_rules_triples(rules_only, lex):
    doc = _doc(rules_only, "김하늘 사천시장이 10일 일본 오이타시를 찾았다.")
    found = doc._.nkg_rule_found
    assert found
    assert Scorer({}, {}, {}, {}).rescore(doc._.nkg_sents, found, lex) == found


def test_an_add_threshold_below_every_probability_adds_the_cue_pairs(rules_only, lex):
    doc = _doc(rules_only, "누리전자와 다온바이오는 김제시에 투자한다.")
    found = doc._.nkg_rule_found
    added = Scorer({"bias": 5.0}, {}, {"investsIn": 0.5}, {}).rescore(doc._.nkg_sents, found, lex)
    new = [f for f in added if f.rule.startswith("learned:")]
    assert new and all(f.predicate == "investsIn" and f.confidence > 0.99 for f in new)


def test_the_shipped_scorer_loads_offline_with_both_models():
    model = load_scorer()
    assert model.add and model.keep
    assert model.meta["articles"] > 0
    assert all(0.0 <= t <= 1.0 for t in model.keep_at.values())
