"""The CONTRACT qualifiers of a fact: when it happened, how much money, and which kind of tie.

`qualify_triples` takes the finished triples of an article and fills

- ``when``: the time expression that governs the fact in its evidence sentence (the one nearest the
  fact's arguments; dates of reporting, "…고 14일 밝혔다", and deadlines, "2027년까지", never);
  a done event in a sentence without one happened on the day the story is about (the day last named
  before it, else the article's first event day). ``headOf``, ``worksFor`` and ``locatedIn`` take
  none, and the publication date itself is never a `when`;
- ``amount`` (``investsIn`` / ``seeksInvestmentFrom`` only): the sum stated for that investor; when
  a sentence names several investors, each gets the sum written after its name, and a total ("총
  196억원", "모두") is nobody's; a company's one stated sum also holds for its other facts of the
  article (its plant's site and its city, the city that courts it);
- ``tie_kind`` (``sisterCityOf``): ``sister`` or ``friendship`` from the cue words of the
  ontology's tie kinds (``nkg:tieCue``) in the evidence sentence, nearest the partner.

Example:
    >>> from newskg.extract.records import Article, Entity, Evidence, Triple
    >>> text = "한빛시는 13일 ㈜가온과 1,000억원 규모의 투자협약을 체결했다고 14일 밝혔다."
    >>> art = Article("a", text, published="2024-08-14")
    >>> ents = (Entity("p", "한빛시", "Hanbit", "LOC", "City", mentions=((0, 3),)),
    ...         Entity("c", "㈜가온", "Gaon", "ORG", "Company", mentions=((9, 12),)))
    >>> t = Triple("c", "investsIn", "p", 0.9, Evidence(text, 0, len(text)))
    >>> (q,) = qualify_triples(art, ents, (t,))
    >>> q.when.to_json(), q.amount.to_json()
    ('2024-08-13', {'value': 100000000000, 'currency': 'KRW'})
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from newskg.extract.amounts import MoneyMention, find_amounts
from newskg.extract.records import Amount, Article, Entity, Evidence, Triple, When
from newskg.extract.when import (
    TimeMention,
    anniversary,
    background,
    companions,
    departs,
    event_nouns,
    find_times,
    ongoing,
    pair_words,
    starts_leg,
    tells_length,
    trip_words,
)
from newskg.ontology.vocab import predicates, tie_kinds

__all__ = ["qualify_triples", "find_all", "NO_WHEN", "MONEY"]

NO_WHEN = frozenset({"headOf", "worksFor", "locatedIn"})  # CONTRACT: relations that take no date
MONEY = frozenset({"investsIn", "seeksInvestmentFrom"})
# A done fact of these kinds told without a date happened on the day the story is about; a tie
# (sisterCityOf) is often background ("자매결연 관계를 맺고 있다") and keeps only a stated date.
_EVENT = frozenset(
    {
        "visits",
        "meets",
        "accompanies",
        "signsAgreementWith",
        "investsIn",
        "seeksInvestmentFrom",
        "cooperatesWith",
    }
)


def _positions(ent: Entity | None, start: int, end: int, text: str) -> list[int]:
    """Offsets of the entity's mentions inside [start, end); its names found in the text as a fallback."""
    if ent is None:
        return []
    inside = [s for s, e in ent.mentions if start <= s and e <= end]
    if inside:
        return inside
    out = []
    for name in {ent.label, *ent.aliases}:
        if len(name) < 2:
            continue
        i = text.find(name, start, end)
        while i != -1:
            out.append(i)
            i = text.find(name, i + 1, end)
    return sorted(out)


def _nearest(items: Sequence, anchors: list[int], default_before: int) -> object | None:
    """The item (with .start/.end) nearest the anchors, preferring one before an anchor."""
    if not items:
        return None
    if not anchors:
        anchors = [default_before]

    def cost(item) -> float:
        best = float("inf")
        for a in anchors:  # a date before the argument reads it ("13일 보스턴을 방문"); after, less so
            best = min(best, a - item.end if item.end <= a else 1.5 * abs(item.start - a))
        return best

    return min(items, key=cost)


