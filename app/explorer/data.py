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

import pandas as pd
import streamlit as st
from newskg.graph.sparql import query
from newskg.graph.store import KGStore, open_store, resolve_location
from newskg.ontology.vocab import predicates

__all__ = ["store", "location", "extractor", "write_lock", "added", "select",
           "entity_table", "entity_view", "EntityView", "article_table", "article_view", "ArticleView",
           "overview_counts", "map_tables", "projection", "label_of", "search_entities",
           "cached_entity_table", "cached_entity_view", "cached_article_table", "cached_article_view",
           "cached_overview", "cached_map_tables"]

NKG = "https://w3id.org/newskg/ontology#"

_WRITE_LOCK = threading.Lock()


# ---------------------------------------------------------------- resources (one per process)
def location() -> str:
    """The store this app serves: env NEWSKG_STORE (set by `newskg explore`), else the default."""
    return resolve_location(None)


@st.cache_resource(show_spinner=False)
def _open(loc: str) -> KGStore:
    return open_store(loc)


def store() -> KGStore:
    """The app's store handle, opened once per process (read-write: Add article writes to it)."""
    return _open(location())


@st.cache_resource(show_spinner="Loading the extraction pipeline…")
def extractor():
    """The extraction pipeline, built once per process."""
    from newskg.extract.pipeline import get_extractor

    return get_extractor()


def write_lock() -> threading.Lock:
    """Serialises writes from concurrent sessions."""
    return _WRITE_LOCK


def added() -> None:
    """Forget every cached query result and projection after the graph changed."""
    st.cache_data.clear()
    _projection.clear()


# ---------------------------------------------------------------- SPARQL helpers
def select(kg: KGStore, sparql: str) -> pd.DataFrame:
    """Run a SELECT (prefixes nkg, rdf, rdfs, skos, owl, schema, prov, xsd predeclared) as a DataFrame."""
    res = query(kg, sparql)
    return pd.DataFrame(res.rows, columns=list(res.columns))


def _iri(value: str) -> str:
    """An IRI safe to splice into SPARQL (angle brackets, quotes and spaces refused)."""
    if any(c in value for c in '<>"{}|^`\\ \n'):
        raise ValueError(f"not an IRI: {value!r}")
    return f"<{value}>"


def _local(iri: str | None) -> str:
    return "" if not iri else iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# ---------------------------------------------------------------- entities
_COARSE_CLASSES = {"Entity", "Person", "Organization", "Place"}


