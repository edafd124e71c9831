"""The explorer, headless: every page renders, search, entity facts with evidence, escaping, SPARQL
read-only, Add article, the bounded graph view, and the `newskg explore` command line.

Pages run in `streamlit.testing.v1.AppTest` over a real Oxigraph store built in tmp from a fixed
Extraction fixture (tests/data/explorer/extractions.jsonl: the seed article's gold facts, and an
article full of markup).
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from newskg.app.explorer import data, graphview, render
from newskg.extract.records import Extraction
from newskg.graph import review
from newskg.graph.build import add_extractions
from newskg.graph.sparql import query
from newskg.graph.store import open_store

from tests.test_remote_store import endpoint  # noqa: F401, F811 - a real `oxigraph serve` fixture

ROOT = Path(__file__).resolve().parents[1]
MAIN = ROOT / "app" / "explorer" / "main.py"
FIXTURE = Path(__file__).resolve().parent / "data" / "explorer" / "extractions.jsonl"
PAGES = ["overview", "graph", "entity", "timeline", "article", "sparql", "map", "add", "export"]
SIHEUNG = "https://w3id.org/newskg/entity/gn1846054"
SAN_DIEGO = "https://w3id.org/newskg/entity/gn5391811"


def _projection(**filters) -> nx.MultiDiGraph:
    """The whole networkx projection of the app's store with the Graph page's filters: what a
    bounded view is checked against."""
    from newskg.graph.project import to_networkx

    return to_networkx(data.store(), **data.filters_of(**filters).kwargs())


def fixture_extractions() -> list[Extraction]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return [Extraction.from_json(json.loads(line)) for line in lines]


def build_store(path: Path) -> str:
    with open_store(str(path)) as kg:
        add_extractions(kg, fixture_extractions())
    return str(path)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Iterator[str]:
    """A store shared by the read-only tests of this module (the app keeps it open)."""
    path = build_store(tmp_path_factory.mktemp("explorer") / "kg.oxigraph")
    old = os.environ.get("NEWSKG_STORE")
    os.environ["NEWSKG_STORE"] = path
    yield path
    if old is None:
        os.environ.pop("NEWSKG_STORE", None)
    else:
        os.environ["NEWSKG_STORE"] = old


def app(page: str | None = None, *, lang: str = "ko", **params: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(MAIN), default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    if page:
        for k, v in params.items():
            at.query_params[k] = v
        at.switch_page(f"views/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_of(at) -> str:
    return "\n".join(h.value for h in at.html)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(store_path: str, page: str) -> None:
    at = app(page)
    assert at.title, f"{page} shows no title"


@pytest.mark.parametrize("text", ["시흥시", "Siheung", "siheung", "시흥"])
def test_entity_search_finds_siheung_by_korean_or_english_name(store_path: str, text: str) -> None:
    at = app("entity")
    at.text_input(key="entity_q").input(text).run()
    assert not at.exception
    labels = [link.proto.label for link in at.get("page_link")]
    assert labels and "시흥시" in labels[0] and "Siheung" in labels[0]


def test_entity_page_shows_the_san_diego_fact_with_its_evidence(store_path: str) -> None:
    at = app("entity", iri=SIHEUNG)
    assert at.header[0].value == "시흥시"
    html = html_of(at)
    assert "샌디에이고" in html and "자매도시" in html  # sisterCityOf in Korean
    text = re.sub(r"<[^>]+>", "", html)
    assert "샌디에이고와는 지난해 10월 31일 서울대학교 시흥캠퍼스에서" in text  # the evidence sentence
    assert 'class="nkg-m nkg-LOC nkg-focus"' in html  # the entity is highlighted in it
    assert "sws.geonames.org/1846054" in " ".join(m.value for m in at.markdown)


def test_entity_labels_follow_the_language_switch(store_path: str) -> None:
    at = app("entity", iri=SIHEUNG)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.header[0].value == "Siheung" and at.title[0].value == "Entity"
    assert "sister city of" in html_of(at)


def test_article_with_markup_shows_it_as_text(store_path: str) -> None:
    at = app("article", article="https://w3id.org/newskg/article/hostile.txt")
    html = html_of(at)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "nkg-m nkg-LOC" in html  # mentions are still highlighted


def test_entity_with_markup_in_its_label_is_escaped(store_path: str) -> None:
    table = data.entity_table(data._open(store_path))
    iri = table.loc[table["en"] == "Busan", "iri"].iloc[0]
    at = app("entity", iri=iri)
    html = html_of(at)
    i = html.find("<img")
    assert i < 0 and "&lt;img" in html, ([e.value for e in at.error], [h.value for h in at.header])


def test_sparql_select_shows_a_table_and_offers_downloads(store_path: str) -> None:
    at = app("sparql")
    at.text_area(key="sparql_text").input(
        "SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(lang(?l) = 'en') } ORDER BY ?l"
    ).run()
    at.button(key="sparql_run").click().run()
    assert not at.exception and not at.error
    df = at.dataframe[0].value
    assert "Siheung" in set(df["l"])
    assert {b.proto.label for b in at.get("download_button")} == {"CSV", "JSON"}


def test_sparql_named_queries_are_preloaded(store_path: str) -> None:
    at = app("sparql")
    assert "SELECT" in at.text_area(key="sparql_text").value
    assert len(at.selectbox[0].options) > 1


def test_sparql_update_is_refused(store_path: str) -> None:
    at = app("sparql")
    at.text_area(key="sparql_text").input("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }").run()
    at.button(key="sparql_run").click().run()
    assert at.error and at.error[0].value == render.t("sparql.readonly", "ko")
    assert query(data._open(store_path), "ASK { GRAPH <urn:x> { ?s ?p ?o } }").boolean is False


def test_graph_page_focuses_the_entity_given_in_the_url(store_path: str) -> None:
    at = app("graph", lang="en", focus=SAN_DIEGO)
    captions = " ".join(c.value for c in at.caption)
    assert "in view" in captions
    assert any("San Diego" in m.value for m in at.markdown if m.value.startswith("Focus"))


def test_graph_search_focuses_a_korean_or_english_match(store_path: str) -> None:
    at = app("graph", lang="en")
    at.text_input(key="g_q").input("Siheung").run()
    at.button(key="g_hit_0").click().run()
    assert not at.exception
    assert any("Siheung" in m.value for m in at.markdown if m.value.startswith("Focus"))


def test_bounded_view_keeps_a_large_graph_small_and_says_so() -> None:
    g = nx.MultiDiGraph()
    for i in range(3000):
        g.add_edge(f"n{i}", f"n{(i * 7 + 1) % 3000}", key="visits")
        g.add_edge("hub", f"n{i}", key="meets")
    view, note = graphview.bounded_view(g, max_nodes=100)
    assert view.number_of_nodes() == 100 and "hub" in view and note == (100, 3001, "graph")
    view, note = graphview.bounded_view(g, focus=["n5"], radius=2, max_nodes=50)
    assert view.number_of_nodes() == 50 and "n5" in view and note[2] == "neighbourhood"
    data_ = graphview.vis_data(view, lang="en", focus=["n5"])
    assert len(data_["nodes"]) == 50 and data_["script"].startswith("app/static/")


def test_vis_network_is_served_from_the_app_and_names_no_cdn() -> None:
    static = ROOT / "app" / "explorer" / "static"
    assert (static / "js" / "vis-network.min.js").stat().st_size > 100_000  # the browser test checks requests
    assert (static / "fonts" / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1
    assert (static / "fonts" / "NanumBarunGothic-Regular.ttf").stat().st_size > 1_000_000
    config = (ROOT / "app" / "explorer" / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "enableStaticServing = true" in config and "app/static/fonts/" in config


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("<b>시흥</b>", [], "&lt;b&gt;시흥&lt;/b&gt;"),
        ("a<b", [(0, 1, "ORG", '"x"')], '<mark class="nkg-m nkg-ORG" title="&quot;x&quot;">a</mark>&lt;b'),
        (
            "시흥시와 시흥",
            [(0, 3, "LOC"), (1, 2, "PERSON"), (5, 7, "???")],
            '<mark class="nkg-m nkg-LOC">시흥시</mark>와 <mark class="nkg-m nkg-OTHER">시흥</mark>',
        ),
        ("짧다", [(1, 9, "LOC")], "짧다"),
    ],
)
def test_highlight_escapes_text_and_marks_spans(text: str, spans: list, expected: str) -> None:
    assert render.highlight(text, spans) == expected


def test_search_ranks_exact_matches_first(store_path: str) -> None:
    table = data.entity_table(data._open(store_path))
    assert list(data.search_entities(table, "시흥")["ko"])[0] == "시흥시"  # 시흥 is its alias
    assert data.search_entities(table, "nothing like this").empty


def test_add_article_with_headline_date_and_url_then_remove_it(tmp_path: Path, monkeypatch) -> None:
    import datetime as dt

    from streamlit.testing.v1 import AppTest

    path = str(tmp_path / "add.oxigraph")
    monkeypatch.setenv("NEWSKG_STORE", path)
    at = AppTest.from_file(str(MAIN), default_timeout=300)
    at.run()
    at.switch_page("views/add.py").run()
    text = (
        "[경기 가상=가상일보 홍길동 기자] 경기 시흥시는 미국 샌디에이고시와 자매결연 협약을 "
        "체결했다고 13일 밝혔다. 임병택 시흥시장은 샌디에이고를 방문해 토드 글로리아 시장을 만났다."
    )
    at.text_area(key="add_text").input(text).run()
    at.text_input(key="add_title").input("시흥시, 샌디에이고와 협약").run()
    at.date_input(key="add_date").set_value(dt.date(2024, 8, 14)).run()
    at.text_input(key="add_url").input("https://news.example/a/1").run()
    at.button(key="add_extract").click().run()
    assert not at.exception and not at.error
    preview = html_of(at)
    assert "nkg-m nkg-LOC" in preview and "샌디에이고" in preview
    triples = at.dataframe[1].value
    assert len(triples) > 0
    at.button(key="add_commit").click().run()
    assert not at.exception and at.success, [e.value for e in at.error]
    kg = data._open(path)
    n = data.select(kg, "SELECT (COUNT(*) AS ?n) WHERE { ?st a nkg:Statement }").iloc[0, 0]
    assert n == len(triples)
    (row,) = data.article_table(kg).to_dict("records")
    assert (row["headline"], row["published"], row["url"]) == (
        "시흥시, 샌디에이고와 협약",
        "2024-08-14",
        "https://news.example/a/1",
    )
    at.switch_page("views/overview.py").run()  # the other pages see it at once
    assert at.metric[2].value == "1"

    at.query_params["article"] = row["iri"]
    at.switch_page("views/article.py").run()
    assert at.button(key="article_remove").disabled  # nothing is removed without the confirmation
    at.checkbox(key=f"article_confirm_{row['iri']}").check().run()
    at.button(key="article_remove").click().run()
    assert not at.exception and at.success[0].value.startswith("기사 ‘시흥시, 샌디에이고와 협약’")
    assert data.article_table(kg).empty
    assert data.select(kg, "SELECT (COUNT(*) AS ?n) WHERE { ?st a nkg:Statement }").iloc[0, 0] == 0


def test_an_upload_gets_a_provenance_iri_of_its_own(tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("NEWSKG_STORE", str(tmp_path / "upload.oxigraph"))
    at = AppTest.from_file(str(MAIN), default_timeout=300)
    at.run()
    at.switch_page("views/add.py").run()
    at.radio(key="add_how").set_value("upload").run()
    seed = ROOT / "app" / "sample_articles" / "sandiego-delegation-siheung.txt"
    at.file_uploader(key="add_file").set_value((seed.name, seed.read_bytes(), "text/plain")).run()
    assert at.text_input(key="add_title").value  # prefilled from the reader
    at.button(key="add_extract").click().run()
    assert not at.exception and not at.error
    at.button(key="add_commit").click().run()
    assert at.success and "1 added" in at.success[0].value
    (row,) = data.article_table(data._open(str(tmp_path / "upload.oxigraph"))).to_dict("records")
    assert re.fullmatch(r"upload:sandiego-delegation-siheung\.txt#sha256-[0-9a-f]{16}", row["source"])
    assert str(tmp_path) not in row["source"] and "file:" not in row["source"]


def test_explore_help_names_its_options() -> None:
    from newskg.app.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    text = sub.choices["explore"].format_help()
    for opt in ("--store", "--port", "--host", "--no-browser"):
        assert opt in text


def test_explore_runs_streamlit_headless_on_the_app() -> None:
    from newskg.app.cmd_explore import app_path, streamlit_command

    cmd = streamlit_command(port=8765, host="127.0.0.1")
    assert cmd[1:4] == ["-m", "streamlit", "run"] and Path(cmd[4]) == app_path() == MAIN
    assert {
        "--server.port=8765",
        "--server.address=127.0.0.1",
        "--server.headless=true",
        "--server.enableStaticServing=true",
    } <= set(cmd)


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("Turtle", b"@prefix"), ("JSON-LD", b"@context"), ("N-Quads", b"> .\n"), ("GraphML", b"<graphml")],
)
def test_export_prepares_the_whole_graph(store_path: str, fmt: str, marker: bytes) -> None:
    at = app("export")
    at.radio(key="export_fmt").set_value(fmt).run()
    at.button(key="export_go").click().run()
    assert not at.exception and not at.error
    button = at.get("download_button")[0]
    assert fmt in button.proto.label
    payload = at.session_state["export_file"][2]
    assert marker in payload and "시흥시".encode() in payload


def test_export_of_the_current_graph_view_is_graphml_of_its_nodes(store_path: str) -> None:
    at = app("graph", focus=SAN_DIEGO)
    at.switch_page("views/export.py").run()
    at.radio(key="export_scope").set_value("view").run()
    at.radio(key="export_fmt").set_value("GraphML").run()
    at.button(key="export_go").click().run()
    assert not at.exception and not at.error
    g = nx.read_graphml(io.BytesIO(at.session_state["export_file"][2]))
    assert SAN_DIEGO in g and set(g.nodes) == set(at.session_state["graph_view"]["nodes"])


def test_map_draws_places_and_links(store_path: str) -> None:
    at = app("map")
    assert not at.exception
    links = at.dataframe[0].value
    assert {"from", "link", "to"} <= set(links.columns) and len(links) > 0
    # ties are symmetric: the link may be drawn from either end
    assert {"샌디에이고", "시흥시"} in [{a, b} for a, b in zip(links["from"], links["to"], strict=True)]


def test_graph_filters_by_type_predicate_and_date(store_path: str) -> None:
    at = app("graph")
    at.multiselect(key="g_types").set_value(["PERSON", "LOC"]).run()
    at.multiselect(key="g_preds").set_value(["visits"]).run()
    assert not at.exception
    view = at.session_state["graph_view"]
    g = _projection(**view["filters"])
    assert {d["type"] for _, d in g.nodes(data=True)} <= {"PERSON", "LOC"}
    assert {k for _, _, k in g.edges(keys=True)} == {"visits"}
    at.checkbox(key="g_use_dates").check().run()
    assert not at.exception
    assert at.session_state["graph_view"]["filters"]["since"] == "2024-03-13"


# ---------------------------------------------------------------- issue 9: the analyst's explorer
HOSTILE = Path(__file__).resolve().parent / "data" / "explorer" / "hostile-labels.json"
MARKDOWN_KINDS = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "info",
    "warning",
    "error",
    "success",
)


def hostile_extraction() -> Extraction:
    return Extraction.from_json(json.loads(HOSTILE.read_text(encoding="utf-8")))


def interpreted(markdown: str) -> list[str]:
    """What markdown would turn into links, images, HTML or URLs (code spans and escapes removed)."""
    text = re.sub(r"``.*?``|`[^`]*`", "", markdown)
    text = re.sub(r"\\.", "", text)
    found = [p for p in ("](", "![", "<img", "<script", "<b>", "javascript:", "://") if p in text]
    found += re.findall(r"www\.\w", text) + re.findall(r"\w@\w", text)
    return found


def unsafe_html(html: str) -> list[str]:
    bad = re.findall(r"<(?:img|script|iframe)\b[^>]*>|<b>x</b>", html)
    bad += [
        h
        for h in re.findall(r'(?:href|src)="([^"]*)"', html)
        if not h.startswith(("entity?", "article?")) or "javascript:" in h.split("?", 1)[0]
    ]
    return bad


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("hostile") / "kg.oxigraph"
    with open_store(str(path)) as kg:
        add_extractions(kg, [hostile_extraction()])
    return str(path)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_hostile_labels_and_headlines_are_shown_as_text_on_every_page(
    hostile_store: str, lang: str, monkeypatch
) -> None:
    monkeypatch.setenv("NEWSKG_STORE", hostile_store)
    kg = data._open(hostile_store)
    ents = data.entity_table(kg)
    article = data.article_table(kg)["iri"].iloc[0]
    params = {
        "entity": {"iri": ents["iri"].iloc[0]},
        "graph": {"focus": ents["iri"].iloc[0]},
        "article": {"article": article},
        "timeline": {"iri": ents["iri"].iloc[0]},
    }
    for page in PAGES:
        at = app(page, lang=lang, **params.get(page, {}))
        if page == "sparql":
            at.text_area(key="sparql_text").input("SELECT ?e ?l WHERE { ?e rdfs:label ?l }").run()
            at.button(key="sparql_run").click().run()
        shown = [e.value for kind in MARKDOWN_KINDS for e in getattr(at, kind)]
        shown += [link.proto.label for link in at.get("page_link")] + [b.label for b in at.button]
        assert not at.exception
        if page in ("overview", "entity", "graph"):  # the hostile labels are on screen, escaped
            assert any(render.md(ents[lang].iloc[0]) in s for s in shown), (page, shown)
        if page == "article":
            assert any(render.md("# ![t](http://evil.test/t.png)") in s for s in shown), shown
        for value in shown:
            assert not interpreted(value), (page, value)
        for h in at.html:
            assert not unsafe_html(h.value), (page, h.value)


def test_graph_view_draws_one_edge_per_pair_with_both_predicates(store_path: str) -> None:
    g = _projection()
    both = {k for u, v, k in g.edges(keys=True) if {u, v} == {SIHEUNG, SAN_DIEGO}}
    assert {"sisterCityOf", "signsAgreementWith"} <= both  # two predicates on one pair
    drawn = graphview.vis_data(g, lang="ko")["edges"]
    pairs = [frozenset((e["from"], e["to"])) for e in drawn]
    assert len(pairs) == len(set(pairs))
    (edge,) = [e for e in drawn if {e["from"], e["to"]} == {SIHEUNG, SAN_DIEGO}]
    assert set(edge["predicates"]) == both and "자매도시" in edge["label"] and " · " in edge["label"]


def test_a_predicate_filter_leaves_no_isolated_entity(store_path: str) -> None:
    at = app("graph", pred="visits")
    view = at.session_state["graph_view"]
    ends = {x for s, o, _ in view["pairs"] for x in (s, o)}
    assert view["pairs"] and set(view["nodes"]) == ends
    assert {p for _, _, ps in view["pairs"] for p in ps} == {"visits"}


def test_hover_card_names_type_and_top_facts(store_path: str) -> None:
    g = _projection()
    card = graphview.hover_card(g, SIHEUNG, "ko")
    lines = card.splitlines()
    assert lines[0] == "시흥시 · Siheung" and lines[1].startswith("LOC City")
    assert any("샌디에이고" in line and "↔" in line for line in lines[2:])


@pytest.fixture(scope="module")
def twice_store(tmp_path_factory) -> str:
    """The seed and a second article that states some of its facts again (tests/data/graph)."""
    from tests.graphdata import load

    path = tmp_path_factory.mktemp("twice") / "kg.oxigraph"
    with open_store(str(path)) as kg:
        add_extractions(kg, [load("seed"), load("second")])
    return str(path)


SIHEUNG_KR = "https://w3id.org/newskg/entity/kr-KR-41-siheung-si"


def test_entity_page_shows_a_fact_once_with_its_article_count(twice_store: str, monkeypatch) -> None:
    monkeypatch.setenv("NEWSKG_STORE", twice_store)
    at = app("entity", iri=SIHEUNG_KR)
    facts = [h.value for h in at.html if 'class="nkg-fact"' in h.value]
    sister = [f for f in facts if "<code>자매도시</code> ↔" in f and "nkg-ev" in f]
    assert len(sister) == 1, sister
    assert "기사 2건" in sister[0] and "근거 문장 2개 모두 보기" in sister[0]
    assert [s.value for s in at.subheader][0].startswith("상호 관계 (↔)")
    assert at.get("download_button")[0].proto.label == render.t("entity.csv", "ko")


def test_entity_page_lists_two_hop_facts_and_offers_a_csv(twice_store: str, monkeypatch) -> None:
    monkeypatch.setenv("NEWSKG_STORE", twice_store)
    at = app("entity", lang="en", iri=SIHEUNG_KR)
    heads = [s.value for s in at.subheader]
    assert any(h.startswith("Two hops away") for h in heads)
    two = [h.value for h in at.html if "←" in h.value and "Kim Dong-yeon" in h.value]
    assert two
    csv = data.facts_frame(data.entity_view(data._open(twice_store), SIHEUNG_KR).facts, str)
    assert {"subject", "predicate", "object", "evidence", "article", "when", "amount"} <= set(csv.columns)


def test_evidence_highlights_exactly_the_mention_spans(twice_store: str, monkeypatch) -> None:
    monkeypatch.setenv("NEWSKG_STORE", twice_store)
    at = app("entity", iri=SIHEUNG_KR)
    html = html_of(at)
    marked = re.findall(r'<mark class="[^"]*nkg-focus[^"]*"[^>]*>([^<]*)</mark>', html)
    assert marked and set(marked) <= {"시흥시", "시흥"}


def test_rejecting_a_fact_takes_it_off_the_entity_page_until_asked(tmp_path: Path, monkeypatch) -> None:
    from tests.graphdata import load

    path = str(tmp_path / "kg.oxigraph")
    with open_store(path) as kg:
        add_extractions(kg, [load("seed"), load("second")])
    monkeypatch.setenv("NEWSKG_STORE", path)
    at = app("entity", iri=SIHEUNG_KR)
    first = next(h.value for h in at.html if 'class="nkg-fact"' in h.value)
    assert "샌디에이고" in first  # the city's first tie in the fixtures: the one to be rejected
    at.text_input(key="review_who").input("tester").run()
    at.button(key="rv_x_0").click().run()
    assert not at.exception and at.success[0].value == render.t("review.done_rejected", "ko")
    facts = [h.value for h in at.html if 'class="nkg-fact"' in h.value]
    assert first not in facts
    at.toggle(key="entity_show_rejected").set_value(True).run()
    back = [h.value for h in at.html if render.t("review.rejected", "ko") in h.value]
    assert len(back) == 1
    (r,) = data.select(
        data._open(path),
        "SELECT ?who WHERE { GRAPH <https://w3id.org/newskg/reviews> { ?a a prov:Agent ; rdfs:label ?who } }",
    )["who"]
    assert r == "tester"


def test_a_named_query_runs_from_its_form_with_a_korean_name(store_path: str) -> None:
    at = app("sparql")
    at.selectbox(key="sparql_named").set_value("partners").run()
    at.text_input(key="sparql_param_partners_place").input("시흥시").run()
    at.button(key="sparql_run").click().run()
    assert not at.exception and not at.warning
    df = at.dataframe[0].value
    assert "샌디에이고" in set(df["partner"]) and "partner ↗" in df.columns  # label first, IRI as a link


def test_a_named_query_says_when_a_name_matches_nothing(store_path: str) -> None:
    at = app("sparql", lang="en")
    at.selectbox(key="sparql_named").set_value("partners").run()
    at.text_input(key="sparql_param_partners_place").input("없는도시").run()
    at.button(key="sparql_run").click().run()
    assert at.warning and "없는도시" in at.warning[0].value and not at.dataframe


def test_a_syntax_error_is_reported_with_line_and_column(store_path: str) -> None:
    at = app("sparql", lang="en")
    at.text_area(key="sparql_text").input("SELECT ?x WHERE {\n  ?x foo:bar ?y }").run()
    at.button(key="sparql_run").click().run()
    msg = at.error[0].value
    assert msg.startswith("Syntax error at line 2, column") and "prefix that is not declared" in msg
    assert "  ?x foo:bar ?y }\n" in msg and "^" in msg


def test_the_interface_is_korean_by_default_and_english_on_the_switch(store_path: str) -> None:
    at = app("overview")
    assert at.title[0].value == "newskg 탐색기" and at.sidebar.radio(key="lang").value == "ko"
    assert [m.label for m in at.metric] == ["개체", "사실", "기사"]
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "newskg explorer" and [m.label for m in at.metric] == [
        "Entities",
        "Facts",
        "Articles",
    ]


def test_every_message_the_pages_use_is_in_the_catalogue_in_both_languages() -> None:
    catalogue = render.messages()
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "app" / "explorer").rglob("*.py"))
    used = set(re.findall(r'\bt\("([a-z_]+\.[a-z_0-9]+)"', source))
    assert len(used) > 150 and used <= set(catalogue)
    for key, texts in catalogue.items():
        assert texts["ko"] and texts["en"], key
        fields = set(re.findall(r"{(\w+)}", texts["ko"]))
        assert fields == set(re.findall(r"{(\w+)}", texts["en"])), key


def test_the_export_button_never_offers_a_file_of_another_format(store_path: str) -> None:
    at = app("export", lang="en")
    at.button(key="export_go").click().run()
    assert "Turtle" in at.get("download_button")[0].proto.label
    at.radio(key="export_fmt").set_value("GraphML").run()
    assert not at.get("download_button") and at.caption


def test_the_date_filter_keeps_undated_articles_unless_asked(tmp_path: Path) -> None:
    import dataclasses

    from newskg.graph.project import to_networkx

    ex = fixture_extractions()
    undated = dataclasses.replace(
        ex[0], doc="undated.txt", article=dataclasses.replace(ex[0].article, published=None)
    )
    with open_store(":memory:") as kg:
        add_extractions(kg, [undated, ex[1]])
        kept = to_networkx(kg, since="2024-04-01", until="2024-12-31")
        dropped = to_networkx(kg, since="2024-04-01", until="2024-12-31", keep_undated=False)
    assert SIHEUNG in kept and SIHEUNG not in dropped


def test_upload_size_cap_and_no_server_paths(tmp_path: Path, monkeypatch) -> None:
    assert render.no_paths(f"cannot read {tmp_path}/x.html: bad") == "cannot read x.html: bad"
    monkeypatch.setenv("NEWSKG_STORE", str(tmp_path / "cap.oxigraph"))
    at = app("add")
    at.radio(key="add_how").set_value("upload").run()
    big = b"x" * 2_000_001
    at.file_uploader(key="add_file").set_value(("big.txt", big, "text/plain")).run()
    assert at.error and at.error[0].value == render.t("add.too_big", "ko", mb=2)
    assert not [b for b in at.button if b.key == "add_extract"]


def test_timeline_and_entity_page_show_dates_amounts_and_planned_facts(tmp_path: Path, monkeypatch) -> None:
    """Qualifiers as graph/build.py writes them on the statement (issue 8), added by tests/explorer_data."""
    from tests import explorer_data

    path = explorer_data.build(tmp_path / "kg.oxigraph")
    monkeypatch.setenv("NEWSKG_STORE", path)
    at = app("timeline", iri=SIHEUNG_KR)
    html = html_of(at)
    assert "2024-08" in html and "1,000억 원" in html and ">계획<" in html
    assert "2024-03-13 – 2024-03-19" in html
    at = app("timeline", lang="en", iri=explorer_data.LIM)
    assert ">2024-03<" in html_of(at)
    at = app("entity", iri=SIHEUNG_KR)
    fact = next(h.value for h in at.html if "1,000억 원" in h.value)
    assert ">계획<" in fact and ">2024-08<" in fact
    company = explorer_data.company(data._open(path))
    edge = graphview.vis_data(_projection().subgraph([SIHEUNG_KR, company]))["edges"][0]
    assert edge["dashes"] is True  # a planned fact is drawn dashed


@pytest.mark.server
def test_the_explorer_reads_and_reviews_a_remote_oxigraph_server(endpoint: str, monkeypatch) -> None:  # noqa: F811
    from tests.graphdata import load

    with open_store(endpoint) as kg:
        add_extractions(kg, [load("seed"), load("second")])
    monkeypatch.setenv("NEWSKG_STORE", endpoint)
    for page in PAGES:
        assert app(page).title
    at = app("entity", iri=SIHEUNG_KR)
    assert any("기사 2건" in h.value for h in at.html)
    at.button(key="rv_x_0").click().run()
    assert not at.exception and at.success
    with open_store(endpoint) as kg:
        assert [r.verdict for r in review.reviews(kg)] == ["rejected"]


def test_explore_passes_an_endpoint_url_through_and_resolves_a_path(tmp_path: Path) -> None:
    from newskg.app.cmd_explore import STORE_ENV, explorer_env

    assert explorer_env("http://127.0.0.1:7878")[STORE_ENV] == "http://127.0.0.1:7878"
    assert explorer_env(str(tmp_path / "kg"))[STORE_ENV] == str((tmp_path / "kg").resolve())


def test_the_readme_glossary_matches_the_ontology() -> None:
    from newskg.ontology.vocab import predicates

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, p in predicates().items():
        (row,) = [line for line in readme.splitlines() if line.startswith(f"| `{name}` |")]
        cells = [c.strip() for c in row.strip("|").split("|")]
        direction = (
            "↔ (symmetric)" if p.symmetric else f"{'/'.join(sorted(p.domain))} → {'/'.join(sorted(p.range))}"
        )
        assert cells[1:3] == [p.label_ko, direction], row
        assert all(cue in p.cues for cue in cells[4].split(", ")), row


def test_replacing_an_article_adds_the_new_version_and_drops_the_old(tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.graphdata import load

    path = str(tmp_path / "kg.oxigraph")
    with open_store(path) as kg:
        add_extractions(kg, [load("second")])
    old = data.article_table(data._open(path))["iri"].iloc[0]
    monkeypatch.setenv("NEWSKG_STORE", path)
    at = AppTest.from_file(str(MAIN), default_timeout=300)
    at.run()
    at.query_params["article"] = old
    at.switch_page("views/article.py").run()
    at.checkbox(key=f"article_confirm_{old}").check().run()
    at.button(key="article_replace").click().run()
    at.switch_page("views/add.py").run()  # AppTest does not follow a page's own st.switch_page
    assert at.session_state["add_replace"] == old
    assert at.info and old in at.info[0].value  # the Add page says what it replaces
    at.text_area(key="add_text").input("가상시는 13일 가상군과 자매결연 협약을 체결했다고 밝혔다.").run()
    at.button(key="add_extract").click().run()
    at.button(key="add_commit").click().run()
    assert not at.exception and at.success
    iris = list(data.article_table(data._open(path))["iri"])
    assert old not in iris and len(iris) == 1


# ---------------------------------------------------------------- bounded views (issue 11, part 5)
def test_graph_view_draws_the_best_connected_up_to_the_budget_and_says_so(store_path: str) -> None:
    kg = data._open(store_path)
    whole = _projection()
    gv = data.graph_view(kg, max_nodes=3)
    assert gv.view.number_of_nodes() == 3 and SIHEUNG in gv.view
    assert gv.note == (3, gv.all_nodes, "graph") and gv.all_nodes >= whole.number_of_nodes()
    focused = data.graph_view(kg, focus=(SAN_DIEGO,), radius=1, max_nodes=400)
    assert focused.note is None and SAN_DIEGO in focused.view
    assert set(focused.view) == {SAN_DIEGO, *whole.successors(SAN_DIEGO), *whole.predecessors(SAN_DIEGO)}


def test_entity_view_reads_one_page_of_each_section(store_path: str) -> None:
    kg = data._open(store_path)
    every = data.entity_view(kg, SIHEUNG)
    out = every.section("out")
    assert len(out) > 2
    second = data.entity_view(kg, SIHEUNG, shown=2, pages={"out": 1})
    assert [(f.s, f.o) for f in second.facts if not f.symmetric and f.s == SIHEUNG] == [
        (k.s, k.o) for k in out[2:4]
    ]
    assert len(second.keys) == len(every.keys) and SIHEUNG in second.names
