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
from newskg.graph.build import add_extractions
from newskg.graph.sparql import query
from newskg.graph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
MAIN = ROOT / "app" / "explorer" / "main.py"
FIXTURE = Path(__file__).resolve().parent / "data" / "explorer" / "extractions.jsonl"
PAGES = ["overview", "graph", "entity", "timeline", "article", "sparql", "map", "add", "export"]
SIHEUNG = "https://w3id.org/newskg/entity/gn1846054"
SAN_DIEGO = "https://w3id.org/newskg/entity/gn5391811"


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


def test_add_article_previews_and_adds_its_triples(tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    path = str(tmp_path / "add.oxigraph")
    monkeypatch.setenv("NEWSKG_STORE", path)
    at = AppTest.from_file(str(MAIN), default_timeout=300)
    at.run()
    at.switch_page("views/add.py").run()
    text = (
        "[경기 시흥=데일리임팩트 이상묵 기자] 경기 시흥시는 미국 샌디에이고시와 자매결연 협약을 "
        "체결했다고 13일 밝혔다. 임병택 시흥시장은 샌디에이고를 방문해 토드 글로리아 시장을 만났다."
    )
    at.text_area(key="add_text").input(text).run()
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
    at.switch_page("views/overview.py").run()  # the other pages see it at once
    assert at.metric[2].value == "1"


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
    assert ((links["from"] == "샌디에이고") & (links["to"] == "시흥시")).any() or (
        (links["from"] == "시흥시") & (links["to"] == "샌디에이고")
    ).any()


def test_graph_filters_by_type_predicate_and_date(store_path: str) -> None:
    at = app("graph")
    at.multiselect(key="g_types").set_value(["PERSON", "LOC"]).run()
    at.multiselect(key="g_preds").set_value(["visits"]).run()
    assert not at.exception
    view = at.session_state["graph_view"]
    g = data.projection(**view["filters"])
    assert {d["type"] for _, d in g.nodes(data=True)} <= {"PERSON", "LOC"}
    assert {k for _, _, k in g.edges(keys=True)} == {"visits"}
    at.checkbox(key="g_use_dates").check().run()
    assert not at.exception
    assert at.session_state["graph_view"]["filters"]["since"] == "2024-03-13"


def test_add_article_reads_an_uploaded_file(tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("NEWSKG_STORE", str(tmp_path / "upload.oxigraph"))
    at = AppTest.from_file(str(MAIN), default_timeout=300)
    at.run()
    at.switch_page("views/add.py").run()
    at.radio(key="add_how").set_value("upload").run()
    seed = ROOT / "app" / "sample_articles" / "sandiego-delegation-siheung.txt"
    at.file_uploader(key="add_file").set_value((seed.name, seed.read_bytes(), "text/plain")).run()
    at.button(key="add_extract").click().run()
    assert not at.exception and not at.error
    at.button(key="add_commit").click().run()
    assert at.success and "1 added" in at.success[0].value
