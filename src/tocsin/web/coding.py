"""Articles submitted to the server, coded and stored.

The coding engine (spaCy models, lexicons, knowledge base: a few seconds to
load) is loaded once per server process, on the first submission, not at
start-up. Submissions are coded one at a time under the database's write lock,
each in one transaction per batch, recorded as a run like ``tocsin code``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from tocsin.errors import MalformedRecordError
from tocsin.ingest.readers import parse_article
from tocsin.records import Article, CodingResult
from tocsin.web.database import Database
from tocsin.web.problems import ApiError


@dataclass
class Submission:
    """What a submission stored: articles with their event ids, and inputs refused."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "problems": self.problems,
                "n_events": sum(len(a["event_ids"]) for a in self.articles)}


def articles_from_json(payload: Any, max_articles: int) -> list[Article]:
    """Articles from a JSON body: one article object, a list of them, or ``{"articles": [...]}``.

    Each object follows the input article contract (only ``text`` required).
    Raises :class:`ApiError` 422 naming the item and field at fault.
    """
    if isinstance(payload, dict) and "articles" in payload and "text" not in payload:
        payload = payload["articles"]
    items = payload if isinstance(payload, list) else [payload]
    if not items:
        raise ApiError(422, "no article in the request", code="empty_submission")
    if len(items) > max_articles:
        raise ApiError(413, f"{len(items)} articles in one request; at most {max_articles}",
                       code="too_many_articles")
    articles, details = [], []
    for i, item in enumerate(items):
        try:
            articles.append(parse_article(item, source="request", line=i + 1))
        except MalformedRecordError as exc:
            details.append({"field": f"articles[{i}]", "message": exc.message})
    if details:
        raise ApiError(422, "; ".join(f"{d['field']}: {d['message']}" for d in details),
                       code="invalid_article", details=details)
    return articles


class Coding:
    """Codes and stores submitted articles with one engine per process."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._engine_lock = threading.Lock()

    def submit(self, articles: list[Article]) -> Submission:
        from tocsin.pipeline import code_articles, default_engine

        if self.database.read_only:
            raise ApiError(403, "the server opened the database read-only; restart it without "
                           "--read-only to accept articles", code="read_only")
        with self._engine_lock:
            default_engine()  # loads the models once; later calls reuse them
        with self.database.write_lock:
            result: CodingResult = code_articles(
                articles, store=self.database.store,
                run_args={"via": "tocsin serve", "articles": [a.id for a in articles]},
            )
        out = Submission()
        by_article: dict[str, list[str]] = {a.id: [] for a in result.articles}
        for event in result.events:
            by_article.setdefault(event.article_id, []).append(event.event_id)
        for article in result.articles:
            out.articles.append({"article_id": article.id, "language": article.language,
                                 "event_ids": by_article.get(article.id, [])})
        for problem in result.problems:
            out.problems.append({"article_id": problem.article_id, "code": problem.code,
                                 "message": problem.message})
        return out
