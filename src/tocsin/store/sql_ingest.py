"""The ingest state (migration 002): followed sources, the article queue, fetch failures
and canonical events, in SQL both backends run (statements in :mod:`tocsin.store.ingest_sql`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from tocsin.records import (
    Article,
    Event,
    IngestedArticle,
    SourceState,
)
from tocsin.store import ingest_sql
from tocsin.store.base import (
    CanonicalEventRow,
)
from tocsin.store.sql_text import (
    ARTICLE_COLUMNS,
    article_from_row,
    check_events,
    delete_events_sql,
    placeholders,
    utcnow,
)

T = TypeVar("T")





class IngestStateSQL:
    """Methods of :class:`tocsin.store.sql.SQLStore` (mixed in); they run on its
    primitives (``_execute``, ``_fetchall``, ``_write``, ``_errors`` …)."""

    def upsert_sources(
        self, rows: Iterable[tuple[str, str, str, str | None, str | None, float]]
    ) -> None:
        rows = sorted(rows, key=lambda r: r[0])
        self._write("register the sources", lambda: ingest_sql.upsert_sources(self, rows))

    def source_states(self) -> list[SourceState]:
        with self._errors("read the sources"):
            return ingest_sql.source_states(self)

    def record_poll(self, name: str, *, ok: bool, status: str, error: str | None = None,
                    etag: str | None = None, last_modified: str | None = None,
                    keep_validators: bool = False, next_poll_at: datetime,
                    new_articles: int = 0) -> None:
        self._write(f"record a poll of {name}", lambda: ingest_sql.record_poll(
            self, name, at=utcnow(), ok=ok, status=status, error=error, etag=etag,
            last_modified=last_modified, keep_validators=keep_validators,
            next_poll_at=next_poll_at, new_articles=new_articles,
        ))

    def ingest_record(self, *, article_id: str | None = None, canonical_url: str | None = None,
                      content_hash: str | None = None) -> IngestedArticle | None:
        where, value = (
            ("article_id", article_id) if article_id is not None
            else ("canonical_url", canonical_url) if canonical_url is not None
            else ("content_hash", content_hash)
        )
        if value is None:
            raise ValueError("give article_id, canonical_url or content_hash")
        with self._errors("read the article index"):
            return ingest_sql.ingest_record(self, where, value)

    def ingest_records(self, field: str, values: Sequence[str]) -> dict[str, IngestedArticle]:
        """Records by ``field`` (``article_id``, ``canonical_url`` or ``content_hash``) value."""
        if field not in ("article_id", "canonical_url", "content_hash"):
            raise ValueError(f"not a lookup field: {field!r}")
        if not values:
            return {}
        with self._errors("read the article index"):
            return ingest_sql.ingest_records(self, field, values)

    def store_ingested(self, article: Article, record: IngestedArticle, *, coder: str,
                       cluster_options: ingest_sql.ClusterOptions | None = None) -> bool:
        """Store ``article`` uncoded with ``record``; a reprint updates its story's events' sources."""
        options = cluster_options or ingest_sql.ClusterOptions()

        def work() -> bool:
            added = ingest_sql.insert_ingested(self, article, record, utcnow())
            if added and record.status == "duplicate":
                keys = ingest_sql.blocks_of_articles(self, [record.story_id], coder, options)
                ingest_sql.refresh_blocks(self, coder, keys, options)
            return added

        return self._write(f"store article {article.id}", work)

    def store_ingested_many(self, items: Sequence[tuple[Article, IngestedArticle]], *, coder: str,
                            cluster_options: ingest_sql.ClusterOptions | None = None) -> list[bool]:
        """:meth:`store_ingested` for many articles in one transaction (corpora)."""
        options = cluster_options or ingest_sql.ClusterOptions()
        if not items:
            return []

        def work() -> list[bool]:
            added = ingest_sql.insert_ingested_many(self, items, utcnow())
            stories = sorted({r.story_id for (_, r), new in zip(items, added, strict=True)
                              if new and r.status == "duplicate"})
            if stories:
                keys = ingest_sql.blocks_of_articles(self, stories, coder, options)
                ingest_sql.refresh_blocks(self, coder, keys, options)
            return added

        return self._write(f"store {len(items)} articles", work)

    def stored_signatures(self, since: datetime | None = None) -> list[tuple[str, str, bytes]]:
        with self._errors("read the article signatures"):
            return ingest_sql.signatures(self, since)

    def pending_articles(self, limit: int | None = None) -> list[Article]:
        sql = (
            f"SELECT {', '.join('a.' + c for c in ARTICLE_COLUMNS)} FROM articles a"
            " JOIN article_ingest ai ON ai.article_id = a.article_id WHERE ai.status = 'pending'"
            " ORDER BY ai.first_seen, a.article_id"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._errors("read the pending articles"):
            rows = self._fetchall(sql, params)
        return [article_from_row(r) for r in rows]

    def save_coded(self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str,
                   cluster_options: ingest_sql.ClusterOptions | None = None) -> None:
        """Like :meth:`save_articles`, and in the same transaction: mark the articles
        coded and rebuild the canonical events of every (type, negation) family their
        events touch."""
        if not items:
            return
        options = cluster_options or ingest_sql.ClusterOptions()
        for article, events in items:
            check_events(article, events, coder)
        try:
            batch = self._prepare_events([e for _, events in items for e in events])
        except (TypeError, ValueError) as exc:
            raise self._error(f"cannot store the events of {len(items)} articles: {exc}") from exc
        # Lock the article rows in one order whatever the caller's: no deadlocks.
        articles = sorted((article for article, _ in items), key=lambda a: a.id)
        ids = sorted({a.id for a in articles})
        marks = placeholders(len(ids))

        def work() -> None:
            keys = ingest_sql.blocks_of_articles(self, ids, coder, options)
            self._upsert_articles(articles, coder=coder, run_id=run_id)
            self._execute(delete_events_sql(len(ids)), [coder, *ids])
            self._insert_events(batch)
            self._execute(
                "UPDATE article_ingest SET status = 'coded', coded_at = ?, last_error = NULL"
                f" WHERE article_id IN ({marks})", [utcnow(), *ids],
            )
            keys.update(ingest_sql.event_block(e, options) for _, events in items for e in events)
            ingest_sql.refresh_blocks(self, coder, keys, options)

        self._write(f"store {len(items)} coded articles", work)

    def requeue_failed(self) -> int:
        """Put the articles whose coding failed back in the queue; returns how many."""
        rows = self._write("requeue failed articles", lambda: self._fetchall(
            "UPDATE article_ingest SET status = 'pending', attempts = 0"
            " WHERE status = 'failed' RETURNING article_id"
        ))
        return len(rows)

    def mark_coding_failed(self, article_id: str, error: str, *, max_attempts: int = 3) -> None:
        self._write(f"record a coding failure of {article_id}",
                    lambda: ingest_sql.mark_failed(self, article_id, error, max_attempts))

    def record_fetch_failure(self, url: str, source_name: str | None, error: str,
                             *, transient: bool, at_least: int = 1) -> int:
        """Count a failure of ``url``; the count becomes at least ``at_least`` (give up at once
        on a permanent error by passing the maximum). Returns the new count."""
        rows = self._write(f"record a failure of {url}", lambda: self._fetchall(
            "INSERT INTO fetch_failures (url, source_name, attempts, transient, last_error, last_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " attempts = greatest(fetch_failures.attempts + 1, excluded.attempts),"
            " transient = excluded.transient,"
            " last_error = excluded.last_error, last_at = excluded.last_at RETURNING attempts",
            [url, source_name, max(1, at_least), transient, error, utcnow()],
        ))
        return int(rows[0][0]) if rows else 1

    def fetch_attempts(self, url: str) -> tuple[int, bool]:
        with self._errors("read the fetch failures"):
            rows = self._fetchall(
                "SELECT attempts, transient FROM fetch_failures WHERE url = ?", [url]
            )
        return (int(rows[0][0]), bool(rows[0][1])) if rows else (0, False)

    def clear_fetch_failure(self, url: str) -> None:
        self._write(f"clear the failures of {url}",
                    lambda: self._execute("DELETE FROM fetch_failures WHERE url = ?", [url]))

    def canonical_events(self, *, coder: str | None = None, types: Sequence[str] = (),
                         actors: Sequence[str] = (), min_sources: int = 0,
                         limit: int | None = None) -> list[CanonicalEventRow]:
        """Canonical events, by first date; ``actors`` match a code or its country prefix."""
        clauses, params = [], []
        if coder is not None:
            clauses.append("c.coder = ?")
            params.append(coder)
        if types:
            clauses.append(f"c.type IN ({placeholders(len(types))})")
            params.extend(t.upper() for t in types)
        for actor in actors:
            clauses.append("(starts_with(coalesce(c.source_code, ''), ?)"
                           " OR starts_with(coalesce(c.target_code, ''), ?))")
            params.extend([actor.upper(), actor.upper()])
        if min_sources:
            clauses.append("c.n_sources >= ?")
            params.append(min_sources)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (
            "SELECT c.canonical_id, c.coder, c.type, c.source_code, c.target_code, c.source_country,"
            " c.target_country, c.negated, c.quad_class, c.first_date, c.last_date, c.first_seen,"
            " c.n_mentions, c.n_articles, c.n_sources, c.sources, c.representative,"
            " (SELECT array_agg(m.event_id ORDER BY m.event_id) FROM event_mentions m"
            "  WHERE m.canonical_id = c.canonical_id AND m.coder = c.coder)"
            f" FROM canonical_events c {where}"
            " ORDER BY c.first_date NULLS LAST, c.canonical_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._errors("read canonical events"):
            rows = self._fetchall(sql, params)
        return [
            CanonicalEventRow(
                canonical_id=r[0], coder=r[1], type=r[2], source_code=r[3], target_code=r[4],
                source_country=r[5], target_country=r[6], negated=bool(r[7]), quad_class=int(r[8]),
                first_date=r[9], last_date=r[10], first_seen=r[11], n_mentions=int(r[12]),
                n_articles=int(r[13]), n_sources=int(r[14]), sources=tuple(r[15] or ()),
                representative=r[16], event_ids=tuple(r[17] or ()),
            )
            for r in rows
        ]

    def rebuild_canonical_events(self, coder: str,
                                 cluster_options: ingest_sql.ClusterOptions | None = None) -> int:
        options = cluster_options or ingest_sql.ClusterOptions()

        def work() -> int:
            rows = self._fetchall(
                "SELECT DISTINCT type, coalesce((source).country, (source).code),"
                " coalesce((target).country, (target).code), negated FROM events WHERE coder = ?",
                [coder],
            )
            keys = {ingest_sql.block_key(
                ingest_sql.Mention("", "", t, s, g, None, "", bool(n)), options) for t, s, g, n in rows}
            self._execute("DELETE FROM event_mentions WHERE coder = ?", [coder])
            self._execute("DELETE FROM canonical_events WHERE coder = ?", [coder])
            return ingest_sql.refresh_blocks(self, coder, keys, options)

        return self._write("rebuild the canonical events", work)

    def ingest_counts(self) -> dict[str, int]:
        with self._errors("count the ingest state"):
            out = {f"articles_{status}": int(n) for status, n in self._fetchall(
                "SELECT status, count(*) FROM article_ingest GROUP BY status")}
            for status in ("pending", "coded", "duplicate", "failed"):
                out.setdefault(f"articles_{status}", 0)
            (stories, canonical, mentions, events, failures), = self._fetchall(
                "SELECT (SELECT count(DISTINCT story_id) FROM article_ingest),"
                " (SELECT count(*) FROM canonical_events), (SELECT count(*) FROM event_mentions),"
                " (SELECT count(*) FROM events), (SELECT count(*) FROM fetch_failures)")
        out.update(stories=int(stories), canonical_events=int(canonical),
                   event_mentions=int(mentions), events=int(events), fetch_failures=int(failures))
        return out
