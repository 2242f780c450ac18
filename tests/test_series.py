"""Dyad series: periods, roll-up, direction, sectors, negation, counts, top dyads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factories import CODER, make_article, make_event
from tocsin.analysis.intensity import intensity, read_intensity_scale
from tocsin.analysis.series import dyad_series, fill_periods, period_start, top_dyads
from tocsin.errors import DataFileError
from tocsin.records import SeriesPoint
from tocsin.store import open_store


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "s.duckdb") as s:
        yield s


def put(store, article_id: str, outlet: str, *events) -> None:
    store.save_article(make_article(id=article_id, outlet=outlet), list(events),
                       coder=CODER, run_id="t")


def ev(article_id: str, i: int, **kw):
    kw.setdefault("source", "RUSGOV")
    kw.setdefault("target", "CHNGOV")
    return make_event(article_id=article_id, sentence_index=i, trigger_span=(i, i + 1), **kw)


@pytest.fixture
def filled(store):
    # week of 2024-03-04 (Monday): 3 events, RUS<->CHN both directions, 2 outlets
    put(store, "a1", "Wire",
        ev("a1", 0, date=date(2024, 3, 5)),                                   # CONSULT RUSGOV->CHNGOV
        ev("a1", 1, date=date(2024, 3, 6), source="CHNMIL", target="RUSMIL",
           type="ASSAULT", cameo="190", quad_class=4, goldstein=-10.0),
        ev("a1", 2, date=date(2024, 3, 6), negated=True, type="THREATEN", cameo="138",
           quad_class=3, goldstein=-7.0))
    put(store, "a2", "Gazette",
        ev("a2", 0, date=date(2024, 3, 8), source="RUSMIL", target="CHNMIL",
           type="COOPERATE", cameo="060", quad_class=2, goldstein=6.0))
    # nothing in the week of 2024-03-11; 2024-03-18: one event, a third party
    put(store, "a3", "Wire",
        ev("a3", 0, date=date(2024, 3, 19)),
        ev("a3", 1, date=date(2024, 3, 19), source="USA", target="CHN"))
    return store


def test_weekly_series_counts_types_quads_intensity_and_sources(filled) -> None:
    points = dyad_series(filled, "RUS", "CHN", by="week")
    assert [p.period for p in points] == [date(2024, 3, 4), date(2024, 3, 11), date(2024, 3, 18)]
    first, empty, last = points
    assert (first.source, first.target) == ("RUS", "CHN")
    assert first.n_events == first.n_mentions == 3  # the negated threat is left out
    assert first.type_counts == {"ASSAULT": 1, "CONSULT": 1, "COOPERATE": 1}
    assert first.quad_counts == (1, 1, 0, 1)
    assert first.goldstein_sum == pytest.approx(1.0 - 10.0 + 6.0)
    assert first.goldstein_mean == pytest.approx(-1.0)
    assert first.intensity_sum == pytest.approx(intensity("CONSULT") + intensity("ASSAULT")
                                                + intensity("COOPERATE"))
    assert first.balance == pytest.approx((2 - 1) / 3)
    assert first.n_sources == 2
    assert empty.n_events == 0 and empty.balance is None and empty.intensity_mean is None
    assert last.n_events == 1  # USA->CHN is not in the dyad
    assert first.to_dict()["period"] == "2024-03-04"


def test_directed_sector_negated_and_types(filled) -> None:
    directed = dyad_series(filled, "RUS", "CHN", by="month", directed=True)
    assert [p.n_events for p in directed] == [3]  # CONSULT x2 + COOPERATE, not CHN->RUS
    reverse = dyad_series(filled, "CHN", "RUS", by="month", directed=True)
    assert reverse[0].type_counts == {"ASSAULT": 1}
    mil = dyad_series(filled, "RUS", "CHN", by="month", sector="MIL")
    assert mil[0].type_counts == {"ASSAULT": 1, "COOPERATE": 1}
    code = dyad_series(filled, "RUSMIL", "CHN", by="month")
    assert code[0].n_events == 2
    with_neg = dyad_series(filled, "RUS", "CHN", by="month", include_negated=True)
    assert with_neg[0].n_events == 5 and with_neg[0].n_negated == 1
    only = dyad_series(filled, "RUS", "CHN", by="day", types=["assault"])
    assert [(p.period, p.n_events) for p in only] == [(date(2024, 3, 6), 1)]


def test_days_and_bounds_fill_zero_periods(filled) -> None:
    points = dyad_series(filled, "RUS", "CHN", by="day", since=date(2024, 3, 1),
                         until=date(2024, 3, 31))
    assert len(points) == 31
    assert sum(p.n_events for p in points) == 4
    assert points[0].n_events == 0 and points[4].n_events == 1


def test_same_mention_from_two_coder_versions_counts_once(store) -> None:
    put(store, "a1", "Wire", ev("a1", 0))
    other = make_event(article_id="a1", coder="tocsin.patterns.v2")
    store.save_article(make_article(id="a1"), [other], coder="tocsin.patterns.v2", run_id="t2")
    (point,) = dyad_series(store, "RUS", "CHN")
    assert point.n_mentions == 1


def test_bad_arguments_are_refused(store) -> None:
    with pytest.raises(ValueError, match="by must be"):
        dyad_series(store, "RUS", "CHN", by="year")
    with pytest.raises(ValueError, match="two different actors"):
        dyad_series(store, "RUS", "rus")
    assert dyad_series(store, "RUS", "CHN") == []


def test_periods_start_on_monday_and_first_of_month() -> None:
    assert period_start(date(2024, 3, 10), "week") == date(2024, 3, 4)
    assert period_start(date(2024, 3, 10), "month") == date(2024, 3, 1)
    pts = fill_periods([], "A", "B", by="month", start=date(2024, 11, 5), end=date(2025, 2, 1))
    assert [p.period.month for p in pts] == [11, 12, 1, 2]
    assert all(isinstance(p, SeriesPoint) and p.n_events == 0 for p in pts)


def test_top_dyads_by_events_and_by_change(store) -> None:
    for i in range(6):  # USA-CHN: busy in both windows
        put(store, f"u{i}", "Wire", ev(f"u{i}", 0, source="USA", target="CHN", date=date(2024, 2, 1 + i)))
        put(store, f"v{i}", "Wire", ev(f"v{i}", 0, source="CHN", target="USA", date=date(2024, 3, 1 + i)))
    for i in range(4):  # RUS-UKR: new in the window
        put(store, f"r{i}", "Wire", ev(f"r{i}", 0, source="RUS", target="UKR", date=date(2024, 3, 10 + i)))
    window = {"since": date(2024, 3, 1), "until": date(2024, 3, 30)}
    busy = top_dyads(store, **window, by="events")
    assert [(d.source, d.target, d.n_events, d.n_events_baseline) for d in busy] == [
        ("CHN", "USA", 6, 6), ("RUS", "UKR", 4, 0)]
    changed = top_dyads(store, **window, by="change")
    assert (changed[0].source, changed[0].target) == ("RUS", "UKR")
    assert changed[0].change == pytest.approx(2.321928, rel=1e-5)
    assert top_dyads(store, **window, limit=1)[0].to_dict()["source"] == "CHN"


def test_intensity_scale_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "scale.tsv"
    bad.write_text("type\tintensity\nASSAULT\t-12\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="outside"):
        read_intensity_scale(bad)
    assert intensity("ASSAULT") == -10.0 and intensity("AID") > intensity("CONSULT") > 0


def test_all_pairs_include_international_organisations(store) -> None:
    from tocsin.store.series_sql import SeriesQuery

    put(store, "n1", "Wire", ev("n1", 0, source="IGONATO", target="RUSMIL"),
        ev("n1", 1, source="RUS", target="CHN"),
        ev("n1", 2, source="RUSGOV", target="RUSMIL"))  # one country: no dyad
    pairs = {(p.source, p.target): p.n_events
             for p in store.series_points(SeriesQuery(pair=None, by="month"))}
    assert pairs == {("IGONATO", "RUS"): 1, ("CHN", "RUS"): 1}
    directed = {(p.source, p.target) for p in
                store.series_points(SeriesQuery(pair=None, by="month", directed=True))}
    assert directed == {("IGONATO", "RUS"), ("RUS", "CHN")}
