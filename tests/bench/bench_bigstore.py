"""The graph side at 100,000 articles: bulk build, store size, named queries, export, validate.

`make bench ARGS=bigstore` builds a synthetic store (tests/bench/synthstore.py: the gold articles'
shapes with invented names, written by `article_ntriples` as `newskg build` writes them, bulk-loaded
with Oxigraph's bulk loader) and prints, goal beside result:

- bulk build: articles/s and quads/s (generation of the statements and the load, each and both);
- store size on disk;
- each named query of graph/queries/*.rq through `run_named` (what `newskg query --named` runs),
  parameters picked from the data (an entity at the 90th percentile of its predicate's statements,
  given by its Korean label as a user would), median of ≥ 5 runs, goal ≤ 50 ms;
- `newskg export` of the whole store (`graph.export.export`) to Turtle and N-Quads: quads/s, MB/s;
- `newskg validate` (`graph.validate.validate`) over the first `--validate` article graphs' batches
  of the whole store and the time extrapolated to all of it (pyshacl is the bottleneck).

Options (after the section name): ``--articles N`` (default 100000), ``--window K`` (facts per
article; 0 = whole gold shapes), ``--runs R`` (default 5), ``--validate N`` (articles validated,
default 200: one batch; 0 = all), ``--keep DIR`` (build there and keep the store), ``--reuse`` (with
``--keep``: measure the store kept there, no build), ``--skip export,validate``.
Example: ``make bench ARGS="bigstore --articles 20000"``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from newskg.graph.sparql import named_queries, query, run_named
from newskg.graph.store import open_store

from tests.bench.synthstore import bulk_load, synthetic_extractions, write_nquads

GOAL_MS = 50.0


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _probe(store, predicate: str, role: str, where: str = "") -> str:
    """The Korean label of the entity at the 90th percentile of `predicate` statements in `role`."""
    rows = query(
        store,
        f"""SELECT ?e (COUNT(?st) AS ?n) WHERE {{
        ?st rdf:predicate nkg:{predicate} ; rdf:{role} ?e . {where} }}
        GROUP BY ?e ORDER BY ?n ?e""",
    ).rows
    iri = str(rows[int(len(rows) * 0.9)][0])
    label = query(store, f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l FILTER(LANG(?l) = 'ko') }} LIMIT 1")
    return str(label.rows[0][0]) if label.rows else iri


def _params(store) -> dict[str, dict[str, str]]:
    place = _probe(store, "visits", "object")
    lead = _probe(store, "visits", "subject", '?st nkg:status "planned" .')
    return {
        "facts": {"entity": place},
        "heads": {"person": _probe(store, "headOf", "subject")},
        "investment": {"place": _probe(store, "investsIn", "object")},
        "leads": {"entity": lead},
        "partners": {"place": _probe(store, "sisterCityOf", "subject")},
        "timeline": {"entity": place},
        "visitors": {"place": place},
    }


def bench(args: argparse.Namespace) -> None:
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="newskg-bigstore-"))
    work.mkdir(parents=True, exist_ok=True)
    kg, nq = work / "kg", work / "synthetic.nq"
    try:
        if args.reuse and kg.exists():  # a store kept by an earlier --keep run: no build
            print(f"reusing the store at {kg} ({_du(kg) / 1e6:.0f} MB on disk)")
        else:
            if kg.exists():
                shutil.rmtree(kg)
            w = write_nquads(synthetic_extractions(args.articles, window=args.window), nq)
            nq_mb = nq.stat().st_size / 1e6
            load = bulk_load(kg, nq)
            nq.unlink()
            total = w.seconds + load
            size = _du(kg)
            print(
                f"synthetic store: {w.articles} articles "
                f"({args.window or 'whole'}-fact windows of the gold shapes), "
                f"{w.quads} quads ({w.quads / w.articles:.0f}/article), {w.warnings} build warnings"
            )
            print(f"{'step':44} {'result':>34}  goal")
            print(
                f"{'statements (article_ntriples → N-Quads)':44} "
                f"{w.seconds:>7.1f} s {w.articles / w.seconds:>7.0f} art/s "
                f"{w.quads / w.seconds / 1e3:>6.0f} kq/s  -"
            )
            print(
                f"{'Oxigraph bulk_load':44} "
                f"{load:>7.1f} s {w.articles / load:>7.0f} art/s {w.quads / load / 1e3:>6.0f} kq/s  -"
            )
            print(
                f"{'bulk build (both)':44} "
                f"{total:>7.1f} s {w.articles / total:>7.0f} art/s {w.quads / total / 1e3:>6.0f} kq/s  -"
            )
            print(
                f"{'store size on disk':44} {size / 1e6:>25.0f} MB ({size / w.quads:.0f} B/quad; "
                f"N-Quads {nq_mb:.0f} MB)"
            )
        _queries(kg, args.runs)
        if "export" not in args.skip:
            _export(kg, work)
        if "validate" not in args.skip:
            _validate(kg, args.validate)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _queries(kg: Path, runs: int) -> None:
    with open_store(kg, read_only=True) as store:
        params = _params(store)
        print(
            f"{'named query (run_named, as newskg query --named)':44} {'rows':>6} "
            f"{'median ms':>10} {'max ms':>8}  goal"
        )
        for name in sorted(named_queries()):
            p = params.get(name, {})
            rows = len(run_named(store, name, p).rows)
            times = []
            for _ in range(max(runs, 5)):
                t = time.perf_counter()
                run_named(store, name, p)
                times.append((time.perf_counter() - t) * 1000)
            med = statistics.median(times)
            ok = "ok" if med <= GOAL_MS else "MISSED"
            shown = f"{name} ({', '.join(f'{k}={v}' for k, v in p.items())})"
            print(f"{shown:44} {rows:>6} {med:>10.1f} {max(times):>8.1f}  ≤ {GOAL_MS:.0f} ms {ok}")


def _export(kg: Path, work: Path) -> None:
    from newskg.graph.export import RdfFormat, export

    with open_store(kg, read_only=True) as store:
        for fmt in (RdfFormat.NQUADS, RdfFormat.TURTLE):
            out = work / f"export.{fmt.extension}"
            t = time.perf_counter()
            n = export(store, fmt, out)
            dt = time.perf_counter() - t
            mb = out.stat().st_size / 1e6
            unit = "quads" if fmt.datasets else "distinct triples"
            print(
                f"{'export ' + fmt.name + ' (' + unit + ')':44} {dt:>7.1f} s {n / dt / 1e3:>7.0f} k/s "
                f"{mb / dt:>6.1f} MB/s  -  ({n} {unit}, {mb:.0f} MB)"
            )
            out.unlink()


def _validate(kg: Path, articles: int) -> None:
    from newskg.graph.validate import BATCH, validate_batches

    with open_store(kg, read_only=True) as store:
        total = sum(1 for _ in store.require_ox().named_graphs())
        done = triples = results = 0
        t = time.perf_counter()
        size = min(BATCH, articles) if articles > 0 else BATCH
        for b in validate_batches(store, batch=size):  # the whole store's validation, stopped early
            done += b.graphs
            triples += b.triples
            results += len(b.violations)
            if 0 < articles <= done:
                break
        dt = time.perf_counter() - t
    label = "validate (whole store)" if done >= total else f"validate (first {done} of {total} articles)"
    print(
        f"{label:44} {dt:>7.1f} s {done / dt:>7.1f} art/s {triples / dt / 1e3:>6.1f} kt/s  -  "
        f"({triples} triples, {results} results)"
    )
    if done < total:
        print(
            f"{'validate, extrapolated to all ' + str(total):44} {dt * total / done / 3600:>7.1f} h"
            f"  (pyshacl re-parses its SPARQL constraint per statement: the bottleneck)"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make bench ARGS=bigstore")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--validate", type=int, default=200)
    parser.add_argument("--keep", default=None)
    parser.add_argument("--reuse", action="store_true", help="with --keep: query the store kept there")
    parser.add_argument("--skip", default="", help="comma-separated: export, validate")
    args = parser.parse_args(argv or [])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (figures scale with what else runs)")
    bench(args)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
