"""Map: places with coordinates on a world outline shipped with the app (no tiles, no CDN), with lines
for sister-city, visit, investment and agreement links."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import PREDICATE_COLOURS, t

WORLD_URL = "app/static/world/countries-110m.json"
"""The world outline as the browser fetches it from the app's static folder (static/world/): given
inline, Altair deep-copies its ~100 kB into every layer of the chart on each run (seconds a view)."""


kg, key = data.store(), data.cache_key()
lang = render.lang()
places, links = data.cached_map_tables(kg, key)
on_map = tuple(sorted({*places["iri"], *links["s"], *links["o"]}))
ents = data.cached_names(kg, key, on_map)  # labels and degrees of just what is drawn
names = {e: r[lang] for e, r in ents.items()}

st.title(t("map.title"))
if places.empty:
    st.info(t("map.empty"))
    st.stop()

region = st.radio(
    t("map.view"),
    ["World", "Korea"],
    horizontal=True,
    key="map_region",
    format_func=lambda r: t(f"map.{r.lower()}", lang),
)
present = [p for p in data.MAP_PREDICATES if p in set(links["predicate"])]
chosen = st.multiselect(
    t("map.links"),
    present,
    default=present,
    format_func=lambda p: render.predicate_label(p, lang),
    key="map_preds",
)
shown = links[links["predicate"].isin(chosen)].copy()  # one row per fact (graph.readmodel.map_links)
shown["link"] = shown["predicate"].map(lambda p: render.predicate_label(p, lang))
shown["from"] = shown["s"].map(lambda x: names.get(x, x))
shown["to"] = shown["o"].map(lambda x: names.get(x, x))
pts = places.assign(name=places["iri"].map(lambda x: names.get(x, x)))
degree = data.cached_degrees(kg, key, tuple(places["iri"]))
pts["degree"] = pts["iri"].map(lambda x: int(degree.get(x, 0)))
# labels only for the best-connected places, at most one per ~1.5° cell (capital-region cities sit
# a few km apart and their names would print over each other); every place keeps its dot and tooltip
cell = 6.0 if region == "World" else 0.6
ranked = pts.sort_values(["degree", "name"], ascending=[False, True])
seen_cells: set[tuple[int, int]] = set()
labelled = []
for r in ranked.itertuples():
    key = (int(r.lat // cell), int(r.lon // cell))
    if key not in seen_cells and len(labelled) < (12 if region == "World" else 20):
        seen_cells.add(key)
        labelled.append(r.iri)
pts["label"] = pts["iri"].map(lambda x: names.get(x, x) if x in labelled else "")
shown["dash"] = shown["status"].map(lambda s: "planned" if s != "done" else "done")

outline = alt.Chart(alt.Data(url=WORLD_URL, format=alt.DataFormat(type="topojson", feature="countries")))
base = outline.mark_geoshape(fill="#eef0f3", stroke="#b8bec8", strokeWidth=0.5)
labels = [render.predicate_label(p, lang) for p in present]
colours = [PREDICATE_COLOURS.get(p, "#999") for p in present]
lines = (
    alt.Chart(shown)
    .mark_rule(strokeWidth=2, opacity=0.75)
    .encode(
        strokeDash=alt.StrokeDash(
            "dash:N", scale=alt.Scale(domain=["done", "planned"], range=[[1, 0], [6, 4]]), legend=None
        ),
        longitude="lon:Q",
        latitude="lat:Q",
        longitude2="lon2:Q",
        latitude2="lat2:Q",
        color=alt.Color("link:N", scale=alt.Scale(domain=labels, range=colours), title=t("map.links")),
        tooltip=[alt.Tooltip("from:N"), alt.Tooltip("link:N"), alt.Tooltip("to:N"), alt.Tooltip("status:N")],
    )
)
dots = (
    alt.Chart(pts)
    .mark_circle(color="#3a9d5d", stroke="white")
    .encode(
        longitude="lon:Q",
        latitude="lat:Q",
        size=alt.Size("degree:Q", scale=alt.Scale(range=[40, 260]), legend=None),
        tooltip=[alt.Tooltip("name:N", title=t("map.place")), alt.Tooltip("degree:Q", title=t("map.degree"))],
    )
)
text = (
    alt.Chart(pts[pts["label"] != ""])
    .mark_text(dy=-11, fontSize=12, font="NanumBarunGothic", stroke="white", strokeWidth=3)
    .encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
)
text_fill = (
    alt.Chart(pts[pts["label"] != ""])
    .mark_text(dy=-11, fontSize=12, font="NanumBarunGothic")
    .encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
)
layers = base + lines + dots + text + text_fill
if region == "World":
    chart = layers.project(type="equalEarth", rotate=[-150, 0, 0])
else:  # Korea and its neighbours, where most of the places are
    # fit a box around the peninsula to whatever width the page has (no fixed scale to clip it)
    # the peninsula fills the chart's height; the chart itself stretches to the page's width, so the
    # sea and the neighbours fill the sides instead of blank space (a `fit` projection needs a known
    # width, which a stretching chart does not have when the projection is computed)
    chart = layers.project(type="mercator", center=[127.6, 36.0], scale=3300)
chart = chart.properties(height=620, width="container")
st.altair_chart(chart, width="stretch")

st.caption(t("map.caption", places=len(pts), links=len(shown)))
st.dataframe(
    pd.DataFrame(
        {"from": shown["from"], "link": shown["link"], "to": shown["to"], "status": shown["status"]}
    ),
    hide_index=True,
    width="stretch",
)
