"""Event output formats shared by every command: table, JSON lines, CSV, Parquet.

* ``jsonl``: one :meth:`Event.to_dict` object per line, UTF-8, dates as ISO strings.
* ``csv``: one flat row per event, UTF-8: actors and the location spread over
  ``source_text``, ``source_code`` … ``location_lon`` columns, ``context``
  joined with ``|``, ``trigger_span`` as a JSON list, booleans as ``true``/``false``.
* ``parquet``: the event columns with nested structs, the same types as the
  database's ``events`` table; needs a file (or a binary stream that is not a
  terminal).
* ``table``: a compact :class:`rich.table.Table` (see :func:`events_table`).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

import pyarrow as pa
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tocsin.errors import MalformedRecordError, TocsinError
from tocsin.records import Event
from tocsin.store.columns import (
    ACTOR_FIELDS,
    EVENT_ARROW_SCHEMA,
    EVENT_COLUMNS,
    LOCATION_FIELDS,
    events_to_arrow,
)

FORMATS: tuple[str, ...] = ("table", "jsonl", "csv", "parquet")

_ACTOR_COLUMNS = ("source", "target", "attribution")

#: Header of the CSV format: the event columns with actors and location flattened.
CSV_COLUMNS: tuple[str, ...] = tuple(
    column
    for name in EVENT_COLUMNS
    for column in (
        [f"{name}_{field}" for field in ACTOR_FIELDS]
        if name in _ACTOR_COLUMNS
        else [f"{name}_{field}" for field in LOCATION_FIELDS]
        if name == "location"
        else [name]
    )
)

#: Events per Parquet row group / Arrow batch.
_PARQUET_BATCH = 10_000

_MODALITY_MARKS = {
    "future": "fut",
    "conditional": "cond",
    "hypothetical": "hyp",
    "intended": "int",
}

_PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}


class OutputError(TocsinError):
    """Events cannot be written in the asked format or to the asked place."""

    code = "E501"


Output = TextIO | BinaryIO | Path | str


# ---------------------------------------------------------------------- writing


def write_events(events: Iterable[Event], fmt: str, out: Output) -> int:
    """Write ``events`` in format ``fmt`` to ``out`` and return how many were written.

    ``out`` is a file path (``Path`` or ``str``; the file is replaced) or an open
    stream, text or binary. ``table`` output is rendered with rich (no colour in
    files). Raises :class:`OutputError` for an unknown format, for Parquet to a
    terminal or a text-only stream, and when the file cannot be written.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise OutputError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if isinstance(out, (str, os.PathLike)):
        path = Path(out)
        try:
            if fmt == "parquet":
                return _write_parquet(events, str(path))
            with path.open("w", encoding="utf-8", newline="") as fh:
                return _write_text(events, fmt, fh, to_file=True)
        except OSError as exc:
            raise OutputError(f"cannot write {fmt} output: {exc}", source=str(path)) from exc
    if fmt == "parquet":
        return _write_parquet(events, _binary_stream(out))
    with _text_stream(out) as fh:
        return _write_text(events, fmt, fh, to_file=False)


def _write_text(events: Iterable[Event], fmt: str, fh: TextIO, *, to_file: bool) -> int:
    if fmt == "jsonl":
        return _write_jsonl(events, fh)
    if fmt == "csv":
        return _write_csv(events, fh)
    listed = list(events)
    console = (
        Console(file=fh, width=200, color_system=None, force_terminal=False)
        if to_file
        else Console(file=fh)
    )
    console.print(events_table(listed))
    return len(listed)


def _is_text(stream: IO[Any]) -> bool:
    return isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding")


@contextmanager
def _text_stream(out: IO[Any]) -> Iterator[TextIO]:
    """``out`` as a text stream; a binary stream is wrapped (UTF-8) and left open."""
    if _is_text(out):
        yield out  # type: ignore[misc]
        out.flush()
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


def _binary_stream(out: IO[Any]) -> IO[bytes]:
    isatty = getattr(out, "isatty", None)
    if callable(isatty) and isatty():
        raise OutputError(
            "Parquet is a binary format and cannot be written to a terminal; "
            "write it to a file instead"
        )
    if not _is_text(out):
        return out
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        raise OutputError("Parquet needs a file path or a binary stream, not a text stream")
    out.flush()
    return buffer  # type: ignore[no-any-return]


