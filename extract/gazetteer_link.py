"""Gazetteer linking: names the gazetteer knows, with a particle, a place suffix or a title glued on
("원주시장" = 원주시 + 시장), places of a byline, districts after their city ("광주 서구")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newskg.extract.lexicon import Lexicon
from newskg.extract.mention_base import (
    _HANGUL,
    _HANJA,
    _KO,
    Mention,
    _Builder,
    _is_particle,
    _mk_gaz,
    _pick,
    is_person_name,
    sounds_foreign,
)
from newskg.extract.syntax import Word

__all__ = ["gazetteer_index"]

_GLUED_SUFFIX = re.compile(
    "^(" + "|".join(_KO.glued_place_suffixes) + ")(" + "|".join(_KO.glued_particles) + ")?$"
)


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
            if j > end or not text.startswith(s, i):
                continue
            rest = text[j:end]
            role = None
            glued_suffix = 0
            if rest and w.tags == ("NNG",) and _is_particle(rest):
                continue  # Kiwi reads the whole word as one common noun: "고양이" is no 고양 + 이
            if not _is_particle(rest):
                rc = rest
                for p in _KO.title_particles:
                    bare = rest[: -len(p)]
                    if rest.endswith(p) and (bare in lex.roles or s[-1:] + bare in lex.roles):
                        rc = rest[: -len(p)]
                        break
                r = lex.roles.get(rc)
                if r is not None and (r.place or r.relation == "headOf"):
                    role = r  # a title glued to the place ("원주시장", "경기도지사", "장쑤성장")
                elif r is not None and any(g.cls == "Country" for g in gaz.lookup(s)):
                    role = r  # an envoy's title glued to the country ("주한 솔내아대사"): the country
                elif _HANJA.match(s) and (rest[:1] in "·ㆍ" or _HANJA.match(rest[:1] or "x")):
                    pass  # "韓美", "韓·美"
                elif _GLUED_SUFFIX.match(rest):
                    glued_suffix = 1  # "텍사스주": the place suffix belongs to the name
                elif (r := lex.roles.get(s[-1:] + rc)) is not None and r.place == s[-1:]:
                    # "OO군수" whose bare "OO" is also a common word: the full name "OO군" matched,
                    # and its suffix begins the title (군 + 수 = 군수)
                    role = r
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
                and not _before_place_title(lex, text, end)
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


def _before_place_title(lex: Lexicon, text: str, end: int) -> bool:
    """Whether the next word is a title held in a place ("뉴욕 시장", "텍사스 주지사")."""
    m = re.match(r" ([\uac00-\ud7a3]+)", text[end:])
    if m is None:
        return False
    word = m.group(1)
    for cut in range(len(word), 1, -1):
        r = lex.roles.get(word[:cut])
        if r is not None and _is_particle(word[cut:]):
            return bool(r.place)
    return False


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


def _bare_places(b: _Builder, lex: Lexicon, gaz, words: list[Word]) -> None:
    """Unknown cities, counties and districts standing alone ("한빛시는", "누리군과").

    Kiwi must read the word's start as a proper noun (common nouns such as "관광도시" or "장군" are
    no place) and the gazetteer must not know it (a name it knows was linked before). Given names
    rarely end in 시 or 군 but often in 구: a …구 that reads as a personal name ("박성구") is left
    to the person rules, and so is a word right before a bare proper noun (a Japanese family name
    such as "오이시" before the given name).
    """
    for k, w in enumerate(words):
        core = w.core
        cls = _KO.bare_place_suffixes.get(core[-1:])
        if (
            cls is None
            or w.kind != "N"
            or not 3 <= len(core) <= 6
            or not _HANGUL.match(core)
            or w.tags[:1] != ("NNP",)
            or not all(t.startswith(("NNP", "NNG", "NNB", "J")) for t in w.tags)
            or core.endswith(_KO.bare_place_not_ends)
            or core in lex.words.get("not_name", ())
            or not b.free(w.start, w.start + len(core))
            or gaz.lookup(core)
        ):
            continue
        if core.endswith("구") and is_person_name(core, lex):
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        if (
            not w.particle
            and nxt is not None
            and nxt.tags == ("NNP",)
            and not gaz.lookup(nxt.text)
            and nxt.text[-1:] not in _KO.bare_place_suffixes
        ):
            continue  # "<family> <given>" (e.g. "오카무라 겐지"): a foreign family name before the given name
        prv = words[k - 1] if k > 0 else None
        if (
            prv is not None
            and nxt is not None
            and not prv.particle
            and prv.tags == ("NNP",)
            and sounds_foreign(prv.text + core)
            and b.free(prv.start, prv.end)
            and not gaz.lookup(prv.text)
            and (lex.roles.get(nxt.core) or lex.role_suffix(nxt.core))
        ):
            continue  # "<family> <given> 대표" (e.g. "고바야시 다카시 대표"): a given name ending in 시
        b.add(Mention(w.start, w.start + len(core), core, core, "LOC", cls, "bare_place"))


def _sub_unit_word(w: Word, lex: Lexicon, min_stem: int = 2) -> bool:
    core = w.core
    return (
        w.kind == "N"
        and core[-1:] in _KO.sub_unit_suffixes
        and min_stem + 1 <= len(core) <= 5
        and _HANGUL.match(core) is not None
        and not core.endswith(_KO.sub_unit_not_ends)
        and core not in lex.roles
        and core not in lex.words.get("not_name", ())
    )


def _units_of_bodies(b: _Builder, words: list[Word]) -> None:
    """A unit or office named after the place or body it belongs to, one organisation of both words:
    "가람전력 충북지역본부", "솔내시 외무국", "가람도 베트남사무소", "새길대 문화기술대학원". The unit
    must be a name the suffix rules made (no gazetteer name of its own) standing right after the
    other mention, with no particle between."""
    for k in range(1, len(words)):
        w, pw = words[k], words[k - 1]
        if pw.particle or w.start != pw.end + 1:
            continue
        m = b.at(w.start, w.start + len(w.core))
        pm = b.at(pw.start, pw.end)
        if m is None or pm is None or m.type != "ORG" or m.rule != "suffix" or m.gaz is not None:
            continue
        if not m.text.endswith(_KO.body_unit_ends):
            continue
        if pm.type not in ("LOC", "ORG") or (pm.start, pm.end) != (pw.start, pw.end) or m.start != w.start:
            continue
        if pm.cls == "NewsMediaOrganization" or pm.type == "LOC" and pm.cls == "Country":
            continue
        b.items.remove(m)
        b.items.remove(pm)
        label = f"{pm.text} {m.text}"
        mm = Mention(pm.start, m.end, label, label, "ORG", m.cls, "unit_of_body")
        if pm.type == "LOC":
            mm.in_place = pm
        else:
            mm.extra["org_part"] = pm
        b.add(mm)


def _sub_units(b: _Builder, lex: Lexicon, words: list[Word]) -> None:
    """Towns, townships, neighbourhoods and villages (…읍, …면, …동, …리) no gazetteer lists, read as
    places only beside another place: after one ("OO군 OO면"), before a place or site ("OO면 OO리",
    "OO면 OO산단"), or before "일원/일대" ("OO동 일원에"). Alone such a word is too often a common
    noun ("측면", "활동")."""
    for k, w in enumerate(words):
        core = w.core
        if not b.free(w.start, w.start + len(core)):
            continue
        prev = b.at(words[k - 1].start, words[k - 1].end) if k > 0 and not words[k - 1].particle else None
        after_place = prev is not None and prev.type == "LOC" and prev.cls != "Country"
        if not _sub_unit_word(w, lex, 1 if after_place else 2):
            continue
        nxt = words[k + 1] if k + 1 < len(words) and not w.particle else None
        before_place = False
        if nxt is not None:
            nm = b.at(nxt.start, nxt.end)
            before_place = (
                (nm is not None and nm.type == "LOC")
                or _sub_unit_word(nxt, lex)
                or nxt.core.startswith(_KO.sub_unit_areas)
            )
        if after_place or before_place:
            b.add(Mention(w.start, w.start + len(core), core, core, "LOC", "AdministrativeArea", "district"))
