"""The read model: what the explorer (and the CLI) read from the graph, as plain rows.

Each function takes an open `KGStore` and returns lists of dicts or small dataclasses of plain
values (no pandas, no Streamlit), so pages, the CLI and the benchmark share one set of queries.
Every query goes through `graph.sparql.query` (its read-only path, refusals and limits).

Reviews (graph/review.py) apply here: facts a current review rejects are left out unless
``include_rejected=True``; renamed entities show their new label; an entity merged into another
shows its facts under that other one.

Qualifiers of a statement (issue 8) are read where the build writes them: ``nkg:when`` or
``nkg:startDate``/``nkg:endDate``, an amount as a ``schema:MonetaryAmount`` (``schema:value``,
``schema:currency``) hanging off the statement, ``nkg:status`` and ``nkg:tieKind``. A statement
without a status is a done fact.

Example:
    >>> from newskg.graph.store import open_store
    >>> with open_store(":memory:") as kg:
    ...     entities(kg), articles(kg)
    ([], [])
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newskg.graph.review import REV, REVIEW_GRAPH, merges, rejected_filter, renames
from newskg.graph.sparql import query
from newskg.graph.store import KGStore
from newskg.ontology.errors import QueryError
from newskg.ontology.vocab import NS, predicates

__all__ = [
    "Row",
    "EntityInfo",
    "Fact",
    "ArticleInfo",
    "entities",
    "entity",
    "statements",
    "facts",
    "mentions",
    "mention_spans",
    "two_hops",
    "articles",
    "article",
    "article_facts",
    "overview",
    "map_places",
    "map_links",
    "timeline",
    "MAP_PREDICATES",
    "TIE_PREDICATES",
    "iri_term",
    "count_entities",
    "count_articles",
    "top_entities",
    "labels",
    "search",
    "latest_articles",
    "date_range",
    "degrees",
    "FactKey",
    "fact_keys",
]

Row = dict[str, Any]
_COARSE = {"Entity", "Person", "Organization", "Place"}
MAP_PREDICATES = (
    "sisterCityOf",
    "visits",
    "investsIn",
    "seeksInvestmentFrom",
    "signsAgreementWith",
    "cooperatesWith",
)
TIE_PREDICATES = ("sisterCityOf", "signsAgreementWith", "cooperatesWith")
"""Partnerships a two-hop question goes through (partners' visitors, investors in partners)."""


def iri_term(value: str) -> str:
    """An IRI safe to splice into SPARQL (QueryError for angle brackets, quotes, spaces)."""
    if not value or any(c in value for c in '<>"{}|^`\\ \n\t'):
        raise QueryError(f"not an IRI: {value!r}")
    return f"<{value}>"


def _local(iri: Any) -> str:
    return "" if not iri else str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _rows(store: KGStore, sparql: str) -> list[Row]:
    return query(store, sparql).to_dicts()


# ------------------------------------------------------------------ entities
def entities(store: KGStore) -> list[Row]:
    """Every entity: iri, type, ko, en, cls (finest class), aliases (list), degree (facts in and out),
    merged_into ('' unless a review merged it). Sorted by degree, then Korean label.

    One DISTINCT query per attribute, merged here: an entity named in many articles has its labels in
    each article graph, and joining those copies in one pattern multiplies the rows.
    """
    out: dict[str, Row] = {}
    for r in _rows(store, "SELECT DISTINCT ?iri ?type WHERE { ?iri nkg:entityType ?type }"):
        out.setdefault(
            r["iri"],
            {
                "iri": r["iri"],
                "type": r["type"],
                "ko": "",
                "en": "",
                "cls": "",
                "aliases": [],
                "degree": 0,
                "merged_into": "",
            },
        )
    if not out:
        return []
    for r in _label_rows(store):  # the label most articles use first
        e = out.get(r["iri"])
        if e is not None and r["lang"] in ("ko", "en") and not e[r["lang"]]:
            e[r["lang"]] = str(r["label"])
    classes: dict[str, set[str]] = defaultdict(set)
    for r in _rows(
        store, "SELECT DISTINCT ?iri ?c WHERE { ?iri a ?c FILTER(STRSTARTS(STR(?c), STR(nkg:))) }"
    ):
        classes[r["iri"]].add(_local(r["c"]))
    for r in _rows(store, "SELECT DISTINCT ?iri ?a WHERE { ?iri skos:altLabel ?a }"):
        if r["iri"] in out:
            out[r["iri"]]["aliases"].append(str(r["a"]))
    for r in _rows(
        store,
        f"""
SELECT ?iri (COUNT(DISTINCT ?st) AS ?degree) WHERE {{
  {{ ?st a nkg:Statement ; rdf:subject ?iri ; rdf:predicate ?p ; rdf:object ?o . BIND(?iri AS ?s) }}
  UNION {{ ?st a nkg:Statement ; rdf:object ?iri ; rdf:predicate ?p ; rdf:subject ?s . BIND(?iri AS ?o) }}
  {rejected_filter()}
}} GROUP BY ?iri""",
    ):
        if r["iri"] in out:
            out[r["iri"]]["degree"] = int(r["degree"])
    names = renames(store)
    for iri, target in merges(store).items():
        if iri in out:
            out[iri]["merged_into"] = target
    for iri, e in out.items():
        fine = sorted(classes[iri] - _COARSE) or sorted(classes[iri])
        e["cls"] = fine[0] if fine else ""
        e["aliases"] = sorted(set(e["aliases"]))
        e["ko"] = names.get((iri, "ko")) or e["ko"] or e["en"] or _local(iri)
        e["en"] = names.get((iri, "en")) or e["en"] or e["ko"]
    return sorted(out.values(), key=lambda e: (-e["degree"], e["ko"]))


def _label_rows(store: KGStore, node: str | None = None) -> list[Row]:
    """Labels with the number of article graphs that give them, most used (then longest) first."""
    subject = node or "?iri"
    rows = _rows(
        store,
        f"""
SELECT ?iri ?label (LANG(?label) AS ?lang) (COUNT(DISTINCT ?g) AS ?n) WHERE {{
  GRAPH ?g {{ {subject} rdfs:label ?label }} {f"BIND({node} AS ?iri)" if node else ""}
}} GROUP BY ?iri ?label""",
    )
    return sorted(rows, key=lambda r: (-int(r["n"]), -len(str(r["label"])), str(r["label"])))


@dataclass
class EntityInfo:
    """What the Entity page's header shows about one entity."""

    iri: str
    labels: dict[str, list[str]] = field(default_factory=dict)  # lang → distinct labels
    type: str | None = None
    classes: list[str] = field(default_factory=list)  # distinct, finest first
    aliases: list[str] = field(default_factory=list)
    geonames: str | None = None
    lat: float | None = None
    lon: float | None = None
    merged_into: str = ""
    merged_from: list[str] = field(default_factory=list)

    @property
    def exists(self) -> bool:
        return bool(self.labels or self.type)


def entity(store: KGStore, iri: str) -> EntityInfo:
    """Labels (renames first), type, distinct classes, aliases, GeoNames link and coordinates."""
    node = iri_term(iri)
    info = EntityInfo(iri)
    classes: set[str] = set()
    header = "rdfs:label nkg:entityType rdf:type skos:altLabel owl:sameAs schema:latitude schema:longitude"
    # the header's properties only: a hub's own triples also hold every done fact it is subject of
    for r in _rows(
        store, f"SELECT DISTINCT ?p ?o (LANG(?o) AS ?lang) WHERE {{ VALUES ?p {{ {header} }} {node} ?p ?o }}"
    ):
        p, o, lang = str(r["p"]), r["o"], r["lang"] or ""
        if p.endswith("rdf-schema#label"):
            if o not in info.labels.setdefault(lang, []):
                info.labels[lang].append(o)
        elif p == NS + "entityType":
            info.type = info.type or o
        elif p.endswith("22-rdf-syntax-ns#type") and str(o).startswith(NS):
            classes.add(_local(o))
        elif p.endswith("core#altLabel") and o not in info.aliases:
            info.aliases.append(o)
        elif p.endswith("owl#sameAs") and "geonames.org" in str(o):
            info.geonames = o
        elif p == "https://schema.org/latitude":
            info.lat = float(o)
        elif p == "https://schema.org/longitude":
            info.lon = float(o)
    info.classes = sorted(classes - _COARSE) + sorted(classes & _COARSE)
    order = {(r["lang"] or "", r["label"]): i for i, r in enumerate(_label_rows(store, node))}
    for lang in info.labels:
        info.labels[lang].sort(key=lambda x, lang=lang: (order.get((lang, x), len(order)), x))
    for (e, lang), label in renames(store).items():
        if e == iri:
            info.labels.setdefault(lang, [])
            info.labels[lang] = [label] + [x for x in info.labels[lang] if x != label]
    m = merges(store)
    info.merged_into = m.get(iri, "")
    info.merged_from = sorted(e for e, target in m.items() if target == iri)
    info.aliases.sort()
    return info


# ------------------------------------------------------------------ statements and facts
_QUALIFIERS = """
  OPTIONAL { ?st nkg:confidence ?confidence }
  OPTIONAL { ?st nkg:evidenceText ?evidence }
  OPTIONAL { ?st nkg:startOffset ?start }
  OPTIONAL { ?st nkg:endOffset ?end }
  OPTIONAL { ?st nkg:when ?when }
  OPTIONAL { ?st nkg:startDate ?start_date }
  OPTIONAL { ?st nkg:endDate ?end_date }
  OPTIONAL { ?st nkg:status ?status }
  OPTIONAL { ?st nkg:tieKind ?tie_kind }
  OPTIONAL { ?st ?amount_p ?money . ?money a schema:MonetaryAmount ; schema:value ?amount .
             OPTIONAL { ?money schema:currency ?currency } }
"""
_STATEMENT_COLUMNS = (
    "st",
    "s",
    "p",
    "o",
    "confidence",
    "evidence",
    "start",
    "end",
    "article",
    "headline",
    "published",
    "source",
    "when",
    "start_date",
    "end_date",
    "status",
    "tie_kind",
    "amount",
    "currency",
)


def _statements(store: KGStore, where: str, include_rejected: bool) -> list[Row]:
    rows = _rows(
        store,
        f"""
SELECT ?st ?s ?p ?o ?confidence ?evidence ?start ?end ?article ?headline ?published ?source
       ?when ?start_date ?end_date ?status ?tie_kind ?amount ?currency WHERE {{
  {where}
  ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL {{ ?st nkg:article ?article
             OPTIONAL {{ ?article schema:headline ?headline }}
             OPTIONAL {{ ?article schema:datePublished ?published }}
             OPTIONAL {{ ?article prov:wasDerivedFrom ?source }} }}
  {_QUALIFIERS}
  {"" if include_rejected else rejected_filter()}
}}""",
    )
    seen: dict[str, Row] = {}
    rejected = _rejected_facts(store) if include_rejected else set()
    for r in rows:
        if r["st"] in seen:  # a statement read through several optional copies counts once
            continue
        r["predicate"] = _local(r["p"])
        r["status"] = _local(r["status"]).lower() if r["status"] else "done"
        r["tie_kind"] = _local(r["tie_kind"]) if r["tie_kind"] else ""
        r["rejected"] = (r["s"], r["p"], r["o"]) in rejected
        seen[r["st"]] = r
    return sorted(seen.values(), key=lambda r: (r["predicate"], str(r["article"] or ""), r["start"] or 0))


def _rejected_facts(store: KGStore) -> set[tuple[str, str, str]]:
    res = query(
        store,
        f"""
SELECT ?s ?p ?o WHERE {{ GRAPH <{REVIEW_GRAPH}> {{
  ?rv <{REV}verdict> "rejected" ; <{REV}fact> ?f .
  ?f <{REV}subject> ?s ; <{REV}predicate> ?p ; <{REV}object> ?o .
  FILTER NOT EXISTS {{ ?rv prov:wasInvalidatedBy ?later }} }} }}""",
    )
    return {(str(s), str(p), str(o)) for s, p, o in res.rows}


def _same(store: KGStore, iri: str) -> list[str]:
    """The entity and every entity a review merged into it."""
    return [iri, *sorted(e for e, target in merges(store).items() if target == iri)]


def statements(store: KGStore, iri: str | None = None, *, include_rejected: bool = False) -> list[Row]:
    """Statements about `iri` (as subject or object; every statement when None), one row each with
    its evidence, offsets, article (headline, published, source) and qualifiers, and `rejected`."""
    if iri is None:
        return _statements(store, "", include_rejected)
    values = " ".join(iri_term(x) for x in _same(store, iri))
    where = f"VALUES ?x {{ {values} }} {{ ?st rdf:subject ?x }} UNION {{ ?st rdf:object ?x }}"
    rows = _statements(store, where, include_rejected)
    merged = set(_same(store, iri)) - {iri}
    for r in rows:  # facts of a merged entity read as facts of the entity it was merged into
        r["s"] = iri if r["s"] in merged else r["s"]
        r["o"] = iri if r["o"] in merged else r["o"]
    return rows


@dataclass
class Fact:
    """One distinct fact (subject, predicate, object) and every statement that says it.

    A symmetric fact is one Fact whichever way round its articles state it (`s` is the entity
    asked about, when there is one).
    """

    s: str
    predicate: str
    o: str
    symmetric: bool
    statements: list[Row]

    @property
    def articles(self) -> list[str]:
        return sorted({str(r["article"]) for r in self.statements if r["article"]})

    @property
    def sources(self) -> list[str]:
        return sorted({str(r["source"] or r["article"]) for r in self.statements if r["article"]})

    @property
    def confidence(self) -> float:
        return max(
            (float(r["confidence"]) for r in self.statements if r["confidence"] is not None), default=0.0
        )

    @property
    def statuses(self) -> list[str]:
        return sorted({r["status"] for r in self.statements})

    @property
    def planned(self) -> bool:
        """True when no statement says it happened (only planned or failed)."""
        return "done" not in self.statuses

    @property
    def rejected(self) -> bool:
        return any(r.get("rejected") for r in self.statements)

    @property
    def when(self) -> str:
        """The earliest date a statement gives ('' when none): a date, or start–end."""
        dates = sorted(_when_text(r) for r in self.statements if _when_text(r))
        return dates[0] if dates else ""

    @property
    def amounts(self) -> list[tuple[float, str]]:
        return sorted(
            {
                (float(r["amount"]), str(r["currency"] or ""))
                for r in self.statements
                if r["amount"] is not None
            }
        )

    @property
    def tie_kinds(self) -> list[str]:
        return sorted({r["tie_kind"] for r in self.statements if r["tie_kind"]})


def _when_text(r: Row) -> str:
    if r.get("when"):
        return str(r["when"])
    if r.get("start_date") or r.get("end_date"):
        return f"{r.get('start_date') or '…'}–{r.get('end_date') or '…'}"
    return ""


def facts(
    store: KGStore, iri: str, *, include_rejected: bool = False, keys: Sequence[FactKey] | None = None
) -> list[Fact]:
    """The distinct facts about `iri`, each with all its statements; most-attested first.

    With `keys` (from :func:`fact_keys`), only those facts: one page of a hub's facts reads only
    that page's statements.
    """
    preds = predicates()
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    if keys is not None:
        rows = _key_statements(store, iri, keys, include_rejected) if keys else []
    else:
        rows = statements(store, iri, include_rejected=include_rejected)
    for r in rows:
        pred = preds.get(r["predicate"])
        s, o = r["s"], r["o"]
        if pred is not None and pred.symmetric and o == iri:
            s, o = o, s
        groups[(s, r["predicate"], o)].append(r)
    out = [
        Fact(s, p, o, bool(preds.get(p) and preds[p].symmetric), rows) for (s, p, o), rows in groups.items()
    ]
    return sorted(out, key=lambda f: (-len(f.articles), f.predicate, f.s, f.o))


@dataclass(frozen=True)
class FactKey:
    """One distinct fact about an entity, without its statements: what paging sorts and counts.

    `s`/`o` read the merged entity as the entity asked about, and a symmetric fact with that entity
    first, exactly as :class:`Fact` does.
    """

    s: str
    predicate: str
    o: str
    symmetric: bool
    articles: int

    @property
    def direction(self) -> str:
        """'tie' (symmetric), 'out' (the entity is the subject) or 'in'."""
        return "tie" if self.symmetric else ("out" if self.s == self._focus else "in")

    _focus: str = field(default="", compare=False, repr=False)


def _fact_rows(
    store: KGStore, iris: Sequence[str], *, preds: Sequence[str] | None = None, sides: str = "so"
) -> list[tuple[str, str, str, str, str]]:
    """(s, p, o, article, status) of every statement with one of `iris` as subject ('s' in `sides`) or object
    ('o'), of the predicates `preds` (local names; default all), rejected ones included.

    Read where it is cheapest: a done fact is also a direct triple in the graph of each article
    that states it (graph/build.py), one index scan per entity; only the few planned or failed
    statements, which have no direct triple, are read as statements.
    """
    table = predicates()
    wanted = [table[p].iri for p in (preds if preds is not None else table) if p in table]
    if not iris or not wanted:
        return []
    in_p = ", ".join(f"<{p}>" for p in wanted)
    out: list[tuple[str, str, str, str, str]] = []
    for i in range(0, len(iris), 300):
        values = " ".join(iri_term(x) for x in iris[i : i + 300])
        for side in sides:
            var = "?s" if side == "s" else "?o"
            # one branch per predicate: each an exact prefix of the index (a filter on ?p would
            # scan the entity's labels, types and mentions too)
            union = " UNION ".join(
                f"{{ VALUES {var} {{ {values} }} GRAPH ?g {{ ?s <{p}> ?o }} BIND(<{p}> AS ?p) }}"
                for p in wanted
            )
            out += [
                (str(a), str(b), str(c), str(g), "done")
                for a, b, c, g in query(store, f"SELECT ?s ?p ?o ?g WHERE {{ {union} }}").rows
                if str(g) != REVIEW_GRAPH
            ]
    unrealised = _unrealised(store)
    if unrealised:
        mine: set[str] = set()
        for i in range(0, len(iris), 300):
            values = " ".join(iri_term(x) for x in iris[i : i + 300])
            union = " UNION ".join(
                f"{{ ?st rdf:{'subject' if side == 's' else 'object'} ?x }}" for side in sides
            )
            mine |= {
                str(st)
                for (st,) in query(store, f"SELECT ?st WHERE {{ VALUES ?x {{ {values} }} {union} }}").rows
            }
        chosen = sorted(mine & unrealised)
        for i in range(0, len(chosen), 300):
            values = " ".join(iri_term(x) for x in chosen[i : i + 300])
            out += [
                (str(a), str(b), str(c), str(g), str(status))
                for a, b, c, g, status in query(
                    store,
                    f"SELECT ?s ?p ?o ?g ?status WHERE {{ VALUES ?st {{ {values} }} ?st rdf:subject ?s ; "
                    f"rdf:predicate ?p ; rdf:object ?o ; nkg:article ?g ; nkg:status ?status "
                    f"FILTER(?p IN ({in_p})) }}",
                ).rows
            ]
    return out


def _unrealised(store: KGStore) -> set[str]:
    """Statements of planned or failed facts (the status index: a few of an archive's statements)."""
    res = query(store, 'SELECT ?st WHERE { VALUES ?v { "planned" "failed" } ?st nkg:status ?v }')
    return {str(st) for (st,) in res.rows}


def fact_keys(store: KGStore, iri: str, *, include_rejected: bool = False) -> list[FactKey]:
    """Every distinct fact about `iri` with its article count, most-attested first: no evidence,
    offsets or qualifiers are read, so even a hub with thousands of facts is quick."""
    same = _same(store, iri)
    merged = set(same) - {iri}
    rejected = set() if include_rejected else _rejected_facts(store)
    preds = predicates()
    groups: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s, p, o, art, _ in _fact_rows(store, same):
        if (s, p, o) in rejected:
            continue
        name = _local(p)
        s, o = (iri if s in merged else s), (iri if o in merged else o)
        pred = preds.get(name)
        if pred is not None and pred.symmetric and o == iri:
            s, o = o, s
        groups[(s, name, o)].add(art)
    out = [
        FactKey(s, p, o, bool(preds.get(p) and preds[p].symmetric), len(arts), iri)
        for (s, p, o), arts in groups.items()
    ]
    return sorted(out, key=lambda f: (-f.articles, f.predicate, f.s, f.o))


def _key_statements(store: KGStore, iri: str, keys: Sequence[FactKey], include_rejected: bool) -> list[Row]:
    """The statements behind `keys` (both ways round for a symmetric fact, and through merges)."""
    same = _same(store, iri)
    merged = set(same) - {iri}
    wanted = set()
    for k in keys:
        ss = same if k.s == iri else [k.s]
        os_ = same if k.o == iri else [k.o]
        for a in ss:
            for b in os_:
                wanted.add((a, k.predicate, b))
                if k.symmetric:
                    wanted.add((b, k.predicate, a))
    out: list[Row] = []
    triples = sorted(wanted)
    for i in range(0, len(triples), 300):
        values = " ".join(f"({iri_term(a)} nkg:{p} {iri_term(b)})" for a, p, b in triples[i : i + 300])
        out += _statements(store, f"VALUES (?s ?p ?o) {{ {values} }}", include_rejected)
    for r in out:
        r["s"] = iri if r["s"] in merged else r["s"]
        r["o"] = iri if r["o"] in merged else r["o"]
    return out


def mentions(store: KGStore, iri: str) -> list[Row]:
    """Where the entity (and what was merged into it) is mentioned: article, start, end."""
    values = " ".join(iri_term(x) for x in _same(store, iri))
    return _rows(
        store,
        f"""
SELECT DISTINCT ?article ?start ?end WHERE {{ VALUES ?x {{ {values} }}
  ?m nkg:mentionOf ?x ; nkg:article ?article ; nkg:startOffset ?start ; nkg:endOffset ?end .
}} ORDER BY ?article ?start""",
    )


def mention_spans(
    store: KGStore, pairs: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(article, entity) → the mention spans (article offsets) of that entity in that article.

    Highlighting an evidence sentence from these spans marks exactly what the extractor read as
    the mention, never a name found again inside a longer word.
    """
    wanted = sorted({(a, e) for a, e in pairs if a and e})
    if not wanted:
        return {}
    out: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    # each pair read inside its article's graph: an index lookup per pair, where reading a hub's
    # mentions would read one per article of the archive
    for i in range(0, len(wanted), 200):
        values = " ".join(f"({iri_term(a)} {iri_term(e)})" for a, e in wanted[i : i + 200])
        res = query(
            store,
            f"""
SELECT DISTINCT ?article ?e ?start ?end WHERE {{ VALUES (?article ?e) {{ {values} }}
  GRAPH ?article {{ ?m nkg:mentionOf ?e ; nkg:startOffset ?start ; nkg:endOffset ?end }}
}}""",
        )
        for a, e, start, end in res.rows:
            out[(str(a), str(e))].append((int(start), int(end)))
    return dict(out)


def two_hops(
    store: KGStore,
    iri: str,
    *,
    include_rejected: bool = False,
    limit: int = 200,
    keys: Sequence[FactKey] | None = None,
) -> list[Row]:
    """Facts one partnership away: partner (sister city, agreement or cooperation partner), then
    who visits it or invests in it.

    Rows: partner, ties (local names), predicate, other, articles (how many state the second fact).
    The partners come from :func:`fact_keys` (pass `keys` when already read), what reaches them
    from their direct triples, so a hub's page reads no statement it does not show.
    """
    partners: dict[str, set[str]] = defaultdict(set)
    if keys is None:
        keys = fact_keys(store, iri, include_rejected=include_rejected)
    for k in keys:
        if k.predicate in TIE_PREDICATES:
            partner = k.o if k.s == iri else k.s
            if partner != iri:
                partners[partner].add(k.predicate)
    if not partners:
        return []
    rejected = set() if include_rejected else _rejected_facts(store)
    arts: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s, p, o, art, _ in _fact_rows(store, sorted(partners), preds=("visits", "investsIn"), sides="o"):
        if s != iri and (s, p, o) not in rejected:
            arts[(o, _local(p), s)].add(art)
    out = [
        {"partner": o, "ties": sorted(partners[o]), "predicate": p, "other": s, "articles": len(a)}
        for (o, p, s), a in arts.items()
    ]
    out.sort(key=lambda r: (-r["articles"], r["partner"], r["predicate"], r["other"]))
    return out[:limit]


# ------------------------------------------------------------------ articles
def articles(store: KGStore) -> list[Row]:
    """Every article: iri, headline, published ('' if undated), source, url, facts. Newest first."""
    rows = _rows(
        store,
        """
SELECT ?iri (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?published) (SAMPLE(?src) AS ?source)
       (SAMPLE(?u) AS ?url) WHERE {
  ?iri a nkg:NewsArticle .
  OPTIONAL { ?iri schema:headline ?h }
  OPTIONAL { ?iri schema:datePublished ?d }
  OPTIONAL { ?iri prov:wasDerivedFrom ?src }
  OPTIONAL { ?iri schema:url ?u }
} GROUP BY ?iri""",
    )
    counts = {
        r["iri"]: int(r["n"])
        for r in _rows(
            store,
            "SELECT ?iri (COUNT(?st) AS ?n) WHERE { ?st a nkg:Statement ; nkg:article ?iri } GROUP BY ?iri",
        )
    }
    for r in rows:
        r["facts"] = counts.get(r["iri"], 0)
        r["headline"] = str(r["headline"] or _local(r["iri"]))
        r["published"] = str(r["published"] or "")
    return sorted(sorted(rows, key=lambda r: r["headline"]), key=lambda r: r["published"], reverse=True)


@dataclass
class ArticleInfo:
    """What the Article page shows about one article."""

    iri: str
    headline: str | None = None
    text: str = ""
    published: str | None = None
    source: str | None = None
    url: str | None = None
    mentions: list[Row] = field(default_factory=list)  # entity, start, end, type

    @property
    def exists(self) -> bool:
        return bool(self.text or self.headline)


def article(store: KGStore, iri: str) -> ArticleInfo:
    """The article's text, metadata and mentions (with entity types)."""
    node = iri_term(iri)
    info = ArticleInfo(iri)
    head = _rows(
        store,
        f"""
SELECT ?headline ?text ?published ?source ?url WHERE {{
  OPTIONAL {{ {node} schema:headline ?headline }}
  OPTIONAL {{ {node} schema:text ?text }}
  OPTIONAL {{ {node} schema:datePublished ?published }}
  OPTIONAL {{ {node} prov:wasDerivedFrom ?source }}
  OPTIONAL {{ {node} schema:url ?url }}
}} LIMIT 1""",
    )
    if head:
        h = head[0]
        info.headline, info.text = h["headline"], h["text"] or ""
        info.published, info.source, info.url = h["published"], h["source"], h["url"]
    info.mentions = _rows(
        store,
        f"""
SELECT ?entity ?start ?end (SAMPLE(?t) AS ?type) WHERE {{
  ?m nkg:article {node} ; nkg:mentionOf ?entity ; nkg:startOffset ?start ; nkg:endOffset ?end .
  OPTIONAL {{ ?entity nkg:entityType ?t }}
}} GROUP BY ?entity ?start ?end ORDER BY ?start""",
    )
    return info


def article_facts(store: KGStore, iri: str, *, include_rejected: bool = False) -> list[Row]:
    """The statements an article contributes, in text order."""
    rows = _statements(store, f"?st nkg:article {iri_term(iri)} .", include_rejected)
    return sorted(rows, key=lambda r: (r["start"] or 0, r["predicate"]))


# ------------------------------------------------------------------ overview and map
def overview(store: KGStore) -> dict[str, list[Row]]:
    """Entities by type and (non-rejected) statements by predicate (from the build's summary when
    it matches the store)."""
    from newskg.graph.summary import read_summary

    summary = read_summary(store)
    if summary is not None:
        kinds = sorted(summary.types.items(), key=lambda x: (-x[1], x[0]))
        ranked = sorted(summary.predicates.items(), key=lambda x: (-x[1], x[0]))
        return {
            "types": [{"type": t, "entities": n} for t, n in kinds],
            "predicates": [{"p": p, "statements": n, "predicate": _local(p)} for p, n in ranked if n > 0],
        }
    types = _rows(
        store,
        "SELECT ?type (COUNT(DISTINCT ?e) AS ?entities) WHERE { ?e nkg:entityType ?type } "
        "GROUP BY ?type ORDER BY DESC(?entities)",
    )
    # statements by predicate from the predicate index alone; a reviewer's few rejected facts are
    # taken off here rather than by a NOT EXISTS on every statement
    counts = {
        str(p): int(n)
        for p, n in query(
            store, "SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st rdf:predicate ?p } GROUP BY ?p"
        ).rows
    }
    for s_, p_, o_ in _rejected_facts(store):
        res = query(
            store,
            f"SELECT (COUNT(?st) AS ?n) WHERE {{ ?st rdf:subject {iri_term(s_)} ; "
            f"rdf:predicate {iri_term(p_)} ; rdf:object {iri_term(o_)} }}",
        )
        if p_ in counts and res.rows:
            counts[p_] -= int(res.rows[0][0])
    preds = [
        {"p": p, "statements": n}
        for p, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
        if n > 0 and p.startswith(NS)
    ]
    for r in preds:
        r["predicate"] = _local(r["p"])
    return {"types": types, "predicates": preds}


def map_places(store: KGStore) -> list[Row]:
    """Places with coordinates: iri, lat, lon (one row per place)."""
    lat = {
        r["iri"]: float(r["lat"])
        for r in _rows(store, "SELECT DISTINCT ?iri ?lat WHERE { ?iri schema:latitude ?lat }")
    }
    lon = {
        r["iri"]: float(r["lon"])
        for r in _rows(store, "SELECT DISTINCT ?iri ?lon WHERE { ?iri schema:longitude ?lon }")
    }
    return [{"iri": i, "lat": lat[i], "lon": lon[i]} for i in sorted(lat) if i in lon]


def map_links(store: KGStore, places: Sequence[Row] | None = None) -> list[Row]:
    """Links between places: s, o, predicate, status, lat, lon, lat2, lon2 (one per fact).

    A link's end without coordinates of its own (a mayor, a company) is drawn at the place it heads,
    works for or is located in, when that place has coordinates. Rejected facts are left out.
    """
    places = map_places(store) if places is None else places
    coords = {p["iri"]: (p["lat"], p["lon"]) for p in places}
    anchor: dict[str, tuple[float, float]] = {}
    where_ = sorted(coords)
    pairs: set[tuple[str, str]] = set()
    for i in range(0, len(where_), 300):  # who heads, works for or sits in a place on the map
        values = " ".join(iri_term(x) for x in where_[i : i + 300])
        pairs |= {
            (r["x"], r["place"])
            for r in _rows(
                store,
                f"""
SELECT DISTINCT ?x ?place WHERE {{ VALUES ?place {{ {values} }}
  VALUES ?p {{ nkg:headOf nkg:locatedIn nkg:worksFor }} ?x ?p ?place . }}""",
            )
        }
    for x, place in sorted(pairs):  # the first place in IRI order, as before
        anchor.setdefault(x, coords[place])
    # only statements from an entity that has a point on the map (a place, or what it anchors):
    # the rest of an archive's statements could never be drawn, and reading from the subject side
    # alone finds every link (both its ends must be on the map)
    ends = sorted(set(coords) | set(anchor))
    rejected = _rejected_facts(store)
    links = [
        {"s": a, "p": p, "o": b, "status": status}
        for a, p, b, _, status in _fact_rows(
            store, ends, preds=[p for p in MAP_PREDICATES if p in predicates()], sides="s"
        )
        if (a, p, b) not in rejected
    ]
    seen, out = set(), []
    symmetric = {p for p, d in predicates().items() if d.symmetric}
    links.sort(key=lambda r: (r["s"], r["p"], r["o"], str(r["status"] or "")))
    for r in links:
        a, b = coords.get(r["s"]) or anchor.get(r["s"]), coords.get(r["o"]) or anchor.get(r["o"])
        pred = _local(r["p"])
        status = _local(r["status"]).lower() or "done"
        key = (
            (*sorted((r["s"], r["o"])), pred, status) if pred in symmetric else (r["s"], r["o"], pred, status)
        )
        if a and b and a != b and key not in seen:
            seen.add(key)
            out.append(
                {
                    "s": r["s"],
                    "o": r["o"],
                    "predicate": pred,
                    "status": status,
                    "lat": a[0],
                    "lon": a[1],
                    "lat2": b[0],
                    "lon2": b[1],
                }
            )
    return out


# ------------------------------------------------------------------ timeline
def timeline(
    store: KGStore,
    *,
    entity_: str | None = None,
    predicate: str | None = None,
    status: Sequence[str] | None = None,
    include_rejected: bool = False,
) -> list[Row]:
    """Dated statements in date order: date (start of the span), end, s, predicate, o, status,
    amount, currency, evidence, article. A statement without a `when` is dated by nothing and left
    out; undated facts remain on the Entity page."""
    # only dated statements are read: an archive's undated thousands never leave the store
    dated = {
        str(st)
        for (st,) in query(
            store, "SELECT DISTINCT ?st WHERE { { ?st nkg:when ?d } UNION { ?st nkg:startDate ?d } }"
        ).rows
    }
    if entity_ is not None and dated:
        same = _same(store, entity_)
        values = " ".join(iri_term(x) for x in same)
        about = query(
            store,
            f"SELECT DISTINCT ?st WHERE {{ VALUES ?x {{ {values} }} "
            f"{{ ?st rdf:subject ?x }} UNION {{ ?st rdf:object ?x }} }}",
        ).rows
        dated &= {str(st) for (st,) in about}
    chosen = sorted(dated)
    rows = []
    for i in range(0, len(chosen), 300):
        values = " ".join(iri_term(x) for x in chosen[i : i + 300])
        rows += _statements(store, f"VALUES ?st {{ {values} }}", include_rejected)
    if entity_ is not None:
        merged = set(_same(store, entity_)) - {entity_}
        for r in rows:
            r["s"] = entity_ if r["s"] in merged else r["s"]
            r["o"] = entity_ if r["o"] in merged else r["o"]
    out = []
    for r in rows:
        start = str(r["when"] or r["start_date"] or "")
        if not start:
            continue
        if predicate and r["predicate"] != predicate:
            continue
        if status and r["status"] not in status:
            continue
        out.append({**r, "date": start, "end": str(r["end_date"] or "")})
    return sorted(out, key=lambda r: (r["date"], r["predicate"], r["s"], r["o"]))


# ------------------------------------------------------------------ bounded views (the explorer at scale)
# Every function here reads a bounded answer (a COUNT, a LIMIT, the entities asked for): no page
# needs the whole entity or article table, so a cold page stays quick on a store of 100,000 entities.


def count_entities(store: KGStore) -> int:
    """How many entities the store holds (a review's merges left out)."""
    from newskg.graph.summary import read_summary

    summary = read_summary(store)
    if summary is not None:
        return summary.entities - len(merges(store))
    res = query(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e nkg:entityType ?t }")
    n = int(res.rows[0][0]) if res.rows else 0
    return n - len(merges(store))


def count_articles(store: KGStore) -> int:
    """How many articles the store holds."""
    from newskg.graph.summary import read_summary

    summary = read_summary(store)
    if summary is not None:
        return summary.articles
    res = query(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a nkg:NewsArticle }")
    return int(res.rows[0][0]) if res.rows else 0


def top_entities(store: KGStore, n: int = 12, *, offset: int = 0) -> list[Row]:
    """The `n` best-connected entities (after `offset`): iri, degree (statements in and out, as in
    :func:`entities`), ko, en, type, cls, aliases. One ORDER BY … LIMIT in the store."""
    from newskg.graph.project import top_nodes

    gone = merges(store)
    nodes, _, _ = top_nodes(store, int(n) + int(offset) + len(gone), totals=False)
    nodes = [e for e in nodes if e not in gone][int(offset) : int(offset) + int(n)]
    degree = _degrees(store, nodes)
    ranked = [(e, degree.get(e, 0)) for e in nodes]
    names = labels(store, [e for e, _ in ranked])
    out = [dict(names.get(e) or _no_label(e), degree=d) for e, d in ranked]
    return sorted(out, key=lambda r: (-r["degree"], r["ko"]))


def _no_label(iri: str) -> Row:
    return {"iri": iri, "type": "", "ko": _local(iri), "en": _local(iri), "cls": "", "aliases": []}


def labels(store: KGStore, iris: Iterable[str]) -> dict[str, Row]:
    """iri → iri, type, ko, en, cls, aliases for just these entities (renames applied; the label
    most articles use first, as :func:`entities` picks it). Entities the store lacks are left out."""
    wanted = sorted({i for i in iris if i})
    out: dict[str, Row] = {}
    names = renames(store)
    for i in range(0, len(wanted), 400):
        chunk = wanted[i : i + 400]
        values = " ".join(iri_term(x) for x in chunk)
        for r in _rows(
            store,
            f"SELECT DISTINCT ?iri ?type WHERE {{ VALUES ?iri {{ {values} }} ?iri nkg:entityType ?type }}",
        ):
            out.setdefault(r["iri"], {**_no_label(r["iri"]), "type": r["type"], "ko": "", "en": ""})
        labelled = _rows(
            store,
            f"""
SELECT ?iri ?label (LANG(?label) AS ?lang) (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?iri {{ {values} }}
  GRAPH ?g {{ ?iri rdfs:label ?label }} }} GROUP BY ?iri ?label""",
        )
        for r in sorted(labelled, key=lambda r: (-int(r["n"]), -len(str(r["label"])), str(r["label"]))):
            e = out.get(r["iri"])
            if e is not None and r["lang"] in ("ko", "en") and not e[r["lang"]]:
                e[r["lang"]] = str(r["label"])
        classes: dict[str, set[str]] = defaultdict(set)
        for r in _rows(
            store,
            f"SELECT DISTINCT ?iri ?c WHERE {{ VALUES ?iri {{ {values} }} ?iri a ?c "
            f"FILTER(STRSTARTS(STR(?c), STR(nkg:))) }}",
        ):
            classes[r["iri"]].add(_local(r["c"]))
        for r in _rows(
            store, f"SELECT DISTINCT ?iri ?a WHERE {{ VALUES ?iri {{ {values} }} ?iri skos:altLabel ?a }}"
        ):
            if r["iri"] in out:
                out[r["iri"]]["aliases"].append(str(r["a"]))
        for iri in chunk:
            e = out.get(iri)
            if e is None:
                continue
            fine = sorted(classes[iri] - _COARSE) or sorted(classes[iri])
            e["cls"] = fine[0] if fine else ""
            e["aliases"] = sorted(set(e["aliases"]))
            e["ko"] = names.get((iri, "ko")) or e["ko"] or e["en"] or _local(iri)
            e["en"] = names.get((iri, "en")) or e["en"] or e["ko"]
    return out


def _sparql_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid SPARQL string literal


def search(store: KGStore, text: str, *, limit: int = 20) -> list[Row]:
    """Entities whose Korean or English label, alias or new (renamed) label contains `text`
    (case-insensitive): exact matches first, then prefix matches, then the rest; ties by degree.

    Rows as :func:`labels` gives them, with degree. The store filters the labels (CONTAINS … LIMIT),
    so a search costs one scan of the labels, never a table of every entity.
    """
    q = text.strip().casefold()
    if not q:
        return []
    needle = _sparql_string(q)
    hits = _rows(
        store,
        f"""
SELECT DISTINCT ?iri WHERE {{
  {{ ?iri rdfs:label ?l }} UNION {{ ?iri skos:altLabel ?l }}
  FILTER(CONTAINS(LCASE(STR(?l)), {needle}))
}} LIMIT {max(200, 10 * int(limit))}""",
    )
    found = {r["iri"] for r in hits}
    found |= {e for (e, _), label in renames(store).items() if q in label.casefold()}
    gone = merges(store)
    rows = [r for iri, r in labels(store, found - set(gone)).items()]
    degree = _degrees(store, [r["iri"] for r in rows])
    for r in rows:
        r["degree"] = degree.get(r["iri"], 0)

    def rank(r: Row) -> tuple:
        names = [r["ko"].casefold(), r["en"].casefold()]
        aliases = [a.casefold() for a in r["aliases"]]
        exact = q in names or q in aliases
        prefix = any(x.startswith(q) for x in names)
        return (not exact, not prefix, -r["degree"], r["ko"])

    hit = [r for r in rows if q in " ".join([r["ko"], r["en"], *r["aliases"]]).casefold()]
    return sorted(hit, key=rank)[: int(limit)]


def degrees(store: KGStore, iris: Sequence[str]) -> dict[str, int]:
    """iri → its statements in and out (a review's rejected facts taken off), for these entities."""
    return _degrees(store, iris)


def _degrees(store: KGStore, iris: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(iris), 400):
        values = " ".join(iri_term(x) for x in iris[i : i + 400])
        for e, d in query(
            store,
            f"SELECT ?e (COUNT(?st) AS ?d) WHERE {{ VALUES ?e {{ {values} }} "
            f"{{ ?st rdf:subject ?e }} UNION {{ ?st rdf:object ?e }} }} GROUP BY ?e",
        ).rows:
            out[str(e)] = int(d)
    for s_, p_, o_ in _rejected_facts(store):  # a reviewer's few: taken off, as entities() leaves them out
        if s_ in out or o_ in out:
            res = query(
                store,
                f"SELECT (COUNT(?st) AS ?n) WHERE {{ ?st rdf:subject {iri_term(s_)} ; "
                f"rdf:predicate {iri_term(p_)} ; rdf:object {iri_term(o_)} }}",
            )
            n = int(res.rows[0][0]) if res.rows else 0
            for x in {s_, o_} & set(out):
                out[x] -= n
    return out


def date_range(store: KGStore) -> tuple[str, str] | None:
    """The first and last publication date in the store (None when no article is dated)."""
    from newskg.graph.summary import read_summary

    summary = read_summary(store)
    if summary is not None:
        return summary.dates
    rows = query(
        store,
        "SELECT (MIN(?d) AS ?lo) (MAX(?d) AS ?hi) WHERE { ?a schema:datePublished ?d }",
    ).rows
    if not rows or rows[0][0] is None:
        return None
    return str(rows[0][0]), str(rows[0][1])


def latest_articles(store: KGStore, n: int = 12, *, offset: int = 0, with_facts: bool = True) -> list[Row]:
    """The `n` newest articles (after `offset`), as :func:`articles` gives them, with their fact
    counts (0 without `with_facts`). Undated ones come last, as there."""
    want = int(n) + int(offset) + 20  # a little spare: ties on a date are settled by headline here
    # the date index alone (joining every article to its optional date reads them all)
    rows = _rows(
        store,
        f"SELECT ?iri ?published WHERE {{ ?iri schema:datePublished ?published }} "
        f"ORDER BY DESC(?published) LIMIT {want}",
    )
    if len(rows) < want:  # undated articles come last
        rows += _rows(
            store,
            "SELECT ?iri WHERE { ?iri a nkg:NewsArticle "
            f"FILTER NOT EXISTS {{ ?iri schema:datePublished ?d }} }} LIMIT {want - len(rows)}",
        )
    iris = sorted({r["iri"] for r in rows})
    if not iris:
        return []
    values = " ".join(iri_term(x) for x in iris)
    full = _rows(
        store,
        f"""
SELECT ?iri (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?published) (SAMPLE(?src) AS ?source)
       (SAMPLE(?u) AS ?url) WHERE {{ VALUES ?iri {{ {values} }}
  OPTIONAL {{ ?iri schema:headline ?h }}
  OPTIONAL {{ ?iri schema:datePublished ?d }}
  OPTIONAL {{ ?iri prov:wasDerivedFrom ?src }}
  OPTIONAL {{ ?iri schema:url ?u }}
}} GROUP BY ?iri""",
    )
    counts = (
        {
            r["iri"]: int(r["n"])
            for r in _rows(
                store,
                f"SELECT ?iri (COUNT(?st) AS ?n) WHERE {{ VALUES ?iri {{ {values} }} ?st nkg:article ?iri ; "
                f"a nkg:Statement }} GROUP BY ?iri",
            )
        }
        if with_facts
        else {}
    )
    for r in full:
        r["facts"] = counts.get(r["iri"], 0)
        r["headline"] = str(r["headline"] or _local(r["iri"]))
        r["published"] = str(r["published"] or "")
    ordered = sorted(sorted(full, key=lambda r: r["headline"]), key=lambda r: r["published"], reverse=True)
    return ordered[int(offset) : int(offset) + int(n)]


def to_json(rows: Sequence[Row]) -> str:
    """Rows as a JSON array (for downloads and the CLI)."""
    return json.dumps(list(rows), ensure_ascii=False, indent=1, default=str)
