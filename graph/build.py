"""Turn Extractions into RDF: one named graph per article, replaced when rebuilt, skipped when unchanged.

Each article is written in one transaction (it is either all there, old or new, or not at all), in
bulk as N-Triples text this module serialises itself (no per-triple rdflib calls): a new article on
an embedded store is one Oxigraph load into its graph; a replaced one, or any on a remote endpoint,
one SPARQL ``DROP SILENT GRAPH <a> ; INSERT DATA { GRAPH <a> { … } }``. The article node
carries ``nkg:contentHash``, the SHA-256 of the extraction; a second build of an unchanged article
does nothing, so ``newskg build`` is idempotent and incremental.

Evidence is kept as a statement resource (``nkg:Statement`` with ``rdf:subject/predicate/object``)
next to the direct triple, not RDF-star: rdflib, SPARQL 1.1 and every export format handle it, the
same fact from two sentences gets two statements, and a plain ``?s nkg:visits ?o`` still works.
Symmetric predicates are written in both directions (one statement), so ``<시흥> nkg:sisterCityOf ?x``
finds the partner whichever way the extractor ordered the pair.

The statement carries the fact's qualifiers: ``nkg:status`` (done / planned / failed), ``nkg:when``
(or ``nkg:startDate`` / ``nkg:endDate`` for a span; xsd:date, xsd:gYearMonth or xsd:gYear as precise
as the text), ``nkg:amount`` (a ``schema:MonetaryAmount`` with ``schema:value`` and
``schema:currency``), ``nkg:tieKind`` and ``nkg:rule``. Only a done fact gets the direct triple, so
``?s nkg:visits ?o`` still means it happened; a planned or failed one is a statement only.

Example:
    >>> from newskg.graph.store import open_store
    >>> from newskg.extract.records import Entity, Evidence, Extraction, Triple
    >>> ents = (Entity("a", "시흥시", "Siheung", "LOC", "City"),
    ...         Entity("b", "샌디에이고", "San Diego", "LOC", "City"))
    >>> ev = Evidence("시흥시는 샌디에이고와 자매결연을 맺었다.", 0, 21)
    >>> fact = Triple("a", "sisterCityOf", "b", 0.9, ev)
    >>> with open_store(":memory:") as store:
    ...     add_extractions(store, [Extraction("doc-1", ents, (fact,))]).summary()
    ...     add_extractions(store, [Extraction("doc-1", ents, (fact,))]).summary()
    '1 added, 0 replaced, 0 unchanged, 0 rejected'
    '0 added, 0 replaced, 1 unchanged, 0 rejected'
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newskg.extract.records import Article, Extraction, Triple
from newskg.graph.resolve import article_iri, entity_iris, geonames_iri
from newskg.graph.store import KGStore
from newskg.ontology.errors import InputError
from newskg.ontology.vocab import NKG, STATUSES, classes, predicates, tie_kinds

__all__ = [
    "BuildReport",
    "add_extractions",
    "remove_article",
    "article_ntriples",
    "content_hash",
    "input_hash",
    "input_hashes",
    "package_version",
    "GRAPH_LAYOUT_VERSION",
]

GRAPH_LAYOUT_VERSION = "2"
"""Bumped when the RDF written for an article changes shape, so that old graphs get rebuilt."""

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
_COARSE_CLASS = {"PERSON": "Person", "ORG": "Organization", "LOC": "Place"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class BuildReport:
    """What a build did: counts of articles, files rejected with the reason, and warnings."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # IRIs of the article graphs added or replaced

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
            f"{len(self.rejected)} rejected"
        )

    def merge(self, other: BuildReport) -> None:
        self.added += other.added
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.rejected += other.rejected
        self.warnings += other.warnings
        self.articles += other.articles


# ---------------------------------------------------------------------- N-Triples writing
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _iri(value: str) -> str:
    if _IRI_BAD.search(value) is None:
        return "<" + value + ">"
    return "<" + _IRI_BAD.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), value) + ">"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_LITERAL = str.maketrans({**{chr(c): " " for c in [*range(0x20), 0x7F]}, **_ESCAPES})


def _str(value: str, lang: str | None = None) -> str:
    body = value.translate(_LITERAL)
    return f'"{body}"@{lang}' if lang else f'"{body}"'


