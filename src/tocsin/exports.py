"""Exports of dyad series (CSV, JSON lines, Parquet) and of events in a GDELT-like layout.

Series: one row per (dyad, period) with flat columns: ``period``, ``source``,
``target``, ``n_events``, ``n_mentions``, ``quad1`` … ``quad4``, the Goldstein
and intensity measures, ``balance``, ``n_sources``, ``n_negated`` and one
``type_<PLOVER TYPE>`` count per PLOVER type (all 16, zeros included), so
spreadsheets, pandas and DuckDB read them without unpacking. JSON lines carry
the record itself (:meth:`SeriesPoint.to_dict`: ``type_counts`` as an object,
``quad_counts`` as a list), as the Python API and the REST API do.

GDELT-like events: the 61 columns of a GDELT 2.0 events export, tab-separated,
no header, so tools written for GDELT read tocsin's events. ``GLOBALEVENTID`` is
a number derived from the event id (the original number for events imported from
GDELT); ``EventCode`` the CAMEO code; ``NumMentions``/``NumSources``/
``NumArticles`` are 1; ``AvgTone`` and the geo feature ids are empty; geo
country codes are left empty (GDELT uses FIPS codes, tocsin ISO codes).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from tocsin.importers.gdelt import COLUMNS as GDELT_COLUMNS
from tocsin.ontology import PLOVER_TYPES
from tocsin.output import OutputError
from tocsin.records import Actor, Article, Event, SeriesPoint

SERIES_FORMATS = ("csv", "jsonl", "parquet")

SERIES_COLUMNS: tuple[str, ...] = (
    "period", "source", "target", "n_events", "n_mentions", "quad1", "quad2", "quad3", "quad4",
    "goldstein_mean", "goldstein_sum", "intensity_mean", "intensity_sum", "balance",
    "n_sources", "n_negated", *(f"type_{t}" for t in PLOVER_TYPES),
)


def series_row(p: SeriesPoint) -> dict[str, Any]:
    row: dict[str, Any] = {
        "period": p.period, "source": p.source, "target": p.target, "n_events": p.n_events,
        "n_mentions": p.n_mentions,
        **{f"quad{i + 1}": n for i, n in enumerate(p.quad_counts)},
        "goldstein_mean": p.goldstein_mean, "goldstein_sum": p.goldstein_sum,
        "intensity_mean": p.intensity_mean, "intensity_sum": p.intensity_sum,
        "balance": p.balance, "n_sources": p.n_sources, "n_negated": p.n_negated,
    }
    for t in PLOVER_TYPES:
        row[f"type_{t}"] = p.type_counts.get(t, 0)
    return row


def write_series(points: Iterable[SeriesPoint], fmt: str, out: Path | TextIO) -> int:
    """Write series points as ``csv``, ``jsonl`` or ``parquet`` (a path for Parquet)."""
    if fmt not in SERIES_FORMATS:
        raise OutputError(f"unknown series format {fmt!r}; choose one of {', '.join(SERIES_FORMATS)}")
    points = list(points)
    rows = [series_row(p) for p in points]
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise OutputError("Parquet needs --output FILE")
        table = pa.Table.from_pylist(rows, schema=_series_schema())
        try:
            pq.write_table(table, out)
        except OSError as exc:
            raise OutputError(f"cannot write parquet output: {exc}", source=str(out)) from exc
        return len(rows)

    def emit(fh: TextIO) -> None:
        if fmt == "csv":
            writer = csv.DictWriter(fh, fieldnames=SERIES_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "" if v is None else v for k, v in row.items()})
        else:
            for p in points:
                fh.write(json.dumps(p.to_dict()) + "\n")

    _to(out, emit)
    return len(rows)


def _series_schema() -> pa.Schema:
    ints = {"n_events", "n_mentions", "quad1", "quad2", "quad3", "quad4", "n_sources", "n_negated"}
    fields = []
    for name in SERIES_COLUMNS:
        if name == "period":
            fields.append(pa.field(name, pa.date32()))
        elif name in ("source", "target"):
            fields.append(pa.field(name, pa.string()))
        elif name in ints or name.startswith("type_"):
            fields.append(pa.field(name, pa.int64()))
        else:
            fields.append(pa.field(name, pa.float64()))
    return pa.schema(fields)


def _to(out: Path | TextIO, emit: Callable[[TextIO], None]) -> None:
    if isinstance(out, Path):
        try:
            with out.open("w", encoding="utf-8", newline="") as fh:
                emit(fh)
        except OSError as exc:
            raise OutputError(f"cannot write {out.name}: {exc.strerror or exc}",
                              source=str(out)) from exc
    else:
        emit(out)


# ------------------------------------------------------------------ GDELT layout


def _gdelt_id(event_id: str) -> str:
    if event_id.startswith("gdelt-") and event_id[6:].isdigit():
        return event_id[6:]
    from hashlib import sha1

    return str(int(sha1(event_id.encode("utf-8")).hexdigest()[:13], 16))


def _actor_cells(actor: Actor | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if actor is None:
        return [""] * 10
    name = (actor.name or actor.text or "").upper()
    country = actor.country or ""
    sector = actor.sector if actor.sector and actor.sector != "IGO" else ""
    return [actor.code or "", name, country, "", "", "", "", sector, "", ""]


def gdelt_row(event: Event, article: Article | None = None) -> list[str]:
    """One event as the 61 cells of a GDELT 2.0 events row."""
    day = event.date
    sqldate = day.strftime("%Y%m%d") if day else ""
    cameo = event.cameo
    loc = event.location
    geo = ["", "", "", "", "", "", "", ""]
    if loc is not None:
        geo = ["4" if loc.lat is not None else "1", loc.name or loc.text, "", "", "",
               "" if loc.lat is None else f"{loc.lat:g}", "" if loc.lon is None else f"{loc.lon:g}", ""]
    published = article.published if article and article.published else day
    cells = [
        _gdelt_id(event.event_id), sqldate, sqldate[:6], sqldate[:4],
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor_cells(event.source), *_actor_cells(event.target),
        "1", cameo, cameo[:3], cameo[:2], str(event.quad_class), f"{event.goldstein:g}",
        "1", "1", "1", "",
        *([""] * 8), *([""] * 8), *geo,
        published.strftime("%Y%m%d000000") if published else "",
        (article.url if article and article.url else "") or "",
    ]
    assert len(cells) == len(GDELT_COLUMNS)
    return [c.replace("\t", " ").replace("\n", " ") for c in cells]


def write_gdelt(events: Iterable[Event], out: Path | TextIO,
                article: Callable[[str], Article | None] | None = None, *,
                header: bool = False) -> int:
    """Write events in the GDELT 2.0 layout; ``article(id)`` supplies URLs and dates."""
    n = 0

    def emit(fh: TextIO) -> None:
        nonlocal n
        if header:
            fh.write("\t".join(GDELT_COLUMNS) + "\n")
        for event in events:
            fh.write("\t".join(gdelt_row(event, article(event.article_id) if article else None)))
            fh.write("\n")
            n += 1

    _to(out, emit)
    return n
