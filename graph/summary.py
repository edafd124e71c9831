"""The store's summary: figures the explorer's first views need, computed once at build time.

Ranking every entity by degree is one GROUP BY over every statement's subject and object (1–2 s at
100,000 entities, whatever the query's shape), and the Overview's counts are scans of the same
size. `refresh_summary` computes them after a build (and after the explorer's own writes) and keeps
them in ONE named graph, `SUMMARY_GRAPH`, never in an article's graph:

- for the `RANKED` entities with the most statements: ``nkg:degree`` (statements in and out, a
  review's rejected facts left out, as graph.project counts them) and ``nkg:degreeRank`` (1 = most
  statements; ties by IRI), so the top n is n index lookups. Not every entity: writing (and later
  dropping) two triples for each of 100,000 entities costs ~25 s on disk, while no page asks for
  more than a few hundred (the Graph page's cap is 400) and any other entity's degree is one
  ``VALUES`` lookup (graph.readmodel.degrees);
- on the summary node: entities, articles and (kept) statements, the first and last publication
  date, entities by type and statements by predicate (``nkg:typeTally``, ``nkg:predicateTally``);
- a stamp: articles, statements and review triples as the store had them. A reader compares it
  with the store's own counts (three index counts) and falls back to the GROUP BY when they differ
  (a store built by an older version, or written by someone else since). A writer that replaces an
  article by one with as many statements is not seen by the stamp: every newskg writer refreshes.

The summary is derived data: equal stores give equal summaries (no clock, no blank nodes), exports
leave it out and a refresh replaces it whole.

Example:
    >>> from newskg.graph.store import open_store
    >>> with open_store(":memory:") as kg:
    ...     refresh_summary(kg), read_summary(kg)
    (None, None)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from newskg.graph.review import REVIEW_GRAPH
from newskg.graph.sparql import query
from newskg.graph.store import KGStore, LocalStore
from newskg.ontology.vocab import NS

__all__ = [
    "SUMMARY_GRAPH",
    "ENTITY_FIGURES",
    "SUMMARY_VERSION",
    "Stamp",
    "Summary",
    "current_stamp",
    "refresh_summary",
    "restamp",
    "read_summary",
    "top_ranked",
    "RANKED",
    "after_build",
    "kept",
]

SUMMARY_GRAPH = "https://w3id.org/newskg/summary"
ENTITY_FIGURES = frozenset({f"{NS}degree", f"{NS}degreeRank"})
"""The summary's predicates on entity IRIs: readers of the merged graph leave them out."""
"""The named graph holding the summary (and nothing else)."""
SUMMARY_VERSION = "1"
RANKED = 1000
"""Entities whose degree and rank the summary keeps (the best-connected ones)."""
"""Layout of the summary graph: a reader ignores a summary of another version."""

_S = f"<{SUMMARY_GRAPH}>"
_XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@dataclass(frozen=True)
class Stamp:
    """What the store held when its summary was computed: articles, statements, review triples."""

    articles: int
    statements: int
    reviews: int


@dataclass
class Summary:
    """The summary's figures (degrees stay in the store: read them with :func:`top_ranked`)."""

    stamp: Stamp
    entities: int
    articles: int
    statements: int
    dates: tuple[str, str] | None
    ranked: int = 0
    """Entities with a statement, all of which the GROUP BY would rank."""
    kept: int = 0
    """Ranks 1..kept are in the summary."""
    types: dict[str, int] = field(default_factory=dict)
    predicates: dict[str, int] = field(default_factory=dict)


def _count(store: KGStore, sparql: str) -> int:
    rows = query(store, sparql).rows
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def current_stamp(store: KGStore) -> Stamp:
    """The store's stamp now: three index counts (a few tens of ms at 100,000 entities)."""
    return Stamp(
        _count(store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a nkg:NewsArticle }"),
        _count(store, "SELECT (COUNT(?st) AS ?n) WHERE { ?st rdf:subject ?s }"),
        _count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{REVIEW_GRAPH}> {{ ?s ?p ?o }} }}"),
    )


def _lit(value: object) -> str:
    if isinstance(value, int):
        return str(ox.Literal(str(value), datatype=_XSD_INT))
    return str(ox.Literal(str(value)))


