"""Records that cross the extract → graph seam: the CONTRACT JSON as frozen dataclasses.

graph/ and app/ see only these; they never see a spaCy Doc.

Example:
    >>> ev = Evidence("평택시는 오스틴과 자매결연을 맺었다.", 0, 20)
    >>> t = Triple("ent:pyeongtaek", "sisterCityOf", "ent:austin", 0.9, ev)
    >>> Triple.from_json(t.to_json()) == t
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "Evidence", "Entity", "When", "Amount", "Triple", "Extraction", "STATUSES"]

STATUSES = ("done", "planned", "failed")


@dataclass(frozen=True)
class Article:
    """An article as read: `text` is what every offset refers to.

    `id` is the CONTRACT `doc` (the path as given, or the jsonl `id`); `source` the file it came from.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) where the reader found one
    source: str | None = None
    url: str | None = None
    # Spans of `text` that are the story (not menus, rankings, captions, footers); () = all of it.
    body: tuple[tuple[int, int], ...] = ()

    def body_spans(self) -> tuple[tuple[int, int], ...]:
        """The story's spans, or the whole text when the reader marked none."""
        return self.body or ((0, len(self.text)),)


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact came from, with its character offsets in the article text."""

    sentence: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Evidence:
        return cls(d["sentence"], int(d["start"]), int(d["end"]))


@dataclass(frozen=True)
class Entity:
    """An entity of one article. `id` is stable across articles (same entity, same id)."""

    id: str
    label: str
    label_en: str
    type: str  # PERSON | ORG | LOC
    cls: str  # finer ontology class local name: City, Country, Company, ...
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    # The gazetteer entry the entity is linked to (its kb id), and the key of the entry it lies
    # in (a district's city, a city's province), so graph/ resolves from the record alone.
    key: str | None = None
    parent: str | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "label_en": self.label_en,
            "type": self.type,
            "class": self.cls,
            "aliases": list(self.aliases),
            "mentions": [list(m) for m in self.mentions],
        }
        if self.key is not None:
            d["key"] = self.key
        if self.parent is not None:
            d["parent"] = self.parent
        if self.geonames_id is not None:
            d["geonames_id"] = self.geonames_id
        if self.lat is not None and self.lon is not None:
            d["lat"], d["lon"] = self.lat, self.lon
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            label=d["label"],
            label_en=d.get("label_en") or d["label"],
            type=d["type"],
            cls=d.get("class") or {"PERSON": "Person", "ORG": "Organization", "LOC": "Place"}[d["type"]],
            aliases=tuple(d.get("aliases", ())),
            mentions=tuple(tuple(m) for m in d.get("mentions", ())),
            geonames_id=d.get("geonames_id"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            key=d.get("key"),
            parent=d.get("parent"),
        )


@dataclass(frozen=True)
class When:
    """When a fact happened: one ISO 8601 value of the precision the text gives ("2024-10-13",
    "2024-10", "2024"), or a span from `start` to `end`.

    Example:
        >>> When.from_json({"start": "2024-10-13", "end": "2024-10-19"}).to_json()
        {'start': '2024-10-13', 'end': '2024-10-19'}
        >>> When.from_json("2009").to_json()
        '2009'
    """

    start: str
    end: str | None = None

    def to_json(self) -> str | dict[str, str]:
        return self.start if self.end is None else {"start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, d: str | dict[str, str]) -> When:
        if isinstance(d, str):
            return cls(d)
        return cls(d["start"], d.get("end"))


@dataclass(frozen=True)
class Amount:
    """A sum of money: `value` in units of `currency` (ISO 4217), e.g. 1000억원 = 1e11 KRW."""

    value: float
    currency: str

    def to_json(self) -> dict[str, Any]:
        v = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": v, "currency": self.currency}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Amount:
        return cls(float(d["value"]), str(d["currency"]))


@dataclass(frozen=True)
class Triple:
    """A relation between two entities of the article, with the evidence it came from.

    `rule` names the rule or model that produced it (provenance); `status` says whether it
    happened (`done`), is reported as planned, or failed; `when`, `amount` and `tie_kind`
    (``sister`` / ``friendship`` for sisterCityOf) are the CONTRACT qualifiers.
    """

    subject: str
    predicate: str
    object: str
    confidence: float
    evidence: Evidence
    rule: str | None = None
    status: str = "done"
    when: When | None = None
    amount: Amount | None = None
    tie_kind: str | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence.to_json(),
        }
        if self.rule is not None:
            d["rule"] = self.rule
        if self.status != "done":
            d["status"] = self.status
        if self.when is not None:
            d["when"] = self.when.to_json()
        if self.amount is not None:
            d["amount"] = self.amount.to_json()
        if self.tie_kind is not None:
            d["tie_kind"] = self.tie_kind
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Triple:
        return cls(
            d["subject"],
            d["predicate"],
            d["object"],
            float(d.get("confidence", 1.0)),
            Evidence.from_json(d["evidence"]),
            rule=d.get("rule"),
            status=d.get("status") or "done",
            when=When.from_json(d["when"]) if d.get("when") else None,
            amount=Amount.from_json(d["amount"]) if d.get("amount") else None,
            tie_kind=d.get("tie_kind"),
        )


@dataclass(frozen=True)
class Extraction:
    """What the extractor found in one article: one line of `newskg extract --format json`."""

    doc: str
    entities: tuple[Entity, ...] = ()
    triples: tuple[Triple, ...] = ()
    article: Article | None = field(default=None, compare=False)

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if absent)."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def to_json(self, *, with_article: bool = False) -> dict[str, Any]:
        """The CONTRACT object; with_article adds text, title, published and source."""
        d: dict[str, Any] = {
            "doc": self.doc,
            "entities": [e.to_json() for e in self.entities],
            "triples": [t.to_json() for t in self.triples],
        }
        if with_article and self.article is not None:
            a = self.article
            d["article"] = {
                "text": a.text,
                "title": a.title,
                "published": a.published,
                "source": a.source,
                "url": a.url,
            }
        return d

    def to_line(self, *, with_article: bool = False) -> str:
        return json.dumps(self.to_json(with_article=with_article), ensure_ascii=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Extraction:
        art = None
        if isinstance(d.get("article"), dict):
            a = d["article"]
            art = Article(
                d["doc"], a.get("text", ""), a.get("title"), a.get("published"), a.get("source"), a.get("url")
            )
        return cls(
            d["doc"],
            tuple(Entity.from_json(e) for e in d.get("entities", ())),
            tuple(Triple.from_json(t) for t in d.get("triples", ())),
            art,
        )
