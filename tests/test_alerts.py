"""Alerts: the planted change is found first with its sentences; a quiet corpus raises
none; stored alerts keep their state and are not raised twice; the statistics."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from synthetic import plant_burst, quiet_corpus
from tocsin.analysis.alerts import (
    AlertOptions,
    WatchItem,
    detect_alerts,
    plan_windows,
    raise_alerts,
)
from tocsin.analysis.detector import (
    IntensitySample,
    count_test,
    intensity_test,
    nb_lower_tail,
    nb_upper_tail,
)
from tocsin.records import Alert
from tocsin.store import open_store

START = date(2024, 1, 1)  # a Monday
WEEKS = 16
LAST_DAY = START + timedelta(days=7 * WEEKS - 1)


@pytest.fixture(scope="module")
def quiet_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("quiet") / "quiet.duckdb"
    with open_store(path) as store:
        quiet_corpus(store, start=START, weeks=WEEKS)
    return path


@pytest.fixture(scope="module")
def planted_db(tmp_path_factory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("planted") / "planted.duckdb"
    with open_store(path) as store:
        quiet_corpus(store, start=START, weeks=WEEKS)
        ids = plant_burst(store, source="RUS", target="CHN", start=LAST_DAY - timedelta(days=9),
                          days=10, n=30)
    return path, ids


def test_planted_burst_is_ranked_first_with_its_sentences(planted_db) -> None:
    path, burst_ids = planted_db
    with open_store(path) as store:
        alerts = detect_alerts(store)
        assert alerts, "the planted burst raised no alert"
        top = alerts[0]
        assert {top.source, top.target} == {"CHN", "RUS"}
        assert all({a.source, a.target} == {"CHN", "RUS"} for a in alerts)
        kinds = {a.kind: a for a in alerts}
        assert kinds["count"].direction == "up" and kinds["count"].observed >= 30
        assert kinds["count"].expected < 10
        assert kinds["intensity"].direction == "down"
        assert set(top.evidence) <= set(burst_ids) and len(top.evidence) == 10
        sentences = [e.sentence for e in store.events_by_id(top.evidence)]
        assert all("shelled" in s or "use force" in s for s in sentences)
        assert "RUS" in top.summary and "ASSAULT" in top.summary


def test_quiet_corpus_raises_nothing_at_the_default_threshold(quiet_db) -> None:
    with open_store(quiet_db) as store:
        assert detect_alerts(store) == []
        # and at every week along the way
        for week in range(4, WEEKS):
            assert detect_alerts(store, as_of=START + timedelta(days=7 * week + 6)) == []


def test_watchlist_limits_the_dyads(planted_db) -> None:
    path, _ = planted_db
    with open_store(path) as store:
        assert detect_alerts(store, watchlist=[WatchItem("USA", "FRA")]) == []
        watched = detect_alerts(store, watchlist=[WatchItem("RUS", "CHN", directed=True)])
        assert watched and watched[0].source == "RUS" and "→" in watched[0].summary
        assert detect_alerts(store, watchlist=[WatchItem("CHN", "RUS", directed=True)]) == []


def test_alerts_are_stored_once_and_keep_their_state(planted_db, tmp_path: Path) -> None:
    path, _ = planted_db
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(path.read_bytes())
    with open_store(copy) as store:
        first = raise_alerts(store)
        assert first and all(a.state == "new" and a.created_at for a in first)
        assert raise_alerts(store) == []  # same change, same window
        # a day later the window has moved; the change is the same one
        assert raise_alerts(store, as_of=LAST_DAY + timedelta(days=1)) == []
        seen = store.set_alert_state(first[0].alert_id, "seen")
        assert seen.state == "seen"
        assert store.save_alerts([replace(first[0], state="new")]) == []
        assert store.alert(first[0].alert_id).state == "seen"
        assert [a.alert_id for a in store.alerts(state="seen")] == [first[0].alert_id]
        assert len(store.alerts()) == len(first)
        assert store.alerts(since=LAST_DAY + timedelta(days=30)) == []
        assert len(store.alerts(limit=1)) == 1
        with pytest.raises(KeyError):
            store.set_alert_state("nope", "seen")
        with pytest.raises(ValueError):
            store.set_alert_state(first[0].alert_id, "archived")
        back = Alert.from_dict(first[0].to_dict())
        assert back == first[0]


def test_events_by_id_keeps_the_order_given(planted_db) -> None:
    path, ids = planted_db
    with open_store(path) as store:
        wanted = [ids[3], "missing", ids[0]]
        assert [e.event_id for e in store.events_by_id(wanted)] == [ids[3], ids[0]]
        assert store.events_by_id([]) == []


def test_windows_follow_periods_and_since() -> None:
    w = plan_windows(date(2024, 4, 17), AlertOptions())  # a Wednesday
    assert w.window_start == date(2024, 4, 8) and w.window_end == date(2024, 4, 17)
    assert w.baseline_end == date(2024, 4, 7) and w.baseline_start == date(2024, 1, 15)
    assert w.window_periods == pytest.approx(1 + 3 / 7)
    w2 = plan_windows(date(2024, 4, 17), AlertOptions(by="month"), since=date(2024, 3, 5))
    assert w2.window_start == date(2024, 3, 1) and w2.baseline_start == date(2023, 3, 1)


def test_count_model() -> None:
    # steady baseline of 3 a week: 6 in two weeks is expected, 25 is not
    assert count_test([3] * 12, 6, 2).score < 1
    high = count_test([3] * 12, 25, 2)
    assert high.direction == "up" and high.score > 6
    # the same excess is less surprising when the baseline swings widely
    assert count_test([0, 9, 1, 8, 0, 7, 2, 9, 0, 1, 8, 1], 25, 2).score < high.score
    low = count_test([20] * 12, 2, 2)
    assert low.direction == "down" and low.score > 6
    # tails of the negative binomial add up
    k, mu = 3.5, 4.0
    assert nb_upper_tail(7, k, mu) + nb_lower_tail(6, k, mu) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        count_test([], 1, 1)


def test_intensity_model() -> None:
    calm = [IntensitySample(3, 3 * 2.0, 3 * (4.0 + 1.0)) for _ in range(10)]
    same = intensity_test(calm, IntensitySample(4, 8.0, 4 * 5.0))
    assert same is not None and same.score < 1
    war = intensity_test(calm, IntensitySample(8, -64.0, 8 * 64.0))
    assert war is not None and war.direction == "down" and war.score > 6
    assert intensity_test([], IntensitySample(1, 1.0, 1.0)) is None


def test_watchlist_file_as_path(planted_db, tmp_path: Path) -> None:
    path, _ = planted_db
    watch = tmp_path / "w.toml"
    watch.write_text('[options]\nkinds = ["count"]\n\n[[dyad]]\nsource = "RUS"\ntarget = "CHN"\n',
                     encoding="utf-8")
    with open_store(path) as store:
        found = detect_alerts(store, watchlist=str(watch))
    assert [a.kind for a in found] == ["count"] and found[0].source == "RUS"