def _degrees(store: KGStore) -> dict[str, int]:
    """entity → statements in and out, rejected facts off, entities left without one dropped."""
    from newskg.graph.project import ViewFilters, _rejected_counts

    rows = query(
        store,
        "SELECT ?e (COUNT(?st) AS ?d) WHERE { { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } } "
        "GROUP BY ?e",
    ).rows
    minus = _rejected_counts(store, ViewFilters())
    out = {str(e): int(d) - minus.get(str(e), 0) for e, d in rows}
    return {e: d for e, d in out.items() if d > 0}


def refresh_summary(store: KGStore) -> Summary | None:
    """Compute the summary by SPARQL and replace the previous one; None (and no summary graph) for
    a store without articles. A reader never sees half a summary: an embedded store drops the old
    graph and loads the new one in one transaction (in between, readers fall back to the GROUP BY);
    a server gets one ``DROP ; INSERT DATA`` update."""
    store.check_writable()
    stamp = current_stamp(store)
    if stamp.articles == 0:
        store.drop_graph(SUMMARY_GRAPH)
        return None
    from newskg.graph.readmodel import _rejected_facts

    degree = _degrees(store)
    types = {
        str(t): int(n)
        for t, n in query(
            store, "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e nkg:entityType ?t } GROUP BY ?t"
        ).rows
    }
    preds = {
        str(p): int(n)
        for p, n in query(
            store, "SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st rdf:predicate ?p } GROUP BY ?p"
        ).rows
        if str(p).startswith(NS)
    }
    rejected_statements = 0
    for s_, p_, o_ in sorted(_rejected_facts(store)):
        n = _count(
            store,
            f"SELECT (COUNT(?st) AS ?n) WHERE {{ ?st rdf:subject <{s_}> ; rdf:predicate <{p_}> ; "
            f"rdf:object <{o_}> }}",
        )
        rejected_statements += n
        if p_ in preds:
            preds[p_] -= n
    dates = query(store, "SELECT (MIN(?d) AS ?lo) (MAX(?d) AS ?hi) WHERE { ?a schema:datePublished ?d }").rows
    summary = Summary(
        stamp,
        _count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e nkg:entityType ?t }"),
        _count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a nkg:NewsArticle }"),
        stamp.statements - rejected_statements,
        (str(dates[0][0]), str(dates[0][1])) if dates and dates[0][0] is not None else None,
        len(degree),
        min(len(degree), RANKED),
        dict(sorted(types.items())),
        {p: n for p, n in sorted(preds.items()) if n > 0},
    )
    _write(store, _ntriples(summary, degree))
    return summary


def _ntriples(summary: Summary, degree: dict[str, int]) -> str:
    head = {
        "summaryVersion": SUMMARY_VERSION,
        "stampArticles": summary.stamp.articles,
        "stampStatements": summary.stamp.statements,
        "stampReviews": summary.stamp.reviews,
        "entityCount": summary.entities,
        "articleCount": summary.articles,
        "statementCount": summary.statements,
        "rankedEntities": summary.ranked,
        "ranksKept": summary.kept,
    }
    if summary.dates:
        head["earliestDate"], head["latestDate"] = summary.dates
    lines = [f"{_S} <{NS}{k}> {_lit(v)} ." for k, v in head.items()]
    # tally nodes named after what they count: equal stores give equal quads
    for kind, tally in (("type", summary.types), ("predicate", summary.predicates)):
        for key, n in tally.items():
            node = f"<{SUMMARY_GRAPH}#{kind}-{key.rsplit('#', 1)[-1]}>"
            what = f"<{key}>" if kind == "predicate" else _lit(key)
            lines += [
                f"{_S} <{NS}{kind}Tally> {node} .",
                f"{node} <{NS}tallyOf> {what} .",
                f"{node} <{NS}tally> {_lit(n)} .",
            ]
    ranked = sorted(degree.items(), key=lambda r: (-r[1], r[0]))[: summary.kept]
    for rank, (e, d) in enumerate(ranked, 1):
        lines.append(f"<{e}> <{NS}degree> {_lit(d)} .")
        lines.append(f"<{e}> <{NS}degreeRank> {_lit(rank)} .")
    return "\n".join(lines)


def _write(store: KGStore, ntriples: str) -> None:
    if isinstance(store, LocalStore):  # a load is one transaction and ~5x faster than an update
        store.drop_graph(SUMMARY_GRAPH)
        store.write_graph(SUMMARY_GRAPH, ntriples, replace=False)
    else:
        store.write_graph(SUMMARY_GRAPH, ntriples, replace=True)


