"""The event store on both backends: schema migrations, idempotent writes, filters, summaries.

Tests that take ``store`` or ``store_url`` run twice: on a DuckDB file and on a
fresh PostgreSQL schema (see tests/backends.py; skipped without
TOCSIN_TEST_POSTGRES). Tests of one backend's own behaviour (file locks, a
corrupt file, an unreachable server) say so in their name.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from factories import CODER, make_actor, make_article, make_event
from tocsin.errors import StoreError
from tocsin.records import Actor, Event, Location
from tocsin.store import EventFilter, Store, is_database_url, open_store
from tocsin.store.duckdb import DuckDBStore
from tocsin.store.schema import CREATE_SCHEMA_MIGRATIONS, load_migrations


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(store_url: str):
    with open_store(store_url) as s:
        yield s


def save(store: Store, events: list[Event], *, article_id: str = "art-1", coder: str = CODER) -> None:
    store.save_article(make_article(id=article_id), events, coder=coder, run_id="run-test")


def raw(url: str, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """Run SQL on the database behind ``url`` directly, bypassing tocsin (``?`` placeholders)."""
    if is_database_url(url):
        import psycopg

        with psycopg.connect(url, autocommit=True) as con:
            cur = con.execute(sql.replace("?", "%s"), params) if params else con.execute(sql)
            return cur.fetchall() if cur.description else []
    con = duckdb.connect(url)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def dialect(url: str) -> str:
    return "postgres" if is_database_url(url) else "duckdb"


# ------------------------------------------------------------------ migrations


def test_new_database_records_every_migration(store_url: str) -> None:
    known = load_migrations(dialect(store_url))
    with open_store(store_url) as store:
        assert store.schema_version() == max(m.version for m in known)
        status = store.schema_status()
    assert [(m.version, m.name) for m in status.applied] == [(m.version, m.name) for m in known]
    assert status.pending == () and status.up_to_date
    assert (status.n_runs, status.n_articles, status.n_events) == (0, 0, 0)
    rows = raw(store_url, "SELECT version, name FROM schema_migrations ORDER BY version")
    tables = {r[0] for r in raw(
        store_url,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
    )}
    assert rows[0] == (1, "initial")
    assert [r[0] for r in rows] == [m.version for m in known]
    assert {"runs", "articles", "events", "schema_migrations"} <= tables


def test_reopening_applies_nothing_twice_and_keeps_data(store_url: str) -> None:
    with open_store(store_url) as store:
        save(store, [make_event()])
    for _ in range(2):
        with open_store(store_url) as store:
            assert store.count_events() == 1
            assert store.migrate() == []
    ((n,),) = raw(store_url, "SELECT count(*) FROM schema_migrations")
    assert n == len(load_migrations(dialect(store_url)))


def test_migrate_false_leaves_the_schema_alone(store_url: str) -> None:
    with open_store(store_url, migrate=False) as store:
        status = store.schema_status()
        assert (status.version, status.applied, status.n_events) == (0, (), None)
        assert status.pending == tuple(m.label for m in load_migrations(dialect(store_url)))
        assert not status.up_to_date
        applied = store.migrate()
        assert [m.label for m in applied] == list(status.pending)
        assert store.schema_status().up_to_date
        save(store, [make_event()])  # usable at once
        assert store.count_events() == 1


def test_both_backends_have_the_same_migrations() -> None:
    """Each DuckDB migration has its PostgreSQL twin: same number, same name."""
    pg = {m.version: m.name for m in load_migrations("postgres")}
    missing = [m.label for m in load_migrations("duckdb") if pg.get(m.version) != m.name]
    assert not missing, (
        f"write src/tocsin/store/migrations/postgres/<label>.sql for {missing} "
        "(the same change in PostgreSQL's dialect; see docs/scaling.md, PostgreSQL)"
    )


def test_events_table_has_exactly_the_contract_columns(db_path: Path) -> None:
    open_store(db_path).close()
    con = duckdb.connect(str(db_path))
    try:
        columns = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_name = 'events' ORDER BY ordinal_position"
        ).fetchall()
    finally:
        con.close()
    assert tuple(c[0] for c in columns) == Event.FIELDS
    types = dict(columns)
    assert types["trigger_span"] == "INTEGER[]"
    assert types["context"] == "VARCHAR[]"
    assert types["date"] == "DATE"
    assert types["goldstein"] == "DOUBLE"
    assert types["source"].startswith("STRUCT(")
    assert "entity_id VARCHAR" in types["source"]
    assert "lat DOUBLE" in types["location"]


def test_postgres_events_table_has_exactly_the_contract_columns(pg_url: str) -> None:
    open_store(pg_url).close()
    columns = raw(
        pg_url,
        "SELECT column_name, udt_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = 'events'"
        " ORDER BY ordinal_position",
    )
    assert tuple(c[0] for c in columns) == Event.FIELDS
    types = dict(columns)
    assert (types["trigger_span"], types["context"], types["date"]) == ("_int4", "_text", "date")
    assert types["goldstein"] == "float8"
    assert (types["source"], types["target"], types["attribution"]) == ("event_actor",) * 3
    assert types["location"] == "event_location"
    fields = raw(
        pg_url,
        "SELECT attname FROM pg_attribute WHERE attrelid = 'event_actor'::regclass"
        " AND attnum > 0 ORDER BY attnum",
    )
    assert tuple(f[0] for f in fields) == ("text", "code", "country", "sector", "name", "entity_id")
    places = raw(
        pg_url,
        "SELECT attname FROM pg_attribute WHERE attrelid = 'event_location'::regclass"
        " AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
    )
    assert tuple(f[0] for f in places) == (
        "text", "country", "name", "lat", "lon", "admin1", "geonames_id", "precision")


def test_newer_schema_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    raw(store_url, "INSERT INTO schema_migrations VALUES (999, 'from_the_future', now())")
    with pytest.raises(StoreError, match="newer than this tocsin") as info:
        open_store(store_url)
    assert info.value.source and info.value.source in str(info.value)
    with open_store(store_url, read_only=True, migrate=False) as store:
        status = store.schema_status()  # still readable by `tocsin db status`
    assert status.version == 999 and not status.up_to_date


def test_read_only_open_needs_an_up_to_date_schema(db_path: Path) -> None:
    with pytest.raises(StoreError, match="no database here yet"):
        open_store(db_path, read_only=True)
    assert not db_path.exists()
    duckdb.connect(str(db_path)).close()  # an empty DuckDB file
    with pytest.raises(StoreError, match="no tocsin schema"):
        open_store(db_path, read_only=True)
    with open_store(db_path) as store:
        save(store, [make_event()])
    with open_store(db_path, read_only=True) as store:
        assert store.count_events() == 1
        with pytest.raises(StoreError):
            save(store, [make_event()])


def test_postgres_read_only_open_needs_a_schema_and_refuses_writes(pg_url: str) -> None:
    with pytest.raises(StoreError, match="no tocsin schema"):
        open_store(pg_url, read_only=True)
    assert raw(pg_url, "SELECT count(*) FROM information_schema.tables"
                       " WHERE table_schema = current_schema()") == [(0,)]
    with open_store(pg_url) as store:
        save(store, [make_event()])
    with open_store(pg_url, read_only=True) as store:
        assert store.count_events() == 1
        with pytest.raises(StoreError, match="opened read-only"):
            save(store, [make_event(sentence_index=3)])
        assert store.count_events() == 1


def test_corrupt_file_raises_store_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_bytes(b"this is not a database\n" * 500)
    with pytest.raises(StoreError) as info:
        open_store(bad)
    assert str(bad) in str(info.value)
    assert info.value.code == "E401"
    assert "not a DuckDB database" in info.value.message


def test_missing_folder_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        open_store(tmp_path / "no" / "such" / "dir" / "x.duckdb")


def test_unreachable_postgres_server_raises_store_error_without_the_password() -> None:
    url = "postgresql://tocsin:s3cret@127.0.0.1:1/nowhere?connect_timeout=3"
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL server") as info:
        open_store(url)
    assert info.value.code == "E401"
    assert "s3cret" not in str(info.value)
    assert "postgresql://tocsin:***@127.0.0.1:1/nowhere" in str(info.value)


def test_bad_database_urls_raise_store_error() -> None:
    with pytest.raises(StoreError, match="unsupported database URL scheme 'mysql'"):
        open_store("mysql://user@host/db")
    with pytest.raises(StoreError, match="not a valid PostgreSQL URL"):
        open_store("postgresql://127.0.0.1/db?schema=news")  # not a libpq parameter


def test_postgres_search_path_naming_no_schema_is_a_clear_error(pg_server: str) -> None:
    from backends import with_schema

    with pytest.raises(StoreError, match="no schema to keep the tables in"):
        open_store(with_schema(pg_server, "tocsin_no_such_schema"))


def test_locked_database_raises_store_error_with_hint(db_path: Path) -> None:
    open_store(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, duckdb
                con = duckdb.connect({str(db_path)!r})
                print("ready", flush=True)
                sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process") as info:
            open_store(db_path)
        assert str(db_path) in str(info.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()


def test_closed_store_raises_store_error(store_url: str) -> None:
    store = open_store(store_url)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count_events()


# ------------------------------------------------------------------------ runs


def test_runs_are_recorded(store: Store) -> None:
    run_id = store.begin_run({"inputs": ["news/"], "since": date(2024, 1, 1)}, coder=CODER)
    store.finish_run(run_id, n_articles=3, n_events=7, n_failed=1)
    (run,) = store.runs()
    assert run.run_id == run_id
    assert run.coder == CODER
    assert run.args == {"inputs": ["news/"], "since": "2024-01-01"}
    assert (run.n_articles, run.n_events, run.n_failed) == (3, 7, 1)
    assert run.finished_at is not None and run.finished_at >= run.started_at
    with pytest.raises(StoreError, match="no run"):
        store.finish_run("nope", 0, 0, 0)


# --------------------------------------------------------------------- writing


def test_round_trip_returns_equal_events(store: Store) -> None:
    events = [
        make_event(),
        make_event(
            sentence_index=1,
            trigger="n'a pas menacé",
            trigger_span=(0, 14),
            type="THREATEN",
            mode=None,
            context=[],
            source=None,
            target=Actor(text="Kyiv"),
            negated=True,
            modality="conditional",
            attribution=make_actor("USA", text="Washington", entity_id="Q61"),
            date=None,
            date_precision="none",
            date_text=None,
            location=None,
            quad_class=3,
            goldstein=-4.4,
            confidence=0.125,
            cameo="130",
            pattern="fr.v.menacer",
        ),
        make_event(
            sentence_index=2,
            context=["military", "territory"],
            location=Location(text="là-bas"),
            date=date(2023, 11, 1),
            date_precision="month",
            date_text="en novembre",
        ),
    ]
    save(store, events)
    stored = store.query()
    assert sorted(stored, key=lambda e: e.sentence_index) == events
    assert isinstance(stored[0].trigger_span, tuple)


def test_places_and_inferred_targets_round_trip(store: Store) -> None:
    kharkiv = Location(text="à Kharkiv", country="UKR", name="Kharkiv", lat=49.98, lon=36.25,
                       admin1="Kharkivska", geonames_id=706483, precision="place")
    events = [
        make_event(location=kharkiv, target_inferred=True),
        make_event(sentence_index=1, location=Location(text="en Ukraine", country="UKR",
                                                         precision="country")),
    ]
    save(store, events)
    assert sorted(store.query(), key=lambda e: e.sentence_index) == events
    assert store.events_by_id([events[0].event_id]) == [events[0]]
    store.save_articles_bulk([(make_article(id="art-2"), [
        make_event(article_id="art-2", location=kharkiv, target_inferred=True)])],
        coder=CODER, run_id="run-test")
    [bulk] = store.query(EventFilter(article_ids=["art-2"]))
    assert bulk.location == kharkiv and bulk.target_inferred


def test_events_stored_before_the_places_migration_keep_their_values(store_url: str) -> None:
    """Schema 4 adds location fields and target_inferred to a table that has rows."""
    known = load_migrations(dialect(store_url))
    old = [m for m in known if m.version < 4]
    for m in old:  # a database as tocsin left it at schema 3
        if is_database_url(store_url):
            raw(store_url, m.sql)
        else:
            with duckdb.connect(store_url) as con:
                con.execute(m.sql)
    location = (
        "ROW('à Kyiv', 'UKR', 'Kyiv', 50.45, 30.52)" if is_database_url(store_url)
        else "{'text': 'à Kyiv', 'country': 'UKR', 'name': 'Kyiv', 'lat': 50.45, 'lon': 30.52}"
    )
    raw(store_url, CREATE_SCHEMA_MIGRATIONS)
    for m in old:
        raw(store_url, "INSERT INTO schema_migrations VALUES (?, ?, CURRENT_TIMESTAMP)",
            [m.version, m.name])
    raw(store_url, "INSERT INTO articles (article_id, \"text\", updated_at)"
                   " VALUES ('old', 'x', CURRENT_TIMESTAMP)")
    raw(store_url,
        'INSERT INTO events (event_id, article_id, sentence_index, sentence, "trigger",'
        ' trigger_span, "type", context, cameo, quad_class, goldstein, negated, modality,'
        ' date_precision, "language", confidence, coder, pattern, location) VALUES'
        " ('old-0', 'old', 0, 's', 't', ?, 'CONSULT', ?, '040', 1, 1.0, false, 'asserted',"
        f" 'none', 'fr', 0.5, 'c', 'p', {location})",
        [[0, 1], ["diplomatic"]])
    with open_store(store_url) as store:
        assert store.schema_version() == max(m.version for m in known)
        [event] = store.query()
    assert event.location == Location(text="à Kyiv", country="UKR", name="Kyiv", lat=50.45,
                                      lon=30.52)
    assert event.target_inferred is False


def test_article_is_stored_and_upserted(store: Store) -> None:
    article = make_article()
    store.save_article(article, [make_event()], coder=CODER, run_id="r1")
    assert store.article("art-1") == article
    changed = make_article(title="Nouveau titre", published=None)
    store.save_article(changed, [make_event()], coder=CODER, run_id="r2")
    assert store.article("art-1") == changed
    assert store.articles() == [changed]
    assert store.article("missing") is None


def test_a_batch_of_articles_is_upserted_together(store: Store) -> None:
    old = make_article(id="art-1", title="Ancien titre")
    store.save_articles([(old, [])], coder=CODER, run_id="r1")
    first = make_article(id="art-1", title="Premier titre")
    last = make_article(id="art-1", title="Titre final", url="https://example.org/final")
    other = make_article(id="art-2", title="Autre", published=None)
    store.save_articles([(first, []), (other, [make_event(article_id="art-2")]), (last, [])],
                        coder=CODER, run_id="r2")
    assert store.articles() == [last, other]  # the last copy of an article given twice counts
    assert [e.article_id for e in store.query()] == ["art-2"]


def test_saving_the_same_article_twice_replaces_its_events(store: Store) -> None:
    events = [make_event(sentence_index=i) for i in range(3)]
    save(store, events)
    save(store, events)
    assert store.count_events() == 3
    save(store, events[:1])
    assert store.query() == events[:1]
    save(store, [])
    assert store.count_events() == 0
    assert store.article("art-1") is not None


def test_other_articles_are_left_alone(store: Store) -> None:
    save(store, [make_event()], article_id="art-1")
    save(store, [make_event(article_id="art-2")], article_id="art-2")
    save(store, [], article_id="art-1")
    assert [e.article_id for e in store.query()] == ["art-2"]


def test_another_coder_version_keeps_both(store: Store) -> None:
    old = make_event(event_id="same-id", coder="tocsin.patterns.v1")
    new = make_event(event_id="same-id", coder="tocsin.patterns.v2", goldstein=2.0)
    save(store, [old], coder="tocsin.patterns.v1")
    save(store, [new], coder="tocsin.patterns.v2")
    save(store, [new], coder="tocsin.patterns.v2")
    assert store.count_events() == 2
    assert store.query(EventFilter(coders=("tocsin.patterns.v2",))) == [new]


def test_events_must_match_the_article_and_coder(store: Store) -> None:
    with pytest.raises(ValueError, match="belongs to article"):
        save(store, [make_event(article_id="other")])
    with pytest.raises(ValueError, match="coded by"):
        save(store, [make_event(coder="someone.else")])
    assert store.count_events() == 0


def test_failing_insert_rolls_back_and_keeps_earlier_events(store: Store) -> None:
    before = [make_event(sentence_index=i) for i in range(2)]
    save(store, before)
    duplicate = make_event(sentence_index=5, event_id="dup")
    with pytest.raises(StoreError, match="art-1"):
        save(store, [duplicate, duplicate])  # primary key violation mid-insert
    assert store.query() == before
    assert store.article("art-1") == make_article()


def _disk_full(store: Store) -> Exception:
    """The driver's own error for a full disk, as the backend would raise it."""
    if isinstance(store, DuckDBStore):
        return duckdb.IOException("disk full")
    import psycopg.errors

    return psycopg.errors.DiskFull("disk full")


