"""Server-side time of every explorer page's first (cold) view on stores of 10,000 and 100,000 entities.

Generates each store in a temporary directory: invented articles of 20 entities (18 new ones, two
hubs every article shares) and 30 facts, turned into their real graph layout by graph.build's
`article_ntriples` and bulk-loaded as one N-Quads file (minutes faster than one transaction per
article; no extractor involved), then summarised as every build path ends (graph/summary.py).
Then every page runs in Streamlit's `AppTest` after every cache
was cleared (cold: no cached query result, view or projection; the store handle and the imports
stay, as in a running server, and the chart libraries are imported first), and once more (warm).
Pages: Overview, Graph (no focus, and the neighbourhood of a hub), Entity (a leaf and a hub),
Article, Timeline, SPARQL, Map, Add, Export.

Goal: cold ≤ 1 s at 10,000 entities, ≤ 2 s at 100,000. Run: `make bench ARGS=explorer`
(`python -m tests.bench.bench_explorer 10000` for one size).
"""

from __future__ import annotations

import logging
import os
import random
import tempfile
import time
from pathlib import Path

N_ARTICLES, PER_ARTICLE, FACTS = 556, 20, 30
PREDICATES = ["visits", "meets", "cooperatesWith", "signsAgreementWith", "headOf", "worksFor", "locatedIn"]
TYPES = {
    "visits": ("PERSON", "LOC"),
    "meets": ("PERSON", "PERSON"),
    "cooperatesWith": ("ORG", "ORG"),
    "signsAgreementWith": ("ORG", "LOC"),
    "headOf": ("PERSON", "ORG"),
    "worksFor": ("PERSON", "ORG"),
    "locatedIn": ("ORG", "LOC"),
}
MAIN = Path(__file__).resolve().parents[2] / "app" / "explorer" / "main.py"


def synthetic_extractions(seed: int = 7, n_articles: int = N_ARTICLES):
    from newskg.extract.records import Article, Entity, Evidence, Extraction, Triple

    rng = random.Random(seed)
    hubs = [
        Entity(
            "ent:siheung", "시흥시", "Siheung", "LOC", "City", ("시흥",), ((0, 3),), 1846054, 37.38, 126.8
        ),
        Entity("ent:gyeonggi", "경기도", "Gyeonggi Province", "LOC", "Province", (), ((4, 7),)),
    ]
    cls = {"PERSON": "Person", "ORG": "Organization", "LOC": "City"}
    kinds = ["PERSON", "ORG", "LOC"]
    out = []
    for a in range(n_articles):
        text = "시흥시 경기도 " + " ".join(f"개체{a}번{i}" for i in range(PER_ARTICLE)) + " 끝."
        ents = list(hubs)
        for i in range(PER_ARTICLE - len(hubs)):
            kind = kinds[i % 3]
            start = text.index(f"개체{a}번{i}")
            ents.append(
                Entity(
                    f"ent:{a}-{i}",
                    f"개체{a}번{i}",
                    f"Entity {a}-{i}",
                    kind,
                    cls[kind],
                    (),
                    ((start, start + len(f"개체{a}번{i}")),),
                )
            )
        by_type = {k: [e for e in ents if e.type == k] for k in kinds}
        triples = []
        for _ in range(FACTS):
            p = rng.choice(PREDICATES)
            st, ot = TYPES[p]
            s, o = rng.choice(by_type[st]), rng.choice(by_type[ot])
            if s.id != o.id:
                triples.append(
                    Triple(s.id, p, o.id, round(rng.uniform(0.5, 0.95), 2), Evidence(text, 0, len(text)))
                )
        art = Article(f"synthetic-{a:04d}", text, f"기사 {a}", f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}")
        out.append(Extraction(art.id, tuple(ents), tuple(triples), art))
    return out


