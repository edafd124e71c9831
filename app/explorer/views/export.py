"""Export: Turtle, JSON-LD, N-Quads or GraphML of the whole graph or of the Graph page's current view."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import md, t
from newskg.ontology.errors import NewsKGError

FORMATS = {  # label → (RdfFormat member name, file extension, media type); N-Quads and JSON-LD keep
    # the named graphs, so they carry the reviews graph too
    "Turtle": ("TURTLE", "ttl", "text/turtle"),
    "JSON-LD": ("JSONLD", "jsonld", "application/ld+json"),
    "N-Quads": ("NQUADS", "nq", "application/n-quads"),
    "GraphML": ("GRAPHML", "graphml", "application/graphml+xml"),
}

kg = data.store()
lang = render.lang()
view = st.session_state.get("graph_view")

st.title(t("export.title"))
scopes = ["whole"] + (["view"] if view else [])
scope = st.radio(
    t("export.what"),
    scopes,
    horizontal=True,
    key="export_scope",
    format_func=lambda s: t(f"export.{s}", lang),
)
if not view:
    st.caption(t("export.open_graph"))
fmt = st.radio(t("export.format"), list(FORMATS), horizontal=True, key="export_fmt")
if scope != "whole":
    what = (
        t("export.view_graphml", n=len(view["nodes"]))
        if fmt == "GraphML"
        else t("export.view_rdf", a=len(view["articles"]), n=len(view["nodes"]))
    )
    st.caption(what)


def build(fmt_label: str, whole: bool) -> bytes:
    name, ext, _ = FORMATS[fmt_label]
    if fmt_label == "GraphML" and not whole:
        import networkx as nx
        from newskg.graph.project import to_networkx

        g = to_networkx(kg, nodes=view["nodes"], **data.filters_of(**view["filters"]).kwargs())
        buf = io.BytesIO()
        nx.write_graphml(g, buf)
        return buf.getvalue()
    from newskg.graph.export import RdfFormat, export

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"newskg.{ext}"
        export(kg, RdfFormat[name], out, graph_iris=None if whole else list(view["articles"]))
        return out.read_bytes()


if st.button(t("export.prepare"), type="primary", key="export_go"):
    try:
        st.session_state["export_file"] = (fmt, scope, build(fmt, scope == "whole"))
    except NewsKGError as exc:
        st.error(t("export.failed", why=md(exc)))

ready = st.session_state.get("export_file")
if ready and (ready[0], ready[1]) != (fmt, scope):  # a file prepared for another choice is not offered
    st.caption(t("export.stale"))
    ready = None
if ready:
    label, where, payload = ready
    _, ext, mime = FORMATS[label]
    st.download_button(
        t("export.download", fmt=label, size=f"{len(payload):,}", what=t(f"export.{where}")),
        payload,
        f"newskg.{ext}",
        mime,
        key="export_dl",
        type="primary",
    )
