"""Investing companies whose names the other mention steps miss: the unknown name leading a sentence
(or a clause after a comma) that spends a sum or builds a plant, when it is written in a shape only
firm names take: Hangul glued to a Latin tail ("다온ENG는 …") or Latin glued to a Hangul tail that
ends like a place ("QX해성은 …", a Latin name is no Korean place)."""

from __future__ import annotations

import re
from functools import lru_cache

from newskg.extract.lexicon import Lexicon, _rows
from newskg.extract.mention_base import _KO, Mention, _Builder, is_person_name
from newskg.extract.syntax import Phrase, Sentence, Word

# Hangul then Latin capitals ("다온ENG", "가람E&C"), or Latin capitals then Hangul ("QX해성")
_HANGUL_LATIN = re.compile(r"^[\uac00-\ud7a3]{2,}[A-Z][A-Z0-9&]+$")
_LATIN_HANGUL = re.compile(r"^[A-Z][A-Z0-9&]+[\uac00-\ud7a3]{2,}$")
_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
_SUM = r"[\d,.]+\s?(?:조|억|만|천)[\d,.]*\s?(?:조|억|만|천)?\s?(?:원|달러|유로|엔)[을를]\s"


@lru_cache(maxsize=1)
def _word_list() -> dict[str, list[list[str]]]:
    """The rows of invest_names.tsv by kind (read once: the steps run for every sentence)."""
    by_kind: dict[str, list[list[str]]] = {}
    for r in _rows("invest_names.tsv"):
        by_kind.setdefault(r[0], []).append(r)
    return by_kind


@lru_cache(maxsize=1)
def _moves() -> tuple[str, ...]:
    return tuple(r[1] for r in _word_list().get("move", ()))


@lru_cache(maxsize=1)
def _towns() -> dict[str, str]:
    return {r[1]: r[2] for r in _word_list().get("town", ())}


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    """A sum spent, or a plant built, in the text after the name (compiled once)."""
    rows = _word_list()
    plants = sorted({r[1] for r in rows.get("plant", ())}, key=len, reverse=True)
    builds = sorted({r[1] for r in rows.get("build", ())}, key=len, reverse=True)
    verbs = sorted(_KO.investor_verbs, key=len, reverse=True)
    spend = _SUM + "(?:" + "|".join(map(re.escape, verbs)) + ")"
    build = (
        "(?:" + "|".join(map(re.escape, plants)) + ")[을를]\\s?(?:" + "|".join(map(re.escape, builds)) + ")"
    )
    return re.compile(spend + "|" + build)


def _clause_after(text: str, start: int) -> str:
    """The text from `start` up to the next comma or sentence end: the clause the name leads."""
    cut = re.search(r",|\.\s|\.$", text[start:])
    return text[start : start + cut.start()] if cut else text[start:]


def invest_names(b: _Builder, lex: Lexicon, words: list[Word], gaz, text: str, off: int) -> None:
    """Add the firm-shaped unknown name that leads a clause spending a sum or building a plant."""
    not_name = lex.words.get("not_name", frozenset())
    cue = _cue_pattern()
    for k, w in enumerate(words):
        if k and not text[: w.start - off].rstrip().endswith(","):
            continue
        if not w.particle or _KO.case_of(w.particle) != "subj":
            continue
        name = w.core
        latin_first = _LATIN_HANGUL.match(name) is not None
        if not (_HANGUL_LATIN.match(name) or latin_first) or name in not_name:
            continue
        if gaz.lookup(name) or lex.role_suffix(name) is not None:
            continue
        if not latin_first and name.endswith(_KO.place_suffixes):
            continue
        if cue.search(_clause_after(text, w.end - off)) is None:
            continue
        if b.free(w.start, w.start + len(name)):
            b.add(Mention(w.start, w.start + len(name), name, name, "ORG", "Company", "invest_name"))


def relocation_phrases(sent: Sentence, cue_at: int) -> list[Phrase]:
    """The phrases after a spent sum (at text offset `cue_at`) naming where the spender moves to:
    "… 65억원을 투자해 가람첨단산단으로 이전한다" (the site it moves to is where it invests)."""
    moves = _moves()
    return [
        p
        for p in sent.phrases
        if p.start > cue_at
        and p.particle in ("으로", "로")
        and sent.span_text(p.end, p.end + 6).lstrip().startswith(moves)
    ]


def invest_towns(b: _Builder, lex: Lexicon, words: list[Word], gaz, text: str, off: int) -> None:
    """An unknown town or neighbourhood (a proper noun ending in 읍, 면 or 동) in a sentence that
    spends or builds: "솔내면 미르산단에 80억원을 투자해", "한울동 일원에 공장을 짓는다"."""
    if not any(v in text for v in _KO.investor_verbs) and _cue_pattern().search(text) is None:
        return
    towns = _towns()
    for w in words:
        name = w.core
        cls = towns.get(name[-1:])
        if cls is None or w.kind != "N" or w.tags[:1] != ("NNP",) or not 3 <= len(name) <= 4:
            continue
        if not _HANGUL.match(name) or name in lex.words.get("not_name", ()) or gaz.lookup(name):
            continue
        if is_person_name(name, lex):
            continue  # a given name may end in 동 ("도해동")
        if b.free(w.start, w.start + len(name)):
            b.add(Mention(w.start, w.start + len(name), name, name, "LOC", cls, "invest_town"))
