"""The vocabulary as Python reads it: predicates, classes and their cue words, all from `newskg.ttl`.

One source of truth: nothing here lists a predicate or a class; it is all parsed from the Turtle file.

Example:
    >>> p = predicate("sisterCityOf")
    >>> p.symmetric, p.label_en, "자매결연" in p.cues
    (True, 'sister city of', True)
    >>> str(NKG.visits)
    'https://w3id.org/newskg/ontology#visits'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ClosedNamespace

__all__ = [
    "NS",
    "NKG",
    "Predicate",
    "OntologyClass",
    "TieKind",
    "predicates",
    "predicate",
    "classes",
    "tie_kinds",
    "ontology_graph",
    "ontology_path",
    "COARSE_TYPES",
    "STATUSES",
]

NS = "https://w3id.org/newskg/ontology#"
ENTITY_NS = "https://w3id.org/newskg/entity/"
ARTICLE_NS = "https://w3id.org/newskg/article/"
COARSE_TYPES = ("PERSON", "ORG", "LOC")
STATUSES = ("done", "planned", "failed")  # values of nkg:status (CONTRACT "Qualifiers")
_OPEN = Namespace(NS)


def ontology_path(name: str = "newskg.ttl") -> Path:
    """Path of a file shipped in the ontology package (newskg.ttl, shapes.ttl, context.jsonld)."""
    return Path(str(resources.files("newskg.ontology").joinpath(name)))


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The parsed ontology (cached; treat as read-only)."""
    g = Graph()
    g.parse(ontology_path(), format="turtle")
    return g


@dataclass(frozen=True)
class Predicate:
    """One relation of the ontology with what the extractor and the store need to know."""

    name: str
    iri: str
    label_en: str
    label_ko: str
    symmetric: bool
    domain: frozenset[str]  # coarse types allowed as subject
    range: frozenset[str]  # coarse types allowed as object
    cues: tuple[str, ...]


@dataclass(frozen=True)
class OntologyClass:
    """A class with its labels, coarse CONTRACT type and direct superclass (local names)."""

    name: str
    iri: str
    label_en: str
    label_ko: str
    coarse: str | None
    parent: str | None


def _label(g: Graph, s: URIRef, lang: str) -> str:
    for o in g.objects(s, RDFS.label):
        if isinstance(o, Literal) and o.language == lang:
            return str(o)
    return s.split("#")[-1]


def _coarse(g: Graph, node) -> frozenset[str]:
    """Coarse types of a class expression (a class, or an owl:unionOf list of classes)."""
    members = [node]
    union = g.value(node, OWL.unionOf)
    if union is not None:
        members = list(g.items(union))
    out = set()
    for m in members:
        ct = g.value(m, URIRef(NS + "coarseType"))
        if ct is not None:
            out.add(str(ct))
        elif m == _OPEN.Entity:
            out.update(COARSE_TYPES)
    return frozenset(out)


@lru_cache(maxsize=1)
def _predicates() -> dict[str, Predicate]:
    g = ontology_graph()
    rel = _OPEN.relation
    out: dict[str, Predicate] = {}
    for s in sorted(g.subjects(RDFS.subPropertyOf, rel)):
        name = s.split("#")[-1]
        out[name] = Predicate(
            name=name,
            iri=str(s),
            label_en=_label(g, s, "en"),
            label_ko=_label(g, s, "ko"),
            symmetric=(s, RDF.type, OWL.SymmetricProperty) in g,
            domain=_coarse(g, g.value(s, RDFS.domain)),
            range=_coarse(g, g.value(s, RDFS.range)),
            cues=tuple(sorted(str(c) for c in g.objects(s, URIRef(NS + "cue")))),
        )
    return out


def predicates() -> dict[str, Predicate]:
    """Every extracted relation of the ontology, by local name."""
    return _predicates()


def predicate(name: str) -> Predicate:
    """One predicate by local name; KeyError names the known ones."""
    try:
        return _predicates()[name]
    except KeyError:
        raise KeyError(f"{name!r} is not a newskg predicate; known: {', '.join(_predicates())}") from None


@lru_cache(maxsize=1)
def classes() -> dict[str, OntologyClass]:
    """Every class of the ontology namespace, by local name."""
    g = ontology_graph()
    out = {}
    for s in g.subjects(RDF.type, OWL.Class):
        if not isinstance(s, URIRef) or not str(s).startswith(NS):
            continue
        parent = next(
            (str(p).split("#")[-1] for p in g.objects(s, RDFS.subClassOf) if str(p).startswith(NS)), None
        )
        ct = g.value(s, URIRef(NS + "coarseType"))
        name = s.split("#")[-1]
        out[name] = OntologyClass(
            name, str(s), _label(g, s, "en"), _label(g, s, "ko"), str(ct) if ct else None, parent
        )
    return out


@dataclass(frozen=True)
class TieKind:
    """A kind of tie between places (``nkg:sister``): `name`, its local name, is the Triple.tie_kind value."""

    name: str
    iri: str
    label_en: str
    label_ko: str
    cues: tuple[str, ...]


@lru_cache(maxsize=1)
def tie_kinds() -> dict[str, TieKind]:
    """Every nkg:TieKind by Triple.tie_kind value (``sister``, ``friendship``), with its cue words.

    Example:
        >>> k = tie_kinds()["friendship"]
        >>> k.label_ko, "우호교류" in k.cues
        ('우호도시', True)
    """
    g = ontology_graph()
    out = {}
    for s in sorted(g.subjects(RDF.type, _OPEN.TieKind)):
        name = s.split("#")[-1]
        out[name] = TieKind(
            name,
            str(s),
            _label(g, s, "en"),
            _label(g, s, "ko"),
            tuple(sorted(str(c) for c in g.objects(s, URIRef(NS + "tieCue")))),
        )
    return out


def _terms() -> list[str]:
    g = ontology_graph()
    return sorted(
        {str(s)[len(NS) :] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    )


class _LazyClosed:
    """ClosedNamespace over the ontology's own terms, built on first attribute access."""

    _ns: ClosedNamespace | None = None

    def _get(self) -> ClosedNamespace:
        if self._ns is None:
            type(self)._ns = ClosedNamespace(NS, _terms())
        return self._ns

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._get(), name)
        object.__setattr__(self, name, term)  # cached: the build reads these per triple
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._get()[name]

    def __str__(self) -> str:
        return NS


NKG = _LazyClosed()
"""The ontology namespace, closed: `NKG.sistrCityOf` raises AttributeError instead of minting an IRI."""
