"""Korean time expressions of a news text, resolved against the publication date.

The parsing of dates is korean-datetime's (with the news setting ``cycle=NEAREST``: "21일" in a story
of the 22nd is yesterday, in one of the 2nd it is the 21st of last month). On top of it this module
knows what news prose does with dates:

- a date right before a reporting verb ("…했다고 14일 밝혔다") is when the story was told: role
  ``report``; one before ``까지`` alone ("2027년까지 짓는다") is a deadline: role ``deadline``;
- a trip length after (or, with 일정, before) a start day ("19일부터 3박 4일 일정으로", "사흘
  일정으로") makes a span of that many days, and is never read as a date itself ("4박 7일" is no
  7th);
- "이날", "같은 날", "이튿날" … refer back to the day last named (role ``anaphor``);
- without a publication date only expressions that name their year are kept.

Word lists (reporting verbs, native day counts, anaphors) are in ``data/time_words.tsv``.

Example:
    >>> text = "한빛군은 13일 협약을 체결했다고 14일 밝혔다."
    >>> [(t.text, t.when.to_json(), t.role) for t in find_times(text, "2023-09-14")]
    [('13일', '2023-09-13', 'event'), ('14일', '2023-09-14', 'report')]
    >>> find_times("지난 19일부터 3박 4일 일정으로 방문했다.", "2012-10-21")[0].when.to_json()
    {'start': '2012-10-19', 'end': '2012-10-22'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from newskg.extract.lexicon import data_entries
from newskg.extract.records import When
from newskg.ontology.errors import PipelineError

__all__ = [
    "TimeMention",
    "find_times",
    "parse_published",
    "background",
    "companions",
    "ongoing",
    "anniversary",
    "event_nouns",
    "starts_leg",
    "departs",
    "tells_length",
    "pair_words",
    "trip_words",
    "ROLES",
]

ROLES = ("event", "since", "report", "source", "deadline", "prior", "anaphor")


@dataclass(frozen=True)
class TimeMention:
    """A time expression at ``text[start:end]``, what it resolves to, and its role in the sentence:
    ``event`` (a date of what happened), ``since`` ("지난해부터": the start of something ongoing),
    ``report`` (when the story was told: "…고 14일 밝혔다"), ``source`` (when a source spoke: "12일 시에
    따르면"), ``deadline`` ("2027년까지"), ``prior`` (of an earlier event the sentence counts from:
    "지난해 11월 부임 이후") or ``anaphor`` ("이날")."""

    start: int
    end: int
    text: str
    when: When
    role: str = "event"


@dataclass(frozen=True)
class _Words:
    anaphors: dict[str, int]
    days: dict[str, int]
    report: tuple[str, ...]
    source: tuple[str, ...]
    count: tuple[str, ...]
    background: tuple[str, ...]
    companion: tuple[str, ...]
    ongoing: tuple[str, ...]
    anniversary: tuple[str, ...]
    after: tuple[str, ...]
    leg: tuple[str, ...]
    departure: tuple[str, ...]
    pair: tuple[str, ...]
    trip: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    path, entries = data_entries("time_words.tsv", "time word list")
    anaphors: dict[str, int] = {}
    days: dict[str, int] = {}
    kinds = (
        "report",
        "source",
        "count",
        "background",
        "companion",
        "ongoing",
        "anniversary",
        "after",
        "leg",
        "departure",
        "pair",
        "trip",
    )
    lists: dict[str, list[str]] = {k: [] for k in kinds}
    for n, line in entries:
        kind, word, value = (line.split("\t") + ["", ""])[:3]
        if kind == "anaphor":
            anaphors[word] = int(value)
        elif kind == "days":
            days[word] = int(value)
        elif kind in lists:
            lists[kind].append(word)
        else:
            raise PipelineError(f"{path}:{n}: unknown kind {kind!r}; see the comment at the top of the file")
    return _Words(anaphors, days, *(tuple(lists[k]) for k in kinds))


@lru_cache(maxsize=1)
def _parser():
    from korean_datetime import Cycle, ParseOptions, TemporalParser

    parser = TemporalParser(ParseOptions(cycle=Cycle.NEAREST))
    scanner = getattr(parser, "_scanner", None)
    if all(hasattr(scanner, a) for a in ("rules", "_left_ok", "_token", "_has_attachable")):
        parser._scanner = _fast_scanner(scanner)
    return parser


def _fast_scanner(scanner):
    """The library's scanner with the same tokens, found faster.

    The library tries each of its ~60 rules with `match` at every character of the article, in
    Python (a third of extraction time). Here each rule first finds, in one C-level pass over the
    text, every position where it can match (a lookahead has exactly `match(text, pos)`'s
    semantics), and the rule loop then only tries the rules that can match at that position, in
    the library's order, so the longest-match choice is unchanged. A rule whose matches all begin
    with a character of a known class (:func:`_first_chars`) is tried only where such a character
    stands: a few dozen places of an article instead of every character.
    """
    from korean_datetime.core.scanner import Scanner, Split, ends_word

    class _FastScanner(Scanner):
        def __init__(self, rules) -> None:
            super().__init__(rules)
            self._ahead = tuple(
                re.compile(f"(?=(?:{r.pattern.pattern}))", r.pattern.flags) for r in self._rules
            )
            self._first = tuple(_first_chars(r.pattern) for r in self._rules)

        def _starts(self, text: str) -> list[set[int]]:
            """Per rule, every position of `text` where it matches."""
            out = []
            for rule, ahead, first in zip(self._rules, self._ahead, self._first, strict=True):
                if first is None:
                    out.append({m.start() for m in ahead.finditer(text)})
                else:
                    match = rule.pattern.match
                    out.append({m.start() for m in first.finditer(text) if match(text, m.start())})
            return out

        def scan(self, text: str) -> list:
            starts = self._starts(text)
            anywhere = set().union(*starts)
            tokens: list = []
            pos, last_end = 0, 0
            while pos < len(text):
                if pos not in anywhere:
                    pos += 1
                    continue
                attached = not self._left_ok(text, pos, last_end)
                if attached and not self._has_attachable:
                    pos += 1
                    continue
                best = self._best_at(text, pos, attached, starts, anywhere)
                if best is None:
                    pos += 1
                    continue
                tokens.extend(best)
                pos = last_end = best[-1].end
            return tokens

        def _best_at(self, text, pos, attached, starts, anywhere):
            best = None
            best_end = pos
            for rule, at in zip(self._rules, starts, strict=True):
                if pos not in at or (attached and not rule.attachable):
                    continue
                match = rule.pattern.match(text, pos)
                if match is None or match.end() <= best_end:
                    continue
                end = match.end()
                if rule.right_boundary and not (ends_word(text, end) or end in anywhere):
                    continue
                value = rule.build(match)
                if value is None:
                    continue
                best = value if isinstance(value, Split) else (self._token(rule, match, value),)
                best_end = end
            return best

    try:
        return _FastScanner(scanner.rules)
    except re.error:  # a rule that cannot sit inside a lookahead (a leading inline flag): keep the library's
        return scanner


class _Unknown(Exception):
    """A regex construct :func:`_first_chars` does not reason about."""


def _first_of_seq(items) -> tuple[list[str], bool]:
    """(class parts, constrained) of a parsed regex sequence: when constrained, every match of it
    at a position p needs the character at p in the class."""
    parts: list[str] = []
    for op, av in items:
        got, constrained = _first_of_op(op, av)
        parts += got
        if constrained:
            return parts, True
    return parts, False


def _first_of_op(op, av) -> tuple[list[str], bool]:
    from re import _constants as c  # the parse tree of the re module (as re itself uses it)

    if op is c.LITERAL:
        return [re.escape(chr(av))], True
    if op is c.IN:
        parts = []
        for iop, iav in av:
            if iop is c.LITERAL:
                parts.append(re.escape(chr(iav)))
            elif iop is c.RANGE:
                parts.append(re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])))
            elif iop is c.CATEGORY and iav in _CATEGORIES:
                parts.append(_CATEGORIES[iav])
            else:
                raise _Unknown  # a negated class, \D, …
        return parts, True
    if op is c.BRANCH:
        parts, constrained = [], True
        for seq in av[1]:
            got, each = _first_of_seq(seq)
            parts += got
            constrained = constrained and each
        return parts, constrained
    if op is c.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            raise _Unknown  # a scoped flag the class would not carry
        return _first_of_seq(av[3])
    if op is c.ATOMIC_GROUP:
        return _first_of_seq(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        parts, constrained = _first_of_seq(av[2])
        return parts, constrained and av[0] > 0
    if op is c.ASSERT and av[0] == 1:
        return _first_of_seq(av[1])  # a lookahead at p constrains the character at p as well
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return [], False  # zero width: leaving out its condition only lets more positions through
    raise _Unknown


def _categories() -> dict:
    from re import _constants as c

    return {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w"}


_CATEGORIES = _categories()


def _first_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""A character class that the first character of every match of `pattern` belongs to, or None
    when a match may start anywhere or the pattern holds a construct this does not reason about.

    >>> _first_chars(re.compile(r"(?:지난|올)\s*해")).pattern
    '[지올]'
    >>> _first_chars(re.compile(r"(?<!\d)(\d{1,2})\s*시")).pattern
    '[\\d]'
    >>> _first_chars(re.compile(r"\s*오후")).pattern
    '[\\s오]'
    >>> _first_chars(re.compile(r"(?:오전)?\d*")) is None
    True
    """
    from re import _parser

    try:
        parts, constrained = _first_of_seq(_parser.parse(pattern.pattern, pattern.flags))
    except (_Unknown, re.error):
        return None
    if not constrained or not parts:
        return None
    return re.compile("[" + "".join(parts) + "]", pattern.flags & ~re.VERBOSE)


