"""The README's graph section is true: its SPARQL runs, its named queries and commands exist."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from newskg.app.ingest import build_paths
from newskg.extract.records import Extraction
from newskg.graph.build import add_extractions
from newskg.graph.sparql import named_queries, query
from newskg.graph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
GRAPH_DATA = Path(__file__).parent / "data" / "graph"
PIPELINE = importlib.util.find_spec("newskg.extract.pipeline") is not None


def section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- section:graph -->(.*?)<!-- /section:graph -->", text, flags=re.S)
    assert m, "README.md lacks the graph section markers"
    return m.group(1)


QUERIES = re.findall(r"```sparql\n(.*?)```", section(), flags=re.S)


def test_the_readme_shows_sparql():
    assert len(QUERIES) >= 3


@pytest.fixture(scope="module")
def fixture_store():
    exs = [
        Extraction.from_json(json.loads((GRAPH_DATA / f"{n}.json").read_text(encoding="utf-8")))
        for n in ("seed", "second")
    ]
    with open_store(":memory:") as s:
        add_extractions(s, exs)
        yield s


@pytest.mark.parametrize("sparql", QUERIES, ids=[f"query{i}" for i in range(len(QUERIES))])
def test_every_readme_query_runs_and_answers(fixture_store, sparql):
    assert query(fixture_store, sparql, timeout=30).rows


@pytest.mark.skipif(not PIPELINE, reason="newskg.extract.pipeline is not there yet (built by another helper)")
@pytest.mark.slow
def test_every_readme_query_runs_on_the_sample_graph():
    with open_store(":memory:") as s:
        report = build_paths(s, [ROOT / "app" / "sample_articles"])
        assert report.added >= 6 and not report.rejected
        for sparql in QUERIES:
            assert query(s, sparql, timeout=30).rows, sparql


def test_every_named_query_and_graph_command_is_in_the_readme():
    text = section()
    for name in named_queries():
        assert f"`{name}`" in text, name
    for command in ("build", "query", "export", "validate"):
        assert f"newskg {command}" in text, command
