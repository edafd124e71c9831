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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newskg.graph.review import rejected_filter
from newskg.graph.sparql import query
from newskg.graph.store import KGStore
from newskg.ontology.errors import QueryError
from newskg.ontology.vocab import NS, predicate, predicates

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["to_networkx", "top_nodes", "view_totals", "neighbourhood", "ViewFilters"]

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
    nodes: Sequence[str] | None = None,
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
        nodes: keep only these entities (and the edges between them): the explorer's bounded
            views project a few hundred entities picked by :func:`top_nodes` or
            :func:`neighbourhood`, never the whole store.

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
    if nodes is not None:
        type_filter += " VALUES ?e { " + " ".join(_iri(n) for n in sorted(set(nodes))) + " }"

    graph = nx.MultiDiGraph()
    if nodes is not None and not flt:
        # a few entities by IRI: their own triples first, coordinates and GeoNames ids by IRI too
        # (the OPTIONAL subqueries below read every place of the store)
        # one DISTINCT query per attribute: a hub's triples repeat in each of its article graphs,
        # and joining those copies in one pattern multiplies the rows
        ve = _only_e(type_filter)
        kinds = query(
            store, f"SELECT DISTINCT ?e ?type WHERE {{ {type_filter} ?e nkg:entityType ?type }}"
        ).rows
        cls_of: dict[str, list[str]] = defaultdict(list)
        for e, c in query(store, f"SELECT DISTINCT ?e ?cls WHERE {{ {ve} ?e a ?cls }}").rows:
            cls_of[str(e)].append(c)
        lat = dict(query(store, f"SELECT DISTINCT ?e ?v WHERE {{ {ve} ?e schema:latitude ?v }}").rows)
        lon = dict(query(store, f"SELECT DISTINCT ?e ?v WHERE {{ {ve} ?e schema:longitude ?v }}").rows)
        geo = {str(e): (lat[e], lon[e]) for e in lat if e in lon}
        gns = dict(query(store, f"SELECT DISTINCT ?e ?gn WHERE {{ {ve} ?e nkg:geonamesId ?gn }}").rows)
        rows = [(e, t, c) for e, t in kinds for c in cls_of.get(str(e), [None])]
        node_rows = [(e, t, c, *geo.get(str(e), (None, None)), gns.get(str(e))) for e, t, c in rows]
    else:
        node_rows = query(
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
        ).rows
    info: dict[str, dict[str, Any]] = defaultdict(lambda: {"ko": [], "en": [], "cls": set()})
    label_langs = _labels(store, flt, type_filter, by_iri=nodes is not None and not flt)
    for e, etype, cls, lat, lon, gn in node_rows:
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

    if not wanted or graph.number_of_nodes() == 0:
        return graph
    ends = by_subject = ""
    if nodes is not None:
        # the kept subjects' statements first, the predicate checked on each (a VALUES ?p first
        # would read every statement of those predicates)
        # statements between the kept entities: the other end is checked before anything else is
        # read (a hub among them is the subject of thousands)
        in_p = pvalues.replace(" ", ", ")
        in_o = ", ".join(_iri(n) for n in sorted(graph.nodes))
        by_subject = (
            f"?st rdf:subject ?s . ?st rdf:object ?o . FILTER(?o IN ({in_o})) "
            f"?st rdf:predicate ?p . FILTER(?p IN ({in_p}))"
        )
        ends = "VALUES ?s { " + " ".join(_iri(n) for n in sorted(graph.nodes)) + " }"
    facts = query(
        store,
        f"""
        SELECT ?s ?p ?o ?article ?conf ?status WHERE {{
          {ends}
          {by_subject}
          {flt}
          {"" if ends else "VALUES ?p { " + pvalues + " }"}
          ?st rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o ; nkg:article ?article .
          OPTIONAL {{ ?st nkg:confidence ?conf }}
          OPTIONAL {{ ?st nkg:status ?status }}
        }}""",
    )
    # rejected facts are a reviewer's few: left out here, not by a NOT EXISTS on every statement
    rejected = set() if include_rejected else rejected_facts(store)
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s, p, o, article, conf, status in sorted(facts.rows, key=lambda r: tuple(str(x) for x in r)):
        s, p, o = str(s), str(p), str(o)
        if s not in graph or o not in graph or (s, p, o) in rejected:
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


