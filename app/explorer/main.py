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
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("views/graph.py", title="Graph", icon=":material/hub:", url_path="graph"),
    st.Page("views/entity.py", title="Entity", icon=":material/person_search:", url_path="entity"),
    st.Page("views/article.py", title="Article", icon=":material/article:", url_path="article"),
    st.Page("views/sparql.py", title="SPARQL", icon=":material/terminal:", url_path="sparql"),
    st.Page("views/map.py", title="Map", icon=":material/public:", url_path="map"),
    st.Page("views/add.py", title="Add article", icon=":material/post_add:", url_path="add"),
    st.Page("views/export.py", title="Export", icon=":material/download:", url_path="export"),
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