def _typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def _decimal(value: float) -> str:
    """Canonical xsd:decimal form with at most 3 decimals: 0.9, 1.0, 0.857."""
    text = f"{value:.3f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def content_hash(extraction: Extraction) -> str:
    """SHA-256 of the extraction with its article (what a rebuild compares)."""
    data = json.dumps(
        [GRAPH_LAYOUT_VERSION, extraction.to_json(with_article=True)], sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def input_hash(article: Article, extractor_version: str) -> str:
    """SHA-256 of the article as read and the extractor version (what decides whether to extract again)."""
    data = json.dumps(
        [
            GRAPH_LAYOUT_VERSION,
            extractor_version,
            article.id,
            article.text,
            article.title,
            article.published,
            article.source,
            article.url,
            [list(b) for b in article.body],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _source_iri(extraction: Extraction) -> str:
    art = extraction.article
    if art is not None and art.url:
        return art.url
    source = (art.source if art is not None and art.source else None) or extraction.doc
    if re.match(r"^(upload|urn|https?):", source):  # already an IRI (the explorer's uploads)
        return source
    return Path(source).resolve().as_uri()


def _class_iri(name: str, coarse: str) -> str:
    known = classes()
    if name in known and known[name].coarse is not None:
        return known[name].iri
    return known[_COARSE_CLASS.get(coarse, "Entity")].iri


def article_ntriples(
    extraction: Extraction,
    *,
    generated_at: str,
    extractor_version: str,
    digest: str | None = None,
    warnings: list[str] | None = None,
) -> tuple[str, list[str]]:
    """The article's graph IRI and its triples as N-Triples lines (without the graph name).

    Raises:
        InputError: the extraction cannot be turned into RDF (an unknown entity type, say).
    """
    warn = warnings if warnings is not None else []
    a_iri = article_iri(extraction.doc)
    a = _iri(a_iri)
    lines: list[str] = [
        f"{a} <{RDF}type> <{NKG.NewsArticle}> .",
        f"{a} <{NKG.contentHash}> {_str(digest or content_hash(extraction))} .",
        f"{a} <{PROV}generatedAtTime> {_typed(generated_at, 'dateTime')} .",
        f"{a} <{NKG.extractorVersion}> {_str(extractor_version)} .",
        f"{a} <{PROV}wasDerivedFrom> {_iri(_source_iri(extraction))} .",
    ]
    art = extraction.article
    if art is not None:
        lines.append(f"{a} <{NKG.inputHash}> {_str(input_hash(art, extractor_version))} .")
        if art.title:
            lines.append(f"{a} <{SCHEMA}headline> {_str(art.title, 'ko')} .")
        if art.text:
            lines.append(f"{a} <{SCHEMA}text> {_str(art.text, 'ko')} .")
        if art.published and _DATE.match(art.published):
            lines.append(f"{a} <{SCHEMA}datePublished> {_typed(art.published[:10], 'date')} .")
        if art.url:
            lines.append(f"{a} <{SCHEMA}url> {_typed(art.url, 'anyURI')} .")

    iri_of: dict[str, str] = {}
    iris = entity_iris(extraction)  # people anchored by the body or place they head or work for
    for ent in extraction.entities:
        if ent.type not in _COARSE_CLASS:
            raise InputError(
                f"{extraction.doc}: entity {ent.id!r} has type {ent.type!r}; "
                f"expected one of PERSON, ORG, LOC (see CONTRACT.md)"
            )
        e_iri = iris[ent.id]
        iri_of[ent.id] = e_iri
        e = _iri(e_iri)
        lines += [
            f"{e} <{RDF}type> <{_class_iri(ent.cls, ent.type)}> .",
            f"{e} <{NKG.entityType}> {_str(ent.type)} .",
            f"{e} <{RDFS}label> {_str(ent.label, 'ko')} .",
        ]
        if ent.label_en and ent.label_en != ent.label:
            lines.append(f"{e} <{RDFS}label> {_str(ent.label_en, 'en')} .")
        lines += [
            f"{e} <{SKOS}altLabel> {_str(alias)} ."
            for alias in ent.aliases
            if alias not in (ent.label, ent.label_en)
        ]
        if ent.geonames_id is not None:
            lines += [
                f"{e} <{OWL}sameAs> {_iri(geonames_iri(ent.geonames_id))} .",
                f"{e} <{NKG.geonamesId}> {_typed(int(ent.geonames_id), 'integer')} .",
            ]
        if ent.lat is not None and ent.lon is not None:
            lines += [
                f"{e} <{SCHEMA}latitude> {_typed(float(ent.lat), 'double')} .",
                f"{e} <{SCHEMA}longitude> {_typed(float(ent.lon), 'double')} .",
            ]
        for start, end in ent.mentions:
            m = _iri(f"{a_iri}#m-{e_iri.rsplit('/', 1)[-1]}-{int(start)}-{int(end)}")
            lines += [
                f"{m} <{RDF}type> <{NKG.Mention}> .",
                f"{m} <{NKG.mentionOf}> {e} .",
                f"{m} <{NKG.startOffset}> {_typed(int(start), 'integer')} .",
                f"{m} <{NKG.endOffset}> {_typed(int(end), 'integer')} .",
                f"{m} <{NKG.article}> {a} .",
            ]

    preds = predicates()
    best: dict[tuple, Triple] = {}  # one statement per fact and evidence span, at its highest confidence
    for t in extraction.triples:
        k = (t.subject, t.predicate, t.object, t.evidence.start, t.evidence.end)
        if k not in best or t.confidence > best[k].confidence:
            best[k] = t
    for t in best.values():
        pred = preds.get(t.predicate)
        if pred is None:
            warn.append(f"{extraction.doc}: predicate {t.predicate!r} is not in the ontology; fact left out")
            continue
        if t.subject not in iri_of or t.object not in iri_of:
            missing = t.subject if t.subject not in iri_of else t.object
            warn.append(
                f"{extraction.doc}: fact {t.predicate} refers to unknown entity {missing!r}; left out"
            )
            continue
        s_iri, o_iri = iri_of[t.subject], iri_of[t.object]
        if s_iri == o_iri:
            warn.append(
                f"{extraction.doc}: {t.subject} {t.predicate} {t.object} links a node to itself "
                f"after resolution; left out"
            )
            continue
        s, p, o = _iri(s_iri), f"<{pred.iri}>", _iri(o_iri)
        status = t.status if t.status in STATUSES else "done"
        if status != t.status:
            warn.append(
                f"{extraction.doc}: fact {t.predicate} has status {t.status!r}; "
                f"expected one of {', '.join(STATUSES)}; written as done"
            )
        if status == "done":  # the direct triple says "it happened"; plans and failures are statements only
            lines.append(f"{s} {p} {o} .")
            if pred.symmetric:
                lines.append(f"{o} {p} {s} .")
        ev = t.evidence
        key = f"{s_iri} {pred.name} {o_iri} {ev.start} {ev.end}".encode()
        st = _iri(f"{a_iri}#f-{hashlib.sha1(key).hexdigest()[:12]}")
        conf = min(max(float(t.confidence), 0.0), 1.0)
        lines += [
            f"{st} <{RDF}type> <{NKG.Statement}> .",
            f"{st} <{RDF}subject> {s} .",
            f"{st} <{RDF}predicate> {p} .",
            f"{st} <{RDF}object> {o} .",
            f"{st} <{NKG.confidence}> {_typed(_decimal(conf), 'decimal')} .",
            f"{st} <{NKG.evidenceText}> {_str(ev.sentence, 'ko')} .",
            f"{st} <{NKG.startOffset}> {_typed(int(ev.start), 'integer')} .",
            f"{st} <{NKG.endOffset}> {_typed(int(ev.end), 'integer')} .",
            f"{st} <{NKG.article}> {a} .",
            f"{st} <{NKG.status}> {_str(status)} .",
        ]
        lines += _qualifier_lines(st, t, f"{extraction.doc}: fact {t.predicate}", warn)
    return a_iri, lines


_WHEN_TYPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "date"),
    (re.compile(r"^\d{4}-\d{2}$"), "gYearMonth"),
    (re.compile(r"^\d{4}$"), "gYear"),
)


def _when_literal(value: str) -> str | None:
    """``"2024-10-13"^^xsd:date``, ``"2024-10"^^xsd:gYearMonth`` or ``"2024"^^xsd:gYear``; None if not ISO."""
    for pattern, datatype in _WHEN_TYPES:
        if pattern.match(value):
            return _typed(value, datatype)
    return None


def _qualifier_lines(st: str, t: Triple, where: str, warn: list[str]) -> list[str]:
    """The statement's when (nkg:when, or nkg:startDate/nkg:endDate for a span), amount
    (a schema:MonetaryAmount), tie kind and rule; a malformed qualifier is left out with a warning."""
    out: list[str] = []
    if t.rule:
        out.append(f"{st} <{NKG.rule}> {_str(t.rule)} .")
    if t.when is not None:
        start = _when_literal(t.when.start)
        end = _when_literal(t.when.end) if t.when.end is not None else None
        if start is None or (t.when.end is not None and end is None):
            warn.append(
                f"{where}: when {t.when.to_json()!r} is not an ISO date (YYYY-MM-DD, YYYY-MM, YYYY); left out"
            )
        elif end is None or t.when.end == t.when.start:
            out.append(f"{st} <{NKG.when}> {start} .")
        else:
            out += [f"{st} <{NKG.startDate}> {start} .", f"{st} <{NKG.endDate}> {end} ."]
    if t.amount is not None:
        cur = str(t.amount.currency).upper()
        if re.fullmatch(r"[A-Z]{3}", cur) is None:
            warn.append(f"{where}: amount currency {t.amount.currency!r} is not an ISO 4217 code; left out")
        else:
            m = _iri(st[1:-1] + "-amount")
            v = float(t.amount.value)
            value = str(int(v)) if v.is_integer() else format(v, "f")
            out += [
                f"{st} <{NKG.amount}> {m} .",
                f"{m} <{RDF}type> <{SCHEMA}MonetaryAmount> .",
                f"{m} <{SCHEMA}value> {_typed(value, 'decimal')} .",
                f"{m} <{SCHEMA}currency> {_str(cur)} .",
            ]
    if t.tie_kind is not None:
        kind = tie_kinds().get(t.tie_kind)
        if kind is None:
            warn.append(f"{where}: tie kind {t.tie_kind!r} is not one of {', '.join(tie_kinds())}; left out")
        else:
            out.append(f"{st} <{NKG.tieKind}> <{kind.iri}> .")
    return out


# ---------------------------------------------------------------------- writing to the store
def _existing_hashes(store: KGStore, term: str = "contentHash") -> dict[str, str]:
    from newskg.graph.sparql import query

    res = query(store, f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{NKG[term]}> ?h }} }}")
    return {str(g): str(h) for g, h in res.rows}


