"""Query results as plain Python values, whichever store answered (shared by the store backends).

IRIs and strings become `str`, integers `int`, decimals and doubles `float`, booleans `bool`,
unbound None.

Example:
    >>> import pyoxigraph as ox
    >>> plain(ox.Literal("3", datatype=ox.NamedNode(XSD + "integer"))), plain(None)
    (3, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

__all__ = ["QueryResult", "Value", "plain", "plain_json", "take", "XSD"]

Value = str | int | float | bool | None

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTS = {
    XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOATS = {XSD + t for t in ("decimal", "double", "float")}


@dataclass
class QueryResult:
    """Rows of plain values. kind is "select", "ask", "construct" (rows of s, p, o) or "update"."""

    columns: list[str]
    rows: list[tuple[Value, ...]]
    kind: str = "select"
    truncated: bool = False  # True when `limit` cut rows off

    @property
    def boolean(self) -> bool | None:
        """The answer of an ASK query (None for other kinds)."""
        return bool(self.rows[0][0]) if self.kind == "ask" else None

    def to_dicts(self) -> list[dict[str, Value]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _typed(value: str, dt: str) -> Value:
    try:
        if dt in _INTS:
            return int(value)
        if dt in _FLOATS:
            return float(value)
        if dt == XSD + "boolean":
            return value in ("true", "1")
    except ValueError:
        return value
    return value


def plain(term: Any) -> Value:
    """The plain value of a pyoxigraph term."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return _typed(term.value, term.datatype.value)
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def plain_json(b: dict[str, Any] | None) -> Value:
    """The plain value of one binding of a SPARQL JSON result."""
    if b is None:
        return None
    if b["type"] == "uri":
        return b["value"]
    if b["type"] == "bnode":
        return "_:" + b["value"]
    return _typed(b["value"], b.get("datatype", ""))


def take(it: Iterable[tuple[Value, ...]], limit: int | None) -> tuple[list[tuple[Value, ...]], bool]:
    """At most `limit` rows of `it`, and whether rows were cut off.

    >>> take(iter([(1,), (2,), (3,)]), 2)
    ([(1,), (2,)], True)
    """
    rows: list[tuple[Value, ...]] = []
    for row in it:
        if limit is not None and len(rows) >= limit:
            return rows, True
        rows.append(row)
    return rows, False
