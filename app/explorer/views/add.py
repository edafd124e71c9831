"""Add article: paste text or upload a file (headline, date and URL prefilled from the reader) →
extraction preview → add to the graph, or replace the article chosen on the Article page.

Uploads are capped (`MAX_UPLOAD_BYTES`, `MAX_CHARS`), their provenance is an `upload:` IRI of
their own (name and content hash), and messages never show a server path.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import re
import tempfile
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import streamlit as st
from newskg.app.explorer import data, render
from newskg.app.explorer.render import code, md, t
from newskg.ontology.errors import NewsKGError

MAX_UPLOAD_BYTES = 2_000_000
MAX_CHARS = 200_000

kg = data.store()
lang = render.lang()


def upload_iri(name: str, payload: bytes) -> str:
    """The provenance of an upload: `upload:` + its file name + a hash of its bytes."""
    digest = hashlib.sha256(payload).hexdigest()[:16]
    return f"upload:{quote(Path(name).name or 'pasted', safe='')}#sha256-{digest}"


def no_paths(message: str, *names: tuple[str, str]) -> str:
    """The message with server paths replaced by the names the user knows."""
    for path, name in names:
        message = message.replace(path, name)
    return re.sub(r"(/[\w.\-]+){2,}/?", "…", message)


st.title(t("add.title"))
st.caption(t("add.caption"))
replacing = st.session_state.get("add_replace")
if replacing:
    c1, c2 = st.columns([5, 1])
    c1.info(t("add.replacing", iri=code(replacing)))
    if c2.button(t("add.replace_cancel"), key="add_replace_cancel"):
        st.session_state["add_replace"] = None
        st.rerun()

how = st.radio(
    t("add.source"),
    ["paste", "upload"],
    horizontal=True,
    key="add_how",
    format_func=lambda x: t(f"add.{x}", lang),
)
article = None
if how == "paste":
    text = st.text_area(
        t("add.text"),
        height=260,
        key="add_text",
        max_chars=MAX_CHARS,
        placeholder="[경기 가상=가상일보 홍길동 기자] 가상시는 …",
    )
    payload = (text or "").encode("utf-8")
    name = "pasted"
else:
    up = st.file_uploader(
        t("add.file", mb=MAX_UPLOAD_BYTES // 1_000_000), type=["txt", "html", "htm"], key="add_file"
    )
    payload, name = (up.getvalue(), Path(up.name).name) if up is not None else (b"", "")
    if up is not None and len(payload) > MAX_UPLOAD_BYTES:
        st.error(t("add.too_big", mb=MAX_UPLOAD_BYTES // 1_000_000))
        payload = b""

read = None
if payload.strip():
    digest = hashlib.sha256(payload).hexdigest()[:12]
    try:
        if how == "paste":
            from newskg.extract.reader import read_text

            read = read_text(payload.decode("utf-8"), f"pasted-{digest}")
        else:
            from newskg.extract.reader import read_file

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / name
                path.write_bytes(payload)
                try:
                    got = read_file(path)
                except NewsKGError as exc:
                    raise NewsKGError(no_paths(str(exc), (str(path), name), (tmp, ""))) from None
            read = got[0] if isinstance(got, (list, tuple)) else got
            read = dataclasses.replace(read, id=name)
        if len(read.text) > MAX_CHARS:
            st.error(t("add.too_long", n=f"{MAX_CHARS:,}"))
            read = None
    except NewsKGError as exc:
        st.error(t("add.cannot_read", why=md(no_paths(str(exc)))))
    if read is not None and st.session_state.get("add_prefilled") != digest:  # a new input: prefill
        st.session_state["add_prefilled"] = digest
        if how == "upload":
            st.session_state["add_title"] = read.title or ""
        if read.published:
            with contextlib.suppress(ValueError):
                st.session_state["add_date"] = dt.date.fromisoformat(read.published[:10])
        if read.url:
            st.session_state["add_url"] = read.url

c1, c2, c3 = st.columns([3, 1, 2])
title = c1.text_input(t("add.headline"), key="add_title")
published = c2.date_input(t("add.date"), value=None, key="add_date", format="YYYY-MM-DD")
url = c3.text_input(t("add.url"), key="add_url", placeholder="https://…")
if url and not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", url.strip()):
    st.warning(t("add.bad_url"))
    url = ""
if read is not None:
    article = dataclasses.replace(
        read,
        title=title.strip() or read.title,
        source=upload_iri(name, payload),
        published=published.isoformat() if published else read.published,
        url=url.strip() or None,
    )

if article is not None and st.button(t("add.extract"), type="primary", key="add_extract"):
    try:
        if not data.extractor_loaded():
            with st.spinner(t("add.loading")):
                data.extractor()
        with st.spinner(t("add.extracting")):
            st.session_state["add_extraction"] = data.extractor().extract(article)
    except NewsKGError as exc:
        st.error(t("add.extract_failed", why=md(no_paths(str(exc)))))

ex = st.session_state.get("add_extraction")
if ex is not None:
    text = ex.article.text if ex.article is not None else ""
    st.subheader(t("add.preview"))
    by_id = {e.id: e for e in ex.entities}
    marks = [(a, b, e.type, e.label_en) for e in ex.entities for a, b in e.mentions]
    st.html(f'<div>{render.legend()}</div><div class="nkg-text">{render.highlight(text, marks)}</div>')

    def name_of(eid: str) -> str:
        e = by_id.get(eid)
        return eid if e is None else (e.label if lang == "ko" else e.label_en)

    st.markdown(f"**{t('add.n_entities', n=len(ex.entities))}**")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "label": e.label,
                    "English": e.label_en,
                    "type": e.type,
                    "class": e.cls,
                    "aliases": ", ".join(e.aliases),
                    "mentions": len(e.mentions),
                }
                for e in ex.entities
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.markdown(f"**{t('add.n_triples', n=len(ex.triples))}**")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "subject": name_of(x.subject),
                    "predicate": render.predicate_label(x.predicate, lang),
                    "object": name_of(x.object),
                    "status": x.status,
                    "confidence": x.confidence,
                    "evidence": x.evidence.sentence,
                }
                for x in ex.triples
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config={"confidence": st.column_config.NumberColumn(format="%.2f")},
    )
    if st.button(t("add.commit_replace") if replacing else t("add.commit"), type="primary", key="add_commit"):
        try:
            report = data.add_article(kg, ex, replace=replacing)
        except NewsKGError as exc:
            st.error(t("add.add_failed", why=md(no_paths(str(exc)))))
        else:
            st.session_state["add_extraction"] = None
            st.session_state["add_replace"] = None
            st.session_state["add_report"] = (
                report.summary(),
                list(report.articles),
                [f"{doc}: {no_paths(why)}" for doc, why in report.rejected],
            )
            st.rerun()

done = st.session_state.get("add_report")
if done:
    summary, iris, rejected = done
    (st.warning if rejected else st.success)(t("add.updated", summary=md(summary)))
    for why in rejected:
        st.error(md(why))
    for iri in iris:
        st.page_link(
            "views/article.py", label=t("add.open"), icon=":material/article:", query_params={"article": iri}
        )
