"""Fetch one URL over HTTP(S), safely: guard, size cap, time limit, conditional requests.

:class:`Fetcher` wraps an ``httpx.Client`` and follows redirects itself, so
that every hop passes the guard (:mod:`tocsin.ingest.guard`) and the client
connects to the very address the guard checked. The body is streamed and
reading stops past ``max_bytes`` (after decompression) or past ``deadline``
seconds, whatever the server announces. A ``304 Not Modified`` answer to a
conditional request (``If-None-Match`` / ``If-Modified-Since``) comes back as
a :class:`FetchResult` with ``not_modified=True`` and no body.

Every failure is a :class:`~tocsin.ingest.errors.FetchError` naming the URL;
``transient`` tells a timeout or a 5xx (try later) from a 404 or a refusal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from tocsin.ingest.errors import (
    ContentTypeError,
    FetchError,
    ResponseTooLargeError,
    TooManyRedirectsError,
)
from tocsin.ingest.guard import URLPolicy, check_url
from tocsin.version import __version__

__all__ = ["FetchOptions", "FetchResult", "Fetcher"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits and identity of the fetcher (the ``[settings]`` of a sources file)."""

    #: seconds to connect, and between two chunks of the body
    timeout: float = 20.0
    #: seconds for the whole response, body included
    deadline: float = 60.0
    #: largest body accepted, in bytes (after decompression)
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = f"tocsin/{__version__} (event coder; polite polling)"
    policy: URLPolicy = field(default_factory=URLPolicy)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response: final URL after redirects, status, validators and body."""

    url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""
    not_modified: bool = False
    elapsed: float = 0.0


def _media_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media = parts[0].lower() if parts else ""
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media, charset


class Fetcher:
    """An HTTP client that only fetches what the guard allows. Close it, or use ``with``."""

    def __init__(self, options: FetchOptions | None = None,
                 transport: httpx.BaseTransport | None = None):
        self.options = options or FetchOptions()
        timeout = httpx.Timeout(self.options.timeout)
        self._client = httpx.Client(
            follow_redirects=False, timeout=timeout, trust_env=False, transport=transport,
            headers={"User-Agent": self.options.user_agent},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
        expect: Callable[[str], bool] | None = None,
        expected: str = "",
    ) -> FetchResult:
        """GET ``url``; ``expect(media_type)`` refuses wrong content types before the body is read."""
        started = time.monotonic()
        seen: set[str] = set()
        current = url
        for _hop in range(self.options.max_redirects + 1):
            seen.add(current)
            target = check_url(current, self.options.policy)
            original = httpx.URL(current)
            headers = {"Accept": accept, "Host": original.netloc.decode("ascii")}
            if current == url:
                if etag:
                    headers["If-None-Match"] = etag
                if last_modified:
                    headers["If-Modified-Since"] = last_modified
            pinned = original.copy_with(host=target.address)
            extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
            try:
                request = self._client.build_request(
                    "GET", pinned, headers=headers, extensions=extensions
                )
                response = self._client.send(request, stream=True)
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {self.options.timeout:g} s", source=current,
                                 transient=True) from None
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot connect: {exc.__class__.__name__}: {exc}",
                                 source=current, transient=True) from None
            try:
                if response.status_code in _REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"redirect ({response.status_code}) without a Location",
                                         source=current, status=response.status_code)
                    nxt = urljoin(current, location)
                    if nxt in seen:
                        raise TooManyRedirectsError(f"redirect loop back to {nxt}", source=url,
                                                    status=response.status_code)
                    current = nxt
                    continue
                return self._read(response, current, started, expect, expected)
            finally:
                response.close()
        raise TooManyRedirectsError(
            f"more than {self.options.max_redirects} redirects", source=url
        )

    def _read(self, response: httpx.Response, url: str, started: float,
              expect: Callable[[str], bool] | None, expected: str) -> FetchResult:
        status = response.status_code
        headers = response.headers
        if status == 304:
            return FetchResult(url=url, status=304, not_modified=True,
                               etag=headers.get("etag"), last_modified=headers.get("last-modified"),
                               elapsed=time.monotonic() - started)
        if status >= 400 or status < 200:
            transient = status >= 500 or status in (408, 429)
            raise FetchError(f"HTTP {status} {response.reason_phrase}".rstrip(), source=url,
                             status=status, transient=transient)
        media, charset = _media_type(headers.get("content-type", ""))
        if expect is not None and not expect(media):
            raise ContentTypeError(
                f"wrong content type {media or '(none)'!r}; expected {expected or 'another type'}",
                source=url, status=status,
            )
        limit = self.options.max_bytes
        announced = headers.get("content-length")
        if announced and announced.isdigit() and int(announced) > limit:
            raise ResponseTooLargeError(
                f"response too large: {announced} bytes announced; limit {limit}", source=url,
                status=status)
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise ResponseTooLargeError(
                        f"response too large: over {limit} bytes; limit {limit}", source=url,
                        status=status)
                if time.monotonic() - started > self.options.deadline:
                    raise FetchError(f"took longer than {self.options.deadline:g} s",
                                     source=url, status=status, transient=True)
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise FetchError(f"timed out reading the body after {self.options.timeout:g} s",
                             source=url, status=status, transient=True) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"body cut short: {exc.__class__.__name__}: {exc}", source=url,
                             status=status, transient=True) from None
        return FetchResult(
            url=url, status=status, content_type=media, charset=charset,
            etag=headers.get("etag"), last_modified=headers.get("last-modified"),
            body=b"".join(chunks), elapsed=time.monotonic() - started,
        )

