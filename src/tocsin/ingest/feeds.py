"""RSS and Atom feeds: bytes in, :class:`FeedEntry` records out.

The XML is first parsed with defusedxml, which refuses entity declarations
(the "billion laughs" and external-entity attacks) and external references;
only a document that passes is handed to feedparser. A document that is not
well-formed XML, or whose root is not ``rss``, ``feed`` (Atom) or ``RDF``
(RSS 1.0), is a :class:`~tocsin.ingest.errors.FeedError`.
"""

from __future__ import annotations

import calendar
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import defusedxml
import defusedxml.ElementTree as SafeET
import feedparser
import lxml.etree
import lxml.html

from tocsin.ingest.decode import normalize_text
from tocsin.ingest.errors import FeedError

__all__ = ["Feed", "FeedEntry", "html_to_text", "is_feed_type", "parse_feed"]

_FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
_FEED_TYPES = ("xml", "rss", "atom", "rdf")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed."""

    link: str | None
    title: str | None
    published: date | None
    #: the entry's own text (content or summary), as plain text
    text: str
    author: str | None = None
    guid: str | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def is_feed_type(media_type: str) -> bool:
    """Whether a Content-Type can hold a feed (``application/rss+xml``, ``text/xml``…)."""
    return any(t in media_type for t in _FEED_TYPES) or media_type in ("", "text/plain")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries are HTML); paragraphs on their own lines."""
    fragment = fragment.strip()
    if not fragment:
        return ""
    if "<" not in fragment:
        return normalize_text(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return ""
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return normalize_text("\n".join(line for line in lines if line))


def _check_xml(body: bytes, url: str) -> None:
    try:
        root = SafeET.fromstring(body, forbid_dtd=False, forbid_entities=True,
                                 forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise FeedError(f"refused: the feed declares XML entities or external references ({exc})",
                        source=url) from None
    except ET.ParseError as exc:
        raise FeedError(f"malformed feed: not well-formed XML ({exc})", source=url) from None
    tag = root.tag.rsplit("}", 1)[-1].lower()
    if tag not in _FEED_ROOTS:
        raise FeedError(f"not an RSS or Atom feed (root element <{tag}>)", source=url)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)  # plain lookup: no feedparser fallback (and its warning)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC).date()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _entry_text(entry: Any) -> str:
    best = ""
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    if len(summary) > len(best):
        best = summary
    return html_to_text(best)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return normalize_text(value) if value else None


def parse_feed(body: bytes, url: str) -> Feed:
    """Entries of the feed in ``body`` (fetched from ``url``), in document order."""
    if not body.strip():
        raise FeedError("empty feed", source=url)
    _check_xml(body, url)
    parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=True,
                              response_headers={"content-location": url})
    if not parsed.get("entries") and parsed.get("bozo"):
        raise FeedError(f"malformed feed: {parsed.get('bozo_exception')}", source=url)
    entries = []
    for entry in parsed.get("entries", []):
        link = _clean(entry.get("link"))
        entries.append(FeedEntry(
            link=link,
            title=_clean(html_to_text(entry.get("title") or "")),
            published=_entry_date(entry),
            text=_entry_text(entry),
            author=_clean(entry.get("author")),
            guid=_clean(entry.get("id")),
        ))
    return Feed(title=_clean(parsed.get("feed", {}).get("title")), entries=tuple(entries))
