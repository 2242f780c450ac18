"""Small parts of the server: evidence spans, cursors, settings and tokens, store page reads."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from factories import make_actor, make_article, make_event
from tocsin.cli import app as cli
from tocsin.store import EventFilter, open_store
from tocsin.store.base import EventPageKey, Store
from tocsin.web.auth import TokenChecker
from tocsin.web.evidence import evidence_spans, segments
from tocsin.web.params import decode_cursor, encode_cursor
from tocsin.web.problems import ApiError
from tocsin.web.settings import ServeSettings, SettingsError, load_tokens


def test_spans_follow_the_trigger_and_find_the_actor_words():
    event = make_event()
    spans = {s.role: (s.start, s.end) for s in evidence_spans(event)}
    assert spans == {"source": (0, 18), "trigger": (21, 30), "target": (31, 52)}
    assert "".join(text for text, _ in segments(event)) == event.sentence
    assert [role for _, role in segments(event) if role] == ["source", "trigger", "target"]


def test_actor_words_found_ignoring_case_but_not_over_the_trigger():
    sentence = "Russia met russia's neighbour."
    event = make_event(sentence=sentence, trigger="Russia", trigger_span=(0, 6),
                       source=make_actor("RUS", text="RUSSIA"), target=make_actor("CHN", text="Beijing"))
    spans = {s.role: (s.start, s.end) for s in evidence_spans(event)}
    assert spans == {"trigger": (0, 6), "source": (11, 17)}  # the target's words are not in the sentence


def test_a_bad_trigger_span_is_ignored():
    event = make_event(trigger_span=(40, 400))
    assert "trigger" not in {s.role for s in evidence_spans(event)}


def test_cursor_round_trip():
    key = EventPageKey(date(2024, 3, 5), "art-1", 2, "abc", "tocsin.patterns.v1")
    assert decode_cursor(encode_cursor(key)) == key
    undated = EventPageKey(None, "é", 0, "x", "c")
    assert decode_cursor(encode_cursor(undated)) == undated
    for bad in ("x", "e30", "WzEsMl0"):
        with pytest.raises(ApiError) as info:
            decode_cursor(bad)
        assert info.value.status == 422 and info.value.details[0]["field"] == "cursor"


def test_tokens_from_the_environment_and_a_file(tmp_path):
    path = tmp_path / "tokens"
    path.write_text("# analysts\nfirst-token-abcdefghij  alice\n\nsecond-token-abcdefghij\n", encoding="utf-8")
    tokens = load_tokens(path, {"TOCSIN_TOKEN": "env-token-abcdefghijkl"})
    assert tokens == {"first-token-abcdefghij", "second-token-abcdefghij", "env-token-abcdefghijkl"}
    path.write_text("fine-token-abcdefghijk\nshort\n", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_tokens(path, {})
    assert info.value.line == 2 and str(path) in str(info.value)
    with pytest.raises(SettingsError):
        load_tokens(tmp_path / "missing", {})
    assert load_tokens(None, {}) == frozenset()


def test_settings_are_validated():
    with pytest.raises(SettingsError):
        ServeSettings(tokens=frozenset({"short"}))
    with pytest.raises(SettingsError):
        ServeSettings(port=0)
    with pytest.raises(SettingsError):
        ServeSettings(cors_origins=("*",))


def test_token_checker():
    checker = TokenChecker(frozenset({"a-long-enough-token-1"}))
    assert checker.valid("a-long-enough-token-1") and not checker.valid("a-long-enough-token-2")
    assert not checker.valid(None) and not checker.valid("")
    checker.require("Bearer a-long-enough-token-1")
    for header in (None, "", "Bearer", "Token a-long-enough-token-1", "Bearer wrong"):
        with pytest.raises(ApiError) as info:
            checker.require(header)
        assert info.value.status == 401
    with pytest.raises(ApiError) as disabled:
        TokenChecker(frozenset()).require("Bearer anything")
    assert disabled.value.code == "writes_disabled"


def test_store_page_reads_match_the_generic_ones(store_url):
    """The SQL versions (DuckDB and PostgreSQL) give what the backend-neutral defaults in Store give."""
    with open_store(store_url) as store:
        _page_reads_match(store)


def _page_reads_match(store):
    articles = []
    for a in range(3):
        article = make_article(id=f"art-{a}", outlet=None if a == 2 else "Exemple", published=date(2024, 3, a + 1))
        events = [make_event(article_id=f"art-{a}", sentence_index=i,
                             date=None if i == 3 else date(2024, 3, 1 + (a + i) % 4),
                             target=make_actor("CHNMIL" if i % 2 else "UKR")) for i in range(5)]
        articles.append((article, events))
    store.save_articles(articles, coder="tocsin.patterns.v1", run_id="r")
    flt = EventFilter(actors=("RUS",))
    generic = list(Store.events_page(store, flt, limit=100))
    assert store.events_page(flt, limit=100) == generic and len(generic) == 15
    after = EventPageKey.of(generic[6])
    assert store.events_page(flt, after=after, limit=4) == Store.events_page(store, flt, after=after, limit=4)
    assert store.events_page(sectors=["MIL"], limit=100) == Store.events_page(store, sectors=["MIL"], limit=100)
    one = generic[0]
    assert store.event(one.event_id) == Store.event(store, one.event_id) == one
    assert store.event("nope") is None
    assert store.related_events(one) == Store.related_events(store, one)
    assert store.daily_counts(flt) == Store.daily_counts(store, flt)
    assert store.articles_page(after="art-0", limit=5) == Store.articles_page(store, after="art-0", limit=5)
    assert store.outlets() == Store.outlets(store)
    reader = store.reader()
    reader.close()
    assert store.count_events() == 15  # closing a reader leaves the store open


def test_serve_command_help_and_a_missing_read_only_database(tmp_path):
    runner = CliRunner()
    help_text = runner.invoke(cli, ["serve", "--help"]).output
    for option in ("--db", "--host", "--port", "--read-only", "--tokens-file", "--max-body", "--cors-origin"):
        assert option in help_text
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb"), "--read-only"])
    assert missing.exit_code == 2


def test_actor_words_found_across_dropped_punctuation():
    sentence = "Le Premier ministre japonais Fumio Kishida, en déplacement à Vilnius, a condamné le tir."
    event = make_event(sentence=sentence, trigger="condamné", trigger_span=(sentence.index("condamné"),
                                                                           sentence.index("condamné") + 8),
                       source=make_actor("JPNGOV", text="Fumio Kishida en déplacement à Vilnius"),
                       target=None)
    spans = {s.role: (s.start, s.end) for s in evidence_spans(event)}
    assert sentence[slice(*spans["source"])] == "Fumio Kishida, en déplacement à Vilnius"


def test_one_span_for_the_same_words_in_two_roles():
    sentence = "Les deux dirigeants ont signé deux déclarations."
    event = make_event(sentence=sentence, trigger="signé", trigger_span=(24, 29), type="AGREE",
                       source=make_actor("RUS", text="Les deux dirigeants"),
                       target=make_actor("CHN", text="les deux dirigeants"))
    assert [(s.role, s.start, s.end) for s in evidence_spans(event)] == [
        ("source target", 0, 19), ("trigger", 24, 29)]
