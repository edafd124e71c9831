"""Reviews as RDF: a reader says a fact is wrong or confirmed, or renames or merges an entity.

Every review is a `prov:Activity` in its own named graph, `REVIEW_GRAPH`, never in an article's
graph, so a rebuild (which replaces article graphs) neither loses reviews nor resurrects a rejected
fact, and every export of the dataset carries them. A review says who (`prov:wasAssociatedWith`
an agent), when (`prov:endedAtTime`), what (`rev:verdict` and the fact or entity) and why
(`rdfs:comment`, optional). A later review of the same fact or entity invalidates the earlier one
(`prov:wasInvalidatedBy`), so the newest verdict counts and the history is kept.

A fact is its subject, predicate and object, whatever article states it; a symmetric fact is
reviewed in both directions.

Example:
    >>> from newskg.graph.store import open_store
    >>> with open_store(":memory:") as kg:
    ...     _ = record_fact(kg, "https://e.org/a", "visits", "https://e.org/b", "rejected", who="kim")
    ...     [(r.verdict, r.predicate, r.who) for r in reviews(kg)]
    [('rejected', 'visits', 'kim')]
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from newskg.graph.sparql import query
from newskg.graph.store import KGStore
from newskg.ontology.errors import InputError
from newskg.ontology.vocab import NS, predicates

__all__ = [
    "REVIEW_GRAPH",
    "REV",
    "FACT_VERDICTS",
    "Review",
    "record_fact",
    "record_rename",
    "record_merge",
    "reviews",
    "rejected_filter",
    "renames",
    "merges",
    "export_reviews",
]

REVIEW_GRAPH = "https://w3id.org/newskg/reviews"
"""The named graph holding every review."""
REV = "https://w3id.org/newskg/review#"
"""Terms of the review vocabulary (verdict, fact, subject, predicate, object, entity, into, label)."""
_REVIEW = "https://w3id.org/newskg/review/"
_AGENT = "https://w3id.org/newskg/agent/"
_PROV = "http://www.w3.org/ns/prov#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
FACT_VERDICTS = ("rejected", "confirmed")


@dataclass(frozen=True)
class Review:
    """One review as read back: `predicate` is a local name; `subject`/`object` for facts,
    `entity` (and `into` or `label`) for merges and renames."""

    iri: str
    verdict: str
    who: str
    when: str
    comment: str = ""
    subject: str = ""
    predicate: str = ""
    object: str = ""
    entity: str = ""
    into: str = ""
    label: str = ""
    label_lang: str = ""
    current: bool = True


def _iri(value: str) -> str:
    if not value or any(c in value for c in '<>"{}|^`\\ \n'):
        raise InputError(f"not an IRI: {value!r}")
    return f"<{value}>"


def _lit(value: str, lang: str | None = None) -> str:
    return json.dumps(value, ensure_ascii=False) + (f"@{lang}" if lang else "")


def _agent(who: str) -> str:
    name = (who or "").strip() or "anonymous"
    return _AGENT + quote(name, safe="")


def _head(verdict: str, who: str, comment: str | None) -> list[str]:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    out = [
        f"$RV a <{_PROV}Activity>, <{REV}Review> .",
        f"$RV <{REV}verdict> {_lit(verdict)} .",
        f"$RV <{_PROV}wasAssociatedWith> <{_agent(who)}> .",
        f"<{_agent(who)}> a <{_PROV}Agent> ; <{_RDFS}label> {_lit((who or '').strip() or 'anonymous')} .",
        f'$RV <{_PROV}endedAtTime> "{now}"^^<{_XSD}dateTime> .',
    ]
    if comment and comment.strip():
        out.append(f"$RV <{_RDFS}comment> {_lit(comment.strip())} .")
    return out


def record_fact(
    store: KGStore,
    subject: str,
    predicate: str,
    obj: str,
    verdict: str,
    *,
    who: str = "",
    comment: str | None = None,
) -> str:
    """Record that the fact (subject, predicate local name, object) is `rejected` or `confirmed`.

    Returns the review's IRI. Raises InputError for an unknown verdict or predicate.
    """
    if verdict not in FACT_VERDICTS:
        raise InputError(f"a fact's verdict is one of {', '.join(FACT_VERDICTS)}, not {verdict!r}")
    pred = predicates().get(predicate)
    if pred is None:
        raise InputError(f"unknown predicate {predicate!r}; known: {', '.join(predicates())}")
    s, o, p = _iri(subject), _iri(obj), f"<{pred.iri}>"
    rv = f"{_REVIEW}{uuid.uuid4().hex}"
    body = [t.replace("$RV", f"<{rv}>") for t in _head(verdict, who, comment)]
    ways = [(s, o), (o, s)] if pred.symmetric and s != o else [(s, o)]
    for i, (a, b) in enumerate(ways):
        f = f"<{rv}#fact{i}>"
        body += [
            f"<{rv}> <{REV}fact> {f} .",
            f"{f} <{REV}subject> {a} ; <{REV}predicate> {p} ; <{REV}object> {b} .",
        ]
    supersede = f"?old <{REV}fact> ?f . ?f <{REV}subject> {s} ; <{REV}predicate> {p} ; <{REV}object> {o} ."
    return _insert(store, rv, body, supersede)


def _insert(store: KGStore, rv: str, body: list[str], supersede: str) -> str:
    g = f"<{REVIEW_GRAPH}>"
    store.update(f"""INSERT {{ GRAPH {g} {{ ?old <{_PROV}wasInvalidatedBy> <{rv}> }} }}