class _Article:
    """What qualify needs of one article: its time and money mentions and entity positions."""

    def __init__(self, article: Article, entities: Iterable[Entity]) -> None:
        self.text = article.text
        self.published = article.published if article.published and len(article.published) >= 10 else None
        self.ents = {e.id: e for e in entities}
        body = article.body_spans()
        times = find_times(self.text, article.published)
        self.times = [t for t in times if any(s <= t.start < e for s, e in body)]
        self.days = [t for t in self.times if t.role in ("event", "anaphor") and len(t.when.start) == 10]
        self.money = find_amounts(self.text)
        self.anniversaries = anniversary(self.text, article.published)
        self.anchors: list[tuple[int, When]] = [(t.end, t.when) for t in self.days]
        spans = [t for t in self.days if t.when.end is not None]
        self.trip = spans[0].when if spans else None  # the span of the trip the story is about

    def in_span(self, items, start: int, end: int):
        return [x for x in items if start <= x.start and x.end <= end]

    def pos(self, ent_id: str, start: int, end: int) -> list[int]:
        return _positions(self.ents.get(ent_id), start, end, self.text)

    def story_day(self, before: int) -> When | None:
        """The day the story was at before offset `before`, else the article's first event day."""
        earlier = [w for off, w in self.anchors if off <= before]
        if earlier:
            return earlier[-1]
        return self.anchors[0][1] if self.anchors else None

    def leg(self, start: TimeMention) -> tuple[When, int]:
        """A leg of a trip that starts on day `start` ("13일 서울로 이동해") lasts until the next leg
        starts or the trip ends ("15일 출국한다"), both days included; a single day if neither is told.
        Also gives the offset where the end was found."""
        for t in self.days:
            if t.start <= start.start or t.when.end is not None or t.when.start <= start.when.start:
                continue
            after = re.split(r"[.!?\n]", self.text[t.end : t.end + 30])[0]
            if departs(self.text, t) or starts_leg(after):
                return When(start.when.start, t.when.start), t.end
        return start.when, start.end

    def follow(self, start: int, end: int) -> None:
        """A sentence without a date that follows a named event ("회담 직후 …") happened on the day of
        the sentence that named it: the story is at that day from here on."""
        if any(t.start >= start and t.end <= end for t in self.days):
            return
        for noun in event_nouns(self.text[start:end]):
            i = self.text.rfind(noun, 0, start)
            while i != -1:
                s0 = max(self.text.rfind(c, 0, i) for c in ".!?\n") + 1
                ends = [j for j in (self.text.find(c, i) for c in ".!?\n") if j != -1]
                e0 = min(ends, default=len(self.text))
                named = [t for t in self.days if s0 <= t.start and t.end <= e0]
                if named:
                    self.anchors.append((start, named[-1].when))
                    self.anchors.sort(key=lambda x: x[0])
                    return
                i = self.text.rfind(noun, 0, i)


_TIE_ROLES = ("event", "since", "anaphor", "prior")
_CLAUSE_BREAK = re.compile(r"[가-힣](?:고|며|으며|지만|으나)[\s,]|,")
_UNDATED = When("")  # a fact whose sentence rules a date out: it takes none from elsewhere either


def _stated_when(a: _Article, t: Triple) -> When | None:
    """The when the fact's own sentence states; None if it states none; _UNDATED if it rules one out."""
    ev = t.evidence
    stated: list[TimeMention] = [
        m for m in a.in_span(a.times, ev.start, ev.end) if m.role in ("event", "since", "anaphor")
    ]
    obj = a.pos(t.object, ev.start, ev.end)
    if t.predicate == "visits" and any(ongoing(_after_name(a, t.object, p)) for p in obj):
        return _UNDATED  # "미국을 방문 중인 지사가 14일 …": the date is of a stop, not of the visit to 미국
    if t.predicate == "sisterCityOf":  # "1994년 자매결연 이후": the earlier event is the tie itself
        return _tie_when(a, t, [m for m in a.in_span(a.times, ev.start, ev.end) if m.role in _TIE_ROLES])
    anchors = obj or a.pos(t.subject, ev.start, ev.end)
    if t.status == "done" and a.published and anchors:
        # "A사와 협약을 체결하고, 내년 상반기 공장을 착공하기로 했다": a date still to come, in a clause
        # after the fact's, is the later clause's
        last = max(anchors)
        stated = [
            m
            for m in stated
            if not (
                m.start > last
                and _after(m.when, a.published)
                and _CLAUSE_BREAK.search(a.text[last : m.start])
            )
        ]
    if not stated:
        return None
    best = _nearest(stated, anchors, ev.end)
    if not isinstance(best, TimeMention):
        return None
    if (
        t.predicate == "visits"
        and best.when.end is None
        and len(best.when.start) == 10
        and starts_leg(a.text[ev.start : ev.end])
    ):
        # a country is visited for the whole leg; a city or a venue on its day, unless the sentence
        # itself tells how long the stay was ("13일 서울로 이동해 이틀간 머문 뒤 15일 출국한다")
        span, end = a.leg(best)
        if a.ents[t.object].cls == "Country" or (end <= ev.end and tells_length(a.text[ev.start : ev.end])):
            return span
    return best.when