def test_failure_after_delete_rolls_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    before = [make_event(sentence_index=i) for i in range(2)]
    save(store, before)

    def broken_insert(self: Store, batch: object) -> None:
        assert self.count_events() == 0  # the old events are already deleted here
        raise _disk_full(self)

    monkeypatch.setattr(type(store), "_insert_events", broken_insert)
    with pytest.raises(StoreError, match="disk full"):
        store.save_article(
            make_article(title="changed"), [make_event(sentence_index=9)], coder=CODER, run_id="r"
        )
    monkeypatch.undo()
    assert store.query() == before
    assert store.article("art-1") == make_article()
    save(store, [make_event(sentence_index=9)])  # the store is still usable
    assert store.count_events() == 1


def test_ten_thousand_events_insert_quickly(store: Store) -> None:
    events = [make_event(sentence_index=i, event_id=f"e{i:05d}") for i in range(10_000)]
    started = time.perf_counter()
    save(store, events)
    elapsed = time.perf_counter() - started
    assert store.count_events() == 10_000
    assert elapsed < 3.0


# --------------------------------------------------------------------- filters


@pytest.fixture
def filled(store: Store) -> Store:
    rows = [
        # (article, idx, source, target, type, quad, date, negated, language)
        ("a1", 0, "RUSMIL", "CHNMIL", "CONSULT", 1, date(2024, 1, 10), False, "fr"),
        ("a1", 1, "CHNGOV", "RUSGOV", "AGREE", 1, date(2024, 2, 1), False, "fr"),
        ("a2", 0, "RUS", "UKR", "ASSAULT", 4, date(2024, 3, 1), False, "en"),
        ("a2", 1, "UKR", "RUSMIL", "THREATEN", 3, date(2024, 3, 2), True, "en"),
        ("a3", 0, "IGONATO", "RUS", "DEMAND", 3, None, False, "en"),
        ("a3", 1, "USA", "CHN", "COOPERATE", 2, date(2023, 12, 31), False, "en"),
        ("a3", 2, None, "FRA", "PROTEST", 3, date(2024, 1, 10), False, "en"),
    ]
    by_article: dict[str, list[Event]] = {}
    for art, idx, src, tgt, typ, quad, when, neg, lang in rows:
        by_article.setdefault(art, []).append(
            make_event(
                article_id=art, sentence_index=idx, source=src, target=tgt, type=typ,
                quad_class=quad, goldstein=float(quad), date=when, negated=neg, language=lang,
            )
        )
    for art, events in by_article.items():
        save(store, events, article_id=art)
    return store


