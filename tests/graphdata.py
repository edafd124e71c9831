"""The hand-written Extraction fixtures of tests/data/graph, shared by the graph tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newskg.extract.records import Extraction
from newskg.graph.build import add_extractions
from newskg.graph.store import KGStore, open_store

GRAPH_DATA = Path(__file__).parent / "data" / "graph"


def load(name: str) -> Extraction:
    """The fixture tests/data/graph/<name>.json as an Extraction."""
    return Extraction.from_json(json.loads((GRAPH_DATA / f"{name}.json").read_text(encoding="utf-8")))


@contextmanager
def seed_and_second(**build_options) -> Iterator[KGStore]:
    """An in-memory store holding the seed and second fixtures."""
    with open_store(":memory:") as s:
        add_extractions(s, [load("seed"), load("second")], **build_options)
        yield s
