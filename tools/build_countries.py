"""Regenerate tocsin's country table (``src/tocsin/actors/data/countries.tsv``).

Usage::

    python tools/build_countries.py [OUTPUT_FILE]

Country names in English and French come from the CLDR data shipped with
``babel``; the list of countries and their ISO 3166-1 codes and official names
come from ``pycountry``. Both are development dependencies only: the generated
file is checked in, and tocsin reads the file, never these packages.

Everything else is written here for tocsin:

* ``NAME_FIXES``: CLDR short names that read badly in news text
  (``Congo - Kinshasa``, ``R.A.S. chinoise de Hong Kong``, ``&``);
* ``ALIASES``: other names in both languages (``US``, ``Royaume-Uni``, ``RDC``);
* ``ADJECTIVES``: the base adjective of every country in English and the
  masculine singular in French; the French feminine and plural forms and the
  English plural demonyms are derived by the rules in ``french_forms`` and
  ``english_forms``, with the irregular ones listed in ``FR_IRREGULAR`` and
  ``EN_DEMONYMS``;
* ``CAPITALS``: capitals and metonym cities in both languages.

Institutions that stand for a government or an army (Kremlin, Pentagon,
Élysée…) are not capitals: they live in ``organisations.tsv`` with their
country *and* sector, so that ``Pentagon`` codes ``USAMIL`` rather than ``USA``.
Brussels is not listed as Belgium's capital: in news it stands for the EU.
"""

from __future__ import annotations

import sys
from pathlib import Path

from country_data import (  # tools/country_data.py, beside this script
    ADJECTIVES_TABLE,
    ALIASES,
    CAPITALS,
    DROP_ALIASES,
    EN_DEMONYMS,
    EXTRA_COUNTRIES,
    FR_IRREGULAR,
    NAME_FIXES,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "src" / "tocsin" / "actors" / "data" / "countries.tsv"
VERSION = "1"

_NO_PLURAL_ENDINGS = ("ese", "ish", "ss", "sh", "sy", "ic", "is", "ois", "z", "x")


def english_forms(adjective: str) -> list[str]:
    """The adjective and, where English makes one, its plural demonym (``Russian → Russians``)."""
    forms = [adjective]
    lower = adjective.lower()
    if lower.endswith("ch") and lower != "czech":
        return forms
    if lower.endswith(_NO_PLURAL_ENDINGS) or lower in {"british", "vatican", "basotho", "manx"}:
        return forms
    forms.append(adjective + "s")
    return forms


def french_forms(masculine: str) -> list[str]:
    """Masculine singular, feminine singular, masculine plural, feminine plural."""
    if masculine in FR_IRREGULAR:
        return FR_IRREGULAR[masculine].split("|")
    if masculine.endswith("e"):
        return [masculine, masculine + "s"]
    if masculine.endswith(("en", "on")):
        fem = masculine + "ne"
    else:
        fem = masculine + "e"
    plural = masculine if masculine.endswith(("s", "x", "z")) else masculine + "s"
    return [masculine, fem, plural, fem + "s"]


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def adjective_forms(iso3: str, table: dict[str, tuple[str, str]]) -> list[str]:
    en, fr = table.get(iso3, ("", ""))
    forms: list[str] = []
    for adj in filter(None, (a.strip() for a in en.split(","))):
        forms.extend(english_forms(adj))
    forms.extend(EN_DEMONYMS.get(iso3, "").split("|"))
    for adj in filter(None, (a.strip() for a in fr.split(","))):
        forms.extend(french_forms(adj))
    return _unique(forms)


def parse_adjectives() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in ADJECTIVES_TABLE.strip().splitlines():
        iso3, en, fr = line.split(";")
        if iso3 in table:
            raise SystemExit(f"duplicate adjective row for {iso3}")
        table[iso3] = (en, fr)
    return table


def build_rows() -> list[list[str]]:
    import pycountry  # development dependency
    from babel import Locale  # development dependency

    en_names = Locale("en").territories
    fr_names = Locale("fr").territories
    adjectives = parse_adjectives()
    rows: list[list[str]] = []
    countries = [(c.alpha_3, c.alpha_2, c) for c in pycountry.countries if getattr(c, "alpha_3", None)]
    for iso3, iso2, record in countries:
        name_en = en_names.get(iso2, record.name)
        name_fr = fr_names.get(iso2, name_en)
        fix_en, fix_fr = NAME_FIXES.get(iso3, ("", ""))
        cldr_en, cldr_fr = name_en, name_fr
        name_en = (fix_en or name_en).replace(" & ", " and ").replace("St. ", "Saint ")
        name_fr = (fix_fr or name_fr).replace("’", "'")
        aliases = ALIASES.get(iso3, "").split("|")
        aliases += [cldr_en.replace("’", "'"), cldr_fr.replace("’", "'"), record.name]
        official = getattr(record, "official_name", "")
        if official:
            aliases.append(official[4:] if official.startswith("the ") else official)
        common = getattr(record, "common_name", "")
        if common:
            aliases.append(common)
        aliases = [
            a for a in _unique(aliases)
            if a not in (name_en, name_fr) and a not in DROP_ALIASES.get(iso3, set()) and "," not in a and " - " not in a and "R.A.S." not in a
        ]
        rows.append([
            iso3, iso2, name_en, name_fr, "|".join(aliases),
            "|".join(adjective_forms(iso3, adjectives)), "|".join(_unique(CAPITALS.get(iso3, "").split("|"))),
        ])
    for iso3, (iso2, name_en, name_fr) in EXTRA_COUNTRIES.items():
        aliases = [a for a in _unique(ALIASES.get(iso3, "").split("|")) if a not in (name_en, name_fr)]
        rows.append([
            iso3, iso2, name_en, name_fr, "|".join(aliases),
            "|".join(adjective_forms(iso3, adjectives)), "|".join(_unique(CAPITALS.get(iso3, "").split("|"))),
        ])
    known = {r[0] for r in rows}
    for table_name, table in (("ALIASES", ALIASES), ("CAPITALS", CAPITALS), ("ADJECTIVES", adjectives)):
        unknown = set(table) - known
        if unknown:
            raise SystemExit(f"{table_name} names unknown countries: {sorted(unknown)}")
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise SystemExit(f"bad cell in {row[0]}: {cell!r}")
    return sorted(rows)


HEADER = """\
# format: tocsin countries table
# version: {version}
# provenance: generated by tools/build_countries.py — names from CLDR (via babel) and
#   ISO 3166-1 codes and official names (via pycountry); aliases, adjectives, demonyms and
#   capitals written for tocsin. Edit the tool, not this file.
# columns (tab-separated, UTF-8; multi-valued cells use |):
#   iso3        ISO 3166-1 alpha-3 (XKX: Kosovo, user-assigned code)
#   iso2        ISO 3166-1 alpha-2
#   name_en     English short name
#   name_fr     French short name
#   aliases     other names, both languages
#   adjectives  adjectives and demonyms, both languages, every inflected form
#   capitals    capitals and metonym cities, both languages
"""


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    rows = build_rows()
    lines = [HEADER.format(version=VERSION).rstrip("\n")]
    lines.append("\t".join(["iso3", "iso2", "name_en", "name_fr", "aliases", "adjectives", "capitals"]))
    lines.extend("\t".join(row) for row in rows)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stderr.write(f"wrote {len(rows)} countries to {output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
