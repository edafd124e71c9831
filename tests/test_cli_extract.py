"""`newskg extract` and `newskg evaluate` as a user runs them."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest
from newskg.app.cli import main

SEED_TEXT = (
    "[경기 시흥=데일리임팩트 이상묵 기자]시흥시는 임병택 시장이 김동연 경기도지사와 함께 미국 샌디에이고를 "
    "방문해 토드 글로리아 시장과 협력 방안을 논의하고, 로스앤젤레스로 이동해 "
    "㈜신세계사이먼과 1000억원 규모의 투자유치에 나선다고 13일 밝혔다.\n"
)


@pytest.fixture()
def seed_file(tmp_path):
    p = tmp_path / "seed.txt"
    p.write_text(SEED_TEXT, encoding="utf-8")
    return p


def test_json_is_one_object_per_article_a_line(seed_file, tmp_path, capsys):
    other = tmp_path / "more.jsonl"
    other.write_text(
        json.dumps({"id": "a1", "text": "부산시는 싱가포르를 방문했다."}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    assert main(["extract", str(seed_file), str(other), "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    objs = [json.loads(x) for x in lines]
    assert [o["doc"] for o in objs] == [str(seed_file), "a1"]
    for o in objs:
        assert set(o) == {"doc", "entities", "triples"}
        for e in o["entities"]:
            assert {"id", "label", "label_en", "type", "class", "aliases", "mentions"} <= set(e)
        for t in o["triples"]:
            assert {"subject", "predicate", "object", "confidence", "evidence"} <= set(t)


def test_table_shows_triples_with_english_labels(seed_file, capsys):
    assert main(["extract", str(seed_file), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert (
        "Siheung (시흥시)" in out
        and "seeksInvestmentFrom" in out
        and "Shinsegae Simon" in out
        or "Siheung (시흥시)" in out
        and "seeksInvestmentFrom" in out
    )
    assert "Lim Byeong-taek (임병택)" in out and "Los Angeles" in out


def test_an_unreadable_file_is_named_and_the_others_still_go_through(seed_file, tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert main(["extract", str(missing), str(broken), str(seed_file)]) == 1
    cap = capsys.readouterr()
    assert "missing.txt" in cap.err and "broken.jsonl" in cap.err
    assert [json.loads(x)["doc"] for x in cap.out.splitlines()] == [str(seed_file)]


def test_dash_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("시흥시는 샌디에이고와 자매결연을 맺었다."))
    assert main(["extract", "-", "--format", "json"]) == 0
    o = json.loads(capsys.readouterr().out)
    assert o["doc"] == "stdin" and any(t["predicate"] == "sisterCityOf" for t in o["triples"])


def test_evaluate_scores_gold_articles(data_dir, tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("dev-00-siheung.json", "dev-01-changwon-yokohama.json"):
        shutil.copy(data_dir / "dev" / name, gold / name)
    assert main(["evaluate", "--gold", str(gold), "--json", "--save", str(tmp_path / "p.jsonl")]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["articles"] == 2 and res["triples"]["f1"] > 0.5
    # the saved predictions give the same figures as the reference scorer
    ref = subprocess.run(
        [
            sys.executable,
            str(data_dir / "score.py"),
            "--gold",
            str(gold),
            "--pred",
            str(tmp_path / "p.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(ref.stdout) == res


def test_evaluate_klue_reports_mention_scores(data_dir, tmp_path, capsys):
    lines = (data_dir / "klue" / "ner-dev.tsv").read_text(encoding="utf-8").split("\n\n")[:30]
    small = tmp_path / "klue.tsv"
    small.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert main(["evaluate", "--klue", str(small), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert {"mentions", "by_type", "by_source", "ner_model_alone", "analysis_places_merged"} <= set(res)
    assert res["mentions"]["gold"] == res["ner_model_alone"]["mentions"]["gold"] > 0


@pytest.mark.parametrize("command", ["extract", "evaluate"])
def test_help_teaches_the_usage_with_examples(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"newskg {command}" in out


def test_the_installed_script_runs(seed_file):
    exe = shutil.which("newskg", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe
    out = subprocess.run(
        [exe, "extract", str(seed_file), "--format", "table"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "seeksInvestmentFrom" in out.stdout and "visits" in out.stdout
