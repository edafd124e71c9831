"""Helpers for tests that run the extractor on invented text."""

from __future__ import annotations

from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article

SYMMETRIC = ("meets", "accompanies", "signsAgreementWith", "sisterCityOf", "cooperatesWith")


def facts_by_status(text: str, published: str | None) -> dict[tuple[str, str, str], str]:
    """The text's facts by (subject label, predicate, object label), with their status; symmetric
    facts under both orders."""
    out = get_extractor().extract(Article("t", text, published=published))
    found: dict[tuple[str, str, str], str] = {}
    for t in out.triples:
        s, o = out.entity(t.subject).label, out.entity(t.object).label
        found[(s, t.predicate, o)] = t.status
        if t.predicate in SYMMETRIC:
            found[(o, t.predicate, s)] = t.status
    return found