def keys(store: Store, f: EventFilter) -> list[str]:
    return [f"{e.article_id}.{e.sentence_index}" for e in store.query(f)]


def test_no_filter_returns_all_in_date_order(filled: Store) -> None:
    assert keys(filled, EventFilter()) == [
        "a3.1", "a1.0", "a3.2", "a1.1", "a2.0", "a2.1", "a3.0",
    ]
    assert filled.count_events() == 7


def test_single_actor_country_matches_either_side(filled: Store) -> None:
    assert set(keys(filled, EventFilter(actors=("RUS",)))) == {
        "a1.0", "a1.1", "a2.0", "a2.1", "a3.0",
    }


def test_single_actor_full_code_matches_exactly(filled: Store) -> None:
    assert set(keys(filled, EventFilter(actors=("RUSMIL",)))) == {"a1.0", "a2.1"}
    assert keys(filled, EventFilter(actors=("IGONATO",))) == ["a3.0"]
    assert keys(filled, EventFilter(actors=("igo",))) == ["a3.0"]


def test_two_actors_mean_events_between_them(filled: Store) -> None:
    assert keys(filled, EventFilter(actors=("RUS", "CHN"))) == ["a1.0", "a1.1"]
    assert keys(filled, EventFilter(actors=("CHN", "RUS"))) == ["a1.0", "a1.1"]
    assert keys(filled, EventFilter(actors=("RUSMIL", "UKR"))) == ["a2.1"]


