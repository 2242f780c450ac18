"""tocsin: multilingual news → political event database and early warnings.

Public API::

    import tocsin
    events = tocsin.code_texts("Les ministres … se sont rencontrés mardi.", published=date(2023, 4, 20))
    result = tocsin.code_articles(articles, store=tocsin.open_store("tocsin.duckdb"))

Heavy modules (spaCy, DuckDB) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tocsin.records import Actor, Article, CodingResult, Event, InputProblem, Location
from tocsin.version import CODER_NAME, __version__

if TYPE_CHECKING:
    from tocsin.pipeline import Engine, PipelineOptions, code_articles, code_texts
    from tocsin.store import EventFilter, open_store

__all__ = [
    "CODER_NAME", "Actor", "Article", "CodingResult", "Engine", "Event", "EventFilter", "InputProblem",
    "Location", "PipelineOptions", "__version__", "code_articles", "code_texts", "open_store",
]

_LAZY = {
    "Engine": "tocsin.pipeline", "PipelineOptions": "tocsin.pipeline", "code_articles": "tocsin.pipeline",
    "code_texts": "tocsin.pipeline", "open_store": "tocsin.store", "EventFilter": "tocsin.store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tocsin' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
