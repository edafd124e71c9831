"""The graph as a networkx MultiDiGraph of entities: the explorer's input, GraphML-exportable.

Nodes are keyed by entity IRI with plain attributes: ``label_ko``, ``label_en``, ``type`` (PERSON,
ORG, LOC), ``cls`` (finest ontology class), and where known ``lat``, ``lon`` (float) and
``geonames`` (str). Edges are keyed by the predicate's local name and carry ``predicate`` (IRI),
``count`` (statements behind the edge), ``articles`` (space-joined article IRIs) and ``confidence``
(the highest) and ``status`` (``done``, or ``planned``/``failed`` when no statement says it
happened). Facts a review rejected are left out. A symmetric fact is one edge, whichever way round
the articles state it.

Example:
    >>> from newskg.extract.records import Entity, Evidence, Extraction, Triple
    >>> from newskg.graph.build import add_extractions
    >>> from newskg.graph.store import open_store
    >>> ents = (Entity("a", "시흥시", "Siheung", "LOC", "City"),
    ...         Entity("b", "샌디에이고", "San Diego", "LOC", "City"))
    >>> ev = Evidence("시흥시는 샌디에이고와 자매결연을 맺었다.", 0, 21)
    >>> ev2 = Evidence("샌디에이고는 시흥시와 자매도시다.", 22, 40)
    >>> facts = (Triple("a", "sisterCityOf", "b", 0.9, ev), Triple("b", "sisterCityOf", "a", 0.7, ev2),
    ...          Triple("a", "sisterCityOf", "b", 0.8, Evidence("시흥시와 샌디에이고는 자매도시다.", 41, 59)))
    >>> with open_store(":memory:") as store:
    ...     _ = add_extractions(store, [Extraction("doc-1", ents, facts)])
    ...     g = to_networkx(store)
    >>> [(g.nodes[u]["label_en"], k, g.nodes[v]["label_en"], d["count"])
    ...  for u, v, k, d in g.edges(keys=True, data=True)]
    [('Siheung', 'sisterCityOf', 'San Diego', 3)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newskg.graph.review import rejected_filter
from newskg.graph.sparql import query
from newskg.graph.store import KGStore
from newskg.ontology.errors import QueryError
from newskg.ontology.vocab import NS, predicate, predicates

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["to_networkx"]

_COARSE = {"Entity", "Person", "Organization", "Place"}


def _filters(
    articles: Sequence[str] | None, since: str | None, until: str | None, keep_undated: bool = True
) -> str:
    out = []
    if articles:
        out.append("VALUES ?article { " + " ".join(f"<{a}>" for a in articles) + " }")
    if since or until:
        conds = []
        if since:
            conds.append(f'?date >= "{since[:10]}"^^xsd:date')
        if until:
            conds.append(f'?date <= "{until[:10]}"^^xsd:date')
        cond = " && ".join(conds)
        if keep_undated:  # an article without a date is not known to be outside the range
            out.append("?article a nkg:NewsArticle . OPTIONAL { ?article schema:datePublished ?date }")
            out.append(f"FILTER(!BOUND(?date) || ({cond}))")
        else:
            out.append("?article schema:datePublished ?date .")
            out.append(f"FILTER({cond})")
    return "\n".join(out)


def _check_date(value: str | None, name: str) -> None:
    import re

    if value is not None and not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        raise QueryError(f"{name} must be a date as YYYY-MM-DD, not {value!r}")


def to_networkx(
    store: KGStore,
    *,
    articles: Sequence[str] | None = None,
    predicates: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    keep_undated: bool = True,
    include_rejected: bool = False,
) -> nx.MultiDiGraph:
    """Project the store (or part of it) onto a networkx MultiDiGraph.

    Args:
        store: an open store.
        articles: keep only what these article IRIs say (default: every article).
        predicates: keep only edges with these predicate local names (default: all 11).
        types: keep only entities of these coarse types (PERSON, ORG, LOC).
        since, until: keep only articles published in this date range (YYYY-MM-DD, inclusive).
        keep_undated: with a date range, keep articles that have no publication date (default).
        include_rejected: keep facts a review rejected (graph/review.py); left out by default.

    An edge's ``status`` is ``done`` when any statement behind it reports the fact as done, else
    ``planned`` or ``failed`` (a plan only).
    """
    import networkx as nx

    _check_date(since, "since")
    _check_date(until, "until")
    flt = _filters(articles, since, until, keep_undated)
    wanted = [predicate(p) for p in predicates] if predicates is not None else list(_all_predicates())
    pvalues = " ".join(f"<{p.iri}>" for p in wanted)
    symmetric = {p.iri for p in wanted if p.symmetric}
    type_filter = ""
    if types:
        tv = " ".join(f'"{t}"' for t in types)
        type_filter = f"VALUES ?type {{ {tv} }}"

    graph = nx.MultiDiGraph()
    nodes = query(
        store,
        f"""
        SELECT DISTINCT ?e ?type ?cls ?lat ?lon ?gn WHERE {{
          {flt}
          {type_filter}
          GRAPH ?article {{ ?e nkg:entityType ?type ; a ?cls }}
          OPTIONAL {{ SELECT DISTINCT ?e ?lat ?lon WHERE {{
            ?e schema:latitude ?lat ; schema:longitude ?lon }} }}
          OPTIONAL {{ SELECT DISTINCT ?e ?gn WHERE {{ ?e nkg:geonamesId ?gn }} }}
        }}""",
    )
    info: dict[str, dict[str, Any]] = defaultdict(lambda: {"ko": [], "en": [], "cls": set()})
    label_langs = _labels(store, flt, type_filter)
    for e, etype, cls, lat, lon, gn in nodes.rows:
        d = info[str(e)]
        d["type"] = str(etype)
        if isinstance(cls, str) and cls.startswith(NS):
            d["cls"].add(cls[len(NS) :])
        if lat is not None and lon is not None:
            d["lat"], d["lon"] = float(lat), float(lon)
        if gn is not None:
            d["geonames"] = str(gn)
    for e, ko, en in label_langs:
        if e in info:
            if ko:
                info[e]["ko"].append(ko)
            if en:
                info[e]["en"].append(en)
    for e, d in info.items():
        fine = sorted(d["cls"] - _COARSE) or sorted(d["cls"]) or ["Entity"]
        attrs: dict[str, Any] = {
            "label_ko": d["ko"][0] if d["ko"] else "",
            "label_en": d["en"][0] if d["en"] else (d["ko"][0] if d["ko"] else e),
            "type": d.get("type", ""),
            "cls": fine[0],
        }
        if not attrs["label_ko"]:
            attrs["label_ko"] = attrs["label_en"]
        for k in ("lat", "lon", "geonames"):
            if k in d:
                attrs[k] = d[k]
        graph.add_node(e, **attrs)

    if not wanted:
        return graph
    facts = query(
        store,
        f"""
        SELECT ?s ?p ?o ?article ?conf ?status WHERE {{
          {flt}
          VALUES ?p {{ {pvalues} }}
          ?st rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o ; nkg:article ?article .
          OPTIONAL {{ ?st nkg:confidence ?conf }}
          OPTIONAL {{ ?st nkg:status ?status }}
          {"" if include_rejected else rejected_filter()}
        }}""",
    )
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s, p, o, article, conf, status in sorted(facts.rows, key=lambda r: tuple(str(x) for x in r)):
        s, p, o = str(s), str(p), str(o)
        if s not in graph or o not in graph:
            continue
        key = (min(s, o), max(s, o), p) if p in symmetric else (s, o, p)
        d = edges.setdefault(
            key, {"count": 0, "articles": set(), "confidence": 0.0, "ways": defaultdict(int), "status": set()}
        )
        d["status"].add(str(status).rsplit("#", 1)[-1].lower() if status else "done")
        d["count"] += 1
        d["ways"][(s, o)] += 1
        d["articles"].add(str(article))
        d["confidence"] = max(d["confidence"], float(conf) if conf is not None else 0.0)
    for (_, _, p), d in sorted(edges.items()):
        # a symmetric edge points the way most statements put it (ties: the first in IRI order)
        s, o = max(sorted(d["ways"]), key=lambda way: d["ways"][way])
        graph.add_edge(
            s,
            o,
            key=p[len(NS) :],
            predicate=p,
            count=d["count"],
            articles=" ".join(sorted(d["articles"])),
            confidence=d["confidence"],
            status="done" if "done" in d["status"] else min(d["status"]),
        )
    return graph


def _all_predicates():
    return predicates().values()


def _labels(store: KGStore, flt: str, type_filter: str) -> list[tuple[str, str | None, str | None]]:
    """(entity, ko, en) label rows, the label most article graphs give first (then the longest), so
    taking the first of each language agrees with the Entity page (graph.readmodel)."""
    res = query(
        store,
        f"""
        SELECT ?e ?label (LANG(?label) AS ?lang) (COUNT(DISTINCT ?article) AS ?n) WHERE {{
          {flt}
          {type_filter}
          GRAPH ?article {{ ?e nkg:entityType ?type ; rdfs:label ?label }}
        }} GROUP BY ?e ?label""",
    )
    rows = sorted(res.rows, key=lambda r: (-int(r[3]), -len(str(r[1])), str(r[1])))
    return [
        (str(e), str(label) if lang == "ko" else None, str(label) if lang == "en" else None)
        for e, label, lang, _ in rows
    ]