def input_hashes(store: KGStore) -> dict[str, str]:
    """Article graph IRI → ``nkg:inputHash`` of what is built (what decides whether to extract again)."""
    return _existing_hashes(store, "inputHash")


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return "newskg " + version("newskg")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "newskg (unversioned)"


def add_extractions(
    store: KGStore,
    extractions: Iterable[Extraction],
    *,
    progress: bool = False,
    extractor_version: str | None = None,
    generated_at: str | None = None,
    total: int | None = None,
    force: bool = False,
) -> BuildReport:
    """Write extractions to the store, one named graph (and one transaction) per article.

    An article whose extraction is unchanged since the last build is skipped; a changed one has
    its graph replaced; a bad one is rejected with the reason, leaving what was built before.

    Args:
        store: an open, writable store.
        extractions: what the extractor produced (``Extraction.article`` adds text, date, source).
        progress: show a tqdm progress bar on stderr.
        extractor_version: recorded as ``nkg:extractorVersion`` (default: the newskg version).
        generated_at: ``prov:generatedAtTime`` (xsd:dateTime; default: now, UTC).
        total: length of `extractions` when it is an iterator (for the progress bar).
        force: rewrite every article, changed or not.
    """
    report = BuildReport()
    version = extractor_version or package_version()
    existing = _existing_hashes(store)
    items: Iterable[Extraction] = extractions
    if progress:
        from tqdm import tqdm

        items = tqdm(extractions, total=total, desc="building", unit="article")
    for ex in items:
        when = generated_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        try:
            if not isinstance(ex.doc, str) or not ex.doc:
                raise InputError(f"extraction with doc {ex.doc!r}: doc must be a non-empty string")
            digest = content_hash(ex)
            if existing.get(article_iri(ex.doc)) == digest and not force:
                report.unchanged += 1
                continue
            g, lines = article_ntriples(
                ex, generated_at=when, extractor_version=version, digest=digest, warnings=report.warnings
            )
        except (InputError, KeyError, ValueError, TypeError, AttributeError) as exc:
            report.rejected.append((str(ex.doc), str(exc)))
            continue
        _write_article(store, g, lines, replace=g in existing)
        if g in existing:
            report.replaced += 1
        else:
            report.added += 1
        existing[g] = digest
        report.articles.append(g)
    return report


def _write_article(store: KGStore, graph: str, lines: list[str], *, replace: bool) -> None:
    """Write one article's graph in one transaction (how is the store's business)."""
    store.check_writable()
    store.write_graph(graph, "\n".join(lines), replace=replace)


def remove_article(store: KGStore, article_iri: str) -> None:
    """Drop an article's graph (everything it contributed) from the store."""
    store.drop_graph(article_iri)
