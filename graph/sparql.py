"""SPARQL over the store, with plain Python results, and the named queries of ``graph/queries``.

The default graph is the union of every article graph, so ``?s nkg:visits ?o`` sees all articles;
``GRAPH ?article { … }`` restricts a pattern to one article. Results hold plain values: IRIs and
strings as `str`, integers as `int`, decimals and doubles as `float`, unbound as None.

Named queries are files ``graph/queries/<name>.rq``. Their first comment line is the title; a line
``# param NAME (KIND): description`` declares a parameter, written ``$NAME`` in the query (in
SPARQL ``$x`` is the same variable as ``?x``). Unset, the parameter is an ordinary variable and the
query lists every match; set, it is bound by a ``VALUES`` block put at the start of the WHERE clause
(works on every endpoint; several matching entities give several rows of VALUES). A header line
``# bind: inline`` also writes a single value into the patterns themselves, which some query plans
need (a parameter inside UNION branches). KIND ``entity`` takes
an IRI or a name (``Siheung``, ``시흥시``: matched against labels and aliases); ``date`` an ISO date;
``text`` a string.

Example:
    >>> from newskg.graph.store import open_store
    >>> with open_store(":memory:") as store:
    ...     query(store, "SELECT ?x WHERE { VALUES ?x { 1 2.5 'a' } }").rows
    [(1,), (2.5,), ('a',)]
    >>> sorted(named_queries())[:2]
    ['facts', 'heads']
"""

from __future__ import annotations

import concurrent.futures
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from newskg.graph.store import KGStore
from newskg.ontology.errors import QueryError, StoreError

__all__ = ["QueryResult", "NamedQuery", "Parameter", "query", "named_queries", "run_named",
           "resolve_entity", "bind_parameters", "PREFIXES"]

Value = str | int | float | bool | None

PREFIXES = {
    "nkg": "https://w3id.org/newskg/ontology#",
    "entity": "https://w3id.org/newskg/entity/",
    "article": "https://w3id.org/newskg/article/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
}
"""Prefixes every query may use without declaring them (local stores; remote queries get them prepended)."""

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
"""Where the named queries live (package data of newskg.graph)."""

_XSD = PREFIXES["xsd"]
_INTS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                            "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                            "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_QUERY_WORDS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


@dataclass
class QueryResult:
    """Rows of plain values. kind is "select", "ask", "construct" (rows of s, p, o) or "update"."""

    columns: list[str]
    rows: list[tuple[Value, ...]]
    kind: str = "select"
    truncated: bool = False  # True when `limit` cut rows off

    @property
    def boolean(self) -> bool | None:
        """The answer of an ASK query (None for other kinds)."""
        return bool(self.rows[0][0]) if self.kind == "ask" else None

    def to_dicts(self) -> list[dict[str, Value]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


# ---------------------------------------------------------------------- term conversion
def _value(term: Any) -> Value:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INTS:
                return int(term.value)
            if dt in _FLOATS:
                return float(term.value)
            if dt == _XSD + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def _json_value(b: dict[str, Any] | None) -> Value:
    if b is None:
        return None
    if b["type"] == "uri":
        return b["value"]
    if b["type"] == "bnode":
        return "_:" + b["value"]
    dt = b.get("datatype", "")
    try:
        if dt in _INTS:
            return int(b["value"])
        if dt in _FLOATS:
            return float(b["value"])
        if dt == _XSD + "boolean":
            return b["value"] in ("true", "1")
    except ValueError:
        return b["value"]
    return b["value"]


_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"'
                      r"|'(?:[^'\\\n]|\\.)*'")


def _strip(sparql: str) -> str:
    """The query without IRIs, strings and comments (enough to find its first keyword)."""
    text = re.sub(_STRINGS, '""', sparql)
    text = re.sub(r"<[^<>\"{}|^`\\\s]*>", "<>", text)
    return re.sub(r"#[^\n]*", " ", text)


def _kind(sparql: str) -> str:
    for word in re.findall(r"[A-Za-z]+", _strip(sparql)):
        up = word.upper()
        if up in _QUERY_WORDS:
            return up.lower()
        if up in _UPDATE_WORDS:
            return "update"
    raise QueryError("this is not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE "
                     "(or an update when writes are allowed)")


def _prologue() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


# ---------------------------------------------------------------------- running
def _take(it: Iterable[tuple[Value, ...]], limit: int | None) -> tuple[list[tuple[Value, ...]], bool]:
    rows: list[tuple[Value, ...]] = []
    for row in it:
        if limit is not None and len(rows) >= limit:
            return rows, True
        rows.append(row)
    return rows, False


