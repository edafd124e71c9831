"""Graph: the interactive network (drag, zoom, hover, click to expand), with filters and search.

A large graph is never drawn whole: the page shows the neighbourhood of the focused entities, or
the best-connected entities, up to a node budget, and says so.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from newskg.app.explorer import data, graphview, render
from newskg.app.explorer.render import md
from newskg.ontology.vocab import COARSE_TYPES, predicates

kg, loc = data.store(), data.location()
lang = render.lang()
arts = data.cached_article_table(kg, loc)

st.title("Graph")
if arts.empty:
    st.info("The graph is empty: add an article first.")
    st.stop()

# focus: from the Entity page (?focus=IRI), then by search and by clicks on nodes
focus: list[str] = st.session_state.setdefault("graph_focus", [])
qp = st.query_params.get("focus")
if qp and st.session_state.get("graph_focus_qp") != qp:
    st.session_state["graph_focus_qp"] = qp
    focus[:] = [qp]

with st.expander("Filters", expanded=False):
    c1, c2 = st.columns(2)
    types = c1.multiselect("Entity types", list(COARSE_TYPES), key="g_types")
    preds = c2.multiselect("Predicates", list(predicates()), key="g_preds",
                           format_func=lambda p: render.predicate_label(p, lang))
    heads = dict(zip(arts["iri"], arts["published"].astype(str) + " · " + arts["headline"].astype(str),
                     strict=True))
    chosen_articles = st.multiselect("Articles", list(arts["iri"]), key="g_articles",
                                     format_func=lambda i: heads.get(i, i))
    dates = sorted(d for d in arts["published"] if d)
    since = until = None
    if dates and st.checkbox("Only articles published between", key="g_use_dates"):
        lo, hi = dt.date.fromisoformat(dates[0][:10]), dt.date.fromisoformat(dates[-1][:10])
        picked = st.date_input("Dates", (lo, hi), key="g_dates")
        if isinstance(picked, tuple) and len(picked) == 2:
            since, until = picked[0].isoformat(), picked[1].isoformat()

c1, c2, c3 = st.columns([3, 1, 1])
q = c1.text_input("Search (한국어 or English) to focus", key="g_q", placeholder="시흥시, Siheung…")
radius = c2.slider("Hops", 1, 3, 1, key="g_radius")
budget = c3.slider("Max nodes", 20, 400, 150, step=10, key="g_budget")
if q:
    hits = data.search_entities(data.cached_entity_table(kg, loc), q, limit=10)
    if hits.empty:
        st.warning(f"No entity matches {md(q)}.")
    else:
        cols = st.columns(min(5, len(hits)))
        for i, row in enumerate(hits.itertuples()):
            if cols[i % len(cols)].button(md(f"{getattr(row, lang)} ({row.type})"), key=f"g_hit_{i}"):
                focus[:] = [row.iri]
                st.rerun()

filters = {"articles": chosen_articles or None, "predicates_": preds or None, "types": types or None,
           "since": since, "until": until}
g = data.projection(**filters)
missing = [f for f in focus if f not in g]
if missing:
    st.warning("Not in the graph with these filters: " + ", ".join(md(f.rsplit("/", 1)[-1]) for f in missing))
    focus[:] = [f for f in focus if f in g]
view, note = graphview.bounded_view(g, focus=focus, radius=radius, max_nodes=budget)

names = {f: g.nodes[f].get("label_" + lang) or f for f in focus}
if focus:
    c1, c2 = st.columns([5, 1])
    c1.markdown("Focus: " + ", ".join(md(names.get(f, f)) for f in focus)
                + " — click a node to expand its neighbourhood.")
    if c2.button("Clear focus", key="g_clear"):
        focus.clear()
        st.rerun()
if note:
    st.info(note)
st.caption(f"{view.number_of_nodes()} entities, {view.number_of_edges()} links in view "
           f"(graph: {g.number_of_nodes()} entities, {g.number_of_edges()} links).")

articles_in_view = sorted({a for _, _, d in view.edges(data=True)
                           for a in str(d.get("articles", "")).split() if a})
st.session_state["graph_view"] = {"nodes": list(view.nodes), "articles": articles_in_view, "filters": filters}

if view.number_of_nodes() == 0:
    st.warning("Nothing matches these filters.")
    st.stop()
result = graphview.show_network(graphview.vis_data(view, lang=lang, focus=focus))
clicked = getattr(result, "clicked", None)
if clicked and clicked in g:
    if clicked not in focus:
        focus.append(clicked)
    st.session_state["graph_selected"] = clicked
    st.rerun()

sel = st.session_state.get("graph_selected")
if sel and sel in g:
    a = g.nodes[sel]
    other = "en" if lang == "ko" else "ko"
    st.markdown(f"**Selected**: {md(a.get('label_' + lang))} · {md(a.get('label_' + other))} "
                f"({md(a.get('type'))})")
    st.page_link("views/entity.py", label="Open its entity page", icon=":material/person_search:",
                 query_params={"iri": sel})
legend = " ".join(f'<span style="color:{c}">●</span> {t}' for t, c in render.TYPE_COLOURS.items())
st.html(f"<div style='font-size:.85rem'>{legend} · drag to move, scroll to zoom, hover for details, "
        "click to expand</div>")
