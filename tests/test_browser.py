"""The explorer in a real headless Chromium, one `newskg explore` server and one browser for the module.

The store holds the hand-written fixtures (tests/explorer_data.py): two articles that state the
sister-city tie of 시흥시 and 샌디에이고 (with an agreement on the same pair), an article with
hostile labels, and dated and priced facts. Add article runs the real extractor in the server.

Needs Debian's `chromium` (`make test` installs it when run as root). Set NEWSKG_SCREENSHOTS to a
folder (e.g. docs) to also save each page's screenshot there.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.explorer_data import SAN_DIEGO, SIHEUNG, build
from tests.servers import free_port, stop, wait_until_up

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--headless",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = os.environ.get("NEWSKG_SCREENSHOTS")


def _newskg(*args: str) -> list[str]:
    return [sys.executable, "-m", "newskg.app.cli", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, str]]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            "Debian's chromium is not installed (apt-get install chromium; `make test` installs it "
            "when run as root)"
        )
    pytest.importorskip("playwright.sync_api")
    store = build(tmp_path_factory.mktemp("browser") / "kg.oxigraph")
    port = free_port()
    log = open(Path(store).parent / "server.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        _newskg("explore", "--store", store, "--port", str(port), "--host", "127.0.0.1", "--no-browser"),
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(
            base + "_stcore/health",
            proc,
            90,
            lambda why: pytest.fail(
                f"newskg explore did not come up ({why}):\n" + (Path(store).parent / "server.log").read_text()
            ),
        )
        yield base, store
    finally:
        stop(proc)
        log.close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # a cold page on a shared 2-core machine takes a while
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page (Korean, the default) that records every request it makes."""
    p = browser.new_page(viewport={"width": 1400, "height": 1000})
    p.set_default_timeout(60_000)
    p.requests = []
    p.on("request", lambda r: p.requests.append(r.url))
    yield p
    hosts = {u.split("/")[2] for u in p.requests if u.startswith("http")}
    p.close()
    assert hosts <= {server[0].split("/")[2]}, f"requests left the machine: {hosts}"


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"explorer-{name}.png"))


def entity_url(base: str, iri: str) -> str:
    return f"{base}entity?iri={quote(iri, safe='')}"


def network_data(page) -> dict:
    from playwright.sync_api import expect

    expect(page.locator('.nkg-network[data-stable="1"] canvas')).to_be_visible()
    return page.evaluate("() => document.querySelector('.nkg-network').nkgData")


def test_search_entity_evidence_and_graph_with_one_edge_per_pair(server, page) -> None:
    from playwright.sync_api import expect

    base, _ = server
    fonts: list[tuple[str, int]] = []
    page.on("response", lambda r: "/fonts/" in r.url and fonts.append((r.url, r.status)))
    page.goto(base + "entity")
    expect(page.get_by_role("link", name="개체").first).to_be_visible()  # the menu is in Korean
    box = page.get_by_label("개체 검색 (한국어 또는 영어)")
    box.fill("Siheung")
    box.press("Enter")
    page.get_by_role("link", name=re.compile(r"^시흥시 · ")).first.click()
    expect(page.get_by_role("heading", name="시흥시").first).to_be_visible()
    fact = page.locator(".nkg-fact", has_text="자매도시").filter(has_text="출처").first
    expect(fact).to_contain_text("샌디에이고")
    shot(page, "entity")

    page.get_by_role("link", name="그래프에서 보기").click()
    expect(page).to_have_url(re.compile(r"/graph"))
    drawn = network_data(page)
    assert page.evaluate("document.fonts.check('16px NanumBarunGothic')")
    pairs = [frozenset((e["from"], e["to"])) for e in drawn["edges"]]
    assert len(pairs) == len(set(pairs))  # one edge per pair, so no label lies on another
    (edge,) = [e for e in drawn["edges"] if {e["from"], e["to"]} == {SIHEUNG, SAN_DIEGO}]
    assert {"sisterCityOf", "signsAgreementWith"} <= set(edge["predicates"]) and " · " in edge["label"]

    # clicking San Diego expands its neighbourhood: it joins the focus
    xy = page.evaluate(
        """(id) => {
        const box = document.querySelector('.nkg-network');
        const net = box.nkgNetwork;
        net.fit({ animation: false });  // the default view may have zoomed in on another node
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        const r = box.getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""",
        SAN_DIEGO,
    )
    page.mouse.click(*xy)
    expect(page.get_by_text(re.compile(r"초점: 시흥시, 샌디에이고"))).to_be_visible()
    network_data(page)
    shot(page, "graph")
    assert fonts and all(status == 200 for _, status in fonts), fonts

    page.get_by_text("English").click()  # the sidebar switch turns the menus English
    expect(page.get_by_role("link", name="Entity").first).to_be_visible()


def test_a_predicate_filter_leaves_no_isolated_entity(server, page) -> None:
    base, _ = server
    page.goto(base + "graph?pred=visits")
    drawn = network_data(page)
    ends = {x for e in drawn["edges"] for x in (e["from"], e["to"])}
    assert drawn["edges"] and {n["id"] for n in drawn["nodes"]} == ends
    assert {p for e in drawn["edges"] for p in e["predicates"]} == {"visits"}


def test_the_entity_page_shows_a_fact_once_with_its_article_count(server, page) -> None:
    from playwright.sync_api import expect

    base, _ = server
    page.goto(entity_url(base, SIHEUNG))
    rows = page.locator(".nkg-fact", has_text=re.compile(r"자매도시\s*↔\s*샌디에이고")).filter(
        has_text="출처"
    )
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("기사 2건")
    page.get_by_text("근거 문장 2개 모두 보기").first.click()
    expect(page.locator("details[open] .nkg-ev")).to_have_count(2)


