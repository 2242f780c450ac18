"""Dyad series, event look-ups by id and stored alerts, in SQL both backends run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from tocsin.records import (
    ALERT_STATES,
    Alert,
    Event,
    SeriesPoint,
)
from tocsin.store.columns import event_from_values
from tocsin.store.series_sql import SeriesQuery, points_from_rows, series_sql
from tocsin.store.sql_text import (
    ALERT_COLUMNS,
    ALERT_COLUMNS_SQL,
    EVENT_COLUMNS_SQL,
    alert_from_row,
    placeholders,
    utcnow,
)

T = TypeVar("T")





class SeriesAlertsSQL:
    """Methods of :class:`tocsin.store.sql.SQLStore` (mixed in); they run on its
    primitives (``_execute``, ``_fetchall``, ``_write``, ``_errors`` …)."""

    # ------------------------------------------------- dyad series and alerts

    def series_points(self, q: SeriesQuery) -> list[SeriesPoint]:
        per_period, per_type, params = series_sql(q)
        with self._errors("compute a dyad series"):
            period_rows = self._fetchall(per_period, params)
            type_rows = self._fetchall(per_type, params)
        return points_from_rows(period_rows, type_rows)

    def event_date_range(self) -> tuple[date | None, date | None]:
        with self._errors("read the event dates"):
            rows = self._fetchall('SELECT min("date"), max("date") FROM events')
        return (rows[0][0], rows[0][1]) if rows else (None, None)

    def events_by_id(self, event_ids: Sequence[str]) -> list[Event]:
        ids = list(dict.fromkeys(str(i) for i in event_ids))
        if not ids:
            return []
        with self._errors("read events by id"):
            rows = self._fetchall(
                f"SELECT {EVENT_COLUMNS_SQL} FROM events WHERE event_id IN ({placeholders(len(ids))})"
                " ORDER BY event_id, coder DESC",
                ids,
            )
        found: dict[str, Event] = {}
        for row in rows:
            event = event_from_values(row)
            found.setdefault(event.event_id, event)
        return [found[i] for i in ids if i in found]

    def save_alerts(self, alerts: Sequence[Alert]) -> list[Alert]:
        alerts = list({a.alert_id: a for a in alerts}.values())
        if not alerts:
            return []
        ids = sorted(a.alert_id for a in alerts)

        def work() -> list[Alert]:
            stored = {r[0] for r in self._fetchall(
                f"SELECT alert_id FROM alerts WHERE alert_id IN ({placeholders(len(ids))})", ids)}
            now = utcnow()
            fresh = []
            for a in alerts:
                if a.alert_id in stored:
                    continue
                if a.state not in ALERT_STATES:
                    raise ValueError(f"alert state must be one of {ALERT_STATES}, not {a.state!r}")
                created = a.created_at or now
                # DO NOTHING: an alert another writer stored meanwhile keeps its row and state.
                inserted = self._fetchall(
                    f"INSERT INTO alerts ({ALERT_COLUMNS_SQL}) VALUES ({placeholders(len(ALERT_COLUMNS))})"
                    " ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id",
                    [a.alert_id, a.source, a.target, a.kind, a.window_start, a.window_end,
                     a.baseline_start, a.baseline_end, a.observed, a.expected, a.score,
                     a.direction, a.summary, list(a.evidence), a.state, created],
                )
                if inserted:
                    fresh.append(replace(a, created_at=created))
            return fresh

        return self._write(f"store {len(alerts)} alerts", work)

    def alerts(
        self, *, state: str | None = None, since: date | None = None, limit: int | None = None
    ) -> list[Alert]:
        conditions, params = [], []
        if state is not None:
            if state not in ALERT_STATES:
                raise ValueError(f"alert state must be one of {ALERT_STATES}, not {state!r}")
            conditions.append("state = ?")
            params.append(state)
        if since is not None:
            conditions.append("window_end >= ?")
            params.append(since)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = (
            f"SELECT {ALERT_COLUMNS_SQL} FROM alerts {where}"
            " ORDER BY window_end DESC, score DESC, alert_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._errors("read alerts"):
            rows = self._fetchall(sql, params)
        return [alert_from_row(r) for r in rows]

    def alert(self, alert_id: str) -> Alert | None:
        with self._errors(f"read alert {alert_id}"):
            rows = self._fetchall(
                f"SELECT {ALERT_COLUMNS_SQL} FROM alerts WHERE alert_id = ?", [alert_id]
            )
        return alert_from_row(rows[0]) if rows else None

    def set_alert_state(self, alert_id: str, state: str) -> Alert:
        if state not in ALERT_STATES:
            raise ValueError(f"alert state must be one of {', '.join(ALERT_STATES)}, not {state!r}")
        updated = self._write(
            f"change the state of alert {alert_id}",
            lambda: self._fetchall(
                "UPDATE alerts SET state = ?, state_changed_at = ? WHERE alert_id = ?"
                " RETURNING alert_id",
                [state, utcnow(), alert_id],
            ),
        )
        if not updated:
            raise KeyError(f"no alert {alert_id!r}")
        found = self.alert(alert_id)
        assert found is not None
        return found
