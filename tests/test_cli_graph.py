"""`newskg build / query / export / validate` from the command line."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from newskg.app.cli import main

GRAPH_DATA = Path(__file__).parent / "data" / "graph"
PIPELINE = importlib.util.find_spec("newskg.extract.pipeline") is not None


@pytest.fixture()
def extractions(tmp_path) -> Path:
    docs = [json.loads((GRAPH_DATA / f"{n}.json").read_text(encoding="utf-8")) for n in ("seed", "second")]
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    path = tmp_path / "extractions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def built(tmp_path, extractions) -> str:
    store = str(tmp_path / "kg.oxigraph")
    assert main(["build", "--extractions", str(extractions), "--store", store]) == 0
    return store


@pytest.mark.parametrize("command", ["build", "query", "export", "validate"])
def test_every_graph_command_has_help_naming_the_store_default(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "data/newskg.oxigraph" in out and "NEWSKG_STORE" in out


def test_build_prints_a_summary_and_is_idempotent(tmp_path, extractions, capsys):
    store = str(tmp_path / "kg")
    assert main(["build", "--extractions", str(extractions), "--store", store]) == 0
    assert "2 added, 0 replaced, 0 unchanged, 0 rejected" in capsys.readouterr().out
    assert main(["build", "--extractions", str(extractions), "--store", store]) == 0
    assert "0 added, 0 replaced, 2 unchanged, 0 rejected" in capsys.readouterr().out


def test_build_uses_the_store_from_the_environment(tmp_path, extractions, capsys, monkeypatch):
    monkeypatch.setenv("NEWSKG_STORE", str(tmp_path / "env-store"))
    assert main(["build", "--extractions", str(extractions)]) == 0
    assert str(tmp_path / "env-store") in capsys.readouterr().out


def test_query_prints_a_table_csv_or_json(built, capsys):
    q = "SELECT ?o WHERE { ?s nkg:seeksInvestmentFrom ?o } ORDER BY ?o"
    capsys.readouterr()
    assert main(["query", "--store", built, q]) == 0
    out = capsys.readouterr().out
    assert "entity:신세계사이먼" in out and "(2 rows)" in out
    assert main(["query", "--store", built, q, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["o"] and len(rows) == 3
    assert main(["query", "--store", built, q, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["o"].endswith("신세계사이먼")


def test_query_from_a_file_and_ask(built, tmp_path, capsys):
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?s nkg:sisterCityOf ?o }", encoding="utf-8")
    assert main(["query", "--store", built, "-f", str(f)]) == 0
    assert capsys.readouterr().out.strip() == "yes"


def test_named_query_with_a_parameter(built, capsys):
    assert main(["query", "--store", built, "--named", "partners", "--param", "place=Siheung"]) == 0
    out = capsys.readouterr().out
    assert "sisterCityOf" in out and "San Diego" in out
    assert main(["query", "--list"]) == 0
    assert "--param place=" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "DELETE WHERE { ?s ?p ?o }"], "read-only"),
        (["query", "SELECT ?x WHERE {"], "malformed"),
        (["query", "--named", "partners", "--param", "place"], "NAME=VALUE"),
        (["query", "--named", "partners", "--param", "place=아틀란티스"], "no entity named"),
        (["export", "-o", "graph"], "no suffix"),
        (["export", "-o", "-"], "needs --format"),
    ],
)
def test_command_errors_are_one_line_messages_with_exit_status_2(built, capsys, args, message):
    assert main([*args, "--store", built]) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith(f"newskg {args[0]}: error:")


def test_query_on_a_missing_store_says_how_to_build_it(tmp_path, capsys):
    assert main(["query", "--store", str(tmp_path / "none"), "ASK {}"]) == 2
    assert "newskg build" in capsys.readouterr().err


def test_export_guesses_the_format_from_the_suffix(built, tmp_path, capsys):
    out = tmp_path / "graph.graphml"
    assert main(["export", "--store", built, "-o", str(out)]) == 0
    assert "application/graphml+xml" in capsys.readouterr().out
    assert nx.read_graphml(out).number_of_nodes() == 18
    ttl = tmp_path / "graph.ttl"
    assert main(["export", "--store", built, "-o", str(ttl), "--format", "ttl"]) == 0
    assert ttl.read_text(encoding="utf-8").startswith("@prefix")


def test_export_to_stdout(built, capsysbinary):
    assert main(["export", "--store", built, "--format", "nq", "-o", "-"]) == 0
    assert capsysbinary.readouterr().out.count(b"\n") > 600


def test_validate_exits_0_when_the_graph_conforms_and_1_when_it_does_not(built, capsys):
    capsys.readouterr()
    assert main(["validate", "--store", built]) == 0
    assert "conforms" in capsys.readouterr().out
    from newskg.graph.store import open_store

    with open_store(built) as s:
        s.update("DELETE WHERE { GRAPH ?g { ?st <https://w3id.org/newskg/ontology#evidenceText> ?e } }")
    assert main(["validate", "--store", built]) == 1
    out = capsys.readouterr().out
    assert "violation" in out and "nkg:evidenceText" in out


@pytest.mark.skipif(not PIPELINE, reason="newskg.extract.pipeline is not there yet (built by another helper)")
@pytest.mark.slow
def test_build_from_article_files_rejects_bad_ones_with_reasons(repo_root, tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    seed = repo_root / "app" / "sample_articles" / "seed-siheung.txt"
    store = str(tmp_path / "kg")
    assert main(["build", str(seed), str(bad), "--store", store]) == 1  # a rejected input: status 1
    out = capsys.readouterr().out
    assert "1 added" in out and "1 rejected" in out and f"rejected {bad}" in out


def test_build_exits_2_when_the_store_is_locked_by_another_writer(tmp_path, extractions, capsys):
    from newskg.graph.store import open_store

    location = str(tmp_path / "locked.oxigraph")
    with open_store(location):  # held open for writing, as a running build or explorer would
        assert main(["build", "--extractions", str(extractions), "--store", location]) == 2
    assert "cannot open graph store" in capsys.readouterr().err


def test_build_exits_1_when_an_extraction_line_is_bad_and_builds_the_rest(tmp_path, extractions, capsys):
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(extractions.read_text(encoding="utf-8") + '{"doc": 3}\n', encoding="utf-8")
    assert main(["build", "--extractions", str(mixed), "--store", str(tmp_path / "kg")]) == 1
    out = capsys.readouterr().out
    assert "2 added" in out and f"rejected {mixed}:3: not an extraction" in out


@pytest.mark.parametrize("value", ["http://x>y", "https://e.org/a b", 'urn:x"y'])
def test_an_iri_parameter_that_is_not_an_iri_is_a_clear_error(built, value, capsys):
    assert main(["query", "--store", built, "--named", "partners", "--param", f"place={value}"]) == 2
    err = capsys.readouterr().err
    assert "is not a valid IRI" in err and "Traceback" not in err


def test_service_is_refused_by_the_cli_unless_allowed(built, capsys):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert main(["query", "--store", built, q]) == 2
    assert "--allow-service" in capsys.readouterr().err
