"""Planned and failed events told in the shapes the status passes of `relations` do not read.

The passes of `relations.find_relations` re-run the event rules on sentences with a plan or a
negation word, so they find "A시는 B사와 협약을 맺을 계획이었으나 무산됐다". Korean news more often
tells an unrealised event as a noun phrase with the status at the end, and the counterpart in a
"와의" phrase or named before the event noun; the agent is then the sentence's subject, the party
the story follows, or the main party of the agreements the article reports:

- "당초 체결할 예정이던 A사와의 투자 협약은 이견으로 무산됐다" (the place signs, A invests: failed)
- "함께 서명할 예정이던 B공사와의 협약은 다음 달로 연기됐다" (postponed: planned)
- "C사가 추진하던 D사 인수도 무산됐다" (C invests in D: failed)
- "이번 협약에 참여할 예정이던 E사는 불참을 통보했다" (E with the parties of the agreement: failed)
- "시는 오는 11월 F에 사절단을 파견할 계획이다", "G에서 열리는 박람회에 참가할 예정이다" (visits)
- "현지 진출을 검토하겠다" (the company and the place courting it: investsIn, planned)

`add_unrealised` adds what it finds with status ``planned`` or ``failed`` unless the fact is already
found; a done fact stays done unless this sentence is the one it came from and says it failed.
The words are in ``data/unrealised.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from newskg.extract.entities import Ent
from newskg.extract.lexicon import data_entries
from newskg.extract.qualify import find_all
from newskg.extract.relations import Found, body_of, intention_at, party_of, phrase_head
from newskg.extract.syntax import Sentence
from newskg.extract.when import companions
from newskg.ontology.errors import PipelineError
from newskg.ontology.vocab import predicates, tie_kinds

__all__ = ["add_unrealised"]

_KINDS = (
    "failed", "postponed", "notyet", "plan", "event", "venue", "attend", "local", "mute", "signed",
    "ahead", "ahead_l", "ahead_d", "visit_verb",
)  # fmt: skip
_EVENT_KINDS = ("sign", "deal", "invest", "visit", "join", "seek", "ask", "tie", "meet")
# a past-tense verb that ends a clause: what came before it happened ("체결했으나 …")
_PAST = re.compile(r"(?:했|었|았|였|됐)(?:다|고|으며|으나|지만|는데)")
_TOGETHER = re.compile(r"^\s?함께")
# what follows a tie word that is itself the event ("자매결연이 무산", "자매결연 협상이 결렬"), not an
# attribute ("자매도시인"), an anniversary ("20주년") or the exchanges of a standing tie ("자매결연 교류가
# 중단됐다")
_TIE_EVENT = re.compile(
    r"(?:이|은|는|가|도|을|를)?\s?(?:(?:협상|협약|협정|체결|추진|논의|계획)|(?:이|은|는|가|도|을|를)(?![가-힣]))"
)
_SUBJECT_TAIL = {"", "시", "도", "군", "주", "성", "현", "측", "정부", "당국", "일행", "양측"}


@dataclass(frozen=True)
class _Words:
    failed: tuple[str, ...]
    postponed: tuple[str, ...]
    notyet: tuple[str, ...]
    plan: tuple[str, ...]
    events: tuple[tuple[str, str], ...]  # (word, kind), longest word first
    venue: tuple[str, ...]
    attend: tuple[str, ...]
    local: tuple[str, ...]
    mute: tuple[str, ...]
    signed: tuple[str, ...]
    ahead: tuple[str, ...] = ()
    ahead_l: tuple[str, ...] = ()
    ahead_d: tuple[str, ...] = ()
    visit_verbs: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _words() -> _Words:
    path, entries = data_entries("unrealised.tsv", "unrealised-event word list")
    got: dict[str, list[str]] = {k: [] for k in _KINDS}
    events: list[tuple[str, str]] = []
    for n, line in entries:
        kind, word, value = (line.split("\t") + ["", ""])[:3]
        if kind not in _KINDS or not word or (kind == "event" and value not in _EVENT_KINDS):
            raise PipelineError(f"{path}:{n}: bad entry {line!r}; see the comment at the top of the file")
        if kind == "event":
            events.append((word, value))
        else:
            got[kind].append(word)

    def longest(ws: list[str]) -> tuple[str, ...]:
        return tuple(sorted(ws, key=len, reverse=True))

    return _Words(
        longest(got["failed"]),
        longest(got["postponed"]),
        longest(got["notyet"]),
        longest(got["plan"]),
        tuple(sorted(events, key=lambda e: len(e[0]), reverse=True)),
        longest(got["venue"]),
        longest(got["attend"]),
        longest(got["local"]),
        longest(got["mute"]),
        longest(got["signed"]),
        longest(got["ahead"]),
        longest(got["ahead_l"]),
        longest(got["ahead_d"]),
        longest(got["visit_verb"]),
    )


@dataclass(frozen=True)
class _Status:
    status: str  # planned | failed
    negative: bool  # told by a failure, postponement or "not this time" word (not a plan word alone)
    at: int  # offset in the sentence of the word that tells it


def _status(text: str, w: _Words) -> _Status | None:
    """The status the sentence tells, or None when it tells none."""
    failed = find_all(text, w.failed)
    if failed:
        return _Status("failed", True, failed[-1])
    later = find_all(text, w.postponed)
    if later:
        return _Status("planned", True, later[-1])
    # "밝히지 않았다": what a party did not tell is no event that did not happen
    notyet = [
        i
        for i in find_all(text, w.notyet)
        if not any(text[max(0, i - 5) : i].rstrip().endswith(m) for m in w.mute)
    ]
    plans = find_all(text, w.plan)
    if notyet:
        return _Status("planned" if plans else "failed", True, notyet[-1])
    if plans:
        return _Status("planned", False, plans[-1])
    return None


def _is_party(e: Ent | None) -> bool:
    return e is not None and e.type in ("ORG", "LOC") and e.cls != "NewsMediaOrganization"


def _subjects(sent: Sentence) -> list[tuple[int, list[Ent]]]:
    """The agents the sentence names, with their sentence offsets: subject phrases that end in their
    name ("A시는", "김 시장이", "시는", "양국이"), not ones that merely hold a name ("A사와의 협약은")."""
    out = []
    for p in sent.phrases:
        if p.case != "subj" or not p.mentions:
            continue
        h = p.head
        if h is None or h.entity is None:
            continue
        rest = p.text[h.end - p.start :]
        if p.particle and rest.endswith(p.particle):
            rest = rest[: -len(p.particle)]
        rest = re.sub(r"\([^)]*\)", "", rest).strip(" '\"‘’“”,")
        if h.type == "PERSON" or h.extra.get("pair") or rest in _SUBJECT_TAIL:
            out.append((p.start - sent.start, phrase_head(p)))
    return out


def _subject(sent: Sentence) -> list[Ent]:
    """The sentence's first agent (`_subjects`), or none."""
    subs = _subjects(sent)
    return subs[0][1] if subs else []


