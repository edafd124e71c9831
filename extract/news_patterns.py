"""Mention rules for recurring shapes of Korean news text that the word-by-word rules miss.

- a head in parentheses after the body: "한빛정밀(대표 박서준)", "새길시(시장 김하늘)";
- bylines of many forms: "[새길=한빛일보] 박서준 기자 =", "(한빛일보=박서준 기자)",
  "박서준기자 psj@example.kr", "<박서준 기자 / 저작권자ⓒ한빛일보>";
- foreign names of several words before a title: "도미야마 겐타 사장", "응우옌 반 탄 시장";
- the title between the body and the name: "한빛정밀 대표 박서준씨", "새길대학교 총장 오하늘은".

Each rule adds mentions through the sentence's mention builder (no overlaps) and names itself in
`Mention.rule`. Word lists (outlet endings, foreign name starts) live in `data/cues.tsv`.

Example:
    >>> from newskg.extract.pipeline import get_extractor
    >>> from newskg.extract.records import Article
    >>> out = get_extractor().extract(Article("x", "새길정밀(대표 박서준)은 공장을 지었다."))
    >>> sorted((e.label, e.type) for e in out.entities)
    [('박서준', 'PERSON'), ('새길정밀', 'ORG')]
"""

from __future__ import annotations

import re
from typing import Any

from newskg.extract.korean import alternation, load_korean
from newskg.extract.lexicon import Lexicon
from newskg.extract.romanize import ends_like_company

__all__ = ["paren_heads", "bylines", "foreign_titled", "title_then_name", "is_outlet"]

_PAREN_HEAD = re.compile(
    r"\((?P<title>[\uac00-\ud7a3]{1,8})\s+(?P<name>[\uac00-\ud7a3]{1,6}(?:\s[\uac00-\ud7a3]{1,6}){0,3})"
    r"\s*(?:[,，][^()\n]{0,40})?\)"
)
_KO = load_korean()
_BODY_BEFORE = re.compile(
    alternation(_KO.marks_for("body_prefix"))
    + r"?(?P<word>[\uac00-\ud7a3A-Za-z][\uac00-\ud7a3A-Za-z0-9&]{1,20})"
    + alternation(_KO.marks_for("body_suffix"))
    + "?$"
)
_REPORTER = re.compile(
    r"(?P<name>[\uac00-\ud7a3]{2,4})\s?(?P<role>" + "|".join(_KO.titles_for("short")) + ")"
    r"(?=\s*(?:[=\]】)>|/]|[A-Za-z0-9._%+-]+@|\n|$))"
)
_TOKEN = re.compile(r"[\uac00-\ud7a3A-Za-z0-9]{2,16}")
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]{1,7}$")


def _mention_cls():
    from newskg.extract.mentions import Mention

    return Mention


def paren_heads(b: Any, lex: Lexicon, gaz: Any, text: str, off: int) -> None:
    """ "X(대표 NAME)", "X(시장 NAME, Latin)": NAME holds the title in X, the name just before."""
    from newskg.extract.mentions import is_person_name

    Mention = _mention_cls()
    for m in _PAREN_HEAD.finditer(text):
        role = lex.roles.get(m.group("title"))
        if role is None:
            continue
        name = m.group("name")
        parts = name.split(" ")
        if len(parts) == 1:
            if not is_person_name(name, lex):
                continue
        elif any(p in lex.roles or lex.ends_with(p, "descriptor") for p in parts) or len(name) > 16:
            continue
        ps = m.start() + off
        body = b.at(ps - 1, ps)
        if body is not None and (body.end != ps or body.type not in ("ORG", "LOC")):
            body = None
        if body is None and not role.place:
            bm = _BODY_BEFORE.search(text[: m.start()])
            if (
                bm is None
                or bm.start() > 0
                and not text[bm.start() - 1].isspace()
                and text[bm.start() - 1] not in "▲·,"
            ):
                continue
            word = bm.group("word")
            if lex.ends_with(word, "descriptor") or word in lex.roles:
                continue
            s = bm.start() + off
            cls = "Company" if role.name in ("대표", "대표이사", "사장") else "Organization"
            es = [g for g in gaz.lookup(word) if g.type == "ORG"]
            if es:
                from newskg.extract.mentions import _mk_gaz

                body = b.add(_mk_gaz(es[0], s, ps, text[bm.start() : m.start()], "paren_head"))
            else:
                label = text[bm.start() : m.start()]
                parent = b.at(s - 2, s - 1) if bm.start() > 0 and text[bm.start() - 1] == " " else None
                if parent is not None and parent.type == "ORG" and parent.end == s - 1:
                    # "새길대학교 산학협력단(단장 …)": a unit of the body named before it
                    b.items.remove(parent)
                    label = text[parent.start - off : m.start()]
                    s = parent.start
                body = b.add(Mention(s, ps, label, label, "ORG", cls, "paren_head", aliases=(word,)))
        ns = m.start("name") + off
        person = b.add(Mention(ns, ns + len(name), name, name, "PERSON", "Person", "paren_head", role=role))
        if person is not None:
            person.extra["aside"] = True
            if body is not None:
                person.role_target = body


