"""Poll one source: fetch the feed or page, turn entries into articles, hand them to the Ingestor.

At-least-once fetching: a feed's validators (ETag, Last-Modified) are kept only
after a poll that handled every entry; when an entry page failed for a reason
that may pass (a timeout, a 5xx) or the poll was stopped half-way, the next
poll reads the whole feed again and fetches what is still missing (stored
entries are recognised by their canonical URL and skipped without a request).
An entry page that fails ``max_attempts`` times, or for good (404, wrong
content type, too large), falls back to the text the feed itself carries
when there is enough of it, and is otherwise given up with a logged error.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tocsin.dedup.urls import canonical_url
from tocsin.errors import InputError, TocsinError
from tocsin.ingest.errors import FetchError
from tocsin.ingest.feeds import FeedEntry, is_feed_type, parse_feed
from tocsin.ingest.fetch import Fetcher, FetchResult
from tocsin.ingest.pages import MIN_TEXT_CHARS, Page, extract_page, is_page_type
from tocsin.ingest.service import Ingestor
from tocsin.ingest.sources import Settings, Source
from tocsin.records import Article, SourceState
from tocsin.store.base import Store

__all__ = ["HostPacer", "PollReport", "Poller", "looks_like_feed"]

log = logging.getLogger("tocsin.watch")


class HostPacer:
    """Waits so that two requests to one host are at least ``delay`` seconds apart."""

    def __init__(self, delay: float, *, wait: Callable[[float], bool] | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.delay = delay
        self._last: dict[str, float] = {}
        self._clock = clock
        self._wait = wait or (lambda s: bool(time.sleep(s)))

    def wait(self, url: str) -> bool:
        """Wait for ``url``'s host; ``False`` when the wait was interrupted (stop requested)."""
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            remaining = last + self.delay - self._clock()
            if remaining > 0 and self._wait(remaining):
                return False
        self._last[host] = self._clock()
        return True


@dataclass(slots=True)
class PollReport:
    source: str
    status: str = "ok"               # ok | not_modified | error
    http_status: int | None = None
    entries: int = 0
    new: int = 0
    duplicates: int = 0
    known: int = 0
    errors: list[str] = field(default_factory=list)
    error: str | None = None         # why the poll itself failed
    transient: bool = True
    complete: bool = True            # every entry handled: validators may be kept
    etag: str | None = None
    last_modified: str | None = None
    elapsed: float = 0.0

    def line(self) -> str:
        if self.status == "error":
            return f"poll {self.source}: error: {self.error}"
        if self.status == "not_modified":
            return f"poll {self.source}: 304 not modified ({self.elapsed:.1f} s)"
        parts = [f"{self.http_status or '-'}", f"{self.entries} entries", f"{self.new} new",
                 f"{self.duplicates} reprints", f"{self.known} known", f"{len(self.errors)} errors"]
        tail = "" if self.complete else "; incomplete, the feed will be read again"
        return f"poll {self.source}: {', '.join(parts)} ({self.elapsed:.1f} s){tail}"