def _write_jsonl(events: Iterable[Event], fh: TextIO) -> int:
    n = 0
    for event in events:
        fh.write(json.dumps(event.to_dict(), ensure_ascii=False))
        fh.write("\n")
        n += 1
    return n


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def event_csv_row(event: Event) -> dict[str, str]:
    """One event as the flat CSV row (column name → cell text)."""
    data = event.to_dict()
    row: dict[str, str] = {}
    for name in EVENT_COLUMNS:
        value = data[name]
        if name in _ACTOR_COLUMNS or name == "location":
            fields = LOCATION_FIELDS if name == "location" else ACTOR_FIELDS
            for field in fields:
                row[f"{name}_{field}"] = _csv_value(value.get(field) if value else None)
        elif name == "context":
            row[name] = "|".join(value)
        elif name == "trigger_span":
            row[name] = json.dumps(value)
        else:
            row[name] = _csv_value(value)
    return row


def _write_csv(events: Iterable[Event], fh: TextIO) -> int:
    writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(event_csv_row(event))
        n += 1
    return n


def _write_parquet(events: Iterable[Event], where: str | IO[bytes]) -> int:
    iterator = iter(events)
    n = 0
    try:
        with pq.ParquetWriter(where, EVENT_ARROW_SCHEMA) as writer:
            while batch := list(islice(iterator, _PARQUET_BATCH)):
                writer.write_table(events_to_arrow(batch))
                n += len(batch)
    except pa.ArrowException as exc:
        source = where if isinstance(where, str) else None
        raise OutputError(f"cannot write Parquet output: {exc}", source=source) from exc
    return n


# ------------------------------------------------------------------------ table


def _date_cell(event: Event) -> str:
    if event.date is None:
        return "—"
    return event.date.isoformat()[: _PRECISION_LENGTH.get(event.date_precision, 10)]


def _actor_cell(actor: Any) -> Text:
    if actor is None:
        return Text("—", style="dim")
    if actor.code:
        return Text(actor.code)
    return Text(f"“{actor.text}”", style="italic dim")


def _marks(event: Event) -> str:
    marks = []
    if event.negated:
        marks.append("NEG")
    if event.modality in _MODALITY_MARKS:
        marks.append(_MODALITY_MARKS[event.modality])
    return ",".join(marks)


def events_table(events: Iterable[Event], *, title: str | None = None) -> Table:
    """A compact table of events for the terminal; the caller prints it.

    Columns: date (to its precision), type, source and target codes (an
    unresolved actor shows its words in quotes), marks (``NEG`` negated; ``fut``,
    ``cond``, ``hyp``, ``int`` for a modality other than asserted), trigger, article id.
    """
    table = Table(title=title, show_lines=False, pad_edge=False, box=None, header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("source", no_wrap=True)
    table.add_column("target", no_wrap=True)
    table.add_column("", no_wrap=True, style="red")
    table.add_column("trigger", overflow="ellipsis", max_width=30)
    table.add_column("article", no_wrap=True, style="dim")
    for event in events:
        table.add_row(
            Text(_date_cell(event)),
            Text(event.type),
            _actor_cell(event.source),
            _actor_cell(event.target),
            Text(_marks(event)),
            Text(event.trigger),
            Text(event.article_id),
        )
    return table


# ---------------------------------------------------------------------- reading


def read_events_jsonl(path: str | Path) -> Iterator[Event]:
    """Events from a JSON lines file written by the ``jsonl`` format; blank lines skipped.

    Raises :class:`MalformedRecordError` (with the line number) for a line that
    is not an event record.
    """
    source = str(path)
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict):
                    raise TypeError(f"a JSON object is expected, found {type(data).__name__}")
                event = Event.from_dict(data)
            except (ValueError, TypeError, KeyError, IndexError) as exc:
                detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
                raise MalformedRecordError(
                    f"not an event record: {detail}", source=source, line=number
                ) from exc
            yield event
