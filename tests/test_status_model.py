"""The learned status model: features, training and loading, folds by article, the pipeline flag
(invented sentences only)."""

from __future__ import annotations

import json

import pytest
from newskg.extract import status as S
from newskg.extract.lexicon import load_lexicon
from newskg.extract.pipeline import Extractor, get_extractor
from newskg.extract.records import Article
from newskg.extract.relations import find_relations
from newskg.extract.unrealised import add_unrealised
from newskg.ontology.errors import PipelineError

PUB = "2024-05-10"
DONE = "포항시는 8일 ㈜가온전자와 업무협약을 체결했다."
PLANNED = "포항시는 오는 20일 ㈜가온전자와 업무협약을 체결할 예정이다."
FAILED = (
    "포항시는 8일 ㈜나래전자와 투자협약을 체결했다. 한편 같은 날 열릴 예정이던 ㈜가온전자와의 업무협약 "
    "체결식은 태풍으로 취소됐다."
)


def _facts(text: str) -> list:
    doc = get_extractor().doc(Article("t", text, published=PUB))
    return doc._.nkg_sents, doc._.nkg_found


def _signing(found: list, company: str = "㈜가온전자"):
    (f,) = [
        f
        for f in found
        if f.predicate == "signsAgreementWith" and company in (f.object.label, f.subject.label)
    ]
    return f


def _features(text: str) -> dict[str, float]:
    sents, found = _facts(text)
    return S.featurize(_signing(found), load_lexicon(), S._Context(sents, PUB))


def test_status_words_after_the_cue_are_features_of_their_window():
    assert "a:plan" in S.cue_features("체결할 예정이다", "a")
    assert "a:failed" in S.cue_features("협약은 무산됐다", "a")
    assert "a:postponed" in S.cue_features("다음 달로 연기됐다", "a")


def test_a_longer_status_word_hides_the_shorter_inside_it():
    got = S.cue_features("협약 체결을 추진 중이다", "w")
    assert "w:ongoing" in got
    assert "w:plan" not in got


def test_a_planned_signing_reads_the_plan_word_the_future_verb_and_the_coming_date():
    f = _features(PLANNED)
    assert f["rule_status=planned"] == 1.0
    assert f["near:plan"] == 1.0
    assert f["next_adn_l"] == 1.0  # "체결할": an ㄹ adnominal
    assert f["date_future"] == 1.0
    assert "last_past" not in f


def test_a_done_signing_reads_the_past_tense_and_a_past_date():
    f = _features(DONE)
    assert f["rule_status=done"] == 1.0
    assert f["last_past"] == 1.0
    assert f["date_past"] == 1.0
    assert not any(k.startswith("near:") for k in f)


def test_a_cancelled_signing_reads_the_failure_word():
    f = _features(FAILED)
    assert f["near:failed"] == 1.0
    assert f["before:plan"] == 1.0  # "열릴 예정이던 …": the relative clause before the cue


def test_without_a_publication_date_there_are_no_date_features():
    sents, found = _facts(PLANNED)
    f = S.featurize(_signing(found), load_lexicon(), S._Context(sents, None))
    assert not any(k.startswith("date_") for k in f)


def _toy_rows() -> list[tuple[dict[str, float], str]]:
    rows = []
    for _ in range(20):
        rows.append(({"bias": 1.0, "near:plan": 1.0}, "planned"))
        rows.append(({"bias": 1.0, "near:failed": 1.0}, "failed"))
        rows.append(({"bias": 1.0, "last_past": 1.0}, "done"))
        rows.append(({"bias": 1.0, "no_cue": 1.0}, "none"))
    return rows


def test_the_fitted_model_learns_each_status_from_its_feature():
    m = S.StatusModel(S.fit(_toy_rows()))
    for feat, status in (("near:plan", "planned"), ("near:failed", "failed"), ("last_past", "done")):
        pr = m.probs({"bias": 1.0, feat: 1.0})
        assert max(pr, key=pr.get) == status
    assert sum(m.probs({"bias": 1.0}).values()) == pytest.approx(1.0)


def test_a_saved_model_loads_with_the_same_probabilities_mode_and_threshold(tmp_path):
    m = S.StatusModel(S.fit(_toy_rows()), threshold=0.4, meta={"articles": 3}, mode="prune")
    path = tmp_path / "status.json"
    m.save(path)
    back = S.StatusModel.load(path)
    feats = {"bias": 1.0, "near:plan": 1.0}
    assert back.probs(feats) == pytest.approx(m.probs(feats))
    assert (back.threshold, back.mode, back.meta) == (0.4, "prune", {"articles": 3})