def is_outlet(tok: str, lex: Lexicon, gaz: Any) -> bool:
    """Whether a byline word names a news outlet (the media gazetteer, or an outlet ending: …일보, …뉴스)."""
    if any(g.type == "ORG" and g.cls == "NewsMediaOrganization" for g in gaz.lookup(tok)):
        return True
    return len(tok) >= 3 and lex.ends_with(tok, "outlet_end")


def bylines(b: Any, lex: Lexicon, gaz: Any, text: str, off: int) -> None:
    """A reporter's name before 기자 in a byline, with the outlet named in the same byline."""
    from newskg.extract.mentions import _mk_gaz, is_person_name

    Mention = _mention_cls()
    for m in _REPORTER.finditer(text):
        name = m.group("name")
        s, e = m.start("name") + off, m.end("name") + off
        if not is_person_name(name, lex) or not b.free(s, e):
            continue
        if m.start() > 0 and text[m.start() - 1] not in " \t\n=[(【<|/":
            continue  # part of a longer word
        # the byline: from the last line break (at most 50 characters back) to 40 after
        lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 50)
        window_before = text[lo : m.start()]
        window_after = text[m.end() : m.end() + 40]
        if not re.search(r"[\[(【<=/|]|^\s*$", window_before) and "@" not in window_after:
            continue  # a name before 기자 in running text ("… 김민수 기자가 전했다") is left to other rules
        outlet = None
        cands = [(lo + t.start(), t.group()) for t in _TOKEN.finditer(window_before)]
        ca = re.search(r"(?:ⓒ|©|저작권자\s?ⓒ?)\s*(?P<o>[\uac00-\ud7a3A-Za-z0-9]{2,16})", window_after)
        if ca:
            cands.append((m.end() + ca.start("o"), ca.group("o")))
        for pos, tok in sorted(cands, key=lambda c: abs(c[0] - m.start())):
            if tok != name and is_outlet(tok, lex, gaz):
                outlet = (pos, tok)
                break
        om = None
        if outlet is not None:
            pos, tok = outlet
            om = b.at(pos + off, pos + off + len(tok))
            if om is None:
                es = [g for g in gaz.lookup(tok) if g.type == "ORG"]
                om = b.add(
                    _mk_gaz(es[0], pos + off, pos + off + len(tok), tok, "byline")
                    if es
                    else Mention(
                        pos + off, pos + off + len(tok), tok, tok, "ORG", "NewsMediaOrganization", "byline"
                    )
                )
            elif om.type != "ORG":
                om = None
        person = b.add(
            Mention(s, e, name, name, "PERSON", "Person", "byline", role=lex.roles.get(m.group("role")))
        )
        if person is not None and om is not None:
            person.role_target = om


def foreign_titled(b: Any, lex: Lexicon, words: list, text: str, off: int) -> None:
    """A foreign name of two to four words before a title, the body or country possibly between:
    "도미야마 겐타 사장", "알렉산드르 코발 우크라이나 대사", "응우옌 반 탄 인민위원장"."""
    Mention = _mention_cls()
    starts = lex.words.get("foreign_name_start", frozenset())
    for k, w in enumerate(words):
        core = w.core
        role = lex.roles.get(core) or lex.role_suffix(core)
        if role is None or w.kind != "N":
            continue
        j = k - 1
        envoy = lex.words.get("envoy_prefix", frozenset())
        envoy_seen = False
        while j >= 0:
            pm = b.at(words[j].start, words[j].end)
            if pm is not None and pm.type in ("ORG", "LOC") and not words[j].particle:
                j -= 1
                continue
            if words[j].text in envoy:  # "… 주한 몽골 대사"
                envoy_seen = True
                j -= 1
                continue
            if words[j].text in _KO.title_formers:
                j -= 1  # "… 독일 전 총리"
                continue
            break
        run: list = []
        while (
            j >= 0
            and len(run) < 4
            and _run_word(words[j], lex, starts)
            and b.free(words[j].start, words[j].end)
        ):
            run.insert(0, words[j])
            j -= 1
        # "도미야마 겐타 사장": a bare city name of the gazetteer may be the family name
        pm = (
            b.at(words[j].start, words[j].end)
            if run and j >= 0 and _run_word(words[j], lex, starts)
            else None
        )
        if (
            pm is not None
            and pm.type == "LOC"
            and pm.gaz is not None
            and pm.gaz.cls == "City"
            and (pm.start, pm.end) == (words[j].start, words[j].end)
            and not words[j].text.endswith(_KO.place_suffixes)  # "솔내시 응우옌 반 탄 …": the city
        ):
            run.insert(0, words[j])
            j -= 1
        while len(run) >= 2 and not _name_start(run[0], starts):
            run.pop(0)
        firm = None
        if len(run) >= 3 and run[-1] is words[k - 1] and ends_like_company(run[-1].text):
            firm = run.pop()  # "모리 겐타 가온링크 대표": a company's name before the title
        # "싱무카 주한 X대사": one word before an envoy's title, if it is no Korean name
        alone = len(run) == 1 and envoy_seen and len(run[0].text) >= 3 and _name_start(run[0], starts)
        if not (len(run) >= 2 or alone) or any(_korean_name(x.text, run, lex) for x in run):
            continue
        if j >= 0:
            prev = words[j]
            if not (
                prev.particle
                or prev.kind in ("P", "S", "A")
                or "SN" in prev.tags
                or prev.core in lex.roles
                or _body_at(b, prev)  # "가람정밀 모리 겐타 대표"
                or lex.ends_with(prev.core, "descriptor")  # "가람그룹 모리 겐타 대표"
                or re.search(r"[,·()\[\]]", text[prev.end - off : run[0].start - off])  # the list's comma
            ):
                continue  # the run may go on to the left: not sure where the name starts
        s, e = run[0].start, run[-1].end
        covering = [m for m in b.items if m.start < e and s < m.end]
        for m in covering:
            b.items.remove(m)
        name = text[s - off : e - off]
        b.add(Mention(s, e, name, name, "PERSON", "Person", "foreign_title"))
        if firm is not None and b.free(firm.start, firm.end):
            b.add(Mention(firm.start, firm.end, firm.text, firm.text, "ORG", "Company", "foreign_title"))