def _in_reference(sent: Sentence, at: int) -> bool:
    """Whether the word at sentence offset `at` sits in a place phrase ("이번 계약에 포함되지 않았다",
    "협약에 따라"): the agreement is referred to there, it is not the event the status is about; "협정서에
    서명할" signs it."""
    for p in sent.phrases:
        if p.start - sent.start <= at < p.end - sent.start:
            return p.case == "loc" and not (p.after is not None and p.after.text.startswith("서명"))
    return False


class _Article:
    """What the rules need of the whole article: its done agreements and courted companies."""

    def __init__(self, found: list[Found]) -> None:
        done = [f for f in found if f.status == "done"]
        self.agreements = sorted(
            (f for f in done if f.predicate == "signsAgreementWith"), key=lambda f: f.sentence.start
        )
        self.courted: dict[str, list[Ent]] = {}  # seeker id -> companies it courts
        self.seekers: dict[str, list[Ent]] = {}  # company id -> places or bodies courting it
        for f in sorted(done, key=lambda f: f.sentence.start):
            if f.predicate == "seeksInvestmentFrom":
                if f.object not in self.courted.setdefault(f.subject.id, []):
                    self.courted[f.subject.id].append(f.object)
                if f.subject not in self.seekers.setdefault(f.object.id, []):
                    self.seekers[f.object.id].append(f.subject)
        self.seeker_ents = {f.subject.id: f.subject for f in done if f.predicate == "seeksInvestmentFrom"}
        # the cities and provinces companies invest in, for "현지" when no place courts the company
        self.sites: list[Ent] = []
        for f in done:
            o = f.object
            if f.predicate == "investsIn" and o.cls in ("City", "AdministrativeArea") and o not in self.sites:
                self.sites.append(o)

    def local(self, company: Ent) -> list[Ent]:
        """The place meant by "현지" for the company: the ones courting it, else the one place the
        article's companies invest in."""
        return self.seekers.get(company.id) or (self.sites if len(self.sites) == 1 else [])

    def parties(self, f: Found) -> list[Ent]:
        """The parties of the agreement of `f`'s sentence, in the order the sentence names them (a
        party carried from before first)."""
        same = [g for g in self.agreements if g.sentence is f.sentence]
        ents = {e.id: e for g in same for e in (g.subject, g.object)}

        def pos(e: Ent) -> int:
            starts = [
                m.start
                for m in f.sentence.mentions
                if m.entity is e
                or (m.entity is not None and m.entity.type == "PERSON" and body_of(m.entity) is e)
            ]
            # a party the sentence does not name is the one carried from before: the story's own
            return min(starts, default=-1)

        return sorted(ents.values(), key=pos)

    def main_party(self) -> Ent | None:
        """The party named first in the article's first agreement ("A시와 B원, C사는 … 체결했다": A)."""
        if not self.agreements:
            return None
        return self.parties(self.agreements[0])[0]

    def joined(self, sent: Sentence, this_one: bool) -> list[Ent]:
        """The parties of the agreement a would-be party was to join: the article's first one for
        "이번 협약", else the one reported last before this sentence."""
        if not self.agreements:
            return []
        if this_one:
            return self.parties(self.agreements[0])
        before = [f for f in self.agreements if f.sentence.start < sent.start]
        return self.parties(before[-1]) if before else []


