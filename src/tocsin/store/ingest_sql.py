"""SQL of the ingest state (migration 002), the same on DuckDB and PostgreSQL.

Functions here run inside the caller's transaction (see the ``SQLStore``
methods that wrap them in ``store/sql.py``): storing a fetched article and its
identity, saving coded articles with their queue state, and rebuilding the
canonical events of the clustering blocks that changed (:mod:`tocsin.dedup.events`).

They talk to the database through the store's primitives (:class:`Database`):
``?`` placeholders, and ``_insert_rows`` for bulk inserts, which each backend
does its own way (an Arrow batch in DuckDB; ``COPY`` or a pipelined
``executemany`` in PostgreSQL). ``_lock_key`` serialises the rebuild of one
clustering family between concurrent PostgreSQL writers (a no-op in DuckDB,
which has one writer).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Protocol

import pyarrow as pa

from tocsin.dedup.events import CanonicalEvent, ClusterOptions, Mention, block_key, cluster_mentions
from tocsin.records import Actor, Article, Event, IngestedArticle, SourceState

BlockKey = tuple[str, str, str, bool]


class Database(Protocol):
    """The store primitives these functions use (implemented by ``SQLStore`` backends)."""

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
                     types: dict[str, pa.DataType] | None = None, on_conflict: str = "") -> None: ...

    def _lock_key(self, key: str) -> None: ...

SOURCE_COLUMNS = (
    "name", "url", "kind", "outlet", "language", "interval_s", "etag", "last_modified",
    "last_poll_at", "last_success_at", "last_status", "last_error", "last_error_at", "failures",
    "next_poll_at", "n_polls", "n_errors", "n_articles",
)
_SOURCE_SQL = ", ".join(f'"{c}"' for c in SOURCE_COLUMNS)


def _first(rows: list[tuple[Any, ...]]) -> tuple[Any, ...] | None:
    return rows[0] if rows else None


def block_name(key: BlockKey) -> str:
    return f"{key[0]}|{key[1]}|{key[2]}|{int(key[3])}"


def dyad_code(actor: Actor | None) -> str | None:
    """The actor as a dyad member: its country, or its code when it has none (IGONATO)."""
    if actor is None:
        return None
    return actor.country or actor.code


#: SQL of :func:`dyad_code` for a column of the events table.
def _dyad_sql(column: str) -> str:
    return f"coalesce(({column}).country, ({column}).code)"


def event_block(event: Event, options: ClusterOptions) -> BlockKey:
    m = Mention(event_id=event.event_id, article_id=event.article_id, type=event.type,
                source=dyad_code(event.source), target=dyad_code(event.target),
                date=None, sentence="", negated=event.negated)
    return block_key(m, options)


# --------------------------------------------------------------------------- sources


def upsert_sources(db: Database, rows: Iterable[tuple[str, str, str, str | None, str | None, float]]) -> None:
    for name, url, kind, outlet, language, interval in rows:
        db._execute(
            "INSERT INTO ingest_sources (name, url, kind, outlet, \"language\", interval_s)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
            " url = excluded.url, kind = excluded.kind, outlet = excluded.outlet,"
            " \"language\" = excluded.\"language\", interval_s = excluded.interval_s",
            [name, url, kind, outlet, language, interval],
        )


def source_states(db: Database) -> list[SourceState]:
    rows = db._fetchall(f"SELECT {_SOURCE_SQL} FROM ingest_sources ORDER BY name")
    return [SourceState(**dict(zip(SOURCE_COLUMNS, r, strict=True))) for r in rows]


def record_poll(db: Database, name: str, *, at: datetime, ok: bool,
                status: str, error: str | None, etag: str | None, last_modified: str | None,
                keep_validators: bool, next_poll_at: datetime, new_articles: int) -> None:
    if ok:
        validators = ", etag = ?, last_modified = ?" if keep_validators else ""
        params: list[Any] = [at, at, status]
        if keep_validators:
            params += [etag, last_modified]
        db._execute(
            "UPDATE ingest_sources SET last_poll_at = ?, last_success_at = ?, last_status = ?,"
            f" failures = 0, n_polls = n_polls + 1{validators}, next_poll_at = ?,"
            " n_articles = n_articles + ? WHERE name = ?",
            [*params, next_poll_at, new_articles, name],
        )
    else:
        db._execute(
            "UPDATE ingest_sources SET last_poll_at = ?, last_status = 'error', last_error = ?,"
            " last_error_at = ?, failures = failures + 1, n_polls = n_polls + 1,"
            " n_errors = n_errors + 1, next_poll_at = ?, n_articles = n_articles + ? WHERE name = ?",
            [at, error, at, next_poll_at, new_articles, name],
        )


# --------------------------------------------------------------------------- articles


_INGEST_COLUMNS = ("article_id", "canonical_url", "content_hash", "story_id", "similarity",
                   "status", "source_name", "first_seen", "minhash")


def ingest_record(db: Database, where: str, value: str) -> IngestedArticle | None:
    row = _first(db._fetchall(
        f"SELECT {', '.join(_INGEST_COLUMNS)} FROM article_ingest WHERE {where} = ? LIMIT 1", [value]
    ))
    return IngestedArticle(**dict(zip(_INGEST_COLUMNS, row, strict=True))) if row else None


def ingest_records(db: Database, where: str,
                   values: Sequence[str]) -> dict[str, IngestedArticle]:
    """The records whose ``where`` column is one of ``values``, by that value."""
    out: dict[str, IngestedArticle] = {}
    unique = sorted(set(values))
    for start in range(0, len(unique), 1000):
        chunk = unique[start:start + 1000]
        rows = db._fetchall(
            f"SELECT {', '.join(_INGEST_COLUMNS)} FROM article_ingest"
            f" WHERE {where} IN ({', '.join('?' for _ in chunk)}) ORDER BY first_seen, article_id",
            chunk)
        for row in rows:
            record = IngestedArticle(**dict(zip(_INGEST_COLUMNS, row, strict=True)))
            out.setdefault(getattr(record, where), record)
    return out


def insert_ingested(db: Database, article: Article, record: IngestedArticle,
                    now: datetime) -> bool:
    """Store ``article`` (not coded yet) and its identity; ``False`` when already stored."""
    exists = _first(db._fetchall("SELECT 1 FROM article_ingest WHERE article_id = ?", [article.id]))
    if exists:
        return False
    # The identity first: a writer that stored the same article meanwhile (PostgreSQL)
    # holds the key, and this one stores nothing.
    inserted = db._fetchall(
        f"INSERT INTO article_ingest ({', '.join(_INGEST_COLUMNS)}) VALUES ({', '.join('?' * len(_INGEST_COLUMNS))})"
        " ON CONFLICT (article_id) DO NOTHING RETURNING article_id",
        [record.article_id, record.canonical_url, record.content_hash, record.story_id,
         record.similarity, record.status, record.source_name, record.first_seen or now,
         record.minhash],
    )
    if not inserted:
        return False
    db._execute(
        'INSERT INTO articles (article_id, title, "text", published, url, "language", outlet, origin,'
        " coded_with, run_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)"
        " ON CONFLICT (article_id) DO NOTHING",
        [article.id, article.title, article.text, article.published, article.url, article.language,
         article.outlet, article.origin, now],
    )
    return True


_NEW_ARTICLE_COLUMNS = ("article_id", "title", "text", "published", "url", "language", "outlet",
                        "origin", "coded_with", "run_id", "updated_at")
#: Arrow types of the columns whose values may all be ``None`` (DuckDB's bulk path).
_NEW_ARTICLE_TYPES = {
    "title": pa.string(), "published": pa.date32(), "url": pa.string(), "language": pa.string(),
    "outlet": pa.string(), "origin": pa.string(), "coded_with": pa.string(), "run_id": pa.string(),
    "updated_at": pa.timestamp("us"),
}
_INGEST_TYPES = {
    "canonical_url": pa.string(), "similarity": pa.float64(), "source_name": pa.string(),
    "first_seen": pa.timestamp("us"), "minhash": pa.binary(),
}


def insert_ingested_many(db: Database,
                         items: Sequence[tuple[Article, IngestedArticle]], now: datetime) -> list[bool]:
    """:func:`insert_ingested` for many articles, as two bulk inserts."""
    ids = [a.id for a, _ in items]
    present: set[str] = set()
    for start in range(0, len(ids), 1000):
        chunk = ids[start:start + 1000]
        present |= {r[0] for r in db._fetchall(
            f"SELECT article_id FROM article_ingest WHERE article_id IN ({', '.join('?' for _ in chunk)})",
            chunk)}
    added, seen = [], set()
    fresh: list[tuple[Article, IngestedArticle]] = []
    for article, record in items:
        new = article.id not in present and article.id not in seen
        added.append(new)
        if new:
            seen.add(article.id)
            fresh.append((article, record))
    if not fresh:
        return added
    db._insert_rows(
        "articles", _NEW_ARTICLE_COLUMNS,
        [(a.id, a.title, a.text, a.published, a.url, a.language, a.outlet, a.origin, None, None, now)
         for a, _ in fresh],
        types=_NEW_ARTICLE_TYPES, on_conflict="ON CONFLICT (article_id) DO NOTHING",
    )
    db._insert_rows(
        "article_ingest", _INGEST_COLUMNS,
        [(r.article_id, r.canonical_url, r.content_hash, r.story_id, r.similarity, r.status,
          r.source_name, r.first_seen or now, r.minhash) for _, r in fresh],
        types=_INGEST_TYPES,
    )
    return added


def signatures(db: Database,
               since: datetime | None = None) -> list[tuple[str, str, bytes]]:
    where, params = ("AND first_seen >= ?", [since]) if since is not None else ("", [])
    return [(r[0], r[1], bytes(r[2])) for r in db._fetchall(
        f"SELECT article_id, story_id, minhash FROM article_ingest WHERE minhash IS NOT NULL {where}"
        " ORDER BY first_seen, article_id", params)]


def mark_failed(db: Database, article_id: str, error: str, max_attempts: int) -> None:
    db._execute(
        "UPDATE article_ingest SET attempts = attempts + 1, last_error = ?,"
        " status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE status END WHERE article_id = ?",
        [error, max_attempts, article_id],
    )


def blocks_of_articles(db: Database, article_ids: Sequence[str], coder: str,
                       options: ClusterOptions) -> set[BlockKey]:
    if not article_ids:
        return set()
    rows = db._fetchall(
        f"SELECT type, {_dyad_sql('source')}, {_dyad_sql('target')}, negated FROM events WHERE coder = ?"
        f" AND article_id IN ({', '.join('?' for _ in article_ids)})", [coder, *article_ids]
    )
    keys = set()
    for type_, src, tgt, neg in rows:
        keys.add(block_key(Mention("", "", type_, src, tgt, None, "", bool(neg)), options))
    return keys


# --------------------------------------------------------------------------- canonical events


def refresh_blocks(db: Database, coder: str, keys: Iterable[BlockKey],
                   options: ClusterOptions) -> int:
    """Recluster from scratch the mentions of every (type, negation) family that a block
    of ``keys`` belongs to (mentions with a missing actor may join any block of their
    family); returns the canonical events written."""
    written = 0
    for type_, negated in sorted({(k[0], k[3]) for k in keys}):
        # One writer at a time per family (PostgreSQL); families in one order: no deadlock.
        db._lock_key(f"tocsin.canonical|{coder}|{type_}|{int(negated)}")
        rows = db._fetchall(
            f"SELECT e.event_id, e.article_id, e.type, {_dyad_sql('e.source')}, {_dyad_sql('e.target')},"
            " coalesce(e.date, ar.published), e.sentence, e.negated, (e.location).name,"
            " e.language, coalesce(ai.first_seen, ar.updated_at), coalesce(ai.story_id, e.article_id),"
            " ar.outlet, e.quad_class, (e.source).country, (e.target).country"
            " FROM events e JOIN articles ar ON ar.article_id = e.article_id"
            " LEFT JOIN article_ingest ai ON ai.article_id = e.article_id"
            " WHERE e.coder = ? AND e.type = ? AND e.negated = ?",
            [coder, type_, negated],
        )
        stories = sorted({r[11] for r in rows})
        outlets: dict[str, set[str]] = {}
        for start in range(0, len(stories), 1000):
            chunk = stories[start:start + 1000]
            for story, outlet in db._fetchall(
                "SELECT ai.story_id, ar.outlet FROM article_ingest ai"
                " JOIN articles ar ON ar.article_id = ai.article_id"
                f" WHERE ai.story_id IN ({', '.join('?' for _ in chunk)}) AND ar.outlet IS NOT NULL",
                chunk,
            ):
                outlets.setdefault(story, set()).add(outlet)
        mentions: list[Mention] = []
        extra: dict[str, tuple[int, str | None, str | None]] = {}
        for r in rows:
            mentions.append(Mention(
                event_id=r[0], article_id=r[1], type=r[2], source=r[3], target=r[4], date=r[5],
                sentence=r[6], negated=bool(r[7]), place=r[8], language=r[9], seen=r[10],
                outlets=tuple(sorted(outlets.get(r[11], set()) | ({r[12]} if r[12] else set()))),
            ))
            extra[r[0]] = (int(r[13]), r[14], r[15])
        family = [coder, type_, negated]
        db._execute(
            "DELETE FROM event_mentions WHERE coder = ? AND canonical_id IN"
            " (SELECT canonical_id FROM canonical_events WHERE coder = ? AND \"type\" = ? AND negated = ?)",
            [coder, *family],
        )
        db._execute('DELETE FROM canonical_events WHERE coder = ? AND "type" = ? AND negated = ?', family)
        db._execute(
            "DELETE FROM event_mentions WHERE coder = ? AND event_id IN"
            " (SELECT event_id FROM events WHERE coder = ? AND type = ? AND negated = ?)",
            [coder, *family],
        )
        found = cluster_mentions(mentions, options)
        _insert_canonical(db, found, coder, extra)
        written += len(found)
    return written


def _insert_canonical(db: Database, found: list[CanonicalEvent], coder: str,
                      extra: dict[str, tuple[int, str | None, str | None]]) -> None:
    """Insert canonical events and their mentions as two bulk inserts."""
    if not found:
        return
    rows: dict[str, list[Any]] = {k: [] for k in (
        "canonical_id", "block", "type", "source_code", "target_code", "source_country",
        "target_country", "negated", "quad_class", "first_date", "last_date", "first_seen",
        "n_mentions", "n_articles", "n_sources", "sources", "representative")}
    links: dict[str, list[str]] = {"event_id": [], "canonical_id": [], "article_id": []}
    symmetric = ClusterOptions().symmetric_types
    for c in found:
        # the earliest mention with both actors speaks for the event (quad class, countries)
        first = next((m for m in c.mentions if m.source and m.target), c.mentions[0])
        quad, src_country, tgt_country = extra[first.event_id]
        if c.type in symmetric and (first.source or "") != (c.source or ""):
            src_country, tgt_country = tgt_country, src_country
        for key, value in (
            ("canonical_id", c.canonical_id),
            ("block", block_name((c.type, c.source or "", c.target or "", c.negated))),
            ("type", c.type), ("source_code", c.source), ("target_code", c.target),
            ("source_country", src_country), ("target_country", tgt_country),
            ("negated", c.negated), ("quad_class", quad), ("first_date", c.first_date),
            ("last_date", c.last_date), ("first_seen", c.first_seen), ("n_mentions", c.n_mentions),
            ("n_articles", len(c.article_ids)), ("n_sources", len(c.sources)),
            ("sources", list(c.sources)), ("representative", c.mentions[0].event_id),
        ):
            rows[key].append(value)
        for m in c.mentions:
            links["event_id"].append(m.event_id)
            links["canonical_id"].append(c.canonical_id)
            links["article_id"].append(m.article_id)
    names = list(rows)
    db._insert_rows(
        "canonical_events", ["coder", *names],
        [(coder, *values) for values in zip(*(rows[k] for k in names), strict=True)],
        types=_CANONICAL_TYPES,
    )
    db._insert_rows(
        "event_mentions", ["event_id", "coder", "canonical_id", "article_id"],
        [(e, coder, c, a) for e, c, a in zip(
            links["event_id"], links["canonical_id"], links["article_id"], strict=True)],
    )


_CANONICAL_TYPES = {
    "source_code": pa.string(), "target_code": pa.string(), "source_country": pa.string(),
    "target_country": pa.string(), "quad_class": pa.int32(), "first_date": pa.date32(),
    "last_date": pa.date32(), "first_seen": pa.timestamp("us"), "sources": pa.list_(pa.string()),
    "n_mentions": pa.int32(), "n_articles": pa.int32(), "n_sources": pa.int32(),
}