def _body_at(b: Any, w: Any) -> bool:
    """Whether the word is the mention of a body or place."""
    m = b.at(w.start, w.end)
    return m is not None and m.type in ("ORG", "LOC")


def _korean_name(word: str, run: list, lex: Lexicon) -> bool:
    """Whether a word of a run looks like a Korean full name, so the run is no foreign name:
    "손하람 가온테크 대표" is a Korean and a company, "오카키 마사루 대표" one Japanese person (a
    syllable Korean names never use; a two-syllable word counts only in a run without one)."""
    from newskg.extract.mention_base import is_person_name, sounds_foreign

    if len(word) > 3 or not is_person_name(word, lex) or sounds_foreign(word):
        return False
    return len(word) == 3 or not any(sounds_foreign(x.text) for x in run)


def _run_word(w: Any, lex: Lexicon, starts: frozenset[str]) -> bool:
    """A word that may be part of a foreign name: one proper noun, or one syllable ("반", "티")."""
    if w.kind not in ("N", "M") or w.particle or not _HANGUL_WORD.match(w.text):
        return False
    if w.text in lex.roles or len(w.tags) != 1 or lex.ends_with(w.text, "descriptor"):
        return False  # "가람그룹 모리 겐타 대표": the company is no part of the name
    return w.tags == ("NNP",) or len(w.text) == 1 or w.text in starts


def _name_start(w: Any, starts: frozenset[str]) -> bool:
    return w.tags == ("NNP",) and len(w.text) >= 2 or w.text in starts


def title_then_name(b: Any, lex: Lexicon, words: list) -> None:
    """ "한빛정밀 대표 박서준씨가", "새길대학교 총장 오하늘은": a Korean full name right after a title that
    follows the name of a body holds that title in the body."""
    from newskg.extract.mentions import is_person_name

    Mention = _mention_cls()
    for k in range(1, len(words) - 1):
        w, nw = words[k], words[k + 1]
        role = lex.roles.get(w.text)
        if role is None or role.relation not in ("headOf", "worksFor"):
            continue
        body = b.at(words[k - 1].start, words[k - 1].end)
        if body is None or body.type not in ("ORG", "LOC") or body.end != words[k - 1].end:
            continue
        if words[k - 1].particle or body.cls in ("Country", "NewsMediaOrganization"):
            continue
        if nw.start != w.end + 1 or w.particle:
            continue  # "… 협회 회장, 박서준 …": a list of name-body-title items, not a title before its name
        if k >= 2:
            pw = words[k - 2]
            pm = b.at(pw.start, pw.end)
            if (pm is not None and pm.type == "PERSON") or (not pw.particle and is_person_name(pw.core, lex)):
                continue  # "박서준 새길협회 회장 오하늘": the title is the first name's
        name = nw.core[:-1] if nw.core.endswith(_KO.honorifics) and len(nw.core) == 4 else nw.core
        if len(name) != 3 or not is_person_name(name, lex) or not b.free(nw.start, nw.start + len(name)):
            continue
        if name in lex.roles or lex.ends_with(name, "descriptor"):
            continue
        person = b.add(
            Mention(nw.start, nw.start + len(name), name, name, "PERSON", "Person", "title_first", role=role)
        )
        if person is not None:
            person.role_target = body
