"""Reading tocsin's TSV data files.

Every data file is UTF-8 TSV: a block of ``#`` comment lines (``# key: value``
for format, version and provenance), one header row of column names, then rows.
Blank lines and later ``#`` lines are ignored. Errors are raised as
:class:`~tocsin.errors.DataFileError` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from tocsin.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its 1-based line number and its cells by column name."""

    line: int
    cells: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]


@dataclass(frozen=True, slots=True)
class Table:
    """A parsed data file."""

    source: str
    meta: Mapping[str, str]
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


def read_table(path: Path | str, columns: Sequence[str], *, source: str | None = None) -> Table:
    """Read ``path`` and check that its header row is exactly ``columns``.

    Rows shorter than the header (trailing empty cells dropped by an editor) are
    padded with empty strings; longer rows are an error.
    """
    path = Path(path)
    where = source or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError("data file not found", source=where) from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 text ({exc.reason})", source=where) from exc
    except OSError as exc:
        raise DataFileError(f"cannot read data file ({exc.strerror})", source=where) from exc

    meta: dict[str, str] = {}
    header: tuple[str, ...] | None = None
    rows: list[Row] = []
    expected = tuple(columns)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.lstrip("\ufeff") if number == 1 else raw
        if not line.strip():
            continue
        if line.startswith("#"):
            if header is None:
                key, sep, value = line[1:].partition(":")
                if sep and key.strip():
                    meta.setdefault(key.strip().lower(), value.strip())
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = tuple(c.lower() for c in cells)
            if header != expected:
                raise DataFileError(
                    f"header row is {'|'.join(header)!r}, expected {'|'.join(expected)!r}",
                    source=where, line=number,
                )
            continue
        if len(cells) > len(header):
            raise DataFileError(
                f"{len(cells)} cells, expected at most {len(header)}", source=where, line=number
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(Row(number, MappingProxyType(dict(zip(header, cells, strict=True)))))
    if header is None:
        raise DataFileError("no header row", source=where)
    return Table(where, MappingProxyType(meta), header, tuple(rows))


def split_multi(value: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell into its non-empty parts."""
    return tuple(part.strip() for part in value.split("|") if part.strip())


def parse_flag(value: str, *, column: str, source: str, line: int) -> bool:
    """``1``/``0``/empty as a boolean."""
    if value in ("", "0"):
        return False
    if value == "1":
        return True
    raise DataFileError(f"{column} must be 0, 1 or empty, not {value!r}", source=source, line=line)
