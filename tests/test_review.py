"""Reviews as RDF (graph/review.py) and `newskg review`: newest verdict wins, reviews survive a
rebuild, travel with exports, and rejected facts leave the named queries and `newskg query`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from newskg.graph import review
from newskg.graph.build import add_extractions
from newskg.graph.export import RdfFormat, export
from newskg.graph.sparql import run_named
from newskg.graph.store import open_store
from newskg.ontology.errors import InputError

from tests.graphdata import load, seed_and_second

ROOT = Path(__file__).resolve().parents[1]
SIHEUNG = "https://w3id.org/newskg/entity/kr-KR-41-siheung-si"
SAN_DIEGO = "https://w3id.org/newskg/entity/gn5391811"


def partners(kg, **params) -> set[tuple[str, str]]:
    rows = run_named(kg, "partners", {"place": SIHEUNG, **params}).to_dicts()
    return {(r["relation"], r["partner"]) for r in rows}


def test_a_review_records_who_when_what_and_why_as_prov() -> None:
    with seed_and_second() as kg:
        iri = review.record_fact(
            kg,
            SIHEUNG,
            "sisterCityOf",
            SAN_DIEGO,
            "rejected",
            who="정리 담당",
            comment="a friendship tie, not a sister city",
        )
        (r,) = review.reviews(kg)
        assert (r.iri, r.verdict, r.who, r.comment) == (
            iri,
            "rejected",
            "정리 담당",
            "a friendship tie, not a sister city",
        )
        assert (r.subject, r.predicate, r.object) == (SIHEUNG, "sisterCityOf", SAN_DIEGO)
        assert r.when.startswith("20") and r.when.endswith("Z")
        from newskg.graph.sparql import query

        assert query(
            kg,
            f"ASK {{ GRAPH <{review.REVIEW_GRAPH}> {{ <{iri}> a prov:Activity ; "
            f"prov:wasAssociatedWith ?a . ?a a prov:Agent }} }}",
        ).boolean


def test_the_newest_review_of_a_fact_replaces_the_earlier_one() -> None:
    with seed_and_second() as kg:
        review.record_fact(kg, SIHEUNG, "sisterCityOf", SAN_DIEGO, "rejected")
        assert ("sisterCityOf", SAN_DIEGO) not in partners(kg)
        review.record_fact(kg, SAN_DIEGO, "sisterCityOf", SIHEUNG, "confirmed")  # symmetric: either way
        assert ("sisterCityOf", SAN_DIEGO) in partners(kg)
        verdicts = [(r.verdict, r.current) for r in review.reviews(kg)]
        assert sorted(verdicts) == [("confirmed", True), ("rejected", False)]
        assert [r.verdict for r in review.reviews(kg, current_only=True)] == ["confirmed"]


def test_named_queries_leave_a_rejected_fact_out_unless_asked() -> None:
    with seed_and_second() as kg:
        review.record_fact(kg, SAN_DIEGO, "signsAgreementWith", SIHEUNG, "rejected")
        assert partners(kg) == {("sisterCityOf", SAN_DIEGO)}
        assert ("signsAgreementWith", SAN_DIEGO) in partners(kg, show_rejected="yes")
        facts = run_named(kg, "facts", {"entity": SIHEUNG}).to_dicts()
        assert not [r for r in facts if r["predicate"] == "signsAgreementWith"]


def test_reviews_survive_a_rebuild_and_a_rebuild_does_not_resurrect_the_fact() -> None:
    with seed_and_second() as kg:
        review.record_fact(kg, SIHEUNG, "sisterCityOf", SAN_DIEGO, "rejected")
        report = add_extractions(kg, [load("seed"), load("second")], force=True)
        assert len(report.articles) == 2
        assert len(review.reviews(kg)) == 1 and ("sisterCityOf", SAN_DIEGO) not in partners(kg)


def test_reviews_travel_with_an_export_of_the_dataset() -> None:
    with seed_and_second() as kg:
        review.record_fact(kg, SIHEUNG, "sisterCityOf", SAN_DIEGO, "rejected", comment="no")
        buf = io.BytesIO()
        export(kg, RdfFormat.NQUADS, buf)
        assert f"<{review.REVIEW_GRAPH}> .".encode() in buf.getvalue()
        text = review.export_reviews(kg)
        with open_store(":memory:") as other:
            other.update(f"INSERT DATA {{ {_as_graph_block(text)} }}")
            assert [r.comment for r in review.reviews(other)] == ["no"]


def _as_graph_block(nquads: str) -> str:
    lines = [line.rsplit(" <", 1)[0] + " ." for line in nquads.splitlines()]
    return f"GRAPH <{review.REVIEW_GRAPH}> {{ {chr(10).join(lines)} }}"


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (review.record_fact, (SIHEUNG, "sisterCityOf", SAN_DIEGO, "maybe")),
        (review.record_fact, (SIHEUNG, "likes", SAN_DIEGO, "rejected")),
        (review.record_fact, (SIHEUNG + "> } ; DROP ALL ; {", "visits", SAN_DIEGO, "rejected")),
        (review.record_rename, (SIHEUNG, "  ", "ko")),
        (review.record_merge, (SIHEUNG, SIHEUNG)),
    ],
)
def test_bad_reviews_are_refused(call, args) -> None:
    with seed_and_second() as kg, pytest.raises(InputError):
        call(kg, *args)


def _newskg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newskg.app.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_review_cli_lists_and_exports_and_query_leaves_the_rejected_fact_out(tmp_path: Path) -> None:
    store = str(tmp_path / "kg.oxigraph")
    with open_store(store) as kg:
        add_extractions(kg, [load("seed"), load("second")])
        review.record_fact(kg, SIHEUNG, "sisterCityOf", SAN_DIEGO, "rejected", who="kim", comment="misread")
    listed = _newskg("review", "list", "--store", store, "--format", "json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert (row["verdict"], row["who"], row["predicate"], row["comment"]) == (
        "rejected",
        "kim",
        "sisterCityOf",
        "misread",
    )
    table = _newskg("review", "list", "--store", store)
    assert "rejected" in table.stdout and "(1 review)" in table.stdout
    out = tmp_path / "reviews.nq"
    assert _newskg("review", "export", "--store", store, "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").count(f"<{review.REVIEW_GRAPH}> .") > 5
    q = _newskg(
        "query", "--store", store, "--named", "partners", "--param", "place=시흥시", "--format", "json"
    )
    assert q.returncode == 0, q.stderr
    assert {r["relation"] for r in json.loads(q.stdout)} == {"signsAgreementWith"}


FACT_COLUMNS = {  # named query → its subject, predicate (column or fixed name) and object columns
    "timeline": ("subject", "predicate", "object"),
    "leads": ("subject", "predicate", "object"),
    "facts": ("subject", "predicate", "object"),
    "visitors": ("visitor", "=visits", "place"),
    "heads": ("person", "=headOf", "body"),
    "partners": ("place", "relation", "partner"),
}


@pytest.mark.parametrize("name", sorted(FACT_COLUMNS))
def test_every_named_query_with_facts_honours_rejections(name: str) -> None:
    s_col, p_col, o_col = FACT_COLUMNS[name]
    with seed_and_second() as kg:
        rows = run_named(kg, name, {}).to_dicts()
        assert rows, name
        for r in rows:  # reject every fact the query lists
            p = p_col[1:] if p_col.startswith("=") else r[p_col]
            review.record_fact(kg, r[s_col], p, r[o_col], "rejected")
        assert run_named(kg, name, {}).rows == []
        assert len(run_named(kg, name, {"show_rejected": "1"}).rows) == len(rows)