def _only_e(type_filter: str) -> str:
    """The ``VALUES ?e`` part of a type filter (coordinates have no type to match)."""
    i = type_filter.find("VALUES ?e")
    return type_filter[i:] if i >= 0 else ""


def rejected_facts(store: KGStore) -> set[tuple[str, str, str]]:
    """(s, p, o) of every fact a current review rejects (usually none, or a few)."""
    from newskg.graph.readmodel import _rejected_facts

    return _rejected_facts(store)


def _iri(value: str) -> str:
    if not value or any(c in value for c in '<>"{}|^`\\ \n\t'):
        raise QueryError(f"not an IRI: {value!r}")
    return f"<{value}>"


@dataclass(frozen=True)
class ViewFilters:
    """The Graph page's filters, as :func:`to_networkx` takes them (hashable, for caches)."""

    articles: tuple[str, ...] | None = None
    predicates: tuple[str, ...] | None = None
    types: tuple[str, ...] | None = None
    since: str | None = None
    until: str | None = None
    keep_undated: bool = True
    include_rejected: bool = False

    def kwargs(self) -> dict[str, Any]:
        return {
            "articles": list(self.articles) if self.articles else None,
            "predicates": list(self.predicates) if self.predicates else None,
            "types": list(self.types) if self.types else None,
            "since": self.since,
            "until": self.until,
            "keep_undated": self.keep_undated,
            "include_rejected": self.include_rejected,
        }


def _edges_pattern(f: ViewFilters, inner: str = "") -> str:
    """The distinct (s, p, o) edges the filters keep, as a subquery: what node degrees count.

    Both ends must have a wanted type (an edge to a filtered-out entity is no edge of the view),
    and a symmetric fact stated both ways counts once, as :func:`to_networkx` draws it.
    """
    _check_date(f.since, "since")
    _check_date(f.until, "until")
    flt = _filters(f.articles, f.since, f.until, f.keep_undated)
    wanted = [predicate(p) for p in f.predicates] if f.predicates is not None else list(_all_predicates())
    pvalues = " ".join(f"<{p.iri}>" for p in wanted)
    types = ""
    if f.types:
        tv = " ".join(f'"{t}"' for t in f.types)
        types = f"?s nkg:entityType ?ts . ?o nkg:entityType ?to . VALUES ?ts {{ {tv} }} VALUES ?to {{ {tv} }}"
    symmetric = " ".join(f"<{p.iri}>" for p in wanted if p.symmetric) or "<urn:none>"
    article = "nkg:article ?article ;" if flt else ""
    return f"""{{ SELECT DISTINCT ?s ?p ?o WHERE {{
      {inner}
      {flt}
      VALUES ?p {{ {pvalues} }}
      ?st rdf:predicate ?p ; {article} rdf:subject ?s ; rdf:object ?o .
      {types}
      {"" if f.include_rejected else rejected_filter()}
      FILTER(?p NOT IN ({symmetric.replace(" ", ", ")}) || STR(?s) < STR(?o) || NOT EXISTS {{
        ?st2 rdf:predicate ?p ; rdf:subject ?o ; rdf:object ?s }})
    }} }}"""


def _statement_ends(f: ViewFilters, inner: str = "", *, other: bool = False) -> str:
    """Statements the filters keep, each joined to one of its ends as ?e (and the other as ?x).

    Kept to the few joins a filter needs: each join is a lookup per statement, and the unfiltered
    view (the page's first) needs none but the subject/object index.
    """
    _check_date(f.since, "since")
    _check_date(f.until, "until")
    flt = _filters(f.articles, f.since, f.until, f.keep_undated)
    if other or f.types:
        parts = [inner, "{ ?st rdf:subject ?e ; rdf:object ?x } UNION { ?st rdf:object ?e ; rdf:subject ?x }"]
    else:  # the one index scan a degree needs (rdf:subject/object are written on statements only)
        parts = [inner, "{ ?st rdf:subject ?e } UNION { ?st rdf:object ?e }"]
    if f.predicates is not None:
        wanted = ", ".join(f"<{predicate(p).iri}>" for p in f.predicates) or "<urn:none>"
        parts.append(f"?st rdf:predicate ?p . FILTER(?p IN ({wanted}))")
    if flt:
        parts += ["?st nkg:article ?article .", flt]
    if f.types:
        tv = ", ".join(f'"{t}"' for t in f.types)
        parts.append(
            f"FILTER EXISTS {{ ?e nkg:entityType ?te FILTER(?te IN ({tv})) }} "
            f"FILTER EXISTS {{ ?x nkg:entityType ?tx FILTER(?tx IN ({tv})) }}"
        )
    return "\n".join(parts)


