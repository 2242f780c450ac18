"""SQL text and row conversions shared by the SQL stores (DuckDB and PostgreSQL).

Column lists, the statements of the core tables, filters turned into queries,
and database rows turned back into records. :mod:`tocsin.store.sql` builds the
store on these; nothing here talks to a database.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from tocsin.records import (
    Alert,
    Article,
    Event,
)
from tocsin.store.base import (
    DyadRow,
    RunInfo,
)
from tocsin.store.columns import EVENT_COLUMNS
from tocsin.store.filters import ORDER_BY, EventFilter, where_clause

T = TypeVar("T")




def column_list(columns: Sequence[str]) -> str:
    """``"a", "b", …``: quoted column names (several are SQL keywords: type, date, text)."""
    return ", ".join(f'"{c}"' for c in columns)


def placeholders(n: int) -> str:
    return ", ".join("?" for _ in range(n))


EVENT_COLUMNS_SQL = column_list(EVENT_COLUMNS)
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id", "title", "text", "published", "url", "language", "outlet", "origin",
)
ARTICLE_COLUMNS_SQL = column_list(ARTICLE_COLUMNS)
_ARTICLE_WRITE_COLUMNS = (*ARTICLE_COLUMNS, "coded_with", "run_id", "updated_at")

#: what an article stored again replaces: every column but its id
ARTICLE_CONFLICT_SQL = " ON CONFLICT (article_id) DO UPDATE SET " + ", ".join(
    f'"{c}" = excluded."{c}"' for c in _ARTICLE_WRITE_COLUMNS[1:])
UPSERT_ARTICLE = (
    f"INSERT INTO articles ({column_list(_ARTICLE_WRITE_COLUMNS)})"
    f" VALUES ({placeholders(len(_ARTICLE_WRITE_COLUMNS))})" + ARTICLE_CONFLICT_SQL
)
SELECT_ARTICLES = f"SELECT {ARTICLE_COLUMNS_SQL} FROM articles ORDER BY article_id"
SELECT_ARTICLE = f"SELECT {ARTICLE_COLUMNS_SQL} FROM articles WHERE article_id = ?"
INSERT_RUN = (
    "INSERT INTO runs (run_id, started_at, coder, tocsin_version, args) VALUES (?, ?, ?, ?, ?)"
)
FINISH_RUN = (
    "UPDATE runs SET finished_at = ?, n_articles = ?, n_events = ?, n_failed = ?"
    " WHERE run_id = ? RETURNING run_id"
)
SELECT_RUNS = (
    "SELECT run_id, started_at, finished_at, coder, tocsin_version, args,"
    " n_articles, n_events, n_failed FROM runs ORDER BY started_at, run_id"
)
ALERT_COLUMNS: tuple[str, ...] = (
    "alert_id", "source", "target", "kind", "window_start", "window_end",
    "baseline_start", "baseline_end", "observed", "expected", "score", "direction",
    "summary", "evidence", "state", "created_at",
)
ALERT_COLUMNS_SQL = column_list(ALERT_COLUMNS)
COUNT_ROWS = (
    "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM articles),"
    " (SELECT count(*) FROM events)"
)


def delete_events_sql(n_articles: int) -> str:
    """Delete the events of ``n_articles`` articles from one coder version (params: coder, ids…)."""
    return f"DELETE FROM events WHERE coder = ? AND article_id IN ({placeholders(n_articles)})"


def events_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The query for :meth:`Store.query`."""
    where, params = where_clause(f)
    sql = f"SELECT {EVENT_COLUMNS_SQL} FROM events {where} {ORDER_BY}"
    if f.limit is not None:
        sql += " LIMIT ?"
        params = [*params, f.limit]
    return sql, params


def dyads_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The query for :meth:`Store.dyad_summary`."""
    where, params = where_clause(f)
    quads = ", ".join(f"sum(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END)" for q in (1, 2, 3, 4))
    sql = (
        "SELECT (source).country, (target).country, count(*) AS n, "
        f"{quads}, avg(goldstein) FROM events {where} "
        "GROUP BY 1, 2 ORDER BY n DESC, 1 NULLS LAST, 2 NULLS LAST"
    )
    if f.limit is not None:
        sql += " LIMIT ?"
        params = [*params, f.limit]
    return sql, params


def utcnow() -> datetime:
    """Now in UTC, without time zone (the ``TIMESTAMP`` columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def check_events(article: Article, events: Sequence[Event], coder: str) -> None:
    """``ValueError`` unless every event belongs to ``article`` and carries ``coder``."""
    for event in events:
        if event.article_id != article.id:
            raise ValueError(
                f"event {event.event_id} belongs to article {event.article_id!r}, "
                f"not {article.id!r}"
            )
        if event.coder != coder:
            raise ValueError(f"event {event.event_id} was coded by {event.coder!r}, not {coder!r}")


def article_from_row(row: Sequence[Any]) -> Article:
    values = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    return Article(
        id=values["article_id"], text=values["text"], title=values["title"],
        published=values["published"], url=values["url"], language=values["language"],
        outlet=values["outlet"], origin=values["origin"],
    )


def run_from_row(r: Sequence[Any]) -> RunInfo:
    return RunInfo(
        run_id=r[0], started_at=r[1], finished_at=r[2], coder=r[3], tocsin_version=r[4],
        args=json.loads(r[5]) if r[5] else {}, n_articles=r[6], n_events=r[7], n_failed=r[8],
    )


def dyad_from_row(r: Sequence[Any]) -> DyadRow:
    return DyadRow(
        source_country=r[0],
        target_country=r[1],
        n_events=int(r[2]),
        quad_counts=(int(r[3]), int(r[4]), int(r[5]), int(r[6])),
        mean_goldstein=None if r[7] is None else float(r[7]),
    )


def alert_from_row(row: Sequence[Any]) -> Alert:
    v = dict(zip(ALERT_COLUMNS, row, strict=True))
    v["evidence"] = tuple(v["evidence"] or ())
    return Alert(**v)
