"""Corpora in CSV/TSV or JSON lines whose columns have other names than the article contract.

A column mapping says which column holds each article field, e.g.
``{"text": "body", "published": "pub_date", "outlet": "source"}`` (on the
command line: ``--columns text=body,published=pub_date,outlet=source``).
Fields not mapped are read under their own names. Each row that cannot be used
is an :class:`~tocsin.records.InputProblem` naming the file, the line and the
field; the other rows are still read.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tocsin.errors import MalformedRecordError, TocsinError
from tocsin.ingest.decode import decode_bytes
from tocsin.ingest.readers import DEFAULT_MAX_BYTES, parse_article, read_inputs
from tocsin.records import Article, InputProblem

__all__ = ["ARTICLE_FIELDS", "TABLE_SUFFIXES", "parse_mapping", "read_corpus"]

ARTICLE_FIELDS = ("id", "text", "title", "published", "url", "language", "outlet")
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})


def parse_mapping(spec: str | None) -> dict[str, str]:
    """``"text=body,published=date"`` → ``{"text": "body", "published": "date"}``."""
    mapping: dict[str, str] = {}
    if not spec:
        return mapping
    for part in spec.split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not column:
            raise ValueError(f"expected FIELD=COLUMN, got {part.strip()!r}")
        if field not in ARTICLE_FIELDS:
            raise ValueError(f"unknown article field {field!r} (fields: {', '.join(ARTICLE_FIELDS)})")
        mapping[field] = column
    return mapping


def _remap(row: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if k not in mapping.values()}
    for field, column in mapping.items():
        if column in row:
            out[field] = row[column]
    for key in ("id", "title", "published", "url", "language", "outlet"):
        if out.get(key) == "":
            out[key] = None
    return out


def _read_text(path: Path, max_bytes: int) -> str | InputProblem:
    """The decoded text of ``path``, or the problem that stops reading it."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TocsinError(f"file too large: {size} bytes; limit {max_bytes}", source=source)
        return decode_bytes(path.read_bytes(), source)
    except TocsinError as exc:
        return InputProblem(source=source, message=exc.message, code=exc.code)
    except OSError as exc:
        return InputProblem(source=source, message=f"cannot read: {exc.strerror}", code="E100")


def _table_rows(path: Path, mapping: Mapping[str, str], published: date | None,
                language: str | None, max_bytes: int) -> Iterator[Article | InputProblem]:
    source = str(path)
    text = _read_text(path, max_bytes)
    if isinstance(text, InputProblem):
        yield text
        return
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    columns = reader.fieldnames or []
    wanted = mapping.get("text", "text")
    if wanted not in columns:
        yield InputProblem(source=source, line=1, code=MalformedRecordError.code,
                           message=f"no column {wanted!r} for the text (columns: {', '.join(columns)}); "
                                   "map one with --columns text=COLUMN")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputProblem(source=source, line=reader.line_num, code=MalformedRecordError.code,
                               message=f"invalid CSV: {exc}")
            return
        line = reader.line_num
        try:
            yield parse_article(_remap(row, mapping), source=source, line=line,
                                published=published, language=language)
        except MalformedRecordError as exc:
            yield InputProblem(source=source, line=line, message=exc.message, code=exc.code)


def _jsonl_rows(path: Path, mapping: Mapping[str, str], published: date | None,
                language: str | None, max_bytes: int) -> Iterator[Article | InputProblem]:
    source = str(path)
    text = _read_text(path, max_bytes)
    if isinstance(text, InputProblem):
        yield text
        return
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
            if not isinstance(obj, dict):
                raise MalformedRecordError("expected a JSON object")
            yield parse_article(_remap(obj, mapping), source=source, line=number,
                                published=published, language=language)
        except (ValueError, MalformedRecordError) as exc:
            message = exc.message if isinstance(exc, MalformedRecordError) else f"invalid JSON: {exc}"
            yield InputProblem(source=source, line=number, message=message,
                               code=MalformedRecordError.code)


def read_corpus(paths: Sequence[str | Path], *, mapping: Mapping[str, str] | None = None,
                published: date | None = None, language: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputProblem]:
    """Articles from files and folders, CSV/TSV included, with ``mapping`` applied.

    Without a mapping, JSONL, JSON and text files are read by
    :func:`tocsin.ingest.read_inputs` exactly as ``tocsin code`` reads them.
    """
    mapping = dict(mapping or {})
    for item in paths:
        path = Path(item)
        suffix = path.suffix.lower()
        if path.is_file() and suffix in TABLE_SUFFIXES:
            yield from _table_rows(path, mapping, published, language, max_bytes)
        elif path.is_file() and mapping and suffix in (".jsonl", ".ndjson"):
            yield from _jsonl_rows(path, mapping, published, language, max_bytes)
        elif path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() and not any(
                    part.startswith(".") for part in p.relative_to(path).parts)):
                if found.suffix.lower() in TABLE_SUFFIXES or (mapping and found.suffix.lower() in (".jsonl", ".ndjson")):
                    yield from read_corpus([found], mapping=mapping, published=published,
                                           language=language, max_bytes=max_bytes)
                else:
                    yield from read_inputs([found], published=published, language=language,
                                           max_bytes=max_bytes) if _readable(found) else iter(())
        else:
            yield from read_inputs([path], published=published, language=language,
                                   max_bytes=max_bytes)


def _readable(path: Path) -> bool:
    from tocsin.ingest.readers import FOLDER_SUFFIXES

    return path.suffix.lower() in FOLDER_SUFFIXES