def test_a_named_query_runs_from_its_form_with_a_korean_name(server, page) -> None:
    from playwright.sync_api import expect

    base, _ = server
    page.goto(base + "sparql")
    page.get_by_label("이름 붙은 질의").click()
    page.get_by_role("option", name=re.compile(r"^partners")).click()
    page.get_by_role("textbox", name="$place").fill("시흥시")
    page.get_by_role("textbox", name="$place").press("Enter")
    page.get_by_role("button", name="질의 실행").click()
    expect(page.get_by_text("‘시흥시’ → 개체 1개")).to_be_visible()
    expect(page.get_by_text("2행")).to_be_visible()
    grid = page.locator('[data-testid="stDataFrame"]')
    expect(grid).to_be_visible()
    assert page.evaluate(
        "() => getComputedStyle(document.querySelector('.st-key-sparql_text textarea')).fontFamily"
    ).startswith("ui-monospace")
    shot(page, "sparql")


def test_the_timeline_of_siheung_shows_a_dated_visit_and_an_investment_amount(server, page) -> None:
    from playwright.sync_api import expect

    base, _ = server
    page.goto(f"{base}timeline?iri={quote(SIHEUNG, safe='')}")
    visit = page.locator("details", has_text="방문").filter(has_text="2024-03-13 – 2024-03-19").first
    expect(visit).to_be_visible()
    invest = page.locator("details", has_text="1,000억 원").first
    expect(invest).to_contain_text("계획")
    invest.click()
    expect(invest.locator(".nkg-ev")).to_be_visible()  # each point opens its evidence
    shot(page, "timeline")


def test_hostile_labels_stay_text_in_the_browser(server, page) -> None:
    from playwright.sync_api import expect

    base, _ = server
    page.goto(entity_url(base, "https://w3id.org/newskg/entity/clickjavascriptalert1"))
    heading = page.get_by_role("heading", name=re.compile(r"^!\[x\]\(http"))
    expect(heading).to_be_visible()  # the label as typed (a word joiner keeps the URL from linking)
    assert heading.inner_text().replace("\u2060", "") == "![x](http://evil.test/x.png)"
    assert page.locator("img[src*='evil'], a[href^='javascript:'], a[href*='evil.test']").count() == 0
    page.goto(
        base + "article?article=" + quote("https://w3id.org/newskg/article/hostile-labels.txt", safe="")
    )
    expect(page.get_by_role("heading", name=re.compile(r"^# !\[t\]"))).to_be_visible()
    assert page.locator("img[src*='evil'], a[href^='javascript:'], a[href*='evil.test']").count() == 0


def test_add_an_article_with_date_and_url_then_remove_it(server, page) -> None:
    from playwright.sync_api import expect

    base, _ = server
    page.goto(base + "add")
    page.get_by_label("기사 본문").fill(
        "[경기 가상=가상일보 홍길동 기자] 경기 시흥시는 미국 샌디에이고시와 자매결연 협약을 체결했다고 "
        "13일 밝혔다. 임병택 시흥시장은 샌디에이고를 방문했다."
    )
    page.get_by_label("제목").fill("가상 기사: 시흥시 협약")
    for part, value in (("year", "2024"), ("month", "08"), ("day", "14")):  # the date field's segments
        page.get_by_role("spinbutton", name=f"{part}, 발행일").click()
        page.keyboard.type(value)
    page.keyboard.press("Tab")
    page.get_by_label("URL (선택)").fill("https://news.example/a/7")
    page.get_by_label("URL (선택)").press("Enter")
    page.get_by_role("button", name="추출").click()
    expect(page.get_by_role("heading", name="미리 보기")).to_be_visible(timeout=180_000)
    shot(page, "add")
    page.get_by_role("button", name="그래프에 넣기").click()
    expect(page.get_by_text(re.compile(r"그래프를 고쳤습니다: 1 added"))).to_be_visible()
    page.get_by_role("link", name="기사 열기").click()
    expect(page.get_by_role("heading", name="가상 기사: 시흥시 협약")).to_be_visible()
    expect(page.get_by_text(re.compile(r"발행 2024-08-14"))).to_be_visible()
    expect(page.get_by_role("link", name="https://news.example/a/7")).to_be_visible()
    shot(page, "article")
    page.get_by_text("이 기사 지우기 또는 바꾸기").click()
    remove = page.get_by_role("button", name="기사 지우기")
    expect(remove).to_be_disabled()
    page.get_by_text("이 기사와 그 사실들을 그래프에서 지웁니다 (확인)").click()
    remove.click()
    expect(page.get_by_text("기사 ‘가상 기사: 시흥시 협약’을(를) 지웠습니다.")).to_be_visible()


def test_rejecting_a_fact_removes_it_from_the_entity_page_and_from_newskg_query(server, page) -> None:
    from playwright.sync_api import expect

    base, store = server
    page.goto(entity_url(base, SIHEUNG))
    row = page.locator(
        '[data-testid="stHorizontalBlock"]',
        has=page.locator(".nkg-fact", has_text=re.compile(r"자매도시\s*↔\s*샌디에이고")),
    ).filter(has_text="출처")
    expect(row).to_have_count(1)
    row.get_by_role("button", name="✗").click()
    expect(page.get_by_text("틀린 사실로 기록했습니다.")).to_be_visible()
    expect(
        page.locator(".nkg-fact", has_text=re.compile(r"자매도시\s*↔\s*샌디에이고")).filter(has_text="출처")
    ).to_have_count(0)
    shot(page, "review")
    q = subprocess.run(
        _newskg(
            "query", "--store", store, "--named", "partners", "--param", "place=시흥시", "--format", "json"
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert q.returncode == 0, q.stderr
    assert {r["relation"] for r in json.loads(q.stdout)} == {"signsAgreementWith"}
