"""Escaped HTML for the explorer: every article text, label and query value goes through `esc`.

Nothing here trusts its input: markup in an article (`<script>`, `<b>`) comes out as text.

Example:
    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    >>> highlight("시흥시와 샌디에이고", [(0, 3, "LOC", "Siheung")])
    '<mark class="nkg-m nkg-LOC" title="Siheung">시흥시</mark>와 샌디에이고'
    >>> highlight("<b>x</b>", [])
    '&lt;b&gt;x&lt;/b&gt;'
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import urlencode

__all__ = ["TYPE_COLOURS", "PREDICATE_COLOURS", "esc", "highlight", "entity_href", "article_href", "lang",
           "predicate_label", "md",
           "legend", "type_badge", "CSS"]

TYPE_COLOURS = {"PERSON": "#e4572e", "ORG": "#2e86ab", "LOC": "#3a9d5d"}
OTHER_COLOUR = "#888888"
PREDICATE_COLOURS = {
    "sisterCityOf": "#d62728", "visits": "#1f77b4", "investsIn": "#2ca02c",
    "seeksInvestmentFrom": "#ff7f0e", "signsAgreementWith": "#9467bd", "cooperatesWith": "#8c564b",
    "meets": "#e377c2", "accompanies": "#7f7f7f", "headOf": "#bcbd22", "worksFor": "#17becf",
    "locatedIn": "#aaaaaa",
}

CSS = """
<style>
@font-face { font-family: "NanumBarunGothic"; font-weight: 400;
  src: url("app/static/fonts/NanumBarunGothic-Regular.ttf") format("truetype"); }
@font-face { font-family: "NanumBarunGothic"; font-weight: 700;
  src: url("app/static/fonts/NanumBarunGothic-Bold.ttf") format("truetype"); }
.nkg-text { white-space: pre-wrap; line-height: 1.8; font-family: "NanumBarunGothic", sans-serif;
  max-height: 32rem; overflow-y: auto; padding: .5rem .8rem; border: 1px solid #ddd; border-radius: .4rem; }
.nkg-m { border-radius: .25rem; padding: 0 .15rem; color: inherit; }
.nkg-PERSON { background: #e4572e33; border-bottom: 2px solid #e4572e; }
.nkg-ORG { background: #2e86ab33; border-bottom: 2px solid #2e86ab; }
.nkg-LOC { background: #3a9d5d33; border-bottom: 2px solid #3a9d5d; }
.nkg-OTHER { background: #88888833; border-bottom: 2px solid #888; }
.nkg-focus { font-weight: 700; outline: 2px solid #f2c14e; }
.nkg-badge { display: inline-block; border-radius: .6rem; padding: 0 .5rem; color: #fff; font-size: .8rem; }
.nkg-ev { border-left: 3px solid #ccc; padding: .2rem .6rem; margin: .2rem 0 .6rem 0; line-height: 1.7; }
.nkg-fact { margin: .2rem 0; }
.nkg-fact a, .nkg-ev a { text-decoration: none; }
</style>
"""
"""Styles for highlighted text; the page injects it once (st.html)."""


def esc(value: object) -> str:
    """HTML-escape any value (None → empty string)."""
    return "" if value is None else html.escape(str(value), quote=True)


def type_class(kind: str | None) -> str:
    return kind if kind in TYPE_COLOURS else "OTHER"


def highlight(text: str, spans: Iterable[tuple], *, focus: Iterable[tuple[int, int]] = ()) -> str:
    """Escaped `text` with the spans (start, end, type[, title]) wrapped in coloured <mark>s.

    Overlapping spans keep the first (longest at a given start); spans outside the text are dropped.
    Spans listed in `focus` get a stronger outline (the entity a page is about).
    """
    focus = {tuple(f) for f in focus}
    norm = []
    for sp in spans:
        start, end, kind = int(sp[0]), int(sp[1]), sp[2]
        title = sp[3] if len(sp) > 3 else None
        if 0 <= start < end <= len(text):
            norm.append((start, -end, end, kind, title))
    norm.sort()
    out, pos = [], 0
    for start, _, end, kind, title in norm:
        if start < pos:
            continue
        out.append(esc(text[pos:start]))
        cls = f"nkg-m nkg-{type_class(kind)}" + (" nkg-focus" if (start, end) in focus else "")
        attr = f' title="{esc(title)}"' if title else ""
        out.append(f'<mark class="{cls}"{attr}>{esc(text[start:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def entity_href(iri: str) -> str:
    """Relative link to the Entity page of `iri` (a full page load keeps the app's caches)."""
    return "entity?" + urlencode({"iri": iri})


def article_href(iri: str) -> str:
    """Relative link to the Article page of `iri`."""
    return "article?" + urlencode({"article": iri})


def type_badge(kind: str | None) -> str:
    colour = TYPE_COLOURS.get(kind or "", OTHER_COLOUR)
    return f'<span class="nkg-badge" style="background:{colour}">{esc(kind or "?")}</span>'


def legend() -> str:
    """A small colour legend of the entity types."""
    return " ".join(f'<mark class="nkg-m nkg-{k}">{k}</mark>' for k in TYPE_COLOURS)


def lang() -> str:
    """The label language chosen in the sidebar: 'ko' or 'en'."""
    import streamlit as st

    return "en" if st.session_state.get("lang") == "en" else "ko"


def predicate_label(name: str, language: str) -> str:
    """The predicate's label in `language` (its local name when it is not in the ontology)."""
    from newskg.ontology.vocab import predicates

    p = predicates().get(name)
    if p is None:
        return name
    return p.label_ko if language == "ko" else p.label_en


_MD_SPECIAL = set("\\`*_{}[]<>()#+-.!|~$:")


def md(value: object) -> str:
    """Text made inert for Streamlit markdown and widget labels (every markdown sign escaped).

    >>> md("*bold* <b>x</b>")
    '\\\\*bold\\\\* \\\\<b\\\\>x\\\\</b\\\\>'
    """
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in ("" if value is None else str(value)))
