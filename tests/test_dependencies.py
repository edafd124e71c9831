"""Every third-party package the code or the tests import is declared in pyproject.toml."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib

from tests.conftest import ROOT

LAYERS = ("extract", "graph", "app", "ontology", "tests")


def _declared() -> set[str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = meta["dependencies"] + [d for group in meta["optional-dependencies"].values() for d in group]
    return {re.split(r"[<>=!~ \[;]", s, maxsplit=1)[0].lower().replace("_", "-") for s in specs}


def _imports() -> dict[str, str]:
    """Top-level module imported → the first file importing it."""
    found: dict[str, str] = {}
    for layer in LAYERS:
        for py in sorted((ROOT / layer).rglob("*.py")):
            if "data" in py.relative_to(ROOT).parts:
                continue
            for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    mods = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    mods = [node.module]
                else:
                    continue
                for mod in mods:
                    found.setdefault(mod.split(".")[0], str(py.relative_to(ROOT)))
    return found


def test_every_imported_package_is_declared() -> None:
    dists = md.packages_distributions()
    declared = _declared()
    missing = []
    for mod, where in _imports().items():
        if mod in sys.stdlib_module_names or mod in ("newskg", "tests"):
            continue
        names = {d.lower().replace("_", "-") for d in dists.get(mod, [mod])}
        if not names & declared:
            missing.append(f"{mod} (imported by {where}; distribution {', '.join(sorted(names))})")
    assert not missing, "imported but not declared in pyproject.toml: " + "; ".join(missing)
