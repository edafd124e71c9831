"""Names their writing marks: bylines, company marks (㈜, (주) …), a Hangul name with its original in
parentheses ("에밀리 하퍼(Emily Harper)"), quoted names of bodies, names ending in an organisation
or site suffix (…시의회, …대학교, …국가산업단지)."""

from __future__ import annotations

import re
import unicodedata

from newskg.extract import news_patterns
from newskg.extract.gazetteer_link import _place_chain
from newskg.extract.korean import alternation
from newskg.extract.lexicon import Lexicon
from newskg.extract.mention_base import (
    _HANGUL,
    _HANJA,
    _KO,
    _LATIN_NAME,
    _NAMECH,
    Mention,
    _Builder,
    _is_particle,
    _mk_gaz,
    _strip_company,
    is_person_name,
)
from newskg.extract.place_bodies import common_nouns_only
from newskg.extract.syntax import Sentence, Word, case_of

__all__ = ["bylines", "companies", "quoted_bodies"]

_BYLINE = re.compile(
    r"[\[(【]\s*(?:(?P<place>[^\]=)】\n]{1,20})\s*=\s*)?(?P<outlet>[^\]=)】\s\n]{2,20})\s+"
    r"(?P<name>[\uac00-\ud7a3]{2,4})\s*(?P<role>" + "|".join(_KO.titles_for("byline")) + r")"
    r"(?:\s*=)?\s*[\])】]"
)

_BYLINE_OPEN = re.compile(
    r"\((?P<place>[\uac00-\ud7a3]{2,6})=(?P<outlet>[\uac00-\ud7a3A-Za-z0-9]{2,12})\)\s*"
    r"(?P<name>[\uac00-\ud7a3]{2,4})\s*(?P<role>" + "|".join(_KO.titles_for("short")) + ")"
)

# "[새봄펜=박서준 기자]", "[새봄팩트|박서준 기자]": one word before the reporter, an outlet or a place
_BYLINE_BARE = re.compile(
    r"[\[【]\s*(?P<outlet>[^\]=|)】\s\n]{2,20})\s*[=|]\s*"
    r"(?P<name>[\uac00-\ud7a3]{2,4})\s*(?P<role>" + "|".join(_KO.titles_for("byline")) + r")\s*[\])】]"
)

# "새길경제 박서준 기자 = …": the outlet and its reporter opening a line, before "="
_BYLINE_LEAD = re.compile(
    r"(?:^|(?<=\n))\s*(?P<outlet>[A-Za-z\uac00-\ud7a3][A-Za-z0-9\uac00-\ud7a3]{1,15}"
    r"(?: [A-Za-z0-9\uac00-\ud7a3]{2,10})?)"
    r"\s+(?P<name>[\uac00-\ud7a3]{2,4})\s?(?P<role>" + "|".join(_KO.titles_for("short")) + r")\s*="
)

# the outlet of a copyright or credit line: "저작권자 © 새길일보 무단전재", "[ⓒ 새길일보. 무단…]",
# "Copyright ⓒ 새길신문 무단 전재", "© 새길일보(www.…)"; the name ends at the first of these stops
_COPYRIGHT = re.compile(r"(?P<mark>저작권자|[Cc]opyright)?\s*[ⓒ©]\s*(?P<body>[^\n.,()\[\]<>|/]{2,60})")
_COPYRIGHT_STOP = re.compile(r"\s*(?:무단|All rights|$)")
# "새길일보(www.saegil.co.kr), 무단전재": an outlet before its web address
_OUTLET_WEB = re.compile(
    r"(?P<o>[A-Za-z\uac00-\ud7a3][A-Za-z0-9\uac00-\ud7a3]{1,15})\s?\((?:www\.|https?://)"
)

_COMPANY = re.compile(
    r"(?P<mark>"
    + "|".join(re.escape(m) for m in _KO.marks_for("before"))
    + r")\s?(?P<name>"
    + _NAMECH
    + r"[\uac00-\ud7a3A-Za-z0-9&]*)"
)

_COMPANY_AFTER = re.compile(
    r"(?<![\uac00-\ud7a3A-Za-z0-9&])(?P<name>[\uac00-\ud7a3A-Za-z][\uac00-\ud7a3A-Za-z0-9&]{1,20})"
    + alternation(_KO.marks_for("after"))
)