def _rejected_counts(store: KGStore, f: ViewFilters) -> dict[str, int]:
    """entity → statements of rejected facts it is an end of (taken off its degree)."""
    out: dict[str, int] = defaultdict(int)
    if f.include_rejected:
        return out
    for s, p, o in rejected_facts(store):
        if f.predicates is not None and p.rsplit("#", 1)[-1] not in f.predicates:
            continue
        res = query(
            store,
            f"SELECT (COUNT(?st) AS ?n) WHERE {{ ?st rdf:subject {_iri(s)} ; rdf:predicate {_iri(p)} ; "
            f"rdf:object {_iri(o)} }}",
        )
        n = int(res.rows[0][0]) if res.rows else 0
        out[s] += n
        out[o] += n
    return out


def _rejected_statements(store: KGStore, f: ViewFilters) -> set[tuple[str, str]]:
    """(statement, end) pairs of the statements of rejected facts: the walk does not cross them."""
    out: set[tuple[str, str]] = set()
    if f.include_rejected:
        return out
    for s, p, o in rejected_facts(store):
        res = query(
            store,
            f"SELECT ?st WHERE {{ ?st rdf:subject {_iri(s)} ; rdf:predicate {_iri(p)} ; "
            f"rdf:object {_iri(o)} }}",
        )
        for (st,) in res.rows:
            out |= {(str(st), s), (str(st), o)}
    return out


def top_nodes(
    store: KGStore, n: int, filters: ViewFilters | None = None, *, totals: bool = True
) -> tuple[list[str], int, int]:
    """The `n` entities with the most statements under `filters` (ties by IRI), and how many
    entities and statements the filtered graph has in all: (nodes, total entities, total statements).
    Without filters the total counts every entity of the store, with or without a statement.

    Unfiltered, the build's summary (graph/summary.py) when it matches the store: n index lookups.
    Else one GROUP BY over the statements' subject and object index, ordered and cut in the store;
    nothing is projected but the answer.
    """
    filters = filters or ViewFilters()
    if filters == ViewFilters():  # the page's first view: the build's ranking, when it is current
        from newskg.graph.summary import read_summary, top_ranked

        summary = read_summary(store)
        if summary is not None and (n <= summary.kept or summary.kept >= summary.ranked):
            nodes = [e for e, _ in top_ranked(store, n)]
            if not totals:
                return nodes, -1, -1
            return nodes, summary.entities, summary.statements
    minus = _rejected_counts(store, filters)
    spare = sum(1 for v in minus.values() if v)  # a rejected fact can push an entity out of the top n
    where = _statement_ends(filters)
    # ordering by IRI in the store is slow (each comparison decodes two strings): order by count
    # there, then settle a tie across the cut by reading every entity of that count
    n = max(0, int(n))
    rows = query(
        store,
        f"""SELECT ?e (COUNT(?st) AS ?d) WHERE {{ {where} }} GROUP BY ?e ORDER BY DESC(?d)
        LIMIT {10 * n + 1 + spare}""",
    ).rows
    got = {str(e): int(d) for e, d in rows}
    # the rows read hold every entity tied with the n-th unless the tie runs past all of them
    if 0 < n < len(rows) and int(rows[n - 1][1]) == int(rows[-1][1]) and len(rows) > 10 * n + spare:
        tie = int(rows[n - 1][1])
        for (e,) in query(
            store, f"SELECT ?e WHERE {{ {where} }} GROUP BY ?e HAVING (COUNT(?st) = {tie})"
        ).rows:
            got[str(e)] = tie
    ranked = sorted(((e, d - minus.get(e, 0)) for e, d in got.items()), key=lambda r: (-r[1], r[0]))
    ranked = [r for r in ranked if r[1] > 0][:n]
    if not totals:
        return [e for e, _ in ranked], -1, -1
    return ([e for e, _ in ranked], *view_totals(store, filters))


