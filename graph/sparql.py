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

import itertools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from newskg.graph.results import XSD as _XSD
from newskg.graph.results import QueryResult, Value
from newskg.graph.store import PREFIXES, KGStore
from newskg.ontology.errors import QueryError

__all__ = [
    "QueryResult",
    "NamedQuery",
    "Parameter",
    "query",
    "named_queries",
    "run_named",
    "resolve_entity",
    "bind_parameters",
    "uses_service",
    "PREFIXES",
]

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
"""Where the named queries live (package data of newskg.graph)."""

_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_QUERY_WORDS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


# one left-to-right scan, so a quote in a comment or a "#" in a string cannot hide what follows
_NOISE = re.compile(
    r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>"
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# the keyword, not a variable (?service), a prefixed name (ex:service) or part of a longer name
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:.\-])", re.IGNORECASE)


def _strip(sparql: str) -> str:
    """The query without IRIs, strings and comments (enough to find its keywords)."""
    return _NOISE.sub(
        lambda m: " " if m.group().startswith("#") else '""' if m.group()[0] in "\"'" else "<>", sparql
    )


def _kind(sparql: str) -> str:
    for word in re.findall(r"[A-Za-z]+", _strip(sparql)):
        up = word.upper()
        if up in _QUERY_WORDS:
            return up.lower()
        if up in _UPDATE_WORDS:
            return "update"
    raise QueryError(
        "this is not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE "
        "(or an update when writes are allowed)"
    )


def uses_service(sparql: str) -> bool:
    """True when the query has a ``SERVICE`` clause (federation: the store would fetch a URL).

    SPARQL resolves ``\\u`` escapes before parsing, so they are resolved here too.

    >>> uses_service("SELECT * { service <http://e.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service("SELECT ?service { ?service a <http://e.org/SERVICE> } # SERVICE")
    False
    """
    text = _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
    return _SERVICE.search(_strip(text)) is not None


# ---------------------------------------------------------------------- running
def query(
    store: KGStore,
    sparql: str,
    *,
    read_only: bool = True,
    timeout: float | None = None,
    limit: int | None = None,
    bindings: Mapping[str, Any] | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Run a SPARQL query (or, with ``read_only=False``, an update) on the store.

    Args:
        store: an open store.
        sparql: the query; the prefixes of `PREFIXES` need no declaration.
        read_only: refuse updates (QueryError) — the default, as for ``newskg query``.
        timeout: seconds after which the query is stopped (its worker killed) with QueryError;
            None: wait.
        limit: keep at most this many rows (``QueryResult.truncated`` tells whether rows were cut).
        bindings: variable name → pyoxigraph term, bound before evaluation (local stores only;
            use `run_named` for parameters that work everywhere).
        allow_service: run ``SERVICE`` clauses (federated queries fetch any URL the query names,
            so they are refused unless the caller trusts the query).

    Raises:
        QueryError: malformed query, update on a read-only path, SERVICE not allowed, or timeout.
        StoreError: the store cannot be read or reached.
    """
    kind = _kind(sparql)
    if kind == "update" and read_only:
        raise QueryError(
            "this is a SPARQL UPDATE and the query path is read-only; use `newskg build` to "
            "change the graph, or call query(..., read_only=False)"
        )
    if not allow_service and uses_service(sparql):
        raise QueryError(
            "SERVICE (a federated query) is refused: it makes the store fetch the URL the "
            "query names; remove the SERVICE clause, or pass --allow-service to "
            "`newskg query` if you trust the query and the endpoint"
        )
    if kind == "update":
        store.update(sparql, timeout=timeout)
        return QueryResult([], [], "update")
    if kind == "describe":
        kind = "construct"
    return store.run_query(sparql, kind, limit=limit, timeout=timeout, bindings=bindings)


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
    exact = query(
        store,
        f"SELECT DISTINCT ?e WHERE {{ VALUES ?l {{ {lit}@ko {lit}@en {lit} }} "
        f"?e rdfs:label|skos:altLabel ?l }}",
    )
    if not exact.rows:
        exact = query(
            store,
            f"SELECT DISTINCT ?e WHERE {{ ?e rdfs:label|skos:altLabel ?l "
            f"FILTER(LCASE(STR(?l)) = LCASE({lit})) }}",
        )
    if not exact.rows:
        from newskg.extract.records import Entity
        from newskg.graph.resolve import entity_iri

        guesses = {entity_iri(Entity("?", value, value, t, "")) for t in ("LOC", "PERSON")}
        values = " ".join(f"<{g}>" for g in guesses)
        exact = query(store, f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {values} }} ?e rdfs:label ?l }}")
    if not exact.rows:
        raise QueryError(
            f"no entity named {value!r} in the graph; give its IRI or a label as shown by "
            f"`newskg query --named facts`"
        )
    return sorted(str(r[0]) for r in exact.rows)


def _term(param: Parameter, value: str, store: KGStore) -> list[ox.NamedNode | ox.Literal]:
    if param.kind == "entity":
        out = []
        for iri in resolve_entity(store, value):
            try:
                out.append(ox.NamedNode(iri))
            except ValueError as exc:
                raise QueryError(
                    f"parameter {param.name}: {value!r} is not a valid IRI ({exc}); give an IRI "
                    f"without spaces, quotes or angle brackets, or an entity name"
                ) from exc
        return out
    if param.kind == "date":
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            raise QueryError(f"parameter {param.name} takes a date as YYYY-MM-DD, not {value!r}")
        return [ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))]
    return [ox.Literal(value)]


def _values_clause(bound: Mapping[str, list[Any]]) -> str:
    names = list(bound)
    rows = " ".join(
        "(" + " ".join(str(t) for t in combo) + ")" for combo in itertools.product(*(bound[n] for n in names))
    )
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
    return sparql[: m.end()] + " " + values + "\n" + sparql[m.end() :]


def run_named(
    store: KGStore,
    name: str,
    params: Mapping[str, str] | None = None,
    *,
    limit: int | None = None,
    timeout: float | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Run the named query `name` with parameters bound (see the module docstring).

    Raises:
        QueryError: unknown query or parameter, or an entity name that matches nothing.
    """
    nq = named_queries().get(name)
    if nq is None:
        raise QueryError(f"no named query {name!r}; known: {', '.join(named_queries())}")
    bound = {k: _term(nq.parameter(k), v, store) for k, v in (params or {}).items() if v not in (None, "")}
    return query(
        store,
        bind_parameters(nq.sparql, bound, inline=nq.inline),
        limit=limit,
        timeout=timeout,
        allow_service=allow_service,
    )


def iter_rows(result: QueryResult) -> Iterator[dict[str, Value]]:
    """Rows as dicts (convenience for the explorer)."""
    yield from result.to_dicts()
