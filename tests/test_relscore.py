"""The learned relation scorer: fitting, the shipped model, the blind split by name."""

from __future__ import annotations

from newskg.extract.eval_report import blind_files
from newskg.extract.lexicon import load_lexicon
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article
from newskg.extract.relscore import BLIND, Scorer, candidates, featurize, fit, load_scorer


def test_fit_separates_a_feature_that_decides_the_label():
    rows = [({"bias": 1.0, "good": 1.0}, 1)] * 20 + [({"bias": 1.0, "bad": 1.0}, 0)] * 20
    model = Scorer(fit(rows))
    assert model.prob({"bias": 1.0, "good": 1.0}) > 0.8
    assert model.prob({"bias": 1.0, "bad": 1.0}) < 0.2


def test_shipped_model_loads_and_scores_the_candidates_of_a_sentence():
    ex = get_extractor()
    doc = ex.doc(Article("t", "임병택 시흥시장은 미국 샌디에이고를 방문해 토드 글로리아 시장과 만났다."))
    lex = load_lexicon()
    cands = candidates(doc._.nkg_sents, doc._.nkg_rule_found, lex)
    assert any(c.predicate == "visits" and c.found is not None for c in cands)
    probs = [load_scorer().prob(featurize(c, lex)) for c in cands]
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert load_scorer().meta["articles"] > 0


def test_blind_part_is_chosen_by_name(tmp_path):
    for stem in ("news-a09", "news-a10", "news-b12", "news-d13", "news-c11"):
        (tmp_path / f"{stem}.json").write_text("not read", encoding="utf-8")
    assert [f.stem for f in blind_files(tmp_path)] == ["news-a10", "news-b12", "news-c11"]
    assert not BLIND.match("news-a01")