def test_dyad_is_directed_unless_symmetric(filled: Store) -> None:
    assert keys(filled, EventFilter(dyad=("RUS", "CHN"))) == ["a1.0"]
    assert keys(filled, EventFilter(dyad=("CHN", "RUS"))) == ["a1.1"]
    assert keys(filled, EventFilter(dyad=("RUS", "CHN"), symmetric_dyad=True)) == ["a1.0", "a1.1"]
    with pytest.raises(ValueError, match="dyad"):
        EventFilter(dyad=("RUS",))  # type: ignore[arg-type]


def test_type_and_quad_class_filters(filled: Store) -> None:
    assert keys(filled, EventFilter(types=("assault", "THREATEN"))) == ["a2.0", "a2.1"]
    assert keys(filled, EventFilter(quad_classes=(3,))) == ["a3.2", "a2.1", "a3.0"]
    assert filled.count_events(EventFilter(quad_classes=(1, 2))) == 3


def test_date_range_is_inclusive_and_excludes_undated(filled: Store) -> None:
    f = EventFilter(since=date(2024, 1, 10), until=date(2024, 3, 1))
    assert keys(filled, f) == ["a1.0", "a3.2", "a1.1", "a2.0"]
    assert keys(filled, EventFilter(until=date(2023, 12, 31))) == ["a3.1"]
    assert "a3.0" not in keys(filled, EventFilter(since=date(2000, 1, 1)))