# right after a place: the visitor is there ("피렌체에서", "광저우에 도착", "보스턴을 찾아")
_THERE = re.compile(r"\s?(?:\([^)]*\))?\s?(?:에서|에 |을 |를 )")


def _first_day_there(a: _Article, t: Triple, stated: When) -> When:
    """A visit is dated by the first day the story puts the visitor there: an earlier sentence that
    names both with a day before the stated one ("지난 3일 피렌체에서 … 만나", then "이튿날 피렌체
    인근 도시로 이동해") gives that day. Earlier experiences ("…한 바 있다") do not count."""
    if stated.end is not None or len(stated.start) != 10:
        return stated
    who, where = a.ents.get(t.subject), a.ents.get(t.object)
    if who is None or where is None:
        return stated
    best = stated
    for sent in re.finditer(r"[^.!?\n]+", a.text):
        s0, s1 = sent.span()
        if s0 >= t.evidence.start:
            break
        if background(sent.group()):
            continue
        places = [p for p, e in where.mentions if s0 <= p < s1 and _THERE.match(a.text[e : e + 12])]
        if not places or not any(s0 <= p < s1 for p, _ in who.mentions):
            continue
        days = [m for m in a.in_span(a.days, s0, s1) if m.when.end is None and m.role in ("event", "anaphor")]
        near = _nearest(days, places, s1)
        if isinstance(near, TimeMention) and near.when.start < best.start:
            best = near.when
    return best


def _tie_dated_elsewhere(a: _Article, t: Triple) -> When | None:
    """The date another sentence of the article writes right before the tie's word, in a sentence
    that names both places, or both together ("양측은 1994년 우호교류 협정을 맺은 뒤 …"):
    when the tie was made, rather than the date of a later agreement that renews it."""
    ends = [a.ents[e] for e in (t.subject, t.object) if e in a.ents]
    if len(ends) < 2:
        return None
    for sent in re.finditer(r"[^.!?\n]+", a.text):
        s0, s1 = sent.span()
        if (s0, s1) == (t.evidence.start, t.evidence.end):
            continue
        text = sent.group()
        both = all(any(s0 <= p < s1 for p, _ in e.mentions) for e in ends)
        if not both and not any(w in text for w in pair_words()):
            continue
        stated = [m for m in a.in_span(a.times, s0, s1) if m.role in _TIE_ROLES]
        when = _tie_when(a, dataclasses.replace(t, evidence=Evidence(text, s0, s1)), stated)
        if when is not None:
            return when
    return None


def _after_name(a: _Article, ent_id: str, pos: int) -> str:
    """The text right after the entity's mention that starts at `pos`."""
    ent = a.ents[ent_id]
    ends = [e for s, e in ent.mentions if s == pos]
    ends += [pos + len(n) for n in (ent.label, *ent.aliases) if n and a.text.startswith(n, pos)]
    return a.text[max(ends) : max(ends) + 30] if ends else ""


def _tie_when(a: _Article, t: Triple, stated: list[TimeMention]) -> When | None:
    """A tie's date is one written right before its tie word ("1992년 자매결연을 맺은"), or its
    anniversary ("자매결연 20주년"); a visit's date in the same sentence is not the tie's."""
    ev = t.evidence
    sentence = a.text[ev.start : ev.end]
    cues = [ev.start + i for kind in tie_kinds().values() for c in kind.cues for i in find_all(sentence, c)]
    for c in sorted(cues):
        cue_end = next(
            c + len(cue) for kind in tie_kinds().values() for cue in kind.cues if a.text.startswith(cue, c)
        )
        if a.text.startswith("인 ", cue_end):
            continue  # "자매도시인 마루시를 방문": the tie is an attribute here, the date the visit's
        for off, when in a.anniversaries:
            if 0 <= off - c <= 12:
                return when
        near = [
            m for m in stated if 0 <= c - m.end <= 30 and "," not in a.text[m.end : c] and m.when.end is None
        ]
        if near:
            return near[-1].when
    return None


