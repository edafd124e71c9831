"""Entity: labels, type, aliases, GeoNames link, and every fact in and out with its evidence."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import esc, md

kg, loc = data.store(), data.location()
lang = render.lang()
other_lang = "en" if lang == "ko" else "ko"
ents = data.cached_entity_table(kg, loc)
label = {lng: data.label_of(ents, lng) for lng in ("ko", "en")} if not ents.empty else {"ko": {}, "en": {}}
kind_of = dict(zip(ents["iri"], ents["type"], strict=True))
alias_of = dict(zip(ents["iri"], ents["aliases"], strict=True))
SHOWN = 60  # facts drawn with their evidence per direction; the table below lists them all

st.title("Entity")
q = st.text_input("Search an entity (한국어 or English)", key="entity_q",
                  placeholder="시흥시, Siheung, 임병택…")
if q:
    hits = data.search_entities(ents, q)
    if hits.empty:
        st.warning(f"No entity matches {md(q)}.")
    else:
        st.caption(f"{len(hits)} match(es)")
        for row in hits.itertuples():
            st.page_link("views/entity.py", label=md(f"{row.ko} · {row.en} ({row.type})"),
                         query_params={"iri": row.iri})

iri = st.query_params.get("iri")
if not iri:
    if not q:
        st.info("Search above, or open an entity from the Overview or the Graph.")
    st.stop()

view = data.cached_entity_view(kg, loc, iri)
if not view.exists:
    st.error(f"No entity {md(iri)} in this graph.")
    st.stop()


def name(node: str, language: str = lang) -> str:
    return str(label[language].get(node) or node.rsplit("/", 1)[-1])


def labels(language: str) -> str:
    return ", ".join(view.labels.get(language, [])) or "—"


st.header(name(iri))
st.html(
    f'<div>{render.type_badge(view.type)} <b>{esc(", ".join(view.classes))}</b> · '
    f'한국어: <b>{esc(labels("ko"))}</b> · English: <b>{esc(labels("en"))}</b></div>')
cols = st.columns(3)
cols[0].markdown("**Aliases**: " + (md(", ".join(view.aliases)) or "—"))
if view.geonames:
    cols[1].markdown(f"**GeoNames**: [{md(view.geonames.rstrip('/').rsplit('/', 1)[-1])}]({view.geonames})")
if view.lat is not None:
    cols[2].markdown(f"**Coordinates**: {view.lat:.4f}, {view.lon:.4f}")
st.page_link("views/graph.py", label="Show in graph", icon=":material/hub:", query_params={"focus": iri})
st.caption(f"IRI: `{iri}`")

# where this entity is mentioned, per article, to highlight it inside evidence sentences
spans: dict[str, list[tuple[int, int]]] = {}
for m in view.mentions.itertuples():
    spans.setdefault(m.article, []).append((int(m.start), int(m.end)))


def _find(sentence: str, node: str) -> list[tuple[int, int]]:
    """Offsets in `sentence` of the node's labels and aliases (longest first)."""
    names = {label["ko"].get(node), label["en"].get(node), *str(alias_of.get(node, "")).split(" | ")}
    out = []
    for n in sorted((n for n in names if n and len(n) > 1), key=len, reverse=True):
        out.extend(m.span() for m in re.finditer(re.escape(n), sentence))
    return out


def evidence_html(f) -> str:
    sentence = f.evidence or ""
    if not sentence:
        return "<i>no evidence recorded</i>"
    start = int(f.start) if f.start is not None and f.start == f.start else None
    focus = []
    if start is not None:
        focus = [(a - start, b - start) for a, b in spans.get(f.article, [])
                 if start <= a and b <= start + len(sentence)]
    if not focus:
        focus = _find(sentence, iri)
    other = f.o if f.s == iri else f.s
    marks = [(a, b, view.type, name(iri)) for a, b in focus]
    kind = kind_of.get(other)
    marks += [(a, b, kind, name(other)) for a, b in _find(sentence, other)]
    return render.highlight(sentence, marks, focus=focus)


facts = view.facts
if facts.empty:
    st.info("No facts about this entity yet.")
    st.stop()
for title, mask in (("Facts out", facts["s"] == iri), ("Facts in", facts["o"] == iri)):
    part = facts[mask]
    if part.empty:
        continue
    st.subheader(f"{title} ({len(part)})")
    if len(part) > SHOWN:
        st.caption(f"The first {SHOWN} with their evidence; the table below lists all {len(part)}.")
    blocks = []
    for f in part.head(SHOWN).itertuples():
        pred = render.predicate_label(f.predicate, lang)
        s_html = (f"<b>{esc(name(f.s))}</b>" if f.s == iri
                  else f'<a href="{render.entity_href(f.s)}" target="_self">{esc(name(f.s))}</a>')
        o_html = (f"<b>{esc(name(f.o))}</b>" if f.o == iri
                  else f'<a href="{render.entity_href(f.o)}" target="_self">{esc(name(f.o))}</a>')
        conf = f" · confidence {float(f.confidence):.2f}" if f.confidence is not None else ""
        art = ""
        if f.article:
            art = (f' · <a href="{render.article_href(f.article)}" target="_self">'
                   f'📰 {esc(f.headline or "article")}</a>')
        blocks.append(
            f'<div class="nkg-fact">{s_html} — <code>{esc(pred)}</code> → {o_html}'
            f'<span style="color:#777">{esc(conf)}</span>{art}</div>'
            f'<div class="nkg-ev">{evidence_html(f)}</div>')
    st.html("".join(blocks))
    if len(part) > SHOWN:
        st.dataframe(pd.DataFrame({
            "subject": part["s"].map(name),
            "predicate": part["predicate"].map(lambda p: render.predicate_label(p, lang)),
            "object": part["o"].map(name), "confidence": part["confidence"], "evidence": part["evidence"],
            "article": part["headline"]}), hide_index=True, width="stretch")
