"""Meeting partners that the clause names outside a comitative or object phrase.

Korean news tells the host's side of a call as often as the visitor's: "A 시장은 B 대사의 예방을
받고" (the caller in the genitive of a received call), and names the visitors through the head of
their party: "A 의장은 B 의장을 비롯한 대표단 6명을 맞이했다" (the people of the "비롯한" clause that
modifies the object).
"""

from __future__ import annotations

import re

from newskg.extract.lexicon import Lexicon
from newskg.extract.syntax import Clause, Phrase, Sentence

__all__ = ["gathering_joined", "local_host", "party_heads", "received_callers"]

_RECEIVED = re.compile(r"^\s?받")


def _people(p: Phrase) -> list:
    h = p.head
    if h is None or h.entity is None or h.type != "PERSON":
        return []
    return [h.entity]


def received_callers(sent: Sentence, c: Clause, lex: Lexicon, listed) -> list:
    """The people whose call the clause's subject receives: "B 대사의 예방을 받고", "B 장관, C 수석 등의
    영접을 받았다" (`listed` gives the phrases listed before a phrase)."""
    nouns = lex.words.get("received", ())
    out: list = []
    for k, p in enumerate(sent.phrases[:-1]):
        nxt = sent.phrases[k + 1]
        if p.case != "gen" or p not in c.phrases or nxt.case != "obj" or nxt.mentions:
            continue
        core = nxt.text[: len(nxt.text) - len(nxt.particle)].strip()
        if core not in nouns or not _RECEIVED.match(sent.span_text(nxt.end, nxt.end + 3)):
            continue
        for q in [*listed(sent, p), p]:
            out.extend(e for e in _people(q) if e not in out)
    return out


def party_heads(sent: Sentence, ci: int, lex: Lexicon) -> list:
    """The people named in the "A를 비롯한" clause right before an unnamed object of clause `ci`
    ("B 의장을 비롯한 대표단 6명을 맞이했다")."""
    if ci == 0:
        return []
    prev = sent.clauses[ci - 1]
    lead = lex.words.get("leading", ())
    if not prev.relative or prev.next_phrase is None or prev.next_phrase.mentions:
        return []
    if prev.next_phrase.case != "obj" or prev.next_phrase not in sent.clauses[ci].phrases:
        return []
    if not prev.text.rstrip().endswith(tuple(lead)):
        return []
    out: list = []
    for p in prev.phrases:
        if p.case == "obj" or p.particle == ",":
            out.extend(e for e in _people(p) if e not in out)
    return out


# "A와 B, C 등 40여 명이 참석한 가운데 개최한 이번 간담회": the gathering told after its attendees
_GATHERING = re.compile(
    r"참석한\s?가운데\s?(?:개최한|개최된|열린|진행된|가진)\s?(?:이번\s|이날\s)?(?:간담회|면담|회동|환담)"
)


def gathering_joined(masked: str) -> bool:
    """Whether the sentence names a meeting by who attended it ("… 참석한 가운데 열린 간담회")."""
    return _GATHERING.search(masked) is not None


def local_host(sent: Sentence) -> list:
    """The host of a gathering whose attendees the sentence lists, when the article has followed no
    one into it: the first person listed, if a title makes them the head of a place (the mayor or
    governor who receives the others)."""
    for p in sent.phrases:
        if p.case in ("subj", "comp") or p.particle == ",":
            h = p.head
            if h is None or h.entity is None or h.type != "PERSON":
                continue
            heads_place = any(
                role.relation == "headOf" and tgt is not None and tgt.type == "LOC"
                for role, tgt in h.entity.role_targets
            )
            return [h.entity] if heads_place else []
    return []
