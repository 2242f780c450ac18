"""The dashboard in a real browser: Debian's Chromium driven by Playwright.

One ``tocsin serve`` process (started here, on 127.0.0.1, on a seeded
database) and one headless Chromium serve every test of this module. The
browser is the system one (``/usr/bin/chromium``, installed by ``.ci/run``);
nothing is downloaded. Screenshots go to ``test-artifacts/browser/`` (or
``$TOCSIN_ARTIFACTS``); the folder is printed when the browser starts.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from web_seed import HOSTILE_SOURCE, TOKEN, seed_database

CHROMIUM = Path(os.environ.get("TOCSIN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(os.environ.get("TOCSIN_ARTIFACTS", Path(__file__).resolve().parents[1] / "test-artifacts")) / "browser"

sync_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():  # .ci/run installs it; a developer without it sees why
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real ``tocsin serve`` on 127.0.0.1 over a seeded database."""
    seed = seed_database(tmp_path_factory.mktemp("browser") / "seed.duckdb")
    port = _free_port()
    log = (tmp_path_factory.getbasetemp() / "serve.log").open("w")
    env = {**os.environ, "TOCSIN_TOKEN": TOKEN}
    process = subprocess.Popen(
        [sys.executable, "-c", "from tocsin.cli import main; main()", "serve", "--db", str(seed.path),
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"tocsin serve did not start: {Path(log.name).read_text()}")
        time.sleep(0.2)
    yield base, seed
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser(request):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():  # shown even when output is captured
        print(f"\nbrowser test screenshots: {ARTIFACTS}")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 860})
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()
    assert dialogs == [], f"a script ran in the page: {dialogs}"


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_no_injected_markup(page) -> None:
    assert page.locator("script").count() == 0
    assert page.locator("main img, main svg[onload], main b[onmouseover], main a[href^='javascript']").count() == 0


def test_overview_then_follow_an_alert_to_its_dyad(server, page):
    base, seed = server
    page.goto(base + "/")
    assert page.get_by_role("heading", name="Overview").is_visible()
    assert page.locator("#events-per-day rect.bar").count() > 10
    shot(page, "01-overview")
    alert = page.locator("a.alert-link").first
    assert alert.inner_text().startswith("CHN–RUS: 15 events")
    alert.click()
    page.wait_for_url(f"**/dyads/CHN/RUS?alert={seed.alert_id}")
    assert page.locator("#chosen-h").inner_text().startswith("Alert: CHN–RUS: 15 events")
    assert page.locator("#dyad-series .alert-marker").count() >= 1
    assert page.locator("#chosen-alert li.event").count() == 10
    shot(page, "02-dyad-from-alert")
    # filter the dyad's events by sector
    page.get_by_label("Sector").select_option("GOV")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**sector=GOV**")
    assert page.locator("li.event").count() == 6


def test_filter_events_and_see_the_highlighted_evidence(server, page):
    base, _ = server
    page.goto(base + "/events")
    page.get_by_label("Actor", exact=True).fill("RUS")
    page.get_by_label("and actor").fill("UKR")
    page.get_by_label("Type").select_option("THREATEN")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**type=THREATEN**")
    assert page.get_by_role("status").inner_text() == "1 matching events"
    event = page.locator("li.event")
    assert event.count() == 1
    trigger = event.locator("mark[data-role=trigger]")
    source = event.locator("mark[data-role=source]")
    assert trigger.text_content() == "[trigger: a menacé]"
    assert source.text_content() == f"[source: {HOSTILE_SOURCE}]"  # the markup shown as text
    assert_no_injected_markup(page)
    shot(page, "03-events-filtered")
    event.get_by_role("link", name="THREATEN").click()
    page.wait_for_url("**/events/*")
    assert page.locator("p.big mark[data-role=target]").text_content() == "[target: l'Ukraine]"
    assert_no_injected_markup(page)
    page.get_by_role("link", name="Moscou menace").click()  # the hostile title, as text
    page.wait_for_url("**/articles/hostile-1")
    assert page.get_by_role("heading", level=1).inner_text() == '<script>alert("title")</script>Moscou menace'
    assert page.get_by_text("javascript:alert(5)").count() == 1
    assert page.locator("a[href^='javascript']").count() == 0
    assert_no_injected_markup(page)
    shot(page, "04-hostile-article")


def test_keyboard_reaches_the_skip_link_first(server, page):
    base, _ = server
    page.goto(base + "/events")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for field in ("Actor", "Type", "Quad class", "Since", "Until", "Language"):
        assert page.get_by_label(field, exact=True).count() == 1


def test_sign_in_submit_an_article_and_see_its_events(server, page):
    base, _ = server
    page.goto(base + "/submit")
    page.get_by_role("link", name="Sign in with your token").click()
    page.get_by_label("Write token").fill(TOKEN)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/submit")
    page.get_by_label("Title").fill("Putin and Xi hold talks in Moscow")
    page.get_by_label("Text (required)").fill(
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.")
    page.get_by_label("Published").fill("2024-06-14")
    page.get_by_label("Language").select_option("en")
    page.get_by_label("Outlet").fill("Browser Wire")
    # the first submission loads the models: the click waits for the answer as long as the page does
    page.get_by_role("button", name="Code and store").click(timeout=60_000)
    page.wait_for_url("**/articles/*", timeout=60_000)
    assert page.get_by_role("heading", level=1).inner_text() == "Putin and Xi hold talks in Moscow"
    consult = page.locator("li.event", has_text="CONSULT")
    assert consult.count() >= 1
    triggers = consult.locator("mark[data-role=trigger]").all_text_contents()
    assert "[trigger: met]" in triggers
    shot(page, "05-submitted-article")
    article_id = page.url.rsplit("/", 1)[1]
    page.goto(f"{base}/events?article={article_id}")
    assert page.locator("li.event", has_text="RUSGOV").count() >= 1
    shot(page, "06-submitted-events")


def test_no_other_process_can_open_the_served_database(server):
    """Single-process design: while served, the file is locked; other tocsin processes
    are told so and change nothing."""
    base, seed = server
    before = urllib.request.urlopen(f"{base}/api/health").read()
    other = subprocess.run(
        [sys.executable, "-c", "from tocsin.cli import main; main()", "events", "--db", str(seed.path),
         "--format", "jsonl"], capture_output=True, text=True, timeout=60,
    )
    assert other.returncode == 1
    assert "in use by another process" in " ".join(other.stderr.split())
    assert urllib.request.urlopen(f"{base}/api/health").read() == before
