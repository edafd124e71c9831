"""Stable IRIs across articles: the same real-world entity gets the same IRI in every article.

Works from the extraction record alone (no gazetteer, no spaCy). In order:

1. a GeoNames id on the entity (``Entity.geonames_id``) → ``entity/gn<id>``, with
   ``owl:sameAs <https://sws.geonames.org/<id>/>`` added by the builder;
2. the gazetteer key the extractor linked the entity to (``Entity.key``): ``gn:<id>`` →
   ``entity/gn<id>``, else the key made IRI-safe (``kr:KR-29-seo-gu`` →
   ``entity/kr-KR-29-seo-gu``), so 시흥 / 시흥시 / Siheung are one node and the 서구 of three
   cities are three;
3. otherwise the normalised canonical Korean name: NFKC, lower case, no spaces or punctuation, no
   company marks (㈜, (주), 주식회사), and for places and bodies the city-level suffix dropped
   (시, 군, 구, 특별시, 광역시, 특별자치시), so 퀴논 / 퀴논시 are one node. An entity whose label is
   not Korean uses its first Korean alias, else its English name with ``-si`` / ``City`` dropped.
4. a person is their normalised name plus, where the article gives one, their anchor: the key of
   the body or place they head (``headOf``), else work for (``worksFor``) — so two 김민수 of two
   companies are two nodes, one mayor named in two articles one node (:func:`entity_iris`).

Known limits: a person named once with an anchor and once without (no title in that article)
gives two nodes; outside the gazetteer, 광주시 and 광주광역시 collide, and an English-only name
without a Korean alias stays apart from its Korean twin.

Example:
    >>> from newskg.extract.records import Entity
    >>> names = [("시흥", "Siheung"), ("시흥시", "Siheung"), ("Siheung", "Siheung"), ("Siheung-si", "")]
    >>> len({entity_iri(Entity("x", ko, en, "LOC", "City", key="kr:KR-41-siheung-si")) for ko, en in names})
    1
    >>> entity_iri(Entity("e6", "샌디에이고", "San Diego", "LOC", "City", geonames_id=5391811))
    'https://w3id.org/newskg/entity/gn5391811'
    >>> entity_iri(Entity("e9", "㈜신세계사이먼", "Shinsegae Simon", "ORG", "Company"))
    'https://w3id.org/newskg/entity/신세계사이먼'
    >>> quy_nhon = Entity("e1", "퀴논시", "Quy Nhon", "LOC", "City")
    >>> entity_iri(quy_nhon) == entity_iri(Entity("e2", "퀴논", "", "LOC", "City"))
    True
    >>> article_iri("articles/seed.txt")
    'https://w3id.org/newskg/article/articles/seed.txt'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from newskg.extract.records import Entity, Extraction
from newskg.ontology.vocab import ARTICLE_NS, ENTITY_NS

__all__ = [
    "entity_iri",
    "entity_iris",
    "entity_key",
    "person_anchors",
    "article_iri",
    "geonames_iri",
    "normalize_name",
    "has_hangul",
]

# a person's anchor: the body or place they head, else the one they work for
_ANCHOR_PREDICATES = ("headOf", "worksFor")

_COMPANY_MARKS = re.compile(r"\(주\)|\(유\)|\(재\)|\(사\)|주식회사|유한회사")
_KO_CITY_SUFFIXES = ("특별자치시", "특별시", "광역시", "시", "군", "구")
_EN_CITY_SUFFIX = re.compile(r"[\s-]+(si|gun|gu|city|metropolitan city|special city)$")


def has_hangul(text: str) -> bool:
    """True when `text` holds a Hangul syllable.

    >>> has_hangul("Siheung"), has_hangul("K-시흥")
    (False, True)
    """
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def normalize_name(name: str) -> str:
    """Compare form of a name: NFKC, lower case, company marks, spaces and punctuation removed.

    >>> normalize_name("㈜신세계 사이먼"), normalize_name("Seoul National University")
    ('신세계사이먼', 'seoulnationaluniversity')
    """
    text = _COMPANY_MARKS.sub("", unicodedata.normalize("NFKC", name)).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def _strip_city_suffix(key: str) -> str:
    for suffix in _KO_CITY_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            return key[: -len(suffix)]
    return key


def _kb_key(key: str) -> str:
    if key.startswith("gn:") and key[3:].isdigit():
        return "gn" + key[3:]
    return re.sub(r"[^\w-]", "-", key)


def entity_key(entity: Entity, anchor: str | None = None) -> str:
    """The part of the entity IRI after ``entity/`` (see the module docstring for the rules).

    `anchor` (people only) is the key of the body or place anchoring the person in the article.

    >>> from newskg.extract.records import Entity
    >>> entity_key(Entity("p", "김민수", "Kim Min-su", "PERSON", "Person"), anchor="org-hanbit")
    '김민수--org-hanbit'
    >>> entity_key(Entity("d", "서구", "Seo District", "LOC", "AdministrativeArea", key="kr:KR-27-seo-gu"))
    'kr-KR-27-seo-gu'
    """
    if entity.geonames_id is not None:
        return f"gn{int(entity.geonames_id)}"
    if entity.key and entity.type != "PERSON":
        return _kb_key(entity.key)
    name = entity.label
    if not has_hangul(name):
        name = next((a for a in entity.aliases if has_hangul(a)), name)
    if has_hangul(name):
        key = normalize_name(name)
        key = _strip_city_suffix(key) if entity.type != "PERSON" else key
    else:
        english = unicodedata.normalize("NFKC", entity.label_en or name).strip().lower()
        if entity.type != "PERSON":
            english = _EN_CITY_SUFFIX.sub("", english)
        key = normalize_name(english)
    if not key:
        return "id-" + hashlib.sha1(entity.id.encode("utf-8")).hexdigest()[:12]
    if entity.type == "PERSON" and anchor:
        return f"{key}--{anchor}"
    return key


def person_anchors(extraction: Extraction) -> dict[str, str]:
    """Entity id of each person → the key of the body or place anchoring them in the article.

    The object of the person's ``headOf`` triple, else of their ``worksFor`` triple (planned or
    failed ones left out); among several, the smallest key, so the choice is stable.
    """
    by_id = {e.id: e for e in extraction.entities}
    found: dict[str, dict[str, set[str]]] = {}
    for t in extraction.triples:
        if t.predicate not in _ANCHOR_PREDICATES or t.status in ("planned", "failed"):
            continue
        subj, obj = by_id.get(t.subject), by_id.get(t.object)
        if subj is None or obj is None or subj.type != "PERSON" or obj.type == "PERSON":
            continue
        found.setdefault(subj.id, {}).setdefault(t.predicate, set()).add(entity_key(obj))
    out = {}
    for pid, by_pred in found.items():
        for pred in _ANCHOR_PREDICATES:
            if by_pred.get(pred):
                out[pid] = min(by_pred[pred])
                break
    return out


def entity_iris(extraction: Extraction) -> dict[str, str]:
    """Entity id → IRI for every entity of one article, people anchored by :func:`person_anchors`."""
    anchors = person_anchors(extraction)
    return {e.id: ENTITY_NS + entity_key(e, anchors.get(e.id)) for e in extraction.entities}


def entity_iri(entity: Entity, anchor: str | None = None) -> str:
    """The entity's IRI, stable across articles (`anchor`: see :func:`entity_key`)."""
    return ENTITY_NS + entity_key(entity, anchor)


