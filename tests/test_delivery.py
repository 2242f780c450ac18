"""Alert delivery: the JSON document, files, and a webhook against a real local HTTP server."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from synthetic import plant_burst, quiet_corpus
from tocsin.analysis.alerts import detect_alerts
from tocsin.delivery import DeliveryError, alerts_document, post_webhook, write_json
from tocsin.store import open_store
from webhook_server import WebhookServer as _Hook


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Iterator[tuple]:
    path = tmp_path_factory.mktemp("deliver") / "d.duckdb"
    start = date(2024, 1, 1)
    with open_store(path) as store:
        quiet_corpus(store, start=start, weeks=16)
        plant_burst(store, source="RUS", target="CHN", start=start + timedelta(days=102),
                    days=10, n=30)
        alerts = detect_alerts(store)
        yield store, alerts


def test_document_carries_evidence_sentences_and_sources(planted, tmp_path: Path) -> None:
    store, alerts = planted
    doc = alerts_document(store, alerts)
    assert [a["alert_id"] for a in doc["alerts"]] == [a.alert_id for a in alerts]
    first = doc["alerts"][0]["evidence_events"][0]
    assert "shelled" in first["sentence"] or "use force" in first["sentence"]
    assert first["url"].startswith("https://news.example/") and first["outlet"]
    out = tmp_path / "alerts.json"
    write_json(doc, out)
    assert json.loads(out.read_text(encoding="utf-8")) == doc
    with pytest.raises(DeliveryError, match="cannot write"):
        write_json(doc, tmp_path / "no" / "such" / "dir.json")


def test_webhook_posts_json(planted) -> None:
    store, alerts = planted
    doc = alerts_document(store, alerts)
    with _Hook([]) as hook:
        result = post_webhook(hook.url, doc, backoff=0.01)
    assert result.delivered and result.attempts == 1 and result.status == 200
    assert hook.bodies == [json.loads(json.dumps(doc))]
    assert hook.headers[0].startswith("application/json")


def test_webhook_retries_server_errors_and_logs_them(planted, caplog) -> None:
    _, alerts = planted
    doc = {"alerts": [a.to_dict() for a in alerts]}
    with caplog.at_level(logging.WARNING, logger="tocsin.delivery"), _Hook([503, 500]) as hook:
        result = post_webhook(hook.url, doc, attempts=3, backoff=0.01)
    assert result.delivered and result.attempts == 3 and len(hook.bodies) == 1
    assert sum("HTTP 503" in r.getMessage() or "HTTP 500" in r.getMessage()
               for r in caplog.records) == 2


def test_webhook_gives_up_and_does_not_retry_client_errors(caplog) -> None:
    with _Hook([400]) as hook:
        result = post_webhook(hook.url, {"alerts": []}, attempts=3, backoff=0.01)
    assert not result.delivered and result.attempts == 1 and result.status == 400
    with _Hook([]) as hook:
        closed_url = hook.url
    with caplog.at_level(logging.ERROR, logger="tocsin.delivery"):
        result = post_webhook(closed_url, {"alerts": []}, attempts=2, backoff=0.01, timeout=2)
    assert not result.delivered and result.attempts == 2 and len(result.errors) == 2
    assert any("not delivered" in r.getMessage() for r in caplog.records)
    with pytest.raises(DeliveryError, match="http"):
        post_webhook("file:///etc/passwd", {})
