"""Mentions of people, organisations and places in a sentence, found by general rules of Korean news.

Rules, most specific first (a later rule never overlaps an earlier mention):
bylines "[경기 평택=새길일보 정민호 기자]"; ㈜/(주)/(재) names; a Hangul name with its original in
parentheses "에밀리 하퍼(Emily Harper)"; quoted names of bodies ('… 통상촉진단'); names ending in
an organisation or site suffix (…시의회, …대학교, …국가산업단지, …항); gazetteer names with a
particle, a place suffix or a title after them ("원주시장" = 원주시 + 시장); a person's name before
a title, possibly with the body in between ("한도윤 천안상공회의소 회장"); an unknown name after a
descriptor ("물류기업 블루웨이브로지스틱스"); districts after their city ("광주 서구"). Short forms
("시는", "박 시장", "이 회사", "양 도시", "대표단") become mentions with a `ref` that the entity step
resolves.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from newskg.extract import news_patterns
from newskg.extract.korean import alternation, load_korean, norm_label
from newskg.extract.lexicon import Lexicon, Role, load_lexicon
from newskg.extract.syntax import Sentence, Word, case_of

__all__ = [
    "Mention",
    "find_mentions",
    "find_known",
    "norm_label",
    "is_person_name",
    "gazetteer_index",
    "is_particle",
]

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_MONEY_SIGNS = frozenset("$＄€£¥￥")
_KO = load_korean()
_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
_NAMECH = r"[\uac00-\ud7a3A-Za-z0-9&]"
_HANJA = re.compile(r"^[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff]+$")
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff0-9 .,'&\-]*$")
_BYLINE = re.compile(
    r"[\[(【]\s*(?:(?P<place>[^\]=)】\n]{1,20})\s*=\s*)?(?P<outlet>[^\]=)】\s\n]{2,20})\s+"
    r"(?P<name>[\uac00-\ud7a3]{2,4})\s*(?P<role>" + "|".join(_KO.titles_for("byline")) + r")"
    r"(?:\s*=)?\s*[\])】]"
)
_BYLINE_OPEN = re.compile(
    r"\((?P<place>[\uac00-\ud7a3]{2,6})=(?P<outlet>[\uac00-\ud7a3A-Za-z0-9]{2,12})\)\s*"
    r"(?P<name>[\uac00-\ud7a3]{2,4})\s*(?P<role>" + "|".join(_KO.titles_for("short")) + ")"
)
_COMPANY = re.compile(
    r"(?P<mark>"
    + "|".join(re.escape(m) for m in _KO.marks_for("before"))
    + r")\s?(?P<name>"
    + _NAMECH
    + r"[\uac00-\ud7a3A-Za-z0-9&·]*)"
)
_COMPANY_AFTER = re.compile(
    r"(?<![\uac00-\ud7a3A-Za-z0-9&])(?P<name>[\uac00-\ud7a3A-Za-z][\uac00-\ud7a3A-Za-z0-9&]{1,20})"
    + alternation(_KO.marks_for("after"))
)
_PAREN = re.compile(r"\((?P<inner>[^()\n]{1,60})\)")
_QUOTED = re.compile(r"['‘“\"](?P<inner>[^'’”\"\n]{3,40})['’”\"]")
_QUOTED_ORG_END = _KO.quoted_org_ends
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


@lru_cache(maxsize=1)
def gazetteer_index() -> tuple[Any, dict[str, list[str]]]:
    """The gazetteer and its Hangul/Hanja surfaces by their first two characters, longest first."""
    from newskg.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    by_first: dict[str, list[str]] = {}
    for s in gaz.surfaces():
        if not s or not any("\uac00" <= c <= "\ud7a3" or "\u4e00" <= c <= "\u9fff" for c in s):
            continue
        if len(s) < 2 and not _HANJA.match(s):
            continue
        # keyed by the first two characters (one for a single Hanja), so a lookup sees few candidates
        by_first.setdefault(s[:2], []).append(s)
    for v in by_first.values():
        v.sort(key=lambda x: -len(x))
    return gaz, by_first


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
        return all(not (start < m.end and m.start < end) for m in self.items)

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


def find_mentions(
    sent: Sentence, lex: Lexicon | None = None, known: dict[str, Mention] | None = None
) -> list[Mention]:
    """Every mention of the sentence, in text order (short forms carry `ref`)."""
    lex = lex or load_lexicon()
    gaz, by_first = gazetteer_index()
    b = _Builder(sent)
    text, off = sent.text, sent.start
    title_words: dict[int, tuple[Role, Mention | None]] = {}  # word index -> (role, place in the word)

    # 1. bylines
    for rx in (_BYLINE, _BYLINE_OPEN):
        for m in rx.finditer(text):
            outlet_g, place_g = "outlet", "place"
            # "[새길포커스=경북김천 박서준 기자]": the outlet may stand before the "=" and the place after
            if (
                m.group("place")
                and not news_patterns.is_outlet(m.group("outlet"), lex, gaz)
                and news_patterns.is_outlet(m.group("place").strip(), lex, gaz)
            ):
                outlet_g, place_g = "place", "outlet"
            outlet_s, outlet_e = m.start(outlet_g) + off, m.end(outlet_g) + off
            outlet = m.group(outlet_g)
            if outlet != outlet.strip():
                outlet_s += len(outlet) - len(outlet.lstrip())
                outlet_e -= len(outlet) - len(outlet.rstrip())
                outlet = outlet.strip()
            es = [e for e in gaz.lookup(outlet) if e.type == "ORG"]
            om = (
                _mk_gaz(es[0], outlet_s, outlet_e, outlet, "byline")
                if es
                else Mention(outlet_s, outlet_e, outlet, outlet, "ORG", "NewsMediaOrganization", "byline")
            )
            if "@" in outlet or "." in outlet:
                continue
            om = b.add(om)
            person = b.add(
                Mention(
                    m.start("name") + off,
                    m.end("name") + off,
                    m.group("name"),
                    m.group("name"),
                    "PERSON",
                    "Person",
                    "byline",
                    role=lex.roles.get("기자"),
                )
            )
            if person is not None and om is not None:
                person.role_target = om
            if m.group(place_g):
                _place_chain(b, gaz, by_first, text, m.start(place_g), m.end(place_g), off)

    # 2. ㈜ companies ("㈜새길정밀", "새길정밀㈜")
    for m in _COMPANY_AFTER.finditer(text):
        name = m.group("name")
        if name in lex.words.get("not_name", ()) or lex.ends_with(name, "descriptor"):
            continue
        es = [g for g in gaz.lookup(name) if g.type == "ORG"]
        s, e = m.start("name") + off, m.end() + off
        if es:
            b.add(_mk_gaz(es[0], s, e, m.group(0), "company"))
        else:
            b.add(Mention(s, e, m.group(0), m.group(0), "ORG", "Company", "company", aliases=(name,)))
    for m in _COMPANY.finditer(text):
        if m.start() > 0 and re.match(_NAMECH, text[m.start() - 1]):
            continue  # the mark closes the name before it
        raw = m.group("name")
        name = _strip_company(raw)
        mark = m.group("mark")
        uses = _KO.marks[mark]
        label = (mark if "label" in uses else "(주)") + name
        cls = "Company" if "company" in uses else "Organization"
        s = m.start() + off
        e = m.start("name") + off + len(name)
        es = [g for g in gaz.lookup(name) if g.type == "ORG"]
        if es:
            b.add(_mk_gaz(es[0], s, e, text[m.start() : m.start("name") + len(name)], "company"))
        else:
            b.add(
                Mention(
                    s,
                    e,
                    text[m.start() : m.start("name") + len(name)],
                    label,
                    "ORG",
                    cls,
                    "company",
                    aliases=(name,),
                )
            )

    # 3. names with their original in parentheses
    for m in _PAREN.finditer(text):
        _paren_name(b, lex, gaz, sent, m, off)

    # 4. quoted names of bodies
    for m in _QUOTED.finditer(text):
        inner = m.group("inner").strip()
        if " " in inner and inner.endswith(_QUOTED_ORG_END) and len(inner.split()) <= 6:
            s = m.start("inner") + off + (len(m.group("inner")) - len(m.group("inner").lstrip()))
            b.add(Mention(s, s + len(inner), inner, inner, "ORG", "Organization", "quoted"))

    words = []
    depth = 0
    for w in sent.words:
        if w.text in ("(", "（"):
            depth += 1
        elif w.text in (")", "）"):
            depth = max(0, depth - 1)
        elif w.kind != "S" and depth == 0:
            words.append(w)
    # 5. organisation and site suffixes; 6. gazetteer names
    prev_m: Mention | None = None
    for k, w in enumerate(words):
        core = w.core if w.kind in ("N", "M") else w.text
        if w.kind == "P":
            core = _strip_company(w.text)
            if core == w.text:
                prev_m = None
                continue
        _suffix_org(b, lex, gaz, words, k, w, off, text)
        found = _gaz_word(b, lex, gaz, by_first, w, text, off, prev_m, title_words, k)
        after = text[w.start + len(core) - off : w.start + len(core) - off + 1]
        if (
            found is None
            and _ACRONYM.match(core)
            and _is_particle(w.text[len(core) :])
            and after not in _MONEY_SIGNS  # "US$ 3억" is a sum, not the country
        ):
            # "KOTRA는", "KAIST와": an acronym the gazetteer knows, as a word of its own
            es = [g for g in gaz.lookup(core) if g.type in ("ORG", "LOC")]
            if es and b.free(w.start, w.start + len(core)):
                found = b.add(_mk_gaz(es[0], w.start, w.start + len(core), core, "gazetteer"))
        prev_m = found if found is not None else (b.at(w.start, w.end) if w.kind == "N" else None)

    # "X(대표 NAME)" heads, bylines of other shapes (newskg.extract.news_patterns)
    news_patterns.paren_heads(b, lex, gaz, text, off)
    news_patterns.bylines(b, lex, gaz, text, off)

    # known names of this article (second pass)
    if known:
        _known_names(b, known, text, off, lex, title_words, words)

    # 7. person + title (foreign names of several words first)
    news_patterns.foreign_titled(b, lex, words, text, off)
    news_patterns.title_then_name(b, lex, words)
    _persons(b, lex, words, title_words, text, off, known)
    # 8. descriptor + unknown name
    _descriptors(b, lex, words, off, text)
    # 8b. a bare Korean name Kiwi knows as a proper noun ("유희열이 … 눈물을 흘렸다")
    _bare_names(b, lex, words, gaz, text, off)
    # 9. districts after their city, 10. short forms
    _districts(b, gaz, words)
    _short_forms(b, lex, words, title_words, text, off, known)
    return sorted(b.items, key=lambda m: m.start)


def _place_chain(b: _Builder, gaz, by_first, text: str, s: int, e: int, off: int) -> None:
    prev = None
    for part in re.finditer(r"\S+", text[s:e]):
        surface = part.group()
        es = [g for g in gaz.lookup(surface) if g.type == "LOC"]
        if es:
            ent = _pick(es, prev)
            prev = (
                b.add(_mk_gaz(ent, s + part.start() + off, s + part.end() + off, surface, "byline")) or prev
            )


def _paren_name(b: _Builder, lex: Lexicon, gaz, sent: Sentence, m: re.Match, off: int) -> None:
    text = sent.text
    inner = m.group("inner").strip()
    latin = bool(_LATIN_NAME.match(inner)) and any(c.isalpha() for c in inner)
    hanja = bool(_HANJA.match(inner.replace(" ", "")))
    if not (latin or hanja):
        return
    if latin and inner.isupper() and " " not in inner and len(inner) <= 6:
        # an acronym: "(KIST)", "(KEPCO)", "(CEO)" -- an alias of the name before it, if any
        prev = b.at(m.start() + off - 1, m.start() + off)
        if prev is not None and prev.end == m.start() + off and inner not in lex.roles:
            prev.aliases = (*prev.aliases, inner)
        return
    # Hangul words right before the parenthesis
    before = text[: m.start()]
    wm = re.search(r"((?:[\uac00-\ud7a3]+ ){0,3}[\uac00-\ud7a3]+)$", before)
    if not wm:
        return
    parts = wm.group(1).split(" ")
    if wm.start() > 0 and before[wm.start() - 1] not in " \t\n\"'‘“[<":
        parts = parts[1:]  # the first run is the tail of a word ("항저우(杭州)에서 류젠궈")
        if not parts:
            return
    latin_words = inner.split()
    n_want = max(1, len(latin_words)) if latin else (2 if len(inner) >= 3 else 1)
    take = [parts[-1]]
    for p in reversed(parts[:-1]):
        if len(take) >= n_want:
            break
        if (case_of(p[-1:]) and len(p) > 1 and p[-1] in "은는이가을를와과의에") or p in lex.words.get(
            "not_name", ()
        ):
            break
        if lex.ends_with(p, "descriptor") or lex.role_suffix(p):
            break
        if not (2 <= len(p) <= 6) and not (latin and len(p) == 1):
            break
        if latin:
            # "안나 셰퍼(Anna Schäfer)": each Hangul word sounds like its Latin word
            k = len(latin_words) - len(take) - 1
            if k < 0 or not _sounds_like(p, latin_words[k]):
                break
            if any(g.cls == "Country" or getattr(g, "country", None) == "KR" for g in gaz.lookup(p)):
                break  # "베트남 하이즈엉(Hải Dương)성": the country is not part of the name
        elif gaz.lookup(p) and not (len(inner) >= 4 and all(g.cls == "City" for g in gaz.lookup(p))):
            break  # a place before the name; a bare city name before a four-character name is a family name
        take.insert(0, p)
    name = " ".join(take)
    start = m.start() - len(name) + off
    end = m.start() + off
    after = text[m.end() : m.end() + 12]
    # the place suffix right after the parenthesis: "나고야(名古屋)시", "할리스코(Jalisco)주"
    suffix_m = re.match(r"(시|주|성|현|군|도)(?=[\s,.은는이가을를와과의에로]|$)", after)
    glued = re.match(r"[\uac00-\ud7a3]+", after)
    if glued and not suffix_m and not _is_particle(glued.group()):
        # "딘부(Đình Vũ)산업단지": the name goes on after the parenthesis
        tail = _strip_company(glued.group())
        sfx = next(
            (x for x in lex.suffixes if tail == x.suffix or (tail.endswith(x.suffix) and len(tail) <= 8)),
            None,
        )
        if sfx is None:
            return
        if sfx is not None:
            name1 = take[-1]
            label = name1 + tail
            mm = Mention(
                m.start() - len(name1) + off,
                m.end() + off + len(tail),
                name1 + text[m.start() : m.end()] + tail,
                label,
                sfx.type,
                sfx.cls,
                "paren",
                label_en=None,
                aliases=(name1,),
            )
            b.add(mm)
        return
    if (
        hanja
        and name[-1:] in ("성", "주", "시", "현", "도")
        and inner[-1:] in ("省", "州", "市", "縣", "県", "道")
    ):
        suffix_m = None
        es = [g for g in gaz.lookup(name) if g.type == "LOC"]
        mm = (
            _mk_gaz(es[0], m.start() - len(name) + off, m.start() + off, name, "paren")
            if es
            else Mention(
                m.start() - len(name) + off,
                m.start() + off,
                name,
                name,
                "LOC",
                "City" if name.endswith("시") else "AdministrativeArea",
                "paren",
                aliases=(name[:-1], inner),
            )
        )
        b.add(mm)
        return
    rest_word = re.match(r"\S*", after).group()
    if not _HANGUL.match(name.replace(" ", "")):
        return
    es = [g for g in gaz.lookup(name) + gaz.lookup(name.replace(" ", "")) if g.type in ("LOC", "ORG")]
    if suffix_m:
        label = name.replace(" ", "") + suffix_m.group(1)
        es = es or [g for g in gaz.lookup(label) if g.type == "LOC"]
        if es:
            mm = _mk_gaz(es[0], start, end, name, "paren")
        else:
            cls = "City" if suffix_m.group(1) in ("시",) else "AdministrativeArea"
            mm = Mention(
                start,
                end,
                name,
                label,
                "LOC",
                cls,
                "paren",
                label_en=inner if latin else None,
                aliases=(name.replace(" ", ""), inner),
            )
        mm.extra["suffix_end"] = m.end() + off + 1
        mm.end = m.end() + off + 1  # "마이즈루(舞鶴)시": the suffix belongs to the name
        mm.text = text[mm.start - off : mm.end - off]
        b.add(mm)
        return
    if es:
        mm = _mk_gaz(es[0], start, end, name, "paren")
        mm.aliases = (*mm.aliases, inner)
        b.add(mm)
        return
    # person or organisation? a title after it makes a person; an org ending or descriptor an ORG
    following = re.match(r"\s*(\S+)", text[m.end() :])
    next_word = following.group(1) if following else ""
    next_core = _strip_company(next_word.split("(")[0].rstrip(",.")) if next_word else ""
    org_words = (
        "GmbH",
        "AB",
        "Inc",
        "Co",
        "Ltd",
        "LLC",
        "Corp",
        "Capital",
        "Ventures",
        "Logistics",
        "Investment",
        "Group",
        "Bank",
        "University",
        "Università",
        "Universität",
        "Holdings",
        "Partners",
        "SA",
        "AG",
        "Energy",
        "Solutions",
        "Technologies",
        "Fund",
        "Grupo",
        "Almacén",
        "Company",
        "Corporation",
    )
    prev_word = (
        before[: len(before) - len(name)].rstrip().split(" ")[-1] if before[: len(before) - len(name)] else ""
    )
    is_org = (
        (latin and any(w.strip(".,") in org_words for w in inner.split()))
        or any(prev_word.rstrip("인").endswith(d) for d in lex.words.get("descriptor", ()))
        or any(
            name.endswith(s.suffix) and s.type == "ORG" for s in lex.suffixes if len(name) > len(s.suffix) + 1
        )
    )
    if rest_word.startswith("의"):
        is_org = is_org or True
    role = lex.role_suffix(next_core) if next_core else None
    words_in = inner.split()
    latin_person = (
        latin
        and 2 <= len(words_in) <= 4
        and all(w[:1].isupper() for w in words_in)
        and not is_org
        and len(take) >= 2
    )
    is_person = (
        (role is not None and not is_org)
        or (not is_org and hanja and 2 <= len(inner) <= (6 if len(take) >= 2 else 4))
        or latin_person
    )
    if is_person:
        mm = Mention(
            start,
            end,
            name,
            name,
            "PERSON",
            "Person",
            "paren",
            label_en=inner if latin else None,
            aliases=(inner,),
        )
    elif is_org or latin:
        cls = "Company" if is_org else "Organization"
        for s in lex.suffixes:
            if name.endswith(s.suffix) and s.type == "ORG" and len(name) > len(s.suffix):
                cls = s.cls
                break
        mm = Mention(
            start, end, name, name, "ORG", cls, "paren", label_en=inner if latin else None, aliases=(inner,)
        )
    else:
        return
    b.add(mm)


_INITIALS = {
    "ㄱ": "gkcq",
    "ㄲ": "gk",
    "ㄴ": "n",
    "ㄷ": "dt",
    "ㄸ": "dt",
    "ㄹ": "rl",
    "ㅁ": "m",
    "ㅂ": "bpv",
    "ㅃ": "bp",
    "ㅅ": "sczt",
    "ㅆ": "s",
    "ㅇ": "aeiouyhwéèêüöäåøæn",  # "응우옌" / "Nguyen"
    "ㅈ": "jzgcd",
    "ㅉ": "jzt",  # "쩐" / "Tran"
    "ㅊ": "ctcz",
    "ㅋ": "kcq",
    "ㅌ": "t",
    "ㅍ": "pf",
    "ㅎ": "hf",
}
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def _sounds_like(hangul: str, latin: str) -> bool:
    """Whether a Hangul transcription starts like the Latin word ("마르틴" / "Martin").

    >>> _sounds_like("마르틴", "Martin"), _sounds_like("멕시코", "Nuevo")
    (True, False)
    """
    if not hangul or not latin:
        return False
    code = ord(hangul[0]) - 0xAC00
    if not 0 <= code < 11172:
        return False
    initial = _CHOSEONG[code // 588]
    first = unicodedata.normalize("NFD", latin[0].lower())[0]
    return first in _INITIALS.get(initial, "")


def _suffix_org(
    b: _Builder, lex: Lexicon, gaz, words: list[Word], k: int, w: Word, off: int, text: str
) -> None:
    core = _strip_company(w.core) if w.kind in ("N", "M") else _strip_company(w.text)
    if not core or not b.free(w.start, w.start + len(core)):
        return
    if not re.match(r"^[\uac00-\ud7a3A-Za-z0-9]+$", core):
        return
    if lex.ends_with(core, "descriptor"):
        return  # "벤처캐피털 윈드밀벤처스": a descriptor, the name follows
    if k + 1 < len(words) and not w.particle and lex.ends_with(words[k + 1].core, "descriptor"):
        return  # "신재생에너지 기업 해솔에너지": what the company does, not a name
    for s in lex.suffixes_for(core):
        if not core.endswith(s.suffix) or len(core) - len(s.suffix) < s.min_stem:
            continue
        stem = core[: -len(s.suffix)]
        if lex.role_suffix(core) is not None and s.type == "ORG" and lex.roles.get(core):
            return
        place = None
        places = []
        if stem:
            # the place the name is built on: "안양시의회" → 안양시 (a Korean place before a namesake abroad)
            want = {
                "시의회": "시",
                "군의회": "군",
                "구의회": "구",
                "도의회": "도",
                "시청": "시",
                "군청": "군",
                "구청": "구",
                "도청": "도",
            }.get(s.suffix)
            tries = [stem + want] if want else []
            tries += [stem + ps for ps in ("시", "군", "도")] + [stem]
            for t in tries:
                places = [g for g in gaz.lookup(t) if g.type == "LOC"]
                kr = [g for g in places if getattr(g, "country", None) == "KR"]
                places = kr or places
                if places:
                    break
        if places:
            place = places[0]
        if s.needs_place and place is None:
            continue
        if s.suffix in ("부", "청", "처", "원", "공사", "공단") and gaz.lookup(core):
            continue
        if s.suffix in ("부",) and stem in ("정", "본", "일", "내", "외", "전", "간"):
            continue
        start = w.start
        label = core
        # "한양대학교 에리카캠퍼스": a site of the body named just before
        prev = b.at(words[k - 1].start, words[k - 1].end) if k > 0 else None
        if (
            s.type == "LOC"
            and prev is not None
            and prev.type == "ORG"
            and prev.end == words[k - 1].end
            and not words[k - 1].particle
        ):
            b.items.remove(prev)
            end = w.start + len(core)
            mm = Mention(
                prev.start,
                end,
                text[prev.start - off : end - off],
                f"{prev.label} {core}",
                s.type,
                s.cls,
                "suffix",
            )
            mm.extra["org_part"] = prev
            if place is not None:
                mm.in_place = _mk_gaz(place, w.start, w.start + len(stem), stem, "in-name")
            b.add(mm)
            return
        mm = Mention(start, w.start + len(core), core, label, s.type, s.cls, "suffix")
        if s.in_place and place is not None:
            mm.in_place = _mk_gaz(place, w.start, w.start + len(stem), stem, "in-name")
        if s.type == "ORG" and s.cls == "University" and core.endswith("대학교"):
            mm.aliases = (core[:-2],)
        b.add(mm)
        return


def _gaz_word(
    b: _Builder,
    lex: Lexicon,
    gaz,
    by_first,
    w: Word,
    text: str,
    off: int,
    prev: Mention | None,
    title_words: dict,
    k: int,
) -> Mention | None:
    """Gazetteer names inside one word (at its start, or after a Hanja/'·' join)."""
    found = None
    i = w.start - off
    end = w.end - off
    while i < end:
        ch = text[i]
        cands = by_first.get(text[i : i + 2], ())
        if _HANJA.match(ch):
            cands = (*cands, *by_first.get(ch, ()))
        hit = False
        for s in cands:
            j = i + len(s)
            if j > end or text[i:j] != s:
                continue
            rest = text[j:end]
            role = None
            glued_suffix = 0
            if not _is_particle(rest):
                rc = rest
                for p in (
                    "으로",
                    "에서",
                    "과",
                    "와",
                    "은",
                    "는",
                    "이",
                    "가",
                    "을",
                    "를",
                    "의",
                    "에",
                    "로",
                    "도",
                ):
                    if rest.endswith(p) and rest[: -len(p)] in lex.roles:
                        rc = rest[: -len(p)]
                        break
                r = lex.roles.get(rc)
                if r is not None and (r.place or r.relation == "headOf"):
                    role = r  # a title glued to the place ("원주시장", "경기도지사", "장쑤성장")
                elif _HANJA.match(s) and (rest[:1] in "·ㆍ" or _HANJA.match(rest[:1] or "x")):
                    pass  # "韓美", "韓·美"
                elif re.match(r"^(시|도|군|구|성|주)(은|는|이|가|을|를|와|과|의|에|에서|로|으로)?$", rest):
                    glued_suffix = 1  # "텍사스주": the place suffix belongs to the name
                else:
                    continue
            es = [e for e in gaz.lookup(s) if e.type in ("LOC", "ORG")]
            if role is not None and role.place and not s.endswith(role.place):
                # "안양시장": 안양 + 시장 is 안양시, before any namesake called just 안양
                es = [e for e in gaz.lookup(s + role.place) if e.type == "LOC"] or es
            if not es:
                continue
            # a two-syllable foreign name standing bare ("세부 조건", "정주 지원") is mostly a word
            foreign = not any(getattr(x, "country", None) == "KR" or x.cls == "Country" for x in es)
            if (
                len(s) == 2
                and _HANGUL.match(s)
                and not rest
                and not role
                and foreign
                and prev is None
                and text[end : end + 1] not in ("(", "·", ",", ")")
            ):
                continue
            e = _pick(es, prev)
            mm = b.add(_mk_gaz(e, i + off, j + glued_suffix + off, text[i : j + glued_suffix]))
            if mm is None:
                return found
            found = mm
            if role is not None:
                title_words[k] = (role, mm)
            hit = True
            i = j + glued_suffix
            break
        if not hit:
            # only at the word start, or after a Hanja/'·' join
            nxt = i + 1
            while nxt < end and not (text[nxt - 1] in "·ㆍ" or _HANJA.match(text[nxt - 1])):
                nxt += 1
            i = nxt
    return found


def _found_again(tmpl: Mention, start: int, end: int, surface: str) -> Mention:
    """A second-pass mention of a name the first pass found (`tmpl`), at start..end."""
    return Mention(
        start,
        end,
        surface,
        tmpl.label,
        tmpl.type,
        tmpl.cls,
        "known",
        key=tmpl.key,
        label_en=tmpl.label_en,
        aliases=tmpl.aliases,
        gaz=tmpl.gaz,
    )


def _known_names(
    b: _Builder,
    known: dict[str, Mention],
    text: str,
    off: int,
    lex: Lexicon,
    title_words: dict,
    words: list[Word],
) -> None:
    # names of several words ("에밀리 하퍼"): find them in the text
    for surf, tmpl in known.items():
        if " " not in surf:
            continue
        i = text.find(surf)
        while i >= 0:
            j = i + len(surf)
            left_ok = i == 0 or not re.match(r"[\uac00-\ud7a3A-Za-z]", text[i - 1])
            rest = text[j : _word_end(text, j)]
            if left_ok and (_is_particle(rest) or lex.role_suffix(_strip_company(rest) or "x")):
                b.add(_found_again(tmpl, i + off, j + off, surf))
            i = text.find(surf, j)
    for k, w in enumerate(words):
        if w.kind == "S":
            continue
        core = _strip_company(w.core if w.kind != "P" else w.text)
        cands = []
        first = w.text[:1]
        for surf, tmpl in known.items():
            if surf[:1] == first and (core.startswith(surf) or w.text.startswith(surf)):
                cands.append((surf, tmpl))
        cands.sort(key=lambda x: -len(x[0]))
        for surf, tmpl in cands:
            rest = w.text[len(surf) :]
            role = None
            if not _is_particle(rest):
                rc = _strip_company(rest)
                role = lex.roles.get(rc) or lex.roles.get(rest)
                if role is None:
                    continue
            mm = _found_again(tmpl, w.start, w.start + len(surf), surf)
            mm.in_place = tmpl.in_place
            if b.add(mm) is not None and role is not None:
                title_words[k] = (role, mm)
            break


def _title_of(
    lex: Lexicon, b: _Builder, w: Word, k: int, title_words: dict
) -> tuple[Role, Mention | None] | None:
    if k in title_words:
        return title_words[k]
    core = w.core if w.kind in ("N", "M") else ""
    if not core:
        return None
    r = lex.roles.get(core)
    if r is not None:
        return r, None
    r = lex.role_suffix(core)
    if r is not None:
        body = core[: len(core) - len(r.name)]
        m = b.at(w.start, w.start + len(body))
        if m is not None and m.type in ("ORG", "LOC"):
            return r, m
        if m is None and not r.place:
            # "자바항만청장": the title fused onto the name of a public body makes that body
            # ("청장" keeps its 청: the body is the word minus 장)
            for cut in (core[:-1], body) if r.name.endswith("장") else (body,):
                if (
                    len(cut) >= 3
                    and _HANGUL.match(cut)
                    and _BODY_END.search(cut)
                    and not _PLACE_OFFICE.fullmatch(cut)
                    and r.relation == "headOf"
                ):
                    mm = Mention(w.start, w.start + len(cut), cut, cut, "ORG", "Organization", "title")
                    return r, b.add(mm)
            return r, None
    return None


_BODY_END = re.compile(r"(?:청|처|공사|공단|위원회|기구|본부|재단)$")
_PLACE_OFFICE = re.compile(r"[가-힣]{1,3}[시도군구]청")  # "경기도청", not "칼리만탄수도청"


def _persons(
    b: _Builder,
    lex: Lexicon,
    words: list[Word],
    title_words: dict,
    text: str,
    off: int,
    known: dict | None = None,
) -> None:
    # words outside parentheses, with their positions
    depth = 0
    flat: list[tuple[int, Word]] = []
    for k, w in enumerate(words):
        if w.text in ("(", "（"):
            depth += 1
            continue
        if w.text in (")", "）"):
            depth = max(0, depth - 1)
            continue
        if depth == 0:
            flat.append((k, w))
    for idx, (k, w) in enumerate(flat):
        t = _title_of(lex, b, w, k, title_words)
        if t is None:
            continue
        role, target = t
        # walk back: bodies/places, then the name
        j = idx - 1
        between: list[Mention] = []
        while j >= 0:
            kw = flat[j][1]
            mm = b.at(kw.start, kw.end)
            if mm is not None and mm.type in ("ORG", "LOC") and not kw.particle:
                between.insert(0, mm)
                j -= 1
                continue
            if kw.text in ("(", ")") or re.match(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff.]+\)?$", kw.text):
                j -= 1
                continue
            if kw.text in lex.words.get("envoy_prefix", ()) and j > 0:
                j -= 1  # "… 주한 몽골 대사": the envoy's name stands before 주한
                continue
            if kw.text in ("전", "前") and not between and j > 0:
                j -= 1  # "박서준 전 원장": a former holder of the title
                continue
            if kw.text in lex.roles and not kw.particle and j > 0 and lex.roles[kw.text].relation == "headOf":
                j -= 1  # "박서준 대표이사 사장": two titles in a row
                continue
            break
        if j < 0:
            continue
        nw = flat[j][1]
        existing = b.at(nw.start, nw.end)
        person = None
        if existing is not None and existing.type == "PERSON":
            person = existing
        elif (
            existing is None
            and not nw.particle
            and nw.kind == "N"
            and is_person_name(nw.text, lex)
            and (len(nw.text) > 2 or "NNP" in nw.tags or between or _body_before(b, flat, j))
        ):
            if any(
                " " in kk
                and (kk.startswith(nw.text + " ") or kk.endswith(" " + nw.text))
                and kt.type == "PERSON"
                for kk, kt in (known or {}).items()
            ):
                continue  # first or last word of a foreign name met before ("나카무라 시장"): a short form
            person = b.add(Mention(nw.start, nw.end, nw.text, nw.text, "PERSON", "Person", "title"))
        if person is None:
            continue
        if person.role is None or (
            person.rule == "byline" and (person.role_target is None or person.role.name != role.name)
        ):
            person.role = role
            if target is not None:
                person.role_target = target
            elif between:
                person.role_target = between[-1]
            else:
                # the body right before the name: "한밭대 오채린 교수", "LOC의 NAME TITLE"
                if j > 0:
                    pw = flat[j - 1][1]
                    pm = b.at(pw.start, pw.end)
                    if (
                        pm is not None
                        and pm.type in ("ORG", "LOC")
                        and (not pw.particle or pw.particle == "의")
                    ):
                        person.role_target = pm


def _bare_names(b: _Builder, lex: Lexicon, words: list[Word], gaz, text: str, off: int) -> None:
    for w in words:
        core = w.core
        after = text[w.start - off + 3 : w.start - off + 4]
        if (
            w.kind == "N"
            and len(core) == 3
            and w.tags[:1] == ("NNP",)
            and w.tags.count("NNP") == 1
            and (w.particle or after in ("", ",", ".", "!", "?", "'", '"', ")", "·", "’", "”"))
            and all(t.startswith(("NNP", "J")) for t in w.tags)
            and is_person_name(core, lex)
            and not gaz.lookup(core)
            and b.free(w.start, w.start + 3)
        ):
            b.add(Mention(w.start, w.start + 3, core, core, "PERSON", "Person", "name"))


def _body_before(b: _Builder, flat: list, j: int) -> bool:
    if j == 0:
        return False
    pw = flat[j - 1][1]
    pm = b.at(pw.start, pw.end)
    return pm is not None and pm.type in ("ORG", "LOC") and not pw.particle


def _descriptors(b: _Builder, lex: Lexicon, words: list[Word], off: int, text: str) -> None:
    desc = tuple(lex.words.get("descriptor", ()))
    not_name = lex.words.get("not_name", frozenset())
    for k in range(len(words) - 1):
        w = words[k]
        core = w.core if w.kind in ("N", "M") else w.text
        if core.endswith("인") and w.kind == "P":
            core = core[:-1]
        if not core.endswith(desc) or w.particle:
            continue
        nw = words[k + 1]
        if nw.kind not in ("N",) and not (nw.kind == "P" and _strip_company(nw.text) != nw.text):
            continue
        name = _strip_company(nw.core if nw.kind == "N" else nw.text)
        if not b.free(nw.start, nw.start + len(name)) or len(name) < 2 or name in not_name:
            continue
        if not re.match(r"^[\uac00-\ud7a3A-Za-z][\uac00-\ud7a3A-Za-z0-9&]*$", name) or re.search(r"\d", name):
            continue
        if lex.role_suffix(name) is not None or name.endswith(desc):
            continue
        if len(name) < 3 and not re.match(r"^[A-Z]", name):
            continue
        if name.endswith(("회", "식", "전", "제", "장", "들")):
            continue  # 상담회, 협약식, 박람회: events and places, not names
        cls = "GovernmentOrganization" if core.endswith("당국") else "Company"
        b.add(Mention(nw.start, nw.start + len(name), name, name, "ORG", cls, "descriptor"))


def _districts(b: _Builder, gaz, words: list[Word]) -> None:
    for k in range(1, len(words)):
        w = words[k]
        core = w.core
        m_sfx = re.match(r"^[\uac00-\ud7a3]{1,4}(구|군)$|^[\uac00-\ud7a3]{2,5}(시|주|성|현)$", core)
        if not m_sfx or not b.free(w.start, w.start + len(core)):
            continue
        if m_sfx.group(2) and "NNP" not in w.tags:
            continue  # "미국 당시": only a proper noun is a place
        prev = b.at(words[k - 1].start, words[k - 1].end)
        if prev is None or prev.type != "LOC" or words[k - 1].particle:
            continue
        es = [e for e in gaz.lookup(core) if e.type == "LOC"]
        if es:
            b.add(_mk_gaz(_pick(es, prev), w.start, w.start + len(core), core, "district"))
        else:
            cls = "City" if core.endswith("시") else "AdministrativeArea"
            b.add(Mention(w.start, w.start + len(core), core, core, "LOC", cls, "district"))


def _short_forms(
    b: _Builder,
    lex: Lexicon,
    words: list[Word],
    title_words: dict,
    text: str,
    off: int,
    known: dict | None = None,
) -> None:
    delegations = lex.words.get("delegation", frozenset())
    multi = [kk for kk, kt in (known or {}).items() if kt.type == "PERSON" and " " in kk]
    for k, w in enumerate(words):
        if not b.free(w.start, w.end) and multi and k + 1 < len(words):
            # "다카하시 대표" of "다카하시 겐지": a word of a foreign name met before, though it is also a
            # place of the gazetteer, is that person before a title
            pm = b.at(w.start, w.start + len(w.core))
            if (
                pm is not None
                and pm.type == "LOC"
                and (pm.start, pm.end) == (w.start, w.start + len(w.core))
                and not w.particle
                and any(kk.startswith(w.core + " ") or kk.endswith(" " + w.core) for kk in multi)
                and _title_of(lex, b, words[k + 1], k + 1, title_words) is not None
            ):
                b.items.remove(pm)
        if not b.free(w.start, w.end):
            continue
        core = w.core
        nxt = words[k + 1] if k + 1 < len(words) else None
        prv = words[k - 1] if k > 0 else None
        glued = w.start > off and text[w.start - off - 1] not in " \t\n\"'‘“"
        if glued and core in ("시", "도"):
            continue
        if core == "시" and (w.particle or (nxt and nxt.core in ("관계자", "측", "당국", "공무원"))):
            b.add(Mention(w.start, w.start + 1, "시", "시", "LOC", "City", "short", ref="city"))
        elif (
            core == "도"
            and w.particle
            and w.particle != w.text
            or (core == "도" and nxt and nxt.core in ("관계자", "측", "당국"))
        ):
            b.add(
                Mention(
                    w.start, w.start + 1, "도", "도", "LOC", "AdministrativeArea", "short", ref="province"
                )
            )
        elif (
            prv is not None
            and prv.text in ("양", "두")
            and core in ("도시", "시", "지역", "도", "지자체")
            or prv is not None
            and prv.text in ("두", "양")
            and core in ("시장", "단체장")
        ):
            b.add(
                Mention(
                    prv.start,
                    w.start + len(core),
                    prv.text + " " + core,
                    core,
                    "LOC",
                    "Place",
                    "short",
                    ref="pair",
                )
            )
        elif core == "양국" or (prv is not None and prv.text in ("양", "두") and core in ("나라", "국")):
            # "양국은", "양국 정부는", "두 나라는": the two countries of the story (entities.py)
            st = prv.start if core != "양국" else w.start
            b.add(
                Mention(st, w.start + len(core), core, core, "LOC", "Country", "short", ref="pair_countries")
            )
        elif (prv is not None and prv.text in ("양", "두") and core in ("기관", "단체", "회사")) or (
            core in ("양측", "양사", "양기관") and w.particle
        ):
            # "양 기관은", "양측은": the two bodies just named
            st = prv.start if core in ("기관", "단체", "회사") else w.start
            b.add(
                Mention(
                    st, w.start + len(core), core, core, "ORG", "Organization", "short", ref="pair_bodies"
                )
            )
        elif (
            prv is not None and prv.text in ("이", "같은", "해당", "동") and core in ("회사", "기업", "업체")
        ):
            b.add(
                Mention(
                    prv.start,
                    w.start + len(core),
                    prv.text + " " + core,
                    core,
                    "ORG",
                    "Company",
                    "short",
                    ref="company",
                )
            )
        elif core in ("양사",):
            b.add(
                Mention(
                    w.start, w.start + len(core), core, core, "ORG", "Company", "short", ref="pair_company"
                )
            )
        elif core in delegations or (
            core.endswith(tuple(delegations)) and len(core) <= 6 and core[:2] != "경제"
        ):
            b.add(
                Mention(
                    w.start, w.start + len(core), core, core, "ORG", "Organization", "short", ref="delegation"
                )
            )
        elif (
            nxt is not None
            and len(core) <= 4
            and _HANGUL.match(core or "x")
            and not w.particle
            and core not in ("두", "양", "각", "전", "현", "새", "동")
        ):
            # "임 시장", "강 장관", "나카무라 시장": a surname or first name before a title
            t = _title_of(lex, b, nxt, k + 1, title_words)
            people = [kk for kk, kt in (known or {}).items() if kt.type == "PERSON"]
            # "남궁 시장" (two-syllable surname), "린 회장" (the surname of a foreign name met before)
            is_surname = (len(core) == 1 and core in surnames()) or (
                len(core) <= 2
                and (core in surnames() or any(kk.startswith(core) and " " not in kk for kk in people))
                and any(kk.startswith(core) and len(kk) > len(core) for kk in people)
            )
            # "모로 대표" of "장뤼크 모로": the last word of a foreign name met before
            last = next((kk for kk in people if kk.endswith(" " + core)), None)
            if t is None:
                continue
            if last is not None and not is_surname:
                kind = "last"
            elif is_surname:
                kind = "person"
            elif any(kk.startswith(core + " ") for kk in people):
                kind = "first"
            else:
                continue
            b.add(
                Mention(
                    w.start,
                    w.end,
                    core,
                    core,
                    "PERSON",
                    "Person",
                    "short",
                    ref=f"{kind}:{core}:{t[0].name}",
                    role=t[0],
                    role_target=t[1],
                )
            )


def find_known(mentions: list[Mention]) -> dict[str, Mention]:
    """Surfaces of this article's names that a second pass should find again (no company marks)."""
    known: dict[str, Mention] = {}
    firsts = {
        m.label.split(" ")[i] for m in mentions if m.type == "PERSON" and " " in m.label for i in (0, -1)
    }
    for m in mentions:
        if m.type == "PERSON" and m.label in firsts:
            continue  # "스즈키" or "겐타" of "스즈키 겐타": a short form, not a name of its own
        if m.ref or m.rule in ("short",):
            continue
        surfaces = {norm_label(m.label), norm_label(m.text)}
        surfaces.update(a for a in m.aliases if _HANGUL.match(a.replace(" ", "") or "x"))
        if m.type == "PERSON" and " " in m.label:
            surfaces.add(m.label)
        for s in surfaces:
            if s and len(s) >= 2 and (s not in known) and _HANGUL.match(s.replace(" ", "")):
                if m.rule in ("gazetteer", "byline", "district", "known") and m.type == "LOC":
                    continue
                known[s] = m
        if m.type == "LOC" and m.label[-1:] in ("성", "주") and len(m.label) >= 3 and m.rule == "paren":
            known.setdefault(m.label[:-1], m)
    return known
