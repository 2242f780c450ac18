"""Delivering alerts: a JSON document to a file or to a webhook (HTTP POST, retried).

The document is the same for both::

    {"tocsin": "0.x", "generated_at": "…", "alerts": [
        {…Alert.to_dict()…, "evidence_events": [
            {"event_id", "date", "type", "source", "target", "sentence",
             "article_id", "url", "outlet"}, …]}]}

A webhook is retried on connection errors, timeouts, HTTP 429 and 5xx, with a
doubling back-off; a 4xx other than 429 is not retried. Every failed attempt is
logged on the ``tocsin.delivery`` logger, and :func:`post_webhook` returns what
happened instead of raising, so a failed delivery never loses stored alerts.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tocsin.errors import TocsinError
from tocsin.records import Alert
from tocsin.store.base import Store
from tocsin.version import __version__

log = logging.getLogger("tocsin.delivery")


class DeliveryError(TocsinError):
    """Alerts cannot be delivered where asked (a file that cannot be written, a bad URL)."""

    code = "E601"


def evidence_events(store: Store, alert: Alert) -> list[dict[str, Any]]:
    """The alert's evidence events with their sentences and sources, strongest first."""
    out = []
    for event in store.events_by_id(alert.evidence):
        article = store.article(event.article_id)
        out.append({
            "event_id": event.event_id,
            "date": event.date.isoformat() if event.date else None,
            "type": event.type,
            "source": event.source.code if event.source else None,
            "target": event.target.code if event.target else None,
            "sentence": event.sentence,
            "article_id": event.article_id,
            "url": article.url if article else None,
            "outlet": article.outlet if article else None,
        })
    return out


def alerts_document(store: Store, alerts: Sequence[Alert]) -> dict[str, Any]:
    return {
        "tocsin": __version__,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "alerts": [
            {**alert.to_dict(), "evidence_events": evidence_events(store, alert)}
            for alert in alerts
        ],
    }


def write_json(document: dict[str, Any], path: Path) -> None:
    try:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise DeliveryError(f"cannot write the alerts file: {exc.strerror or exc}",
                            source=str(path)) from exc


@dataclass(slots=True)
class WebhookResult:
    url: str
    delivered: bool
    attempts: int
    status: int | None = None
    errors: list[str] = field(default_factory=list)


def post_webhook(
    url: str, document: dict[str, Any], *, attempts: int = 3, backoff: float = 1.0,
    timeout: float = 10.0, headers: dict[str, str] | None = None,
) -> WebhookResult:
    """POST ``document`` as JSON to ``url``; retry as the module docstring says."""
    if not url.lower().startswith(("http://", "https://")):
        raise DeliveryError(f"webhook URL must start with http:// or https://, not {url!r}")
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    result = WebhookResult(url=url, delivered=False, attempts=0)
    for attempt in range(1, max(1, attempts) + 1):
        result.attempts = attempt
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"tocsin/{__version__}", **(headers or {}),
        })
        retry = True
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) checked above
                result.status = response.status
                result.delivered = True
                return result
        except urllib.error.HTTPError as exc:
            result.status = exc.code
            message = f"attempt {attempt}: HTTP {exc.code} {exc.reason}"
            retry = exc.code == 429 or exc.code >= 500
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            message = f"attempt {attempt}: {reason}"
        result.errors.append(message)
        log.warning("webhook %s: %s", url, message)
        if not retry:
            break
        if attempt < attempts:
            time.sleep(backoff * 2 ** (attempt - 1))
    log.error("webhook %s: not delivered after %d attempt(s)", url, result.attempts)
    return result
