"""SPARQL: an editor preloaded with the named queries; read-only, with a time and a row limit."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st
from newskg.app.explorer import data
from newskg.app.explorer.render import md
from newskg.graph.sparql import named_queries, query
from newskg.ontology.errors import NewsKGError

TIME_LIMIT = 10.0  # seconds
MAX_ROWS = 10_000

kg = data.store()
named = named_queries()
BLANK = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20"

st.title("SPARQL")
st.caption("Prefixes nkg:, entity:, article:, rdf:, rdfs:, skos:, owl:, schema:, prov:, xsd: are declared. "
           "The default graph is the union of every article graph. This editor is read-only: "
           f"updates are refused; queries stop after {TIME_LIMIT:g} s.")

names = ["(blank)", *named]
pick = st.selectbox("Named query", names, index=1 if len(names) > 1 else 0,
                    format_func=lambda n: n if n == "(blank)" else f"{n} — {named[n].title}")
if st.session_state.get("sparql_pick") != pick:  # a new pick loads its text into the editor
    st.session_state["sparql_pick"] = pick
    st.session_state["sparql_text"] = BLANK if pick == "(blank)" else named[pick].sparql
if pick != "(blank)" and named[pick].parameters:
    st.caption("Parameters (`$name`) left unbound list every match: "
               + "; ".join(md(f"${p.name}: {p.description}") for p in named[pick].parameters))
text = st.text_area("Query", key="sparql_text", height=260)
c1, c2 = st.columns([1, 3])
limit = c1.number_input("Row limit", min_value=1, max_value=MAX_ROWS, value=1000, step=100)
run = st.button("Run query", type="primary", key="sparql_run")

if run:
    try:
        res = query(kg, text, read_only=True, timeout=TIME_LIMIT, limit=int(limit))
    except NewsKGError as exc:
        st.session_state["sparql_result"] = None
        msg = str(exc)
        if "read-only" in msg or "UPDATE" in msg:
            st.error("Refused: the explorer's SPARQL editor is read-only, so INSERT, DELETE and other "
                     "updates are not run. Add articles on the Add article page, or use `newskg build`.")
        else:
            st.error(f"Query failed: {msg}")
    else:
        st.session_state["sparql_result"] = res

res = st.session_state.get("sparql_result")
if res is not None:
    if res.kind == "ask":
        st.success(f"ASK → {res.rows[0][0]}")
    else:
        df = pd.DataFrame(res.rows, columns=res.columns)
        st.caption(f"{len(df)} row(s)" + (f" — cut at the row limit of {limit}" if res.truncated else ""))
        st.dataframe(df, hide_index=True, width="stretch")
        c1, c2, _ = st.columns([1, 1, 4])
        c1.download_button("CSV", df.to_csv(index=False).encode("utf-8"), "results.csv", "text/csv",
                           key="dl_csv")
        c2.download_button("JSON", json.dumps(res.to_dicts(), ensure_ascii=False, indent=1).encode("utf-8"),
                           "results.json", "application/json", key="dl_json")
