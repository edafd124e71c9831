"""Timeline: dated facts over time for an entity, a predicate or everything, filtered by status;
each point's evidence below the chart (the statement model of issue 8: nkg:when, nkg:startDate /
nkg:endDate, an amount, nkg:status)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import esc, md, t
from newskg.graph import readmodel
from newskg.ontology.vocab import predicates

kg, key = data.store(), data.cache_key()
lang = render.lang()

st.title(t("timeline.title"))
st.caption(t("timeline.caption"))
c1, c2, c3 = st.columns([2, 2, 2])
q = c1.text_input(
    t("timeline.entity"), key="tl_q", value=st.query_params.get("q", ""), placeholder="시흥시, Siheung…"
)
pred = c2.selectbox(
    t("timeline.predicate"),
    ["", *predicates()],
    key="tl_pred",
    format_func=lambda p: t("timeline.all", lang) if not p else render.predicate_label(p, lang),
)
statuses = c3.multiselect(
    t("timeline.status"),
    ["done", "planned", "failed"],
    default=["done", "planned", "failed"],
    key="tl_status",
    format_func=lambda s: t(f"status.{s}", lang),
)
iri = st.query_params.get("iri")
if q:
    hits = data.cached_search(kg, key, q, 1)
    if hits.empty:
        st.warning(t("search.none", q=md(q)))
        st.stop()
    iri = hits.iloc[0]["iri"]
rows = readmodel.timeline(kg, entity_=iri or None, predicate=pred or None, status=statuses or None)
# labels of just the entities on screen
names = {
    e: r[lang]
    for e, r in data.cached_names(
        kg, key, tuple(sorted({iri or "", *(x for r in rows for x in (r["s"], r["o"]))}))
    ).items()
}
if iri:
    st.markdown(t("timeline.for", name=md(names.get(iri, iri))))
if not rows:
    st.info(t("timeline.empty"))
    st.stop()


def name(node: str) -> str:
    return str(names.get(node) or node.rsplit("/", 1)[-1])


def arrow(predicate: str) -> str:
    p = predicates().get(predicate)
    return "↔" if p is not None and p.symmetric else "→"


def amount(r: dict) -> str:
    return render.money(float(r["amount"]), str(r["currency"] or "")) if r["amount"] is not None else ""


df = pd.DataFrame(
    [
        {
            "date": r["date"],
            "end": r["end"] or r["date"],
            "fact": f"{name(r['s'])} · {render.predicate_label(r['predicate'], lang)} · {name(r['o'])}",
            "predicate": render.predicate_label(r["predicate"], lang),
            "status": t(f"status.{r['status']}"),
            "amount": amount(r),
            "evidence": r["evidence"] or "",
        }
        for r in rows
    ]
)
# dates of year or month precision sit at their first day
df["x"] = pd.to_datetime(
    df["date"].str.pad(10, "right", "-").str.replace(r"-(?=-|$)", "-01", regex=True).str[:10], errors="coerce"
)
df["x2"] = pd.to_datetime(
    df["end"].str.pad(10, "right", "-").str.replace(r"-(?=-|$)", "-01", regex=True).str[:10], errors="coerce"
)
chart = alt.Chart(df).encode(
    y=alt.Y("predicate:N", title=None),
    color=alt.Color("status:N", title=t("timeline.status")),
    tooltip=["date", "end", "fact", "status", "amount", "evidence"],
)
spans = chart.mark_rule(strokeWidth=4).encode(x=alt.X("x:T", title=None), x2="x2:T")
dots = chart.mark_circle(size=120).encode(x="x:T")
st.altair_chart((spans + dots).properties(height=max(180, 40 * df["predicate"].nunique())), width="stretch")

st.subheader(t("timeline.points", n=len(rows)))
blocks = []
for r in rows:
    when = r["date"] + (f" – {r['end']}" if r["end"] and r["end"] != r["date"] else "")
    badges = render.badge(when, "when")
    if r["amount"] is not None:
        badges += " " + render.badge(amount(r), "amount")
    if r["status"] != "done":
        badges += " " + render.badge(t(f"status.{r['status']}"), r["status"])
    s, o = names.get(r["s"], r["s"]), names.get(r["o"], r["o"])
    art = ""
    if r.get("article"):
        art = (
            f' <span class="nkg-meta">— <a href="{render.article_href(r["article"])}" target="_self">'
            f"📰 {esc(r.get('headline') or t('entity.article'))}</a></span>"
        )
    blocks.append(
        f'<details class="nkg-more"><summary>{badges} '
        f'<a href="{render.entity_href(r["s"])}" target="_self">{esc(s)}</a> '
        f"<code>{esc(render.predicate_label(r['predicate'], lang))}</code> {arrow(r['predicate'])} "
        f'<a href="{render.entity_href(r["o"])}" target="_self">{esc(o)}</a></summary>'
        f'<div class="nkg-ev">{esc(r["evidence"] or "")}{art}</div></details>'
    )
st.html("".join(blocks))
