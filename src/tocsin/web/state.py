"""What every route reaches through ``request.app.state.tocsin``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from tocsin.records import Article, Event
from tocsin.store import EventFilter, Store
from tocsin.web.auth import Sessions, TokenChecker
from tocsin.web.coding import Coding
from tocsin.web.database import Database
from tocsin.web.evidence import evidence_spans
from tocsin.web.settings import ServeSettings


@dataclass
class ServerState:
    settings: ServeSettings
    database: Database
    tokens: TokenChecker
    sessions: Sessions
    coding: Coding


def server(request: Request) -> ServerState:
    return request.app.state.tocsin  # type: ignore[no-any-return]


def reader(request: Request) -> Store:
    """This request thread's read handle on the database."""
    return server(request).database.reader()


def article_summary(article: Article) -> dict[str, Any]:
    return {"article_id": article.id, "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "url": article.url, "language": article.language, "outlet": article.outlet}


def event_evidence(store: Store, event: Event) -> dict[str, Any]:
    """One event with its evidence: spans in the sentence, article, other mentions."""
    article = store.article(event.article_id)
    same_sentence = [
        e for e in store.query(EventFilter(article_ids=(event.article_id,)))
        if e.sentence_index == event.sentence_index and e.event_id != event.event_id
    ]
    related = store.related_events(event)  # type: ignore[attr-defined]
    return {
        "event": event.to_dict(),
        "evidence": {"sentence": event.sentence,
                     "spans": [s.to_dict() for s in evidence_spans(event)]},
        "article": article_summary(article) if article else None,
        "same_sentence": [e.to_dict() for e in same_sentence],
        "other_mentions": [e.to_dict() for e in related],
    }
