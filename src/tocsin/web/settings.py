"""Settings of ``tocsin serve``: one options object, validated on construction."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tocsin.errors import TocsinError

#: Environment variable holding one write token.
TOKEN_ENV = "TOCSIN_TOKEN"
#: Shortest accepted token: shorter ones are too easy to guess.
MIN_TOKEN_LENGTH = 16


class SettingsError(TocsinError):
    """A serve setting is invalid (E501)."""

    code = "E501"


@dataclass(frozen=True)
class ServeSettings:
    """How the server runs. Defaults are the documented ones (docs/serve.md)."""

    #: the DuckDB database file, or a PostgreSQL URL
    db: Path | str = Path("tocsin.duckdb")
    host: str = "127.0.0.1"
    port: int = 8000
    #: open the database read-only: several servers and ``tocsin events`` may
    #: read it at once; submissions and alert changes are refused
    read_only: bool = False
    #: tokens accepted for writes; none means every write is refused
    tokens: frozenset[str] = field(default_factory=frozenset)
    #: largest request body accepted (bytes)
    max_body_bytes: int = 2_000_000
    #: most articles one submission may hold
    max_articles: int = 100
    #: events or articles per page by default, and at most
    page_size: int = 50
    max_page_size: int = 500
    #: origins allowed by CORS; empty (the default) sends no CORS headers at all
    cors_origins: tuple[str, ...] = ()
    #: hours a dashboard sign-in lasts
    session_hours: int = 8

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise SettingsError(f"port: {self.port} is not a TCP port (1-65535)")
        if self.max_body_bytes < 1024:
            raise SettingsError(f"max_body_bytes: {self.max_body_bytes} is below 1024")
        if not 0 < self.page_size <= self.max_page_size:
            raise SettingsError("page_size must be between 1 and max_page_size")
        for token in self.tokens:
            if len(token) < MIN_TOKEN_LENGTH:
                raise SettingsError(
                    f"a write token is {len(token)} characters long; use at least {MIN_TOKEN_LENGTH}"
                )
        if "*" in self.cors_origins:
            raise SettingsError("cors_origins: '*' is refused; name the origins allowed")


def load_tokens(tokens_file: Path | None = None, environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """Write tokens from ``$TOCSIN_TOKEN`` and from ``tokens_file``.

    The file holds one token per line; blank lines and lines starting with ``#``
    are skipped, and so is anything after whitespace on a line (a label).
    """
    env = os.environ if environ is None else environ
    tokens: set[str] = set()
    value = env.get(TOKEN_ENV, "").strip()
    if value:
        tokens.add(value)
    if tokens_file is not None:
        try:
            lines = Path(tokens_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"cannot read the tokens file: {exc}", source=str(tokens_file)) from exc
        for number, line in enumerate(lines, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            token = line.split()[0]
            if len(token) < MIN_TOKEN_LENGTH:
                raise SettingsError(
                    f"token shorter than {MIN_TOKEN_LENGTH} characters", source=str(tokens_file), line=number
                )
            tokens.add(token)
    return frozenset(tokens)
