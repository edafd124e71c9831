"""Figures for the graph layer: build time for 1,000 articles, named-query latency at ≥ 1M triples.

1. Build: the two fixture Extractions of tests/data/graph (the seed and a second article) replicated
   to 1,000 articles with varied ids, written by `add_extractions` into an on-disk Oxigraph store
   (extraction time not included: that is the extractor's bench). Then the same 1,000 again
   (all unchanged) and the real extractor on the bundled sample articles, for scale.
2. Queries: a synthetic graph in newskg's own data model (articles, entities with labels, facts with
   statements and evidence, mentions; popularity of entities skewed so that hubs exist) of ≥ 1M
   triples, bulk-loaded into Oxigraph and parsed into rdflib's in-memory Dataset. Each named query
   runs bound to one place (or person) of middling degree; the median of several runs is printed
   for both, with the ratio. Goals: ≤ 50 ms each on Oxigraph, ≥ 10× faster than rdflib.
"""

from __future__ import annotations

import dataclasses
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from newskg.app.ingest import build_paths
from newskg.extract.records import Article, Entity, Evidence, Extraction, Triple
from newskg.graph.build import add_extractions, article_ntriples
from newskg.graph.sparql import PREFIXES, bind_parameters, named_queries, query
from newskg.graph.store import open_store
from newskg.ontology.vocab import predicates

ROOT = Path(__file__).resolve().parents[2]
GRAPH_DATA = ROOT / "tests" / "data" / "graph"
TARGET_TRIPLES = 1_000_000


def _fixtures() -> list[Extraction]:
    return [
        Extraction.from_json(json.loads((GRAPH_DATA / f"{n}.json").read_text(encoding="utf-8")))
        for n in ("seed", "second")
    ]


def _replicas(n: int) -> list[Extraction]:
    base = _fixtures()
    out = []
    for i in range(n):
        ex = base[i % 2]
        doc = f"bench/{i:04d}-{ex.doc}"
        art = dataclasses.replace(ex.article, source=doc) if ex.article else None
        out.append(dataclasses.replace(ex, doc=doc, article=art))
    return out


def bench_build() -> None:
    exs = _replicas(1000)
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "kg") as store:
            t = time.perf_counter()
            report = add_extractions(store, exs)
            first = time.perf_counter() - t
            n = query(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
            t = time.perf_counter()
            again = add_extractions(store, exs)
            second = time.perf_counter() - t
        print(
            f"build 1,000 articles (fixture Extractions replicated, extraction not included): "
            f"{first:.2f} s = {1000 / first:.0f} articles/s, {n / first / 1000:.0f} k quads/s "
            f"({n} quads; {report.summary()})"
        )
        print(
            f"build the same 1,000 again (all unchanged, skipped by content hash): {second:.2f} s "
            f"({again.summary()})"
        )
        try:
            with open_store(Path(tmp) / "sample") as store:
                t = time.perf_counter()
                report = build_paths(store, [ROOT / "app" / "sample_articles"])
                dt = time.perf_counter() - t
            print(
                f"build app/sample_articles through the real extractor (read + extract + write, "
                f"pipeline load included): {dt:.2f} s for {report.added} articles"
            )
        except Exception as exc:  # noqa: BLE001 - a bench reports what it could not measure
            print(f"build through the real extractor: not measured ({exc})")


# ---------------------------------------------------------------------- synthetic 1M-triple graph
_CLASSES = {
    "PERSON": ["Person"],
    "ORG": ["Company", "GovernmentOrganization", "University"],
    "LOC": ["City", "City", "AdministrativeArea", "Country"],
}
_SYLLABLES = "가나다라마바사아자차카타파하강남동서한국대신성영진현수민준"


def _name(rng: random.Random, i: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)) + str(i)


def _pool(rng: random.Random, size: int) -> dict[str, list[Entity]]:
    pool: dict[str, list[Entity]] = {"PERSON": [], "ORG": [], "LOC": []}
    for i in range(size):
        t = ("PERSON", "ORG", "LOC")[i % 3]
        ko = _name(rng, i)
        suffix = {"PERSON": "", "ORG": "전자", "LOC": "시"}[t]
        lat = rng.uniform(-60, 60) if t == "LOC" else None
        lon = rng.uniform(-180, 180) if t == "LOC" else None
        pool[t].append(
            Entity(
                f"s{i}",
                ko + suffix,
                f"Synth {t.title()} {i}",
                t,
                rng.choice(_CLASSES[t]),
                (f"S{i}",),
                (),
                None,
                lat,
                lon,
            )
        )
    return pool


def _pick(rng: random.Random, items: list[Entity]) -> Entity:
    # skewed popularity: a few hubs, a long tail
    return items[
        min(int(rng.paretovariate(1.2)) - 1, len(items) - 1)
        if rng.random() < 0.3
        else rng.randrange(len(items))
    ]


