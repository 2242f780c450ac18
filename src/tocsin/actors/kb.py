"""The actor knowledge base: countries, sector words, organisations and people.

The bundled tables live in ``tocsin/actors/data/`` (formats in
docs/architecture.md and in each file's header):

==================== ==========================================================
``countries.tsv``    iso3 iso2 name_en name_fr aliases adjectives capitals
``sectors.tsv``      lang phrase sector note
``organisations.tsv`` code name aliases country sector entity_id
``people.tsv``       entity_id name aliases country sector role start end
``non_actors.tsv``   lang phrase note — phrases that contain an actor word but
                     name no actor (``South China Sea``, ``Latin America``)
``person_codes.tsv`` entity_id code note — codes for roles with no country
                     (officials of international organisations)
``organisation_eras.tsv`` name start end code note — the code an organisation
                     takes while it holds power (the Taliban govern Afghanistan
                     from 2021-08-15: ``AFGREB`` becomes ``AFGGOV``)
==================== ==========================================================

:func:`load_knowledge_base` reads them once (cached) and builds immutable
indexes. Extra files of the same formats, recognised by their header row, add
entries or replace bundled ones: a country by ``iso3``, an organisation by its
name, a person (all their rows) by ``entity_id`` or name, a sector or
non-actor phrase by language and phrase, a person code by ``entity_id``.

Every alias is indexed under its folded token sequence (see
:mod:`tocsin.actors.text`). An alias written as a capitalised word matches only
capitalised text (unless the text has no capitals at all); an all-capital alias of
at most three letters (``US``, ``UE``, ``ONU``) matches only text in capitals; a short
one-word acronym with a capital after a small letter (``AfD``, ``PiS``) matches only
text written exactly so (``AFD``, the French development agency, is not ``AfD``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import jellyfish

from tocsin.actors.text import alias_key
from tocsin.errors import DataFileError

__all__ = [
    "AliasEntry", "Country", "Era", "KnowledgeBase", "Organisation", "Person", "Role",
    "SectorPhrase", "load_knowledge_base",
]

Kind = Literal["blocker", "person", "organisation", "country", "sector"]

#: Match priority of alias kinds on the same words (lower wins).
RANK = {
    "blocker": 0, "person": 5, "organisation": 8, "country_name": 10, "country_alias": 11,
    "capital": 13, "adjective": 14, "sector": 20,
}

#: Case rules of an alias (see module docstring).
CASE_ANY, CASE_CAPITAL, CASE_UPPER, CASE_EXACT = 0, 1, 2, 3

#: the longest mixed-case acronym (``AfD``, ``LaREM``) given the exact-case rule
_MIXED_ACRONYM_MAX = 5

COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "countries": ("iso3", "iso2", "name_en", "name_fr", "aliases", "adjectives", "capitals"),
    "sectors": ("lang", "phrase", "sector", "note"),
    "organisations": ("code", "name", "aliases", "country", "sector", "entity_id"),
    "people": ("entity_id", "name", "aliases", "country", "sector", "role", "start", "end"),
    "non_actors": ("lang", "phrase", "note"),
    "person_codes": ("entity_id", "code", "note"),
    "organisation_eras": ("name", "start", "end", "code", "note"),
})
#: Columns that may not be empty.
REQUIRED: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "countries": ("iso3", "name_en", "name_fr"),
    "sectors": ("lang", "phrase", "sector"),
    "organisations": ("code", "name"),
    "people": ("name",),
    "non_actors": ("phrase",),
    "person_codes": ("entity_id", "code"),
    "organisation_eras": ("name", "start", "code"),
})
BUNDLED = ("countries.tsv", "sectors.tsv", "organisations.tsv", "people.tsv",
           "non_actors.tsv", "person_codes.tsv", "organisation_eras.tsv")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name_en: str
    name_fr: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SectorPhrase:
    lang: str
    phrase: str
    sector: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Era:
    """A span of time in which an organisation is coded otherwise (both ends inclusive,
    ``end`` None while it lasts)."""

    start: date
    end: date | None
    code: str
    country: str | None
    sector: str | None

    def valid_at(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    entity_id: str | None
    eras: tuple[Era, ...] = ()

    def coded_at(self, when: date | None) -> tuple[str, str | None, str | None]:
        """The code, country and sector of the organisation on ``when`` (its own when no era
        covers that day, or when the day is not known)."""
        if when is not None:
            for era in self.eras:
                if era.valid_at(when):
                    return era.code, era.country, era.sector
        return self.code, self.country, self.sector


@dataclass(frozen=True, slots=True)
class Role:
    """One office held: both ends inclusive, ``end`` None while in office."""

    country: str | None
    sector: str | None
    role: str
    start: date | None
    end: date | None
    code: str | None

    def valid_at(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    entity_id: str | None
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_at(self, when: date | None, prefer_sector: str | None = None) -> tuple[Role, float]:
        """The role held at ``when`` and how sure that is.

        * roles valid at ``when`` (ends inclusive): the one in ``prefer_sector`` if
          any, else the latest started; confidence 1.0;
        * none valid: the latest role that ended before ``when`` (0.7), else the
          earliest role that started after it (0.5);
        * ``when`` None: the current role (no end) as above, else the latest ended (0.7).
        """
        def best(roles: Sequence[Role]) -> Role:
            return max(roles, key=lambda r: (r.sector == prefer_sector, r.start or date.min))

        if when is None:
            current = [r for r in self.roles if r.end is None]
            if current:
                return best(current), 1.0
            return max(self.roles, key=lambda r: r.end or date.min), 0.7
        valid = [r for r in self.roles if r.valid_at(when)]
        if valid:
            return best(valid), 1.0
        before = [r for r in self.roles if r.end is not None and r.end < when]
        if before:
            return max(before, key=lambda r: r.end or date.min), 0.7
        return min(self.roles, key=lambda r: r.start or date.max), 0.5


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """What one alias points to."""

    kind: Kind
    #: iso3 (country), organisation key, person key, sector code, or "" (blocker)
    ref: str
    rank: int
    case: int
    #: "" for every language, else the language the alias is looked up in
    lang: str
    form: str
    #: for countries: name, alias, capital or adjective
    detail: str = ""


@dataclass(frozen=True)
class KnowledgeBase:
    """Immutable tables and the indexes the resolver reads."""

    countries: Mapping[str, Country]
    organisations: Mapping[str, Organisation]
    people: Mapping[str, Person]
    sectors: tuple[SectorPhrase, ...]
    non_actors: tuple[tuple[str, str], ...]
    #: folded token sequence → entries, best first
    index: Mapping[tuple[str, ...], tuple[AliasEntry, ...]]
    #: every proper prefix of an index key (to stop scanning early)
    prefixes: frozenset[tuple[str, ...]]
    #: the alias exactly as written → entries
    exact: Mapping[str, tuple[AliasEntry, ...]]
    max_tokens: int
    people_by_country: Mapping[str, tuple[Person, ...]]
    #: person key → (folded form, metaphone of the form) for every name and alias
    person_forms: Mapping[str, tuple[tuple[str, str], ...]]
    sources: tuple[str, ...] = field(default=())

    def lookup(self, text: str) -> tuple[AliasEntry, ...]:
        """Entries whose alias is ``text`` once normalised (no case rules applied)."""
        return self.index.get(alias_key(text), ())

    def stats(self) -> dict[str, int]:
        """Sizes of the tables and of the alias index (for ``tocsin info``)."""
        return {
            "countries": len(self.countries),
            "organisations": len(self.organisations),
            "people": len(self.people),
            "roles": sum(len(p.roles) for p in self.people.values()),
            "sector phrases": len(self.sectors),
            "non-actor phrases": len(self.non_actors),
            "aliases": len(self.index),
        }


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Row:
    source: str
    line: int
    cells: Mapping[str, str]


def _read_table(text: str, source: str) -> tuple[str, list[_Row]]:
    """The format name (from the header row) and the rows of one TSV file."""
    fmt: str | None = None
    columns: tuple[str, ...] = ()
    rows: list[_Row] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if fmt is None:
            header = tuple(cells)
            for name, cols in COLUMNS.items():
                if header == cols:
                    fmt, columns = name, cols
                    break
            else:
                raise DataFileError(
                    f"unrecognised header row {'|'.join(header)!r}; expected one of: "
                    + "; ".join(" ".join(c) for c in COLUMNS.values()),
                    source=source, line=lineno,
                )
            continue
        if len(cells) > len(columns):
            raise DataFileError(
                f"{len(cells)} cells, expected {len(columns)} ({' '.join(columns)})",
                source=source, line=lineno,
            )
        cells += [""] * (len(columns) - len(cells))
        row = dict(zip(columns, cells, strict=True))
        for col in REQUIRED[fmt]:
            if not row[col]:
                raise DataFileError(f"empty {col!r}", source=source, line=lineno)
        rows.append(_Row(source, lineno, MappingProxyType(row)))
    if fmt is None:
        raise DataFileError("no header row", source=source)
    return fmt, rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _code3(value: str, what: str, row: _Row, *, optional: bool = True) -> str | None:
    if not value and optional:
        return None
    if len(value) != 3 or not value.isascii() or not value.isalpha() or not value.isupper():
        raise DataFileError(f"bad {what} {value!r} (three capital letters)", source=row.source, line=row.line)
    return value


def _date(value: str, what: str, row: _Row) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataFileError(f"bad {what} date {value!r} (YYYY-MM-DD)", source=row.source, line=row.line) from None


def _country(row: _Row) -> Country:
    c = row.cells
    iso3 = _code3(c["iso3"], "iso3", row, optional=False) or ""
    iso2 = c["iso2"]
    if iso2 and (len(iso2) != 2 or not iso2.isalpha()):
        raise DataFileError(f"bad iso2 {iso2!r}", source=row.source, line=row.line)
    return Country(iso3, iso2, c["name_en"], c["name_fr"], _split(c["aliases"]),
                   _split(c["adjectives"]), _split(c["capitals"]))


def _sector(row: _Row) -> SectorPhrase:
    c = row.cells
    lang = c["lang"]
    if not (len(lang) == 2 and lang.isalpha() and lang.islower()):
        raise DataFileError(f"bad lang {lang!r} (two lower-case letters)", source=row.source, line=row.line)
    sector = _code3(c["sector"], "sector", row, optional=False) or ""
    return SectorPhrase(lang, c["phrase"], sector, c["note"])


def _organisation(row: _Row) -> Organisation:
    c = row.cells
    code = c["code"]
    if not (code.isascii() and code.isalnum() and code.upper() == code):
        raise DataFileError(f"bad code {code!r} (capital letters and digits)", source=row.source, line=row.line)
    return Organisation(code, c["name"], _split(c["aliases"]), _code3(c["country"], "country", row),
                        _code3(c["sector"], "sector", row), c["entity_id"] or None)


def _era(row: _Row) -> Era:
    c = row.cells
    code = c["code"]
    if not (code.isascii() and code.isalnum() and code.upper() == code and len(code) >= 3):
        raise DataFileError(f"bad code {code!r} (a country code and a sector: AFGGOV)",
                            source=row.source, line=row.line)
    start = _date(c["start"], "start", row)
    end = _date(c["end"], "end", row)
    assert start is not None  # a required column
    if end is not None and end < start:
        raise DataFileError(f"end {end} before start {start}", source=row.source, line=row.line)
    return Era(start, end, code, code[:3], code[3:] or None)


def _person_key(entity_id: str, name: str) -> str:
    return entity_id or "name:" + " ".join(alias_key(name))


def _role(row: _Row) -> Role:
    c = row.cells
    start = _date(c["start"], "start", row)
    end = _date(c["end"], "end", row)
    if start and end and end < start:
        raise DataFileError(f"end {end} before start {start}", source=row.source, line=row.line)
    return Role(_code3(c["country"], "country", row), _code3(c["sector"], "sector", row),
                c["role"], start, end, None)


def _non_actor(row: _Row) -> tuple[str, str]:
    lang = row.cells["lang"]
    if lang and not (len(lang) == 2 and lang.isalpha() and lang.islower()):
        raise DataFileError(f"bad lang {lang!r}", source=row.source, line=row.line)
    return lang, row.cells["phrase"]


# --------------------------------------------------------------------------- building


@dataclass
class _Tables:
    countries: dict[str, Country] = field(default_factory=dict)
    sectors: dict[tuple[str, tuple[str, ...]], SectorPhrase] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, tuple[str, str, tuple[str, ...], list[Role]]] = field(default_factory=dict)
    non_actors: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = field(default_factory=dict)
    person_codes: dict[str, str] = field(default_factory=dict)
    eras: dict[str, list[Era]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, fmt: str, rows: list[_Row]) -> None:
        if fmt == "countries":
            for row in rows:
                country = _country(row)
                self.countries[country.iso3] = country
        elif fmt == "sectors":
            for row in rows:
                phrase = _sector(row)
                self.sectors[(phrase.lang, alias_key(phrase.phrase))] = phrase
        elif fmt == "organisations":
            for row in rows:
                org = _organisation(row)
                self.organisations[" ".join(alias_key(org.name))] = org
        elif fmt == "people":
            replaced: set[str] = set()
            for row in rows:
                c = row.cells
                key = _person_key(c["entity_id"], c["name"])
                if key not in replaced:
                    replaced.add(key)
                    self.people[key] = (c["entity_id"], c["name"], (), [])
                entity_id, name, aliases, roles = self.people[key]
                merged = aliases + tuple(a for a in _split(c["aliases"]) if a not in aliases)
                roles.append(_role(row))
                self.people[key] = (entity_id, name, merged, roles)
        elif fmt == "non_actors":
            for row in rows:
                lang, phrase = _non_actor(row)
                self.non_actors[(lang, alias_key(phrase))] = (lang, phrase)
        elif fmt == "person_codes":
            for row in rows:
                self.person_codes[row.cells["entity_id"]] = row.cells["code"]
        elif fmt == "organisation_eras":
            for row in rows:
                self.eras.setdefault(" ".join(alias_key(row.cells["name"])), []).append(_era(row))


def _case_rule(form: str) -> int:
    letters = [c for c in form if c.isalpha()]
    if not letters:
        return CASE_ANY
    if len(letters) <= 3 and all(c.isupper() for c in letters):
        return CASE_UPPER
    if _mixed_acronym(form):
        return CASE_EXACT
    if form[:1].isupper():
        return CASE_CAPITAL
    return CASE_ANY


def _mixed_acronym(form: str) -> bool:
    """Whether ``form`` is one short word with a capital right after a small letter
    (``AfD``, ``PiS``, ``BfV``): its case tells it from other acronyms."""
    return (form.isalpha() and len(form) <= _MIXED_ACRONYM_MAX
            and any(a.islower() and b.isupper() for a, b in itertools.pairwise(form)))


def _build(tables: _Tables) -> KnowledgeBase:
    index: dict[tuple[str, ...], list[tuple[int, int, AliasEntry]]] = {}
    exact: dict[str, list[tuple[int, int, AliasEntry]]] = {}
    seq = 0

    def add(form: str, kind: Kind, ref: str, rank_name: str, lang: str = "",
            detail: str = "", case: int | None = None) -> None:
        nonlocal seq
        key = alias_key(form)
        if not key:
            return
        entry = AliasEntry(kind, ref, RANK[rank_name], _case_rule(form) if case is None else case,
                           lang, form, detail)
        seq += 1
        bucket = index.setdefault(key, [])
        same = next((k for k, (_, _, e) in enumerate(bucket) if e.kind == kind and e.ref == ref and e.lang == lang), None)
        if same is None:
            bucket.append((entry.rank, seq, entry))
        elif entry.case == CASE_ANY and bucket[same][2].case != CASE_ANY:
            # "Burkinabe" (English, capitalised) and "burkinabè" (French adjective) share a key: the
            # lower-case form must not inherit the capital's case rule
            rank, first_seq, _ = bucket[same]
            bucket[same] = (rank, first_seq, entry)
        exact.setdefault(form.strip(), []).append((entry.rank, seq, entry))

    for lang, phrase in tables.non_actors.values():
        add(phrase, "blocker", "", "blocker", lang)
    people: dict[str, Person] = {}
    for key, (entity_id, name, aliases, roles) in tables.people.items():
        code = tables.person_codes.get(entity_id) if entity_id else None
        coded = tuple(
            Role(r.country, r.sector, r.role, r.start, r.end,
                 code if r.country is None else None)
            for r in sorted(roles, key=lambda r: (r.start or date.min, r.end or date.max))
        )
        person = Person(key, entity_id or None, name, aliases, coded)
        people[key] = person
        for form in (name, *aliases):
            add(form, "person", key, "person")
    for key, org in tables.organisations.items():
        for form in (org.name, *org.aliases):
            add(form, "organisation", key, "organisation")
    for country in tables.countries.values():
        add(country.name_en, "country", country.iso3, "country_name", "en", "name")
        add(country.name_fr, "country", country.iso3, "country_name", "fr", "name")
        for form in country.aliases:
            add(form, "country", country.iso3, "country_alias", "", "alias")
        for form in country.capitals:
            add(form, "country", country.iso3, "capital", "", "capital")
        for form in country.adjectives:
            add(form, "country", country.iso3, "adjective", "", "adjective")
    for phrase in tables.sectors.values():
        add(phrase.phrase, "sector", phrase.sector, "sector", phrase.lang, case=CASE_ANY)

    frozen_index = {k: tuple(e for _, _, e in sorted(v, key=lambda t: t[:2])) for k, v in index.items()}
    prefixes = frozenset(k[:i] for k in frozen_index for i in range(1, len(k)))
    by_country: dict[str, list[Person]] = {}
    forms: dict[str, tuple[tuple[str, str], ...]] = {}
    for person in people.values():
        for country in {r.country for r in person.roles if r.country}:
            by_country.setdefault(country, []).append(person)
        folded = dict.fromkeys(" ".join(alias_key(f)) for f in (person.name, *person.aliases))
        forms[person.key] = tuple((f, jellyfish.metaphone(f)) for f in folded if f)
    unknown = sorted(set(tables.eras) - set(tables.organisations))
    if unknown:
        raise DataFileError(f"eras of organisations not in the organisations table: {', '.join(unknown)}")
    organisations = {key: replace(org, eras=tuple(tables.eras[key])) if key in tables.eras else org
                     for key, org in tables.organisations.items()}
    return KnowledgeBase(
        countries=MappingProxyType(dict(tables.countries)),
        organisations=MappingProxyType(organisations),
        people=MappingProxyType(people),
        sectors=tuple(tables.sectors.values()),
        non_actors=tuple(tables.non_actors.values()),
        index=MappingProxyType(frozen_index),
        prefixes=prefixes,
        exact=MappingProxyType({k: tuple(e for _, _, e in sorted(v, key=lambda t: t[:2]))
                                for k, v in exact.items()}),
        max_tokens=max((len(k) for k in frozen_index), default=0),
        people_by_country=MappingProxyType({k: tuple(v) for k, v in by_country.items()}),
        person_forms=MappingProxyType(forms),
        sources=tuple(tables.sources),
    )


@lru_cache(maxsize=1)
def _bundled() -> tuple[tuple[str, tuple[_Row, ...]], ...]:
    data = resources.files("tocsin.actors") / "data"
    out: list[tuple[str, tuple[_Row, ...]]] = []
    for name in BUNDLED:
        resource = data / name
        if not resource.is_file():
            # people.tsv and the small tables are optional: the resolver works without them
            continue
        fmt, rows = _read_table(resource.read_text(encoding="utf-8"), f"tocsin/actors/data/{name}")
        out.append((fmt, tuple(rows)))
    return tuple(out)


def _read_extra(path: Path) -> tuple[str, list[_Row]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 text ({exc.reason})", source=str(path)) from None
    except OSError as exc:
        raise DataFileError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    return _read_table(text, str(path))


def _tables(extra: Iterable[Path]) -> _Tables:
    tables = _Tables()
    for fmt, rows in _bundled():
        tables.add(fmt, list(rows))
        if rows:
            tables.sources.append(rows[0].source)
    for path in extra:
        fmt, rows = _read_extra(path)
        tables.add(fmt, rows)
        tables.sources.append(str(path))
    return tables


@lru_cache(maxsize=1)
def _bundled_kb() -> KnowledgeBase:
    return _build(_tables(()))


def load_knowledge_base(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """The bundled knowledge base, with ``extra_files`` added on top (later files win).

    The bundled tables are read and indexed once per process; a call with extra
    files reads those files each time and builds a new knowledge base.

    Raises :class:`~tocsin.errors.DataFileError` (naming the file and line) for a
    malformed file.
    """
    if not extra_files:
        return _bundled_kb()
    return _build(_tables([Path(p) for p in extra_files]))

