"""SPARQL: plain values, read-only path, timeouts, limits, and the named queries."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from newskg.graph.sparql import named_queries, query, resolve_entity, run_named
from newskg.graph.store import open_store
from newskg.ontology.errors import QueryError

from tests.graphdata import seed_and_second

SIHEUNG = "https://w3id.org/newskg/entity/kr-KR-41-siheung-si"
SAN_DIEGO = "https://w3id.org/newskg/entity/gn5391811"


@pytest.fixture(scope="module")
def store():
    with seed_and_second() as s:
        yield s


def test_results_are_plain_python_values(store):
    res = query(
        store,
        "SELECT ?iri ?n ?x ?s ?none WHERE { VALUES (?iri ?n ?x ?s ?none) "
        "{ (<https://e.org/a> 3 2.5e0 'text'@ko UNDEF) } }",
    )
    assert res.columns == ["iri", "n", "x", "s", "none"]
    assert res.rows == [("https://e.org/a", 3, 2.5, "text", None)]
    assert res.kind == "select"


def test_ask_and_construct(store):
    assert query(store, "ASK { ?s nkg:sisterCityOf ?o }").boolean is True
    res = query(store, "CONSTRUCT { ?s nkg:sisterCityOf ?o } WHERE { ?s nkg:sisterCityOf ?o }")
    assert res.kind == "construct" and res.columns == ["subject", "predicate", "object"]
    assert (SIHEUNG, "https://w3id.org/newskg/ontology#sisterCityOf", SAN_DIEGO) in res.rows


def test_the_default_graph_is_the_union_of_the_article_graphs(store):
    everywhere = query(store, "SELECT DISTINCT ?o WHERE { ?s nkg:headOf ?o }").rows
    one = query(
        store, "SELECT DISTINCT ?o WHERE { GRAPH article:siheung-sister-city.txt { ?s nkg:headOf ?o } }"
    ).rows
    assert set(one) < set(everywhere)


def test_updates_are_refused_on_the_read_only_path(store):
    with pytest.raises(QueryError, match="read-only"):
        query(store, "PREFIX x: <https://e.org/#>\nDELETE WHERE { ?s ?p ?o }")
    assert query(store, "ASK { ?s ?p ?o }").boolean


def test_updates_run_when_writes_are_allowed():
    with open_store(":memory:") as s:
        res = query(
            s,
            "INSERT DATA { GRAPH <https://e.org/g> { <https://e.org/a> <https://e.org/p> 1 } }",
            read_only=False,
        )
        assert res.kind == "update"
        assert query(s, "SELECT ?o WHERE { ?s <https://e.org/p> ?o }").rows == [(1,)]


def test_malformed_queries_raise_query_error(store):
    with pytest.raises(QueryError, match="malformed"):
        query(store, "SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryError, match="not a SPARQL query"):
        query(store, "hello")


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _children() -> set[int]:
    """Pids of this process's live (non-zombie) children."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            out.add(int(stat.parent.name))
    return out


