"""Trips told without a visit verb with its object.

Korean news often writes the place of a visit bare before the visit word, with at most a word of the
kind of visit between them: "A 대통령은 베트남 국빈 방문해 …", "A 시장은 솔내시청 방문, …". The
place is then the object of 방문 as much as in "베트남을 방문해". And taking part in an event held
at a site away from home ("A 군수는 X군청에서 열린 협약식에서 …") is a visit to the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newskg.extract.entities import Ent
from newskg.extract.lexicon import Lexicon
from newskg.extract.syntax import Clause, Phrase, Sentence

__all__ = ["bare_visit_object", "event_site_visits", "own_ground", "told_visit_end"]

# the visit word as a verb of what happened or is going on (not "방문할", "방문 예정")
_VISIT_AFTER = re.compile(r"^\s?(?:방문|순방)(?:해|하고|하여|하며|했|하였|한\s|,|\s?중)")
_VISIT_END = re.compile(r"\s?(?:방문|순방)$")


def bare_visit_object(sent: Sentence, p: Phrase, lex: Lexicon) -> bool:
    """Whether `p`, a phrase without a particle, names the place or body of the visit word right
    after it: its head mention (not a person) ends it, or only a word of the kind of visit follows."""
    if p.particle not in ("", ",") or p.case or p.head is None or p.head.entity is None:
        return False
    if p.head.type == "PERSON":
        return False
    rest = p.text[p.head.end - p.start :]
    if p.particle and rest.endswith(p.particle):
        rest = rest[: -len(p.particle)]
    rest = rest.strip()
    if p.particle == ",":
        # "A 시장은 솔내구의회 방문, 만찬을 가졌다": the visit word closes the phrase itself
        rest = _VISIT_END.sub("", rest)
        return rest == "" or rest in lex.words.get("visit_manner", ())
    if rest and rest not in lex.words.get("visit_manner", ()):
        return False
    return bool(_VISIT_AFTER.match(sent.span_text(p.end, p.end + 8)))


# the clause that places an event: "X에서 열린", "X에서 개최된" (not "열리는", "열릴": still to come)
_HELD = re.compile(r"(?:열린|개최된|진행된)$")


def _away(site: Ent, home: Ent | None, is_kr: Callable[[Ent], bool], has: Callable[..., bool]) -> bool:
    """Whether `site` lies outside `home` (the body or place the person heads); a Korean site needs
    a known home, and a province or country at home is never away."""
    if site.cls == "NewsMediaOrganization":
        return False
    if home is None:
        return not is_kr(site) and site.type == "LOC"
    if site is home or has(site, "locatedIn", home) or has(home, "locatedIn", site):
        return False
    if home.in_place is site or site.in_place is home:
        return False
    g = home.gaz
    if g is not None and getattr(g, "parent", None) and getattr(g, "parent", None) == site.key:
        return False
    stem = home.label[:-1] if len(home.label) > 2 else home.label
    if site.label.startswith(stem):
        return False  # "화순군청", "화순군의회" of 화순군
    return not (is_kr(site) and site.cls in ("Country", "AdministrativeArea"))


def event_site_visits(
    sent: Sentence,
    lex: Lexicon,
    is_kr: Callable[[Ent], bool],
    body_of: Callable[[Ent], Ent | None],
    has: Callable[..., bool],
) -> list[tuple[Ent, Ent]]:
    """(person, site) of "A 군수는 X에서 열린 협약식에서 …" and "X에서 열린 협약식에는 A와 B가 참석했다":
    who takes part in an event held at a site away from home visits the site."""
    events = tuple(lex.words.get("event_noun", ()))
    modal = tuple(lex.words.get("modality", ()))
    out: list[tuple[Ent, Ent]] = []
    for c in sent.clauses:
        ev = c.next_phrase
        if not c.relative or ev is None or ev.mentions or not _HELD.search(c.text.rstrip()):
            continue
        if not ev.particle.startswith(("에서", "에")) or not any(w in ev.text for w in events):
            continue
        if any(w in sent.text[ev.end - sent.start :] for w in modal):
            continue  # "… 협약식에 참석할 예정이다": not yet
        sites = [
            p.head.entity
            for p in c.phrases
            if p.particle.startswith("에서") and p.head is not None and p.head.entity is not None
            if p.head.type in ("LOC", "ORG")
        ]
        if not sites:
            continue
        people = [
            (p.head.entity, False)
            for p in c.phrases
            if p.case == "subj"
            and p.head is not None
            and p.head.entity is not None
            and p.head.type == "PERSON"
        ]
        if ev.particle in ("에는", "에도"):
            # "X에서 열린 협약식에는 A 군수와 B 시장 등이 참석했다": each attendee with a known home
            k = sent.phrases.index(ev)
            for p in sent.phrases[k + 1 :]:
                if not (p.case in ("subj", "comp") or p.particle == ","):
                    break
                if p.head is not None and p.head.entity is not None and p.head.type == "PERSON":
                    people.append((p.head.entity, True))
        for person, listed in people:
            home = body_of(person)
            if listed and home is None:
                continue
            out.extend((person, s) for s in sites if _away(s, home, is_kr, has) and (person, s) not in out)
    return out


def own_ground(a: Ent, t: Ent, has: Callable[..., bool], party_of: Callable[[Ent], Ent | None]) -> bool:
    """Whether `t` is where the visitor `a` already is: a venue or landmark ("솔내왕릉 등이 있는 X로")
    goes nowhere, and a place or body does not visit the place it lies in or travels for ("X군
    우호대표단" in X군)."""
    if a.type == "LOC" and a.cls == "Facility":
        return True
    if a.type == "PERSON":
        return False
    return has(a, "locatedIn", t) or party_of(a) is t


def told_visit_end(c: Clause, masked_clause: str, cues: tuple[str, ...]) -> int | None:
    """Where the phrase ends when a clause names the visit only as its subject: "이번 방문은 X의
    초청으로 이뤄졌다", "방문은 Y 30주년을 기념한 것으로": what follows tells how the visit came
    about, so the places there are no stops; the place before the visit word still is ("X 방문은").
    None when a cue also occurs outside such a subject phrase."""
    ends = []
    for p in c.phrases:
        noun = p.text[: len(p.text) - len(p.particle)].rstrip() if p.particle else p.text
        if p.case == "subj" and noun.endswith(cues):
            ends.append(p)
    if not ends:
        return None
    rest = masked_clause
    for p in ends:
        a = p.start - c.start
        rest = rest[:a] + " " * (p.end - p.start) + rest[p.end - c.start :]
    if any(cue in rest for cue in cues):
        return None
    return ends[0].end
