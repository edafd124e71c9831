"""Features of the CRF NER from the lexicon (roles, name endings, surnames), the lexicon file round
trip, cross-validation on a KLUE-format file and the KLUE scoring figures (invented text only)."""

from __future__ import annotations

from newskg.extract import evaluate, ner, ner_train


def _lex():
    return ner.Lexicon({"한빛시": "LOC"}, ["박", "이"], ["대표", "시장"], ["대학교", "전자", "시"])


def test_a_role_word_marks_the_token_before_and_after_it():
    text = "박서준 대표 발언"
    f = ner.token_features(text, [(0, 3, "NNP"), (4, 6, "NNG"), (7, 9, "NNG")], _lex())
    assert "role+1" in f[0] and "role-1" not in f[0]
    assert "role-1" in f[2] and "role+1" not in f[2]


def test_a_role_two_tokens_on_across_a_name_marks_the_place_before_it():
    text = "한빛시 박서준 시장"
    f = ner.token_features(text, [(0, 3, "NNP"), (4, 7, "NNP"), (8, 10, "NNG")], _lex())
    assert "role+2" in f[0] and "role+1" in f[1]


def test_an_organisation_ending_marks_the_token_and_the_one_before_a_separate_ending():
    text = "누리대학교 누리 전자"
    f = ner.token_features(text, [(0, 5, "NNP"), (6, 8, "NNP"), (9, 11, "NNG")], _lex())
    assert "osfx" in f[0]
    assert "osfx+1" in f[1] and "osfx" not in f[1]


def test_a_one_syllable_ending_is_no_organisation_ending():
    f = ner.token_features("누리시", [(0, 3, "NNP")], _lex())
    assert "osfx" not in f[0]


def test_a_short_common_noun_starting_with_a_surname_is_marked_with_its_tag():
    f = ner.token_features("이수진 왔다", [(0, 3, "NNG"), (4, 6, "VV")], _lex())
    assert "sn2=NNG" in f[0] and "sn" not in f[0]
    f = ner.token_features("이수진 왔다", [(0, 3, "NNP"), (4, 6, "VV")], _lex())
    assert "sn" in f[0] and not any(x.startswith("sn2") for x in f[0])


def test_word_pairs_and_shapes_describe_the_neighbourhood():
    f = ner.token_features("ABC12 공장", [(0, 5, "SL"), (6, 8, "NNG")], _lex())
    assert "ww+=ABC12|공장" in f[0] and "ww-=ABC12|공장" in f[1]
    assert "sh=LLDD" in f[0] and "sh=HH" in f[1]


def test_a_known_name_next_door_is_a_feature_of_the_neighbour():
    f = ner.token_features("한빛시 누리", [(0, 3, "NNP"), (4, 6, "NNP")], _lex())
    assert "-1gz=LOC" in f[1] and not any(x.startswith("+1gz") for x in f[1])
    assert not any(x.startswith(("-1gz", "+1gz")) for x in f[0])


def test_the_lexicon_file_round_trips_names_surnames_roles_and_endings(tmp_path):
    lex = _lex()
    path = tmp_path / "m.lexicon.tsv"
    lex.write(path)
    back = ner.Lexicon.read(path)
    assert back.names == lex.names and back.surnames == lex.surnames
    assert back.roles == lex.roles and back.suffixes == lex.suffixes


def test_the_built_lexicon_carries_roles_and_endings_of_the_data_files():
    lex = ner_train.build_lexicon()
    assert "대표" in lex.roles and "대학교" in lex.suffixes and "김" in lex.surnames


def _klue_file(path, sentences):
    """A KLUE-NER style .tsv of invented sentences: [(text, [(start, end, KLUE tag)])]."""
    blocks = []
    for i, (text, spans) in enumerate(sentences):
        tags = ["O"] * len(text)
        for s, e, kind in spans:
            tags[s] = "B-" + kind
            for j in range(s + 1, e):
                tags[j] = "I-" + kind
        lines = [f"## klue-ner-v1_test_{i:05d}-invented\t{text}"]
        lines += [f"{ch}\t{tag}" for ch, tag in zip(text, tags, strict=True)]
        blocks.append("\n".join(lines))
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


def test_cross_validation_on_klue_sentences_scores_every_sentence_once(tmp_path):
    sents = [("강바다는 누리상사에 다닌다.", [(0, 3, "PS"), (5, 9, "OG")])] * 4
    sents += [("오늘 한빛시에 눈이 왔다.", [(3, 6, "LC")])] * 4
    path = _klue_file(tmp_path / "k.tsv", sents)
    res = ner_train.cross_validate_klue(path, folds=2, max_iterations=30)
    assert res["sentences"] == 8
    gold = {k: v["gold"] for k, v in res["by_type"].items()}
    assert gold == {"PERSON": 4, "ORG": 4, "LOC": 4}


def test_klue_scoring_reports_the_model_alone_and_the_merged_places_analysis(tmp_path):
    text = "누리국 새솔시에서 강바다를 만났다."
    path = _klue_file(tmp_path / "k.tsv", [(text, [(0, 7, "LC"), (10, 13, "PS")])])
    sid = "klue-ner-v1_test_00000-invented"
    pred = {
        "doc": sid,
        "entities": [
            {"type": "LOC", "mentions": [[0, 3]]},
            {"type": "LOC", "mentions": [[4, 7]]},
            {"type": "PERSON", "mentions": [[10, 13]]},
        ],
    }
    res = evaluate.score_klue(path, [pred], model_alone=False)
    assert res["by_type"]["LOC"]["tp"] == 0 and res["by_type"]["LOC"]["pred"] == 2
    merged = res["analysis_places_merged"]["by_type"]
    assert merged["LOC"]["tp"] == 1 and merged["LOC"]["pred"] == 1 and merged["PERSON"]["tp"] == 1
    assert "ner_model_alone" not in res
    res = evaluate.score_klue(path, [pred])
    assert res["ner_model_alone"]["mentions"]["gold"] == 2
