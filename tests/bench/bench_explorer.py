"""Server-side time to produce the explorer's Graph and Entity views on a graph of 10,000 entities.

Builds a synthetic store (556 articles × 20 entities, 30 facts each, a few hubs shared by every
article) in a temporary directory with `add_extractions`, then times:

* the library steps behind each view (projection, bounded view, vis payload; entity table, entity
  view with its facts and evidence), and
* the whole page as Streamlit runs it (`AppTest`), first on a cold cache and then warm. The app
  lands on Overview, which loads the entity and article tables that the other pages share.

Goal: ≤ 1 s each. Run: `make bench ARGS=explorer`.
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


def synthetic_extractions(seed: int = 7):
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
    for a in range(N_ARTICLES):
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


def _t(fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t0


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from newskg.app.explorer import data, graphview
    from newskg.graph.build import add_extractions
    from newskg.graph.project import to_networkx
    from newskg.graph.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.oxigraph")
        exs = synthetic_extractions()
        with open_store(path) as kg:
            _, secs = _t(add_extractions, kg, exs)
            table, t_table = _t(data.entity_table, kg)
            print(f"store: {len(table):,} entities, {N_ARTICLES} articles, built in {secs:.1f} s")
            g, t_proj = _t(to_networkx, kg)
            (view, note), t_view = _t(graphview.bounded_view, g, max_nodes=150)
            payload, t_vis = _t(graphview.vis_data, view, lang="ko")
            (fview, _), t_fview = _t(
                graphview.bounded_view, g, focus=[table.iloc[0]["iri"]], radius=1, max_nodes=150
            )
            hit = table[table["ko"] == "개체250번7"].iloc[0]["iri"]
            ev, t_entity = _t(data.entity_view, kg, hit)
            hub, t_hub = _t(data.entity_view, kg, table.iloc[0]["iri"])
            _, t_search = _t(data.search_entities, table, "Siheung")
        print(
            f"library  graph: projection of {g.number_of_nodes():,} nodes / {g.number_of_edges():,} edges "
            f"{t_proj:.2f} s; bounded view (top 150) {t_view * 1000:.0f} ms; focused view "
            f"{t_fview * 1000:.0f} ms; vis payload {t_vis * 1000:.0f} ms"
        )
        print(
            f"library entity: entity table {t_table:.2f} s; entity view {t_entity * 1000:.0f} ms "
            f"({len(ev.facts)} facts); hub entity view {t_hub * 1000:.0f} ms ({len(hub.facts)} facts); "
            f"search {t_search * 1000:.0f} ms"
        )

        from streamlit.testing.v1 import AppTest

        os.environ["NEWSKG_STORE"] = path
        at = AppTest.from_file(str(MAIN), default_timeout=300)
        _, secs = _t(at.run)  # lands on Overview: entity and article tables, counts
        print(f"AppTest {'overview page (first load)':28s} cold: {secs:.2f} s")
        top = table.iloc[0]["iri"]
        for page, params in (("graph", {}), ("entity", {"iri": hit}), ("entity", {"iri": top})):
            for run in ("cold", "warm"):
                for k, v in params.items():
                    at.query_params[k] = v
                at.switch_page(f"views/{page}.py")
                _, secs = _t(at.run)
                assert not at.exception, at.exception
                what = f"{page} page" + (" (hub: Siheung)" if params.get("iri") == top else "")
                print(f"AppTest {what:28s} {run}: {secs:.2f} s")
        data._open(path).close()


if __name__ == "__main__":
    main()
