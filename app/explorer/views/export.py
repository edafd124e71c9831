"""Export: Turtle, JSON-LD, N-Quads or GraphML of the whole graph or of the Graph page's current view."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import streamlit as st
from newskg.app.explorer import data
from newskg.app.explorer.render import md
from newskg.ontology.errors import NewsKGError

FORMATS = {  # label → (RdfFormat member name, file extension, media type)
    "Turtle": ("TURTLE", "ttl", "text/turtle"),
    "JSON-LD": ("JSONLD", "jsonld", "application/ld+json"),
    "N-Quads": ("NQUADS", "nq", "application/n-quads"),
    "GraphML": ("GRAPHML", "graphml", "application/graphml+xml"),
}

kg = data.store()
view = st.session_state.get("graph_view")

st.title("Export")
scopes = ["Whole graph"] + (["Current view of the Graph page"] if view else [])
scope = st.radio("What", scopes, horizontal=True, key="export_scope")
if not view:
    st.caption("Open the Graph page to export the view shown there.")
fmt = st.radio("Format", list(FORMATS), horizontal=True, key="export_fmt")
if scope != "Whole graph":
    what = (f"{len(view['nodes'])} entities as GraphML" if fmt == "GraphML"
            else f"the {len(view['articles'])} article graph(s) behind its {len(view['nodes'])} entities")
    st.caption(f"Current view: {md(what)}.")


def build(fmt_label: str, whole: bool) -> bytes:
    name, ext, _ = FORMATS[fmt_label]
    if fmt_label == "GraphML" and not whole:
        import networkx as nx

        g = data.projection(**view["filters"]).subgraph(view["nodes"])
        buf = io.BytesIO()
        nx.write_graphml(g, buf)
        return buf.getvalue()
    from newskg.graph.export import RdfFormat, export

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"newskg.{ext}"
        export(kg, RdfFormat[name], out, graph_iris=None if whole else list(view["articles"]))
        return out.read_bytes()


if st.button("Prepare the file", type="primary", key="export_go"):
    try:
        st.session_state["export_file"] = (fmt, scope, build(fmt, scope == "Whole graph"))
    except NewsKGError as exc:
        st.error(f"Export failed: {exc}")

ready = st.session_state.get("export_file")
if ready:
    label, where, payload = ready
    _, ext, mime = FORMATS[label]
    st.download_button(f"Download {label} ({len(payload):,} bytes, {where.lower()})", payload,
                       f"newskg.{ext}", mime, key="export_dl", type="primary")
