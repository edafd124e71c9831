"""The timeline, leads and investment named queries, and the CLI's readable timeline."""

from __future__ import annotations

import json

import pytest
from newskg.app.cli import main
from newskg.extract.records import Amount, Entity, Evidence, Extraction, Triple, When
from newskg.graph.build import add_extractions
from newskg.graph.sparql import query, run_named
from newskg.graph.store import open_store

from tests.graphdata import GRAPH_DATA, load


@pytest.fixture(scope="module")
def store():
    with open_store(":memory:") as s:
        add_extractions(s, [load("seed"), load("second"), load("plans")])
        yield s


def facts(rows) -> list[tuple]:
    keys = ("when", "end", "status", "subject_label", "predicate", "object_label")
    return [tuple(r[k] for k in keys) for r in rows]


def test_the_timeline_of_an_entity_is_in_date_order_with_spans_and_statuses(store):
    rows = run_named(store, "timeline", {"entity": "한빛시"}).to_dicts()
    assert facts(rows) == [
        ("2009", None, "done", "한빛시", "sisterCityOf", "보스턴"),
        ("2024-08-13", "2024-08-19", "done", "한빛시", "seeksInvestmentFrom", "㈜블루웨이브"),
        ("2024-08-14", None, "planned", "한빛시", "seeksInvestmentFrom", "㈜노스파인"),
        ("2024-09", None, "planned", "한빛시", "signsAgreementWith", "보스턴"),
    ]
    assert [r["dated"] for r in rows] == ["stated", "stated", "published", "stated"]


def test_the_timeline_carries_amounts_and_tie_kinds(store):
    rows = {r["object_label"]: r for r in run_named(store, "timeline", {"entity": "한빛시"}).to_dicts()}
    assert (rows["㈜블루웨이브"]["amount"], rows["㈜블루웨이브"]["currency"]) == (1e11, "KRW")
    assert (rows["㈜노스파인"]["amount"], rows["㈜블루웨이브"]["tie_kind"]) == (None, None)
    ties = run_named(store, "timeline", {"relation": "sisterCityOf"}).to_dicts()
    assert {(r["object_label"], r["tie_kind"]) for r in ties} == {
        ("보스턴", "friendship"),
        ("샌디에이고", "friendship"),
        ("샌디에이고시", "sister"),
    }


def test_the_timeline_leaves_out_undated_kinds_of_fact(store):
    rows = run_named(store, "timeline").to_dicts()
    assert rows and not {r["predicate"] for r in rows} & {"headOf", "worksFor", "locatedIn"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"relation": "visits", "status": "planned"}, {("김도윤", "토론토"), ("시흥", "샌디에이고시")}),
        ({"entity": "김도윤", "relation": "visits"}, {("김도윤", "보스턴"), ("김도윤", "토론토")}),
    ],
)
def test_the_timeline_filters_by_relation_and_status(store, params, expected):
    rows = run_named(store, "timeline", params).to_dicts()
    assert {(r["subject_label"], r["object_label"]) for r in rows} == expected


def test_leads_are_the_planned_and_failed_facts_newest_first(store):
    rows = run_named(store, "leads").to_dicts()
    assert {r["status"] for r in rows} == {"planned"}
    assert [r["when"] for r in rows] == sorted((r["when"] for r in rows), reverse=True)
    said = {(r["subject_label"], r["predicate"], r["object_label"]) for r in rows}
    assert ("김도윤", "visits", "토론토") in said


def test_leads_of_an_entity_and_by_status(store):
    rows = run_named(store, "leads", {"entity": "한빛시"}).to_dicts()
    assert {(r["predicate"], r["object_label"]) for r in rows} == {
        ("seeksInvestmentFrom", "㈜노스파인"),
        ("signsAgreementWith", "보스턴"),
    }
    assert not run_named(store, "leads", {"entity": "한빛시", "status": "failed"}).rows


PLACE = Entity("p", "한빛시", "Hanbit", "LOC", "City")
ACME = Entity("a", "㈜가온", "Gaon", "ORG", "Company")
BETA = Entity("b", "㈜나래", "Narae", "ORG", "Company")
GAMMA = Entity("g", "㈜다솜", "Dasom", "ORG", "Company")


