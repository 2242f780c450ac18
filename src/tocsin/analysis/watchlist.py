"""Watchlists: the dyads to alert on, and optional detector settings, in a TOML file.

::

    # watch.toml
    [options]                 # optional; any AlertOptions field
    threshold = 5.0
    window = 2

    [[dyad]]
    source = "RUS"
    target = "CHN"
    sector = "MIL"            # optional: both actors of this sector
    directed = false          # optional
    label = "Russia–China, military"   # optional

Errors name the file and the entry at fault (:class:`tocsin.errors.DataFileError`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from tocsin.analysis.alerts import AlertOptions, WatchItem
from tocsin.errors import DataFileError

_ITEM_KEYS = {"source", "target", "sector", "directed", "label"}
_OPTION_KEYS = {f.name for f in fields(AlertOptions)}


@dataclass(frozen=True, slots=True)
class Watchlist:
    items: tuple[WatchItem, ...]
    options: dict[str, Any]

    def alert_options(self, base: AlertOptions | None = None, **overrides: Any) -> AlertOptions:
        """``base`` with the file's settings, then ``overrides`` (command-line flags) on top."""
        values = {f.name: getattr(base or AlertOptions(), f.name) for f in fields(AlertOptions)}
        values.update(self.options)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if isinstance(values.get("kinds"), list):
            values["kinds"] = tuple(values["kinds"])
        return AlertOptions(**values)


def load_watchlist(path: Path | str) -> Watchlist:
    path = Path(path)
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError("watchlist not found", source=where) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 text ({exc.reason})", source=where) from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"not valid TOML: {exc}", source=where) from None
    unknown = set(data) - {"dyad", "options"}
    if unknown:
        raise DataFileError(f"unknown section(s) {sorted(unknown)}; expected [[dyad]] and [options]",
                            source=where)
    options = data.get("options", {})
    if not isinstance(options, dict) or set(options) - _OPTION_KEYS:
        bad = sorted(set(options) - _OPTION_KEYS) if isinstance(options, dict) else options
        raise DataFileError(f"[options]: unknown setting(s) {bad}; known: {sorted(_OPTION_KEYS)}",
                            source=where)
    items = []
    entries = data.get("dyad", [])
    if not isinstance(entries, list) or not entries:
        raise DataFileError("no [[dyad]] entries", source=where)
    for n, entry in enumerate(entries, start=1):
        label = f"[[dyad]] #{n}"
        if not isinstance(entry, dict):
            raise DataFileError(f"{label} is not a table", source=where)
        extra = set(entry) - _ITEM_KEYS
        if extra:
            raise DataFileError(f"{label}: unknown key(s) {sorted(extra)}", source=where)
        src, tgt = entry.get("source"), entry.get("target")
        if not isinstance(src, str) or not isinstance(tgt, str) or not src.strip() or not tgt.strip():
            raise DataFileError(f"{label}: source and target must be actor codes such as \"RUS\"",
                                source=where)
        if src.strip().upper() == tgt.strip().upper():
            raise DataFileError(f"{label}: source and target are the same actor", source=where)
        directed = entry.get("directed", False)
        if not isinstance(directed, bool):
            raise DataFileError(f"{label}: directed must be true or false", source=where)
        sector = entry.get("sector")
        items.append(WatchItem(source=src.strip().upper(), target=tgt.strip().upper(),
                               directed=directed,
                               sector=sector.strip().upper() if isinstance(sector, str) else None,
                               label=entry.get("label")))
    try:
        Watchlist(tuple(items), dict(options)).alert_options()
    except (TypeError, ValueError) as exc:
        raise DataFileError(f"[options]: {exc}", source=where) from None
    return Watchlist(tuple(items), dict(options))
