"""Graph: the interactive network (drag, zoom, hover, click to expand), with filters and search.

A large graph is never drawn whole, nor projected whole: the store picks the neighbourhood of the
focused entities, or the best-connected entities, up to a node budget (graph.project.top_nodes,
neighbourhood), and only those become a networkx graph; the page says when the budget cut.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from newskg.app.explorer import data, graphview, render
from newskg.app.explorer.render import md, t
from newskg.ontology.vocab import COARSE_TYPES, predicates

kg, key = data.store(), data.cache_key()
lang = render.lang()
_, n_articles = data.cached_counts(kg, key)

st.title(t("graph.title"))
if not n_articles:
    st.info(t("graph.empty"))
    st.stop()

# focus: from the Entity page (?focus=IRI), then by search and by clicks on nodes
focus: list[str] = st.session_state.setdefault("graph_focus", [])
qp = st.query_params.get("focus")
if qp and st.session_state.get("graph_focus_qp") != qp:
    st.session_state["graph_focus_qp"] = qp
    focus[:] = [qp]

with st.expander(t("graph.filters"), expanded=False):
    c1, c2 = st.columns(2)
    types = c1.multiselect(t("graph.types"), list(COARSE_TYPES), key="g_types")
    if "g_preds" not in st.session_state and st.query_params.get("pred"):  # ?pred=visits,meets
        st.session_state["g_preds"] = [p for p in st.query_params["pred"].split(",") if p in predicates()]
    preds = c2.multiselect(
        t("graph.predicates"),
        list(predicates()),
        key="g_preds",
        format_func=lambda p: render.predicate_label(p, lang),
    )
    arts = data.cached_article_choices(kg, key)  # the newest few hundred; older ones by date range
    heads = dict(
        zip(arts["iri"], arts["published"].astype(str) + " · " + arts["headline"].astype(str), strict=True)
    )
    chosen_articles = st.multiselect(
        t("graph.articles"), list(arts["iri"]), key="g_articles", format_func=lambda i: heads.get(i, i)
    )
    dates = data.cached_date_range(kg, key)
    since = until = None
    keep_undated = True
    if dates and st.checkbox(t("graph.use_dates"), key="g_use_dates"):
        lo, hi = dt.date.fromisoformat(dates[0][:10]), dt.date.fromisoformat(dates[1][:10])
        picked = st.date_input(t("graph.dates"), (lo, hi), key="g_dates")
        if isinstance(picked, tuple) and len(picked) == 2:
            since, until = picked[0].isoformat(), picked[1].isoformat()
        keep_undated = not st.checkbox(t("graph.drop_undated"), key="g_drop_undated")
    show_rejected = st.checkbox(t("review.show_rejected"), key="g_show_rejected")

c1, c2, c3 = st.columns([3, 1, 1])
q = c1.text_input(t("graph.search"), key="g_q", placeholder="시흥시, Siheung…")
radius = c2.slider(t("graph.hops"), 1, 3, 1, key="g_radius")
budget = c3.slider(t("graph.max_nodes"), 10, 400, 40, step=10, key="g_budget")
if q:
    hits = data.cached_search(kg, key, q, 10)
    if hits.empty:
        st.warning(t("search.none", q=md(q)))
    else:
        cols = st.columns(min(5, len(hits)))
        for i, row in enumerate(hits.itertuples()):
            if cols[i % len(cols)].button(md(f"{getattr(row, lang)} ({row.type})"), key=f"g_hit_{i}"):
                focus[:] = [row.iri]
                st.rerun()

filters = {
    "articles": chosen_articles or None,
    "predicates_": preds or None,
    "types": types or None,
    "since": since,
    "until": until,
    "keep_undated": keep_undated,
    "include_rejected": show_rejected,
}
wanted = data.filters_of(**filters)
gv = data.cached_graph_view(kg, key, tuple(focus), radius, budget, wanted)
if gv.missing:
    st.warning(t("graph.not_in_view") + " " + ", ".join(md(f.rsplit("/", 1)[-1]) for f in gv.missing))
    focus[:] = [f for f in focus if f not in gv.missing]
    gv = data.cached_graph_view(kg, key, tuple(focus), radius, budget, wanted)
view, note = gv.view, gv.note
g = view  # every node the page names or a click returns is in the view

names = {f: g.nodes[f].get("label_" + lang) or f for f in focus}
if focus:
    c1, c2 = st.columns([5, 1])
    c1.markdown(t("graph.focus", names=", ".join(md(names.get(f, f)) for f in focus)))
    if c2.button(t("graph.clear"), key="g_clear"):
        focus.clear()
        st.rerun()
if note:
    st.info(t(f"graph.bounded_{note[2]}", shown=note[0], total=note[1]))
pairs = graphview.pair_edges(view, lang)
st.caption(
    t(
        "graph.in_view",
        nodes=view.number_of_nodes(),
        links=len(pairs),
        all_nodes=gv.all_nodes,
        all_links=gv.all_links,
    )
)

articles_in_view = sorted(
    {a for _, _, d in view.edges(data=True) for a in str(d.get("articles", "")).split() if a}
)
st.session_state["graph_view"] = {
    "nodes": list(view.nodes),
    "articles": articles_in_view,
    "filters": filters,
    "pairs": [(d["from"], d["to"], tuple(d["predicates"])) for d in pairs],
}

if view.number_of_nodes() == 0:
    st.warning(t("graph.nothing"))
    st.stop()
result = graphview.show_network(graphview.vis_data(view, lang=lang, focus=focus))
clicked = getattr(result, "clicked", None)
if clicked and clicked in g:
    if clicked not in focus:
        focus.append(clicked)
    st.session_state["graph_selected"] = clicked
    st.rerun()

rows = [
    {
        "from": g.nodes[s].get("label_" + lang),
        "predicate": p,
        "to": g.nodes[o].get("label_" + lang),
        "status": d.get("status", "done"),
        "statements": d.get("count"),
        "articles": d.get("articles"),
        "from_iri": s,
        "to_iri": o,
    }
    for s, o, p, d in view.edges(keys=True, data=True)
]
st.download_button(
    t("graph.csv"),
    pd.DataFrame(rows).to_csv(index=False).encode("utf-8"),
    "graph-view.csv",
    "text/csv",
    key="graph_csv",
)

sel = st.session_state.get("graph_selected")
if sel and sel in g:
    a = g.nodes[sel]
    other = "en" if lang == "ko" else "ko"
    st.markdown(
        f"**{t('graph.selected')}**: {md(a.get('label_' + lang))} · {md(a.get('label_' + other))} "
        f"({md(a.get('type'))})"
    )
    st.page_link(
        "views/entity.py",
        label=t("graph.open_entity"),
        icon=":material/person_search:",
        query_params={"iri": sel},
    )
legend = " ".join(f'<span style="color:{c}">●</span> {t}' for t, c in render.TYPE_COLOURS.items())
st.html(f"<div style='font-size:.85rem'>{legend} · {render.esc(t('graph.help'))}</div>")