def view_totals(store: KGStore, filters: ViewFilters | None = None) -> tuple[int, int]:
    """(entities, statements) of the graph the filters keep; without filters, of the whole store
    (every entity, with or without a statement)."""
    filters = filters or ViewFilters()
    if filters == ViewFilters():
        from newskg.graph.summary import read_summary

        summary = read_summary(store)
        if summary is not None:
            return summary.entities, summary.statements
    minus = _rejected_counts(store, filters)
    if filters == ViewFilters():  # the whole graph: two index counts, not a DISTINCT over every end
        entities = int(
            query(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e nkg:entityType ?t }").rows[0][0]
        )
        ends = 2 * int(query(store, "SELECT (COUNT(?st) AS ?n) WHERE { ?st rdf:subject ?s }").rows[0][0])
    else:
        where = _statement_ends(filters)
        got = query(store, f"SELECT (COUNT(DISTINCT ?e) AS ?n) (COUNT(?st) AS ?m) WHERE {{ {where} }}").rows
        entities, ends = (int(got[0][0]), int(got[0][1])) if got else (0, 0)
    return entities, (ends - sum(minus.values())) // 2


def neighbourhood(
    store: KGStore,
    focus: Sequence[str],
    *,
    radius: int = 1,
    max_nodes: int = 150,
    filters: ViewFilters | None = None,
) -> tuple[list[str], int]:
    """The focus entities and what is up to `radius` hops away (edges either way) under `filters`,
    at most `max_nodes` of them: (nodes, total reached).

    Nearer hops come first; past the cap, the entities with the most edges into what was already
    reached fill up. The walk stops at the hop that reaches the cap (a hub's second hop can be the
    whole store), so `total` counts what was reached until then.
    """
    filters = filters or ViewFilters()
    seen: dict[str, int] = {f: 0 for f in focus}
    rejected = _rejected_statements(store, filters)
    rejected_spo = set() if filters.include_rejected else rejected_facts(store)
    frontier = list(dict.fromkeys(focus))
    order: list[str] = list(frontier)
    total = len(order)
    for _ in range(max(0, int(radius))):
        if not frontier or len(order) >= max_nodes:
            break
        links: dict[str, int] = defaultdict(int)
        if filters == ViewFilters():  # the direct triples: an index scan per entity and predicate
            from newskg.graph.readmodel import _fact_rows

            for a, p, b, _, _ in _fact_rows(store, frontier):
                if (a, p, b) in rejected_spo:
                    continue
                for m in (a, b):
                    if m not in seen:
                        links[m] += 1
            frontier = _hop(links, seen, order, max_nodes)
            total += len(frontier)
            continue
        for i in range(0, len(frontier), 300):
            values = " ".join(_iri(x) for x in frontier[i : i + 300])
            where = _statement_ends(filters, f"VALUES ?e {{ {values} }}", other=True)
            for st, x in query(store, f"SELECT DISTINCT ?st ?x WHERE {{ {where} }}").rows:
                if str(x) not in seen and (str(st), str(x)) not in rejected:
                    links[str(x)] += 1
        frontier = _hop(links, seen, order, max_nodes)
        total += len(frontier)
    return order, total


def _hop(links: dict[str, int], seen: dict[str, int], order: list[str], max_nodes: int) -> list[str]:
    """Add one hop's entities (most links first) to `order` up to the cap; returns them all."""
    fresh = sorted(links, key=lambda m: (-links[m], m))
    order += fresh[: max(0, max_nodes - len(order))]
    for m in fresh:
        seen[m] = 1
    return fresh


def _all_predicates():
    return predicates().values()


def _labels(
    store: KGStore, flt: str, type_filter: str, *, by_iri: bool = False
) -> list[tuple[str, str | None, str | None]]:
    """(entity, ko, en) label rows, the label most article graphs give first (then the longest), so
    taking the first of each language agrees with the Entity page (graph.readmodel).

    `by_iri`: the entities are given (VALUES ?e) and already typed: labels alone, no join with a
    hub's type in each of its article graphs."""
    res = query(
        store,
        f"""
        SELECT ?e ?label (LANG(?label) AS ?lang) (COUNT(DISTINCT ?article) AS ?n) WHERE {{
          {flt}
          {_only_e(type_filter) if by_iri else type_filter}
          {
            "GRAPH ?article { ?e rdfs:label ?label }"
            if by_iri
            else "GRAPH ?article { ?e nkg:entityType ?type ; rdfs:label ?label }"
        }
        }} GROUP BY ?e ?label""",
    )
    rows = sorted(res.rows, key=lambda r: (-int(r[3]), -len(str(r[1])), str(r[1])))
    return [
        (str(e), str(label) if lang == "ko" else None, str(label) if lang == "en" else None)
        for e, label, lang, _ in rows
    ]
