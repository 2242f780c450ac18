"""The storage interface every tocsin event database implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Self

from tocsin.records import Article, Event
from tocsin.store.filters import EventFilter


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


class Store(ABC):
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
    def close(self) -> None:
        """Release the database. Closing twice is harmless."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# --------------------------------------------------------------------------- ingest state
#
# Backends that follow sources (tocsin ingest / watch) implement the methods
# below; the defaults say the backend does not. Schema: migration 002
# (ingest_sources, article_ingest, fetch_failures, canonical_events,
# event_mentions), documented in docs/ingest.md.


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


def _no_ingest(store: object) -> NotImplementedError:
    return NotImplementedError(f"{type(store).__name__} does not keep ingest state")


def _ingest_method(name: str, doc: str) -> Any:
    def method(self: Store, *args: Any, **kwargs: Any) -> Any:
        raise _no_ingest(self)

    method.__name__ = name
    method.__doc__ = doc
    return method


for _name, _doc in (
    ("upsert_sources", "Register followed sources (name, url, kind, outlet, language, interval)."),
    ("source_states", "Every followed source and its polling state (list of SourceState)."),
    ("record_poll", "Record the outcome of one poll of a source."),
    ("ingest_record", "The IngestedArticle with this article id or canonical URL, or None."),
    ("store_ingested", "Store an article before coding, with its identity, in one transaction."),
    ("stored_signatures", "(article_id, story_id, MinHash bytes) of stored articles, oldest first."),
    ("pending_articles", "Articles stored but not coded yet (status pending), oldest first."),
    ("save_coded", "Store coded articles and events, mark them coded and recluster, atomically."),
    ("mark_coding_failed", "Count a failed coding attempt of a pending article."),
    ("record_fetch_failure", "Count a failed fetch of an entry page."),
    ("fetch_attempts", "How many times this page URL failed, and whether the last error was transient."),
    ("clear_fetch_failure", "Forget the failures of a page URL (it was fetched)."),
    ("canonical_events", "Canonical events (list of CanonicalEventRow), by first date."),
    ("rebuild_canonical_events", "Recluster every event of a coder version into canonical events."),
    ("ingest_counts", "Articles per status, pending queue length, canonical events and mentions."),
):
    setattr(Store, _name, _ingest_method(_name, _doc))
