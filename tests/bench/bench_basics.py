"""Figures for the extraction basics: gazetteer load time, reader throughput, body share."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def _cold_gazetteer_load() -> tuple[float, str]:
    code = (
        "import time; t = time.perf_counter(); "
        "from newskg.extract.gazetteer import load_gazetteer; g = load_gazetteer(); "
        "print(time.perf_counter() - t, len(g), len(list(g.surfaces())))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    seconds, entries, surfaces = out.split()
    return float(seconds), f"{int(entries)} entries, {int(surfaces)} surfaces"


def main() -> None:
    loads = sorted(_cold_gazetteer_load() for _ in range(3))
    print(
        f"gazetteer: {loads[1][1]}; cold load (import + parse, fresh process): "
        f"median {loads[1][0] * 1000:.0f} ms"
    )

    from newskg.extract.reader import read_text

    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((DATA / "dev").glob("*.json"))]
    chars = sum(len(t) for t in texts)
    rounds = 50
    t = time.perf_counter()
    for _ in range(rounds):
        arts = [read_text(x) for x in texts]
    dt = time.perf_counter() - t
    body = sum(e - s for a in arts for s, e in a.body_spans())
    print(
        f"reader (text + body finding): {rounds * chars / dt / 1e6:.2f} M chars/s "
        f"over {len(texts)} dev articles ({chars} chars); body = {100 * body / chars:.0f}% of the text"
    )


if __name__ == "__main__":
    main()