def _allowed(s: Ent, p: str, o: Ent) -> tuple[Ent, Ent] | None:
    """The (subject, object) the ontology allows for `p`, ordered for a symmetric predicate."""
    pred = predicates()[p]
    if s.id == o.id:
        return None
    forward = s.type in pred.domain and o.type in pred.range
    if not forward and not (pred.symmetric and o.type in pred.domain and s.type in pred.range):
        return None
    if pred.symmetric and o.id < s.id:
        s, o = o, s
    return s, o


def _counterparts(sent: Sentence, lo: int, hi: int, exclude: list[Ent]) -> list[Ent]:
    """Parties of "X와의"/"X와" phrases between offsets lo and hi (sentence offsets), not "X와 함께"."""
    out: list[Ent] = []
    for p in sent.phrases:
        if p.case != "comp" or not (lo <= p.start - sent.start and p.end - sent.start <= hi):
            continue
        if p.after is not None and _TOGETHER.match(p.after.text):
            continue
        for e in phrase_head(p):
            e = party_of(e) or e
            if _is_party(e) and e not in out and e not in exclude:
                out.append(e)
    return out


def _named_before(sent: Sentence, at: int) -> list[Ent]:
    """The party whose name ends right before the event word at sentence offset `at` ("D사 인수")."""
    out = []
    for m in sent.mentions:
        if m.entity is None or not _is_party(m.entity) or m.end - sent.start > at:
            continue
        gap = sent.text[m.end - sent.start : at]
        # "D사 인수", "D사의 인수", "D사의 배터리 공장 유치": the thing of the party the event is about
        if re.fullmatch(r"(?:\([^)]*\))?\s?(?:의\s(?:[가-힣A-Za-z]{1,5}\s){0,2})?", gap):
            out.append(m.entity)
    return out


