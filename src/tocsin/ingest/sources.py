"""The sources file: which feeds and pages to follow, and how politely.

A TOML file with an optional ``[settings]`` table and one ``[[source]]`` table
per feed or page (see docs/ingest.md and examples/sources.toml)::

    [settings]
    politeness_delay = 2.0       # seconds between two requests to one host
    allow_private = false        # fetch from private/loopback addresses (intranets, tests)

    [[source]]
    name = "ria-fr"              # unique; defaults to the URL
    url = "https://example.org/rss.xml"
    kind = "feed"                # feed | page | auto (decided by what the URL returns)
    outlet = "Example News"
    language = "fr"              # fr | en; detected per article when omitted
    interval = 900               # seconds between two polls

Every problem names the file, the source and the field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from tocsin.errors import DataFileError
from tocsin.ingest.fetch import FetchOptions
from tocsin.ingest.guard import ALLOWED_SCHEMES, URLPolicy

__all__ = ["Settings", "Source", "SourcesFile", "load_sources", "parse_sources"]

SOURCE_KINDS = ("feed", "page", "auto")
LANGUAGES = ("fr", "en")


@dataclass(frozen=True, slots=True)
class Source:
    """One followed feed or page."""

    name: str
    url: str
    kind: str = "feed"
    outlet: str | None = None
    language: str | None = None
    #: seconds between two polls
    interval: float = 900.0
    #: for a feed: fetch each entry's page for the full text (else use the feed's own text)
    fetch_pages: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    """``[settings]`` of a sources file, with its defaults."""

    #: seconds between two requests to the same host
    politeness_delay: float = 2.0
    #: poll interval of sources that do not give one, in seconds
    default_interval: float = 900.0
    #: longest wait after repeated failures, in seconds (the backoff doubles up to it)
    max_backoff: float = 6 * 3600.0
    #: seconds to connect and between two chunks of a response
    timeout: float = 20.0
    #: seconds for a whole response
    deadline: float = 60.0
    #: largest response accepted, in bytes
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    #: fetch from private, loopback and link-local addresses (off by default)
    allow_private: bool = False
    #: networks allowed although private, e.g. ["10.1.0.0/16"] for an intranet
    allow_networks: tuple[str, ...] = ()
    #: entries fetched from one feed per poll (the newest first in feed order)
    max_entries: int = 200
    #: attempts on an entry page that keeps failing before it is given up
    max_attempts: int = 3
    user_agent: str = field(default_factory=lambda: FetchOptions().user_agent)

    def fetch_options(self) -> FetchOptions:
        return FetchOptions(
            timeout=self.timeout, deadline=self.deadline, max_bytes=self.max_bytes,
            max_redirects=self.max_redirects, user_agent=self.user_agent,
            policy=URLPolicy(allow_private=self.allow_private, allow_networks=self.allow_networks),
        )


@dataclass(frozen=True, slots=True)
class SourcesFile:
    settings: Settings
    sources: tuple[Source, ...]
    path: str = "<sources>"


def _fail(path: str, where: str, message: str) -> DataFileError:
    return DataFileError(f"{where}: {message}", source=path)


def _number(value: Any, path: str, where: str, name: str, *, minimum: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(path, where, f"field '{name}': expected a number, got {value!r}")
    if value < minimum:
        raise _fail(path, where, f"field '{name}': must be at least {minimum:g}, got {value!r}")
    return float(value)


def _settings(raw: Any, path: str) -> Settings:
    if raw is None:
        return Settings()
    if not isinstance(raw, dict):
        raise _fail(path, "[settings]", "expected a table")
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            raise _fail(path, "[settings]", f"unknown field '{key}' (known: {', '.join(sorted(known))})")
        if key in ("allow_private",):
            if not isinstance(value, bool):
                raise _fail(path, "[settings]", f"field '{key}': expected true or false")
            values[key] = value
        elif key == "allow_networks":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(path, "[settings]", "field 'allow_networks': expected a list of strings")
            import ipaddress

            for v in value:
                try:
                    ipaddress.ip_network(v, strict=False)
                except ValueError:
                    raise _fail(path, "[settings]", f"field 'allow_networks': not a network: {v!r}") from None
            values[key] = tuple(value)
        elif key == "user_agent":
            if not isinstance(value, str) or not value.strip():
                raise _fail(path, "[settings]", "field 'user_agent': expected a string")
            values[key] = value.strip()
        elif key in ("max_bytes", "max_redirects", "max_entries", "max_attempts"):
            values[key] = int(_number(value, path, "[settings]", key, minimum=1))
        else:
            values[key] = _number(value, path, "[settings]", key, minimum=0.001 if key in ("timeout", "deadline") else 0)
    return Settings(**values)


def _source(raw: Any, index: int, settings: Settings, path: str) -> Source:
    where = f"[[source]] #{index + 1}"
    if not isinstance(raw, dict):
        raise _fail(path, where, "expected a table")
    allowed = {f.name for f in fields(Source)}
    for key in raw:
        if key not in allowed:
            raise _fail(path, where, f"unknown field '{key}' (known: {', '.join(sorted(allowed))})")
    url = raw.get("url")
    if not isinstance(url, str) or not url.strip():
        raise _fail(path, where, "field 'url' is missing")
    url = url.strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ALLOWED_SCHEMES:
        raise _fail(path, where, f"field 'url': only http and https URLs can be followed, got {url!r}")
    name = raw.get("name", url)
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, where, "field 'name': expected a non-empty string")
    where = f"source {name!r}"
    kind = raw.get("kind", "feed")
    if kind not in SOURCE_KINDS:
        raise _fail(path, where, f"field 'kind': expected one of {', '.join(SOURCE_KINDS)}, got {kind!r}")
    language = raw.get("language")
    if language is not None:
        if not isinstance(language, str) or language.lower() not in LANGUAGES:
            raise _fail(path, where, f"field 'language': expected one of {', '.join(LANGUAGES)}, got {language!r}")
        language = language.lower()
    outlet = raw.get("outlet")
    if outlet is not None and (not isinstance(outlet, str) or not outlet.strip()):
        raise _fail(path, where, "field 'outlet': expected a non-empty string")
    interval = _number(raw.get("interval", settings.default_interval), path, where, "interval", minimum=1)
    fetch_pages = raw.get("fetch_pages", True)
    if not isinstance(fetch_pages, bool):
        raise _fail(path, where, "field 'fetch_pages': expected true or false")
    return Source(name=name.strip(), url=url, kind=kind, outlet=outlet.strip() if outlet else None,
                  language=language, interval=interval, fetch_pages=fetch_pages)


def parse_sources(text: str, path: str = "<sources>") -> SourcesFile:
    """A sources file from its TOML text. Raises :class:`DataFileError` naming the field."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"not valid TOML: {exc}", source=path) from None
    unknown = set(raw) - {"settings", "source"}
    if unknown:
        raise DataFileError(f"unknown top-level key(s): {', '.join(sorted(unknown))} "
                            "(expected [settings] and [[source]])", source=path)
    settings = _settings(raw.get("settings"), path)
    items = raw.get("source", [])
    if not isinstance(items, list):
        raise DataFileError("'source' must be an array of tables: write [[source]]", source=path)
    if not items:
        raise DataFileError("no [[source]] to follow", source=path)
    sources = tuple(_source(item, i, settings, path) for i, item in enumerate(items))
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DataFileError(f"two sources share the name {duplicates[0]!r}", source=path)
    return SourcesFile(settings=settings, sources=sources, path=path)


def load_sources(path: str | Path) -> SourcesFile:
    """Read and check the sources file at ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read the sources file: {exc}", source=str(path)) from None
    return parse_sources(text, str(path))
