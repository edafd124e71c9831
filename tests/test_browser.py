"""End to end in a real headless Chromium: `newskg build` the seed article with the real extractor,
`newskg explore` it on loopback, search "Siheung", open the entity, read the San Diego fact and its
evidence sentence, click through to the graph, and save screenshots.

Needs Debian's `chromium` (`make test` installs it when run as root). Set NEWSKG_SCREENSHOT to a
path (e.g. docs/screenshot.png) to also write the README's screenshot there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import free_port, stop, wait_until_up

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "app" / "sample_articles" / "seed-siheung.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _newskg(*args: str) -> list[str]:
    return [sys.executable, "-m", "newskg.app.cli", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; `make test` installs it "
                    "when run as root)")
    pytest.importorskip("playwright.sync_api")
    store = tmp_path_factory.mktemp("browser") / "kg.oxigraph"
    subprocess.run(_newskg("build", str(SEED), "--store", str(store)), check=True, cwd=ROOT,
                   capture_output=True, text=True, timeout=600)
    port = free_port()
    log = open(store.parent / "server.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        _newskg("explore", "--store", str(store), "--port", str(port), "--host", "127.0.0.1", "--no-browser"),
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(base + "_stcore/health", proc, 90, lambda why: pytest.fail(
            f"newskg explore did not come up ({why}):\n" + (store.parent / "server.log").read_text()))
        yield base
    finally:
        stop(proc)
        log.close()


def test_search_entity_evidence_and_graph_in_a_real_browser(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    requests: list[str] = []
    fonts: list[tuple[str, int]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.on("request", lambda r: requests.append(r.url))
            page.on("response", lambda r: "/fonts/" in r.url and fonts.append((r.url, r.status)))

            page.goto(server + "entity")
            box = page.get_by_label("Search an entity (한국어 or English)")
            box.fill("Siheung")
            box.press("Enter")
            page.get_by_role("link", name="시흥시 · Siheung").first.click()

            expect(page.get_by_role("heading", name="시흥시").first).to_be_visible()
            fact = page.locator(".nkg-fact", has_text="자매도시").first  # sisterCityOf, in Korean
            expect(fact).to_contain_text("샌디에이고")
            evidence = page.locator(".nkg-ev", has_text="샌디에이고와는 지난해 10월 31일").first
            expect(evidence).to_be_visible()
            expect(evidence.locator("mark.nkg-focus").first).to_be_visible()  # the entity highlighted
            fact.scroll_into_view_if_needed()
            page.screenshot(path=str(tmp_path / "entity.png"))

            page.get_by_role("link", name="Show in graph").click()
            expect(page).to_have_url(re.compile(r"/graph"))
            expect(page.locator('.nkg-network[data-stable="1"] canvas')).to_be_visible()  # layout settled
            assert page.evaluate("document.fonts.check('16px NanumBarunGothic')")

            # clicking San Diego expands its neighbourhood: it joins the focus
            xy = page.evaluate("""() => {
                const box = document.querySelector('.nkg-network');
                const net = box.nkgNetwork;
                const id = Object.keys(net.getPositions()).find(k => k.endsWith('5391811'));
                const p = net.canvasToDOM(net.getPositions([id])[id]);
                const r = box.getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""")
            page.mouse.click(*xy)
            expect(page.get_by_text("Focus: 시흥시, 샌디에이고")).to_be_visible()
            expect(page.locator('.nkg-network[data-stable="1"] canvas')).to_be_visible()
            page.screenshot(path=str(tmp_path / "graph.png"))
            if os.environ.get("NEWSKG_SCREENSHOT"):
                page.screenshot(path=os.environ["NEWSKG_SCREENSHOT"])
        finally:
            browser.close()

    assert (tmp_path / "graph.png").stat().st_size > 10_000
    hosts = {u.split("/")[2] for u in requests if u.startswith("http")}
    assert hosts <= {server.split("/")[2]}, f"requests left the machine: {hosts}"
    assert fonts and all(status == 200 for _, status in fonts), fonts
