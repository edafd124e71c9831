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

import csv
import html
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

MESSAGES = Path(__file__).resolve().parent / "messages.tsv"
"""The interface's one message catalogue: key, Korean, English (tab-separated, UTF-8)."""

__all__ = [
    "TYPE_COLOURS",
    "PREDICATE_COLOURS",
    "esc",
    "highlight",
    "entity_href",
    "article_href",
    "lang",
    "predicate_label",
    "md",
    "t",
    "messages",
    "badge",
    "money",
    "no_paths",
    "legend",
    "type_badge",
    "CSS",
]

TYPE_COLOURS = {"PERSON": "#e4572e", "ORG": "#2e86ab", "LOC": "#3a9d5d"}
OTHER_COLOUR = "#888888"
PREDICATE_COLOURS = {
    "sisterCityOf": "#d62728",
    "visits": "#1f77b4",
    "investsIn": "#2ca02c",
    "seeksInvestmentFrom": "#ff7f0e",
    "signsAgreementWith": "#9467bd",
    "cooperatesWith": "#8c564b",
    "meets": "#e377c2",
    "accompanies": "#7f7f7f",
    "headOf": "#bcbd22",
    "worksFor": "#17becf",
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
.nkg-meta { color: #666; font-size: .85rem; }
.nkg-planned { background: #f2a541; } .nkg-failed { background: #999; }
.nkg-rejected { background: #c0392b; } .nkg-confirmed { background: #27ae60; }
.nkg-amount { background: #2e86ab; } .nkg-when { background: #6c5b7b; }
details.nkg-more summary { cursor: pointer; color: #555; font-size: .85rem; }
.st-key-sparql_text textarea, .nkg-mono {
  font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace !important; }
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
    """The language chosen in the sidebar: 'ko' (the default) or 'en'."""
    try:
        import streamlit as st

        return "en" if st.session_state.get("lang") == "en" else "ko"
    except Exception:  # outside a Streamlit session (doctests, the CLI)
        return "ko"


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    """key → {"ko": text, "en": text} from messages.tsv (lines starting with # are comments)."""
    out = {}
    with MESSAGES.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            key, ko, en = (row + ["", ""])[:3]
            out[key] = {"ko": ko, "en": en or ko}
    return out


def t(key: str, language: str | None = None, **values: object) -> str:
    """The interface text `key` in the sidebar's language, with `{name}` fields filled in.

    Unknown keys come back as the key itself, so a missing entry shows rather than crashes
    (a test checks that every key the pages use is in the catalogue).
    """
    entry = messages().get(key)
    text = key if entry is None else entry[language or lang()]
    return text.format(**values) if values else text


def no_paths(message: object) -> str:
    """A message without server file paths (a temp folder, the store's location): users see names.

    >>> no_paths("cannot read /tmp/tmpab12/x.html: bad bytes")
    'cannot read x.html: bad bytes'
    """
    import re

    return re.sub(r"(?:file://)?(?:/[^\s/:;,'\"]+)+/([^\s/:;,'\"]+)", r"\1", str(message))


def badge(text: str, kind: str) -> str:
    """A small coloured label (planned, failed, rejected, confirmed, amount, when)."""
    return f'<span class="nkg-badge nkg-{esc(kind)}">{esc(text)}</span>'


def money(value: float, currency: str) -> str:
    """An amount for people: 100000000000 KRW → '1,000억 원' in Korean, '100.0 bn KRW' in English."""
    language = lang()
    if language == "ko" and currency == "KRW":
        if value >= 1e12:
            return f"{value / 1e12:,.4g}조 원"
        if value >= 1e8:
            return f"{value / 1e8:,.0f}억 원"
    if value >= 1e9:
        return f"{value / 1e9:,.4g} bn {currency}"
    if value >= 1e6:
        return f"{value / 1e6:,.4g} m {currency}"
    return f"{value:,.0f} {currency}"


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
    text = "".join("\\" + c if c in _MD_SPECIAL else c for c in ("" if value is None else str(value)))
    # GFM turns bare URLs and e-mail addresses into links after parsing, escapes or not: a word
    # joiner (invisible) after the scheme's colon, "www" and "@" keeps them text
    return text.replace("\\://", "\\:\u2060//").replace("www\\.", "www\u2060\\.").replace("@", "@\u2060")


def code(value: object) -> str:
    """A value shown as inline code in markdown (IRIs, paths): backticks cannot close it early.

    >>> code("https://e.org/x`y")
    '`` https://e.org/x`y ``'
    """
    text = ("" if value is None else str(value)).replace("\n", " ")
    return f"`` {text.replace('``', '` `')} ``"
