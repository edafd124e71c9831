"""Entity: labels, type, aliases, GeoNames link; one row per distinct fact (ties ↔, out →, in ←) with
its article count, dates, amounts and status, every evidence sentence on demand, review buttons;
facts two hops away; a CSV of the facts with evidence; rename and merge."""

from __future__ import annotations

import re

import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import code, esc, md, t
from newskg.graph import review
from newskg.ontology.errors import NewsKGError

kg, key = data.store(), data.cache_key()
lang = render.lang()
SHOWN = 20  # facts drawn per section and page (each with its evidence and buttons); the CSV lists all

st.title(t("entity.title"))
q = st.text_input(t("entity.search"), key="entity_q", placeholder="시흥시, Siheung, 임병택…")
if q:
    hits = data.cached_search(kg, key, q)
    if hits.empty:
        st.warning(t("search.none", q=md(q)))
    else:
        st.caption(t("search.count", n=len(hits)))
        for row in hits.itertuples():
            st.page_link(
                "views/entity.py",
                label=md(f"{row.ko} · {row.en} ({row.type})"),
                query_params={"iri": row.iri},
            )

iri = st.query_params.get("iri")
if not iri:
    if not q:
        st.info(t("entity.hint"))
    st.stop()

show_rejected = st.toggle(t("review.show_rejected"), key="entity_show_rejected")
pages = tuple((d, int(st.session_state.get(f"entity_page_{d}", 1)) - 1) for d in data.SECTIONS)
try:  # one page of each section's facts: a hub's thousands are counted, not all read
    view = data.cached_entity_page(kg, key, iri, show_rejected, SHOWN, pages)
except NewsKGError:
    view = None
if view is None or not view.exists:
    st.error(t("entity.missing", iri=code(iri)))
    st.stop()
info = view.info
label = {lng: {e: r[lng] for e, r in view.names.items()} for lng in ("ko", "en")}
kind_of = {e: r["type"] for e, r in view.names.items()}


def name(node: str, language: str = lang) -> str:
    return str(label[language].get(node) or node.rsplit("/", 1)[-1])


def link(node: str) -> str:
    if node == iri:
        return f"<b>{esc(name(node))}</b>"
    return f'<a href="{render.entity_href(node)}" target="_self">{esc(name(node))}</a>'


st.header(md(name(iri)))
st.html(
    f"<div>{render.type_badge(info.type)} <b>{esc(' / '.join(info.classes))}</b> · "
    f"한국어: <b>{esc(', '.join(info.labels.get('ko', [])) or '—')}</b> · "
    f"English: <b>{esc(', '.join(info.labels.get('en', [])) or '—')}</b></div>"
)
if info.merged_into:
    st.info(t("entity.merged_into", name=md(name(info.merged_into))))
    st.page_link("views/entity.py", label=md(name(info.merged_into)), query_params={"iri": info.merged_into})
cols = st.columns(3)
cols[0].markdown(f"**{t('entity.aliases')}**: " + (md(", ".join(info.aliases)) or "—"))
if info.geonames and re.match(r"^https?://sws\.geonames\.org/\d+/?$", info.geonames):
    cols[1].markdown(f"**GeoNames**: [{info.geonames.rstrip('/').rsplit('/', 1)[-1]}]({info.geonames})")
if info.lat is not None and info.lon is not None:
    cols[2].markdown(f"**{t('entity.coordinates')}**: {info.lat:.4f}, {info.lon:.4f}")
st.page_link(
    "views/graph.py", label=t("entity.show_in_graph"), icon=":material/hub:", query_params={"focus": iri}
)
st.caption("IRI: " + code(iri))


def marks_for(r: dict, sentence: str) -> tuple[list[tuple], list[tuple[int, int]]]:
    """Highlight spans inside the evidence sentence: exactly the mentions the extractor read."""
    start = r.get("start")
    if start is None or start != start:  # no offsets recorded: nothing is guessed
        return [], []
    start, stop = int(start), int(start) + len(sentence)
    marks, focus = [], []
    for node in {r["s"], r["o"], iri}:
        for a, b in view.spans.get((r["article"], node), []):
            if start <= a and b <= stop:
                marks.append((a - start, b - start, kind_of.get(node, info.type), name(node)))
                if node == iri:
                    focus.append((a - start, b - start))
    return marks, focus


