"""Short-form coreference: "시는", "박 시장", "이 회사", "양 도시", "대표단" become mentions with a `ref`
that the entity step resolves to the article's entities."""

from __future__ import annotations

from newskg.extract.lexicon import Lexicon
from newskg.extract.mention_base import _HANGUL, _KO, Mention, _Builder, surnames
from newskg.extract.role_link import _title_of
from newskg.extract.syntax import Word

__all__: list[str] = []


_DEMONSTRATIVES = ("이", "같은", "해당", "동")
_ANAPHORS = {
    "회사": ("company", "Company"),
    "기업": ("company", "Company"),
    "업체": ("company", "Company"),
    "대학": ("university", "University"),
    "대학교": ("university", "University"),
}


def _short(start: int, end: int, text: str, label: str, type_: str, cls: str, ref: str) -> Mention:
    """A short form ("시는", "양국", "이 회사"): a mention the entity step resolves through `ref`."""
    return Mention(start, end, text, label, type_, cls, "short", ref=ref)


def _anaphoric_bodies(b: _Builder, words: list[Word]) -> None:
    """ "이 회사", "이 대학": made before role linking, so that "이 대학 OO학과 박서준 교수" links the
    person to the body the words refer to."""
    for k in range(1, len(words)):
        w, prv = words[k], words[k - 1]
        if prv.text not in _DEMONSTRATIVES or w.core not in _ANAPHORS or not b.free(prv.start, w.end):
            continue
        ref, cls = _ANAPHORS[w.core]
        b.add(_short(prv.start, w.start + len(w.core), prv.text + " " + w.core, w.core, "ORG", cls, ref))


def _councils(b: _Builder, lex: Lexicon, words: list[Word], title_words: dict) -> None:
    """ "군의회 의장", "군의회의장": the council of the article's city, county or province written bare
    before a title. Made before role linking, so that "박서준 군의회 의장" is a person heading it; the
    entity step names it after the place ("OO군" → "OO군의회"). A bare council without a title
    ("시의회 의견") is left alone: it is often some other town's, and rarely a name."""
    for k, w in enumerate(words):
        core = w.core
        word = next((c for c in _KO.bare_councils if core.startswith(c)), None)
        if word is None or w.kind != "N" or not b.free(w.start, w.start + len(word)):
            continue
        if core == word:
            nxt = words[k + 1] if k + 1 < len(words) and not w.particle else None
            role = lex.roles.get(nxt.core) if nxt is not None else None
        else:
            role = lex.roles.get(core[len(word) :])
        if role is None or role.relation not in ("headOf", "worksFor"):
            continue
        before = b.at(words[k - 1].start, words[k - 1].end) if k > 0 and not words[k - 1].particle else None
        if before is not None and before.type == "LOC":
            continue  # "평택 시의회 의장": the place is named
        m = b.add(
            _short(w.start, w.start + len(word), word, word, "ORG", "GovernmentOrganization", "council")
        )
        if m is not None and core != word:
            title_words[k] = (role, m)


def _named_delegations(b: _Builder, words: list[Word], qualified_only: bool = True) -> None:
    """ "OO군 우호대표단", "OO시의회 국제교류단": a delegation named by its place or body and a word for
    the group that says what it is (more than the bare "대표단"), one organisation of both words."""
    for k in range(1, len(words)):
        w, pw = words[k], words[k - 1]
        core = w.core
        end = next((d for d in _KO.delegation_ends if core.endswith(d)), None)
        if end is None or w.kind != "N" or pw.particle or not _HANGUL.match(core):
            continue
        if qualified_only and len(core) == len(end):
            continue
        pm = b.at(pw.start, pw.end)
        if pm is None or pm.type not in ("LOC", "ORG") or (pm.start, pm.end) != (pw.start, pw.end):
            continue
        if pm.cls in ("Country", "NewsMediaOrganization") or w.start != pw.end + 1:
            continue
        if not b.free(w.start, w.start + len(core)):
            continue
        b.items.remove(pm)
        label = f"{pm.text} {core}"
        mm = Mention(pw.start, w.start + len(core), label, label, "ORG", "Organization", "delegation_name")
        mm.extra["org_part"] = pm
        b.add(mm)


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
            # "야마모토 대표" of "야마모토 다이치": a word of a foreign name met before, though it is also a
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
            b.add(_short(w.start, w.start + 1, "시", "시", "LOC", "City", "city"))
        elif (
            core == "도"
            and w.particle
            and w.particle != w.text
            or (core == "도" and nxt and nxt.core in ("관계자", "측", "당국"))
        ):
            b.add(_short(w.start, w.start + 1, "도", "도", "LOC", "AdministrativeArea", "province"))
        elif (
            prv is not None
            and prv.text in ("양", "두")
            and core in ("도시", "시", "지역", "도", "지자체")
            or prv is not None
            and prv.text in ("두", "양")
            and core in ("시장", "단체장")
        ):
            b.add(_short(prv.start, w.start + len(core), prv.text + " " + core, core, "LOC", "Place", "pair"))
        elif core == "양국" or (prv is not None and prv.text in ("양", "두") and core in ("나라", "국")):
            # "양국은", "양국 정부는", "두 나라는": the two countries of the story (entities.py)
            st = prv.start if core != "양국" else w.start
            b.add(_short(st, w.start + len(core), core, core, "LOC", "Country", "pair_countries"))
        elif (prv is not None and prv.text in ("양", "두") and core in ("기관", "단체", "회사")) or (
            core in ("양측", "양사", "양기관") and w.particle
        ):
            # "양 기관은", "양측은": the two bodies just named
            st = prv.start if core in ("기관", "단체", "회사") else w.start
            b.add(_short(st, w.start + len(core), core, core, "ORG", "Organization", "pair_bodies"))
        elif (
            prv is not None and prv.text in ("이", "같은", "해당", "동") and core in ("회사", "기업", "업체")
        ):
            b.add(
                _short(
                    prv.start, w.start + len(core), prv.text + " " + core, core, "ORG", "Company", "company"
                )
            )
        elif core in ("양사",):
            b.add(_short(w.start, w.start + len(core), core, core, "ORG", "Company", "pair_company"))
        elif core in delegations or (
            core.endswith(tuple(delegations)) and len(core) <= 6 and core[:2] != "경제"
        ):
            b.add(_short(w.start, w.start + len(core), core, core, "ORG", "Organization", "delegation"))
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