def _local(store: KGStore, sparql: str, kind: str, limit: int | None,
           bindings: Mapping[str, Any] | None) -> QueryResult:
    db = store.require_ox()
    if kind == "update":
        store.update(sparql)
        return QueryResult([], [], "update")
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    try:
        res = db.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=subs)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"cannot read graph store {store.location}: {exc}") from exc
    if isinstance(res, ox.QueryBoolean):
        return QueryResult(["ask"], [(bool(res),)], "ask")
    if isinstance(res, ox.QuerySolutions):
        cols = [v.value for v in res.variables]
        rows, cut = _take((tuple(_value(x) for x in sol) for sol in res), limit)
        return QueryResult(cols, rows, "select", cut)
    rows, cut = _take(((_value(t.subject), _value(t.predicate), _value(t.object)) for t in res), limit)
    return QueryResult(["subject", "predicate", "object"], rows, "construct", cut)


def _remote(store: KGStore, sparql: str, kind: str, limit: int | None, timeout: float | None) -> QueryResult:
    text = _prologue() + sparql
    if kind == "update":
        store.update(text, timeout=timeout)
        return QueryResult([], [], "update")
    if kind in ("construct", "describe"):
        _, body = store.http_query(text, accept="application/n-triples", timeout=timeout)
        triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        spo = ((_value(t.subject), _value(t.predicate), _value(t.object)) for t in triples)
        rows, cut = _take(spo, limit)
        return QueryResult(["subject", "predicate", "object"], rows, "construct", cut)
    data = json.loads(store.http_query(text, timeout=timeout)[1])
    if "boolean" in data:
        return QueryResult(["ask"], [(bool(data["boolean"]),)], "ask")
    cols = list(data["head"].get("vars", []))
    bindings = data["results"]["bindings"]
    rows, cut = _take((tuple(_json_value(b.get(c)) for c in cols) for b in bindings), limit)
    return QueryResult(cols, rows, "select", cut)


def query(store: KGStore, sparql: str, *, read_only: bool = True, timeout: float | None = None,
          limit: int | None = None, bindings: Mapping[str, Any] | None = None) -> QueryResult:
    """Run a SPARQL query (or, with ``read_only=False``, an update) on the store.

    Args:
        store: an open store.
        sparql: the query; the prefixes of `PREFIXES` need no declaration.
        read_only: refuse updates (QueryError) — the default, as for ``newskg query``.
        timeout: seconds before giving up with QueryError (None: wait).
        limit: keep at most this many rows (``QueryResult.truncated`` tells whether rows were cut).
        bindings: variable name → pyoxigraph term, bound before evaluation (local stores only;
            use `run_named` for parameters that work everywhere).

    Raises:
        QueryError: malformed query, update on a read-only path, or timeout.
        StoreError: the store cannot be read or reached.
    """
    kind = _kind(sparql)
    if kind == "update" and read_only:
        raise QueryError("this is a SPARQL UPDATE and the query path is read-only; use `newskg build` to "
                         "change the graph, or call query(..., read_only=False)")
    if kind == "describe":
        kind = "construct"
    if store.is_remote:
        if bindings:
            raise QueryError("bindings work on a local store only; use run_named() parameters")
        try:
            return _remote(store, sparql, kind, limit, timeout)
        except StoreError as exc:
            if timeout is not None and "timed out" in str(exc).lower():
                raise QueryError(f"query timed out after {timeout:g} s; narrow it or add LIMIT") from exc
            raise
    if timeout is None:
        return _local(store, sparql, kind, limit, bindings)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="newskg-query")
    future = pool.submit(_local, store, sparql, kind, limit, bindings)
    try:
        return future.result(timeout=timeout)
    except concurrent.futures.TimeoutError:
        raise QueryError(f"query timed out after {timeout:g} s; narrow it or add LIMIT "
                         f"(it keeps running in the background until it ends)") from None
    finally:
        pool.shutdown(wait=False)


