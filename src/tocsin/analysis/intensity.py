"""tocsin's PLOVER-based intensity scale: one score per PLOVER type, −10 … +10.

The scale is a data file (``analysis/data/plover_intensity.tsv``) read once. It
complements the Goldstein value (which belongs to the CAMEO code) with a value
that depends only on the PLOVER type, so events coded by tocsin and events
imported from GDELT/ICEWS/POLECAT are scored alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from tocsin.errors import DataFileError
from tocsin.ontology import PLOVER_TYPES
from tocsin.ontology.tables import read_table

#: Where the bundled scale lives.
INTENSITY_FILE = Path(__file__).resolve().parent / "data" / "plover_intensity.tsv"


def read_intensity_scale(path: Path | str = INTENSITY_FILE) -> Mapping[str, float]:
    """Read and check a scale file: every PLOVER type once, values within −10 … 10."""
    table = read_table(path, ("type", "intensity"))
    out: dict[str, float] = {}
    for row in table.rows:
        name = row["type"]
        if name not in PLOVER_TYPES:
            raise DataFileError(f"unknown PLOVER type {name!r}", source=table.source, line=row.line)
        try:
            value = float(row["intensity"])
        except ValueError:
            raise DataFileError(f"intensity {row['intensity']!r} is not a number",
                                source=table.source, line=row.line) from None
        if not -10.0 <= value <= 10.0:
            raise DataFileError(f"intensity {value} outside -10..10", source=table.source,
                                line=row.line)
        out[name] = value
    missing = [t for t in PLOVER_TYPES if t not in out]
    if missing:
        raise DataFileError(f"missing PLOVER types: {', '.join(missing)}", source=table.source)
    return MappingProxyType(out)


@lru_cache(maxsize=1)
def intensity_scale() -> Mapping[str, float]:
    """The bundled scale, read once per process."""
    return read_intensity_scale()


def intensity(plover_type: str) -> float:
    """The intensity of one PLOVER type (0.0 for an unknown type)."""
    return intensity_scale().get(plover_type, 0.0)


def intensity_sql(column: str = '"type"') -> str:
    """A SQL ``CASE`` giving the intensity of the PLOVER type in ``column``.

    Only the bundled, checked type names and numbers go into the SQL text.
    """
    whens = " ".join(
        f"WHEN '{name}' THEN {value!r}" for name, value in intensity_scale().items()
    )
    return f"(CASE {column} {whens} ELSE 0.0 END)"
