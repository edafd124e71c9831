"""Map: places with coordinates on a world outline shipped with the app (no tiles, no CDN), with lines
for sister-city, visit, investment and agreement links."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import PREDICATE_COLOURS

WORLD = Path(__file__).resolve().parents[1] / "static" / "world" / "countries-110m.json"


@lru_cache(maxsize=1)
def world() -> dict:
    return json.loads(WORLD.read_text(encoding="utf-8"))


kg, loc = data.store(), data.location()
lang = render.lang()
ents = data.cached_entity_table(kg, loc)
names = data.label_of(ents, lang) if not ents.empty else {}
places, links = data.cached_map_tables(kg, loc)

st.title("Map")
if places.empty:
    st.info("No place with coordinates in the graph yet.")
    st.stop()

region = st.radio("View", ["World", "Korea"], horizontal=True, key="map_region")
present = [p for p in data.MAP_PREDICATES if p in set(links["predicate"])]
chosen = st.multiselect("Links", present, default=present,
                        format_func=lambda p: render.predicate_label(p, lang), key="map_preds")
shown = links[links["predicate"].isin(chosen)].copy()
# a symmetric link stated both ways is drawn once
shown["pair"] = [tuple(sorted((s, o))) + (p,) for s, o, p in zip(shown["s"], shown["o"], shown["predicate"],
                                                                  strict=True)]
shown = shown.drop_duplicates("pair").drop(columns="pair")
shown["link"] = shown["predicate"].map(lambda p: render.predicate_label(p, lang))
shown["from"] = shown["s"].map(lambda x: names.get(x, x))
shown["to"] = shown["o"].map(lambda x: names.get(x, x))
pts = places.assign(name=places["iri"].map(lambda x: names.get(x, x)))

outline = alt.Chart(alt.Data(values=world(), format=alt.DataFormat(type="topojson", feature="countries")))
base = outline.mark_geoshape(fill="#eef0f3", stroke="#b8bec8", strokeWidth=0.5)
labels = [render.predicate_label(p, lang) for p in present]
colours = [PREDICATE_COLOURS.get(p, "#999") for p in present]
lines = alt.Chart(shown).mark_rule(strokeWidth=2, opacity=0.75).encode(
    longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q",
    color=alt.Color("link:N", scale=alt.Scale(domain=labels, range=colours), title="link"),
    tooltip=[alt.Tooltip("from:N"), alt.Tooltip("link:N"), alt.Tooltip("to:N")])
dots = alt.Chart(pts).mark_circle(size=70, color="#3a9d5d", stroke="white").encode(
    longitude="lon:Q", latitude="lat:Q", tooltip=[alt.Tooltip("name:N", title="place")])
text = alt.Chart(pts).mark_text(dy=-9, fontSize=11, font="NanumBarunGothic").encode(
    longitude="lon:Q", latitude="lat:Q", text="name:N")
layers = base + lines + dots + text
if region == "World":
    chart = layers.project(type="equalEarth", rotate=[-150, 0, 0])
else:  # Korea and its neighbours, where most of the places are
    chart = layers.project(type="mercator", center=[127.8, 36.2], scale=2600)
chart = chart.properties(height=560)
st.altair_chart(chart, width="stretch")

st.caption(f"{len(pts)} places, {len(shown)} links. A person or company is drawn at the place it heads or "
           "is located in.")
st.dataframe(pd.DataFrame({"from": shown["from"], "link": shown["link"], "to": shown["to"]}),
             hide_index=True, width="stretch")