# ---------------------------------------------------------------------- named queries
@dataclass(frozen=True)
class Parameter:
    """A parameter of a named query: ``$name`` in the SPARQL text."""

    name: str
    kind: str  # entity | date | text
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``graph/queries/<name>.rq``."""

    name: str
    title: str
    sparql: str
    parameters: tuple[Parameter, ...] = field(default=())
    inline: bool = False  # "# bind: inline": a single value is written into the query text

    def parameter(self, name: str) -> Parameter:
        for p in self.parameters:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise QueryError(f"named query {self.name!r} has no parameter {name!r} (its parameters: {known})")


_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*(?:\((\w+)\))?\s*:?\s*(.*)$")


def _parse_rq(name: str, text: str) -> NamedQuery:
    title, params, inline = "", [], False
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            if line:
                break
            continue
        m = _PARAM.match(line)
        if re.match(r"^#\s*bind\s*:\s*inline\s*$", line):
            inline = True
        elif m:
            params.append(Parameter(m.group(1), (m.group(2) or "text").lower(), m.group(3).strip()))
        elif not title:
            title = line.lstrip("#").strip()
    return NamedQuery(name, title or name, text, tuple(params), inline)


@lru_cache(maxsize=1)
def _named() -> dict[str, NamedQuery]:
    out = {}
    for item in sorted(QUERIES_DIR.glob("*.rq")):
        out[item.stem] = _parse_rq(item.stem, item.read_text(encoding="utf-8"))
    return out


def named_queries() -> dict[str, NamedQuery]:
    """Every named query by name (from ``graph/queries/*.rq``)."""
    return dict(_named())


def resolve_entity(store: KGStore, value: str) -> list[str]:
    """IRIs of the entities `value` names: an IRI as is, else exact label or alias, else any case.

    Raises:
        QueryError: no entity has that name.
    """
    if re.match(r"^(https?|urn|file):", value):
        return [value]
    lit = json.dumps(value, ensure_ascii=False)
    exact = query(store, f"SELECT DISTINCT ?e WHERE {{ VALUES ?l {{ {lit}@ko {lit}@en {lit} }} "
                         f"?e rdfs:label|skos:altLabel ?l }}")
    if not exact.rows:
        exact = query(store, f"SELECT DISTINCT ?e WHERE {{ ?e rdfs:label|skos:altLabel ?l "
                             f"FILTER(LCASE(STR(?l)) = LCASE({lit})) }}")
    if not exact.rows:
        from newskg.extract.records import Entity
        from newskg.graph.resolve import entity_iri

        guesses = {entity_iri(Entity("?", value, value, t, "")) for t in ("LOC", "PERSON")}
        values = " ".join(f"<{g}>" for g in guesses)
        exact = query(store, f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {values} }} ?e rdfs:label ?l }}")
    if not exact.rows:
        raise QueryError(f"no entity named {value!r} in the graph; give its IRI or a label as shown by "
                         f"`newskg query --named facts`")
    return sorted(str(r[0]) for r in exact.rows)


def _term(param: Parameter, value: str, store: KGStore) -> list[ox.NamedNode | ox.Literal]:
    if param.kind == "entity":
        return [ox.NamedNode(iri) for iri in resolve_entity(store, value)]
    if param.kind == "date":
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            raise QueryError(f"parameter {param.name} takes a date as YYYY-MM-DD, not {value!r}")
        return [ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))]
    return [ox.Literal(value)]


def _values_clause(bound: Mapping[str, list[Any]]) -> str:
    names = list(bound)
    rows = " ".join("(" + " ".join(str(t) for t in combo) + ")"
                    for combo in itertools.product(*(bound[n] for n in names)))
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ {rows} }}"


def bind_parameters(sparql: str, bound: Mapping[str, list[Any]], *, inline: bool = False) -> str:
    """The query with parameters bound by a VALUES block at the start of its WHERE clause.

    >>> q = bind_parameters("SELECT ?x WHERE { ?x a $c }", {"c": [ox.NamedNode("https://e.org/C")]})
    >>> q.startswith("SELECT ?x WHERE { VALUES (?c) { (<https://e.org/C>) }")
    True
    """
    if not bound:
        return sparql
    if inline:  # write single values into the patterns too (some plans only then start from them)
        for name, terms in bound.items():
            if len(terms) == 1:
                sparql = re.sub(r"\$" + re.escape(name) + r"\b", lambda _m, t=terms[0]: str(t), sparql)
    values = _values_clause(bound)
    m = re.search(r"\bWHERE\s*\{", sparql, flags=re.IGNORECASE)
    if m is None:  # no WHERE keyword: a trailing VALUES clause has the same meaning
        return sparql + "\n" + values + "\n"
    return sparql[: m.end()] + " " + values + "\n" + sparql[m.end():]


def run_named(store: KGStore, name: str, params: Mapping[str, str] | None = None, *,
              limit: int | None = None, timeout: float | None = None) -> QueryResult:
    """Run the named query `name` with parameters bound (see the module docstring).

    Raises:
        QueryError: unknown query or parameter, or an entity name that matches nothing.
    """
    nq = named_queries().get(name)
    if nq is None:
        raise QueryError(f"no named query {name!r}; known: {', '.join(named_queries())}")
    bound = {k: _term(nq.parameter(k), v, store) for k, v in (params or {}).items() if v not in (None, "")}
    return query(store, bind_parameters(nq.sparql, bound, inline=nq.inline), limit=limit, timeout=timeout)


def iter_rows(result: QueryResult) -> Iterator[dict[str, Value]]:
    """Rows as dicts (convenience for the explorer)."""
    yield from result.to_dicts()