def evidence_html(r: dict) -> str:
    sentence = r.get("evidence") or ""
    if not sentence:
        return f"<i>{esc(t('entity.no_evidence'))}</i>"
    marks, focus = marks_for(r, sentence)
    art = ""
    if r.get("article"):
        when = f" · {esc(r['published'])}" if r.get("published") else ""
        art = (
            f' <span class="nkg-meta">— <a href="{render.article_href(r["article"])}" target="_self">'
            f"📰 {esc(r.get('headline') or t('entity.article'))}</a>{when}</span>"
        )
    return f'<div class="nkg-ev">{render.highlight(sentence, marks, focus=focus)}{art}</div>'


def qualifiers(f) -> str:
    out = []
    if f.when:
        out.append(render.badge(f.when, "when"))
    for value, cur in f.amounts:
        out.append(render.badge(render.money(value, cur), "amount"))
    for status in f.statuses:
        if status != "done":
            out.append(render.badge(t(f"status.{status}"), status))
    if f.rejected:
        out.append(render.badge(t("review.rejected"), "rejected"))
    return " ".join(out)


def fact_html(f, arrow: str) -> str:
    pred = render.predicate_label(f.predicate, lang)
    if f.predicate == "sisterCityOf" and len(f.tie_kinds) == 1:  # 자매도시 or 우호도시, as the articles say
        pred = t(f"tie.{f.tie_kinds[0]}")
    n_art, n_src = len(f.articles), len(f.sources)
    counts = t("entity.counts", articles=n_art, sources=n_src)
    line = (
        f'<div class="nkg-fact">{link(f.s)} <code>{esc(pred)}</code> {arrow} {link(f.o)} '
        f'{qualifiers(f)} <span class="nkg-meta">· {esc(counts)} · '
        f"{esc(t('entity.confidence'))} {f.confidence:.2f}</span></div>"
    )
    ev = "".join(evidence_html(r) for r in f.statements)
    if len(f.statements) == 1:
        return line + ev
    return (
        line + f'<details class="nkg-more"><summary>{esc(t("entity.evidence_n", n=len(f.statements)))}'
        f"</summary>{ev}</details>"
    )


with st.expander(t("review.who_title")):
    c1, c2 = st.columns(2)
    who = c1.text_input(t("review.who"), key="review_who")
    comment = c2.text_input(t("review.comment"), key="review_comment")


def record(f, verdict: str) -> None:
    try:
        with data.write_lock(), data.reviewed(kg, figures=True):
            review.record_fact(kg, f.s, f.predicate, f.o, verdict, who=who, comment=comment)
    except NewsKGError as exc:
        st.error(t("review.failed", why=md(exc)))
        return
    data.added()
    st.session_state["review_done"] = t(f"review.done_{verdict}")


done = st.session_state.pop("review_done", None)
if done:
    st.success(done)

if not view.keys:
    st.info(t("entity.no_facts"))
loaded = {(f.s, f.predicate, f.o): f for f in view.facts}
sections = (("entity.ties", "↔", "tie"), ("entity.out", "→", "out"), ("entity.in", "←", "in"))
n = 0
for title, arrow, direction in sections:
    part = view.section(direction)
    if not part:
        continue
    st.subheader(f"{t(title)} ({len(part)})")
    if len(part) > SHOWN:
        last = (len(part) - 1) // SHOWN + 1
        page = st.number_input(t("entity.page", pages=last), 1, last, key=f"entity_page_{direction}", step=1)
        st.caption(t("entity.first_n", n=min(SHOWN, len(part) - (page - 1) * SHOWN), total=len(part)))
    for k in part:
        f = loaded.get((k.s, k.predicate, k.o))
        if f is None:  # on another page of this section
            continue
        f_arrow = "↔" if arrow == "↔" else "→"  # an incoming fact still reads subject → object
        c1, c2, c3 = st.columns([12, 1, 1], vertical_alignment="top")
        c1.html(fact_html(f, f_arrow))
        if c2.button("✗", key=f"rv_x_{n}", help=t("review.wrong")):
            record(f, "rejected")
            st.rerun()
        if c3.button("✓", key=f"rv_ok_{n}", help=t("review.confirm")):
            record(f, "confirmed")
            st.rerun()
        n += 1