def _pair_before(sent: Sentence, at: int) -> tuple[list[Ent], list[Ent]]:
    """The two sides of "A와 B의" right before the event word at sentence offset `at` ("A시와 B사의 투자
    협약은 무산됐다", "A 시장과 B 시장의 회담이 취소됐다"), or two empty lists."""
    phrases = sorted(sent.phrases, key=lambda p: p.start)
    for c, g in zip(phrases, phrases[1:], strict=False):
        if c.particle not in ("와", "과") or g.particle != "의" or not c.mentions or not g.mentions:
            continue
        if sent.text[c.end - sent.start : g.start - sent.start].strip():
            continue
        gap = sent.text[g.end - sent.start : at]
        if g.end - sent.start <= at and re.fullmatch(r"\s?(?:[가-힣A-Za-z]{1,6}\s?){0,2}", gap):
            return phrase_head(c), phrase_head(g)
    return [], []


def _places_at(sent: Sentence, lo: int, hi: int, particle: str) -> list[Ent]:
    """Places and bodies of the phrases with `particle` ("에" or "에서") between lo and hi."""
    out: list[Ent] = []
    for p in sent.phrases:
        if not (lo <= p.start - sent.start and p.end - sent.start <= hi):
            continue
        if particle == "에" and (p.particle not in ("에", "에도") or p.case != "loc"):
            continue
        if particle == "에서" and not p.particle.startswith("에서"):
            continue
        for m in p.mentions:
            e = m.entity
            if (
                e is not None
                and e.type in ("LOC", "ORG")
                and e.cls != "NewsMediaOrganization"
                and e not in out
            ):
                out.append(e)
    return out


def _hall_of_other(venue: Ent, parties: list[Ent]) -> bool:
    """Whether the venue is a building named after a place other than the parties' own ("B현청")."""
    p = venue.in_place
    return (
        p is not None
        and p is not venue
        and p.type == "LOC"
        and not any(_home(a, p) or a is p for a in parties)
    )


def _home(agent: Ent, place: Ent) -> bool:
    """Whether the place is the agent's own (a mayor at an event in her city is no visitor)."""
    body = party_of(agent) or agent
    return place is body or place.in_place is body or body.in_place is place


def _plan_near(text: str, start: int, end: int, w: _Words) -> bool:
    """A plan word that governs the event word at [start, end): in the relative clause right before
    it ("논의되고 있는 투자협약") or after it with no past-tense verb between ("체결을 … 전망이다")."""
    if any(p in text[max(0, start - 14) : start] for p in w.plan):
        return True
    return any(not _PAST.search(text[end : end + i]) for i in find_all(text[end:], w.plan))


def _neg_reaches(text: str, start: int, at: int, w: _Words) -> bool:
    """The status word at `at` is about the event at `start`: no clause that happened ends between
    them ("A사와 협약을 맺었으나 B사와의 계약은 결렬됐다" keeps the first), unless a plan word says the
    clause was a plan ("맺을 계획이었으나 무산됐다")."""
    if at < start:
        return False
    between = text[start:at]
    return all(any(p in between[: m.end()] for p in w.plan) for m in _PAST.finditer(between))


def _clause_start(text: str, at: int, w: _Words) -> int:
    """Where the part of the sentence that leads to the event word at `at` begins: after the last
    clause before it that happened ("A사와 협약을 체결했으나, B사와의 계약은": B's part)."""
    lo = 0
    for m in _PAST.finditer(text[:at]):
        if not any(p in text[lo : m.end()] for p in w.plan):
            lo = m.end()
    return lo


def _events(sent: Sentence, w: _Words) -> list[tuple[int, int, str]]:
    """Event words of the sentence as (start, end, kind); a longer word hides the shorter inside it."""
    out: list[tuple[int, int, str]] = []
    for word, kind in w.events:
        i = sent.text.find(word)
        while i >= 0:
            j = i + len(word)
            if not any(a < j and i < b for a, b, _k in out):
                out.append((i, j, kind))
            i = sent.text.find(word, i + 1)
    return sorted(out)


