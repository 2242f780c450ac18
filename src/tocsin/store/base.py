"""The storage interface every tocsin event database implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from datetime import date as date_type
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from tocsin.records import Alert, Article, Event, SeriesPoint
from tocsin.store.filters import EventFilter

if TYPE_CHECKING:
    from tocsin.store.series_sql import SeriesQuery


@dataclass(frozen=True, slots=True)
class DyadRow:
    """Events of one (source country, target country) pair.

    ``quad_counts[i]`` is the number of events of quad class ``i + 1`` (1 verbal
    cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
    A country is ``None`` when the actor is missing or has no country (an IGO).
    """

    source_country: str | None
    target_country: str | None
    n_events: int
    quad_counts: tuple[int, int, int, int]
    mean_goldstein: float | None


@dataclass(frozen=True, slots=True)
class RunInfo:
    """One coding run as recorded in the database."""

    run_id: str
    started_at: datetime
    finished_at: datetime | None
    coder: str
    tocsin_version: str
    args: dict[str, Any]
    n_articles: int | None
    n_events: int | None
    n_failed: int | None


@dataclass(frozen=True, slots=True)
class AppliedMigration:
    """One migration recorded in a database's ``schema_migrations`` table."""

    version: int
    name: str
    applied_at: datetime

    @property
    def label(self) -> str:
        return f"{self.version:03d}_{self.name}"


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    """Where a database's schema stands, and what it holds (``tocsin db status``).

    ``version`` is the highest migration applied (0 for none), ``latest`` the
    highest this tocsin knows; ``pending`` holds the labels (``002_name``) of the
    migrations ``tocsin db migrate`` would apply. The counts are ``None`` while
    the schema is missing or incomplete.
    """

    backend: str
    location: str
    version: int
    latest: int
    applied: tuple[AppliedMigration, ...]
    pending: tuple[str, ...]
    n_runs: int | None
    n_articles: int | None
    n_events: int | None

    @property
    def up_to_date(self) -> bool:
        return not self.pending and self.version <= self.latest


class IngestState:
    """What a store needs to follow sources (``tocsin ingest`` / ``watch``).

    :class:`Store` inherits these; a backend without the ingest tables leaves
    them raising ``NotImplementedError``. Both SQL stores implement them all
    (``SQLStore`` in ``store/sql.py``, SQL in ``store/ingest_sql.py``).
    """

    def _no_ingest(self) -> NotImplementedError:
        return NotImplementedError(f"{type(self).__name__} does not keep ingest state")

    def upsert_sources(self, rows: Any) -> None:
        """Register followed sources: (name, url, kind, outlet, language, interval) rows."""
        raise self._no_ingest()

    def source_states(self) -> list[Any]:
        """Every followed source and its polling state (``SourceState`` records)."""
        raise self._no_ingest()

    def record_poll(self, name: str, **outcome: Any) -> None:
        """Record the outcome of one poll of a source (and its next poll time)."""
        raise self._no_ingest()

    def ingest_record(self, **key: str | None) -> Any:
        """The ``IngestedArticle`` with this ``article_id``, ``canonical_url`` or ``content_hash``."""
        raise self._no_ingest()

    def ingest_records(self, field: str, values: Sequence[str]) -> dict[str, Any]:
        """``IngestedArticle`` records by ``field`` value (a bulk :meth:`ingest_record`)."""
        raise self._no_ingest()

    def store_ingested(self, article: Article, record: Any, **options: Any) -> bool:
        """Store an article before coding, with its identity, in one transaction."""
        raise self._no_ingest()

    def store_ingested_many(self, items: Sequence[tuple[Article, Any]], **options: Any) -> list[bool]:
        """Store many articles before coding, with their identities, in one transaction."""
        raise self._no_ingest()

    def stored_signatures(self, since: datetime | None = None) -> list[tuple[str, str, bytes]]:
        """(article_id, story_id, MinHash bytes) of articles stored since ``since``, oldest first."""
        raise self._no_ingest()

    def pending_articles(self, limit: int | None = None) -> list[Article]:
        """Articles stored but not coded yet (status ``pending``), oldest first."""
        raise self._no_ingest()

    def save_coded(self, items: Sequence[tuple[Article, list[Event]]], **options: Any) -> None:
        """Store coded articles and events, mark them coded and recluster, atomically."""
        raise self._no_ingest()

    def mark_coding_failed(self, article_id: str, error: str, **options: Any) -> None:
        """Count a failed coding attempt of a pending article."""
        raise self._no_ingest()

    def requeue_failed(self) -> int:
        """Put the articles whose coding failed back in the queue; returns how many."""
        raise self._no_ingest()

    def record_fetch_failure(self, url: str, source_name: str | None, error: str,
                             **options: Any) -> int:
        """Count a failed fetch of an entry page; returns the number of failures."""
        raise self._no_ingest()

    def fetch_attempts(self, url: str) -> tuple[int, bool]:
        """How many times this page URL failed, and whether the last failure was transient."""
        raise self._no_ingest()

    def clear_fetch_failure(self, url: str) -> None:
        """Forget the failures of a page URL (it was fetched)."""
        raise self._no_ingest()

    def canonical_events(self, **criteria: Any) -> list[CanonicalEventRow]:
        """Canonical events, by first date."""
        raise self._no_ingest()

    def rebuild_canonical_events(self, coder: str, **options: Any) -> int:
        """Recluster every event of a coder version into canonical events."""
        raise self._no_ingest()

    def ingest_counts(self) -> dict[str, int]:
        """Articles per status, stories, events, mentions and canonical events."""
        raise self._no_ingest()


class Store(IngestState, ABC):
    """An event database.

    Writes are idempotent per article and coder version: :meth:`save_article`
    replaces the events an article had from the same coder version, in one
    transaction. Usable as a context manager; leaving the block closes it.
    """

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the database lives (a file path), for messages."""

    @abstractmethod
    def begin_run(self, args: dict[str, Any], coder: str) -> str:
        """Record the start of a coding run and return its id."""

    @abstractmethod
    def finish_run(self, run_id: str, n_articles: int, n_events: int, n_failed: int) -> None:
        """Record the end of run ``run_id`` and its counts."""

    @abstractmethod
    def runs(self) -> list[RunInfo]:
        """All recorded runs, oldest first."""

    @abstractmethod
    def save_article(
        self, article: Article, events: list[Event], *, coder: str, run_id: str
    ) -> None:
        """Store ``article`` and its ``events`` from coder version ``coder``, atomically.

        Upserts the article, deletes the article's events from the same coder
        version and inserts ``events``. On any failure nothing changes. Every
        event must belong to ``article`` and carry ``coder`` (``ValueError``).
        """

    def save_articles(
        self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str
    ) -> None:
        """Store several articles and their events in one transaction (faster for big runs).

        All or nothing: on a failure none of ``items`` is stored. The default stores
        them one by one; backends override it with a single transaction.
        """
        for article, events in items:
            self.save_article(article, events, coder=coder, run_id=run_id)

    def save_articles_bulk(
        self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str
    ) -> None:
        """Like :meth:`save_articles`, for large imports: backends write whole batches at once."""
        self.save_articles(items, coder=coder, run_id=run_id)

    @abstractmethod
    def query(self, f: EventFilter | None = None) -> list[Event]:
        """Events matching ``f``, ordered by date, article id, sentence index."""

    @abstractmethod
    def count_events(self, f: EventFilter | None = None) -> int:
        """How many events match ``f``, ignoring ``f.limit``."""

    @abstractmethod
    def articles(self) -> list[Article]:
        """All stored articles, ordered by id."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None:
        """One stored article, or ``None``."""

    @abstractmethod
    def dyad_summary(self, f: EventFilter | None = None) -> list[DyadRow]:
        """Matching events grouped by (source country, target country), largest first."""

    @abstractmethod
    def migrate(self) -> list[AppliedMigration]:
        """Apply the migrations this database lacks, in order; returns those applied now.

        Stores apply them when opened; this is for a store opened with
        ``migrate=False`` (``tocsin db migrate``).
        """

    @abstractmethod
    def schema_version(self) -> int:
        """The highest migration applied to this database (0 for none)."""

    @abstractmethod
    def schema_status(self) -> SchemaStatus:
        """Schema version, applied and pending migrations, and row counts."""

    @abstractmethod
    def close(self) -> None:
        """Release the database. Closing twice is harmless."""

    # ------------------------------------------------ dyad series and alerts
    # Default methods so that a backend without them still opens; both SQL
    # stores implement them all (``SQLStore``).

    def series_points(self, q: SeriesQuery) -> list[SeriesPoint]:
        """Non-empty periods of the dyad (or of every country pair) ``q`` selects.

        Ordered by dyad then period; see :mod:`tocsin.store.series_sql`.
        """
        raise NotImplementedError(f"{type(self).__name__} does not compute dyad series")

    def event_date_range(self) -> tuple[date | None, date | None]:
        """The earliest and latest event date stored (``None`` when no event has a date)."""
        found = [e.date for e in self.query() if e.date is not None]
        return (min(found), max(found)) if found else (None, None)

    def events_by_id(self, event_ids: Sequence[str]) -> list[Event]:
        """The events with these ids (any coder version), in the order given; unknown ids skipped."""
        raise NotImplementedError(f"{type(self).__name__} does not read events by id")

    def save_alerts(self, alerts: Sequence[Alert]) -> list[Alert]:
        """Store ``alerts``; return only those whose id was not stored yet.

        An alert id already stored keeps its row and its state (no re-raising).
        """
        raise NotImplementedError(f"{type(self).__name__} does not store alerts")

    def alerts(
        self, *, state: str | None = None, since: date | None = None, limit: int | None = None
    ) -> list[Alert]:
        """Stored alerts, newest window first, then strongest; ``since`` bounds the window end."""
        raise NotImplementedError(f"{type(self).__name__} does not store alerts")

    def alert(self, alert_id: str) -> Alert | None:
        """One stored alert, or ``None``."""
        raise NotImplementedError(f"{type(self).__name__} does not store alerts")

    def set_alert_state(self, alert_id: str, state: str) -> Alert:
        """Mark an alert new, seen or dismissed (``KeyError`` unknown id, ``ValueError`` bad state)."""
        raise NotImplementedError(f"{type(self).__name__} does not store alerts")

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -------------------------------------------------------------- web reads
    # Paged and single-record reads used by the REST API and the dashboard
    # (tocsin.web). These defaults work on any backend through ``query`` and
    # ``articles``; both SQL stores override them with SQL (``SQLStore``).

    def events_page(
        self, f: EventFilter | None = None, *, after: EventPageKey | None = None,
        sectors: Sequence[str] = (), limit: int = 50,
    ) -> list[Event]:
        """Events matching ``f`` (its ``limit`` ignored), newest first, after ``after``.

        ``sectors``: only events whose source or target has one of these sectors.
        """
        wanted = tuple(s.upper() for s in sectors)
        found = [
            e for e in self.query(replace(f or EventFilter(), limit=None))
            if not wanted or _sector_match(e, wanted)
        ]
        found.sort(key=lambda e: EventPageKey.of(e).sort_tuple())
        if after is not None:
            mark = after.sort_tuple()
            found = [e for e in found if EventPageKey.of(e).sort_tuple() > mark]
        return found[:limit]

    def event(self, event_id: str) -> Event | None:
        """One event by id (the newest coder version when several coded it), or ``None``."""
        found = [e for e in self.query() if e.event_id == event_id]
        found.sort(key=lambda e: e.coder, reverse=True)
        return found[0] if found else None

    def related_events(self, event: Event, *, days: int = 1, limit: int = 20) -> list[Event]:
        """Other mentions of what may be the same happening as ``event``.

        Events of the same type between the same two actor codes (either
        direction), dated within ``days`` of it, from any article, except
        ``event`` itself; an undated event matches undated events of its article.
        """
        return [e for e in self.query() if _related(event, e, days)][:limit]

    def daily_counts(self, f: EventFilter | None = None) -> list[tuple[date_type, int]]:
        """How many dated events match ``f`` on each day, oldest first."""
        counts: dict[date_type, int] = {}
        for e in self.query(replace(f or EventFilter(), limit=None)):
            if e.date is not None:
                counts[e.date] = counts.get(e.date, 0) + 1
        return sorted(counts.items())

    def articles_page(self, *, after: str | None = None, limit: int = 50) -> list[ArticleRow]:
        """Articles ordered by id, those after id ``after``, with their event counts."""
        rows = []
        for a in self.articles():
            if after is not None and a.id <= after:
                continue
            n = self.count_events(EventFilter(article_ids=(a.id,)))
            rows.append(ArticleRow(a.id, a.title, a.published, a.url, a.language, a.outlet, n))
            if len(rows) >= limit:
                break
        return rows

    def outlets(self) -> list[OutletRow]:
        """Outlets of the stored articles, most articles first."""
        seen: dict[str | None, tuple[int, date_type | None]] = {}
        for a in self.articles():
            n, latest = seen.get(a.outlet, (0, None))
            if a.published is not None and (latest is None or a.published > latest):
                latest = a.published
            seen[a.outlet] = (n + 1, latest)
        rows = [OutletRow(k, n, latest) for k, (n, latest) in seen.items()]
        rows.sort(key=lambda r: (-r.n_articles, r.outlet or ""))
        return rows

    def reader(self) -> Store:
        """A handle on this database for reading from another thread.

        Backends whose connections must not be shared between threads override
        it; the default is the store itself.
        """
        return self


@dataclass(frozen=True, slots=True)
class EventPageKey:
    """Where a page of events (newest first) stops: the sort key of its last event.

    Pages are ordered by date, newest first (undated events last), then article
    id, sentence index, event id and coder, so the key is unique and stable.
    """

    date: date_type | None
    article_id: str
    sentence_index: int
    event_id: str
    coder: str

    @classmethod
    def of(cls, event: Event) -> EventPageKey:
        return cls(event.date, event.article_id, event.sentence_index, event.event_id, event.coder)

    def sort_tuple(self) -> tuple[int, str, int, str, str]:
        ordinal = self.date.toordinal() if self.date is not None else 0
        return (-ordinal, self.article_id, self.sentence_index, self.event_id, self.coder)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article without its text, with how many events it has."""

    article_id: str
    title: str | None
    published: date_type | None
    url: str | None
    language: str | None
    outlet: str | None
    n_events: int


@dataclass(frozen=True, slots=True)
class OutletRow:
    """One outlet (where articles come from) and what the database holds from it."""

    outlet: str | None
    n_articles: int
    latest: date_type | None


def _sector_match(event: Event, sectors: tuple[str, ...]) -> bool:
    return any(a is not None and a.sector in sectors for a in (event.source, event.target))


def _actor_codes(event: Event) -> tuple[str | None, str | None]:
    codes = sorted((a.code if a else "") or "" for a in (event.source, event.target))
    return codes[0], codes[1]


def _related(event: Event, other: Event, days: int) -> bool:
    if other.event_id == event.event_id or other.type != event.type:
        return False
    if _actor_codes(other) != _actor_codes(event):
        return False
    if event.date is None or other.date is None:
        return event.date is None and other.date is None and other.article_id == event.article_id
    return abs((other.date - event.date).days) <= days


# --------------------------------------------------------------------------- ingest state
# Schema: migration 002 (ingest_sources, article_ingest, fetch_failures,
# canonical_events, event_mentions), documented in docs/ingest.md; the methods
# are on :class:`IngestState`, which :class:`Store` inherits.


@dataclass(frozen=True, slots=True)
class CanonicalEventRow:
    """One real-world event: a cluster of event mentions (see :mod:`tocsin.dedup.events`).

    Count dyads by events with one row per canonical event, or by mentions with
    ``n_mentions`` (event rows) — both are kept.
    """

    canonical_id: str
    coder: str
    type: str
    source_code: str | None
    target_code: str | None
    source_country: str | None
    target_country: str | None
    negated: bool
    quad_class: int
    first_date: Any
    last_date: Any
    first_seen: datetime | None
    n_mentions: int
    n_articles: int
    n_sources: int
    sources: tuple[str, ...]
    representative: str
    #: event ids of every mention, in date order
    event_ids: tuple[str, ...]


