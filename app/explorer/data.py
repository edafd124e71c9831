"""What the explorer pages read from the graph: cached at the app edge only.

The store handle and the extractor are `st.cache_resource` (one per process); query results are
`st.cache_data` keyed by the store location (the handle itself is passed as `_store`, unhashed).
`added()` clears every cache after a write, so each page shows a new article at once.

The plain functions (`entity_table`, `entity_view`, …) take a `KGStore` and need no Streamlit;
the benchmark and the tests call them directly.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st
from newskg.graph import readmodel, review
from newskg.graph.project import ViewFilters
from newskg.graph.sparql import query
from newskg.graph.store import KGStore, open_store, resolve_location

__all__ = [
    "store",
    "location",
    "extractor",
    "extractor_loaded",
    "add_article",
    "remove_article",
    "write_lock",
    "refresh_summary",
    "reviewed",
    "added",
    "select",
    "facts_frame",
    "entity_table",
    "entity_view",
    "EntityView",
    "article_table",
    "article_view",
    "ArticleView",
    "overview_counts",
    "map_tables",
    "label_of",
    "search_entities",
    "cached_entity_table",
    "cached_entity_view",
    "cached_article_table",
    "cached_article_view",
    "cached_overview",
    "cached_map_tables",
    "cache_key",
    "overview_stats",
    "cached_overview_stats",
    "search",
    "cached_search",
    "names",
    "cached_names",
    "GraphView",
    "graph_view",
    "cached_graph_view",
    "filters_of",
    "cached_entity_page",
    "SECTIONS",
    "article_choices",
    "cached_article_choices",
    "cached_date_range",
    "cached_counts",
    "cached_degrees",
]

_WRITE_LOCK = threading.Lock()


# ---------------------------------------------------------------- resources (one per process)
def location() -> str:
    """The store this app serves: env NEWSKG_STORE (set by `newskg explore`), else the default."""
    return resolve_location(None)


def store_name() -> str:
    """The store as users may see it: its folder name or the endpoint's host, never a server path."""
    loc = location()
    if loc.startswith(("http://", "https://")):
        return loc.split("/")[2]
    return Path(loc).name or loc


@st.cache_resource(show_spinner=False)
def _open(loc: str) -> KGStore:
    return open_store(loc)


def store() -> KGStore:
    """The app's store handle, opened once per process (read-write: Add article writes to it)."""
    return _open(location())


_LOADED = threading.Event()


@st.cache_resource(show_spinner=False)
def extractor():
    """The extraction pipeline, built once per process (the first load takes several seconds)."""
    from newskg.extract.pipeline import get_extractor

    got = get_extractor()
    _LOADED.set()
    return got


def extractor_loaded() -> bool:
    """True once the pipeline is built (the page then needs no 'loading' note)."""
    return _LOADED.is_set()


def add_article(kg: KGStore, extraction, *, replace: str | None = None):
    """Write one extraction to the store (the one place the explorer builds), then, when it replaces
    another article whose IRI differs, drop that article's graph. Clears every cache."""
    from newskg.graph.build import add_extractions

    with write_lock():
        report = add_extractions(kg, [extraction])
        if replace and replace not in report.articles and not report.rejected:
            remove_article(kg, replace, locked=True)
        else:
            refresh_summary(kg)
    added()
    return report


def remove_article(kg: KGStore, iri: str, *, locked: bool = False) -> None:
    """Drop an article's named graph (its facts and mentions go with it). Clears every cache."""
    from newskg.graph.build import remove_article as drop

    if locked:
        drop(kg, iri)
        refresh_summary(kg)
    else:
        with write_lock():
            drop(kg, iri)
            refresh_summary(kg)
    added()


def refresh_summary(kg: KGStore) -> None:
    """After the app's own write: the summary the first views read must not lag it."""
    from newskg.graph.summary import refresh_summary as refresh

    refresh(kg)


def reviewed(kg: KGStore, *, figures: bool = True):
    """Context for a review write: keeps the summary current (refreshed, or with ``figures=False``,
    a rename or a merge, only restamped)."""
    from newskg.graph.summary import kept

    return kept(kg, figures=figures)


def write_lock() -> threading.Lock:
    """Serialises writes from concurrent sessions."""
    return _WRITE_LOCK


_VERSION = [0]


def cache_key() -> str:
    """What cached results are keyed on: the store's location and its version in this process
    (bumped by every write the app makes), so a result is never served for another graph."""
    return f"{location()}#{_VERSION[0]}"


def added() -> None:
    """Forget every cached query result after the graph changed."""
    _VERSION[0] += 1
    st.cache_data.clear()


