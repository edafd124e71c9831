"""A build killed with SIGKILL at random points loses nothing: every article graph is complete or
absent, and building again gives the same store as one clean build, quad for quad."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from newskg.graph.store import open_store
from newskg.graph.summary import SUMMARY_GRAPH

from tests.graphdata import GRAPH_DATA

pytestmark = pytest.mark.slow

ARTICLES = 150
KILLS = 4
GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"  # the build's clock: differs between builds


def _build(jsonl: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newskg.app.cli",
            "build",
            "--extractions",
            str(jsonl),
            "--store",
            str(store),
            "--no-progress",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _quads(store: Path) -> set[tuple[str, str, str, str]]:
    with open_store(str(store), read_only=True) as s:
        return {
            (
                str(q.subject),
                str(q.predicate),
                "<time>" if q.predicate.value == GENERATED_AT else str(q.object),
                str(q.graph_name),
            )
            for q in s.quads()
        }


def _article_sizes(store: Path) -> dict[str, int]:
    """Triples per article graph (the summary graph is the store's, recomputed by each build)."""
    sizes: dict[str, int] = {}
    with open_store(str(store), read_only=True) as s:
        for q in s.quads():
            if q.graph_name.value == SUMMARY_GRAPH:
                continue
            sizes[q.graph_name.value] = sizes.get(q.graph_name.value, 0) + 1
    return sizes


@pytest.fixture(scope="module")
def extractions(tmp_path_factory) -> Path:
    docs = [json.loads((GRAPH_DATA / f"{n}.json").read_text(encoding="utf-8")) for n in ("seed", "second")]
    path = tmp_path_factory.mktemp("crash") / "many.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(ARTICLES):
            fh.write(json.dumps(dict(docs[i % 2], doc=f"gen/{i:04d}.txt"), ensure_ascii=False) + "\n")
    return path


def test_builds_killed_at_random_points_rebuild_to_the_clean_store(extractions, tmp_path):
    clean = tmp_path / "clean.oxigraph"
    started = time.monotonic()
    proc = _build(extractions, clean)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    proc.stderr.close()
    took = time.monotonic() - started
    expected = _quads(clean)
    full = _article_sizes(clean)
    assert len(full) == ARTICLES

    crashed = tmp_path / "crashed.oxigraph"
    rng = random.Random(20240503)
    kills = 0
    for _ in range(3 * KILLS):  # a rebuild after a kill has less left to do and may finish first
        if kills == KILLS:
            break
        proc = _build(extractions, crashed)
        time.sleep(rng.uniform(0.1, 0.9) * took)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        elif crashed.exists():
            shutil.rmtree(crashed)  # it finished: start the next kill from an empty store again
        proc.wait(timeout=60)
        proc.stderr.close()
        # after each kill every article graph is either complete or absent
        sizes = _article_sizes(crashed) if crashed.exists() else {}
        assert all(sizes[g] == full[g] for g in sizes), "a killed build left a partial article graph"
    assert kills >= 3, f"only {kills} of {KILLS} builds were still running when killed"

    proc = _build(extractions, crashed)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    proc.stderr.close()
    got = _quads(crashed)
    assert got == expected, (
        f"{len(expected - got)} quads missing, {len(got - expected)} extra after {kills} kills"
    )
