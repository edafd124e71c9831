"""Overview: counts by type and predicate, the most connected entities, the latest articles."""

from __future__ import annotations

import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import md, t

kg = data.store()
lang = render.lang()
counts = data.cached_overview_stats(kg, data.cache_key())  # counts, top 12, latest 12: bounded queries
ents, arts = counts["top"], counts["latest"]

st.title(t("overview.title"))
st.caption(t("overview.caption"))
if not counts["entities"]:
    st.info(t("overview.empty"))
    st.page_link("views/add.py", label=t("nav.add"), icon=":material/post_add:")
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric(t("overview.entities"), counts["entities"])
c2.metric(
    t("overview.facts"),
    int(counts["predicates"]["statements"].sum()) if not counts["predicates"].empty else 0,
)
c3.metric(t("overview.articles"), counts["articles"])

left, right = st.columns(2)
with left:
    st.subheader(t("overview.by_type"))
    st.bar_chart(counts["types"].set_index("type")["entities"], horizontal=True, height=180)
with right:
    st.subheader(t("overview.by_predicate"))
    preds = counts["predicates"].copy()
    if not preds.empty:
        preds["label"] = preds["predicate"].map(lambda p: render.predicate_label(p, lang))
        st.bar_chart(preds.set_index("label")["statements"], horizontal=True, height=300)

left, right = st.columns(2)
with left:
    st.subheader(t("overview.top"))
    for row in ents.head(12).itertuples():
        other = row.en if lang == "ko" else row.ko
        label = md(f"{getattr(row, lang)} · {other} ({row.type}, {row.degree})")
        st.page_link("views/entity.py", label=label, query_params={"iri": row.iri})
with right:
    st.subheader(t("overview.latest"))
    for row in arts.head(12).itertuples():
        label = md(f"{row.published or '—'} · {row.headline} ") + t("overview.n_facts", n=row.facts)
        st.page_link("views/article.py", label=label, query_params={"article": row.iri})
