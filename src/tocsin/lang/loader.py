"""Loading predicate lexicons (``predicates.tsv``) and cues (``cues.json``).

A predicate lexicon is a TSV data file (see docs/architecture.md) with the
columns ``id lemma pos type mode cameo object particle target symmetric note``.
Every row is checked against the ontology; any fault raises
:class:`~tocsin.errors.DataFileError` naming the file and line. Users can load
lexicon files of the same format with :func:`load_predicates_file` and add them
with :meth:`LanguageData.with_predicates`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tocsin.errors import DataFileError, UnsupportedLanguageError
from tocsin.ontology import Ontology, load_ontology
from tocsin.ontology.tables import parse_flag, read_table, split_multi

#: Languages with bundled lexicons.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr")

#: Parts of speech a predicate may have.
PREDICATE_POS: tuple[str, ...] = ("VERB", "NOUN")

#: The ``object`` word that a proper name given to the trigger noun satisfies ("the Varuna
#: exercise"): no word of the sentence spells it.
NAME_OBJECT = "<name>"

PREDICATE_COLUMNS: tuple[str, ...] = (
    "id", "lemma", "pos", "type", "mode", "cameo", "object", "particle", "target",
    "symmetric", "note",
)

LANG_DIR = Path(__file__).resolve().parent

_POS_TAG = {"VERB": "v", "NOUN": "n"}
_WORD = re.compile(r"^[^\s|]+$")


@dataclass(frozen=True, slots=True)
class Predicate:
    """One lexicon entry: a verb or event noun that signals a PLOVER event."""

    id: str
    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str
    object: tuple[str, ...] = ()
    particle: str | None = None
    target: tuple[str, ...] = ()
    symmetric: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class LanguageData:
    """The predicates and cues of one language."""

    iso: str
    predicates: tuple[Predicate, ...]
    by_lemma: Mapping[tuple[str, str], tuple[Predicate, ...]]
    cues: Mapping[str, Any]

    @classmethod
    def build(cls, iso: str, predicates: Iterable[Predicate],
              cues: Mapping[str, Any] | None = None) -> LanguageData:
        """Assemble language data, indexing the predicates by ``(lemma, pos)``."""
        preds = tuple(predicates)
        index: dict[tuple[str, str], list[Predicate]] = {}
        for pred in preds:
            index.setdefault((pred.lemma, pred.pos), []).append(pred)
        frozen_index = MappingProxyType({k: tuple(v) for k, v in index.items()})
        return cls(iso, preds, frozen_index, cues if cues is not None else MappingProxyType({}))

    def lookup(self, lemma: str, pos: str) -> tuple[Predicate, ...]:
        """The predicates whose head is ``lemma`` with part of speech ``pos`` (may be empty)."""
        return self.by_lemma.get((lemma.lower(), pos), ())

    def with_predicates(self, extra: Iterable[Predicate]) -> LanguageData:
        """A copy with ``extra`` predicates added; an id already present is a DataFileError."""
        extra = tuple(extra)
        seen = {p.id for p in self.predicates}
        for pred in extra:
            if pred.id in seen:
                raise DataFileError(f"duplicate predicate id {pred.id!r}")
            seen.add(pred.id)
        return LanguageData.build(self.iso, self.predicates + extra, self.cues)


def _row_to_predicate(cells: Mapping[str, str], iso: str, ontology: Ontology,
                      source: str, line: int) -> Predicate:
    def fail(message: str) -> DataFileError:
        return DataFileError(message, source=source, line=line)

    pid, lemma, pos = cells["id"], cells["lemma"], cells["pos"]
    if not pid:
        raise fail("empty id")
    if not lemma:
        raise fail("empty lemma")
    if not _WORD.match(lemma) or lemma != lemma.lower():
        raise fail(f"lemma must be one lower-case token, not {lemma!r}")
    if pos not in PREDICATE_POS:
        raise fail(f"pos must be VERB or NOUN, not {pos!r}")
    prefix = f"{iso}.{_POS_TAG[pos]}."
    if not pid.startswith(prefix) or len(pid) == len(prefix) or not _WORD.match(pid):
        raise fail(f"id {pid!r} must look like {prefix}<lemma>[.<variant>]")
    ontology.validate(cells["type"], cells["mode"] or None, cells["cameo"],
                      source=source, line=line)
    objects = split_multi(cells["object"])
    for obj in objects:
        if not _WORD.match(obj) or obj != obj.lower():
            raise fail(f"object lemmas must be lower-case single tokens, not {obj!r}")
    particle = cells["particle"] or None
    if particle is not None and not _WORD.match(particle):
        raise fail(f"particle must be one token, not {particle!r}")
    targets = split_multi(cells["target"])
    for tgt in targets:
        if not _WORD.match(tgt):
            raise fail(f"target must be obj, iobj or a preposition, not {tgt!r}")
    symmetric = parse_flag(cells["symmetric"], column="symmetric", source=source, line=line)
    return Predicate(
        id=pid, lemma=lemma, pos=pos, type=cells["type"], mode=cells["mode"] or None,
        cameo=cells["cameo"], object=objects, particle=particle, target=targets,
        symmetric=symmetric, note=cells["note"],
    )


def load_predicates_file(path: Path | str, iso: str, *,
                         ontology: Ontology | None = None) -> tuple[Predicate, ...]:
    """Read and check one predicate lexicon file for language ``iso``."""
    ontology = ontology or load_ontology()
    table = read_table(path, PREDICATE_COLUMNS)
    out: list[Predicate] = []
    first_line: dict[str, int] = {}
    for row in table.rows:
        pred = _row_to_predicate(row.cells, iso, ontology, table.source, row.line)
        if pred.id in first_line:
            raise DataFileError(
                f"duplicate id {pred.id!r} (first on line {first_line[pred.id]})",
                source=table.source, line=row.line,
            )
        first_line[pred.id] = row.line
        out.append(pred)
    return tuple(out)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def load_cues_file(path: Path | str) -> Mapping[str, Any]:
    """Read a ``cues.json`` file as a read-only mapping (lists become tuples).

    A missing file gives an empty mapping.
    """
    path = Path(path)
    if not path.exists():
        return MappingProxyType({})
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"invalid JSON: {exc.msg}", source=str(path), line=exc.lineno) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read cues file ({exc})", source=str(path)) from exc
    if not isinstance(data, dict):
        raise DataFileError("cues file must hold a JSON object", source=str(path), line=1)
    frozen: Mapping[str, Any] = _freeze(data)
    return frozen


def _check_iso(iso: str) -> str:
    code = iso.strip().lower()
    if code not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"language {iso!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    return code


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def _load_bundled(iso: str) -> LanguageData:
    folder = LANG_DIR / iso
    predicates = load_predicates_file(folder / "predicates.tsv", iso)
    cues = load_cues_file(folder / "cues.json")
    return LanguageData.build(iso, predicates, cues)


def load_language(iso: str) -> LanguageData:
    """The bundled predicates and cues of ``iso`` (``"en"`` or ``"fr"``), read once."""
    return _load_bundled(_check_iso(iso))