# ---------------------------------------------------------------- SPARQL helpers
def select(kg: KGStore, sparql: str) -> pd.DataFrame:
    """Run a SELECT (prefixes nkg, rdf, rdfs, skos, owl, schema, prov, xsd predeclared) as a DataFrame."""
    res = query(kg, sparql)
    return pd.DataFrame(res.rows, columns=list(res.columns))


# ---------------------------------------------------------------- the read model, as tables
_ENTITY_COLUMNS = ["iri", "type", "ko", "en", "cls", "aliases", "degree", "merged_into"]


def entity_table(kg: KGStore) -> pd.DataFrame:
    """Every entity (graph.readmodel.entities) with aliases joined by ' | '; merged ones left out."""
    rows = [dict(r, aliases=" | ".join(r["aliases"])) for r in readmodel.entities(kg) if not r["merged_into"]]
    return pd.DataFrame(rows, columns=_ENTITY_COLUMNS)


def label_of(table: pd.DataFrame, lang: str) -> dict[str, str]:
    """iri → label in `lang` ('ko' or 'en') from an entity table."""
    return dict(zip(table["iri"], table[lang], strict=True))


def search_entities(table: pd.DataFrame, text: str, *, limit: int = 20) -> pd.DataFrame:
    """Entities whose Korean or English label or alias contains `text` (case-insensitive).

    Exact matches first, then prefix matches, then the rest; ties by degree.
    """
    q = text.strip().casefold()
    if not q or table.empty:
        return table.iloc[0:0]
    ko, en, al = (table[c].fillna("").str.casefold() for c in ("ko", "en", "aliases"))
    hit = ko.str.contains(q, regex=False) | en.str.contains(q, regex=False) | al.str.contains(q, regex=False)
    found = table[hit].copy()
    exact = (ko[hit] == q) | (en[hit] == q) | al[hit].str.split(" | ", regex=False).map(lambda xs: q in xs)
    prefix = ko[hit].str.startswith(q) | en[hit].str.startswith(q)
    found["_rank"] = (~exact).astype(int) * 2 + (~prefix).astype(int)
    found = found.sort_values(["_rank", "degree"], ascending=[True, False])
    return found.drop(columns="_rank").head(limit)


@dataclass
class EntityView:
    """Everything the Entity page shows about one entity: its header, distinct facts, two-hop facts,
    its mentions, and the mention spans of every entity in the articles of its facts.

    `keys` lists every distinct fact (cheap: no statements); `facts` holds the statements of the
    facts loaded (all of them, or one page per section); `names` the labels of every entity shown.
    """

    info: readmodel.EntityInfo
    facts: list[readmodel.Fact] = field(default_factory=list)
    two_hops: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    spans: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    keys: list[readmodel.FactKey] = field(default_factory=list)
    names: dict[str, dict] = field(default_factory=dict)

    @property
    def iri(self) -> str:
        return self.info.iri

    @property
    def exists(self) -> bool:
        return self.info.exists or bool(self.facts) or bool(self.keys)

    def section(self, direction: str) -> list[readmodel.FactKey]:
        """The fact keys of one section: 'tie', 'out' or 'in'."""
        return [k for k in self.keys if k.direction == direction]


SECTIONS = ("tie", "out", "in")


