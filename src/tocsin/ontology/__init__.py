"""The PLOVER event ontology with CAMEO codes beside it.

``load_ontology()`` reads the bundled tables in ``ontology/data/`` once and
returns an immutable :class:`Ontology`:

* the 16 PLOVER types, with quad class, symmetry, recipient requirement and modes;
* CAMEO code names and Goldstein values;
* the CAMEO → PLOVER mapping, and a representative CAMEO code per PLOVER type/mode.

CAMEO codes are strings with leading zeros (``"043"``). Lookups also accept a
code whose leading zero was dropped (``"43"``) when the padded code exists.
The tables are regenerated from the reference files by ``tools/build_ontology.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from tocsin.errors import DataFileError
from tocsin.ontology.tables import Row, parse_flag, read_table, split_multi

__all__ = [
    "CODE_DEFAULTS",
    "DATA_DIR",
    "PLOVER_TYPES",
    "Ontology",
    "PloverMapping",
    "PloverType",
    "load_ontology",
    "read_ontology",
]

#: Where the bundled tables live.
DATA_DIR = Path(__file__).resolve().parent / "data"

#: The 16 PLOVER event types, in the manual's order.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: Representative CAMEO code per (type, mode); ``(type, None)`` is the type's default.
#: A mode missing here falls back to the first mapped code of that type and mode,
#: then to the type's default.
CODE_DEFAULTS: Mapping[tuple[str, str | None], str] = MappingProxyType({
    ("AGREE", None): "030",
    ("CONSULT", None): "040",
    ("CONSULT", "phone"): "041",
    ("CONSULT", "visit"): "042",
    ("CONSULT", "third-party"): "044",
    ("SUPPORT", None): "051",
    ("CONCEDE", None): "080",
    ("COOPERATE", None): "060",
    ("AID", None): "070",
    ("RETREAT", None): "087",
    ("RETREAT", "withdraw"): "0874",
    ("RETREAT", "release"): "0841",
    ("RETREAT", "disarm"): "0873",
    ("RETREAT", "ceasefire"): "0871",
    ("RETREAT", "access"): "086",
    ("RETREAT", "resign"): "084",
    ("REQUEST", None): "100",
    ("ACCUSE", None): "112",
    ("ACCUSE", "disapprove"): "111",
    ("ACCUSE", "investigate"): "090",
    ("ACCUSE", "allege"): "112",
    ("REJECT", None): "120",
    ("THREATEN", None): "130",
    ("THREATEN", "violence"): "138",
    ("PROTEST", None): "140",
    ("PROTEST", "strike"): "143",
    ("SANCTION", None): "160",
    ("SANCTION", "discontinue"): "163",
    ("MOBILIZE", None): "150",
    ("COERCE", None): "170",
    ("ASSAULT", None): "190",
    ("ASSAULT", "targeted"): "186",
    ("ASSAULT", "firearms"): "193",
    ("ASSAULT", "heavy-weapons"): "194",
    ("ASSAULT", "aerial"): "195",
    ("ASSAULT", "drone"): "195",
    ("ASSAULT", "explosives"): "183",
    ("ASSAULT", "abduct"): "181",
    ("ASSAULT", "destroy"): "1712",
})

_TYPE_COLUMNS = ("type", "quad_class", "symmetric", "requires_target", "modes", "description")
_CODE_COLUMNS = ("code", "name", "goldstein")
_MAP_COLUMNS = ("cameo", "type", "mode", "context")


@dataclass(frozen=True, slots=True)
class PloverType:
    """One PLOVER event type."""

    name: str
    quad_class: int
    symmetric: bool
    requires_target: bool
    modes: tuple[str, ...]
    description: str


class PloverMapping(NamedTuple):
    """The PLOVER reading of a CAMEO code."""

    type: str
    mode: str | None
    context: tuple[str, ...]


def root_quad_class(code: str) -> int | None:
    """The quad class of a CAMEO code from its root (01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4)."""
    if not (2 <= len(code) <= 4 and code.isdigit()):
        return None
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 14:
        return 3
    if 15 <= root <= 20:
        return 4
    return None


@dataclass(frozen=True, slots=True)
class Ontology:
    """PLOVER types and modes, CAMEO names and Goldstein values, and their mapping."""

    types: tuple[str, ...]
    type_table: Mapping[str, PloverType]
    names: Mapping[str, str]
    goldstein_values: Mapping[str, float]
    mapping: Mapping[str, PloverMapping]

    # -- PLOVER types -------------------------------------------------------------

    def type_info(self, plover_type: str) -> PloverType:
        """Quad class, symmetry, recipient requirement and modes of a type (KeyError if unknown)."""
        try:
            return self.type_table[plover_type]
        except KeyError:
            raise KeyError(f"unknown PLOVER type {plover_type!r}") from None

    def is_symmetric(self, plover_type: str) -> bool:
        """Whether "X and Y <event>" means X↔Y for this type (CONSULT, AGREE, COOPERATE)."""
        return self.type_info(plover_type).symmetric

    def modes(self, plover_type: str) -> tuple[str, ...]:
        return self.type_info(plover_type).modes

    # -- CAMEO codes --------------------------------------------------------------

    @property
    def codes(self) -> tuple[str, ...]:
        """Every CAMEO code, root codes included, in code order."""
        return tuple(self.names)

    def normalise_code(self, code: str) -> str:
        """``code`` stripped, with a dropped leading zero restored when that makes it known."""
        code = str(code).strip()
        if code in self.names:
            return code
        padded = "0" + code
        if padded in self.names:
            return padded
        return code

    def is_cameo(self, code: str) -> bool:
        return self.normalise_code(code) in self.names

    def cameo_name(self, code: str) -> str | None:
        """The CAMEO name of ``code``, or None when it is not a CAMEO code."""
        return self.names.get(self.normalise_code(code))

    def _lineage(self, code: str) -> list[str]:
        code = self.normalise_code(code)
        return [code[:n] for n in range(len(code), 1, -1)]

    def goldstein(self, code: str) -> float:
        """Goldstein value of ``code``, else of its nearest parent code, else 0.0."""
        for candidate in self._lineage(code):
            value = self.goldstein_values.get(candidate)
            if value is not None:
                return value
        return 0.0

    def quad_class(self, code: str) -> int:
        """Quad class from the CAMEO root: 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4."""
        quad = root_quad_class(self.normalise_code(code))
        if quad is None:
            raise ValueError(f"not a CAMEO code: {code!r}")
        return quad

    # -- mapping ------------------------------------------------------------------

    def plover_for_cameo(self, code: str) -> PloverMapping | None:
        """(type, mode, context) of ``code`` or of its nearest mapped parent; None if unmapped."""
        for candidate in self._lineage(code):
            found = self.mapping.get(candidate)
            if found is not None:
                return found
        return None

    def cameo_for_plover(self, plover_type: str, mode: str | None = None) -> str:
        """A representative CAMEO code for a type (and mode); KeyError for an unknown type."""
        self.type_info(plover_type)
        mode = mode or None
        if mode is not None:
            chosen = CODE_DEFAULTS.get((plover_type, mode))
            if chosen is not None:
                return chosen
            for code, found in self.mapping.items():
                if found.type == plover_type and found.mode == mode:
                    return code
        return CODE_DEFAULTS[(plover_type, None)]

    def validate(self, plover_type: str, mode: str | None, cameo: str, *,
                 source: str | None = None, line: int | None = None) -> None:
        """Raise DataFileError unless the type is a PLOVER type, the mode one of its
        modes (or empty) and ``cameo`` a known CAMEO code."""
        info = self.type_table.get(plover_type)
        if info is None:
            raise DataFileError(f"unknown PLOVER type {plover_type!r}", source=source, line=line)
        if mode and mode not in info.modes:
            allowed = ", ".join(info.modes) or "none"
            raise DataFileError(
                f"{mode!r} is not a {plover_type} mode (allowed: {allowed})",
                source=source, line=line,
            )
        if not isinstance(cameo, str) or cameo.strip() not in self.names:
            raise DataFileError(f"unknown CAMEO code {cameo!r}", source=source, line=line)


def _fail(message: str, table_source: str, row: Row) -> DataFileError:
    return DataFileError(message, source=table_source, line=row.line)


def _read_types(path: Path) -> dict[str, PloverType]:
    table = read_table(path, _TYPE_COLUMNS)
    out: dict[str, PloverType] = {}
    for row in table.rows:
        name = row["type"]
        if name not in PLOVER_TYPES:
            raise _fail(f"unknown PLOVER type {name!r}", table.source, row)
        if name in out:
            raise _fail(f"duplicate type {name}", table.source, row)
        if row["quad_class"] not in ("1", "2", "3", "4"):
            raise _fail(f"quad_class must be 1-4, not {row['quad_class']!r}", table.source, row)
        out[name] = PloverType(
            name=name,
            quad_class=int(row["quad_class"]),
            symmetric=parse_flag(row["symmetric"], column="symmetric",
                                 source=table.source, line=row.line),
            requires_target=parse_flag(row["requires_target"], column="requires_target",
                                       source=table.source, line=row.line),
            modes=split_multi(row["modes"]),
            description=row["description"],
        )
    missing = [t for t in PLOVER_TYPES if t not in out]
    if missing:
        raise DataFileError(f"missing PLOVER types: {', '.join(missing)}", source=table.source)
    return {t: out[t] for t in PLOVER_TYPES}


def _read_codes(path: Path) -> tuple[dict[str, str], dict[str, float]]:
    table = read_table(path, _CODE_COLUMNS)
    names: dict[str, str] = {}
    values: dict[str, float] = {}
    for row in table.rows:
        code = row["code"]
        if root_quad_class(code) is None:
            raise _fail(f"not a CAMEO code: {code!r}", table.source, row)
        if code in names:
            raise _fail(f"duplicate CAMEO code {code}", table.source, row)
        if not row["name"]:
            raise _fail(f"CAMEO code {code} has no name", table.source, row)
        names[code] = row["name"]
        if row["goldstein"]:
            try:
                value = float(row["goldstein"])
            except ValueError:
                raise _fail(f"bad Goldstein value {row['goldstein']!r}", table.source,
                            row) from None
            if not -10.0 <= value <= 10.0:
                raise _fail(f"Goldstein value {value} outside -10..10", table.source, row)
            values[code] = value
    missing = [f"{n:02d}" for n in range(1, 21) if f"{n:02d}" not in names]
    if missing:
        raise DataFileError(f"missing CAMEO root codes: {', '.join(missing)}", source=table.source)
    return dict(sorted(names.items())), values


def _read_mapping(path: Path, types: Mapping[str, PloverType],
                  names: Mapping[str, str]) -> dict[str, PloverMapping]:
    table = read_table(path, _MAP_COLUMNS)
    out: dict[str, PloverMapping] = {}
    for row in table.rows:
        code = row["cameo"]
        if code not in names:
            raise _fail(f"unknown CAMEO code {code!r}", table.source, row)
        if code in out:
            raise _fail(f"duplicate CAMEO code {code}", table.source, row)
        info = types.get(row["type"])
        if info is None:
            raise _fail(f"unknown PLOVER type {row['type']!r}", table.source, row)
        mode = row["mode"] or None
        if mode is not None and mode not in info.modes:
            raise _fail(f"{mode!r} is not a {info.name} mode", table.source, row)
        out[code] = PloverMapping(info.name, mode, split_multi(row["context"]))
    return dict(sorted(out.items()))


def read_ontology(directory: Path | str = DATA_DIR) -> Ontology:
    """Read and check the three ontology tables in ``directory`` (not cached)."""
    directory = Path(directory)
    types = _read_types(directory / "plover_types.tsv")
    names, values = _read_codes(directory / "cameo_codes.tsv")
    mapping = _read_mapping(directory / "cameo_plover.tsv", types, names)
    return Ontology(
        types=tuple(types),
        type_table=MappingProxyType(types),
        names=MappingProxyType(names),
        goldstein_values=MappingProxyType(values),
        mapping=MappingProxyType(mapping),
    )


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The bundled ontology, read once per process."""
    return read_ontology(DATA_DIR)