def find_all(text: str, words: str | Iterable[str]) -> list[int]:
    """Every offset in `text` where one of `words` (or the one word) starts, overlaps included, sorted.

    Example:
        >>> find_all("협약 체결 협약", "협약"), find_all("예정이던 계획", ("계획", "예정"))
        ([0, 6], [0, 5])
    """
    out = []
    for w in (words,) if isinstance(words, str) else words:
        i = text.find(w) if w else -1
        while i != -1:
            out.append(i)
            i = text.find(w, i + 1)
    return sorted(out)


def _investor(t: Triple) -> str:
    return t.subject if t.predicate == "investsIn" else t.object


def _amounts(a: _Article, triples: Sequence[Triple]) -> dict[int, Amount]:
    """Amounts by index into `triples`, from their own sentences."""
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, t in enumerate(triples):
        if t.predicate in MONEY:
            by_span[(t.evidence.start, t.evidence.end)].append(i)
    out: dict[int, Amount] = {}
    for (start, end), idx in by_span.items():
        money: list[MoneyMention] = a.in_span(a.money, start, end)
        if not money:
            continue
        investors = sorted(
            {_investor(triples[i]) for i in idx}, key=lambda c: (a.pos(c, start, end) or [end])[0]
        )
        for i in idx:
            c = _investor(triples[i])
            if len(investors) == 1:
                own = [m for m in money if not m.total] or money
                best = _nearest(own, a.pos(c, start, end), start)
            else:  # each investor's sum is the one after its name, before the next investor's
                first = (a.pos(c, start, end) or [None])[0]
                if first is None:
                    continue
                later = [p for o in investors if o != c for p in a.pos(o, start, end) if p > first]
                stop = min(later, default=end)
                own = [m for m in money if first < m.start < stop and not m.total]
                best = own[0] if own else None
            if isinstance(best, MoneyMention):
                out[i] = best.amount
    return out


def _tie_kind(a: _Article, t: Triple) -> str | None:
    ev = t.evidence
    sentence = a.text[ev.start : ev.end]
    hits = []
    for name, kind in tie_kinds().items():
        for cue in kind.cues:
            i = sentence.find(cue)
            while i != -1:
                hits.append((ev.start + i, name))
                i = sentence.find(cue, i + 1)
    if not hits:
        return None
    kinds = {k for _, k in hits}
    if len(kinds) == 1:
        return kinds.pop()
    anchors = a.pos(t.object, ev.start, ev.end) + a.pos(t.subject, ev.start, ev.end)
    if not anchors:
        return None
    return min(hits, key=lambda h: min(abs(h[0] - p) for p in anchors))[1]


def _fact_key(t: Triple) -> tuple[str, str, str]:
    pred = predicates().get(t.predicate)
    s, o = t.subject, t.object
    if pred is not None and pred.symmetric and o < s:
        s, o = o, s
    return (s, t.predicate, o)