class Poller:
    """Fetches sources politely and stores what they hold."""

    def __init__(self, fetcher: Fetcher, ingestor: Ingestor, settings: Settings,
                 pacer: HostPacer, should_stop: Callable[[], bool] = lambda: False):
        self.fetcher = fetcher
        self.ingestor = ingestor
        self.settings = settings
        self.pacer = pacer
        self.should_stop = should_stop

    @property
    def store(self) -> Store:
        """The ingestor's store."""
        return self.ingestor.store

    def poll(self, source: Source, state: SourceState | None = None) -> PollReport:
        started = time.monotonic()
        report = PollReport(source=source.name)
        try:
            if source.kind == "feed":
                self._poll_feed(source, state, report)
            elif source.kind == "page":
                self._poll_page(source, state, report)
            else:
                self._poll_auto(source, state, report)
        except TocsinError as exc:
            report.status = "error"
            report.error = f"{exc} [{exc.code}]"
            report.transient = getattr(exc, "transient", False)
            report.complete = False
        report.elapsed = time.monotonic() - started
        return report

    # ------------------------------------------------------------------ feeds

    def _poll_feed(self, source: Source, state: SourceState | None, report: PollReport) -> None:
        result = self._fetch_source(source, state, report, feed=True)
        if result is not None:
            self._handle_feed(source, result, report)

    def _fetch_source(self, source: Source, state: SourceState | None, report: PollReport,
                      *, feed: bool | None) -> FetchResult | None:
        """The source's own URL, conditionally; ``None`` when stopped or not modified."""
        if not self.pacer.wait(source.url):
            report.complete = False
            return None
        if feed is True:
            accept, expect, expected = _FEED_ACCEPT, is_feed_type, _FEED_EXPECTED
        elif feed is False:
            accept, expect, expected = _PAGE_ACCEPT, is_page_type, _PAGE_EXPECTED
        else:
            accept, expect, expected = f"{_FEED_ACCEPT}, {_PAGE_ACCEPT}", _feed_or_page, \
                f"{_FEED_EXPECTED} or {_PAGE_EXPECTED}"
        result = self.fetcher.fetch(
            source.url, etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
            accept=accept, expect=expect, expected=expected,
        )
        report.http_status, report.etag, report.last_modified = result.status, result.etag, result.last_modified
        if result.not_modified:
            report.status = "not_modified"
            return None
        return result

    def _handle_feed(self, source: Source, result: FetchResult, report: PollReport) -> None:
        feed = parse_feed(result.body, result.url)
        entries = feed.entries[: self.settings.max_entries]
        report.entries = len(entries)
        for entry in entries:
            if self.should_stop():
                report.complete = False
                return
            self._entry(source, entry, report)

    def _entry(self, source: Source, entry: FeedEntry, report: PollReport) -> None:
        if not entry.link:
            if len(entry.text) >= MIN_TEXT_CHARS:
                self._add(source, self._article(source, entry, None, None), report)
            else:
                report.errors.append("an entry without a link or text")
            return
        try:
            canon = canonical_url(entry.link)
        except ValueError:
            report.errors.append(f"{entry.link}: not a valid URL")
            return
        if self.ingestor.is_known_url(canon):
            report.known += 1
            return
        page: Page | None = None
        if source.fetch_pages:
            attempts, _ = self.store.fetch_attempts(canon)
            if attempts < self.settings.max_attempts:
                if not self.pacer.wait(entry.link):
                    report.complete = False
                    return
                try:
                    page = self._page(entry.link)
                    if attempts:
                        self.store.clear_fetch_failure(canon)
                except TocsinError as exc:
                    transient = isinstance(exc, FetchError) and exc.transient
                    message = f"{exc} [{exc.code}]"
                    n = self.store.record_fetch_failure(
                        canon, source.name, message, transient=transient,
                        at_least=1 if transient else self.settings.max_attempts)
                    report.errors.append(message)
                    if transient:
                        log.warning("page %s (from %s): %s; attempt %d of %d", entry.link,
                                    source.name, message, n, self.settings.max_attempts)
                    else:
                        log.warning("page %s (from %s): %s; given up", entry.link, source.name,
                                    message)
                    if transient and n < self.settings.max_attempts:
                        report.complete = False
                        return
        if page is None and len(entry.text) < MIN_TEXT_CHARS:
            if not source.fetch_pages:
                report.errors.append(f"{entry.link}: the feed gives too little text and fetch_pages is off")
            return
        self._add(source, self._article(source, entry, page, canon), report)

    def _page(self, url: str) -> Page:
        fetched = self.fetcher.fetch(url, accept=_PAGE_ACCEPT, expect=is_page_type,
                                     expected=_PAGE_EXPECTED)
        try:
            return extract_page(fetched.body, fetched.url, fetched.charset)
        except TocsinError:
            raise
        except Exception as exc:  # noqa: BLE001 - a page that breaks the extractor is its own problem
            raise InputError(f"cannot read the page: {exc.__class__.__name__}: {exc}",
                             source=url) from exc

    @staticmethod
    def _article(source: Source, entry: FeedEntry, page: Page | None, url: str | None) -> Article:
        text = page.text if page is not None else entry.text
        title = entry.title or (page.title if page else None)
        published = entry.published or (page.published if page else None)
        return Article(id=Article.make_id(text, url), text=text, title=title, published=published,
                       url=url, language=source.language, outlet=source.outlet,
                       origin=url or source.url)

    def _add(self, source: Source, article: Article, report: PollReport) -> None:
        result = self.ingestor.add(article, source_name=source.name)
        if result.status == "new":
            report.new += 1
        elif result.status == "duplicate":
            report.duplicates += 1
            log.info("reprint: %s is story %s (similarity %.2f)", article.url or article.id,
                     result.story_id, result.similarity)
        else:
            report.known += 1

    # ------------------------------------------------------------------ pages

    def _poll_page(self, source: Source, state: SourceState | None, report: PollReport) -> None:
        result = self._fetch_source(source, state, report, feed=False)
        if result is not None:
            self._handle_page(source, result, report)

    def _handle_page(self, source: Source, result: FetchResult, report: PollReport) -> None:
        page = extract_page(result.body, result.url, result.charset)
        report.entries = 1
        url = canonical_url(source.url)
        article = Article(id=Article.make_id(page.text, url), text=page.text, title=page.title,
                          published=page.published, url=url, language=source.language,
                          outlet=source.outlet, origin=source.url)
        self._add(source, article, report)

    def _poll_auto(self, source: Source, state: SourceState | None, report: PollReport) -> None:
        """A URL of unknown kind (``tocsin ingest URL``): a feed or a page, by what comes back."""
        result = self._fetch_source(source, state, report, feed=None)
        if result is None:
            return
        if looks_like_feed(result.content_type, result.body):
            self._handle_feed(source, result, report)
        else:
            self._handle_page(source, result, report)


_FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"
_FEED_EXPECTED = "an RSS or Atom feed (application/rss+xml, …/xml)"
_PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9"
_PAGE_EXPECTED = "an HTML page (text/html)"


def _feed_or_page(media_type: str) -> bool:
    return is_feed_type(media_type) or is_page_type(media_type)


def looks_like_feed(media_type: str, body: bytes) -> bool:
    """A feed by its type, or, for ambiguous types, by its first element."""
    if "html" in media_type:
        return False
    if any(t in media_type for t in ("rss", "atom", "rdf")):
        return True
    head = body[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
