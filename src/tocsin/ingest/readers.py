"""Read files, folders, JSON lines and stdin into :class:`Article` records.

Every input that cannot be used becomes an :class:`InputProblem` in the
stream, in its place, and reading goes on with the next input (or the next
line of a JSONL file).

What each path may be:

* ``-``: standard input; JSON lines when its first non-blank character is
  ``{``, otherwise one plain-text article;
* a ``.jsonl``/``.ndjson`` file: one JSON object per line (blank lines skipped);
* a ``.json`` file: a list of such objects (or a single object);
* any other file: one plain-text article. Its ``text`` is the whole file,
  headline included, and ``title`` is left empty, so that sentence offsets
  refer to the file as written; its ``id`` is a hash of the text;
* a folder: walked recursively in name order, reading ``*.txt``, ``*.md``,
  ``*.jsonl``, ``*.ndjson`` and ``*.json``; hidden files and folders (names
  starting with ``.``) are skipped, and so are other suffixes.

A JSON record follows the article contract ``{"id", "text", "title",
"published", "url", "language", "outlet"}``: only ``text`` is required,
``date`` is accepted for ``published``, other keys are ignored. The
``published`` and ``language`` arguments of :func:`read_inputs` fill in
records that lack them; a record's own values win.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from tocsin.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedRecordError,
    TocsinError,
)
from tocsin.ingest.decode import decode_bytes, normalize_text
from tocsin.records import Article, InputProblem

__all__ = ["DEFAULT_MAX_BYTES", "FOLDER_SUFFIXES", "parse_article", "parse_date", "read_inputs"]

DEFAULT_MAX_BYTES = 50_000_000
#: Suffixes read when walking a folder.
FOLDER_SUFFIXES = frozenset({".txt", ".md", ".jsonl", ".ndjson", ".json"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_STRING_FIELDS = ("title", "url", "outlet")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


# --------------------------------------------------------------------------- records


def parse_date(value: str, field: str) -> date:
    """A publication date from ``2023-04-20``, ``2023-04-20T10:00:00Z`` or ``2023-04-20 10:00``.

    A time and an offset, when given, are dropped: the date is the one written
    (the local date of publication), not converted to UTC. Raises
    :class:`MalformedRecordError` naming ``field``.
    """
    if not isinstance(value, str):
        raise MalformedRecordError(
            f"field '{field}': expected a date string such as \"2023-04-20\", "
            f"got {type(value).__name__}"
        )
    text = value.strip()
    if not text:
        raise MalformedRecordError(f"field '{field}': empty date")
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise MalformedRecordError(
            f"field '{field}': not a date: {value!r} (expected YYYY-MM-DD, "
            "optionally followed by a time)"
        ) from None


def _optional_string(obj: Mapping[str, Any], field: str) -> str | None:
    value = obj.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecordError(
            f"field '{field}': expected a string, got {type(value).__name__}"
        )
    value = value.strip()
    return value or None


def _language_code(value: str | None, field: str = "language") -> str | None:
    if value is None:
        return None
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    if not _LANGUAGE.fullmatch(code):
        raise MalformedRecordError(
            f"field '{field}': expected a language code such as \"fr\" or \"en\", got {value!r}"
        )
    return code


def _record_id(obj: Mapping[str, Any]) -> str | None:
    value = obj.get("id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MalformedRecordError(
            f"field 'id': expected a string or an integer, got {type(value).__name__}"
        )
    return str(value).strip() or None


def parse_article(
    obj: dict[str, Any],
    *,
    source: str,
    line: int | None,
    published: date | None = None,
    language: str | None = None,
) -> Article:
    """One article from a decoded JSON object.

    ``source`` and ``line`` say where it came from (they are set on any error
    and on ``Article.origin``); ``published`` and ``language`` are defaults
    for a record without them. Raises :class:`MalformedRecordError` naming the
    faulty field.
    """
    try:
        if not isinstance(obj, dict):
            raise MalformedRecordError(
                f"expected a JSON object, got {_json_type(obj)}"
            )
        if "text" not in obj or obj["text"] is None:
            raise MalformedRecordError("field 'text' is missing")
        text = obj["text"]
        if not isinstance(text, str):
            raise MalformedRecordError(
                f"field 'text': expected a string, got {_json_type(text)}"
            )
        text = normalize_text(text)
        if not text.strip():
            raise MalformedRecordError("field 'text' is empty")

        url = _optional_string(obj, "url")
        title, outlet = _optional_string(obj, "title"), _optional_string(obj, "outlet")
        lang = _language_code(_optional_string(obj, "language")) or _language_code(language)

        when: date | None = published
        for key in ("published", "date"):
            value = obj.get(key)
            if value is None:
                continue
            when = value if isinstance(value, date) and not isinstance(value, datetime) \
                else parse_date(value, key)
            break

        return Article(
            id=_record_id(obj) or Article.make_id(text, url),
            text=text,
            title=normalize_text(title) if title else None,
            published=when,
            url=url,
            language=lang,
            outlet=outlet,
            origin=f"{source}:{line}" if line is not None else source,
        )
    except MalformedRecordError as exc:
        raise MalformedRecordError(exc.message, source=source, line=line) from None


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean",
             int: "number", float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------- problems


def _problem(exc: TocsinError, source: str, article_id: str | None = None) -> InputProblem:
    return InputProblem(
        source=exc.source or source,
        message=exc.message,
        code=exc.code,
        line=exc.line,
        article_id=article_id,
    )


def _os_problem(exc: OSError, source: str) -> InputProblem:
    reason = (exc.strerror or exc.__class__.__name__).lower()
    if isinstance(exc, FileNotFoundError) and Path(source).is_symlink():
        reason = "broken symbolic link"
    return InputProblem(source=source, message=f"cannot read: {reason}", code=InputError.code)


# --------------------------------------------------------------------------- readers


def _read_limited(path: Path, max_bytes: int, *, regular_only: bool) -> bytes:
    """The bytes of ``path``, at most ``max_bytes`` of them (else :class:`InputError`)."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        if regular_only:
            raise InputError("not a regular file (a pipe, socket or device); skipped")
    elif info.st_size > max_bytes:
        raise InputError(f"file too large: {info.st_size} bytes; limit {max_bytes}")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"file too large: over {max_bytes} bytes; limit {max_bytes}")
    return data


