"""A readable timeline of the rows of the ``timeline`` and ``leads`` named queries (for the CLI).

Example:
    >>> rows = [{"when": "2024-08-13", "end": "2024-08-19", "dated": "stated", "status": "done",
    ...          "subject_label": "한빛시", "predicate": "visits", "object_label": "보스턴",
    ...          "amount": None, "currency": None, "tie_kind": None, "evidence": "한빛시는 …"}]
    >>> print(format_timeline(rows))
    2024-08-13 – 2024-08-19  done     한빛시 visits 보스턴
                                      “한빛시는 …”
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newskg.ontology.vocab import tie_kinds

__all__ = ["format_timeline", "format_amount"]

_EVIDENCE_WIDTH = 90


def format_amount(value: float | int | None, currency: str | None) -> str:
    """``100,000,000,000 KRW``; an empty string when there is no amount.

    >>> format_amount(1e11, "KRW"), format_amount(2.5e6, "USD"), format_amount(None, None)
    ('100,000,000,000 KRW', '2,500,000 USD', '')
    """
    if value is None or currency is None:
        return ""
    v = float(value)
    return f"{int(v):,} {currency}" if v.is_integer() else f"{v:,.2f} {currency}"


def _date(row: Mapping[str, Any]) -> str:
    when, end = row.get("when") or "", row.get("end") or ""
    if not when:
        return "(undated)"
    text = f"{when} – {end}" if end and end != when else when
    return text if row.get("dated") != "published" else f"({text})"


def format_timeline(rows: Iterable[Mapping[str, Any]]) -> str:
    """One entry per fact: its date (in parentheses when only the article's date is known), status,
    the fact with amount and tie kind, and its evidence sentence on the next line."""
    lines = []
    entries = [(_date(r), r) for r in rows]
    width = max((len(d) for d, _ in entries), default=0)
    for date, r in entries:
        fact = (
            f"{r.get('subject_label') or r.get('subject')} {r.get('predicate')} "
            f"{r.get('object_label') or r.get('object')}"
        )
        kind = tie_kinds().get(r.get("tie_kind") or "")
        extra = [x for x in (format_amount(r.get("amount"), r.get("currency")), kind and kind.label_ko) if x]
        if extra:
            fact += "  (" + ", ".join(extra) + ")"
        head = f"{date:<{width}}  {r.get('status') or 'done':<8} "
        lines.append(head + fact)
        ev = " ".join(str(r.get("evidence") or "").split())
        if ev:
            if len(ev) > _EVIDENCE_WIDTH:
                ev = ev[: _EVIDENCE_WIDTH - 1] + "…"
            lines.append(" " * len(head) + f"“{ev}”")
    return "\n".join(lines)
