"""The event record as table columns: Arrow schema and row conversions.

The database's ``events`` table, the Parquet export and the Arrow batches used
to insert events all share one column layout: the fields of
:class:`tocsin.records.Event`, in order, with actors and the location as nested
structs. This module is the single definition of that layout on the Python side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import date
from typing import Any

import pyarrow as pa

from tocsin.records import Actor, Event, Location

#: Column names of an event, in order (the public contract).
EVENT_COLUMNS: tuple[str, ...] = Event.FIELDS

ACTOR_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Actor))
LOCATION_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Location))

ACTOR_ARROW_TYPE = pa.struct(
    [(name, pa.string()) for name in ("text", "code", "country", "sector", "name", "entity_id")]
)
LOCATION_ARROW_TYPE = pa.struct(
    [
        ("text", pa.string()),
        ("country", pa.string()),
        ("name", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("admin1", pa.string()),
        ("geonames_id", pa.int64()),
        ("precision", pa.string()),
    ]
)

#: Arrow schema matching the column types of the ``events`` table.
EVENT_ARROW_SCHEMA = pa.schema(
    [
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("sentence_index", pa.int32(), nullable=False),
        pa.field("sentence", pa.string(), nullable=False),
        pa.field("trigger", pa.string(), nullable=False),
        pa.field("trigger_span", pa.list_(pa.int32()), nullable=False),
        pa.field("type", pa.string(), nullable=False),
        pa.field("mode", pa.string()),
        pa.field("context", pa.list_(pa.string()), nullable=False),
        pa.field("cameo", pa.string(), nullable=False),
        pa.field("quad_class", pa.int32(), nullable=False),
        pa.field("goldstein", pa.float64(), nullable=False),
        pa.field("source", ACTOR_ARROW_TYPE),
        pa.field("target", ACTOR_ARROW_TYPE),
        pa.field("negated", pa.bool_(), nullable=False),
        pa.field("modality", pa.string(), nullable=False),
        pa.field("attribution", ACTOR_ARROW_TYPE),
        pa.field("date", pa.date32()),
        pa.field("date_precision", pa.string(), nullable=False),
        pa.field("date_text", pa.string()),
        pa.field("location", LOCATION_ARROW_TYPE),
        pa.field("language", pa.string(), nullable=False),
        pa.field("confidence", pa.float64(), nullable=False),
        pa.field("coder", pa.string(), nullable=False),
        pa.field("pattern", pa.string(), nullable=False),
        pa.field("target_inferred", pa.bool_(), nullable=False),
    ]
)

if tuple(EVENT_ARROW_SCHEMA.names) != EVENT_COLUMNS or (
    tuple(ACTOR_ARROW_TYPE.names) != ACTOR_FIELDS or tuple(LOCATION_ARROW_TYPE.names) != LOCATION_FIELDS
):  # pragma: no cover - guards the contract when records.py changes
    raise RuntimeError("the Arrow event schema does not match tocsin.records.Event")


def event_to_row(event: Event) -> dict[str, Any]:
    """One event as column values: structs as dicts, dates as ``date``, lists as lists."""
    row: dict[str, Any] = {}
    for name in EVENT_COLUMNS:
        value = getattr(event, name)
        if isinstance(value, Actor):
            value = {f: getattr(value, f) for f in ACTOR_FIELDS}
        elif isinstance(value, Location):
            value = {f: getattr(value, f) for f in LOCATION_FIELDS}
        elif isinstance(value, (tuple, list)):
            value = list(value)
        row[name] = value
    return row


def events_to_arrow(events: Iterable[Event]) -> pa.Table:
    """Events as an Arrow table with :data:`EVENT_ARROW_SCHEMA`."""
    return pa.Table.from_pylist([event_to_row(e) for e in events], schema=EVENT_ARROW_SCHEMA)


def _actor(value: Mapping[str, Any] | None) -> Actor | None:
    return None if value is None else Actor(**{k: value.get(k) for k in ACTOR_FIELDS})


def _location(value: Mapping[str, Any] | None) -> Location | None:
    return None if value is None else Location(**{k: value.get(k) for k in LOCATION_FIELDS})


def event_from_values(values: Sequence[Any]) -> Event:
    """An event from column values in :data:`EVENT_COLUMNS` order (a database row)."""
    return event_from_row(dict(zip(EVENT_COLUMNS, values, strict=True)))


def event_from_row(row: Mapping[str, Any]) -> Event:
    """An event from a mapping of column name to value, as stored (structs as dicts)."""
    when = row["date"]
    if isinstance(when, str):
        when = date.fromisoformat(when)
    span = row["trigger_span"]
    return Event(
        event_id=row["event_id"],
        article_id=row["article_id"],
        sentence_index=int(row["sentence_index"]),
        sentence=row["sentence"],
        trigger=row["trigger"],
        trigger_span=(int(span[0]), int(span[1])),
        type=row["type"],
        mode=row["mode"],
        context=list(row["context"] or []),
        cameo=row["cameo"],
        quad_class=int(row["quad_class"]),
        goldstein=float(row["goldstein"]),
        source=_actor(row["source"]),
        target=_actor(row["target"]),
        negated=bool(row["negated"]),
        modality=row["modality"],
        attribution=_actor(row["attribution"]),
        date=when,
        date_precision=row["date_precision"],
        date_text=row["date_text"],
        location=_location(row["location"]),
        language=row["language"],
        confidence=float(row["confidence"]),
        coder=row["coder"],
        pattern=row["pattern"],
        target_inferred=bool(row.get("target_inferred", False)),
    )
