"""When a cooperation cue (협력, 교류, 공동 …) states cooperation as an activity (CONTRACT
`cooperatesWith`), and when it only names a thing, a wish, or the terms of an agreement.

Real news uses the cue words far more often as parts of nouns ("교류회", "협력사항", "교류 필요성")
and in wishes and requests ("교류가 활발해지기를 바란다", "교류 확대에 대한 지원을 요청했다") than
as a stated activity; those occurrences are blanked before the clause rules read the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newskg.extract.korean import alternation
from newskg.extract.lexicon import Lexicon

# how far after the cue a wish or request still governs it (one clause of news prose)
_WISH_REACH = 40


@lru_cache(maxsize=8)
def _noun_pattern(cues: tuple[str, ...], bound: tuple[str, ...], free: tuple[str, ...]) -> re.Pattern[str]:
    """The cue followed by a noun it forms a compound with: one of `bound` right after it ("교류회"), one
    of `free` after at most a space ("교류 필요성"); built once per word lists."""
    parts = []
    if bound:
        parts.append(alternation(bound))
    if free:
        parts.append(r"\s?(?:" + alternation(free) + ")")
    tail = "|".join(parts) or "(?!)"
    # "상호협력과 교류 필요성": every cue of a coordination before the noun
    cue = alternation(cues)
    return re.compile(rf"{cue}(?:(?:과|와|및|·)\s?{cue})*(?:{tail})")


@lru_cache(maxsize=8)
def _wish_pattern(cues: tuple[str, ...], wishes: tuple[str, ...]) -> re.Pattern[str]:
    """The cue followed, within one clause and before any sentence end, by a wish or request."""
    return re.compile(
        rf"(?:{alternation(cues)})(?:(?!다[.\s\"”’']).){{0,{_WISH_REACH}}}?(?:{alternation(wishes)})"
    )


def _words(lex: Lexicon, kind: str) -> tuple[str, ...]:
    return tuple(sorted(lex.words.get(kind, ()), key=len, reverse=True))


def _blank_cues(text: str, span: tuple[int, int], cues: tuple[str, ...]) -> str:
    """`text` with every cue inside `span` replaced by □ (the rest of the span is kept)."""
    a, b = span
    seg = re.sub(alternation(cues), lambda m: "□" * len(m.group()), text[a:b])
    return text[:a] + seg + text[b:]


def non_activity_blanked(masked: str, cues: tuple[str, ...], lex: Lexicon) -> str:
    """`masked` with the cues that state no cooperation blanked: those that begin a noun ("교류회는",
    "협력사항으로는", "교류 필요성이 제기돼") and those a wish or request governs ("교류가 더 활발해지기를
    바란다", "교류 확대에 대한 지원을 요청했다", "우호교류를 맺고 싶다")."""
    if not cues:
        return masked
    key = tuple(sorted(cues, key=len, reverse=True))
    out = masked
    noun = _noun_pattern(key, _words(lex, "coop_noun_bound"), _words(lex, "coop_noun"))
    for m in noun.finditer(masked):
        out = _blank_cues(out, m.span(), key)
    wishes = _words(lex, "coop_wish")
    if wishes:
        for m in _wish_pattern(key, wishes).finditer(masked):
            out = _blank_cues(out, m.span(), key)
    return out


# "이번 협약을 통해 A와 B는 … 협력한다", "협약을 계기로 양 기관은 …", "협약 당사자인 A, B는 …":
# cooperation told as the terms of an agreement is that signing ("이번 협약으로 … 협력의 폭을 넓혔다"
# is not: what the agreement widens was cooperation before it)
AGREEMENT_TERMS = re.compile(
    r"(?:협약|협정|양해각서|MOU|의향서)(?:을|를)?\s?(?:통해|통하여|에\s?따라|계기로)|협약\s?당사자"
)