def restamp(store: KGStore) -> None:
    """Take the review triples of the stamp anew after a review that changes no figure (a rename,
    a merge: pages take merges off at read time), when the rest of the stamp still matches."""
    got = _stamp_of(store)
    now = current_stamp(store)
    if got is None or (got.articles, got.statements) != (now.articles, now.statements):
        return
    prop = f"<{NS}stampReviews>"
    store.update(
        f"DELETE {{ GRAPH {_S} {{ {_S} {prop} ?n }} }} "
        f"INSERT {{ GRAPH {_S} {{ {_S} {prop} {_lit(now.reviews)} }} }} "
        f"WHERE {{ GRAPH {_S} {{ {_S} {prop} ?n }} }}"
    )


def _head(store: KGStore) -> dict[str, object]:
    return {
        str(p)[len(NS) :]: v
        for p, v in query(store, f"SELECT ?p ?v WHERE {{ GRAPH {_S} {{ {_S} ?p ?v }} }}").rows
        if str(p).startswith(NS)
    }


def _stamp_of(store: KGStore, head: dict[str, object] | None = None) -> Stamp | None:
    head = _head(store) if head is None else head
    if str(head.get("summaryVersion")) != SUMMARY_VERSION:
        return None
    try:
        return Stamp(int(head["stampArticles"]), int(head["stampStatements"]), int(head["stampReviews"]))
    except (KeyError, TypeError, ValueError):
        return None


def read_summary(store: KGStore) -> Summary | None:
    """The summary when there is one of this version and its stamp matches the store; else None
    (the caller then counts the store itself)."""
    head = _head(store)
    stamp = _stamp_of(store, head)
    if stamp is None or stamp != current_stamp(store):
        return None
    types: dict[str, int] = {}
    preds: dict[str, int] = {}
    for kind, key, n in query(
        store,
        f"SELECT ?kind ?k ?n WHERE {{ GRAPH {_S} {{ VALUES ?kind {{ nkg:typeTally nkg:predicateTally }} "
        f"{_S} ?kind ?t . ?t nkg:tallyOf ?k ; nkg:tally ?n }} }}",
    ).rows:
        (types if str(kind).endswith("typeTally") else preds)[str(key)] = int(n)
    dates = (str(head["earliestDate"]), str(head["latestDate"])) if "earliestDate" in head else None
    return Summary(
        stamp,
        int(head.get("entityCount", 0)),
        int(head.get("articleCount", 0)),
        int(head.get("statementCount", 0)),
        dates,
        int(head.get("rankedEntities", 0)),
        int(head.get("ranksKept", 0)),
        types,
        preds,
    )


def top_ranked(store: KGStore, n: int) -> list[tuple[str, int]]:
    """(entity, degree) of ranks 1..n of the summary, best first: n index lookups. Call only after
    :func:`read_summary` said the summary is fresh, and with ``n <= kept`` unless every ranked
    entity is kept (else ranks past `kept` are missing)."""
    n = max(0, int(n))
    if n == 0:
        return []
    ranks = " ".join(str(i) for i in range(1, n + 1))
    rows = query(
        store,
        f"SELECT ?e ?r ?d WHERE {{ VALUES ?r {{ {ranks} }} "
        f"GRAPH {_S} {{ ?e nkg:degreeRank ?r ; nkg:degree ?d }} }}",
    ).rows
    return [(str(e), int(d)) for e, _, d in sorted(rows, key=lambda r: int(r[1]))]


def after_build(store: KGStore, report: object | None = None) -> None:
    """End of a build: refresh the summary when the build wrote anything, or when the store has
    none that matches (a store built by an older version); an idle rerun writes nothing."""
    wrote = report is None or bool(getattr(report, "added", 0) or getattr(report, "replaced", 0))
    if wrote or _stamp_of(store) != current_stamp(store):
        refresh_summary(store)


@contextlib.contextmanager
def kept(store: KGStore, *, figures: bool = True) -> Iterator[None]:
    """Keep the summary current across a write in the block: refreshed after it, or, with
    ``figures=False`` (a rename or a merge, which change no figure), only restamped when it was
    fresh before."""
    fresh = not figures and _stamp_of(store) == current_stamp(store)
    yield
    if fresh:
        restamp(store)
    else:
        refresh_summary(store)
