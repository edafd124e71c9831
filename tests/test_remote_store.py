"""The remote path: the same build, queries and exports against a real `oxigraph serve` on loopback."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from newskg.graph.build import add_extractions, remove_article
from newskg.graph.export import RdfFormat, export
from newskg.graph.project import to_networkx
from newskg.graph.sparql import query, run_named
from newskg.graph.store import open_store
from newskg.ontology.errors import QueryError, StoreError

from tests.graphdata import load
from tests.servers import free_port, oxigraph_server, stop, wait_until_up

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="module")
def remote(endpoint):
    with open_store(endpoint) as s:
        report = add_extractions(s, [load("seed"), load("second")])
        assert report.added == 2
        yield s


def test_build_is_incremental_on_a_remote_store(remote):
    report = add_extractions(remote, [load("seed"), load("second")])
    assert (report.added, report.unchanged) == (0, 2)


def test_named_queries_answer_from_the_remote_store(remote):
    rows = run_named(remote, "partners", {"place": "시흥시"}).to_dicts()
    assert {(r["relation"], r["partner_en"]) for r in rows} == {
        ("sisterCityOf", "San Diego"),
        ("signsAgreementWith", "San Diego"),
    }
    assert query(remote, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0] > 600
    assert query(remote, "ASK { ?s nkg:investsIn ?o }").boolean


def test_the_rdflib_dataset_over_the_endpoint_sees_named_graphs(remote):
    rows = list(remote.dataset.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert int(rows[0][0]) == 2


def test_exports_and_projection_work_remotely(remote):
    buf = io.BytesIO()
    local = open_store(":memory:")
    add_extractions(local, [load("seed"), load("second")])
    assert export(remote, RdfFormat.NQUADS, buf) == export(local, RdfFormat.NQUADS, io.BytesIO())
    assert to_networkx(remote).number_of_edges() == to_networkx(local).number_of_edges()
    local.close()


def test_remote_errors_are_clear(remote):
    with pytest.raises(QueryError):
        query(remote, "SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryError, match="read-only"):
        query(remote, "DROP ALL")
    dead = open_store(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="cannot reach"):
        query(dead, "ASK {}")
    dead.close()


def test_removing_an_article_remotely(endpoint):
    with open_store(endpoint) as s:
        add_extractions(s, [load("second")])
        remove_article(s, "https://w3id.org/newskg/article/siheung-sister-city.txt")
        assert not query(s, "ASK { ?s nkg:investsIn ?o }").boolean
        add_extractions(s, [load("second")])


def _child_env(pid: int, seconds: float = 60) -> dict[str, str]:
    """The environment of the first child process of `pid` (the streamlit server of `newskg explore`)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    raw = (stat.parent / "environ").read_bytes()
                    return dict(item.split("=", 1) for item in raw.decode().split("\0") if "=" in item)
            except (OSError, ValueError, IndexError):
                continue
        time.sleep(0.2)
    raise AssertionError(f"`newskg explore` (pid {pid}) started no server")


def test_explore_serves_a_remote_store(remote, endpoint, monkeypatch):
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newskg.app.cli",
            "explore",
            "--store",
            endpoint,
            "--no-browser",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_up(
            f"http://127.0.0.1:{port}/_stcore/health",
            proc,
            60,
            lambda why: pytest.fail(f"newskg explore did not start ({why})"),
        )
        assert _child_env(proc.pid)["NEWSKG_STORE"] == endpoint  # the URL, not a path made of it
    finally:
        stop(proc, 20)
        proc.stderr.close()
    # and the app reads that endpoint: the overview counts the two articles built there
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("NEWSKG_STORE", endpoint)
    at = AppTest.from_file(
        str(Path(__file__).resolve().parents[1] / "app" / "explorer" / "main.py"), default_timeout=60
    )
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    messages = (Path(__file__).resolve().parents[1] / "app" / "explorer" / "messages.tsv").read_text("utf-8")
    label = next(
        line.split("\t")[1] for line in messages.splitlines() if line.startswith("overview.articles\t")
    )
    assert {m.label: m.value for m in at.metric}[label] == "2"  # the interface is Korean by default