def test_a_damaged_model_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "status.json"
    path.write_text('{"weights": ', encoding="utf-8")
    with pytest.raises(PipelineError, match="status.json"):
        S.StatusModel.load(path)


def test_the_shipped_model_loads_and_was_trained_on_articles():
    m = S.load_status_model()
    assert m.meta["articles"] > 0
    assert set(m.weights) == set(S.STATUSES)


def test_folds_by_article_put_each_article_in_exactly_one_fold():
    stems = [f"news-x{i:02d}" for i in range(36)]
    folds = S.folds_by_article(stems + stems[:3], 5)  # a repeated stem is still one article
    assert len(folds) == 5
    flat = [s for fold in folds for s in fold]
    assert sorted(flat) == sorted(stems)
    assert {len(fold) for fold in folds} <= {7, 8}


class _Fixed(S.StatusModel):
    """A model whose probabilities are given, to check the decision alone."""

    def __init__(self, pr: dict[str, float], mode: str) -> None:
        super().__init__({}, 0.5, mode=mode)
        self.pr = pr

    def probs(self, feats: dict[str, float]) -> dict[str, float]:
        return self.pr


@pytest.mark.parametrize(
    ("mode", "pr", "rule", "want"),
    [
        ("promote", {"none": 0.1, "done": 0.2, "planned": 0.6, "failed": 0.1}, "done", "planned"),
        ("promote", {"none": 0.1, "done": 0.7, "planned": 0.1, "failed": 0.1}, "planned", "planned"),
        ("prune", {"none": 0.1, "done": 0.7, "planned": 0.1, "failed": 0.1}, "planned", None),
        ("full", {"none": 0.1, "done": 0.7, "planned": 0.1, "failed": 0.1}, "planned", "done"),
        ("full", {"none": 0.7, "done": 0.1, "planned": 0.1, "failed": 0.1}, "failed", None),
        ("full", {"none": 0.1, "done": 0.1, "planned": 0.2, "failed": 0.6}, "done", "failed"),
        ("full", {"none": 0.6, "done": 0.2, "planned": 0.1, "failed": 0.1}, "done", "done"),
    ],
)
def test_the_decision_of_each_mode(mode, pr, rule, want):
    sents, found = _facts(DONE)
    f = _signing(found)
    f.status = rule
    assert _Fixed(pr, mode).decide(f, pr) == want


def test_the_shipped_model_keeps_done_planned_and_failed_signings_of_invented_sentences():
    lex = load_lexicon()
    m = S.load_status_model()
    for text, want in ((DONE, "done"), (PLANNED, "planned"), (FAILED, "failed")):
        sents, found = _facts(text)
        f = _signing(m.restatus(sents, found, lex, PUB))
        assert f.status == want, text


def _triples(ex: Extractor, text: str) -> list[dict]:
    return ex.extract(Article("t", text, published=PUB)).to_json()["triples"]


def test_the_flag_off_gives_exactly_the_rules_output():
    ex = get_extractor()
    rf = ex.nlp.get_pipe("newskg_relations")
    assert rf.status is None  # pipeline.cfg: status_model = false
    for text in (DONE, PLANNED, FAILED):
        doc = ex.doc(Article("t", text, published=PUB))
        sents, ents = doc._.nkg_sents, doc._.nkg_ents
        rules = [f for f in add_unrealised(sents, find_relations(sents, ents, rf.lex)) if f.confidence >= 0.5]
        got = doc._.nkg_found
        assert [(f.subject.id, f.predicate, f.object.id, f.status) for f in got] == [
            (f.subject.id, f.predicate, f.object.id, f.status) for f in rules
        ]


def test_the_flag_on_runs_the_model_in_the_pipeline(tmp_path):
    ex = Extractor(scorer=False)
    rf = ex.nlp.get_pipe("newskg_relations")
    # a model that finds every fact failed, to see that the hook applies it
    rf.status = S.StatusModel({"failed": {"bias": 5.0}}, 0.5, mode="full")
    statuses = {t["status"] for t in _triples(ex, DONE) if t["predicate"] == "signsAgreementWith"}
    assert statuses == {"failed"}
    assert json.loads(json.dumps(S.load_status_model().to_json()))["mode"] in ("promote", "prune", "full")
