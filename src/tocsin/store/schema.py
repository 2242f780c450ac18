"""Numbered schema migrations, shared by the DuckDB and PostgreSQL stores.

Each backend has its own folder of SQL files in its own dialect, with the same
version numbers and names, so that version ``N`` means the same schema in both:

* DuckDB: ``store/migrations/NNN_name.sql``
* PostgreSQL: ``store/migrations/postgres/NNN_name.sql``

A database records the migrations it has in ``schema_migrations (version, name,
applied_at)``; opening it applies the ones it lacks, in version order.
:func:`pending_migrations` decides what to apply (and refuses a database newer
than this tocsin); each store applies them in its own transactions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from tocsin.errors import StoreError
from tocsin.store.base import AppliedMigration
from tocsin.version import __version__

#: The migration folder of each SQL dialect, inside the ``tocsin.store`` package.
MIGRATION_FOLDERS: dict[str, tuple[str, ...]] = {
    "duckdb": ("migrations",),
    "postgres": ("migrations", "postgres"),
}

_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

#: The table every tocsin database records its migrations in (same in both dialects).
CREATE_SCHEMA_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name VARCHAR NOT NULL,"
    " applied_at TIMESTAMP NOT NULL)"
)
RECORD_MIGRATION = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"
SELECT_MIGRATIONS = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"
#: ``?`` is the table name; counts 1 when it exists in the current schema.
TABLE_EXISTS = (
    "SELECT count(*) FROM information_schema.tables"
    " WHERE table_schema = current_schema() AND table_name = ?"
)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def label(self) -> str:
        return f"{self.version:03d}_{self.name}"


def _folder(dialect: str) -> Traversable:
    try:
        parts = MIGRATION_FOLDERS[dialect]
    except KeyError:
        raise ValueError(f"no migrations for SQL dialect {dialect!r}") from None
    folder = resources.files("tocsin.store")
    for part in parts:
        folder = folder.joinpath(part)
    return folder


def load_migrations(dialect: str = "duckdb") -> list[Migration]:
    """The bundled migrations of ``dialect`` (``duckdb`` or ``postgres``), in version order."""
    found: list[Migration] = []
    for entry in _folder(dialect).iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match and entry.is_file():
            found.append(
                Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8"))
            )
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two {dialect} migrations share a version number: {versions}")
    return found


def pending_migrations(
    applied: Mapping[int, AppliedMigration],
    known: list[Migration],
    *,
    read_only: bool,
    error: Callable[[str], StoreError],
) -> list[Migration]:
    """The migrations of ``known`` that ``applied`` lacks, in order.

    Raises (through ``error``, which names the database) when the database has a
    migration this tocsin does not know (it is newer), or when it lacks some and
    is opened read-only.
    """
    known_versions = {m.version for m in known}
    latest = max(known_versions, default=0)
    unknown = sorted(v for v in applied if v not in known_versions)
    if unknown:
        raise error(
            f"the database has schema version {max(applied)}, newer than this tocsin "
            f"{__version__} knows (up to {latest}); upgrade tocsin to open it"
        )
    missing = [m for m in known if m.version not in applied]
    if missing and read_only:
        have = max(applied, default=0)
        what = "has no tocsin schema" if not applied else f"has schema version {have}"
        raise error(
            f"the database {what}; this tocsin needs version {latest}. "
            "Open it once for writing (e.g. by coding into it, or `tocsin db migrate`) "
            "to create or upgrade it"
        )
    return missing
