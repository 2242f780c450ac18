"""Event deduplication: clustering rules, the store's canonical events, the measured scores."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from factories import CODER, make_actor, make_article, make_event
from tocsin.dedup.events import ClusterOptions, Mention, cluster_mentions, evidence_keys
from tocsin.evaluation.clusters import (
    bcubed,
    gold_assignment,
    load_labelled_mentions,
    pairwise,
    score,
)
from tocsin.records import IngestedArticle
from tocsin.store import open_store

DATA = Path(__file__).parent / "data" / "event_clusters.jsonl"


def mention(event_id: str, *, type: str = "ASSAULT", source: str | None = "RUS", target: str | None = "UKR",
            day: int = 7, sentence: str = "Russian forces shelled Kharkiv.", **kw) -> Mention:
    return Mention(event_id=event_id, article_id=kw.pop("article_id", event_id), type=type, source=source,
                   target=target, date=date(2024, 3, day) if day else None, sentence=sentence, **kw)


def groups(mentions: list[Mention], **options) -> list[set[str]]:
    return sorted(({m.event_id for m in c.mentions} for c in cluster_mentions(mentions, ClusterOptions(**options))),
                  key=lambda g: sorted(g))


# --------------------------------------------------------------------------- rules


def test_same_dyad_type_and_day_is_one_event_with_every_outlet() -> None:
    ms = [mention("a", outlets=("Courrier",), language="fr", sentence="L'armée russe a bombardé Kharkiv."),
          mention("b", outlets=("Post",), language="en"),
          mention("c", outlets=("Wire", "Post"), language="en", day=8,
                  sentence="Russian forces shelled Kharkiv overnight.")]
    [event] = cluster_mentions(ms)
    assert event.n_mentions == 3 and event.sources == ("Courrier", "Post", "Wire")
    assert (event.first_date, event.last_date) == (date(2024, 3, 7), date(2024, 3, 8))
    assert event.type == "ASSAULT" and (event.source, event.target) == ("RUS", "UKR")


def test_blocks_never_mix() -> None:
    ms = [mention("a"), mention("b", type="ACCUSE"), mention("c", source="UKR", target="RUS"),
          mention("d", negated=True), mention("e", target="POL")]
    assert len(cluster_mentions(ms)) == 5


def test_symmetric_types_ignore_direction() -> None:
    ms = [mention("a", type="CONSULT", source="RUS", target="CHN"),
          mention("b", type="CONSULT", source="CHN", target="RUS")]
    assert groups(ms) == [{"a", "b"}]
    ms = [mention("a", type="ACCUSE", source="RUS", target="UKR"),
          mention("b", type="ACCUSE", source="UKR", target="RUS")]
    assert len(groups(ms)) == 2


def test_window_and_evidence() -> None:
    far = [mention("a", day=1), mention("b", day=8)]
    assert len(groups(far)) == 2
    # a day apart: merged when the evidence is alike, not when it is unrelated
    alike = [mention("a", day=7, sentence="Russian forces shelled the city of Kharkiv."),
             mention("b", day=8, sentence="Russian forces shelled the city of Kharkiv, officials said.")]
    assert groups(alike) == [{"a", "b"}]
    unrelated = [mention("a", day=7, sentence="Russian forces shelled the city of Kharkiv."),
                 mention("b", day=8, sentence="Drones launched by Moscow hit a harbour in Odesa.")]
    assert len(groups(unrelated)) == 2
    assert len(groups(alike, window_days=0)) == 2


def test_places_split_events_of_one_day_in_one_language() -> None:
    ms = [mention("a", place="Kharkiv", language="en"), mention("b", place="Odesa", language="en")]
    assert len(groups(ms)) == 2
    # across languages a place name is spelt differently: no veto
    ms = [mention("a", place="Moscou", language="fr"), mention("b", place="Moscow", language="en")]
    assert len(groups(ms)) == 1


def test_clusters_do_not_depend_on_arrival_order() -> None:
    ms = [mention(str(i), day=1 + (i * 7) % 11, sentence=f"Shelling near sector {i % 3}") for i in range(20)]
    first = cluster_mentions(ms)
    again = cluster_mentions(list(reversed(ms)))
    assert [(c.canonical_id, [m.event_id for m in c.mentions]) for c in first] == \
           [(c.canonical_id, [m.event_id for m in c.mentions]) for c in again]


def test_evidence_keys_fold_accents_case_and_endings() -> None:
    assert evidence_keys("Les forces ukrainiennes") == {"forces", "ukrain"}
    assert evidence_keys("Ukrainian FORCES, 300 shells") == {"ukrain", "forces", "300", "shells"}


# --------------------------------------------------------------------------- metrics


def test_pairwise_and_bcubed() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert pairwise(gold, gold) == (1.0, 1.0, 1.0)
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    merged = {k: "x" for k in gold}
    p, r, _ = pairwise(gold, merged)
    assert (p, r) == (2 / 6, 1.0)
    p, r, _ = bcubed(gold, merged)
    assert (p, r) == (0.5, 1.0)
    split = {k: k for k in gold}
    assert pairwise(gold, split)[:2] == (1.0, 0.0)
    assert bcubed(gold, split)[:2] == (1.0, 0.5)


def test_labelled_set_size_and_measured_scores() -> None:
    items = load_labelled_mentions(DATA)
    assert len(items) >= 60 and len({m.cluster for m in items}) >= 20
    assert {m.language for m in items} == {"fr", "en"}
    scores = score({m.id: m.cluster for m in items}, gold_assignment(items))
    # the figures in docs/ingest.md (scripts/eval_event_dedup.py); floors, not targets
    assert scores.bcubed_f1 >= 0.97 and scores.pairwise_f1 >= 0.93
    assert scores.pairwise_recall == 1.0


# --------------------------------------------------------------------------- the store


def _ingest(store, article, story=None, status="pending", outlet=None):
    record = IngestedArticle(article_id=article.id, content_hash=article.id, story_id=story or article.id,
                             status=status, canonical_url=article.url)
    assert store.store_ingested(article, record, coder=CODER)


def test_store_keeps_canonical_events_in_step_with_events(store_url: str) -> None:
    with open_store(store_url) as store:
        a = make_article(id="a1", outlet="Courrier", url="http://x/a1")
        b = make_article(id="b1", outlet="Post", url="http://x/b1", language="en")
        _ingest(store, a)
        _ingest(store, b)
        assert [x.id for x in store.pending_articles()] == ["a1", "b1"]
        run = store.begin_run({}, CODER)
        ev_a = make_event(article_id="a1")
        ev_b = make_event(article_id="b1", sentence_index=2, trigger_span=(0, 3), language="en",
                          source=make_actor("CHNGOV"), target=make_actor("RUSMIL"))  # the other direction
        store.save_coded([(a, [ev_a])], coder=CODER, run_id=run)
        store.save_coded([(b, [ev_b])], coder=CODER, run_id=run)
        assert store.pending_articles() == []
        [event] = store.canonical_events()
        assert event.n_mentions == 2 and event.n_articles == 2
        assert event.sources == ("Courrier", "Post")
        assert set(event.event_ids) == {ev_a.event_id, ev_b.event_id}
        assert (event.source_code, event.target_code) == ("CHN", "RUS")

        # a reprint of a1 adds its outlet to the event's sources, without a new mention
        reprint = make_article(id="r1", outlet="Dépêche", url="http://y/r1")
        _ingest(store, reprint, story="a1", status="duplicate")
        [event] = store.canonical_events()
        assert event.sources == ("Courrier", "Dépêche", "Post") and event.n_mentions == 2
        assert event.n_sources == 3

        # re-coding an article replaces its mentions; nothing is counted twice
        store.save_coded([(b, [])], coder=CODER, run_id=run)
        [event] = store.canonical_events()
        assert event.event_ids == (ev_a.event_id,)
        assert store.ingest_counts()["event_mentions"] == 1

        before = store.canonical_events()
        assert store.rebuild_canonical_events(CODER) == 1
        assert store.canonical_events() == before
        assert store.canonical_events(actors=["UKR"]) == []
        assert len(store.canonical_events(types=["consult"], min_sources=2)) == 1
        assert store.canonical_events(min_sources=3) == []


def test_storing_an_article_twice_is_a_no_op(store_url: str) -> None:
    with open_store(store_url) as store:
        a = make_article(id="a1")
        record = IngestedArticle(article_id="a1", content_hash="h", story_id="a1", status="pending")
        assert store.store_ingested(a, record, coder=CODER)
        assert not store.store_ingested(a, record, coder=CODER)
        assert len(store.articles()) == 1
        assert store.ingest_record(content_hash="h").article_id == "a1"


@pytest.mark.parametrize("attempts", [1, 3])
def test_coding_failures_are_counted(attempts: int, store_url: str) -> None:
    with open_store(store_url) as store:
        a = make_article(id="a1")
        store.store_ingested(a, IngestedArticle("a1", "h", "a1", "pending"), coder=CODER)
        for _ in range(attempts):
            store.mark_coding_failed("a1", "boom", max_attempts=3)
        expected = "failed" if attempts >= 3 else "pending"
        assert store.ingest_record(article_id="a1").status == expected


def test_daily_events_do_not_chain_into_one() -> None:
    # a strike a day for twenty days, each reported twice in alike words
    ms = [mention(f"{day}-{k}", day=day, sentence="Russian forces shelled the city again, officials said.")
          for day in range(1, 21) for k in range(2)]
    events = cluster_mentions(ms)
    assert all((c.last_date - c.first_date).days <= ClusterOptions().window_days for c in events)
    assert len(events) >= 20 // (ClusterOptions().window_days + 1)


def test_a_mention_with_a_missing_actor_joins_the_event_it_reports() -> None:
    ms = [mention("full-1", sentence="Russian forces shelled Kharkiv."),
          mention("full-2", sentence="L'armée russe a bombardé Kharkiv.", language="fr"),
          mention("no-target", target=None, sentence="Russia struck Kharkiv overnight."),
          mention("no-source", source=None, sentence="Kharkiv was shelled."),
          mention("other-source", source="BLR", target=None, sentence="Belarus shelled a village."),
          mention("far", target=None, day=20, sentence="Russia struck Kharkiv.")]
    assert groups(ms) == [{"far"}, {"full-1", "full-2", "no-target", "no-source"}, {"other-source"}]
    [event] = [c for c in cluster_mentions(ms) if c.n_mentions == 4]
    assert (event.source, event.target) == ("RUS", "UKR")
    assert len(groups(ms, attach_partial=False)) == 5


def test_postgres_two_writers_storing_one_article_store_it_once(pg_url: str) -> None:
    """The second writer waits for the first one's transaction, then stores nothing."""
    import threading
    import time

    from tocsin.store import ingest_sql

    article = make_article(id="a1", url="http://x/a1")
    record = IngestedArticle(article_id="a1", content_hash="h", story_id="a1", status="pending",
                             canonical_url="http://x/a1")
    with open_store(pg_url) as first, open_store(pg_url) as second:
        stored_first = threading.Event()
        results: dict[str, bool] = {}

        def slow_write() -> None:
            def work() -> bool:
                added = ingest_sql.insert_ingested(first, article, record, datetime(2024, 3, 5))
                stored_first.set()
                time.sleep(0.5)  # the second writer comes in before this commits
                return added

            results["first"] = first._write("store a1", work)

        thread = threading.Thread(target=slow_write)
        thread.start()
        assert stored_first.wait(10)
        results["second"] = second.store_ingested(article, record, coder=CODER)
        thread.join(10)
        assert results == {"first": True, "second": False}
        assert len(second.articles()) == 1
        assert second.ingest_counts()["articles_pending"] == 1


