"""Code gold texts with the real pipeline and match the results to the gold."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tocsin.evaluation.gold import GoldItem
from tocsin.evaluation.match import TextMatch, match_text
from tocsin.records import Article, Event

if TYPE_CHECKING:
    from tocsin.pipeline import Engine

__all__ = ["articles_for", "evaluate_items", "match_items"]


def articles_for(items: Sequence[GoldItem]) -> list[Article]:
    """One article per gold item, with its language and publication date.

    Article ids are positional (``gold-<n>``): gold ids need not be unique across files.
    """
    return [
        Article(id=f"gold-{n}", text=item.text, language=item.language, published=item.published,
                origin=item.origin or item.id)
        for n, item in enumerate(items)
    ]


def match_items(items: Sequence[GoldItem], predictions: Sequence[Sequence[Event]],
                problems: Sequence[str | None] | None = None) -> list[TextMatch]:
    """Match already-coded predictions (one list per item) to the gold."""
    if len(items) != len(predictions):
        raise ValueError(f"{len(items)} gold items but {len(predictions)} prediction lists")
    probs = list(problems) if problems is not None else [None] * len(items)
    return [match_text(item, preds, problem=prob) for item, preds, prob in zip(items, predictions, probs, strict=True)]


def evaluate_items(items: Sequence[GoldItem], engine: Engine | None = None,
                   on_item: Callable[[int], None] | None = None) -> list[TextMatch]:
    """Code every gold text with one engine and match its events to the gold.

    ``on_item`` is called with the number of texts done so far (for a progress bar).
    A text the pipeline cannot code counts as coded with no events (its problem is kept).
    """
    if engine is None:
        from tocsin.pipeline import Engine

        engine = Engine()
    predictions: list[list[Event]] = []
    problems: list[str | None] = []
    for done, outcome in enumerate(engine.code(articles_for(items)), start=1):
        predictions.append(list(outcome.events))
        problems.append(str(outcome.problem) if outcome.problem is not None else None)
        if on_item is not None:
            on_item(done)
    return match_items(items, predictions, problems)
