"""Web pages: HTML bytes in, title, publication date, author and body text out.

Decoding: the charset of the ``Content-Type`` header, else a ``<meta charset>``
in the first bytes, else :func:`tocsin.ingest.decode.decode_bytes` (UTF-8,
Windows-1252, charset-normalizer). Extraction: trafilatura, which drops menus,
footers and comments and reads the metadata (``og:``/``article:`` tags,
JSON-LD, bylines). A page with no article text is an error naming the URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura

from tocsin.errors import InputError, TocsinError
from tocsin.ingest.decode import decode_bytes, normalize_text
from tocsin.ingest.errors import FetchError

__all__ = ["MIN_TEXT_CHARS", "Page", "decode_html", "extract_page", "is_page_type"]

#: Bodies shorter than this are not taken for an article.
MIN_TEXT_CHARS = 80
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    title: str | None
    published: date | None
    author: str | None
    text: str
    language: str | None = None


def is_page_type(media_type: str) -> bool:
    return media_type in _PAGE_TYPES


def decode_html(body: bytes, url: str, charset: str | None = None) -> str:
    """The text of an HTML document; see the module documentation for the order."""
    declared = charset
    if declared is None:
        match = _META_CHARSET.search(body[:4096])
        if match:
            declared = match.group(1).decode("ascii", "replace").lower()
    if declared:
        try:
            return normalize_text(body.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    try:
        return decode_bytes(body, url)
    except TocsinError as exc:
        raise type(exc)(f"{exc.message} (page at {url})", source=url) from None


def _date(value: object) -> date | None:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def extract_page(body: bytes, url: str, charset: str | None = None) -> Page:
    """Title, date, author and body of the article in ``body`` (fetched from ``url``)."""
    html = decode_html(body, url, charset)
    if "<" not in html:
        raise InputError("not an HTML page (no markup)", source=url)
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          include_comments=False, include_tables=False)
    except (ValueError, TypeError, RecursionError) as exc:
        raise FetchError(f"cannot extract the article: {exc}", source=url) from None
    text = normalize_text(getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < MIN_TEXT_CHARS:
        raise InputError(
            f"no article text found in the page ({len(text)} characters extracted)", source=url
        )
    title = (getattr(doc, "title", None) or "").strip() or None
    author = (getattr(doc, "author", None) or "").strip() or None
    language = (getattr(doc, "language", None) or "").strip().lower()[:2] or None
    return Page(url=url, title=normalize_text(title) if title else None,
                published=_date(getattr(doc, "date", None)), author=author, text=text,
                language=language)
