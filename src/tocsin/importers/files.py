"""Reading event-data files line by line: plain, gzip or zip, in bounded memory.

``open_lines(path)`` yields ``(where, line_number, text)`` for every line of a
file, or of every member of a zip archive (GDELT ships one CSV per zip);
``where`` names the file (``export.zip!20240301.export.CSV`` for a member).
Bytes that are not UTF-8 are replaced (and counted by the caller as a bad row if
the row then fails its checks), so one bad byte does not stop a file of
millions of rows.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from tocsin.errors import BinaryInputError, InputError

#: Longest line read; a longer one is skipped (its text is ``None``) without being held.
MAX_LINE = 1_000_000


def open_lines(path: Path) -> Iterator[tuple[str, int, str | None]]:
    """Every line of ``path`` (newline stripped), with its file label and 1-based number.

    A line longer than :data:`MAX_LINE` characters comes as ``None`` (read past in
    chunks, never held whole), so a hostile file cannot exhaust memory.
    """
    if not path.exists():
        raise InputError("no such file", source=str(path))
    if path.is_dir():
        raise InputError("is a directory, not a file", source=str(path))
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.infolist() if not m.is_dir()]
                if not members:
                    raise InputError("empty zip archive", source=str(path))
                for member in members:
                    where = f"{path}!{member.filename}"
                    with archive.open(member) as raw:
                        yield from _lines(raw, where)
            return
        with path.open("rb") as probe:
            magic = probe.read(2)
        if magic == b"\x1f\x8b":
            with gzip.open(path, "rb") as raw:
                yield from _lines(raw, str(path))
            return
        with path.open("rb") as raw:
            yield from _lines(raw, str(path))
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise InputError(f"cannot read the file ({exc})", source=str(path)) from exc


def _lines(raw: io.BufferedIOBase | object, where: str) -> Iterator[tuple[str, int, str | None]]:
    with io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="") as text:  # type: ignore[arg-type]
        number = 0
        while True:
            line = text.readline(MAX_LINE + 1)
            if not line:
                return
            number += 1
            if len(line) > MAX_LINE and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = text.readline(MAX_LINE)
                yield where, number, None
                continue
            if number == 1:
                if "\x00" in line:
                    raise BinaryInputError("looks like a binary file, not tab-separated text",
                                           source=where)
                line = line.lstrip("\ufeff")
            yield where, number, line.rstrip("\r\n")
