"""Errors raised while fetching and parsing web sources.

They extend tocsin's hierarchy (:mod:`tocsin.errors`) under ``InputError``::

    InputError
    └── FetchError                  E110 a URL could not be fetched (network, HTTP status, timeout)
        ├── BlockedURLError         E111 the guard refused the URL (scheme, private address)
        ├── ResponseTooLargeError   E112 the body is over the size cap
        ├── ContentTypeError        E113 the server sent something that is not a feed/page
        ├── TooManyRedirectsError   E114 a redirect loop or too long a chain
        └── FeedError               E115 a feed that is malformed or refused (XML entities)

Every error names the URL it is about in ``source``.
"""

from __future__ import annotations

from tocsin.errors import InputError

__all__ = [
    "BlockedURLError",
    "ContentTypeError",
    "FeedError",
    "FetchError",
    "ResponseTooLargeError",
    "TooManyRedirectsError",
]


class FetchError(InputError):
    """A URL could not be fetched or used.

    ``transient`` says whether trying again later may help (timeouts, 5xx,
    connection errors) or not (404, refused by the guard, wrong content).
    """

    code = "E110"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        status: int | None = None,
        transient: bool = False,
    ):
        super().__init__(message, source=source, line=line)
        self.status = status
        self.transient = transient


class BlockedURLError(FetchError):
    code = "E111"


class ResponseTooLargeError(FetchError):
    code = "E112"


class ContentTypeError(FetchError):
    code = "E113"


class TooManyRedirectsError(FetchError):
    code = "E114"


class FeedError(FetchError):
    code = "E115"
