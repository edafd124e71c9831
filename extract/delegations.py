"""The people a travelling party's roster names.

Korean news lists a delegation's members in a sentence of its own, with no verb of joining:
"방문단은 A 군수, B 회장, C 지부장 등 11명으로 …", "일행은 A 대사를 비롯해 B 참사관, C 과장 등으로 …".
The first person named leads the party; the others travel with them.
"""

from __future__ import annotations

import re

from newskg.extract.syntax import Phrase, Sentence

__all__ = ["roster"]

# the close of a roster: "… 등 11명으로", "… 등으로", "… 등 5명이다"
_ROSTER_END = re.compile(r"등\s?(?:\d+\s?(?:명|인)\s?)?(?:으로|로|이다|이며)(?=[\s,.]|$)")
_LEADING = re.compile(r"^\s?비롯(?:해|하여|한)")


def _party(p: Phrase, words: tuple[str, ...]) -> bool:
    """A subject phrase that is the travelling party itself ("방문단은", "A대사관 일행은")."""
    if p.case != "subj" or any(m.type == "PERSON" for m in p.mentions):
        return False
    core = p.text[: len(p.text) - len(p.particle)] if p.particle else p.text
    return core.strip().endswith(words)


def roster(sent: Sentence, words: tuple[str, ...]) -> list:
    """The people the sentence lists as the party named by its subject (`words`: delegation words),
    in their order; [] when the sentence is no roster."""
    close = _ROSTER_END.search(sent.text)
    if close is None:
        return []
    k = next((i for i, p in enumerate(sent.phrases) if _party(p, words)), None)
    if k is None:
        return []
    end = sent.start + close.end()
    out: list = []
    for p in sent.phrases[k + 1 :]:
        if p.start >= end:
            break
        listed = p.particle in (",", "", "로", "으로", "와", "과") or (
            p.case == "obj" and _LEADING.match(sent.span_text(p.end, p.end + 6))
        )
        if not listed:
            return []  # the list is broken by another phrase: not one roster
        h = p.head
        if h is not None and h.entity is not None and h.type == "PERSON" and h.entity not in out:
            out.append(h.entity)
    return out