def entity_table(kg: KGStore) -> pd.DataFrame:
    """Every entity: iri, type, ko, en, cls, aliases (joined by ' | '), degree (facts in and out).

    One small DISTINCT query per attribute, merged here: an entity named in many articles has its
    labels in each article graph, and joining those copies in one pattern multiplies the rows.
    """
    cols = ["iri", "type", "ko", "en", "cls", "aliases", "degree"]
    types = select(kg, "SELECT DISTINCT ?iri ?type WHERE { ?iri nkg:entityType ?type }")
    if types.empty:
        return pd.DataFrame(columns=cols)
    df = types.drop_duplicates("iri").set_index("iri")
    labels = select(kg, "SELECT DISTINCT ?iri ?label (lang(?label) AS ?lang) "
                        "WHERE { ?iri rdfs:label ?label }")
    labels = labels[labels["iri"].isin(df.index)].sort_values("label")
    for lang in ("ko", "en"):
        df[lang] = labels[labels["lang"] == lang].drop_duplicates("iri").set_index("iri")["label"]
    classes = select(kg, "SELECT DISTINCT ?iri ?c WHERE { ?iri a ?c FILTER(STRSTARTS(STR(?c), STR(nkg:))) }")
    classes = classes[classes["iri"].isin(df.index)]
    classes["c"] = classes["c"].map(_local)
    classes["coarse"] = classes["c"].isin(_COARSE_CLASSES)
    df["cls"] = classes.sort_values(["coarse", "c"]).drop_duplicates("iri").set_index("iri")["c"]
    aliases = select(kg, "SELECT DISTINCT ?iri ?a WHERE { ?iri skos:altLabel ?a }")
    df["aliases"] = aliases.sort_values("a").groupby("iri")["a"].agg(" | ".join)
    deg = select(kg, """
SELECT ?iri (COUNT(*) AS ?degree) WHERE {
  { ?st a nkg:Statement ; rdf:subject ?iri } UNION { ?st a nkg:Statement ; rdf:object ?iri }
} GROUP BY ?iri""")
    df["degree"] = deg.set_index("iri")["degree"]
    df = df.reset_index()
    df["degree"] = df["degree"].fillna(0).astype(int)
    df["ko"] = df["ko"].fillna(df["en"]).fillna(df["iri"].map(_local))
    df["en"] = df["en"].fillna(df["ko"])
    df["cls"] = df["cls"].fillna("")
    df["aliases"] = df["aliases"].fillna("")
    return df[cols].sort_values(["degree", "ko"], ascending=[False, True]).reset_index(drop=True)


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
    exact = (ko[hit] == q) | (en[hit] == q) | al[hit].str.split(" | ", regex=False).map(
        lambda xs: q in xs)
    prefix = ko[hit].str.startswith(q) | en[hit].str.startswith(q)
    found["_rank"] = (~exact).astype(int) * 2 + (~prefix).astype(int)
    found = found.sort_values(["_rank", "degree"], ascending=[True, False])
    return found.drop(columns="_rank").head(limit)


@dataclass
class EntityView:
    """Everything the Entity page shows about one entity."""

    iri: str
    labels: dict[str, list[str]] = field(default_factory=dict)  # lang → labels
    type: str | None = None
    classes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    geonames: str | None = None
    lat: float | None = None
    lon: float | None = None
    facts: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per statement
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)  # article, start, end

    @property
    def exists(self) -> bool:
        return bool(self.labels or self.type or not self.facts.empty)


def entity_view(kg: KGStore, iri: str) -> EntityView:
    """Labels, type, aliases, GeoNames, coordinates, facts in and out with evidence, mentions."""
    node = _iri(iri)
    view = EntityView(iri)
    props = select(kg, f"SELECT ?p ?o (lang(?o) AS ?lang) WHERE {{ {node} ?p ?o }}")
    for p, o, lang in props.itertuples(index=False):
        if p.endswith("rdf-schema#label"):
            view.labels.setdefault(lang or "", [])
            if o not in view.labels[lang or ""]:
                view.labels[lang or ""].append(o)
        elif p == NKG + "entityType":
            view.type = view.type or o
        elif p.endswith("22-rdf-syntax-ns#type") and o.startswith(NKG):
            view.classes.append(_local(o))
        elif p.endswith("core#altLabel") and o not in view.aliases:
            view.aliases.append(o)
        elif p.endswith("owl#sameAs") and "geonames.org" in o:
            view.geonames = o
        elif p == "https://schema.org/latitude":
            view.lat = float(o)
        elif p == "https://schema.org/longitude":
            view.lon = float(o)
    view.facts = select(kg, f"""
SELECT ?st ?s ?p ?o ?confidence ?evidence ?start ?end ?article ?headline WHERE {{
  {{ ?st rdf:subject {node} }} UNION {{ ?st rdf:object {node} }}
  ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL {{ ?st nkg:confidence ?confidence }}
  OPTIONAL {{ ?st nkg:evidenceText ?evidence }}
  OPTIONAL {{ ?st nkg:startOffset ?start }}
  OPTIONAL {{ ?st nkg:endOffset ?end }}
  OPTIONAL {{ ?st nkg:article ?article OPTIONAL {{ ?article schema:headline ?headline }} }}
}}""")
    if not view.facts.empty:
        view.facts["predicate"] = view.facts["p"].map(_local)
        view.facts = view.facts.sort_values(["predicate", "article"]).reset_index(drop=True)
    view.mentions = select(kg, f"""
SELECT ?m ?article ?start ?end WHERE {{
  ?m nkg:mentionOf {node} ; nkg:article ?article ; nkg:startOffset ?start ; nkg:endOffset ?end .
}}""")
    return view


