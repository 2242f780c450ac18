"""A small seeded database for the server's tests (API, pages, browser).

Russia–China: one meeting a week for twelve weeks, then a burst of fifteen in
the last two weeks, so the real detector (tocsin.analysis) raises a count
alert. One hostile article carries markup and script in every text field it
has (title, text, outlet, url, actor words and names, the sentence).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from factories import CODER, make_actor, make_article, make_event
from tocsin.analysis.alerts import detect_alerts
from tocsin.records import Location
from tocsin.store import open_store

LATEST = date(2024, 6, 14)
TOKEN = "test-token-0123456789abcdef"

HOSTILE_TITLE = '<script>alert("title")</script>Moscou menace'
HOSTILE_SOURCE = '<b onmouseover="alert(3)">La Russie</b>'
HOSTILE_TRIGGER = "a menacé"
HOSTILE_SENTENCE = (
    f'{HOSTILE_SOURCE} {HOSTILE_TRIGGER} <a href="javascript:alert(2)">l\'Ukraine</a> '
    '<img src=x onerror="alert(1)"> de représailles.'
)
HOSTILE_OUTLET = '<svg onload="alert(6)">Le Veilleur'
HOSTILE_URL = "javascript:alert(5)"


@dataclass(frozen=True)
class Seed:
    path: Path
    alert_id: str
    hostile_article: str
    hostile_event: str
    n_events: int


def _meeting(article_id: str, day: date, i: int, *, sector: str = "MIL") -> tuple:
    sentence = f"Le ministre russe de la Défense a rencontré son homologue chinois (réunion {i})."
    start = sentence.index("rencontré")
    event = make_event(
        article_id=article_id, sentence=sentence, trigger="rencontré",
        trigger_span=(start, start + len("rencontré")), date=day,
        source=make_actor(f"RUS{sector}", text="Le ministre russe de la Défense"),
        target=make_actor(f"CHN{sector}", text="son homologue chinois"),
    )
    article = make_article(id=article_id, text=sentence, title=f"Rencontre {i}", published=day,
                           url=f"https://news.example/{article_id}", outlet="Le Veilleur")
    return article, [event]


def _hostile() -> tuple:
    start = HOSTILE_SENTENCE.index(HOSTILE_TRIGGER)
    event = make_event(
        article_id="hostile-1", sentence=HOSTILE_SENTENCE, trigger=HOSTILE_TRIGGER,
        trigger_span=(start, start + len(HOSTILE_TRIGGER)), type="THREATEN", mode=None,
        cameo="138", quad_class=3, goldstein=-7.0,
        source=make_actor("RUS", text=HOSTILE_SOURCE, name='<script>alert("name")</script>'),
        target=make_actor("UKR", text="l'Ukraine"), date=LATEST - timedelta(days=1),
        location=Location(text="<i>Kyiv</i>"), pattern="fr.v.menacer",
    )
    article = make_article(id="hostile-1", title=HOSTILE_TITLE, text=HOSTILE_SENTENCE,
                           published=LATEST - timedelta(days=1), url=HOSTILE_URL, outlet=HOSTILE_OUTLET)
    return article, [event]


def seed_database(path: Path) -> Seed:
    """Write the seed into a new database at ``path`` and raise its alerts."""
    items = []
    n = 0
    window_start = LATEST - timedelta(days=LATEST.weekday() + 7)
    for week in range(12):
        day = window_start - timedelta(days=7 * (12 - week)) + timedelta(days=2)
        items.append(_meeting(f"rc-base-{week:02d}", day, n, sector="GOV" if week % 2 else "MIL"))
        n += 1
    for i in range(15):
        day = window_start + timedelta(days=i % 12)
        items.append(_meeting(f"rc-burst-{i:02d}", min(day, LATEST), n))
        n += 1
    items.append(_hostile())
    with open_store(path) as store:
        run = store.begin_run({"via": "tests"}, CODER)
        store.save_articles(items, coder=CODER, run_id=run)
        store.finish_run(run, len(items), len(items), 0)
        alerts = [a for a in detect_alerts(store) if {a.source, a.target} == {"RUS", "CHN"}]
        if not alerts:
            raise AssertionError("the seed should raise a Russia–China alert")
        store.save_alerts(alerts)
    return Seed(path=path, alert_id=alerts[0].alert_id, hostile_article="hostile-1",
                hostile_event=items[-1][1][0].event_id, n_events=len(items))