def _facts(
    sent: Sentence, st: _Status, art: _Article, carry: list[Ent], w: _Words
) -> list[tuple[Ent, str, Ent]]:
    """(subject, predicate, object) of the unrealised events the sentence tells."""
    text = sent.text
    subs = _subjects(sent)
    own = subs[0][1] if subs else []
    agent = own or carry
    out: list[tuple[Ent, str, Ent]] = []

    def governs(start: int, end: int) -> bool:
        if st.negative:
            return _neg_reaches(text, start, st.at, w)
        return _plan_near(text, start, end, w)

    def parties_of(ents: list[Ent]) -> list[Ent]:
        return [p for p in (party_of(e) for e in ents) if _is_party(p)]

    for start, end, kind in _events(sent, w):
        if not governs(start, end) or text[max(0, start - 8) : start].rstrip().endswith(w.signed):
            continue  # "지난해 체결한 투자협약을 바탕으로 … 계획이다": that agreement was made
        before = [ents for at, ents in subs if at < start]
        after = [ents for at, ents in subs if at > end]
        side_a, side_b = _pair_before(sent, start) if not before else ([], [])
        if kind in ("sign", "deal"):
            if _in_reference(sent, start):
                continue
            others: list[Ent] = []
            if side_a and side_b:  # "A시와 B사의 투자협약은 무산됐다"
                parties, others = parties_of(side_a), parties_of(side_b)
            elif before:  # "A시는 … B사와의 협약은", "C사가 추진하던 D사와의 계약"
                parties = parties_of(before[-1])
                if len(before[-1]) == 2 and len(parties) == 2:
                    parties, others = parties[:1], parties[1:]  # "양국이 추진해 온 협정"
            elif after:  # "함께 협약할 예정이던 E사는 …": the subject was to sign
                parties = parties_of(after[0])
            else:  # "예정이던 B공사와의 협약은 …": the article's main party
                main = art.main_party()
                parties = [main] if main is not None else parties_of(carry)
            others = others or _counterparts(sent, _clause_start(text, start, w), start, parties)
            if not others and kind == "sign":
                # "B현청에서 열리는 기념식에 참석하고 … 협정서에 서명할 계획이다": signed at the hall of
                # the place it is signed with
                others = [
                    v.in_place for v in _places_at(sent, 0, start, "에서") if _hall_of_other(v, parties)
                ]
            if not others:
                # "B시를 찾아 협약을 체결할 예정이다": the place visited in the clause chain before it
                others = [
                    e
                    for p in sent.phrases
                    if p.case == "obj"
                    and _clause_start(text, start, w) <= p.start - sent.start
                    and p.end - sent.start <= start
                    and p.after is not None
                    and p.after.text.startswith(w.visit_verbs)
                    for e in parties_of(phrase_head(p))
                    if not any(_home(a, e) for a in parties)
                ]
            if not others and kind == "deal":
                # "현재 논의되고 있는 투자협약": the one company the place courts
                for a in parties or list(art.seeker_ents.values()):
                    courted = art.courted.get(a.id, [])
                    if len(courted) == 1:
                        parties = parties or [a]
                        others = courted
                        break
            if not others and after and len(parties) == 1:
                main = art.main_party()
                if main is not None and main is not parties[0]:
                    others = [main]
            tied = any(text[:start].rstrip().endswith(c) for k in tie_kinds().values() for c in k.cues)
            for a in parties:
                for b in others:
                    out.append((a, "signsAgreementWith", b))
                    if tied and not st.negative:  # "자매결연 협약을 체결할 예정이다": the tie is planned too
                        out.append((a, "sisterCityOf", b))
                    if kind == "deal":
                        company, place = (b, a) if b.type == "ORG" and b.cls == "Company" else (a, b)
                        out.append((company, "investsIn", place))
        elif kind == "tie":
            # "A시와 B시의 자매결연이 무산됐다", "A시는 B시와의 자매결연 협상이 결렬됐다고 밝혔다"; not a tie
            # named as an attribute ("자매도시인 B시와의 협약은 …") or by its anniversary
            if not st.negative or not _TIE_EVENT.match(text[end:]):
                continue
            if side_a and side_b:
                sides = (side_a, side_b)
            elif before:
                sides = (before[-1], _counterparts(sent, _clause_start(text, start, w), start, before[-1]))
            else:
                continue
            for a in sides[0]:
                for b in sides[1]:
                    out.append((a, "sisterCityOf", b))
        elif kind == "meet":
            # "A 시장과 B 지사의 회담이 취소됐다"
            if not st.negative:
                continue
            for a in side_a:
                for b in side_b:
                    if a.type == b.type == "PERSON":
                        out.append((a, "meets", b))
        elif kind == "ask":
            # "시는 A사에 추가 투자를 요청할 방침이다": the company asked, with 에 or 에게
            companies = [
                e
                for p in sent.phrases
                if p.particle in ("에", "에게", "에도", "에게도")
                and _clause_start(text, start, w) <= p.start - sent.start
                and p.end - sent.start <= start
                for e in phrase_head(p)
                if e.type == "ORG" and e.cls != "NewsMediaOrganization"
            ]
            for a in parties_of(before[-1] if before else agent):
                for c in companies:
                    out.append((a, "seeksInvestmentFrom", c))
        elif kind == "join":
            parties = parties_of(own)
            agreements = [word for word, k in w.events if k in ("sign", "deal")]
            if not parties or not any(word in text for word in agreements):
                continue
            this_one = any(re.search(r"이번\s?" + re.escape(word), text) for word in agreements)
            for a in parties:
                for b in art.joined(sent, this_one):
                    out.append((a, "signsAgreementWith", b))
        elif kind == "invest":
            investors = parties_of(before[-1] if before else agent)
            targets = _named_before(sent, start)
            if not targets and any(text[max(0, start - 4) : start].rstrip().endswith(x) for x in w.local):
                # "현지 진출을 검토": the place that courts the company
                targets = [t for a in investors for t in art.local(a)]
            for a in investors:
                for t in targets:
                    if a.type == "LOC" and t.type == "ORG":
                        out.append((t, "investsIn", a))
                    else:
                        out.append((a, "investsIn", t))
        elif kind == "seek":
            # "A시의 B사 유치는 무산됐다": the place or body that courted the company named before
            owners = [
                e
                for p in sent.phrases
                if p.particle == "의" and p.end - sent.start <= start
                for e in parties_of(phrase_head(p))
                if e.cls != "Company"  # "A사의 공장 유치": the company is courted, not courting
            ]
            companies = [e for e in _named_before(sent, start) if e.type == "ORG" and e not in owners]
            for a in owners[:1] or parties_of(agent):
                for c in companies:
                    out.append((a, "seeksInvestmentFrom", c))
        elif kind == "visit":
            targets = _places_at(sent, 0, start, "에") or _named_before(sent, start)
            # "A 시장의 B 방문은 무산됐다": the person whose visit it was
            owners = [
                e
                for p in sent.phrases
                if p.particle == "의" and p.end - sent.start <= start
                for e in phrase_head(p)
                if e.type == "PERSON"
            ]
            # "B시 대표단의 C군 방문이 취소됐다": a delegation, or the place it stands for
            bodies = [
                e
                for p in sent.phrases
                if p.particle == "의" and p.end - sent.start <= start
                for e in phrase_head(p)
                if _is_party(e) and e not in targets and e.cls != "Company"
            ]
            for a in owners[:1] or bodies[:1] or agent:
                for t in targets:
                    if not _home(a, t):
                        out.append((a, "visits", t))
    # "G에서 열리는 박람회에 참가할 예정이다": going to an event held elsewhere is a visit
    for p in sent.phrases:
        if not p.particle.startswith("에서") or p.after is None or not p.after.text.startswith(w.venue):
            continue
        rest = text[p.end - sent.start :]
        hits = find_all(rest, w.attend)
        if not hits:
            continue
        at = p.end - sent.start + hits[0]
        if not governs(at, at + 2):
            continue
        for t in _places_at(sent, p.start - sent.start, p.end - sent.start, "에서"):
            for a in own:
                if not _home(a, t):
                    out.append((a, "visits", t))
    return out


