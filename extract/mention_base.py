"""The Mention record, the per-sentence builder and the word tests every mention rule shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from newskg.extract.korean import load_korean
from newskg.extract.lexicon import Lexicon, Role, load_lexicon
from newskg.extract.syntax import Sentence

__all__ = ["Mention", "surnames", "is_person_name", "is_particle", "sounds_foreign"]

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")

_MONEY_SIGNS = frozenset("$＄€£¥￥")

_KO = load_korean()

_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")

_NAMECH = r"[\uac00-\ud7a3A-Za-z0-9&]"

_HANJA = re.compile(r"^[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff]+$")

_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff0-9 .,'&\-]*$")

_PUNCT_END = re.compile(r"[\s,.·…!?\"'“”‘’()\[\]<>「」『』:;/]")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    type: str  # PERSON | ORG | LOC
    cls: str
    rule: str
    key: str | None = None  # gazetteer key
    label_en: str | None = None
    aliases: tuple[str, ...] = ()
    gaz: Any = None  # GazEntry
    role: Role | None = None  # a person's title
    role_target: Mention | None = None  # the body or place the title belongs to
    ref: str | None = None  # short form to resolve: city, province, company, pair, delegation, person:<..>
    in_place: Mention | None = None  # the place a council/site is named after
    entity: Any = None  # set by the entity step
    extra: dict = field(default_factory=dict)

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    path = resources.files("newskg.extract").joinpath("data", "surnames.tsv")
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(line.split("\t")[0])
    return frozenset(out)


def is_person_name(word: str, lex: Lexicon | None = None) -> bool:
    """A plausible Korean personal name: 2–4 syllables starting with a known surname.

    >>> is_person_name("박서진"), is_person_name("협약식")
    (True, False)
    """
    if not (2 <= len(word) <= 4) or not _HANGUL.match(word):
        return False
    sn = surnames()
    if not (word[0] in sn or word[:2] in sn) or (len(word) == 2 and word in sn):
        return False  # "남궁" alone is a surname, as in "남궁 시장"
    lex = lex or load_lexicon()
    if word in lex.words.get("not_name", ()) or lex.role_suffix(word) is not None:
        return False
    if lex.ends_with(word, "descriptor"):
        return False
    if word.endswith("대") and len(word) >= 3:
        from newskg.extract.gazetteer import load_gazetteer

        if any(g.type == "LOC" for g in load_gazetteer().lookup(word[:-1])):
            return False  # "새길대": the short name of a place's university
    return not word.endswith(_KO.not_name_ends)


def sounds_foreign(word: str) -> bool:
    """Whether a word has a syllable Korean given names practically never use (카, 키, 에 …).

    >>> sounds_foreign("오카키"), sounds_foreign("박서진")
    (True, False)
    """
    return any(ch in _KO.foreign_syllables for ch in word)


def _word_end(text: str, j: int) -> int:
    m = _PUNCT_END.search(text, j)
    return m.start() if m else len(text)


def is_particle(rest: str) -> bool:
    """Whether `rest` (what follows a name in its word) is a particle or empty."""
    return _is_particle(rest)


_is_particle = _KO.is_particle


def _mk_gaz(e, start: int, end: int, text: str, rule: str = "gazetteer") -> Mention:
    return Mention(
        start,
        end,
        text,
        e.name,
        e.type,
        e.cls,
        rule,
        key=e.key,
        label_en=e.name_en,
        aliases=tuple(e.aliases),
        gaz=e,
    )


class _Builder:
    """Collects the mentions of one sentence without overlaps (first come, first kept)."""

    def __init__(self, sent: Sentence) -> None:
        self.sent = sent
        self.items: list[Mention] = []

    def free(self, start: int, end: int) -> bool:
        # a plain loop, not all() over a generator: this runs for every word and candidate of a sentence
        for m in self.items:  # noqa: SIM110
            if start < m.end and m.start < end:
                return False
        return True

    def add(self, m: Mention) -> Mention | None:
        if m.end <= m.start or not self.free(m.start, m.end):
            return None
        self.items.append(m)
        return m

    def at(self, start: int, end: int) -> Mention | None:
        for m in self.items:
            if m.start < end and start < m.end:
                return m
        return None


def _pick(entries: list, prev: Mention | None):
    """The best gazetteer entry; one lying in the place just named wins ("광주 서구")."""
    if prev is not None and prev.key and len(entries) > 1:
        for e in entries:
            if e.parent == prev.key:
                return e
    return entries[0]


_TRAILING = _KO.trailing


def _strip_company(name: str) -> str:
    """Drop a trailing particle from a name read off raw text ("다온모빌리티와" → "다온모빌리티")."""
    if not name.endswith(_TRAILING):
        return name
    for p in _TRAILING:
        if name.endswith(p) and len(name) - len(p) >= 2:
            return name[: -len(p)]
    return name
