"""The import direction ontology ← extract ← graph ← app holds, and graph stays free of spaCy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ORDER = ["ontology", "extract", "graph", "app"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


@pytest.mark.parametrize("layer", ORDER)
def test_layer_imports_only_lower_layers(layer: str) -> None:
    allowed = set(ORDER[: ORDER.index(layer) + 1])
    bad = []
    for py in sorted((ROOT / layer).rglob("*.py")):
        for mod in _imports(py):
            parts = mod.split(".")
            if parts[0] == "newskg" and len(parts) > 1 and parts[1] not in allowed:
                bad.append(f"{py.relative_to(ROOT)} imports {mod}")
    assert not bad, "\n".join(bad)


def test_importing_graph_does_not_import_spacy() -> None:
    code = (
        "import sys, pkgutil, importlib, newskg.graph as g\n"
        "for m in pkgutil.iter_modules(g.__path__):\n"
        "    importlib.import_module('newskg.graph.' + m.name)\n"
        "print('spacy' in sys.modules, 'kiwipiepy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