def write_store(path: str, extractions) -> int:
    """Write the extractions' article graphs (graph.build's own N-Triples) as one N-Quads file and
    bulk-load it: the real layout of a built store, minutes faster than one transaction per article."""
    import pyoxigraph as ox
    from newskg.graph.build import article_ntriples

    nq = Path(path + ".nq")
    n = 0
    with nq.open("w", encoding="utf-8") as out:
        for ex in extractions:
            graph, lines = article_ntriples(
                ex, generated_at="2024-12-01T00:00:00Z", extractor_version="bench"
            )
            for line in lines:
                out.write(f"{line[:-1]}<{graph}> .\n")
            n += len(lines)
    db = ox.Store(path)
    db.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    db.flush()
    del db
    nq.unlink()
    return n


def _t(fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t0


SIZES = (10_000, 100_000)
GOALS = {10_000: 1.0, 100_000: 2.0}
PAGES = ("overview", "graph", "entity", "timeline", "article", "sparql", "map", "add", "export")


def page_times(path: str, hub: str, leaf: str, article: str) -> list[tuple[str, float, float]]:
    """(page, cold s, warm s) for every page, each cold run after every cache was cleared."""
    from newskg.app.explorer import data
    from streamlit.testing.v1 import AppTest

    os.environ["NEWSKG_STORE"] = path
    at = AppTest.from_file(str(MAIN), default_timeout=600)
    out = []
    cases = [("overview", {}), ("graph", {}), ("graph", {"focus": hub}), ("entity", {"iri": leaf})]
    cases += [("entity", {"iri": hub}), ("article", {"article": article})]
    cases += [(p, {}) for p in PAGES if p not in ("overview", "graph", "entity", "article")]
    # warm-up, as a running server has it: the store handle and the libraries the pages draw with
    # (their first import is ~1-2 s once per process, whatever the store's size)
    import altair  # noqa: F401
    import networkx  # noqa: F401

    at.switch_page("views/add.py")
    at.run()
    for page, params in cases:
        data.added()  # cold: no cached query result, projection or view (the store stays open)
        times = []
        for _ in ("cold", "warm"):
            at.query_params.clear()
            for k, v in params.items():
                at.query_params[k] = v
            at.switch_page(f"views/{page}.py")
            _, secs = _t(at.run)
            assert not at.exception, (page, at.exception)
            times.append(secs)
        what = page + {
            "focus": " (focus: hub)",
            "iri": " (hub)" if params.get("iri") == hub else " (leaf)",
        }.get(next(iter(params), ""), "")
        if page == "article":
            what = "article"
        out.append((what, *times))
    data._open(path).close()
    data._open.clear()
    return out


def main(sizes=SIZES) -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from newskg.graph.store import open_store

    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "bench.oxigraph")
            n_articles = -(-(size - 2) // (PER_ARTICLE - 2))  # 18 new entities each, two hubs shared
            exs, gen = _t(synthetic_extractions, n_articles=n_articles)
            quads, load = _t(write_store, path, exs)
            with open_store(path) as kg:  # what every build path ends with (graph/summary.py)
                from newskg.graph.summary import refresh_summary

                _, summed = _t(refresh_summary, kg)
            with open_store(path, read_only=True) as kg:
                from newskg.graph.sparql import query

                n = query(kg, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e nkg:entityType ?t }").rows[0][0]
            print(
                f"store: {int(n):,} entities, {n_articles:,} articles, {quads:,} quads; generated "
                f"{gen:.1f} s, bulk-loaded {load:.1f} s, summary {summed:.1f} s",
                flush=True,
            )
            hub = "https://w3id.org/newskg/entity/gn1846054"
            from newskg.graph.resolve import article_iri, entity_iris

            leaf = entity_iris(exs[n_articles // 2])[exs[n_articles // 2].entities[9].id]
            art = article_iri(exs[n_articles // 3].doc)
            del exs
            for page, cold, warm in page_times(path, hub, leaf, art):
                rows.append((page, size, cold, warm))
                ok = "ok" if cold <= GOALS[size] else "OVER"
                print(
                    f"explorer {page:20s} {size:>7,} entities  cold {cold:5.2f} s  warm {warm:5.2f} s  "
                    f"goal {GOALS[size]:.0f} s  {ok}",
                    flush=True,
                )


if __name__ == "__main__":
    import sys

    main(tuple(int(x) for x in sys.argv[1:]) or SIZES)
