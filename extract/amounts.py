"""Sums of money in Korean news text: 1000억원, 1,000억 원, 3조 2000억원, 3억달러, 미화 5억 달러 ….

No library reads these, so this is a small normaliser: digits (with thousands separators or a
decimal point) and Korean units (조, 억, 만, 천) in any sequence, then a currency word, give an
`Amount` in units of an ISO 4217 currency. A word like 총 or 모두 right before marks the sum as a
total of several parties; a conversion in parentheses after a sum ("4억달러(약 5400억원)") is the
same sum and is left out. Units, currency words and total markers are in ``data/currencies.tsv``.

Example:
    >>> found = find_amounts("총 3조 2000억원과 5억 달러")
    >>> [(m.text, m.amount.value, m.amount.currency, m.total) for m in found]
    [('3조 2000억원', 3200000000000.0, 'KRW', True), ('5억 달러', 500000000.0, 'USD', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newskg.extract.lexicon import data_entries
from newskg.extract.records import Amount
from newskg.ontology.errors import PipelineError

__all__ = ["MoneyMention", "find_amounts", "parse_amount"]


@dataclass(frozen=True)
class MoneyMention:
    """A sum at ``text[start:end]`` with its value; `total` when a word like 총 introduces it."""

    start: int
    end: int
    text: str
    amount: Amount
    total: bool = False


@dataclass(frozen=True)
class _Money:
    units: dict[str, int]
    currencies: dict[str, str]
    prefixes: dict[str, str]
    totals: tuple[str, ...]
    follow: tuple[str, ...]


@lru_cache(maxsize=1)
def _money() -> _Money:
    path, entries = data_entries("currencies.tsv", "money word list")
    units: dict[str, int] = {}
    currencies: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    totals: list[str] = []
    follow: list[str] = []
    for n, line in entries:
        kind, word, value = (line.split("\t") + ["", ""])[:3]
        if kind == "unit":
            units[word] = int(value)
        elif kind == "currency":
            currencies[word] = value
        elif kind == "prefix":
            prefixes[word] = value
        elif kind == "total":
            totals.append(word)
        elif kind == "follow":
            follow.append(word)
        else:
            raise PipelineError(f"{path}:{n}: unknown kind {kind!r}; see the comment at the top of the file")
    return _Money(units, currencies, prefixes, tuple(totals), tuple(sorted(follow, key=len, reverse=True)))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    m = _money()
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    unit = _alt(m.units)
    # a number is one or more "digits unit" groups ("3조 2000억"), or plain digits ("300")
    amount = rf"(?:(?:{number})\s*(?:{unit})+\s*)+(?:{number})?|(?:{number})"
    prefix, currency = _alt(m.prefixes), _alt(m.currencies)
    strict = _alt(p for p, code in m.prefixes.items() if code != "-")
    # the currency word after the number, or only before it ("US$ 3억", "USD 5000만")
    return re.compile(
        rf"(?P<prefix>(?:{prefix})\s*)?(?P<amount>{amount})\s*(?P<cur>{currency})"
        rf"|(?P<only>{strict})\s*(?P<bare>{amount})"
    )


def _value(text: str) -> float:
    """3조 2000억 → 3.2e12; 1,000억 → 1e11; 1.5억 → 1.5e8; 300 → 300."""
    units = _money().units
    total = 0.0
    pending = 0.0  # digits waiting for a unit ("2000" before 억)
    tokens = re.findall(r"\d[\d,]*(?:\.\d+)?|" + _alt(units), text)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok[0].isdigit():
            pending = float(tok.replace(",", ""))
            i += 1
            group = 1.0
            # smaller units inside a larger one: "3천억" = 3 * 1000 * 1e8
            while i < len(tokens) and not tokens[i][0].isdigit():
                group *= units[tokens[i]]
                i += 1
            if group != 1.0:
                total += pending * group
                pending = 0.0
        else:  # a unit without digits ("억 원" alone) counts as one of it
            total += units[tok]
            i += 1
    return total + pending


def parse_amount(text: str) -> Amount | None:
    """The Amount of a sum written alone ("1,000억 원", "3억달러"), or None.

    >>> parse_amount("1,000억 원"), parse_amount("20억엔"), parse_amount("천 명")
    (Amount(value=100000000000.0, currency='KRW'), Amount(value=2000000000.0, currency='JPY'), None)
    """
    found = find_amounts(text)
    return found[0].amount if len(found) == 1 else None


def _prefixed(text: str, hit: re.Match[str], m: _Money) -> MoneyMention | None:
    """A sum whose currency is written only before it ("US$ 3억", "USD 5000만")."""
    amount = hit.group("bare").rstrip()
    end = hit.start("bare") + len(amount)
    rest = text[end:]
    if rest[:1] and re.match(r"[가-힣]", rest[0]) and not rest.startswith(m.follow):
        return None
    value = _value(amount)
    if value <= 0:
        return None
    amount_ = Amount(value, m.prefixes[hit.group("only")])
    return MoneyMention(hit.start(), end, text[hit.start() : end], amount_, _is_total(text, hit.start(), m))


def _is_total(text: str, start: int, m: _Money) -> bool:
    """Whether a word like 총 or 모두 right before `start` makes the sum a total of several parties."""
    before = text[max(0, start - 6) : start]
    return any(re.search(re.escape(w) + r"\s*$", before) for w in m.totals)


def find_amounts(text: str) -> list[MoneyMention]:
    """Every sum of money in `text`, in text order."""
    m = _money()
    out: list[MoneyMention] = []
    for hit in _pattern().finditer(text):
        if hit.group("only"):
            mention = _prefixed(text, hit, m)
            if mention is not None:
                out.append(mention)
            continue
        if out and re.fullmatch(r"\s*\(\s*(?:약|약\s|about\s)?\s*", text[out[-1].end : hit.start()]):
            continue  # "4억달러(약 5400억원)": the same sum converted, not a second one
        rest = text[hit.end() :]
        if rest[:1] and re.match(r"[가-힣]", rest[0]) and not rest.startswith(m.follow):
            continue  # "3억 엔진": the word goes on, so it was no currency
        if hit.start() and re.match(r"[\d.,]", text[hit.start() - 1]):
            continue
        cur = m.currencies[hit.group("cur")]
        prefix = (hit.group("prefix") or "").strip()
        if prefix and m.prefixes[prefix] != "-":
            cur = m.prefixes[prefix]
        value = _value(hit.group("amount"))
        if value <= 0:
            continue
        total = _is_total(text, hit.start(), m)
        out.append(MoneyMention(hit.start(), hit.end(), hit.group(), Amount(value, cur), total))
    return out
