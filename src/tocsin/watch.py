"""``tocsin watch``: follow a list of sources, continuously, and code what they publish.

    sources.toml ──▶ schedule (per-source interval, exponential backoff on failure)
                 ──▶ Poller (per-host politeness, conditional requests) ──▶ Ingestor.add
                 ──▶ Ingestor.code_pending (Engine) ──▶ events + canonical events

One poll at a time, in due order; each poll logs one line. :meth:`Watcher.stop`
(wired to SIGINT and SIGTERM by the CLI) ends the loop after the current entry
or coding batch: nothing half-written is left, and whatever is stored but not
coded yet is coded first on the next start. After every poll the state of all
sources is also written to a JSON status file beside the database, which
``tocsin status`` reads while the watch holds the database.

Backoff: after ``n`` consecutive failed polls a source waits
``min(interval · 2^n, max_backoff)`` seconds; one success resets it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tocsin.ingest.fetch import Fetcher
from tocsin.ingest.poll import HostPacer, Poller, PollReport
from tocsin.ingest.service import Ingestor
from tocsin.ingest.sources import Source, SourcesFile
from tocsin.records import InputProblem
from tocsin.store.base import Store
from tocsin.version import CODER_NAME

if TYPE_CHECKING:
    from tocsin.pipeline import Engine

__all__ = ["WatchSummary", "Watcher", "backoff_delay", "status_file_for"]

log = logging.getLogger("tocsin.watch")


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def backoff_delay(interval: float, failures: int, max_backoff: float) -> float:
    """Seconds to wait after ``failures`` consecutive failures (0: the plain interval)."""
    if failures <= 0:
        return interval
    return min(interval * (2 ** min(failures, 30)), max(max_backoff, interval))


def status_file_for(db: str | Path) -> Path:
    """Where a watch on database ``db`` writes its status (``tocsin.duckdb.status.json``).

    For a PostgreSQL URL, a file in the current folder named after the server,
    database and schema (never the password): ``tocsin-<hash>.status.json``."""
    from tocsin.store import is_database_url

    if is_database_url(db):
        from tocsin.store.postgres import redact_url

        digest = hashlib.sha256(redact_url(str(db)).encode("utf-8")).hexdigest()[:12]
        return Path(f"tocsin-{digest}.status.json")
    return Path(f"{db}.status.json")


@dataclass(slots=True)
class WatchSummary:
    polls: int = 0
    errors: int = 0
    new_articles: int = 0
    reprints: int = 0
    coded: int = 0
    events: int = 0


class Watcher:
    """Polls the sources of a :class:`SourcesFile` into ``store`` until stopped."""

    def __init__(self, config: SourcesFile, store: Store, *,
                 engine: Engine | Callable[[], Engine] | None = None,
                 fetcher: Fetcher | None = None, status_path: Path | None = None,
                 coder: str = CODER_NAME):
        self.config = config
        self.store = store
        self._engine = engine
        self.fetcher = fetcher or Fetcher(config.settings.fetch_options())
        self._own_fetcher = fetcher is None
        self.status_path = status_path
        self.coder = coder
        self._stop = threading.Event()
        self.ingestor = Ingestor(store, coder=coder, max_attempts=config.settings.max_attempts)
        self.pacer = HostPacer(config.settings.politeness_delay, wait=self._stop.wait)
        self.poller = Poller(self.fetcher, self.ingestor, config.settings, self.pacer,
                             should_stop=self._stop.is_set)
        self.summary = WatchSummary()

    # ------------------------------------------------------------------ control

    def stop(self) -> None:
        """Ask the loop to end after the current entry or coding batch."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def engine(self) -> Engine | None:
        if self._engine is not None and not hasattr(self._engine, "code"):
            self._engine = self._engine()  # type: ignore[operator]
        return self._engine  # type: ignore[return-value]

    # ------------------------------------------------------------------ loop

    def run(self, *, once: bool = False) -> WatchSummary:
        """Poll until stopped (``once``: every source one time, then return)."""
        sources = self.config.sources
        self.store.upsert_sources(
            [(s.name, s.url, s.kind, s.outlet, s.language, s.interval) for s in sources])
        run_id = self.store.begin_run({"watch": self.config.path, "once": once}, self.coder)
        try:
            self._code(run_id)  # what an interrupted run stored but did not code
            states = {s.name: s for s in self.store.source_states()}
            now, wall = time.monotonic(), _utcnow()
            due: dict[str, float] = {}
            for s in sources:
                nxt = states[s.name].next_poll_at
                due[s.name] = now if once or nxt is None else now + max(0.0, (nxt - wall).total_seconds())
            polled: set[str] = set()
            by_name = {s.name: s for s in sources}
            while not self._stop.is_set():
                pending = [n for n in due if not (once and n in polled)]
                if not pending:
                    break
                name = min(pending, key=lambda n: (due[n], n))
                wait = due[name] - time.monotonic()
                if wait > 0 and self._stop.wait(wait):
                    break
                source = by_name[name]
                delay = self._poll(source)
                polled.add(name)
                due[name] = time.monotonic() + delay
                self._code(run_id)
                self._write_status()
            return self.summary
        finally:
            self.store.finish_run(run_id, self.summary.coded, self.summary.events, self.summary.errors)
            self._write_status()
            if self._own_fetcher:
                self.fetcher.close()

    def _poll(self, source: Source) -> float:
        """Poll ``source``, record and log the outcome; returns the seconds to its next poll."""
        state = next((s for s in self.store.source_states() if s.name == source.name), None)
        try:
            report = self.poller.poll(source, state)
        except Exception as exc:  # noqa: BLE001 - one broken source must not stop the watch
            log.exception("poll %s: unexpected error", source.name)
            report = PollReport(source=source.name, status="error", complete=False,
                                error=f"unexpected error: {exc.__class__.__name__}: {exc}")
        failures_now = (state.failures if state else 0) + 1 if report.status == "error" else 0
        delay = backoff_delay(source.interval, failures_now, self.config.settings.max_backoff)
        self.store.record_poll(
            source.name, ok=report.status != "error", status=report.status, error=report.error,
            etag=report.etag, last_modified=report.last_modified,
            keep_validators=report.complete and report.status == "ok",
            next_poll_at=_utcnow() + timedelta(seconds=delay), new_articles=report.new,
        )
        self.summary.polls += 1
        self.summary.new_articles += report.new
        self.summary.reprints += report.duplicates
        if report.status == "error":
            self.summary.errors += 1
            log.error("%s; retry in %.0f s (%d failure%s in a row)", report.line(), delay,
                      failures_now, "" if failures_now == 1 else "s")
        else:
            log.info("%s; next in %.0f s", report.line(), delay)
        return delay

    def _code(self, run_id: str) -> None:
        engine = self.engine()
        if engine is None or self._stop.is_set():
            return

        def problem(p: InputProblem) -> None:
            log.error("coding: %s", p)

        stats = self.ingestor.code_pending(engine, run_id, should_stop=self._stop.is_set,
                                           on_problem=problem)
        if stats.articles or stats.failed:
            log.info("coded %d article(s): %d event(s), %d failed", stats.articles, stats.events,
                     stats.failed)
        self.summary.coded += stats.articles
        self.summary.events += stats.events

    # ------------------------------------------------------------------ status

    def _write_status(self) -> None:
        if self.status_path is None:
            return
        try:
            snapshot = status_snapshot(self.store)
            snapshot["watch"] = {"pid": os.getpid(), "updated_at": _utcnow().isoformat(timespec="seconds"),
                                 "sources_file": self.config.path, **asdict(self.summary)}
            tmp = self.status_path.with_name(self.status_path.name + ".tmp")
            tmp.write_text(json.dumps(snapshot, indent=2, default=str), encoding="utf-8")
            os.replace(tmp, self.status_path)
        except OSError as exc:
            log.warning("cannot write the status file %s: %s", self.status_path, exc)


def status_snapshot(store: Store) -> dict[str, Any]:
    """Sources and queue as plain data (what ``tocsin status`` shows)."""
    return {
        "sources": [asdict(s) for s in store.source_states()],
        "counts": store.ingest_counts(),
    }
