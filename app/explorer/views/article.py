"""Article: the text with entity mentions highlighted by type, and the facts it contributes."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import esc, md

kg, loc = data.store(), data.location()
lang = render.lang()
arts = data.cached_article_table(kg, loc)
ents = data.cached_entity_table(kg, loc)
names = data.label_of(ents, lang) if not ents.empty else {}

st.title("Article")
if arts.empty:
    st.info("No article in the graph yet: add one on the Add article page.")
    st.stop()

iris = list(arts["iri"])
current = st.query_params.get("article")
index = iris.index(current) if current in iris else 0
heads = dict(zip(arts["iri"], arts["published"].astype(str) + " · " + arts["headline"].astype(str),
                 strict=True))
choice = st.selectbox("Article", iris, index=index, format_func=lambda i: heads.get(i, i), key="article_pick")
if choice != current:
    st.query_params["article"] = choice

view = data.cached_article_view(kg, loc, choice)
st.header(md(view.headline or choice.rsplit("/", 1)[-1]))
meta = [x for x in (view.published and f"Published {view.published}",
                    view.source and f"Source {view.source}") if x]
st.caption(" · ".join(md(x) for x in meta) + (" · " if meta else "") + f"IRI `{choice}`")

marks = [(int(m.start), int(m.end), m.type, names.get(m.entity, m.entity))
         for m in view.mentions.itertuples()]
st.html(f'<div>{render.legend()}</div><div class="nkg-text">{render.highlight(view.text, marks)}</div>')

st.subheader(f"Facts ({len(view.facts)})")
if view.facts.empty:
    st.info("No facts extracted from this article.")
else:
    table = pd.DataFrame({
        "subject": view.facts["s"].map(lambda x: names.get(x, x)),
        "predicate": view.facts["predicate"].map(lambda p: render.predicate_label(p, lang)),
        "object": view.facts["o"].map(lambda x: names.get(x, x)),
        "confidence": view.facts["confidence"],
        "evidence": view.facts["evidence"],
    })
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={"confidence": st.column_config.NumberColumn(format="%.2f")})
    linked = sorted({*view.facts["s"], *view.facts["o"]}, key=lambda x: names.get(x, x))
    st.html("Entities: " + " · ".join(
        f'<a href="{render.entity_href(x)}" target="_self">{esc(names.get(x, x))}</a>' for x in linked))