_PAREN = re.compile(r"\((?P<inner>[^()\n]{1,60})\)")

_QUOTED = re.compile(r"['‘“\"](?P<inner>[^'’”\"\n]{3,40})['’”\"]")

_QUOTED_ORG_END = _KO.quoted_org_ends


def bylines(b: _Builder, lex: Lexicon, gaz, by_first, text: str, off: int) -> None:
    """Bylines "[경기 평택=새길일보 정민호 기자]": the outlet, its reporter and the places."""
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
    _lead_bylines(b, lex, gaz, text, off)
    _copyright_outlets(b, lex, gaz, text, off)
    for m in _BYLINE_BARE.finditer(text):
        word = m.group("outlet")
        if any(g.type == "LOC" for g in gaz.lookup(word)) or "@" in word or "." in word:
            continue  # "[평택=박서준 기자]": a dateline; the reporter rule of news_patterns reads it
        if not re.match(r"^[\uac00-\ud7a3A-Za-z][\uac00-\ud7a3A-Za-z0-9]+$", word):
            continue
        if not is_person_name(m.group("name"), lex):
            continue  # "[새봄펜=온라인팀 기자]": a desk, no reporter
        os_, oe = m.start("outlet") + off, m.end("outlet") + off
        es = [g for g in gaz.lookup(word) if g.type == "ORG"]
        om = b.add(
            _mk_gaz(es[0], os_, oe, word, "byline")
            if es
            else Mention(os_, oe, word, word, "ORG", "NewsMediaOrganization", "byline")
        )
        ns, ne = m.start("name") + off, m.end("name") + off
        person = b.add(Mention(ns, ne, m.group("name"), m.group("name"), "PERSON", "Person", "byline"))
        if person is not None:
            person.role = lex.roles.get("기자")
            person.role_target = om


def _outlet_mention(gaz, start: int, end: int, name: str) -> Mention:
    es = [e for e in gaz.lookup(name) if e.type == "ORG"]
    if es:
        return _mk_gaz(es[0], start, end, name, "byline")
    return Mention(start, end, name, name, "ORG", "NewsMediaOrganization", "byline")


def _lead_bylines(b: _Builder, lex: Lexicon, gaz, text: str, off: int) -> None:
    """ "새길경제 박서준 기자 = …": an outlet name, its reporter and "=" opening a line."""
    for m in _BYLINE_LEAD.finditer(text):
        name, outlet = m.group("name"), m.group("outlet")
        if not is_person_name(name, lex):
            continue
        ns, ne = m.start("name") + off, m.end("name") + off
        person = b.add(Mention(ns, ne, name, name, "PERSON", "Person", "byline", role=lex.roles.get("기자")))
        if any(g.type == "LOC" for g in gaz.lookup(outlet)) or not (
            news_patterns.is_outlet(outlet.replace(" ", ""), lex, gaz) or re.search(r"[A-Za-z]", outlet)
        ):
            continue  # "새길 박서준 기자 =": a dateline, or a word that names no outlet
        om = b.add(_outlet_mention(gaz, m.start("outlet") + off, m.end("outlet") + off, outlet))
        if person is not None and om is not None:
            person.role_target = om


