"""Add article: paste text or upload a file → extraction preview → add to the graph.

After adding, every cache is cleared, so the other pages show the new article at once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import md
from newskg.ontology.errors import NewsKGError

kg = data.store()
lang = render.lang()

st.title("Add article")
st.caption("Paste an article or upload a saved page; check what the extractor finds; add it to the graph.")

how = st.radio("Source", ["Paste text", "Upload a file"], horizontal=True, key="add_how")
article = None
try:
    if how == "Paste text":
        title = st.text_input("Headline (optional)", key="add_title")
        text = st.text_area("Article text", height=260, key="add_text",
                            placeholder="[경기 시흥=데일리임팩트 이상묵 기자]시흥시는 …")
        if text and text.strip():
            from newskg.extract.reader import read_text

            body = f"{title.strip()}\n\n{text}" if title and title.strip() else text
            doc = "pasted-" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:12]
            article = read_text(body, doc)
    else:
        up = st.file_uploader("Article file (.txt, .html)", type=["txt", "html", "htm"], key="add_file")
        if up is not None:
            from newskg.extract.reader import read_file

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / Path(up.name).name
                path.write_bytes(up.getvalue())
                got = read_file(path)
            article = got[0] if isinstance(got, (list, tuple)) else got
            article = dataclasses.replace(article, id=Path(up.name).name, source=up.name)
except NewsKGError as exc:
    st.error(f"Cannot read the article: {exc}")

if article is not None and st.button("Extract", type="primary", key="add_extract"):
    with st.spinner("Extracting entities and relations…"):
        try:
            st.session_state["add_extraction"] = data.extractor().extract(article)
        except NewsKGError as exc:
            st.error(f"Extraction failed: {exc}")

ex = st.session_state.get("add_extraction")
if ex is not None:
    text = ex.article.text if ex.article is not None else ""
    st.subheader("Preview")
    by_id = {e.id: e for e in ex.entities}
    marks = [(a, b, e.type, e.label_en) for e in ex.entities for a, b in e.mentions]
    st.html(f'<div>{render.legend()}</div><div class="nkg-text">{render.highlight(text, marks)}</div>')

    def name(eid: str) -> str:
        e = by_id.get(eid)
        return eid if e is None else (e.label if lang == "ko" else e.label_en)

    st.markdown(f"**{len(ex.entities)} entities**")
    st.dataframe(pd.DataFrame([{"label": e.label, "English": e.label_en, "type": e.type, "class": e.cls,
                                "aliases": ", ".join(e.aliases), "mentions": len(e.mentions)}
                               for e in ex.entities]), hide_index=True, width="stretch")
    st.markdown(f"**{len(ex.triples)} triples**")
    st.dataframe(pd.DataFrame([{"subject": name(t.subject),
                                "predicate": render.predicate_label(t.predicate, lang),
                                "object": name(t.object), "confidence": t.confidence,
                                "evidence": t.evidence.sentence} for t in ex.triples]),
                 hide_index=True, width="stretch",
                 column_config={"confidence": st.column_config.NumberColumn(format="%.2f")})
    if st.button("Add to graph", type="primary", key="add_commit"):
        from newskg.graph.build import add_extractions

        try:
            with data.write_lock():
                report = add_extractions(kg, [ex])
        except NewsKGError as exc:
            st.error(f"Could not add the article: {exc}")
        else:
            data.added()
            st.session_state["add_extraction"] = None
            st.session_state["add_report"] = (report.summary(), list(report.articles),
                                              [f"{doc}: {why}" for doc, why in report.rejected])
            st.rerun()

done = st.session_state.get("add_report")
if done:
    summary, iris, rejected = done
    (st.warning if rejected else st.success)(f"Graph updated: {md(summary)}.")
    for why in rejected:
        st.error(md(why))
    for iri in iris:
        st.page_link("views/article.py", label="Open the article", icon=":material/article:",
                     query_params={"article": iri})