def parse_published(value: str | None) -> date | None:
    """The publication date of an Article (``YYYY-MM-DD…``), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _duration_re() -> re.Pattern[str]:
    native = "|".join(sorted(map(re.escape, _words().days), key=len, reverse=True))
    # "3박 4일", "3박4일", "2박 3일간", "사흘 일정", "사흘간", "5일간", "7일 동안"
    return re.compile(
        rf"(?P<nights>\d+)\s*박\s*(?P<days>\d+)\s*일(?:간)?"
        rf"|(?P<native>{native})(?=\s*(?:간|동안|일정|의 일정))"
        rf"|(?P<count>\d+)\s*일(?=\s*(?:간|동안)(?:(?![가-힣])|{_COUNT_PARTICLE}))"
    )


# particles a count word takes ("전에", "만의", "째인", "이내로"); any other syllable makes it part of a word
_COUNT_PARTICLE = (
    r"(?:에|의|인|이|을|은|는|도|만|째|부터|까지|쯤|께|여|엔|으로|로|와|과|보다|처럼|만큼|다|였|에서)"
)


@lru_cache(maxsize=1)
def _count_re() -> re.Pattern[str]:
    after = "|".join(sorted(map(re.escape, _words().count), key=len, reverse=True))
    # the count word ends its word or takes a particle ("20년 전", "6년 만에", "3일 간의"): "13일 만나",
    # "13일 간담회", "7일 후쿠오카" are dates before a verb or a name. 전 stays a count word before
    # any syllable: unmasking "7일 전남도청" lowered the real-news check set's when (20/29 from 25/29)
    return re.compile(
        rf"\d+\s*(?:년|개월|달|주|일|주년)\s*전|"
        rf"\d+\s*(?:년|개월|달|주|일|주년)\s*(?:{after})(?![가-힣])|"
        rf"\d+\s*(?:년|개월|달|주|일|주년)\s*(?:{after})(?={_COUNT_PARTICLE})"
    )


def pair_words() -> tuple[str, ...]:
    """Words that name the two parties of a story together ("양측", "두 도시")."""
    return _words().pair


def trip_words() -> tuple[str, ...]:
    """Nouns of a trip of several stops ("순방", "첫 방문지")."""
    return _words().trip


def background(sentence: str) -> bool:
    """Whether the sentence tells an earlier experience ("…한 바 있다")."""
    return any(w in sentence for w in _words().background)


def companions(sentence: str) -> bool:
    """Whether the sentence lists the companions of a trip ("이번 순방에는 A와 B가 동행했다")."""
    return any(w + "에는" in sentence or w + "에도" in sentence for w in _words().companion)


def ongoing(after: str) -> bool:
    """Whether the phrase right after a place says a trip there is under way ("을 방문 중인", "과
    우즈베키스탄 두 나라를 국빈 방문 중인")."""
    phrase = re.split(r"[,.?!]|[가-힣](?:고|며|서|다|아|어|해)\s", after[:40])[0]
    return any(w in phrase for w in _words().ongoing)


@lru_cache(maxsize=1)
def _after_re() -> re.Pattern[str]:
    after = "|".join(sorted(map(re.escape, _words().after), key=len, reverse=True))
    return re.compile(rf"([가-힣]{{2,5}}?)(?:을|를|이|가)?\s*(?:{after})(?![가-힣])")


def tells_length(sentence: str) -> bool:
    """Whether the sentence says how long something lasted ("이틀간 머문 뒤", "3박 4일 일정으로")."""
    return bool(_durations(sentence))


def starts_leg(sentence: str) -> bool:
    """Whether the sentence tells a move that starts a leg of a trip ("13일 서울로 이동해")."""
    return any(w in sentence for w in _words().leg)


def departs(text: str, t: TimeMention) -> bool:
    """Whether the day `t` is when a trip ends ("15일 출국한다")."""
    return any(w in text[t.end : t.end + 10] for w in _words().departure)


def event_nouns(sentence: str) -> list[str]:
    """Event nouns the sentence says it follows ("회담 직후" → 회담, "간담회를 마친 뒤" → 간담회)."""
    return [m.group(1) for m in _after_re().finditer(sentence)]


def anniversary(text: str, published: str | None) -> list[tuple[int, When]]:
    """(offset, year) of every "N주년" that dates a tie: N years before the publication year."""
    pub = parse_published(published)
    if pub is None:
        return []
    words = "|".join(map(re.escape, _words().anniversary))
    return [
        (m.start(), When(f"{pub.year - int(m.group(1)):04d}"))
        for m in re.finditer(rf"(\d+)\s*(?:{words})", text)
        if 0 < int(m.group(1)) < pub.year
    ]


def _durations(text: str) -> list[tuple[int, int, int]]:
    """(start, end, number of days) of every trip length in `text`."""
    out = []
    for m in _duration_re().finditer(text):
        if m.group("days"):
            n = int(m.group("days"))
        elif m.group("native"):
            n = _words().days[m.group("native")]
        else:
            n = int(m.group("count"))
        out.append((m.start(), m.end(), n))
    return out


_YEAR = re.compile(r"(?:19|20)\d{2}\s*년|(?:19|20)\d{2}[.\-/]\s*\d{1,2}")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def _iso(d: date, grain: str) -> str:
    if grain == "year":
        return f"{d.year:04d}"
    if grain == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _to_when(r) -> When | None:
    """The When of a korean-datetime result (its end is exclusive; ours is the last day, month or year)."""
    kind, grain = r.kind.value, r.grain.value
    if kind not in ("date", "datetime") or r.start is None or r.end is None:
        return None
    first, last = r.start.date(), (r.end - timedelta(microseconds=1)).date()
    if kind == "datetime" or grain in ("hour", "minute", "second"):
        grain = "day"
    if grain in ("half_year", "quarter"):
        return When(_iso(first, "month"), _iso(last, "month"))
    if grain not in ("day", "month", "year"):
        return None  # weeks, vague times: not a date the contract has a form for
    start, end = _iso(first, grain), _iso(last, grain)
    return When(start, end if end != start else None)


# a date followed by an event noun and 이후/이래: the date of that earlier event ("부임 이후", "취임 이래")
_PRIOR = re.compile(r"\s*[가-힣]{2,4}\s?(?:이후|이래)(?![가-힣])")


def _role(text: str, start: int, end: int, is_range: bool) -> str:
    words = _words()
    after = text[end : end + 16]
    tail = re.sub(r"^\s*(?:\([^)]{0,8}\))?\s*", "", after)  # "14일(현지시간) 밝혔다"
    if any(tail.startswith(w) for w in words.report):
        return "report"
    head = text[max(0, start - 2) : start]
    if any(re.match(r"\s*[^\s.]{1,20}" + re.escape(w), after) for w in words.source) and not head.strip():
        return "source"  # "4일 충청남도에 따르면": the day the source spoke, at the sentence's start
    if not is_range and re.match(r"\s*까지", after):
        return "deadline"
    if not is_range and _PRIOR.match(after):
        return "prior"  # "지난해 11월 부임 이후 처음이다": the date of another event the sentence counts from
    if not is_range and re.match(r"\s*부터", after):
        return "since"
    return "event"


def find_times(text: str, published: str | None) -> list[TimeMention]:
    """Every time expression of `text` in text order, resolved against `published` (YYYY-MM-DD).

    Without a publication date only expressions that name their year ("2009년", "지난해 10월" is
    dropped) are kept. Spans from trip lengths and anaphors are resolved here, in text order.

    Example:
        >>> [t.when.to_json() for t in find_times("2009년 자매결연을 맺었다. 13일 방문했다.", None)]
        ['2009']
    """
    pub = parse_published(published)
    durations = _durations(text)
    masked = list(text)
    lengths = [(m.start(), m.end()) for m in _count_re().finditer(text)]
    for s, e in [(d[0], d[1]) for d in durations] + lengths:  # a length is no date: "4박 7일" is no 7th
        masked[s:e] = " " * (e - s)
    # the parser reads "13일 간담회" as "13일간" (13 days): a length word that begins a longer word
    # ("간담회", "동안구") is hidden from it
    for m in re.finditer(rf"\d+\s*일\s*(간|동안)(?!{_COUNT_PARTICLE})(?=[가-힣])", text):
        masked[m.start(1)] = "□"
    now = datetime(pub.year, pub.month, pub.day, 12) if pub else datetime(2000, 1, 1, 12)
    found: list[TimeMention] = []
    for r in _parser().parse_all("".join(masked), now=now):
        start, end = r.span
        surface = text[start:end]
        if _CLOCK.search(surface) and _YEAR.search(surface):
            continue  # a dateline or timestamp ("2024.03.08 11:05"), not an event
        if pub is None and not _YEAR.search(surface):
            continue
        quoted = start > 0 and text[start - 1] in "'’‘"
        if re.match(r"\d{1,2}\s*년", surface) and not quoted:
            continue  # "20년 교류": a count of years, not the year 2020 ('20년 with an apostrophe is one)
        when = _to_when(r)
        if when is None:
            continue
        found.append(TimeMention(start, end, surface, when, _role(text, start, end, bool(r.is_range))))
    found = [_with_duration(t, text, durations) for t in found]
    found += _anaphors(text)
    found.sort(key=lambda t: t.start)
    return _resolve_anaphors(found, pub)


def _with_duration(t: TimeMention, text: str, durations: list[tuple[int, int, int]]) -> TimeMention:
    """A start day followed by a trip length ("19일부터 3박 4일 일정으로") becomes the trip's span;
    so does one preceded by a trip length of a schedule ("2박 3일간의 국빈 방문 일정으로 20일")."""
    if t.when.end is not None or len(t.when.start) != 10 or t.role not in ("event", "since", "deadline"):
        return t
    if t.role == "deadline":
        # "오는 23일까지 열흘간 …": a stay of that many days that ends on the day
        for s, _e, n in durations:
            if s >= t.end and re.fullmatch(r"\s*까지\s*", text[t.end : s]):
                last = date.fromisoformat(t.when.start)
                first = last - timedelta(days=n - 1)
                return TimeMention(t.start, t.end, t.text, When(first.isoformat(), last.isoformat()), "event")
        return t
    for s, e, n in durations:
        gap = text[t.end : s] if s >= t.end else text[e : t.start]
        after = s >= t.end and re.fullmatch(r"\s*(?:부터)?\s*(?:까지)?\s*(?:의)?\s*", gap)
        before = e <= t.start and len(gap) <= 24 and "일정" in gap and not re.search(r"[.?!]", gap)
        if after or before:
            first = date.fromisoformat(t.when.start)
            last = first + timedelta(days=n - 1)
            return TimeMention(t.start, t.end, t.text, When(first.isoformat(), last.isoformat()), "event")
    return t


@lru_cache(maxsize=1)
def _anaphor_re() -> re.Pattern[str]:
    words = sorted(map(re.escape, _words().anaphors), key=len, reverse=True)
    return re.compile("|".join(words))


def _anaphors(text: str) -> list[TimeMention]:
    out = []
    for m in _anaphor_re().finditer(text):
        before = text[m.start() - 1 : m.start()] if m.start() else ""
        if before and re.match(r"[가-힣]", before):
            continue  # inside a word
        shift = _words().anaphors[m.group()]
        out.append(TimeMention(m.start(), m.end(), m.group(), When(f"+{shift}"), "anaphor"))
    return out


def _resolve_anaphors(found: list[TimeMention], pub: date | None) -> list[TimeMention]:
    """ "이날" takes the event day last named before it; "전날" and "이튿날" count from the day last
    named, a source's day included ("12일 시에 따르면 … 전날"); else from the publication day."""
    out: list[TimeMention] = []
    last_event: date | None = None
    last_any: date | None = None
    for t in found:
        if t.role == "anaphor":
            shift = int(t.when.start[1:])
            base = (last_any if shift else last_event) or pub
            if base is None:
                continue
            day = base + timedelta(days=shift)
            out.append(TimeMention(t.start, t.end, t.text, When(day.isoformat()), "anaphor"))
            last_any = day
            continue
        if len(t.when.start) == 10 and t.role in ("event", "since", "source"):
            day = date.fromisoformat(t.when.start)
            last_any = day
            if t.role != "source":
                last_event = day
        out.append(t)
    return out