def _copyright_outlets(b: _Builder, lex: Lexicon, gaz, text: str, off: int) -> None:
    """The outlet of a copyright line ("저작권자 © 새길일보 무단전재 …"): the last word before the stop
    (a slogan may come first), joined to a bare outlet ending before it ("KBN 뉴스"); a credit "ⓒ X"
    without the words of a copyright only names an outlet when X looks like one (…일보, …뉴스)."""
    found: list[tuple[int, str]] = []
    for m in _COPYRIGHT.finditer(text):
        body = m.group("body")
        stop = _COPYRIGHT_STOP.search(body)
        body = body[: stop.start()] if stop else body
        parts = body.split()
        if not parts:
            continue
        last = parts[-1]
        if len(parts) >= 2 and lex.ends_with(last, "outlet_end") and len(last) <= 3:
            last = parts[-2] + " " + last  # "KBN 뉴스"
        pos = m.start("body") + body.rindex(last)
        copyright_ = bool(m.group("mark")) or bool(
            re.match(r"\s*[.,]?\s*(?:무단|All rights)", text[pos + len(last) :])
        )
        found.append(
            (pos, last)
            if copyright_ or news_patterns.is_outlet(last.replace(" ", ""), lex, gaz)
            else (-1, "")
        )
    for m in _OUTLET_WEB.finditer(text):
        if "무단" in text[m.end() :] or news_patterns.is_outlet(m.group("o"), lex, gaz):
            found.append((m.start("o"), m.group("o")))
    for pos, name in found:
        if pos < 0 or not re.match(r"^[A-Za-z\uac00-\ud7a3][A-Za-z0-9\uac00-\ud7a3 ]{1,19}$", name):
            continue
        if name.endswith("사") and news_patterns.is_outlet(name[:-1], lex, gaz):
            name = name[:-1]  # "새길일보사": the company of the paper
        if any(
            g.type == "LOC" or (g.type == "ORG" and g.cls != "NewsMediaOrganization")
            for g in gaz.lookup(name)
        ):
            continue  # "ⓒ 새길시", "ⓒ 새길대학교병원": a photo credit of the body, no outlet
        if b.free(pos + off, pos + off + len(name)):
            b.add(_outlet_mention(gaz, pos + off, pos + off + len(name), name))


def companies(b: _Builder, lex: Lexicon, gaz, text: str, off: int) -> None:
    """Names with a company mark before or after them ("㈜새길정밀", "새길정밀㈜", "(재)새길재단")."""
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
        # "㈜가온케이, ㈜…": before a comma of a list the last syllable is the name's, no particle
        name = raw if text[m.end("name") : m.end("name") + 1] in (",", "·", "，") else _strip_company(raw)
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


def quoted_bodies(b: _Builder, text: str, off: int) -> None:
    """Quoted names of several words ending like a body ('… 통상촉진단')."""
    for m in _QUOTED.finditer(text):
        inner = m.group("inner").strip()
        if " " in inner and inner.endswith(_QUOTED_ORG_END) and len(inner.split()) <= 6:
            s = m.start("inner") + off + (len(m.group("inner")) - len(m.group("inner").lstrip()))
            b.add(Mention(s, s + len(inner), inner, inner, "ORG", "Organization", "quoted"))


def _common_word(sent: Sentence, start: int, name: str) -> bool:
    """Whether Kiwi reads the word at `start` as common nouns only (with a particle at most)."""
    for w in sent.words:
        if w.start == start and w.core == name:
            heads = [t for t in w.tags if not t.startswith("J")]
            return bool(heads) and all(t.startswith("NNG") for t in heads)
    return False


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
    if hanja and len(name) == 2 and _common_word(sent, start, name):
        return  # "답방(答訪)", "예방(禮訪)": a two-syllable common word glossed with its Hanja, no name
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


_NAME_WORD = re.compile(r"^[\uac00-\ud7a3A-Za-z0-9]+$")


def _company_stem(lex: Lexicon, stem: str) -> bool:
    """Whether a word ends as a company name does ("가람제약", "새길전자")."""
    return any(
        stem.endswith(x.suffix) and len(stem) > len(x.suffix) and x.type == "ORG"
        for x in lex.suffixes_for(stem)
    )


