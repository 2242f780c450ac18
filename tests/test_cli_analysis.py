"""The analysis commands end to end: dyads, top-dyads, alerts, plot, import, export."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from synthetic import plant_burst, quiet_corpus
from tocsin.cli import app
from tocsin.store import EventFilter, open_store
from webhook_server import WebhookServer as _Hook

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "import"
GDELT = DATA / "20240318000000.export.CSV"
START = date(2024, 1, 1)


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli")
    quiet, planted = root / "quiet.duckdb", root / "planted.duckdb"
    with open_store(quiet) as store:
        quiet_corpus(store, start=START, weeks=16)
    shutil.copy(quiet, planted)
    with open_store(planted) as store:
        plant_burst(store, source="RUS", target="CHN", start=START + timedelta(days=102),
                    days=10, n=30)
    return {"quiet": quiet, "planted": planted}


@pytest.fixture
def planted(corpora, tmp_path: Path) -> Path:
    path = tmp_path / "planted.duckdb"
    shutil.copy(corpora["planted"], path)
    return path


def test_alerts_rank_the_planted_dyad_first_and_show_its_sentences(planted, tmp_path) -> None:
    result = run("alerts", "--db", planted, "--format", "table", "--json", tmp_path / "a.json")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("1. CHN–RUS")
    assert "shelled positions" in result.output or "use force" in result.output
    assert "2. CHN–RUS" in result.output and "3." not in result.output
    saved = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert len(saved["alerts"]) == 2 and saved["alerts"][0]["evidence_events"]
    again = run("alerts", "--db", planted, "--format", "table")
    assert again.output.strip() == "no alerts"
    listed = jsonl(run("alerts", "list", "--db", planted, "--format", "jsonl").output)
    assert {a["state"] for a in listed} == {"new"} and len(listed) == 2
    marked = run("alerts", "mark", listed[0]["alert_id"], "dismissed", "--db", planted)
    assert marked.exit_code == 0 and "dismissed" in marked.output
    assert len(jsonl(run("alerts", "list", "--state", "dismissed", "--db", planted, "-f", "jsonl").output)) == 1
    assert run("alerts", "mark", "nope", "seen", "--db", planted).exit_code == 2
    assert run("alerts", "mark", listed[0]["alert_id"], "archived", "--db", planted).exit_code == 2


def test_quiet_corpus_raises_no_alert(corpora, tmp_path) -> None:
    path = tmp_path / "q.duckdb"
    shutil.copy(corpora["quiet"], path)
    result = run("alerts", "--db", path, "--format", "table")
    assert result.exit_code == 0 and result.output.strip() == "no alerts"


def test_alerts_with_watchlist_and_webhook(planted, tmp_path) -> None:
    watch = tmp_path / "watch.toml"
    watch.write_text('[options]\nthreshold = 4.0\n\n[[dyad]]\nsource = "rus"\ntarget = "CHN"\n'
                     'label = "Russia–China"\n', encoding="utf-8")
    with _Hook([500]) as hook:
        result = run("alerts", "--db", planted, "--watchlist", watch, "--webhook", hook.url,
                     "--format", "jsonl")
    assert result.exit_code == 0, result.output
    sent = hook.bodies[0]["alerts"]
    assert [a["source"] for a in sent] == ["RUS", "RUS"] and "Russia–China" in sent[0]["summary"]
    bad = tmp_path / "bad.toml"
    bad.write_text('[[dyad]]\nsource = "RUS"\n', encoding="utf-8")
    refused = run("alerts", "--db", planted, "--watchlist", bad)
    assert refused.exit_code == 2 and "bad.toml" in refused.output and "#1" in refused.output


def test_webhook_failure_is_reported_and_alerts_stay_stored(planted) -> None:
    with _Hook([]) as hook:
        url = hook.url  # closed once the block ends
    result = run("alerts", "--db", planted, "--webhook", url, "--format", "jsonl")
    assert result.exit_code == 1 and "not delivered" in result.output
    with open_store(planted, read_only=True) as store:
        assert len(store.alerts()) == 2


def test_dyads_and_top_dyads_outputs(corpora, tmp_path) -> None:
    db = corpora["planted"]
    rows = jsonl(run("dyads", "RUS", "CHN", "--by", "month", "--db", db, "-f", "jsonl").output)
    assert [r["period"] for r in rows] == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]
    assert rows[-1]["type_counts"]["ASSAULT"] == 15
    out = tmp_path / "s.parquet"
    assert run("dyads", "RUS", "CHN", "--db", db, "-o", out).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == 16 and "type_ASSAULT" in table.column_names
    text = run("dyads", "RUS", "CHN", "--by", "month", "--db", db, "-f", "table").output
    assert "2024-04-01" in text
    top = jsonl(run("top-dyads", "--db", db, "--by", "change", "-f", "jsonl").output)
    assert (top[0]["source"], top[0]["target"]) == ("CHN", "RUS")
    assert run("dyads", "RUS", "CHN", "--by", "year", "--db", db).exit_code == 2
    assert run("dyads", "RUS", "CHN", "--db", tmp_path / "none.duckdb").exit_code == 2


def test_plot_writes_png_svg_and_escaped_html(corpora, tmp_path) -> None:
    db = corpora["planted"]
    for suffix in ("png", "svg", "html"):
        out = tmp_path / f"chart.{suffix}"
        result = run("plot", "dyad", "RUS", "CHN", "--out", out, "--db", db)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 5000
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "chart.svg").read_text(encoding="utf-8")
    page = (tmp_path / "chart.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<svg" in page
    assert run("plot", "dyad", "RUS", "CHN", "--out", tmp_path / "c.gif", "--db", db).exit_code == 1


def test_html_chart_escapes_alert_text(tmp_path) -> None:
    from tocsin.plot import _html_page
    from tocsin.records import Alert

    alert = Alert(alert_id="x", source="RUS", target="CHN", kind="count",
                  window_start=START, window_end=START, baseline_start=START, baseline_end=START,
                  observed=1, expected=0, score=9, direction="up",
                  summary="<script>alert(1)</script>", evidence=())
    page = _html_page("<b>t</b>", "<svg></svg>", [alert])
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page


def test_import_and_export_round_trip_through_the_gdelt_layout(tmp_path) -> None:
    db = tmp_path / "g.duckdb"
    result = run("import", "gdelt", GDELT, "--db", db)
    assert result.exit_code == 0
    assert "11 events stored" in result.output and ":10: expected 61" in result.output
    out = tmp_path / "back.tsv"
    assert run("export", "events", out, "--db", db).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 11 and all(len(line.split("\t")) == 61 for line in lines)
    again = tmp_path / "again.duckdb"
    assert run("import", "gdelt", out, "--db", again, "--quiet").exit_code == 0
    with open_store(db) as a, open_store(again) as b:
        def key(e):
            return (e.event_id, e.type, e.cameo, e.date, e.source and e.source.country,
                    e.target and e.target.country)
        assert sorted(map(key, a.query())) == sorted(map(key, b.query()))
        assert b.count_events(EventFilter(actors=("RUS", "UKR"))) == 5
    for fmt in ("csv", "jsonl", "parquet"):
        path = tmp_path / f"events.{fmt}"
        assert run("export", "events", path, "--db", db, "--actor", "RUS").exit_code == 0
        assert path.stat().st_size > 0
    series = tmp_path / "series.csv"
    assert run("export", "series", series, "--db", db, "--dyad", "RUS:UKR").exit_code == 0
    header, *rows = series.read_text(encoding="utf-8").splitlines()
    assert header.startswith("period,source,target,n_events") and len(rows) == 2
    assert run("export", "series", tmp_path / "all.jsonl", "--db", db).exit_code == 0
    assert run("export", "events", tmp_path / "x.xlsx", "--db", db).exit_code == 2


COMMANDS = ("dyads", "top-dyads", "alerts", "alerts list", "alerts mark", "plot dyad",
            "import gdelt", "import icews", "import polecat", "export events", "export series")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_documented(command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.exit_code == 0 and "Usage" in result.output
    docs = Path(__file__).parent.parent / "docs"
    text = (docs / "alerts.md").read_text(encoding="utf-8") + (
        docs / "data-exchange.md").read_text(encoding="utf-8")
    assert f"tocsin {command}" in text


def test_alerts_on_an_empty_database(tmp_path) -> None:
    db = tmp_path / "empty.duckdb"
    with open_store(db):
        pass
    result = run("alerts", "--db", db, "--format", "table")
    assert result.exit_code == 0 and result.output.strip() == "no alerts"
