"""Parallel and distributed builds give what one process gives: `--jobs 2` the same JSON lines and the
same graph as `--jobs 1`; `--dask local` (a real LocalCluster of 2 worker processes) the same graph,
into an embedded store or a real `oxigraph serve`, incremental on a grown input, replacing a changed
article; `--dask tcp://…` the same on a separately started `dask scheduler` and `dask worker`; and a
part file left by a crash is loaded whole on the next run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from newskg.graph.store import open_store
from newskg.graph.summary import SUMMARY_GRAPH

from tests.servers import free_port, oxigraph_server, stop

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(__file__).resolve().parents[1] / "app" / "sample_articles"
GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"  # the build's clock: differs between builds


def _newskg(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newskg.app.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


def _quads(store) -> set[tuple[str, str, str, str]]:
    return {
        (
            str(q.subject),
            str(q.predicate),
            "<time>" if q.predicate.value == GENERATED_AT else str(q.object),
            str(q.graph_name),
        )
        for q in store.quads()
        if str(q.graph_name) != f"<{SUMMARY_GRAPH}>"  # the figures about the store, not its facts
    }


def _stored(location: Path | str) -> set[tuple[str, str, str, str]]:
    with open_store(str(location), read_only=True) as s:
        return _quads(s)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A working directory with 16 real articles: ten dev texts as JSON lines, the six sample .txt
    files, and one empty file (rejected, so the error path is compared too)."""
    root = tmp_path_factory.mktemp("corpus")
    lines = []
    for f in sorted((DATA / "dev").glob("*.json"))[:10]:
        doc = json.loads(f.read_text(encoding="utf-8"))
        lines.append(json.dumps({"id": f.stem, "text": doc["text"]}, ensure_ascii=False))
    (root / "in").mkdir()
    (root / "in" / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, root / "in" / f.name)
    (root / "in" / "empty.txt").write_text("", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def one_job(corpus) -> set:
    """The graph of a `--jobs 1` build of the corpus (what every other build must equal)."""
    res = _newskg("build", "in", "--store", "one", "--jobs", "1", "--no-progress", cwd=corpus)
    assert res.returncode == 1, res.stderr  # the empty file is rejected, the rest built
    return _stored(corpus / "one")


def test_extract_jobs_2_prints_the_same_lines_and_errors_as_jobs_1(corpus):
    one = _newskg("extract", "in", "--with-article", "--jobs", "1", cwd=corpus)
    two = _newskg("extract", "in", "--with-article", "--jobs", "2", cwd=corpus)
    assert one.returncode == two.returncode == 1  # the empty file
    assert len(one.stdout.splitlines()) == 16
    assert two.stdout == one.stdout
    assert two.stderr.splitlines() == one.stderr.splitlines()


def test_build_jobs_2_gives_the_same_graph_as_jobs_1(corpus, one_job):
    res = _newskg("build", "in", "--store", "two", "--jobs", "2", "--no-progress", cwd=corpus)
    assert res.returncode == 1, res.stderr
    assert "rejected" in res.stdout and "empty.txt" in res.stdout
    assert len(one_job) > 1000
    assert _stored(corpus / "two") == one_job


def test_dask_build_on_a_grown_input_does_only_the_new_articles_and_equals_jobs_1(corpus, one_job):
    from newskg.app.dask_build import build_dask

    half = sorted((corpus / "in").glob("*.txt"))[:4]
    with open_store(str(corpus / "dask")) as store:
        first = build_dask(store, half, "local", jobs=2, partition=2, root=corpus)
    assert (first.added, first.unchanged) == (3, 0) and len(first.rejected) == 1  # 3 samples, the empty file
    res = _newskg(
        "build", "in", "--store", "dask", "--dask", "local", "--jobs", "2", "--no-progress", cwd=corpus
    )
    assert res.returncode == 1, res.stderr
    assert "dask: 13 added, 0 replaced, 3 unchanged, 1 rejected" in res.stdout
    assert not list(corpus.glob("dask.parts/part-*"))  # every part file was loaded and removed
    assert _stored(corpus / "dask") == one_job


def test_a_part_file_left_by_a_crash_is_loaded_whole_on_the_next_run(corpus, one_job, tmp_path):
    from newskg.app.dask_build import _nquads, build_dask

    # the state a crash during a bulk load leaves: the part file, and its graph half written
    graph = sorted({q[3] for q in one_job})[0][1:-1]  # <iri> → iri
    with open_store(str(corpus / "one"), read_only=True) as s:
        lines = [f"{q.subject} {q.predicate} {q.object} ." for q in s.quads([graph])]
    (tmp_path / "kg.parts").mkdir()
    (tmp_path / "kg.parts" / "part-x.nq").write_text(_nquads({graph: "\n".join(lines)}), encoding="utf-8")
    (tmp_path / "kg.parts" / "part-x.json").write_text(json.dumps({"graphs": [graph]}), encoding="utf-8")
    with open_store(str(tmp_path / "kg")) as store:
        store.write_graph(
            graph,
            "\n".join(lines[: len(lines) // 2]) + "\n<urn:x:stale> <urn:x:p> <urn:x:o> .",
            replace=False,
        )
        report = build_dask(store, [], "tcp://127.0.0.1:1", jobs=2)  # nothing to extract: no cluster needed
        got = _quads(store)
    assert report.summary() == "0 added, 0 replaced, 0 unchanged, 0 rejected"
    assert got == {q for q in one_job if q[3] == f"<{graph}>"}
    assert not list((tmp_path / "kg.parts").iterdir())


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-dask")) as url:
        yield url


@pytest.mark.server
def test_dask_build_into_oxigraph_serve_equals_jobs_1_and_a_rerun_changes_nothing(corpus, one_job, endpoint):
    res = _newskg(
        "build", "in", "--store", endpoint, "--dask", "local", "--jobs", "2", "--no-progress", cwd=corpus
    )
    assert res.returncode == 1, res.stderr
    assert "16 added, 0 replaced, 0 unchanged, 1 rejected" in res.stdout
    assert _stored(endpoint) == one_job
    again = _newskg("build", "in", "--store", endpoint, "--dask", "local", "--no-progress", cwd=corpus)
    assert "0 added, 0 replaced, 16 unchanged, 1 rejected" in again.stdout
    assert _stored(endpoint) == one_job


def test_dask_build_replaces_a_changed_article_as_jobs_1_does(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(SAMPLES.glob("*.txt"))[:3]:
        shutil.copy(f, src / f.name)
    assert (
        _newskg("build", "in", "--store", "a", "--jobs", "1", "--no-progress", cwd=tmp_path).returncode == 0
    )
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    changed = sorted(src.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n한 줄을 덧붙였다.\n", encoding="utf-8")
    one = _newskg("build", "in", "--store", "a", "--jobs", "1", "--no-progress", cwd=tmp_path)
    dask = _newskg(
        "build", "in", "--store", "b", "--dask", "local", "--jobs", "2", "--no-progress", cwd=tmp_path
    )
    assert "a: 0 added, 1 replaced, 2 unchanged, 0 rejected" in one.stdout, one.stderr
    assert "b: 0 added, 1 replaced, 2 unchanged, 0 rejected" in dask.stdout, dask.stderr
    assert _stored(tmp_path / "b") == _stored(tmp_path / "a")


def _wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    import socket
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{proc.args[1:3]} exited with status {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    pytest.fail(f"nothing listens on 127.0.0.1:{port} after {seconds:.0f} s")


def test_dask_build_on_a_running_scheduler_and_workers_equals_jobs_1(corpus, one_job, tmp_path):
    dask = Path(sys.executable).parent / "dask"
    port = free_port()
    scheduler = subprocess.Popen(
        [str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers = None
    try:
        _wait_for_port(port, scheduler)
        workers = subprocess.Popen(
            [
                str(dask),
                "worker",
                f"tcp://127.0.0.1:{port}",
                "--nworkers",
                "2",
                "--nthreads",
                "1",
                "--host",
                "127.0.0.1",
                "--no-dashboard",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        res = _newskg(
            "build",
            "in",
            "--store",
            str(tmp_path / "kg"),
            "--dask",
            f"tcp://127.0.0.1:{port}",
            "--no-progress",
            cwd=corpus,
        )
        assert "16 added, 0 replaced, 0 unchanged, 1 rejected" in res.stdout, res.stderr
        assert _stored(tmp_path / "kg") == one_job
    finally:
        if workers is not None:
            stop(workers)
        stop(scheduler)


def test_a_scheduler_without_workers_fails_naming_its_address_instead_of_waiting(corpus):
    from distributed import LocalCluster
    from newskg.app.dask_build import build_dask
    from newskg.ontology.errors import PipelineError

    with LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        with open_store(":memory:") as store, pytest.raises(PipelineError) as err:
            build_dask(
                store, [corpus / "in" / "empty.txt", *SAMPLES.glob("*.txt")], address, worker_timeout=2
            )
    assert address in str(err.value) and "no workers" in str(err.value)


def test_the_driver_reads_no_article_text_the_workers_do(corpus, one_job, monkeypatch):
    import newskg.app.dask_build as dask_build
    import newskg.extract.reader as reader

    def refuse(*_args, **_kwargs):
        raise AssertionError("the driver read an article")

    # the LocalCluster's workers are fresh processes: only this (the driver's) copy refuses
    monkeypatch.setattr(dask_build, "read_articles", refuse)
    monkeypatch.setattr(reader, "read_paths", refuse)
    files = [f for f in sorted((corpus / "in").glob("*.txt")) if f.name != "empty.txt"][:3]
    with open_store(":memory:") as store:
        report = dask_build.build_dask(store, files, "local", jobs=2, partition=1, root=corpus)
        got = _quads(store)
    assert (report.added, report.unchanged) == (3, 0) and report.rejected == []
    assert got == {q for q in one_job if q[3] in {g for *_, g in got}}
    assert len({q[3] for q in got}) == 3