def test_negated_language_and_article_filters(filled: Store) -> None:
    assert keys(filled, EventFilter(negated=True)) == ["a2.1"]
    assert filled.count_events(EventFilter(negated=False)) == 6
    assert keys(filled, EventFilter(languages=("FR",))) == ["a1.0", "a1.1"]
    assert keys(filled, EventFilter(article_ids=("a2",))) == ["a2.0", "a2.1"]


def test_filters_combine_and_limit(filled: Store) -> None:
    f = EventFilter(actors=("RUS",), languages=("en",), negated=False)
    assert keys(filled, f) == ["a2.0", "a3.0"]
    assert keys(filled, EventFilter(limit=2)) == ["a3.1", "a1.0"]
    assert filled.count_events(EventFilter(limit=2)) == 7
    with pytest.raises(ValueError, match="limit"):
        EventFilter(limit=-1)


def test_user_values_are_parameters_not_sql(filled: Store) -> None:
    nasty = "RUS' OR '1'='1"
    assert filled.query(EventFilter(actors=(nasty,))) == []
    assert filled.query(EventFilter(article_ids=(nasty,))) == []


# ------------------------------------------------------------------------ dyads


def test_dyad_summary_groups_by_countries(filled: Store) -> None:
    rows = {(r.source_country, r.target_country): r for r in filled.dyad_summary()}
    assert rows[("RUS", "CHN")].n_events == 1
    assert rows[("CHN", "RUS")].quad_counts == (1, 0, 0, 0)
    assert rows[("UKR", "RUS")].quad_counts == (0, 0, 1, 0)
    assert rows[("UKR", "RUS")].mean_goldstein == pytest.approx(3.0)
    assert rows[(None, "RUS")].n_events == 1  # IGONATO has no country
    assert rows[(None, "FRA")].n_events == 1  # no source
    assert sum(r.n_events for r in rows.values()) == 7