def qualify_triples(
    article: Article, entities: Sequence[Entity], triples: Sequence[Triple]
) -> tuple[Triple, ...]:
    """The triples with `when`, `amount` and `tie_kind` filled where the text states them.

    A qualifier a triple already carries is kept. A fact whose sentence gives no date takes, in
    this order: the date another sentence states for the same fact; for a tie, the date of the
    agreement that made it; for a visit, the date stated for another visit to the same place (a
    companion's visit of a stop); for the companions of a trip, the trip's span; for any other
    done event not told as an earlier experience, the day the story is about.
    """
    a = _Article(article, entities)
    for start, end in sorted({(t.evidence.start, t.evidence.end) for t in triples}):
        a.follow(start, end)
    own_amounts = _amounts(a, triples)
    stated: list[When | None] = []
    for t in triples:
        if t.when is not None:
            stated.append(t.when)
        elif t.predicate in NO_WHEN:
            stated.append(None)
        else:
            w = _stated_when(a, t)
            if t.predicate == "visits" and t.status == "done" and w is not None and w is not _UNDATED:
                w = _first_day_there(a, t, w)
            stated.append(w)
    by_fact: dict[tuple, When] = {}
    by_place: dict[str, When] = {}
    agreements: dict[tuple, When] = {}
    for t, w in zip(triples, stated, strict=True):
        if w is None or w is _UNDATED or t.status != "done":
            continue
        by_fact.setdefault(_fact_key(t), w)
        if t.predicate == "visits":
            by_place.setdefault(t.object, w)
    out: list[Triple] = []
    for i, (t, w) in enumerate(zip(triples, stated, strict=True)):
        if w is _UNDATED or t.predicate in NO_WHEN:
            when = None
        else:
            when = w or _unstated_when(a, t, by_fact, by_place, agreements)
        amount = t.amount if t.amount is not None or t.predicate not in MONEY else own_amounts.get(i)
        tie = t.tie_kind if t.tie_kind is not None or t.predicate != "sisterCityOf" else _tie_kind(a, t)
        out.append(dataclasses.replace(t, when=when, amount=amount, tie_kind=tie))
    out = _companions_dated(a, out)
    out = _not_yet(out, article.published)
    out = _stops_of_trip_under_way(a, out, article.published)
    # a tie told without a date was made by the agreement the article reports between the two (the
    # first one it tells, dated by its own sentence or by the story)
    for t in out:
        if t.predicate == "signsAgreementWith" and t.when is not None and t.status == "done":
            agreements.setdefault(tuple(sorted((t.subject, t.object))), t.when)
    out = [
        dataclasses.replace(
            t, when=_tie_dated_elsewhere(a, t) or agreements.get(tuple(sorted((t.subject, t.object))))
        )
        if t.predicate == "sisterCityOf" and t.when is None and t.status == "done"
        else t
        for t in out
    ]
    return tuple(_share(out, _listed_sums(a, out)))


# events a story can report before they happen; a tie or an investment dated later is a target
# ("2027년까지"), not a schedule
_SCHEDULED = frozenset({"visits", "meets", "accompanies", "signsAgreementWith"})
_TRIP = frozenset({"visits", "meets", "accompanies"})  # the facts that tell a trip under way
_UNDER_WAY_DAYS = 3  # a trip with a stop this close before the story is under way
# a clause told in the past tense: a syllable closed by the past morpheme's ㅆ ("체결했으며", "찾았던",
# "가졌다"; not 있 "is", nor 겠 "will") before an ending, or "…한 바 있다": it happened, whatever the
# date resolved to; verbs of reporting ("밝혔다") say nothing about the event
_TOLD_PAST = re.compile(r"([가-힣])(?:다|고|으며|으나|지만|는데|던)|바 있")
_REPORTING = re.compile(r"(?:밝혔|전했|말했|설명했|강조했|덧붙였|알렸)다")


def _after(when: When, published: str) -> bool:
    """Whether `when` starts after the publication day, compared at the precision of `when`."""
    return when.start > published[: len(when.start)]


def _under_way(triples: Sequence[Triple], published: str) -> bool:
    """Whether the article tells a done visit or meeting dated on or just before its publication day
    (or a span that includes it): its later stops are scheduled stops of a trip under way (CONTRACT)."""
    import datetime

    pub = datetime.date.fromisoformat(published[:10])
    for t in triples:
        w = t.when
        if t.status != "done" or t.predicate not in _TRIP or w is None or not w.start:
            continue
        last = w.end or w.start
        if len(w.start) < 10 or len(last) < 10 or _after(w, published):
            continue
        if datetime.date.fromisoformat(last[:10]) >= pub - datetime.timedelta(days=_UNDER_WAY_DAYS):
            return True
    return False


def _told_past(sentence: str) -> bool:
    for m in _TOLD_PAST.finditer(sentence):
        ch = m.group(1)
        if ch is None or ((ord(ch) - 0xAC00) % 28 == 20 and ch not in "있겠"):
            return True
    return False


