"""The Korean resources file drives the particles, cases, company marks and the name normaliser."""

from __future__ import annotations

from importlib import resources

import pytest
from newskg.extract.korean import korean_from_rows, load_korean, norm_label
from newskg.extract.mentions import is_particle
from newskg.extract.syntax import case_of
from newskg.ontology.errors import PipelineError


def _rows() -> list[list[str]]:
    text = resources.files("newskg.extract").joinpath("data", "korean.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_the_rules_read_particles_and_cases_from_the_resources_file():
    k = load_korean()
    assert is_particle("에서는") and is_particle("") and not is_particle("시장")
    assert case_of("에서는") == k.case_of("에서는") == "loc"
    assert case_of("와의") == "comp" and case_of("께서") == "subj"


def test_a_particle_left_out_of_the_file_no_longer_splits_off():
    rows = [r for r in _rows() if r[:2] != ["particle", "에서"]]
    assert korean_from_rows(_rows()).is_particle("에서는")
    assert not korean_from_rows(rows).is_particle("에서는")  # 에 + 서 + 는 is no particle chain
    assert korean_from_rows(rows).is_particle("에는")


def test_the_first_listed_case_the_particle_starts_with_wins():
    rows = [["case", "에", "loc"], ["case", "에서", "src"]]
    assert korean_from_rows(rows).case_of("에서") == "loc"
    assert korean_from_rows(list(reversed(rows))).case_of("에서") == "src"


def test_the_name_normaliser_drops_every_mark_listed_for_stripping():
    marks = load_korean().marks_for("strip")
    assert {"㈜", "(주)", "주식회사", "(재)"} <= set(marks)
    for mark in marks:
        assert norm_label(f"{mark}가온 정밀") == "가온정밀"
    rows = [r for r in _rows() if r[:2] != ["company_mark", "(재)"]]
    assert korean_from_rows(rows).strip_re.sub("", "(재)가온") == "(재)가온"


def test_a_mark_says_whether_it_makes_a_company_and_keeps_its_label():
    k = load_korean()
    assert "company" in k.marks["㈜"] and "company" not in k.marks["(재)"]
    assert "label" in k.marks["(재)"] and "label" not in k.marks["주식회사"]


def test_a_line_without_a_word_is_refused_with_the_file_name():
    with pytest.raises(PipelineError, match="korean.tsv"):
        korean_from_rows([["particle"]])
