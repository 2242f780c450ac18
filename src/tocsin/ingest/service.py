"""Store articles before coding them, with their identity; code the queue.

    Article ──identity──▶ new story (pending) | reprint of a story (duplicate) | already stored
            ──store_ingested (one transaction)──▶ articles + article_ingest
    pending ──Engine──▶ events ──save_coded (one transaction)──▶ events, status coded,
                                                                 canonical events rebuilt

:class:`Ingestor` is what ``tocsin ingest`` and ``tocsin watch`` share. Writes
are exactly-once: an article's id is a hash of its canonical URL (or of its
text when it has none), storing an id twice is a no-op, and marking an article
coded happens in the transaction that stores its events, so an interruption at
any point leaves either the article pending (it is coded on the next run) or
coded, never both nor neither.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from datasketch import MinHash

from tocsin.dedup.articles import (
    NEAR_DUPLICATE_THRESHOLD,
    NearDuplicateIndex,
    content_hash,
    minhash_signature,
    signature_from_bytes,
    signature_to_bytes,
)
from tocsin.dedup.events import ClusterOptions
from tocsin.dedup.urls import canonical_url
from tocsin.errors import TocsinError
from tocsin.records import Article, IngestedArticle, InputProblem
from tocsin.store.base import Store
from tocsin.version import CODER_NAME

if TYPE_CHECKING:
    from tocsin.pipeline import Engine

__all__ = ["REPRINT_DAYS", "AddResult", "CodingStats", "Ingestor"]

log = logging.getLogger("tocsin.ingest")

#: Reprints are looked for among the articles stored in the last this many days
#: (the near-duplicate index is held in memory: about 1 KB per article).
REPRINT_DAYS = 30.0


@dataclass(frozen=True, slots=True)
class AddResult:
    """What became of one article handed to :meth:`Ingestor.add`."""

    status: Literal["new", "duplicate", "known"]
    article_id: str
    story_id: str
    similarity: float = 1.0


@dataclass(slots=True)
class CodingStats:
    articles: int = 0
    events: int = 0
    failed: int = 0


class Ingestor:
    """Identity, storage and coding of incoming articles, over one store."""

    def __init__(self, store: Store, *, coder: str = CODER_NAME,
                 threshold: float = NEAR_DUPLICATE_THRESHOLD,
                 cluster_options: ClusterOptions | None = None, max_attempts: int = 3,
                 reprint_days: float | None = REPRINT_DAYS):
        self.store = store
        self.coder = coder
        self.cluster_options = cluster_options or ClusterOptions()
        self.max_attempts = max_attempts
        self.index = NearDuplicateIndex(threshold)
        self._story_of: dict[str, str] = {}
        since = None
        if reprint_days is not None:
            since = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=reprint_days)
        for article_id, story_id, data in store.stored_signatures(since):
            self.index.add(article_id, signature_from_bytes(data))
            self._story_of[article_id] = story_id

    # ------------------------------------------------------------------ identity

    def is_known_url(self, url: str) -> bool:
        """Whether an article with this URL (canonically) is stored already."""
        return self.store.ingest_record(canonical_url=canonical_url(url)) is not None

    def add(self, article: Article, *, source_name: str | None = None) -> AddResult:
        """Store ``article`` uncoded (or as a reprint of a stored story), once."""
        return self.add_many([article], source_name=source_name)[0]

    def add_many(self, articles: Sequence[Article], *,
                 source_name: str | None = None) -> list[AddResult]:
        """Store ``articles`` in one transaction; each is checked against the stored ones and
        the ones before it, so duplicates within the batch are recognised too."""
        results: list[AddResult | None] = []
        pending: list[tuple[Article, IngestedArticle, MinHash]] = []
        prepared = []
        for article in articles:
            canonical = canonical_url(article.url) if article.url else None
            if canonical is not None:
                article = replace(article, id=Article.make_id(article.text, canonical), url=canonical)
            prepared.append((article, canonical, content_hash(article.full_text)))
        # what is stored already, in three queries; then what this batch adds, as it goes
        batch_ids = self.store.ingest_records("article_id", [a.id for a, _, _ in prepared])
        batch_urls = self.store.ingest_records("canonical_url", [u for _, u, _ in prepared if u])
        batch_hashes = self.store.ingest_records("content_hash", [h for _, _, h in prepared])
        for article, canonical, digest in prepared:
            existing = batch_ids.get(article.id)
            if existing is None and canonical is not None:
                existing = batch_urls.get(canonical)
            if existing is not None:
                results.append(AddResult("known", existing.article_id, existing.story_id,
                                         existing.similarity))
                continue
            signature = minhash_signature(article.text)
            same = batch_hashes.get(digest)
            story, similarity = article.id, 1.0
            if same is not None:
                story = same.story_id
            else:
                match = self.index.best_match(signature)
                if match is not None:
                    story, similarity = self._story_of.get(match.key, match.key), match.similarity
            record = IngestedArticle(
                article_id=article.id, content_hash=digest, story_id=story,
                status="pending" if story == article.id else "duplicate", canonical_url=canonical,
                similarity=round(similarity, 4), source_name=source_name or article.origin,
                minhash=signature_to_bytes(signature),
            )
            batch_ids[article.id] = record
            if canonical is not None:
                batch_urls[canonical] = record
            batch_hashes.setdefault(digest, record)
            self.index.add(article.id, signature)
            self._story_of[article.id] = story
            pending.append((article, record, signature))
            results.append(None)
        added = self.store.store_ingested_many(
            [(a, r) for a, r, _ in pending], coder=self.coder, cluster_options=self.cluster_options)
        done = iter(zip(pending, added, strict=True))
        out: list[AddResult] = []
        for result in results:
            if result is not None:
                out.append(result)
                continue
            (article, record, _), new = next(done)
            status = ("new" if record.status == "pending" else "duplicate") if new else "known"
            out.append(AddResult(status, article.id, record.story_id, record.similarity))
        return out

    def add_all(self, items: Iterable[Article | InputProblem], *, source_name: str | None = None,
                on_problem: Callable[[InputProblem], None] | None = None,
                batch_size: int = 256) -> list[AddResult]:
        """Store a stream of articles, ``batch_size`` per transaction; problems go to ``on_problem``."""
        results: list[AddResult] = []
        batch: list[Article] = []
        for item in items:
            if isinstance(item, InputProblem):
                if on_problem is not None:
                    on_problem(item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                results.extend(self.add_many(batch, source_name=source_name))
                batch = []
        if batch:
            results.extend(self.add_many(batch, source_name=source_name))
        return results

    # ------------------------------------------------------------------ coding

    def pending(self) -> int:
        return self.store.ingest_counts()["articles_pending"]

    def code_pending(self, engine: Engine, run_id: str, *, batch_size: int = 32,
                     should_stop: Callable[[], bool] = lambda: False,
                     on_problem: Callable[[InputProblem], None] | None = None,
                     on_batch: Callable[[CodingStats], None] | None = None) -> CodingStats:
        """Code every pending article, a batch per transaction, until none is left;
        ``on_batch`` sees the running totals after each batch (progress bars)."""
        stats = CodingStats()
        while not should_stop():
            batch = self.store.pending_articles(limit=batch_size)
            if not batch:
                break
            coded = []
            for outcome in engine.code(batch):
                if outcome.problem is not None:
                    stats.failed += 1
                    problem = outcome.problem
                    if on_problem is not None:
                        on_problem(problem)
                    if problem.article_id:
                        self.store.mark_coding_failed(
                            problem.article_id, str(problem), max_attempts=1)
                    continue
                assert outcome.article is not None
                # keep the stored article as it was: the engine only fills the language in
                coded.append((outcome.article, list(outcome.events)))
            try:
                self.store.save_coded(coded, coder=self.coder, run_id=run_id,
                                      cluster_options=self.cluster_options)
            except TocsinError:
                for article, _ in coded:
                    self.store.mark_coding_failed(article.id, "could not store its events",
                                                  max_attempts=self.max_attempts)
                raise
            stats.articles += len(coded)
            stats.events += sum(len(e) for _, e in coded)
            if on_batch is not None:
                on_batch(stats)
        return stats