def _not_yet(triples: list[Triple], published: str | None) -> list[Triple]:
    """A done visit, meeting or signing dated after the publication day (by its sentence or by the
    day the story is about) has not happened yet: planned ("오는 6일부터 … 방문해 … 면담한다"), unless
    the trip is under way."""
    if not published or not re.match(r"\d{4}-\d{2}-\d{2}", published):
        return triples
    if _under_way(triples, published):
        return triples
    return [
        dataclasses.replace(t, status="planned")
        if t.status == "done"
        and t.predicate in _SCHEDULED
        and t.when is not None
        and t.when.start
        and _after(t.when, published)
        and not _told_past(_REPORTING.sub("", t.evidence.sentence))
        else t
        for t in triples
    ]


def _companions_dated(a: _Article, triples: list[Triple]) -> list[Triple]:
    """A companion's visit left undated (no trip span to share) takes the date of the first dated done
    visit to the same place, the leader's date or the day the story gave it ("대표단에는 A도
    포함됐다"). (Accompanying keeps none: it is the whole trip, seldom one day.)"""
    visit_of_place: dict[str, When] = {}
    for t in triples:
        if t.predicate == "visits" and t.status == "done" and t.when is not None and t.when.start:
            visit_of_place.setdefault(t.object, t.when)
    return [
        dataclasses.replace(t, when=visit_of_place[t.object])
        if t.predicate == "visits"
        and t.when is None
        and t.status == "done"
        and t.object in visit_of_place
        and companions(a.text[t.evidence.start : t.evidence.end])
        else t
        for t in triples
    ]


def _trip_told_under_way(a: _Article, published: str | None) -> bool:
    """Whether the article is written during a trip: it says one is under way ("방문 중인"), or tells a
    departure, an arrival or a stop of a trip on a day at most `_UNDER_WAY_DAYS` before its publication
    day ("14일 출국했다", "순방의 첫 방문지인 A에서 13일 …")."""
    import datetime

    from newskg.extract.when import parse_published

    pub = parse_published(published)
    if pub is None:
        return False
    for sent in re.finditer(r"[^.!?\n]+", a.text):
        s0, s1 = sent.span()
        if any(w in sent.group() for w in _ongoing_words()):
            return True
        if _SET_OFF.search(sent.group()) or any(w in sent.group() for w in trip_words()):
            for t in a.in_span(a.days, s0, s1):
                day = datetime.date.fromisoformat(t.when.start)
                if pub - datetime.timedelta(days=_UNDER_WAY_DAYS) <= day <= pub:
                    return True
    return False


def _ongoing_words() -> tuple[str, ...]:
    from newskg.extract.when import _words as time_words

    return time_words().ongoing


# a departure or an arrival told as done: with a day just before the story, the trip is under way
_SET_OFF = re.compile(r"(?:출국했|출국한|출국, |길에 올랐|장도에 올랐|도착했|도착한|입국했)")


def _stops_of_trip_under_way(a: _Article, triples: list[Triple], published: str | None) -> list[Triple]:
    """The planned visits and meetings of a trip under way are its scheduled stops, done (CONTRACT):
    "14일 출국한 대표단은 … 차례로 방문하며 상담회를 가질 예정이다", unless told as an intention
    ("이어 도쿄로 이동해 … 요청할 계획이다"), postponed or cancelled, or dated weeks ahead."""
    import datetime

    from newskg.extract.lexicon import load_lexicon
    from newskg.extract.relations import intention_at

    if not any(t.status == "planned" and t.predicate in _TRIP for t in triples):
        return triples
    if not _trip_told_under_way(a, published):
        return triples
    words = load_lexicon().words
    negative = tuple(words.get("negation", ())) + tuple(words.get("postponed", ()))
    pub = datetime.date.fromisoformat(published[:10]) if published else None
    out = []
    for t in triples:
        sentence = t.evidence.sentence
        soon = (
            t.when is None
            or pub is None
            or len(t.when.start) < 10
            or datetime.date.fromisoformat(t.when.start) <= pub + datetime.timedelta(days=_TRIP_DAYS)
        )
        if (
            t.status == "planned"
            and t.predicate in _TRIP
            and soon
            and intention_at(sentence) < 0
            and not any(w in sentence for w in negative)
        ):
            t = dataclasses.replace(t, status="done")
        out.append(t)
    return out


_TRIP_DAYS = 14  # a stop dated later than this after the story is no stop of the trip under way


