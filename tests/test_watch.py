"""tocsin watch against a real local news web: ingest, dedup, code, survive SIGKILL.

The in-process watch runs on both backends (tests/backends.py); the tests of
the real process (SIGKILL, SIGTERM) on DuckDB files."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from localserver import LocalServer
from tocsin.cli import app
from tocsin.ingest.sources import parse_sources
from tocsin.store import is_database_url, open_store
from tocsin.watch import Watcher, backoff_delay, status_file_for
from webfixtures import EXPECTED_ARTICLES, EXPECTED_REPRINTS, build_site, sources_toml

REPO = Path(__file__).resolve().parents[1]
HOSTILE = ("/missing.html", "/error500.html", "/truncated.html", "/image.html", "/huge.html",
           "/loop1.html", "/slow.html", "/binary.html")


@pytest.fixture(scope="module")
def site():
    server = LocalServer()
    server.routes.update(build_site(server.base))
    with server:
        yield server


def snapshot(db: Path | str) -> dict:
    """Everything a run leaves that must not depend on interruptions."""
    with open_store(db, read_only=True) as store:
        read = store._fetchall  # reading the tables directly is the point here
        return {
            "articles": sorted(read(
                "SELECT a.article_id, a.url, a.outlet, a.published, ai.status, ai.story_id"
                " FROM articles a JOIN article_ingest ai USING (article_id)")),
            "events": sorted(read(
                "SELECT event_id, article_id, type, sentence FROM events")),
            "canonical": sorted(
                (c.canonical_id, c.type, c.source_code, c.target_code, c.n_mentions, c.sources, c.event_ids)
                for c in store.canonical_events()),
        }


def status_path(db: Path | str, tmp_path: Path) -> Path:
    """The watch's status file: beside a DuckDB file; in the test's folder for a server."""
    return tmp_path / "watch.status.json" if is_database_url(db) else status_file_for(db)


def run_watch(site: LocalServer, db: Path | str, engine, tmp_path: Path, caplog=None) -> Watcher:
    config = parse_sources(sources_toml(site.base), str(tmp_path / "sources.toml"))
    with open_store(db) as store:
        watcher = Watcher(config, store, engine=engine, status_path=status_path(db, tmp_path))
        watcher.run(once=True)
    return watcher


def test_watch_ingests_dedups_and_codes(site: LocalServer, engine, tmp_path: Path, caplog,
                                        store_url: str) -> None:
    db = store_url
    caplog.set_level(logging.INFO, logger="tocsin")
    watcher = run_watch(site, db, engine, tmp_path)
    assert watcher.summary.new_articles == EXPECTED_ARTICLES - EXPECTED_REPRINTS
    assert watcher.summary.reprints == EXPECTED_REPRINTS
    state = snapshot(db)
    assert len(state["articles"]) == EXPECTED_ARTICLES
    urls = [a[1] for a in state["articles"]]
    assert len(set(urls)) == len(urls)
    assert all("utm_" not in u and "xtor" not in u and "#" not in u for u in urls)
    statuses = sorted(a[4] for a in state["articles"])
    assert statuses == ["coded"] * (EXPECTED_ARTICLES - EXPECTED_REPRINTS) + ["duplicate"]
    reprint = next(a for a in state["articles"] if a[4] == "duplicate")
    head = next(a for a in state["articles"] if a[0] == reprint[5])
    assert reprint[2] == "La Dépêche du Sud" and head[2] == "Le Courrier de l'Est"

    with open_store(db, read_only=True) as store:
        canonical = store.canonical_events()
        meeting = [c for c in canonical if c.type == "CONSULT" and {c.source_code, c.target_code} == {"RUS", "CHN"}]
        assert len(meeting) == 1
        # the French report, its reprint and the English report are one event, three outlets
        assert meeting[0].sources == ("La Dépêche du Sud", "Le Courrier de l'Est", "Northern Post")
        assert meeting[0].n_mentions >= 2 and meeting[0].n_articles == 2
        assert store.count_events() == sum(c.n_mentions for c in canonical)
        assert len(canonical) < store.count_events()
        counts = store.ingest_counts()
    assert counts["articles_pending"] == 0

    log = caplog.text
    # one line per poll, and a logged error for every hostile input, the watch going on
    for name in ("courrier", "post", "depeche", "malformed", "bomb"):
        assert f"poll {name}:" in log
    assert "malformed feed" in log and "declares XML entities" in log
    for path in HOSTILE:
        assert f"{path} (from depeche)" in log
    for message in ("HTTP 404", "HTTP 500", "wrong content type 'image/png'", "response too large",
                    "redirect loop", "timed out", "binary file", "cut short"):
        assert message in log, message

    status = json.loads(status_path(db, tmp_path).read_text())
    by_name = {s["name"]: s for s in status["sources"]}
    assert by_name["bomb"]["failures"] == 1 and by_name["bomb"]["last_status"] == "error"
    assert by_name["courrier"]["etag"] == '"courrier-v1"'
    assert by_name["depeche"]["etag"] is None  # transient page errors: the feed is read again

    # a second round: conditional requests, nothing new, nothing duplicated
    before = len(site.hits)
    again = run_watch(site, db, engine, tmp_path)
    assert again.summary.new_articles == 0 and again.summary.reprints == 0
    hits = site.hits[before:]
    assert ("/courrier/rss.xml", '"courrier-v1"') in hits
    assert "/courrier/kharkiv.html" not in [p for p, _ in hits]
    assert "/missing.html" not in [p for p, _ in hits]  # a permanent failure is not retried
    assert "/error500.html" in [p for p, _ in hits]  # a transient one is
    assert snapshot(db) == state


def test_backoff_doubles_up_to_the_cap() -> None:
    assert backoff_delay(60, 0, 3600) == 60
    assert [backoff_delay(60, n, 3600) for n in (1, 2, 3, 6, 50)] == [120, 240, 480, 3600, 3600]


def test_politeness_delay_between_requests_to_one_host() -> None:
    from tocsin.ingest.poll import HostPacer

    now = [0.0]
    waits: list[float] = []

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        now[0] += seconds
        return False  # not interrupted

    pacer = HostPacer(2.0, wait=wait, clock=lambda: now[0])
    assert pacer.wait("http://a.example/1")
    now[0] = 0.5
    assert pacer.wait("http://a.example/2")  # 1.5 s more to wait
    assert pacer.wait("http://b.example/1")  # another host: no wait
    now[0] = 10.0
    assert pacer.wait("http://a.example/3")  # long enough ago
    assert waits == [1.5]
    stopped = HostPacer(2.0, wait=lambda s: True, clock=lambda: 0.0)
    assert stopped.wait("http://a.example/")
    assert not stopped.wait("http://a.example/")  # a stop request interrupts the wait


def test_status_command(site: LocalServer, engine, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run_watch(site, db, engine, tmp_path)
    result = CliRunner().invoke(app, ["status", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {s["name"] for s in data["sources"]} == {"courrier", "post", "depeche", "malformed", "bomb"}
    assert data["counts"]["articles_coded"] == EXPECTED_ARTICLES - EXPECTED_REPRINTS
    table = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert table.exit_code == 0 and "bomb" in table.output and "pending" in table.output


def test_watch_refuses_the_local_server_without_allow_private(site: LocalServer, tmp_path: Path, caplog) -> None:
    config = parse_sources(sources_toml(site.base).replace("allow_private = true", "allow_private = false"))
    caplog.set_level(logging.INFO, logger="tocsin")
    before = len(site.hits)
    with open_store(tmp_path / "p.duckdb") as store:
        summary = Watcher(config, store, engine=None).run(once=True)
    assert summary.errors == 5 and summary.new_articles == 0
    assert len(site.hits) == before
    assert "is a loopback address" in caplog.text


# --------------------------------------------------------------------------- the real process


def _watch_cmd(sources: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", "from tocsin.cli import main; main()", "watch", str(sources),
            "--db", str(db), *extra]


def test_sigkill_in_the_middle_of_a_batch_loses_and_duplicates_nothing(
        site: LocalServer, engine, tmp_path: Path) -> None:
    reference = tmp_path / "reference.duckdb"
    run_watch(site, reference, engine, tmp_path)
    expected = snapshot(reference)

    sources = tmp_path / "sources.toml"
    # a longer timeout keeps the watch on the depeche feed (its slow page) well after the kill
    sources.write_text(sources_toml(site.base).replace("timeout = 1.0", "timeout = 2.0"))
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    start = len(site.hits)
    proc = subprocess.Popen(_watch_cmd(sources, db, "--once"), cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 150
        # the depeche feed: its reprint and its Windows-1252 page are stored (not coded yet)
        # when the first hostile page is requested; kill it there
        while "/missing.html" not in site.paths_hit()[start:]:
            assert proc.poll() is None, proc.communicate()[0].decode()
            assert time.monotonic() < deadline, "the watch did not get to the depeche feed"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        first_output = proc.communicate(timeout=10)[0].decode()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == -signal.SIGKILL

    partial = snapshot(db)
    assert 0 < len(partial["articles"]) < EXPECTED_ARTICLES, first_output
    assert any(a[4] == "pending" for a in partial["articles"]), "killed after coding, not mid-batch"

    restart = subprocess.run(_watch_cmd(sources, db, "--once"), cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=240)
    assert restart.returncode == 0, restart.stderr
    assert "poll depeche:" in restart.stderr
    assert snapshot(db) == expected


def test_sigterm_stops_the_watch_gracefully(site: LocalServer, tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    # the file refuses the local server; the command-line flag allows it
    sources.write_text(sources_toml(site.base).replace("allow_private = true", "allow_private = false"))
    db = tmp_path / "term.duckdb"
    proc = subprocess.Popen(_watch_cmd(sources, db, "--no-code", "--allow-private"), cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not status_file_for(db).exists() or "post" not in status_file_for(db).read_text():
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        # every source polled once: the watch now sleeps until the next interval
        while json.loads(status_file_for(db).read_text())["watch"]["polls"] < 5:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        result = CliRunner().invoke(app, ["status", "--db", str(db)])
        assert result.exit_code == 0 and "held by a running watch" in result.output
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "SIGTERM received" in err and "stopped: 5 poll(s)" in err
    with open_store(db, read_only=True) as store:
        assert store.ingest_counts()["articles_pending"] == EXPECTED_ARTICLES - EXPECTED_REPRINTS
        run = store.runs()[-1]
        assert run.finished_at is not None