def add_unrealised(sents: list[Sentence], found: list[Found]) -> list[Found]:
    """`found` with the planned and failed events of the shapes above added (module docstring)."""
    w = _words()
    art = _Article(found)
    out = list(found)
    index: dict[tuple[str, str, str], int] = {}
    for i, f in enumerate(out):
        index.setdefault(_key(f.subject, f.predicate, f.object), i)
    carry: list[Ent] = []
    for sent in sents:
        st = _status(sent.text, w)
        if st is not None:
            for s, p, o in _facts(sent, st, art, carry, w):
                pair = _allowed(s, p, o)
                if pair is None:
                    continue
                s, o = pair
                k = _key(s, p, o)
                i = index.get(k)
                if i is None:
                    index[k] = len(out)
                    out.append(Found(s, p, o, 0.6, sent, rule=f"{p}:unrealised", status=st.status))
                elif out[i].status == "done" and out[i].sentence is sent and st.status == "failed":
                    out[i] = replace(out[i], status="failed")  # the very sentence says it did not happen
        own = _subject(sent)
        if own:
            carry = own
        if st is not None:  # "자매결연 협약을 체결할 계획이다" as "… 계획이었으나 연기했다"
            out = _tie_of_unrealised_agreement(sent, out, w)
    return _told_in_own_sentence(_stops_under_way(_told_ahead(out, w)), w)