def _listed_sums(a: _Article, triples: Sequence[Triple]) -> dict[str, set[tuple[float, str]]]:
    """Sums written right after an investor's name anywhere in the article, as in a list of the
    investors ("▲㈜가온(대표 김도윤) 150억원 ▲㈜나래 120억원"), with no other name in between."""
    investors = {_investor(t) for t in triples if t.predicate in MONEY and t.status == "done"}
    starts = sorted(s for e in a.ents.values() for s, _ in e.mentions)
    out: dict[str, set[tuple[float, str]]] = defaultdict(set)
    for c in investors:
        for _, name_end in a.ents[c].mentions if c in a.ents else ():
            aside = re.match(r"\s*\([^()]{0,30}\)", a.text[name_end:])  # "㈜가온(대표 김도윤) 200억원"
            end = name_end + (aside.end() if aside else 0)
            nxt = next((s for s in starts if s >= end), len(a.text))
            for m in a.money:
                if (
                    end <= m.start <= end + 20
                    and m.start < nxt
                    and not m.total
                    and not re.search(r"[.!?\n]", a.text[end : m.start])
                ):
                    out[c].add((m.amount.value, m.amount.currency))
    # "A 시장은 B사 대표를 만나 3억달러 규모의 투자협약을 체결했다": the one sum of a sentence about
    # investment that names one investor is that investor's
    for sent in re.finditer(r"[^.!?\n]+", a.text):
        s0, s1 = sent.span()
        sums = [m for m in a.in_span(a.money, s0, s1) if not m.total]
        named = [c for c in investors if c in a.ents and any(s0 <= p < s1 for p, _ in a.ents[c].mentions)]
        if len(sums) == 1 and len(named) == 1 and "투자" in sent.group() and not background(sent.group()):
            out[named[0]].add((sums[0].amount.value, sums[0].amount.currency))
    return out


def _unstated_when(a: _Article, t: Triple, by_fact: dict, by_place: dict, agreements: dict) -> When | None:
    if t.status != "done":
        return None  # a plan or failure without a date of its own gets none
    if _fact_key(t) in by_fact:
        return by_fact[_fact_key(t)]
    if t.predicate == "sisterCityOf":
        return None  # dated below by the agreement that made it, if the article reports one
    if t.predicate == "visits" and t.object in by_place:
        return by_place[t.object]
    sentence = a.text[t.evidence.start : t.evidence.end]
    if companions(sentence):
        return a.trip if t.predicate in ("visits", "accompanies") else None
    if t.predicate in _EVENT and not background(sentence):
        day = a.story_day(t.evidence.start)
        if (
            t.predicate == "visits"
            and day is not None
            and a.trip is not None
            and a.trip.end is not None
            and len(a.trip.start) == len(day.start) == 10
            and a.trip.start <= day.start <= a.trip.end
        ):
            return a.trip  # a visit told without a date, on a day of the trip: the trip's span
        if day is not None and day.end is not None and t.predicate not in ("visits", "accompanies"):
            return None  # a signing somewhere in a trip of several days has no day of its own
        return day
    return None


def _share(triples: list[Triple], listed: dict[str, set[tuple[float, str]]]) -> list[Triple]:
    """Spread a tie kind over the statements of one fact, and a company's one stated sum over its
    other investment facts of the article (its plant's site and city, the city that courts it)."""
    stated_amount: dict[tuple, Amount] = {}
    tie: dict[tuple, str] = {}
    company: dict[str, set[tuple[float, str]]] = defaultdict(set)
    for t in triples:
        k = _fact_key(t)
        if t.amount is not None:
            stated_amount.setdefault(k, t.amount)
            if t.status == "done" and not background(t.evidence.sentence):  # not an earlier investment
                company[_investor(t)].add((t.amount.value, t.amount.currency))
        if t.tie_kind is not None:
            tie.setdefault(k, t.tie_kind)
    out = []
    for t in triples:
        k = _fact_key(t)
        amount = t.amount
        if amount is None and t.predicate in MONEY:
            amount = stated_amount.get(k)
            sums = company.get(_investor(t)) or listed.get(_investor(t), set())
            if amount is None and len(sums) == 1 and t.status == "done":
                value, currency = next(iter(sums))
                amount = Amount(value, currency)
        kind = t.tie_kind or (tie.get(k) if t.predicate == "sisterCityOf" else None)
        out.append(dataclasses.replace(t, amount=amount, tie_kind=kind))
    return out