def _suffix_org(
    b: _Builder, lex: Lexicon, gaz, words: list[Word], k: int, w: Word, off: int, text: str
) -> None:
    core = _strip_company(w.core) if w.kind in ("N", "M") else _strip_company(w.text)
    if not core or not b.free(w.start, w.start + len(core)):
        return
    if not _NAME_WORD.match(core):
        return
    group = next((g for g in _KO.group_ends if core.endswith(g) and len(core) >= len(g) + 2), None)
    if group is not None and (w.tags[:1] in (("SL",), ("NNP",)) or _company_stem(lex, core[: -len(group)])):
        # "가람제약그룹", "KDT그룹": a firm's name and 그룹 name the group, unlike "중견그룹"
        b.add(Mention(w.start, w.start + len(core), core, core, "ORG", "Company", "suffix"))
        return
    if lex.ends_with(core, "descriptor"):
        return  # "벤처캐피털 윈드밀벤처스": a descriptor, the name follows
    if core.endswith(_KO.not_org_ends):
        return  # "대통령부부", "호남취재본부": a couple, an outlet's regional desk
    if core.endswith(_KO.generic_body_ends):
        return  # "지방정부", "중앙정부": a kind of body; a city's own government is the city
    if k + 1 < len(words) and not w.particle and lex.ends_with(words[k + 1].core, "descriptor"):
        return  # "신재생에너지 기업 해솔에너지": what the company does, not a name
    if any(s.suffix == core and s.type == "LOC" and not s.needs_place for s in lex.suffixes_for(core)):
        _named_site(b, gaz, words, k, w, core, off, text)
        return
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
        if s.needs_place and place is None and not _unknown_hall(s, stem):
            continue
        if s.suffix in ("부", "청", "처", "원", "공사", "공단") and gaz.lookup(core):
            continue
        if s.cls == "NewsMediaOrganization" and common_nouns_only(w) and _in_slogan(text, w.start - off):
            continue  # "©'종합 경제신문' 가람경제": the slogan's kind of outlet, not the outlet
        if s.suffix in ("부",) and stem in ("정", "본", "일", "내", "외", "전", "간"):
            continue
        if s.suffix in ("부",) and stem in _KO.directions:
            continue  # "서남부", "북서부": a part of a country or region, no ministry
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


_SLOGAN = re.compile(r"[©ⓒ]\s*['‘\"“][^'’\"”\n]{1,40}['’\"”]")


def _in_slogan(text: str, pos: int) -> bool:
    """Whether `pos` lies in the quoted slogan of a copyright credit ("©'3개국어 경제신문' 가람경제")."""
    return any(m.start() < pos < m.end() for m in _SLOGAN.finditer(text, max(0, pos - 45), pos + 45))


def _unknown_hall(s, stem: str) -> bool:
    """A city hall of a city the gazetteer lacks ("솔내시청" abroad) is still a venue, not a body."""
    return s.suffix in _KO.hall_ends and s.type == "LOC" and len(stem) >= 2 and bool(_HANGUL.fullmatch(stem))


def _named_site(b: _Builder, gaz, words: list[Word], k: int, w: Word, core: str, off: int, text: str) -> None:
    """A site type written as a word of its own after its name ("새길 일반산업단지", "한빛 국가산단"):
    one site named by both words; a known city or county as the name is the place the site lies
    in. A type word with no name before it ("일반산업단지 조성"), or after a common noun only
    ("인근 산단"), is no name."""
    if k == 0 or words[k - 1].particle or words[k - 1].kind != "N":
        return
    pw = words[k - 1]
    if text[pw.end - off : w.start - off] != " ":
        return
    end = w.start + len(core)
    prev = b.at(pw.start, pw.end)
    if prev is not None:
        if prev.type != "LOC" or (prev.start, prev.end) != (pw.start, pw.end):
            return
        if prev.cls != "City" and prev.label[-1:] not in ("시", "군", "구"):
            return  # "OO성 산업단지": a province's or country's complexes, not one named site
        label = f"{prev.text} {core}"
        b.items.remove(prev)  # the place lives on as the site's in_place (its entity is kept)
        mm = Mention(pw.start, end, text[pw.start - off : end - off], label, "LOC", "Facility", "suffix")
        mm.in_place = prev
        b.add(mm)
        return
    if not _HANGUL.match(pw.text) or len(pw.text) < 2 or not b.free(pw.start, end):
        return
    if pw.tags == ("NNG",) or pw.tags[:1] == ("XPN",):
        return  # one common noun ("인근 산업단지", "기존 국가산단", "대규모 산단") is no name
    mm = Mention(
        pw.start, end, text[pw.start - off : end - off], f"{pw.text} {core}", "LOC", "Facility", "suffix"
    )
    places = [g for g in gaz.lookup(pw.text) if g.type == "LOC"]
    if places:
        mm.in_place = _mk_gaz(places[0], pw.start, pw.end, pw.text, "in-name")
    b.add(mm)