# ---------------------------------------------------------------- articles
def article_table(kg: KGStore) -> pd.DataFrame:
    """Every article: iri, headline, published, source, facts (statements it contributes)."""
    df = select(kg, """
SELECT ?iri (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?published) (SAMPLE(?src) AS ?source)
WHERE {
  ?iri a nkg:NewsArticle .
  OPTIONAL { ?iri schema:headline ?h }
  OPTIONAL { ?iri schema:datePublished ?d }
  OPTIONAL { ?iri <http://www.w3.org/ns/prov#wasDerivedFrom> ?src }
} GROUP BY ?iri""")
    if df.empty:
        return pd.DataFrame(columns=["iri", "headline", "published", "source", "facts"])
    n = select(kg, "SELECT ?iri (COUNT(?st) AS ?facts) WHERE { ?st a nkg:Statement ; nkg:article ?iri } "
                   "GROUP BY ?iri")
    df = df.merge(n, on="iri", how="left")
    df["facts"] = df["facts"].fillna(0).astype(int)
    df["headline"] = df["headline"].fillna(df["iri"].map(_local))
    df["published"] = df["published"].fillna("").astype(str)
    return df.sort_values(["published", "headline"], ascending=[False, True]).reset_index(drop=True)


@dataclass
class ArticleView:
    """Everything the Article page shows about one article."""

    iri: str
    headline: str | None = None
    text: str = ""
    published: str | None = None
    source: str | None = None
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)  # entity, start, end, type
    facts: pd.DataFrame = field(default_factory=pd.DataFrame)


def article_view(kg: KGStore, iri: str) -> ArticleView:
    """The article's text, its mentions (with entity types) and the facts it contributes."""
    node = _iri(iri)
    head = select(kg, f"""
SELECT ?headline ?text ?published ?source WHERE {{
  OPTIONAL {{ {node} schema:headline ?headline }}
  OPTIONAL {{ {node} schema:text ?text }}
  OPTIONAL {{ {node} schema:datePublished ?published }}
  OPTIONAL {{ {node} <http://www.w3.org/ns/prov#wasDerivedFrom> ?source }}
}} LIMIT 1""")
    view = ArticleView(iri)
    if not head.empty:
        row = head.iloc[0]
        view.headline, view.text = row["headline"], row["text"] or ""
        view.published, view.source = row["published"], row["source"]
    view.mentions = select(kg, f"""
SELECT ?entity ?start ?end (SAMPLE(?t) AS ?type) WHERE {{
  ?m nkg:article {node} ; nkg:mentionOf ?entity ; nkg:startOffset ?start ; nkg:endOffset ?end .
  OPTIONAL {{ ?entity nkg:entityType ?t }}
}} GROUP BY ?entity ?start ?end ORDER BY ?start""")
    view.facts = select(kg, f"""
SELECT ?s ?p ?o ?confidence ?evidence ?start ?end WHERE {{
  ?st a nkg:Statement ; nkg:article {node} ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL {{ ?st nkg:confidence ?confidence }}
  OPTIONAL {{ ?st nkg:evidenceText ?evidence }}
  OPTIONAL {{ ?st nkg:startOffset ?start }}
  OPTIONAL {{ ?st nkg:endOffset ?end }}
}} ORDER BY ?start ?p""")
    if not view.facts.empty:
        view.facts["predicate"] = view.facts["p"].map(_local)
    return view


