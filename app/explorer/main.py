"""newskg explorer: the Streamlit app that `newskg explore` serves.

Pages are declared with `st.Page` + `st.navigation`; the sidebar's label switch (한국어 / English)
applies to every page. The store comes from env NEWSKG_STORE (set by `newskg explore`).
"""

from __future__ import annotations

import streamlit as st
from newskg.app.explorer import data, render
from newskg.ontology.errors import NewsKGError

st.set_page_config(page_title="newskg explorer", page_icon="🕸️", layout="wide")
st.html(render.CSS)

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon="📊", url_path="overview", default=True),
    st.Page("pages/graph.py", title="Graph", icon="🕸️", url_path="graph"),
    st.Page("pages/entity.py", title="Entity", icon="🔎", url_path="entity"),
    st.Page("pages/article.py", title="Article", icon="📰", url_path="article"),
    st.Page("pages/sparql.py", title="SPARQL", icon="⌨️", url_path="sparql"),
    st.Page("pages/map.py", title="Map", icon="🗺️", url_path="map"),
    st.Page("pages/add.py", title="Add article", icon="➕", url_path="add"),
    st.Page("pages/export.py", title="Export", icon="💾", url_path="export"),
]
nav = st.navigation(PAGES)

with st.sidebar:
    if "lang" not in st.session_state:
        st.session_state["lang"] = "en" if st.query_params.get("lang") == "en" else "ko"
    st.radio("Labels", ["ko", "en"], key="lang", horizontal=True,
             format_func=lambda x: {"ko": "한국어", "en": "English"}[x])
    st.caption(f"Store: `{data.location()}`")

try:
    data.store()
except NewsKGError as exc:
    st.error(f"The graph store cannot be opened: {exc}")
    st.stop()

nav.run()