def _synthetic_article(rng: random.Random, n: int, pool: dict[str, list[Entity]]) -> Extraction:
    preds = list(predicates().values())
    text = "합성 기사 본문입니다. " * 40
    ents: dict[str, Entity] = {}
    triples = []
    for k in range(24):
        p = preds[rng.randrange(len(preds))]
        s = _pick(rng, pool[sorted(p.domain)[rng.randrange(len(p.domain))]])
        o = _pick(rng, pool[sorted(p.range)[rng.randrange(len(p.range))]])
        if s.id == o.id:
            continue
        for e in (s, o):
            if e.id not in ents:
                start = rng.randrange(0, len(text) - 10)
                ents[e.id] = dataclasses.replace(e, mentions=((start, start + 3),))
        start = 12 * k
        triples.append(
            Triple(
                s.id,
                p.name,
                o.id,
                round(rng.uniform(0.5, 1.0), 2),
                Evidence(text[start : start + 40], start, start + 40),
            )
        )
    art = Article(
        f"synthetic/{n:05d}.txt",
        text,
        f"합성 기사 {n}",
        f"20{20 + n % 6}-0{1 + n % 9}-1{n % 9}",
        f"synthetic/{n:05d}.txt",
    )
    return Extraction(art.id, tuple(ents.values()), tuple(triples), art)


def synthetic_nquads(target: int = TARGET_TRIPLES, seed: int = 7) -> tuple[bytes, int, list[Entity]]:
    """N-Quads of ≥ `target` quads in newskg's data model, the count, and the entity pool."""
    rng = random.Random(seed)
    pool = _pool(rng, 30_000)
    lines: list[str] = []
    n = 0
    while len(lines) < target:
        ex = _synthetic_article(rng, n, pool)
        g, triples = article_ntriples(ex, generated_at="2026-01-01T00:00:00Z", extractor_version="bench")
        suffix = f" <{g}> ."
        lines.extend(t[:-2] + suffix for t in triples)
        n += 1
    data = "\n".join(lines) + "\n"
    return data.encode("utf-8"), len(lines), [e for es in pool.values() for e in es]


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _probe(store, kind: str, predicate_name: str, direction: str) -> str:
    """An entity of middling degree for a predicate: the one at the 90th percentile of statements."""
    var = "rdf:subject" if direction == "s" else "rdf:object"
    rows = query(
        store,
        f"""SELECT ?e (COUNT(?st) AS ?n) WHERE {{
        ?st rdf:predicate nkg:{predicate_name} ; {var} ?e . ?e nkg:entityType "{kind}" }}
        GROUP BY ?e ORDER BY ?n""",
    ).rows
    return str(rows[int(len(rows) * 0.9)][0])


def bench_queries() -> None:
    t = time.perf_counter()
    data, n, _pool_entities = synthetic_nquads()
    gen = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "kg")
        t = time.perf_counter()
        store.require_ox().bulk_load(data, format=ox.RdfFormat.N_QUADS)
        load = time.perf_counter() - t
        print(
            f"synthetic graph: {n} quads in {n // 340}+ articles (generated in {gen:.1f} s); "
            f"Oxigraph bulk load {load:.1f} s ({n / load / 1e6:.2f} M quads/s)"
        )

        from rdflib import Dataset

        t = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(data=data.decode("utf-8"), format="nquads")
        rload = time.perf_counter() - t
        print(f"rdflib in-memory Dataset: parse {rload:.1f} s ({len(ds)} distinct triples in the union)")

        place = _probe(store, "LOC", "visits", "o")
        person = _probe(store, "PERSON", "headOf", "s")
        params = {
            "partners": {"place": place},
            "visitors": {"place": place},
            "investment": {"place": place},
            "heads": {"person": person},
            "facts": {"entity": place},
        }
        cases = []
        for name, nq in named_queries().items():
            bound = {k: [ox.NamedNode(v)] for k, v in params[name].items()}
            cases.append(
                (
                    f"{name} ({', '.join(params[name])} bound)",
                    bind_parameters(nq.sparql, bound, inline=nq.inline),
                )
            )
        label = query(store, f"SELECT ?l WHERE {{ <{place}> rdfs:label ?l FILTER(LANG(?l) = 'en') }} LIMIT 1")
        lookup = f'SELECT ?e WHERE {{ ?e rdfs:label "{label.rows[0][0]}"@en }}'
        cases.append(("* label lookup (exact)", lookup))
        cases.append(("* count by predicate", "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"))

        print(f"{'query':34} {'rows':>6} {'oxigraph ms':>12} {'rdflib ms':>11} {'ratio':>7}  goal")
        for label, sparql in cases:
            rows = len(query(store, sparql).rows)
            ox_ms = _median_ms(lambda s=sparql: query(store, s), 15)
            heavy = "count" in label
            rd_ms = _median_ms(lambda s=sparql: list(ds.query(s, initNs=PREFIXES)), 1 if heavy else 3)
            ok = "-" if label.startswith("*") else "ok" if ox_ms <= 50 and rd_ms / ox_ms >= 10 else "MISSED"
            print(f"{label:34} {rows:>6} {ox_ms:>12.2f} {rd_ms:>11.1f} {rd_ms / ox_ms:>6.0f}×  {ok}")
        print("(* = reference queries from the issue, not named queries; goal: ≤ 50 ms and ≥ 10× rdflib)")
        store.close()


def main() -> None:
    import os

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (figures scale with what else runs)")
    bench_build()
    bench_queries()


if __name__ == "__main__":
    main()
