"""Article: the text with entity mentions highlighted by type, the facts it contributes (CSV), and
removing or replacing the article (its named graph), each after a confirmation."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import code, esc, md, t
from newskg.ontology.errors import NewsKGError

kg, key = data.store(), data.cache_key()
lang = render.lang()
arts = data.cached_article_choices(kg, key)  # the newest few hundred, and the one asked for

st.title(t("article.title"))
gone = st.session_state.pop("article_removed", None)
if gone:
    st.success(t("article.removed", headline=md(gone)))
if arts.empty:
    st.info(t("article.empty"))
    st.stop()

iris = list(arts["iri"])
current = st.query_params.get("article")
heads = dict(
    zip(arts["iri"], arts["published"].astype(str) + " · " + arts["headline"].astype(str), strict=True)
)
if current and current not in iris:  # an older article linked from another page
    asked = data.cached_article_view(kg, key, current)
    if asked.exists:
        iris.insert(0, current)
        heads[current] = f"{asked.info.published or ''} · {asked.info.headline or current}"
index = iris.index(current) if current in iris else 0
choice = st.selectbox(
    t("article.pick"), iris, index=index, format_func=lambda i: heads.get(i, i), key="article_pick"
)
if choice != current:
    st.query_params["article"] = choice

view = data.cached_article_view(kg, key, choice)
shown = {*view.mentions.get("entity", [])}
if not view.facts.empty:
    shown |= {*view.facts["s"], *view.facts["o"]}
names = {e: r[lang] for e, r in data.cached_names(kg, key, tuple(sorted(shown))).items()}
st.header(md(view.info.headline or choice.rsplit("/", 1)[-1]))
meta = []
if view.info.published:
    meta.append(t("article.published", date=md(view.info.published)))
if view.info.source:
    meta.append(t("article.source", source=code(view.info.source)))
st.caption(" · ".join([*meta, "IRI " + code(choice)]))
if view.info.url and str(view.info.url).startswith(("http://", "https://")):
    st.html(
        f'<a href="{esc(view.info.url)}" target="_blank" rel="noopener noreferrer">{esc(view.info.url)}</a>'
    )

marks = [
    (int(m.start), int(m.end), m.type, names.get(m.entity, m.entity)) for m in view.mentions.itertuples()
]
st.html(f'<div>{render.legend()}</div><div class="nkg-text">{render.highlight(view.info.text, marks)}</div>')

st.subheader(t("article.facts", n=len(view.facts)))
if view.facts.empty:
    st.info(t("article.no_facts"))
else:
    table = pd.DataFrame(
        {
            "subject": view.facts["s"].map(lambda x: names.get(x, x)),
            "predicate": view.facts["predicate"].map(lambda p: render.predicate_label(p, lang)),
            "object": view.facts["o"].map(lambda x: names.get(x, x)),
            "status": view.facts["status"].map(lambda s: t(f"status.{s}")),
            "confidence": view.facts["confidence"],
            "evidence": view.facts["evidence"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={"confidence": st.column_config.NumberColumn(format="%.2f")},
    )
    st.download_button(
        t("article.csv"),
        table.to_csv(index=False).encode("utf-8"),
        "article-facts.csv",
        "text/csv",
        key="article_csv",
    )
    linked = sorted({*view.facts["s"], *view.facts["o"]}, key=lambda x: names.get(x, x))
    st.html(
        f"{esc(t('article.entities'))}: "
        + " · ".join(
            f'<a href="{render.entity_href(x)}" target="_self">{esc(names.get(x, x))}</a>' for x in linked
        )
    )

with st.expander(t("article.manage")):
    sure = st.checkbox(t("article.confirm"), key=f"article_confirm_{choice}")
    c1, c2 = st.columns(2)
    if c1.button(t("article.remove"), key="article_remove", disabled=not sure, type="primary"):
        try:
            data.remove_article(kg, choice)
        except NewsKGError as exc:
            st.error(t("article.remove_failed", why=md(exc)))
        else:
            st.session_state["article_removed"] = view.info.headline or choice
            st.query_params.pop("article", None)
            st.rerun()
    if c2.button(t("article.replace"), key="article_replace", disabled=not sure):
        st.session_state["add_replace"] = choice
        st.switch_page("views/add.py")