def _invest(company: str, value: float, currency: str, start: int, status: str = "done") -> Triple:
    ev = Evidence("… 투자하기로 했다.", start, start + 10)
    return Triple(
        company,
        "investsIn",
        "p",
        0.9,
        ev,
        status=status,
        amount=Amount(value, currency),
        when=When("2024-08"),
    )


def test_investment_totals_per_place_direction_and_currency_count_each_done_pair_once():
    ex = Extraction(
        "doc-inv",
        (PLACE, ACME, BETA, GAMMA),
        (
            _invest("a", 1e10, "KRW", 0),
            _invest("a", 1e10, "KRW", 20),  # one pair told twice
            _invest("b", 5e9, "KRW", 40),
            _invest("g", 3e8, "USD", 60),
            _invest("g", 9e9, "KRW", 80, status="planned"),  # a lead: no part of the total
        ),
    )
    with open_store(":memory:") as s:
        add_extractions(s, [ex])
        rows = run_named(s, "investment", {"place": "한빛시"}).to_dicts()
    totals = {(r["company_ko"], r["status"], r["currency"]): r["total"] for r in rows}
    assert totals == {
        ("㈜가온", "done", "KRW"): 1.5e10,
        ("㈜나래", "done", "KRW"): 1.5e10,
        ("㈜다솜", "done", "USD"): 3e8,
        ("㈜다솜", "planned", "KRW"): None,
    }
    assert {(r["company_ko"], r["amount"]) for r in rows if r["status"] == "done"} == {
        ("㈜가온", 1e10),
        ("㈜나래", 5e9),
        ("㈜다솜", 3e8),
    }


@pytest.fixture()
def built(tmp_path) -> str:
    names = ("seed", "second", "plans")
    docs = [json.loads((GRAPH_DATA / f"{n}.json").read_text(encoding="utf-8")) for n in names]
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    path = tmp_path / "extractions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kg = str(tmp_path / "kg.oxigraph")
    assert main(["build", "--extractions", str(path), "--store", kg]) == 0
    return kg


def test_the_cli_prints_a_readable_timeline(built, capsys):
    capsys.readouterr()
    assert main(["query", "--named", "timeline", "--param", "entity=한빛시", "--store", built]) == 0
    out = capsys.readouterr().out.splitlines()
    trip = next(i for i, line in enumerate(out) if line.startswith("2024-08-13 – 2024-08-19"))
    assert "done" in out[trip] and "seeksInvestmentFrom ㈜블루웨이브  (100,000,000,000 KRW)" in out[trip]
    assert out[trip + 1].strip().startswith("“한빛시 김도윤 시장은 지난 13일부터 19일까지")
    assert out[0].startswith("2009 ") and "(우호도시)" in out[0]
    assert any(line.startswith("(2024-08-14)") and "planned" in line for line in out)


def test_the_cli_prints_leads_as_a_list_too(built, capsys):
    capsys.readouterr()
    assert main(["query", "--named", "leads", "--param", "entity=김도윤", "--store", built]) == 0
    out = capsys.readouterr().out
    assert "planned  김도윤 visits 토론토" in out


def test_a_stop_told_as_an_intention_is_a_lead_and_no_visit_in_the_graph(tmp_path, capsys):
    article = tmp_path / "trip.txt"
    article.write_text(
        "박정우 부산시장, 오사카 방문\n\n"
        "박정우 부산시장은 12일 오사카를 방문해 간사이 경제인들과 간담회를 가졌다. "
        "박 시장은 이어 도쿄로 이동해 현지 기업들에 투자를 요청할 계획이다.\n",
        encoding="utf-8",
    )
    kg = str(tmp_path / "kg.oxigraph")
    assert main(["build", str(article), "--store", kg, "--jobs", "1"]) == 0
    visited = "SELECT DISTINCT ?label WHERE { GRAPH ?g { ?p nkg:visits ?o . ?o rdfs:label ?label } }"
    with open_store(kg) as s:
        labels = {str(r["label"]) for r in query(s, visited).to_dicts()}
    assert "오사카" in labels
    assert "도쿄" not in labels
    capsys.readouterr()
    assert main(["query", "--named", "leads", "--param", "entity=박정우", "--store", kg]) == 0
    assert "planned  박정우 visits 도쿄" in capsys.readouterr().out