if view.two_hops:
    st.subheader(f"{t('entity.two_hops')} ({len(view.two_hops)})")
    st.caption(t("entity.two_hops_hint"))
    lines = []
    for r in view.two_hops:
        ties = " / ".join(render.predicate_label(x, lang) for x in r["ties"])
        lines.append(
            f'<div class="nkg-fact">{link(iri)} <code>{esc(ties)}</code> ↔ {link(r["partner"])} ← '
            f"<code>{esc(render.predicate_label(r['predicate'], lang))}</code> {link(r['other'])} "
            f'<span class="nkg-meta">· {esc(t("entity.counts_articles", articles=r["articles"]))}'
            f"</span></div>"
        )
    st.html("".join(lines))

if view.keys:
    if len(view.facts) == len(view.keys):
        frame = data.facts_frame(view.facts, name)
        st.download_button(
            t("entity.csv"),
            frame.to_csv(index=False).encode("utf-8"),
            f"facts-{iri.rsplit('/', 1)[-1]}.csv",
            "text/csv",
            key="entity_csv",
        )
    else:  # a hub's every statement with evidence: read only when asked for

        def every_fact() -> bytes:
            every = data.entity_view(kg, iri, include_rejected=show_rejected)
            names_all = data.names(kg, {x for f in every.facts for x in (f.s, f.o)})
            return (
                data.facts_frame(every.facts, lambda x: str((names_all.get(x) or {}).get(lang) or x))
                .to_csv(index=False)
                .encode("utf-8")
            )

        st.download_button(
            t("entity.csv"), every_fact, f"facts-{iri.rsplit('/', 1)[-1]}.csv", "text/csv", key="entity_csv"
        )

with st.expander(t("review.entity_title")):
    c1, c2, c3 = st.columns([3, 1, 1])
    new_label = c1.text_input(t("review.rename_label"), key="rename_label")
    new_lang = c2.radio(t("review.rename_lang"), ["ko", "en"], key="rename_lang", horizontal=True)
    if c3.button(t("review.rename"), key="rename_go") and new_label.strip():
        try:
            with data.write_lock(), data.reviewed(kg, figures=False):
                review.record_rename(kg, iri, new_label, new_lang, who=who, comment=comment)
        except NewsKGError as exc:
            st.error(t("review.failed", why=md(exc)))
        else:
            data.added()
            st.rerun()
    # the other entity is searched for (a store of 100,000 is no list to scroll)
    mq = st.text_input(t("review.merge_search"), key="merge_q")
    found = data.cached_search(kg, key, mq, 20) if mq else data.search(kg, "", limit=0)
    others = [x for x in found["iri"] if x != iri]
    found_names = {r.iri: (r.ko, r.en) for r in found.itertuples()}
    c1, c2 = st.columns([4, 1])
    target = c1.selectbox(
        t("review.merge_with"),
        others,
        index=None,
        key="merge_target",
        format_func=lambda x: " · ".join(found_names.get(x, (x, x))[:: 1 if lang == "ko" else -1]),
    )
    if c2.button(t("review.merge"), key="merge_go") and target:
        try:
            with data.write_lock(), data.reviewed(kg, figures=False):
                review.record_merge(kg, iri, target, who=who, comment=comment)
        except NewsKGError as exc:
            st.error(t("review.failed", why=md(exc)))
        else:
            data.added()
            st.query_params["iri"] = target
            st.rerun()
