"""Generated event corpora for series and alert tests: quiet dyads, planted bursts.

Events go straight into a store (no spaCy): each generated article holds one
event with a sentence written from a template, so tests can check that alerts
carry the sentences behind them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from factories import CODER, make_actor, make_article, make_event
from tocsin.store.base import Store

#: (type, quad class, CAMEO, Goldstein, sentence template)
CALM = [
    ("CONSULT", 1, "040", 1.0, "{s} and {t} officials held talks in the capital."),
    ("AGREE", 1, "030", 4.0, "{s} agreed with {t} to keep the trade channel open."),
    ("COOPERATE", 2, "060", 6.0, "{s} and {t} ran a joint customs exercise."),
    ("ACCUSE", 3, "112", -2.0, "{s} criticised {t} over fishing quotas."),
]
HOSTILE = [
    ("ASSAULT", 4, "190", -10.0, "{s} forces shelled positions held by {t} near the border."),
    ("THREATEN", 3, "138", -7.0, "{s} warned {t} it would use force if the incursions continued."),
]
OUTLETS = ["Daily Ledger", "Morning Wire", "Coast Gazette", "Le Veilleur"]


def add_event(store: Store, *, article_id: str, day: date, source: str, target: str,
              kind: tuple[str, int, str, float, str], outlet: str, negated: bool = False) -> str:
    type_, quad, cameo, goldstein, template = kind
    sentence = template.format(s=source, t=target)
    article = make_article(id=article_id, text=sentence, title=None, published=day,
                           outlet=outlet, url=f"https://news.example/{article_id}")
    event = make_event(
        article_id=article_id, sentence=sentence, trigger="x", trigger_span=(0, 1),
        type=type_, mode=None, cameo=cameo, quad_class=quad, goldstein=goldstein,
        source=make_actor(source), target=make_actor(target), date=day, negated=negated,
        location=None, language="en", pattern="synthetic",
    )
    store.save_article(article, [event], coder=CODER, run_id="synthetic")
    return event.event_id


def quiet_corpus(store: Store, *, start: date, weeks: int, seed: int = 1,
                 dyads: tuple[tuple[str, str], ...] = (("USA", "FRA"), ("RUS", "CHN"), ("UKR", "FRA")),
                 per_week: float = 3.0) -> int:
    """Steady, mostly cooperative traffic in each dyad; returns the number of events."""
    rng = random.Random(seed)
    n = 0
    for week in range(weeks):
        for a, b in dyads:
            for _ in range(_poisson(rng, per_week)):
                day = start + timedelta(days=7 * week + rng.randrange(7))
                src, tgt = (a, b) if rng.random() < 0.5 else (b, a)
                add_event(store, article_id=f"q-{n}", day=day, source=src, target=tgt,
                          kind=rng.choice(CALM), outlet=rng.choice(OUTLETS))
                n += 1
    return n


def plant_burst(store: Store, *, source: str, target: str, start: date, days: int,
                n: int, seed: int = 2) -> list[str]:
    """``n`` ASSAULT/THREATEN events from ``source`` against ``target`` within ``days``."""
    rng = random.Random(seed)
    ids = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(days))
        ids.append(add_event(store, article_id=f"burst-{i}", day=day, source=source,
                             target=target, kind=HOSTILE[i % 2], outlet=rng.choice(OUTLETS)))
    return ids


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method; small rates only
    limit, k, p = pow(2.718281828459045, -lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


__all__ = ["CALM", "CODER", "HOSTILE", "add_event", "plant_burst", "quiet_corpus"]