def test_dyad_summary_orders_by_size_and_applies_filters(store: Store) -> None:
    events = [make_event(sentence_index=i, goldstein=float(i)) for i in range(3)]
    events.append(make_event(sentence_index=3, source="UKR", target="RUS", quad_class=4))
    save(store, events)
    rows = store.dyad_summary()
    assert [(r.source_country, r.target_country, r.n_events) for r in rows] == [
        ("RUS", "CHN", 3),
        ("UKR", "RUS", 1),
    ]
    assert rows[0].mean_goldstein == pytest.approx(1.0)
    assert rows[0].quad_counts == (3, 0, 0, 0)
    only = store.dyad_summary(EventFilter(quad_classes=(4,)))
    assert [(r.source_country, r.quad_counts) for r in only] == [("UKR", (0, 0, 0, 1))]
    assert len(store.dyad_summary(EventFilter(limit=1))) == 1


# ------------------------------------------------------------ across backends


def test_parquet_moves_a_store_between_backends(tmp_path: Path, store_url: str) -> None:
    """A DuckDB store exported as Parquet loads into either backend, twice without doubling."""
    from tocsin.scale.parquet import export_store, load_dataset

    events = [make_event(sentence_index=i, goldstein=float(i)) for i in range(3)]
    other = [make_event(article_id="art-2", source="UKR", target="RUS", quad_class=4)]
    with open_store(tmp_path / "origin.duckdb") as origin:
        save(origin, events)
        save(origin, other, article_id="art-2")
        export_store(origin, tmp_path / "dump")
        expected = origin.query()
    with open_store(store_url) as store:
        for _ in range(2):
            assert load_dataset(store, tmp_path / "dump") == (2, 4)
        assert store.query() == expected
        assert [a.id for a in store.articles()] == ["art-1", "art-2"]
        assert store.schema_status().n_runs == 2
