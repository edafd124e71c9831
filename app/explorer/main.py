"""newskg explorer: the Streamlit app that `newskg explore` serves.

Pages are declared with `st.Page` + `st.navigation`; the sidebar's label switch (한국어 / English)
applies to every page. The store comes from env NEWSKG_STORE (set by `newskg explore`).
"""

from __future__ import annotations

import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import md, t
from newskg.ontology.errors import NewsKGError

st.set_page_config(page_title="newskg explorer", page_icon="🕸️", layout="wide")
st.html(render.CSS)

if "lang" not in st.session_state:  # Korean unless the URL asks for English (?lang=en)
    st.session_state["lang"] = "en" if st.query_params.get("lang") == "en" else "ko"

PAGES = [
    st.Page("views/overview.py", title=t("nav.overview"), icon=":material/dashboard:", default=True),
    st.Page("views/graph.py", title=t("nav.graph"), icon=":material/hub:", url_path="graph"),
    st.Page("views/entity.py", title=t("nav.entity"), icon=":material/person_search:", url_path="entity"),
    st.Page("views/timeline.py", title=t("nav.timeline"), icon=":material/timeline:", url_path="timeline"),
    st.Page("views/article.py", title=t("nav.article"), icon=":material/article:", url_path="article"),
    st.Page("views/sparql.py", title=t("nav.sparql"), icon=":material/terminal:", url_path="sparql"),
    st.Page("views/map.py", title=t("nav.map"), icon=":material/public:", url_path="map"),
    st.Page("views/add.py", title=t("nav.add"), icon=":material/post_add:", url_path="add"),
    st.Page("views/export.py", title=t("nav.export"), icon=":material/download:", url_path="export"),
]
nav = st.navigation(PAGES)

with st.sidebar:
    st.radio(
        t("nav.language"),
        ["ko", "en"],
        key="lang",
        horizontal=True,
        format_func=lambda x: {"ko": "한국어", "en": "English"}[x],
    )
    st.caption(t("nav.store", store=md(data.store_name())))

try:
    data.store()
except NewsKGError as exc:
    st.error(t("nav.store_error", why=md(render.no_paths(exc))))
    st.stop()

nav.run()
