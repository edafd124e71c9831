"""The relation rules are named in data/relation_rules.tsv: the code names a rule, the table gives
its predicate and confidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article
from newskg.extract.relations import rule_table, rules_from_rows
from newskg.ontology.errors import PipelineError

_SOURCE = Path(__file__).resolve().parents[1] / "extract" / "relations.py"


def test_every_rule_the_code_names_is_in_the_table_with_its_predicate():
    table = rule_table()
    calls = re.findall(r'by_rule\(\s*[^,]+,\s*"(\w+)",[^)]*?"([\w/]+)"', _SOURCE.read_text(encoding="utf-8"))
    assert len(calls) >= 40
    for pred, key in calls:
        assert key in table, key
        assert table[key].predicate == pred, key
    # the keys of conditional calls ("a" if … else "b") are found too
    named = set(re.findall(r'"(\w+(?:/\w+)?)"', _SOURCE.read_text(encoding="utf-8")))
    assert set(table) <= named, set(table) - named


def test_triples_carry_the_table_confidence_of_the_rule_that_found_them():
    # invented: a sister-city tie and a visit
    text = "평택시는 미국 오스틴과 자매결연을 맺었다. 박서진 평택시장은 오스틴을 방문했다."
    out = get_extractor().extract(Article("t-rules", text))
    by_name: dict[str, set[float]] = {}
    for r in rule_table().values():
        by_name.setdefault(r.name, set()).add(r.confidence)
    ruled = [t for t in out.triples if t.rule in by_name]
    assert {t.predicate for t in ruled} >= {"sisterCityOf", "visits"}
    for t in ruled:
        assert t.confidence in by_name[t.rule], t


def test_a_variant_key_records_the_rule_name_with_its_own_confidence():
    table = rule_table()
    assert table["sister_parties/strong"].name == "sister_parties"
    assert table["sister_parties/strong"].confidence > table["sister_parties"].confidence


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (["r1", "visits", "1.5", "too sure"], "not in"),
        (["r1", "visitz", "0.5", "no such predicate"], "unknown predicate"),
        (["r1", "visits", "0.5"], "needs rule"),
    ],
)
def test_a_bad_table_row_is_refused_with_the_file_and_the_reason(row, reason):
    with pytest.raises(PipelineError, match=f"relation_rules.tsv.*{reason}"):
        rules_from_rows([row])


def test_a_rule_listed_twice_is_refused():
    with pytest.raises(PipelineError, match="twice"):
        rules_from_rows([["r1", "visits", "0.5", "a"], ["r1", "visits", "0.6", "b"]])