WHERE {{ GRAPH {g} {{ {supersede} FILTER NOT EXISTS {{ ?old <{_PROV}wasInvalidatedBy> ?x }} }} }} ;
INSERT DATA {{ GRAPH {g} {{ {chr(10).join(body)} }} }}""")
    return rv


def record_rename(
    store: KGStore, entity: str, label: str, lang: str, *, who: str = "", comment: str | None = None
) -> str:
    """Record a better label (`lang` 'ko' or 'en') for an entity; pages show it instead."""
    if lang not in ("ko", "en") or not label.strip():
        raise InputError(f"a rename needs a label and a language ko or en, not {label!r}@{lang}")
    rv = f"{_REVIEW}{uuid.uuid4().hex}"
    body = [t.replace("$RV", f"<{rv}>") for t in _head("renamed", who, comment)]
    body += [f"<{rv}> <{REV}entity> {_iri(entity)} ; <{REV}label> {_lit(label.strip(), lang)} ."]
    supersede = (
        f'?old <{REV}verdict> "renamed" ; <{REV}entity> {_iri(entity)} ; <{REV}label> ?l . '
        f"FILTER(LANG(?l) = {_lit(lang)})"
    )
    return _insert(store, rv, body, supersede)


def record_merge(store: KGStore, entity: str, into: str, *, who: str = "", comment: str | None = None) -> str:
    """Record that `entity` is the same as `into`; pages show its facts under `into`."""
    if entity == into:
        raise InputError("an entity cannot be merged with itself")
    rv = f"{_REVIEW}{uuid.uuid4().hex}"
    body = [t.replace("$RV", f"<{rv}>") for t in _head("merged", who, comment)]
    body += [f"<{rv}> <{REV}entity> {_iri(entity)} ; <{REV}into> {_iri(into)} ."]
    supersede = f'?old <{REV}verdict> "merged" ; <{REV}entity> {_iri(entity)} .'
    return _insert(store, rv, body, supersede)


def reviews(store: KGStore, *, current_only: bool = False) -> list[Review]:
    """Every review, oldest first (`current` False when a later review replaced it)."""
    res = query(
        store,
        f"""
SELECT ?rv ?verdict ?who ?when ?comment ?s ?p ?o ?entity ?into ?label (LANG(?label) AS ?ll) ?old WHERE {{
  GRAPH <{REVIEW_GRAPH}> {{
    ?rv a <{REV}Review> ; <{REV}verdict> ?verdict ; <{_PROV}endedAtTime> ?when ;
        <{_PROV}wasAssociatedWith> ?agent .
    OPTIONAL {{ ?agent <{_RDFS}label> ?who }}
    OPTIONAL {{ ?rv <{_RDFS}comment> ?comment }}
    OPTIONAL {{ ?rv <{REV}fact> ?f . ?f <{REV}subject> ?s ; <{REV}predicate> ?p ; <{REV}object> ?o .
               FILTER(STRENDS(STR(?f), "#fact0")) }}
    OPTIONAL {{ ?rv <{REV}entity> ?entity }}
    OPTIONAL {{ ?rv <{REV}into> ?into }}
    OPTIONAL {{ ?rv <{REV}label> ?label }}
    OPTIONAL {{ ?rv <{_PROV}wasInvalidatedBy> ?old }}
  }}
}} ORDER BY ?when ?rv""",
    )
    out: dict[str, Review] = {}
    for rv, verdict, who, when, comment, s, p, o, entity, into, label, ll, old in res.rows:
        if rv in out:
            continue
        out[str(rv)] = Review(
            str(rv),
            str(verdict),
            str(who or ""),
            str(when),
            str(comment or ""),
            str(s or ""),
            str(p or "").removeprefix(NS),
            str(o or ""),
            str(entity or ""),
            str(into or ""),
            str(label or ""),
            str(ll or ""),
            old is None,
        )
    got = list(out.values())
    return [r for r in got if r.current] if current_only else got


def rejected_filter(s: str = "?s", p: str = "?p", o: str = "?o") -> str:
    """A SPARQL FILTER leaving out facts whose current review rejects them (variables or IRIs)."""
    return (
        f'FILTER NOT EXISTS {{ GRAPH <{REVIEW_GRAPH}> {{ ?_rv <{REV}verdict> "rejected" ; '
        f"<{REV}fact> ?_rf . ?_rf <{REV}subject> {s} ; <{REV}predicate> {p} ; <{REV}object> {o} . "
        f"FILTER NOT EXISTS {{ ?_rv <{_PROV}wasInvalidatedBy> ?_later }} }} }}"
    )


def renames(store: KGStore) -> dict[tuple[str, str], str]:
    """(entity IRI, lang) → the label its current rename review gives."""
    return {
        (r.entity, r.label_lang): r.label for r in reviews(store, current_only=True) if r.verdict == "renamed"
    }


def merges(store: KGStore) -> dict[str, str]:
    """entity IRI → the entity it was merged into (followed to the end of a chain)."""
    direct = {r.entity: r.into for r in reviews(store, current_only=True) if r.verdict == "merged"}
    out = {}
    for e in direct:
        seen, target = {e}, direct[e]
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        out[e] = target
    return out


def export_reviews(store: KGStore) -> str:
    """The review graph as N-Quads text (sorted, one quad a line), ready to load elsewhere."""
    from newskg.graph.export import quads

    return "".join(sorted(f"{q} .\n" for q in quads(store, [REVIEW_GRAPH])))