def _jsonl_items(
    text: str, source: str, published: date | None, language: str | None
) -> Iterator[Article | InputProblem]:
    # Split on "\n" only: JSON strings may hold U+2028 and other separators.
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        article_id: str | None = None
        try:
            try:
                obj = json.loads(raw)
            except (ValueError, RecursionError) as exc:
                raise MalformedRecordError(f"invalid JSON: {_json_error(exc)}") from None
            if isinstance(obj, dict):
                try:
                    article_id = _record_id(obj)
                except MalformedRecordError:
                    article_id = None
            yield parse_article(obj, source=source, line=number,
                                published=published, language=language)
        except MalformedRecordError as exc:
            yield InputProblem(source=source, message=exc.message, code=exc.code,
                               line=number, article_id=article_id)


def _json_error(exc: BaseException) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)


def _json_items(
    text: str, source: str, published: date | None, language: str | None
) -> Iterator[Article | InputProblem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputProblem(source=source, message=f"invalid JSON: {exc.msg}",
                           code=MalformedRecordError.code, line=exc.lineno)
        return
    except (ValueError, RecursionError) as exc:
        yield InputProblem(source=source, message=f"invalid JSON: {_json_error(exc)}",
                           code=MalformedRecordError.code)
        return
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        yield InputProblem(
            source=source,
            message=f"expected a JSON list of articles or one article, got {_json_type(data)}",
            code=MalformedRecordError.code,
        )
        return
    if not data:
        yield InputProblem(source=source, message="empty input: the JSON list is empty",
                           code=EmptyInputError.code)
        return
    for index, obj in enumerate(data):
        where = f"{source}[{index}]"
        try:
            yield parse_article(obj, source=where, line=None,
                                published=published, language=language)
        except MalformedRecordError as exc:
            article_id = None
            if isinstance(obj, dict):
                try:
                    article_id = _record_id(obj)
                except MalformedRecordError:
                    article_id = None
            yield InputProblem(source=source, message=f"item [{index}]: {exc.message}",
                               code=exc.code, article_id=article_id)


def _text_item(
    text: str, source: str, published: date | None, language: str | None
) -> Article:
    return Article(
        id=Article.make_id(text),
        text=text,
        title=None,
        published=published,
        language=language,
        origin=source,
    )


def _items_from_text(
    text: str, source: str, kind: str, published: date | None, language: str | None
) -> Iterator[Article | InputProblem]:
    if kind == "jsonl":
        yield from _jsonl_items(text, source, published, language)
    elif kind == "json":
        yield from _json_items(text, source, published, language)
    else:
        yield _text_item(text, source, published, language)


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".json":
        return "json"
    return "text"


def _read_file(
    path: Path, published: date | None, language: str | None, max_bytes: int,
    *, regular_only: bool,
) -> Iterator[Article | InputProblem]:
    source = str(path)
    try:
        data = _read_limited(path, max_bytes, regular_only=regular_only)
        text = decode_bytes(data, source)
    except TocsinError as exc:
        yield _problem(exc, source)
        return
    except OSError as exc:
        yield _os_problem(exc, source)
        return
    yield from _items_from_text(text, source, _kind_of(path), published, language)


def _walk(folder: Path) -> Iterator[Path | InputProblem]:
    """Files of ``folder`` to read, recursively, in name order; hidden entries skipped."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield _os_problem(exc, str(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path)
        elif path.suffix.lower() in FOLDER_SUFFIXES:
            yield path


def _read_stdin(
    stream: TextIO | BinaryIO | None, published: date | None, language: str | None,
    max_bytes: int,
) -> Iterator[Article | InputProblem]:
    source = "-"
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        data: str | bytes = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"input too large: over {max_bytes} bytes; limit {max_bytes}")
        if isinstance(data, bytes):
            text = decode_bytes(data, source)
        else:
            if "\x00" in data:
                raise BinaryInputError("looks like binary data (contains NUL characters)")
            text = normalize_text(data)
            if not text.strip():
                raise EmptyInputError("empty input: no text to code")
    except TocsinError as exc:
        yield _problem(exc, source)
        return
    except OSError as exc:
        yield _os_problem(exc, source)
        return
    kind = "jsonl" if text.lstrip().startswith("{") else "text"
    yield from _items_from_text(text, source, kind, published, language)


def read_inputs(
    paths: Sequence[str | Path],
    *,
    published: date | None = None,
    language: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputProblem]:
    """Articles from ``paths``, with an :class:`InputProblem` for each input that fails.

    ``published`` and ``language`` are defaults for records without them.
    ``stdin`` is read for a ``-`` path (``sys.stdin`` when not given). Files
    over ``max_bytes`` are reported, not read. Reading is lazy: one input at a
    time, in the order given.
    """
    try:
        default_language = _language_code(language)
    except MalformedRecordError as exc:
        raise ValueError(f"language: {exc.message}") from None
    for item in paths:
        if str(item) == "-":
            yield from _read_stdin(stdin, published, default_language, max_bytes)
            continue
        if not str(item).strip():
            yield InputProblem(source=repr(str(item)), message="empty path",
                               code=InputError.code)
            continue
        path = Path(item)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as exc:
            yield _os_problem(exc, str(path))
            continue
        if not exists:
            yield InputProblem(source=str(path), message="no such file or directory",
                               code=InputError.code)
        elif is_dir:
            for found in _walk(path):
                if isinstance(found, InputProblem):
                    yield found
                else:
                    yield from _read_file(found, published, default_language, max_bytes,
                                          regular_only=True)
        else:
            yield from _read_file(path, published, default_language, max_bytes,
                                  regular_only=False)