# ---------------------------------------------------------------- overview and map
def overview_counts(kg: KGStore) -> dict[str, pd.DataFrame]:
    """Counts of entities by type and of facts by predicate."""
    types = select(kg, "SELECT ?type (COUNT(DISTINCT ?e) AS ?entities) WHERE { ?e nkg:entityType ?type } "
                       "GROUP BY ?type ORDER BY DESC(?entities)")
    preds = select(kg, """
SELECT ?p (COUNT(DISTINCT ?st) AS ?statements) WHERE { ?st a nkg:Statement ; rdf:predicate ?p }
GROUP BY ?p ORDER BY DESC(?statements)""")
    if not preds.empty:
        preds["predicate"] = preds["p"].map(_local)
    return {"types": types, "predicates": preds}


MAP_PREDICATES = ("sisterCityOf", "visits", "investsIn", "seeksInvestmentFrom", "signsAgreementWith",
                  "cooperatesWith")


def map_tables(kg: KGStore) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Places with coordinates, and links between them.

    A link's end that has no coordinates of its own (a mayor, a company) is drawn at the place it
    heads or is located in, when that place has coordinates.
    """
    lat = select(kg, "SELECT DISTINCT ?iri ?lat WHERE { ?iri schema:latitude ?lat }").drop_duplicates("iri")
    lon = select(kg, "SELECT DISTINCT ?iri ?lon WHERE { ?iri schema:longitude ?lon }").drop_duplicates("iri")
    places = lat.merge(lon, on="iri")
    if places.empty:
        return (pd.DataFrame(columns=["iri", "lat", "lon"]),
                pd.DataFrame(columns=["s", "o", "predicate", "lat", "lon", "lat2", "lon2"]))
    places["lat"] = places["lat"].astype(float)
    places["lon"] = places["lon"].astype(float)
    values = " ".join(f"nkg:{p}" for p in MAP_PREDICATES if p in predicates())
    links = select(kg, f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}")
    anchors = select(kg, """
SELECT DISTINCT ?x ?place WHERE { VALUES ?p { nkg:headOf nkg:locatedIn nkg:worksFor }
  ?x ?p ?place . FILTER EXISTS { ?place schema:latitude ?la } }""")
    coords = {r.iri: (r.lat, r.lon) for r in places.itertuples()}
    anchor = {}
    for x, place in anchors.itertuples(index=False):
        anchor.setdefault(x, coords.get(place))
    rows = []
    for s, p, o in links.itertuples(index=False):
        a, b = coords.get(s) or anchor.get(s), coords.get(o) or anchor.get(o)
        if a and b and a != b:
            rows.append((s, o, _local(p), a[0], a[1], b[0], b[1]))
    return places, pd.DataFrame(rows, columns=["s", "o", "predicate", "lat", "lon", "lat2", "lon2"])


# ---------------------------------------------------------------- networkx projection
@st.cache_resource(show_spinner=False, max_entries=8)
def _projection(loc: str, articles: tuple[str, ...] | None, predicates_: tuple[str, ...] | None,
                types: tuple[str, ...] | None, since: str | None, until: str | None):
    from newskg.graph.project import to_networkx

    return to_networkx(store(), articles=list(articles) if articles else None,
                       predicates=list(predicates_) if predicates_ else None,
                       types=list(types) if types else None, since=since, until=until)


def projection(*, articles=None, predicates_=None, types=None, since=None, until=None):
    """The filtered networkx projection of the app's store (cached; treat it as read-only)."""
    def tup(x):
        return tuple(sorted(x)) if x else None

    return _projection(location(), tup(articles), tup(predicates_), tup(types), since, until)


# ---------------------------------------------------------------- cached wrappers for the pages
@st.cache_data(show_spinner=False)
def cached_entity_table(_kg: KGStore, loc: str) -> pd.DataFrame:
    return entity_table(_kg)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_entity_view(_kg: KGStore, loc: str, iri: str) -> EntityView:
    return entity_view(_kg, iri)


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