def test_postgres_two_writers_coding_one_event_cluster_it_once(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two processes code the two reports of one meeting at the same moment: the second
    waits for the first one's clustering (a lock per family), then sees its mention."""
    import threading

    from tocsin.store import ingest_sql

    a = make_article(id="a1", outlet="Courrier", url="http://x/a1")
    b = make_article(id="b1", outlet="Post", url="http://x/b1", language="en")
    ev_a = make_event(article_id="a1")
    ev_b = make_event(article_id="b1", sentence_index=2, trigger_span=(0, 3), language="en",
                      source=make_actor("CHNGOV"), target=make_actor("RUSMIL"))
    with open_store(pg_url) as setup:
        _ingest(setup, a)
        _ingest(setup, b)

    clustering = threading.Event()
    real = ingest_sql.cluster_mentions

    def slow_cluster(mentions, options):
        if threading.current_thread().name == "first-writer":
            clustering.set()
            threading.Event().wait(0.5)  # the second writer arrives meanwhile
        return real(mentions, options)

    monkeypatch.setattr(ingest_sql, "cluster_mentions", slow_cluster)
    with open_store(pg_url) as first, open_store(pg_url) as second:
        thread = threading.Thread(
            name="first-writer",
            target=lambda: first.save_coded([(a, [ev_a])], coder=CODER, run_id="r1"))
        thread.start()
        assert clustering.wait(10)
        second.save_coded([(b, [ev_b])], coder=CODER, run_id="r2")
        thread.join(10)
        [event] = second.canonical_events()
    assert set(event.event_ids) == {ev_a.event_id, ev_b.event_id}
    assert event.sources == ("Courrier", "Post")
