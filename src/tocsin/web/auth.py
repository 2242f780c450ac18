"""Who may write: bearer tokens for the API, signed-in sessions for the dashboard.

API writes carry ``Authorization: Bearer <token>``; the token must be one of
``ServeSettings.tokens`` (``$TOCSIN_TOKEN`` or ``--tokens-file``). The dashboard
signs in once with a token (``/login``) and gets an opaque session cookie
(HttpOnly, SameSite=Strict); its forms also carry a CSRF value derived from the
session, so another site cannot post through a signed-in browser.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time

from tocsin.web.problems import ApiError

SESSION_COOKIE = "tocsin_session"


class TokenChecker:
    """Compares presented tokens with the configured ones in constant time."""

    def __init__(self, tokens: frozenset[str]) -> None:
        self._digests = [hashlib.sha256(t.encode()).digest() for t in tokens]

    @property
    def enabled(self) -> bool:
        return bool(self._digests)

    def valid(self, token: str | None) -> bool:
        if not token:
            return False
        digest = hashlib.sha256(token.encode()).digest()
        ok = False
        for known in self._digests:
            ok |= hmac.compare_digest(digest, known)
        return ok

    def require(self, authorization: str | None) -> None:
        """Raise :class:`ApiError` unless ``authorization`` is ``Bearer <valid token>``."""
        if not self.enabled:
            raise ApiError(403, "writes are disabled: the server has no token "
                           "(set TOCSIN_TOKEN or pass --tokens-file)", code="writes_disabled")
        scheme, _, value = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not self.valid(value.strip()):
            raise ApiError(401, "a valid token is needed: send 'Authorization: Bearer <token>'",
                           headers={"WWW-Authenticate": "Bearer"})


class Sessions:
    """Dashboard sign-ins, kept in this process's memory."""

    def __init__(self, hours: int) -> None:
        self._ttl = hours * 3600
        self._secret = secrets.token_bytes(32)
        self._expiry: dict[str, float] = {}
        self._lock = threading.Lock()

    def create(self) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            now = time.monotonic()
            self._expiry = {k: v for k, v in self._expiry.items() if v > now}
            self._expiry[sid] = now + self._ttl
        return sid

    def valid(self, sid: str | None) -> bool:
        if not sid:
            return False
        with self._lock:
            expiry = self._expiry.get(sid)
        return expiry is not None and expiry > time.monotonic()

    def end(self, sid: str | None) -> None:
        if sid:
            with self._lock:
                self._expiry.pop(sid, None)

    def csrf(self, sid: str) -> str:
        return hmac.new(self._secret, sid.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, sid: str | None, value: str | None) -> bool:
        return bool(sid and value) and hmac.compare_digest(self.csrf(sid or ""), value or "")