def entity_view(
    kg: KGStore,
    iri: str,
    *,
    include_rejected: bool = False,
    shown: int | None = None,
    pages: dict[str, int] | None = None,
) -> EntityView:
    """The Entity page's data for `iri` (rejected facts left out unless asked for).

    With `shown`, only one page of each section's facts is read (`pages`: section → page number,
    0 first): a hub's thousands of facts cost one GROUP BY, and evidence only for what is drawn.
    """
    info = readmodel.entity(kg, iri)
    keys = readmodel.fact_keys(kg, iri, include_rejected=include_rejected)
    if shown is None:
        facts = readmodel.facts(kg, iri, include_rejected=include_rejected)
        mentions = readmodel.mentions(kg, iri)
    else:
        pages = pages or {}
        chosen = []
        for d in SECTIONS:
            part = [k for k in keys if k.direction == d]
            page = max(0, min(int(pages.get(d, 0)), max(0, (len(part) - 1) // shown)))
            chosen += part[page * shown : (page + 1) * shown]
        facts = readmodel.facts(kg, iri, include_rejected=include_rejected, keys=chosen)
        mentions = []  # the page draws none; a hub has one per article
    # the spans of both ends of each statement in its article: what the evidence highlights
    pairs = {(r["article"], x) for f in facts for r in f.statements for x in (f.s, f.o)}
    hops = readmodel.two_hops(kg, iri, include_rejected=include_rejected, keys=keys)
    shown_iris = {iri, info.merged_into, *info.merged_from}
    shown_iris |= {x for f in facts for x in (f.s, f.o)}
    shown_iris |= {x for r in hops for x in (r["partner"], r["other"])}
    return EntityView(
        info,
        facts,
        hops,
        mentions,
        readmodel.mention_spans(kg, pairs),
        keys,
        readmodel.labels(kg, shown_iris),
    )


def facts_frame(facts: list[readmodel.Fact], name) -> pd.DataFrame:
    """One row per statement of the facts, with evidence and article, for a CSV download."""
    rows = []
    for f in facts:
        for r in f.statements:
            rows.append(
                {
                    "subject": name(f.s),
                    "predicate": f.predicate,
                    "object": name(f.o),
                    "subject_iri": f.s,
                    "object_iri": f.o,
                    "status": r["status"],
                    "when": readmodel._when_text(r),
                    "amount": r["amount"],
                    "currency": r["currency"],
                    "confidence": r["confidence"],
                    "evidence": r["evidence"],
                    "article": r["article"],
                    "headline": r["headline"],
                    "published": r["published"],
                    "source": r["source"],
                    "rejected": r.get("rejected", False),
                }
            )
    return pd.DataFrame(rows)


def article_table(kg: KGStore) -> pd.DataFrame:
    """Every article: iri, headline, published, source, url, facts (statements it contributes)."""
    return pd.DataFrame(
        readmodel.articles(kg), columns=["iri", "headline", "published", "source", "url", "facts"]
    )


@dataclass
class ArticleView:
    """Everything the Article page shows about one article: the read model's record, with its
    mentions and facts as tables."""

    info: readmodel.ArticleInfo
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)  # entity, start, end, type
    facts: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per statement

    @property
    def exists(self) -> bool:
        return self.info.exists


def article_view(kg: KGStore, iri: str) -> ArticleView:
    """The article's text, its mentions (with entity types) and the facts it contributes."""
    a = readmodel.article(kg, iri)
    return ArticleView(
        a,
        pd.DataFrame(a.mentions, columns=["entity", "start", "end", "type"]),
        pd.DataFrame(readmodel.article_facts(kg, iri)),
    )


def overview_counts(kg: KGStore) -> dict[str, pd.DataFrame]:
    """Counts of entities by type and of facts by predicate."""
    got = readmodel.overview(kg)
    return {
        "types": pd.DataFrame(got["types"], columns=["type", "entities"]),
        "predicates": pd.DataFrame(got["predicates"], columns=["p", "statements", "predicate"]),
    }


MAP_PREDICATES = readmodel.MAP_PREDICATES


def map_tables(kg: KGStore) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Places with coordinates, and links between them (see graph.readmodel.map_links)."""
    places = readmodel.map_places(kg)
    links = readmodel.map_links(kg, places)
    return (
        pd.DataFrame(places, columns=["iri", "lat", "lon"]),
        pd.DataFrame(links, columns=["s", "o", "predicate", "status", "lat", "lon", "lat2", "lon2"]),
    )


# ---------------------------------------------------------------- bounded views (the explorer at scale)
def filters_of(
    *,
    articles=None,
    predicates_=None,
    types=None,
    since=None,
    until=None,
    keep_undated=True,
    include_rejected=False,
) -> ViewFilters:
    """The Graph page's filter dict as hashable ViewFilters (`.kwargs()` for `to_networkx`)."""

    def tup(x):
        return tuple(sorted(x)) if x else None

    return ViewFilters(
        tup(articles), tup(predicates_), tup(types), since, until, keep_undated, include_rejected
    )


@dataclass
class GraphView:
    """What the Graph page draws: a small networkx graph of the entities picked in the store, the
    note when the budget cut (shown, total, "graph"|"neighbourhood"), the filtered graph's size,
    and the focus entities the filters leave out."""

    view: object
    note: tuple[int, int, str] | None
    all_nodes: int
    all_links: int
    missing: list[str] = field(default_factory=list)


def graph_view(
    kg: KGStore,
    *,
    focus: tuple[str, ...] = (),
    radius: int = 1,
    max_nodes: int = 150,
    filters: ViewFilters | None = None,
) -> GraphView:
    """The bounded view: the focus's neighbourhood (`radius` hops, at most `max_nodes` entities),
    or without a focus the `max_nodes` best-connected entities, then networkx of just those."""
    filters = filters or ViewFilters()
    from newskg.graph.project import neighbourhood, to_networkx, top_nodes, view_totals

    all_nodes, all_links = view_totals(kg, filters)
    if focus:
        nodes, total = neighbourhood(kg, list(focus), radius=radius, max_nodes=max_nodes, filters=filters)
        what = "neighbourhood"
    else:
        nodes, _, _ = top_nodes(kg, max_nodes, filters, totals=False)
        total, what = all_nodes, "graph"
    view = to_networkx(kg, nodes=nodes, **filters.kwargs()) if nodes else to_networkx(kg, nodes=[])
    note = (view.number_of_nodes(), total, what) if total > len(nodes) else None
    return GraphView(view, note, all_nodes, all_links, [f for f in focus if f not in view])


def overview_stats(kg: KGStore) -> dict:
    """The Overview page: entity and article counts, counts by type and predicate, the 12
    best-connected entities and the 12 latest articles (COUNT and LIMIT queries only)."""
    counts = overview_counts(kg)
    top = readmodel.top_entities(kg, 12)
    return {
        # every entity has one type: the counts by type add up to the entities (one scan fewer)
        "entities": int(counts["types"]["entities"].sum()) - len(review.merges(kg)),
        "articles": readmodel.count_articles(kg),
        "types": counts["types"],
        "predicates": counts["predicates"],
        "top": pd.DataFrame(
            [dict(r, aliases=" | ".join(r["aliases"])) for r in top], columns=_ENTITY_COLUMNS[:-1]
        ),
        "latest": pd.DataFrame(
            readmodel.latest_articles(kg, 12),
            columns=["iri", "headline", "published", "source", "url", "facts"],
        ),
    }


def article_choices(kg: KGStore, n: int = 200) -> pd.DataFrame:
    """The `n` newest articles (what a filter or a picker lists; a big archive is searched, not
    scrolled), as `article_table` gives them."""
    return pd.DataFrame(
        readmodel.latest_articles(kg, n, with_facts=False),
        columns=["iri", "headline", "published", "source", "url", "facts"],
    )


def search(kg: KGStore, text: str, *, limit: int = 20) -> pd.DataFrame:
    """Entities matching `text` (graph.readmodel.search) as a table like `entity_table`'s."""
    rows = [dict(r, aliases=" | ".join(r["aliases"])) for r in readmodel.search(kg, text, limit=limit)]
    return pd.DataFrame(rows, columns=_ENTITY_COLUMNS[:-1])


def names(kg: KGStore, iris) -> dict[str, dict]:
    """iri → its labels and type (graph.readmodel.labels), for just the entities a page shows."""
    return readmodel.labels(kg, iris)


# ---------------------------------------------------------------- cached wrappers for the pages
@st.cache_data(show_spinner=False)
def cached_entity_table(_kg: KGStore, loc: str) -> pd.DataFrame:
    return entity_table(_kg)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_entity_view(_kg: KGStore, loc: str, iri: str, include_rejected: bool = False) -> EntityView:
    return entity_view(_kg, iri, include_rejected=include_rejected)


@st.cache_data(show_spinner=False)
def cached_article_table(_kg: KGStore, loc: str) -> pd.DataFrame:
    return article_table(_kg)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_article_view(_kg: KGStore, loc: str, iri: str) -> ArticleView:
    return article_view(_kg, iri)


@st.cache_data(show_spinner=False)
def cached_overview(_kg: KGStore, loc: str) -> dict[str, pd.DataFrame]:
    return overview_counts(_kg)


@st.cache_data(show_spinner=False)
def cached_map_tables(_kg: KGStore, loc: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    return map_tables(_kg)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_graph_view(
    _kg: KGStore, key: str, focus: tuple[str, ...], radius: int, max_nodes: int, filters: ViewFilters
) -> GraphView:
    return graph_view(_kg, focus=focus, radius=radius, max_nodes=max_nodes, filters=filters)


@st.cache_data(show_spinner=False)
def cached_overview_stats(_kg: KGStore, key: str) -> dict:
    return overview_stats(_kg)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_search(_kg: KGStore, key: str, text: str, limit: int = 20) -> pd.DataFrame:
    return search(_kg, text, limit=limit)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_names(_kg: KGStore, key: str, iris: tuple[str, ...]) -> dict[str, dict]:
    return names(_kg, iris)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_entity_page(
    _kg: KGStore, key: str, iri: str, include_rejected: bool, shown: int, pages: tuple[tuple[str, int], ...]
) -> EntityView:
    return entity_view(_kg, iri, include_rejected=include_rejected, shown=shown, pages=dict(pages))


@st.cache_data(show_spinner=False)
def cached_article_choices(_kg: KGStore, key: str, n: int = 200) -> pd.DataFrame:
    return article_choices(_kg, n)


@st.cache_data(show_spinner=False)
def cached_date_range(_kg: KGStore, key: str) -> tuple[str, str] | None:
    return readmodel.date_range(_kg)


@st.cache_data(show_spinner=False)
def cached_counts(_kg: KGStore, key: str) -> tuple[None, int]:
    """(None, articles in the store): what a page needs to know before anything else (entities
    are counted where shown)."""
    return None, readmodel.count_articles(_kg)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_degrees(_kg: KGStore, key: str, iris: tuple[str, ...]) -> dict[str, int]:
    """iri → statements in and out (rejected ones off), for just these entities."""
    return readmodel.degrees(_kg, list(iris))
