"""SPARQL: named queries with a form for their parameters (entity names resolved like the CLI's
`--param`), or any read-only query; label-first results in the chosen language with entity links;
errors in plain words with their position; CSV and JSON downloads."""

from __future__ import annotations

import json
import re

import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import md, t
from newskg.graph.sparql import named_queries, query, resolve_entity, run_named
from newskg.ontology.errors import NewsKGError, QueryError

TIME_LIMIT = 10.0  # seconds
MAX_ROWS = 10_000

kg, loc = data.store(), data.location()
lang = render.lang()
named = named_queries()
BLANK = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20"

st.title(t("sparql.title"))
st.caption(t("sparql.caption", limit=f"{TIME_LIMIT:g}"))

names = ["(blank)", *named]
pick = st.selectbox(
    t("sparql.named"),
    names,
    index=1 if len(names) > 1 else 0,
    key="sparql_named",
    format_func=lambda n: t("sparql.blank", lang) if n == "(blank)" else f"{n} — {named[n].title}",
)
if st.session_state.get("sparql_pick") != pick:  # a new pick loads its text into the editor
    st.session_state["sparql_pick"] = pick
    st.session_state["sparql_text"] = BLANK if pick == "(blank)" else named[pick].sparql
    st.session_state["sparql_result"] = None

params: dict[str, str] = {}
nq = named.get(pick)
if nq is not None and nq.parameters:
    st.caption(t("sparql.params_hint"))
    cols = st.columns(min(3, len(nq.parameters)))
    for i, p in enumerate(nq.parameters):
        params[p.name] = cols[i % len(cols)].text_input(
            f"${p.name}",
            key=f"sparql_param_{pick}_{p.name}",
            help=p.description,
            placeholder=p.description[:60],
        )
text = st.text_area(t("sparql.query"), key="sparql_text", height=260)
c1, _ = st.columns([1, 3])
limit = c1.number_input(t("sparql.limit"), min_value=1, max_value=MAX_ROWS, value=1000, step=100)
run = st.button(t("sparql.run"), type="primary", key="sparql_run")


def plain_error(exc: Exception, sparql: str) -> str:
    """The error in words a user can act on, with the line and a caret under the position."""
    msg = str(exc)
    if "read-only" in msg or "UPDATE" in msg:
        return t("sparql.readonly")
    if "timed out" in msg:
        return t("sparql.timeout", limit=f"{TIME_LIMIT:g}")
    if "SERVICE" in msg:
        return t("sparql.service")
    m = re.search(r"error at (\d+):(\d+): (.*)", msg, re.S)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        what = t("sparql.unknown_prefix") if "Prefix not found" in m.group(3) else t("sparql.unexpected")
        lines = sparql.splitlines() or [""]
        src = lines[line - 1] if 0 < line <= len(lines) else ""
        caret = " " * max(0, col - 1) + "^"
        return t("sparql.syntax", line=line, col=col, what=what) + f"\n\n```\n{src}\n{caret}\n```"
    return t("sparql.failed", why=md(msg.split("\n")[0][:300]))


if run:
    sparql = text
    st.session_state["sparql_result"] = None
    try:
        given = {k: v.strip() for k, v in params.items() if v and v.strip()}
        if nq is not None and text == nq.sparql:  # the named query as shipped: bind its form's values
            for p in nq.parameters:
                if p.kind == "entity" and p.name in given:
                    try:
                        found = resolve_entity(kg, given[p.name])
                    except QueryError:
                        st.warning(t("sparql.no_entity", name=md(given[p.name]), param=p.name))
                        st.stop()
                    st.caption(t("sparql.resolved", name=md(given[p.name]), n=len(found)))
            res = run_named(kg, pick, given, limit=int(limit), timeout=TIME_LIMIT)
        else:
            if given:
                st.caption(t("sparql.params_ignored"))
            res = query(kg, sparql, read_only=True, timeout=TIME_LIMIT, limit=int(limit))
    except NewsKGError as exc:
        st.error(plain_error(exc, sparql))
    else:
        st.session_state["sparql_result"] = res

res = st.session_state.get("sparql_result")
cells = sorted(
    {
        v
        for row in (res.rows if res is not None else [])
        for v in row
        if isinstance(v, str)
        and v.startswith(("http://", "https://"))
        and not re.search(r'[\s<>"{}|^`\\]', v)
    }
)
# labels of the IRIs in the result only (an entity column is one whose every cell has a label)
labels = {e: r[lang] for e, r in data.cached_names(kg, data.cache_key(), tuple(cells)).items()}
if res is not None:
    if res.kind == "ask":
        st.success(f"ASK → {res.rows[0][0]}")
    else:
        df = pd.DataFrame(res.rows, columns=res.columns)
        shown = pd.DataFrame(index=df.index)
        config = {}
        for col in df.columns:  # an entity column leads with its label; its IRI becomes a link
            values = df[col]
            if len(values) and values.map(lambda v: isinstance(v, str) and v in labels).all():
                shown[col] = values.map(labels.get)
                shown[f"{col} ↗"] = values.map(render.entity_href)
                config[f"{col} ↗"] = st.column_config.LinkColumn(f"{col} ↗", display_text=t("sparql.open"))
            else:
                shown[col] = values
        st.caption(t("sparql.rows", n=len(df)) + (t("sparql.cut", limit=limit) if res.truncated else ""))
        if df.empty and nq is not None and any(params.values()):
            st.info(t("sparql.empty_with_params"))
        st.dataframe(shown, hide_index=True, width="stretch", column_config=config)
        c1, c2, _ = st.columns([1, 1, 4])
        c1.download_button(
            "CSV", df.to_csv(index=False).encode("utf-8"), "results.csv", "text/csv", key="dl_csv"
        )
        c2.download_button(
            "JSON",
            json.dumps(res.to_dicts(), ensure_ascii=False, indent=1).encode("utf-8"),
            "results.json",
            "application/json",
            key="dl_json",
        )
