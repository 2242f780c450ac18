"""Per-language resources: predicate lexicons and cue lists.

``load_language(iso)`` returns the :class:`LanguageData` of one supported
language: its predicates (``lang/<iso>/predicates.tsv``), indexed by
``(lemma, pos)``, and its cues (``lang/<iso>/cues.json``).
"""

from __future__ import annotations

from tocsin.lang.loader import (
    NAME_OBJECT,
    PREDICATE_COLUMNS,
    PREDICATE_POS,
    SUPPORTED_LANGUAGES,
    LanguageData,
    Predicate,
    load_cues_file,
    load_language,
    load_predicates_file,
)

__all__ = [
    "NAME_OBJECT",
    "PREDICATE_COLUMNS",
    "PREDICATE_POS",
    "SUPPORTED_LANGUAGES",
    "LanguageData",
    "Predicate",
    "load_cues_file",
    "load_language",
    "load_predicates_file",
]