def _told_in_own_sentence(found: list[Found], w: _Words) -> list[Found]:
    """Planned and failed facts whose own sentence tells no plan, failure, negation or time to come
    (and lists no companions of a trip) are left out: their status was read in another sentence (a
    headline paired with a company of a postponed deal)."""
    from newskg.extract.lexicon import load_lexicon

    words = load_lexicon().words
    told = (
        w.failed + w.postponed + w.notyet + w.plan + w.ahead + w.ahead_l + w.ahead_d
        + tuple(words.get("negation", ())) + tuple(words.get("modality", ()))
        + tuple(words.get("postponed", ()))
    )  # fmt: skip
    return [
        f
        for f in found
        if f.status == "done"
        or any(x in f.sentence.text for x in told)
        or _TO_COME.search(f.sentence.text)
        or companions(f.sentence.text)  # "이번 방문에는 A가 동행한다": the trip's status
    ]


# a time still to come, which makes a plan of a sentence without a plan word ("오는 7일 방문한다")
_TO_COME = re.compile(r"오는\s?\d|내년|다음\s?달|내달|하반기|상반기|연내|향후")


# event predicates a sentence can tell as decided or expected ahead; the cue words are the rules'
_AHEAD_PREDICATES = (
    "visits", "meets", "accompanies", "signsAgreementWith", "sisterCityOf", "investsIn",
    "seeksInvestmentFrom", "cooperatesWith",
)  # fmt: skip
# events a decision puts ahead ("협약을 체결하기로 했다", "방문하기로 했다"); a decision to invest or to
# cooperate is itself the fact (CONTRACT: "투자하기로 했다", "협력하기로")
_DECIDED_PREDICATES = frozenset({"visits", "meets", "accompanies", "signsAgreementWith", "sisterCityOf"})
# what may stand between a cue and the word that puts it ahead: its particle and one verb
# ("자매결연을 맺기로", "협약 체결을 추진", "투자할 것으로")
_AHEAD_GAP = re.compile(
    r"(?:,\s?[가-힣A-Za-z]{1,8})?[가-힣]{0,3}(?:\s(?:잇따라|함께|공식|정식으로|공식적으로))?(?:\s?[가-힣]{1,4})?\s?"
)  # and the rest of a list of what is signed, and an adverb ("자매결연, 양해각서를 잇따라 체결할")
_CLAUSE_GAP = re.compile(r"(?:고|며|서|해|여)\s")  # "체결하고 사업을 추진": a clause ended between


def _ahead_at(text: str, end: int, w: _Words, decided: bool = False) -> bool:
    """Whether the cue ending at `end` is told as decided or expected ahead: a word of kind ``ahead``
    ("추진", "앞두고"), with `decided` one of kind ``ahead_d`` ("기로 했다"), or, after a verb in the ㄹ
    form, of kind ``ahead_l`` ("할 것으로 보인다") follows it with only its particle and one verb
    between."""
    rest = text[end : end + 26]
    for word in w.ahead + (w.ahead_d if decided else ()) + w.ahead_l:
        i = rest.find(word)
        if i < 0 or not _AHEAD_GAP.fullmatch(rest[:i]) or _CLAUSE_GAP.search(rest[:i]):
            continue
        if word in w.ahead or word in w.ahead_d:
            return True
        before = rest[:i].rstrip()
        last = before[-1:] or text[end - 1 : end]
        if "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 == 8:
            return True
    return False


