"""Role linking: a person's name with a title, the title's body or place in between or glued on
("한도윤 천안상공회의소 회장", "박서진 원주시장")."""

from __future__ import annotations

import re

from newskg.extract.lexicon import Lexicon, Role
from newskg.extract.mention_base import _HANGUL, _KO, Mention, _Builder, is_person_name
from newskg.extract.syntax import Word

__all__: list[str] = []


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
        if m is None and _ministry_word(r, body) and b.free(w.start, w.start + len(body)):
            # "누리개발부장관": the minister's ministry, one the gazetteer does not know
            mm = Mention(w.start, w.start + len(body), body, body, "ORG", "GovernmentOrganization", "title")
            return r, b.add(mm)
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


def _ministry_word(r: Role, body: str) -> bool:
    """A minister's title (korean.tsv ministry_title) after a Hangul word of three syllables or
    more ending in 부: that word is the ministry."""
    ministry = len(body) >= 3 and body.endswith("부") and bool(_HANGUL.match(body))
    return ministry and r.name in _KO.ministry_titles


_BODY_END = re.compile("(?:" + "|".join(_KO.body_ends) + ")$")

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
            if mm is None and _is_unit(kw) and j > 0:
                j -= 1  # "한빛대 상주캠퍼스 부총장": a unit of the body stands between body and title
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
            # "20년 동안 …본부 상무": two syllables Kiwi reads as a common noun, no body before them
            and (len(nw.text) > 2 or "NNP" in nw.tags or (not between and _body_before(b, flat, j)))
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
                part = between[-1].extra.get("org_part")
                if between[-1].type == "LOC" and part is not None and role.relation == "worksFor":
                    person.role_target = part  # "한빛대 상주캠퍼스 부총장" works for the university
            else:
                # the body right before the name: "한밭대 오채린 교수", "LOC의 NAME TITLE"
                if j > 0:
                    pw = flat[j - 1][1]
                    if j > 1 and b.at(pw.start, pw.end) is None and _is_unit(pw):
                        pw = flat[j - 2][1]  # "한빛상의 국제통상팀 오채린 과장": the body before the unit
                    pm = b.at(pw.start, pw.end)
                    if (
                        pm is not None
                        and pm.type in ("ORG", "LOC")
                        and (not pw.particle or pw.particle == "의")
                    ):
                        person.role_target = pm


def _is_unit(w: Word) -> bool:
    """A word naming a unit inside a body ("국제통상팀", "상주캠퍼스", "소프트웨어학과")."""
    core = w.core
    return (
        not w.particle
        and w.kind == "N"
        and _HANGUL.match(core) is not None
        and any(core.endswith(u) and len(core) > len(u) for u in _KO.unit_ends)
    )


def _body_before(b: _Builder, flat: list, j: int) -> bool:
    if j == 0:
        return False
    pw = flat[j - 1][1]
    pm = b.at(pw.start, pw.end)
    return pm is not None and pm.type in ("ORG", "LOC") and not pw.particle
