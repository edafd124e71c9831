"""Trips told without the usual object particle.

Korean news often writes the place of a visit bare before the visit word, with at most a word of the
kind of visit between them: "A 대통령은 베트남 국빈 방문해 …", "A 시장은 솔내시청 방문, …". The
place is then the object of 방문 as much as in "베트남을 방문해".
"""

from __future__ import annotations

import re

from newskg.extract.lexicon import Lexicon
from newskg.extract.syntax import Phrase, Sentence

__all__ = ["bare_visit_object"]

# the visit word as a verb of what happened or is going on (not "방문할", "방문 예정")
_VISIT_AFTER = re.compile(r"^\s?(?:방문|순방)(?:해|하고|하여|하며|했|하였|한\s|,|\s?중)")
_VISIT_END = re.compile(r"\s?(?:방문|순방)$")


def bare_visit_object(sent: Sentence, p: Phrase, lex: Lexicon) -> bool:
    """Whether `p`, a phrase without a particle, names the place or body of the visit word right
    after it: its head mention (not a person) ends it, or only a word of the kind of visit follows."""
    if p.particle not in ("", ",") or p.case or p.head is None or p.head.entity is None:
        return False
    if p.head.type == "PERSON":
        return False
    rest = p.text[p.head.end - p.start :]
    if p.particle and rest.endswith(p.particle):
        rest = rest[: -len(p.particle)]
    rest = rest.strip()
    if p.particle == ",":
        # "A 시장은 솔내구의회 방문, 만찬을 가졌다": the visit word closes the phrase itself
        rest = _VISIT_END.sub("", rest)
        return rest == "" or rest in lex.words.get("visit_manner", ())
    if rest and rest not in lex.words.get("visit_manner", ()):
        return False
    return bool(_VISIT_AFTER.match(sent.span_text(p.end, p.end + 8)))