@pytest.fixture()
def listener():
    """A TCP listener on loopback that nobody should connect to."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.settimeout(0.5)
        yield sock


@pytest.mark.parametrize(
    "clause",
    [
        "SERVICE <{url}> {{ ?s ?p ?o }}",
        "service silent <{url}> {{ ?s ?p ?o }}",
        "\\u0053ERVICE <{url}> {{ ?s ?p ?o }}",
        '# a comment with a quote "\n SERVICE <{url}> {{ ?s ?p ?o }}',
    ],
)
def test_service_is_refused_and_the_named_endpoint_is_never_contacted(store, listener, clause):
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    with pytest.raises(QueryError, match="SERVICE .*refused"):
        query(store, "SELECT * WHERE { " + clause.format(url=url) + " }", timeout=5)
    with pytest.raises(TimeoutError):
        listener.accept()


def test_service_runs_only_when_allowed(store, listener):
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    with pytest.raises(QueryError):  # our listener never answers: the query times out
        query(store, f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", timeout=1, allow_service=True)
    conn, _ = listener.accept()  # but the store did call it
    conn.close()


def test_the_words_service_in_names_and_strings_are_not_refused(store):
    res = query(store, "SELECT ?service WHERE { VALUES ?service { 'SERVICE <x>' } }")
    assert res.rows == [("SERVICE <x>",)]


def test_a_query_past_its_limit_is_stopped_and_leaves_no_worker(store):
    before = _children()
    started = time.monotonic()
    with pytest.raises(QueryError, match="timed out after 1 s and was stopped"):
        query(store, RUNAWAY, timeout=1)
    assert time.monotonic() - started < 4
    assert _children() == before


def test_the_cli_query_stops_at_its_timeout_and_kills_its_work(tmp_path):
    from tests.graphdata import load

    location = tmp_path / "runaway.oxigraph"
    with open_store(str(location)) as s:
        from newskg.graph.build import add_extractions

        add_extractions(s, [load("seed"), load("second")])
    started = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newskg.app.cli",
            "query",
            "--store",
            str(location),
            "--timeout",
            "2",
            RUNAWAY,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    took = time.monotonic() - started
    assert proc.returncode == 2 and "timed out after 2 s" in proc.stderr
    assert took < 12
    assert not any(str(location).encode() in _cmdline(p) for p in Path("/proc").glob("[0-9]*/cmdline"))


def _cmdline(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # the process ended meanwhile
        return b""


def test_a_slow_query_times_out(store):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a nkg:Person FILTER(STR(?c) < STR(?f)) }"
    with pytest.raises(QueryError, match="timed out"):
        query(store, slow, timeout=0.05)


def test_limit_cuts_rows_and_says_so(store):
    res = query(store, "SELECT ?s WHERE { ?s ?p ?o }", limit=3)
    assert len(res.rows) == 3 and res.truncated
    assert not query(store, "SELECT ?s WHERE { ?s nkg:investsIn ?o }", limit=3).truncated


def test_named_queries_have_titles_and_declared_parameters():
    nq = named_queries()
    assert set(nq) == {"partners", "visitors", "investment", "heads", "facts", "timeline", "leads"}
    for q in nq.values():
        assert q.title and not q.title.startswith("param")
        assert q.parameters[0].kind == "entity"
        for p in q.parameters:
            assert f"${p.name}" in q.sparql and p.kind in ("entity", "text")


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_runs_with_and_without_its_parameters(store, name):
    nq = named_queries()[name]
    assert run_named(store, name).rows
    value = {"person": "임병택"}.get(nq.parameters[0].name, "Siheung")
    bound = run_named(store, name, {nq.parameters[0].name: value})
    assert bound.rows or name == "visitors"


def test_partners_of_siheung(store):
    res = run_named(store, "partners", {"place": "시흥시"})
    got = {(r["relation"], r["partner_en"]) for r in res.to_dicts()}
    assert got == {("sisterCityOf", "San Diego"), ("signsAgreementWith", "San Diego")}


def test_who_visited_san_diego_and_on_which_article(store):
    res = run_named(store, "visitors", {"place": "샌디에이고"})
    rows = res.to_dicts()
    assert {r["visitor_en"] for r in rows} == {"Lim Byung-taek", "Kim Dong-yeon", "Siheung"}
    assert all(r["article"].endswith("seed-siheung.txt") and r["evidence"] for r in rows)


def test_investment_siheung_courts_and_receives(store):
    rows = run_named(store, "investment", {"place": "Siheung"}).to_dicts()
    assert {(r["direction"], r["company_en"]) for r in rows} == {
        ("courts", "Shinsegae Simon"),
        ("courts", "Hanbit Bio"),
        ("receives", "Hanbit Bio"),
    }


def test_people_and_the_bodies_they_head(store):
    rows = run_named(store, "heads", {"body": "Siheung"}).to_dicts()
    assert [(r["person_en"], r["articles"]) for r in rows] == [("Lim Byung-taek", 2)]


def test_every_fact_about_an_entity_has_evidence_and_article(store):
    rows = run_named(store, "facts", {"entity": "㈜한빛바이오"}).to_dicts()
    assert {r["predicate"] for r in rows} == {"headOf", "seeksInvestmentFrom", "investsIn"}
    assert all(r["evidence"] and r["article"] and r["published"] == "2024-05-03" for r in rows)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Siheung", [SIHEUNG]),
        ("시흥시", [SIHEUNG]),
        ("siheung", [SIHEUNG]),
        (SAN_DIEGO, [SAN_DIEGO]),
    ],
)
def test_entity_parameters_take_a_name_or_an_iri(store, value, expected):
    assert resolve_entity(store, value) == expected


def test_unknown_names_and_parameters_are_clear_errors(store):
    with pytest.raises(QueryError, match="no entity named"):
        run_named(store, "partners", {"place": "아틀란티스"})
    with pytest.raises(QueryError, match="has no parameter 'city'"):
        run_named(store, "partners", {"city": "Siheung"})
    with pytest.raises(QueryError, match="no named query"):
        run_named(store, "nope")


def test_a_large_answer_comes_back_whole_from_the_worker(store):
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    inline = query(store, q)
    assert len(inline.rows) > 500
    assert query(store, q, timeout=30) == inline
    assert query(store, q, timeout=30, limit=7) == query(store, q, limit=7)
    with pytest.raises(QueryError, match="malformed"):  # errors cross the process boundary as themselves
        query(store, "SELECT ?x WHERE { ?x ", timeout=30)