# investment told in a clause chain that ends in a plan ("500억원을 투자해 공장을 지을 계획이다");
# visits so told are the trip's business (`_stops_under_way`, qualify)
_CHAINED = frozenset({"investsIn"})
_PLAN_TAIL = re.compile(r"([가-힣])\s?(?:계획|예정|방침)(?:이다|이며|이고|이라|입니다)")


def _runs_into_plan(text: str, end: int) -> bool:
    """Whether the clauses from the cue ending at `end` run, with no past tense or decision between,
    into "…할 계획이다" / "…할 예정이다" (a verb in the ㄹ form before the plan word)."""
    rest = text[end:]
    for m in _PLAN_TAIL.finditer(rest):
        if (ord(m.group(1)) - 0xAC00) % 28 == 8:
            between = rest[: m.start()]
            # "체결하고 추가 투자를 검토할 계획이다": a -고 clause is done, a -해 one the plan's means
            return not _PAST.search(between) and not re.search(r"기로|,|[가-힣]고\s", between)
    return False


def _told_ahead(found: list[Found], w: _Words) -> list[Found]:
    """A done event whose sentence tells every cue of it as decided or expected ahead ("내년에 자매결연을
    맺기로 했다", "투자협약 체결을 추진하고 있다", "2000억원을 투자할 것으로 알려졌다") is planned."""
    from newskg.extract.lexicon import load_lexicon

    cues = load_lexicon().cues
    out = []
    for f in found:
        if f.status == "done" and f.predicate in _AHEAD_PREDICATES:
            text = f.sentence.text
            ends = [i + len(c) for c in cues.get(f.predicate, ()) if c for i in find_all(text, c)]
            decided = f.predicate in _DECIDED_PREDICATES
            ahead = all(_ahead_at(text, e, w, decided) for e in ends)
            chained = f.predicate in _CHAINED and all(_runs_into_plan(text, e) for e in ends)
            if ends and (ahead or chained):
                f = replace(f, status="planned")
        out.append(f)
    return out


def _stops_under_way(found: list[Found]) -> list[Found]:
    """A visit planned in a sentence that also tells, in the past tense, the same traveller's visit done
    ("지난 28일 A시를 찾았으며, 30일에는 B원을 방문할 예정이다") is a scheduled stop of a trip under
    way: done (CONTRACT), unless the sentence ends in an intention ("…할 계획이다")."""
    done = {
        (f.subject.id, id(f.sentence))
        for f in found
        if f.predicate == "visits" and f.status == "done" and _PAST.search(f.sentence.text)
    }
    return [
        replace(f, status="done")
        if f.predicate == "visits"
        and f.status == "planned"
        and (f.subject.id, id(f.sentence)) in done
        and intention_at(f.sentence.text) < 0  # "…찾았으며, 이어 B로 갈 계획이다" stays a plan
        else f
        for f in found
    ]


def _tie_of_unrealised_agreement(sent: Sentence, found: list[Found], w: _Words) -> list[Found]:
    """A tie the sentence names as the agreement that did not happen ("자매결연 협약을 체결할 계획이었으나
    … 연기했다") shares that agreement's status; a tie named as an attribute ("자매도시인 A시와의 협약은
    무산됐다") stays done."""
    signs = tuple(word for word, kind in w.events if kind == "sign")
    named = False
    for kind in tie_kinds().values():
        for cue in kind.cues:
            for i in find_all(sent.text, cue):
                if sent.text[i + len(cue) : i + len(cue) + 4].lstrip().startswith(signs):
                    named = True
    if not named:
        return found
    status = {
        frozenset((f.subject.id, f.object.id)): f.status
        for f in found
        if f.sentence is sent and f.status != "done" and f.predicate == "signsAgreementWith"
    }
    return [
        replace(f, status=status[frozenset((f.subject.id, f.object.id))])
        if f.predicate == "sisterCityOf"
        and f.status == "done"
        and f.sentence is sent
        and frozenset((f.subject.id, f.object.id)) in status
        else f
        for f in found
    ]


def _key(s: Ent, p: str, o: Ent) -> tuple[str, str, str]:
    if predicates()[p].symmetric and o.id < s.id:
        s, o = o, s
    return (s.id, p, o.id)
