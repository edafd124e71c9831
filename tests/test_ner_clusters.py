"""Word clusters of the CRF NER: learned from unlabeled text, shipped next to the model, used as
features (invented text only)."""

from __future__ import annotations

import pytest
from newskg.extract import ner, ner_train
from newskg.ontology.errors import InputError, PipelineError

FRUITS = ["사과", "포도", "딸기", "수박"]
PLACES = ["한빛시", "새솔시", "누리군", "가람군"]


def _sentences() -> list[list[str]]:
    """Fruits and places in contexts of their own ("…를 먹었다" / "…에 갔다")."""
    out = []
    for f in FRUITS:
        for p in PLACES:
            out += [["나", "는", f, "를", "먹", "었다"], ["그", "는", p, "에", "갔", "다"]]
            out += [["오늘", f, "를", "샀", "다"], ["어제", p, "에서", "왔", "다"]]
    return out


def test_words_of_like_contexts_share_a_cluster_and_others_do_not():
    table = ner_train.build_clusters(_sentences(), min_count=2, levels=(6,), dim=8, contexts=50)
    fruit = {table[w] for w in FRUITS}
    place = {table[w] for w in PLACES}
    assert len(fruit) == 1 and len(place) == 1 and fruit != place


def test_cluster_building_is_deterministic():
    a = ner_train.build_clusters(_sentences(), min_count=2, levels=(3, 6), dim=8, contexts=50)
    b = ner_train.build_clusters(_sentences(), min_count=2, levels=(3, 6), dim=8, contexts=50)
    assert a == b and all(len(ids) == 2 for ids in a.values())


def test_rare_words_get_no_cluster_and_too_little_text_is_an_input_error():
    sents = [*_sentences(), ["한번만", "나온", "말"]]
    table = ner_train.build_clusters(sents, min_count=2, levels=(6,), dim=8, contexts=50)
    assert "한번만" not in table
    with pytest.raises(InputError, match="too little text"):
        ner_train.build_clusters([["가", "나"]], min_count=1, levels=(6,))


def test_cluster_features_name_the_token_its_neighbours_and_unknown_words():
    lex = ner.Lexicon({}, ["윤"], clusters={"윤하람": (1, 7), "교수": (2, 9)})
    text = "윤하람 교수 발언"
    feats = ner.token_features(text, [(0, 3, "NNP"), (4, 6, "NNG"), (7, 9, "NNG")], lex)
    assert {"c0=1", "c1=7", "+1c=9"} <= set(feats[0])
    assert {"c0=2", "c1=9", "-1c=7"} <= set(feats[1])
    assert "c=none" in feats[2] and "-1c=9" in feats[2]
    plain = ner.token_features(text, [(0, 3, "NNP"), (4, 6, "NNG"), (7, 9, "NNG")], ner.Lexicon({}, ["윤"]))
    assert not any(f.startswith(("c0=", "c=", "-1c=", "+1c=")) for f in plain[0] + plain[2])


def test_the_cluster_file_round_trips_and_a_bad_line_is_a_pipeline_error(tmp_path):
    path = tmp_path / "m.clusters.tsv"
    ner.write_clusters({"사과": (1, 4, 9), "한빛시": (0, 2, 3)}, path)
    assert ner.read_clusters(path) == {"사과": (1, 4, 9), "한빛시": (0, 2, 3)}
    path.write_text("사과\tone two\n", encoding="utf-8")
    with pytest.raises(PipelineError, match="m.clusters.tsv"):
        ner.read_clusters(path)


def test_unlabeled_text_comes_from_klue_dp_sentences_and_gold_text_but_not_blind_articles(tmp_path):
    dp = tmp_path / "dp.tsv"
    dp.write_text(
        "## 칼럼명 : INDEX\tWORD_FORM\n## klue-dp-v1_dev_00000_invented\t강바다는 공원을 걸었다.\n"
        "1\t강바다는\t강바다 는\tNNP+JX\t3\tNP_SBJ\n\n",
        encoding="utf-8",
    )
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "news-a01.json").write_text('{"id": "a", "text": "누리상사가 문을 열었다."}', encoding="utf-8")
    (gold / "news-a10.json").write_text("not json: a blind article is never read", encoding="utf-8")
    sents = ner_train.unlabeled_sentences(dp=[dp], gold=[gold])
    assert len(sents) == 2
    assert "".join(sents[0]) == "강바다는공원을걸었다." and "공원" in sents[0]
    assert "".join(sents[1]) == "누리상사가문을열었다."


def test_a_model_trained_with_clusters_ships_them_and_one_without_drops_a_stale_file(tmp_path):
    art = {
        "id": "x",
        "text": "강바다는 누리상사에 다닌다.",
        "entities": [{"name": "강바다", "type": "PERSON"}, {"name": "누리상사", "type": "ORG"}],
    }
    out = tmp_path / "m.crfsuite"
    ner_train.train([art] * 3, out, max_iterations=20, clusters={"강바다": (1, 2), "누리상사": (0, 3)})
    assert ner.read_clusters(ner.clusters_path(out)) == {"강바다": (1, 2), "누리상사": (0, 3)}
    assert ner.NerTagger(out).lexicon.clusters == {"강바다": (1, 2), "누리상사": (0, 3)}
    ner_train.train([art] * 3, out, max_iterations=20)
    assert not ner.clusters_path(out).exists()
    assert ner.NerTagger(out).lexicon.clusters == {}
