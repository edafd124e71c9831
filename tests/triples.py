"""The triples tests read off an extraction of one invented text, by entity label."""

from __future__ import annotations

from newskg.extract.pipeline import get_extractor
from newskg.extract.records import Article

# symmetric predicates are found in both orders, so a test need not know which side came first
SYMMETRIC = ("meets", "accompanies", "signsAgreementWith", "sisterCityOf", "cooperatesWith")


def triples_of(text: str, status: str = "done") -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of the text's triples with that status, both ways
    for symmetric predicates."""
    out = get_extractor().extract(Article("t", text))
    found = set()
    for t in out.triples:
        if t.status != status:
            continue
        s, o = out.entity(t.subject).label, out.entity(t.object).label
        found.add((s, t.predicate, o))
        if t.predicate in SYMMETRIC:
            found.add((o, t.predicate, s))
    return found
