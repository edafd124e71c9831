"""`make bench`: run every tests/bench/bench_*.py module's `main()` and print its figures.

`make bench ARGS="extract"` runs only the modules whose name contains "extract"; what follows the
first ``--option`` goes to the modules whose `main` takes arguments
(`make bench ARGS="bigstore --articles 20000"`).
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    cut = next((i for i, a in enumerate(argv) if a.startswith("--")), len(argv))
    sections, options = argv[:cut], argv[cut:]
    names = sorted(p.stem for p in here.glob("bench_*.py"))
    wanted = [n for n in names if not sections or any(a in n for a in sections)]
    for name in wanted:
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"tests.bench.{name}")
        if inspect.signature(module.main).parameters:
            module.main(options)
        else:
            module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