def geonames_iri(geonames_id: int) -> str:
    """The GeoNames Linked Data IRI of a place (the target of owl:sameAs).

    >>> geonames_iri(1897000)
    'https://sws.geonames.org/1897000/'
    """
    return f"https://sws.geonames.org/{int(geonames_id)}/"


def _iri_safe(text: str) -> str:
    out = []
    for ch in text:
        if ch.isalnum() or ch in "-._~/":
            out.append(ch)
        elif ch.isspace():
            out.append("_")
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out)


def article_iri(article_id: str) -> str:
    """The IRI of an article, which is also the name of its graph, from its CONTRACT `doc` id.

    Unicode NFC; letters and digits kept, every other character but ``-._~/`` percent-encoded
    (spaces too), so distinct ids give distinct IRIs (``a b.txt`` ≠ ``a_b.txt``).

    >>> article_iri("./dev-00"), article_iri("뉴스 1.txt"), article_iri("뉴스_1.txt")[-9:]
    ('https://w3id.org/newskg/article/dev-00', 'https://w3id.org/newskg/article/뉴스%201.txt', '/뉴스_1.txt')
    >>> article_iri("../up"), article_iri("/tmp/a.txt") != article_iri("tmp/a.txt")
    ('https://w3id.org/newskg/article/%2E%2E/up', True)
    """
    doc = unicodedata.normalize("NFC", article_id).replace("\\", "/")
    while doc.startswith("./"):
        doc = doc[2:]
    root = "%2F" if doc.startswith("/") else ""  # an absolute path ≠ the same path relative to the root
    safe = root + "".join(
        ch if ch.isalnum() or ch in "-._~/" else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "replace"))
        for ch in doc.lstrip("/")
    )
    # a "." or ".." segment (a JSONL id like "../x") would make an IRI that resolves elsewhere
    return ARTICLE_NS + "/".join("%2E" * len(seg) if seg in (".", "..") else seg for seg in safe.split("/"))
