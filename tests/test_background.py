"""Parsing ahead in a worker thread: same items in the same order, errors raised where the
items are read, no thread left behind, the interpreter's switch interval put back.
(tests/test_parse_process.py compares the engine's events in every parse mode.)"""

from __future__ import annotations

import copy
import sys
import threading
import time

import pytest

from tocsin.nlp.background import SWITCH_INTERVAL_S, in_background, quick_switching


def _workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "test-worker"]


def test_items_come_in_order_and_the_worker_ends() -> None:
    got = list(in_background(lambda: iter(range(5000)), buffer=7, name="test-worker"))
    assert got == list(range(5000))
    assert _workers() == []


def test_the_producer_runs_in_another_thread() -> None:
    seen = []

    def produce():
        seen.append(threading.current_thread())
        yield 1

    assert list(in_background(produce, name="test-worker")) == [1]
    assert seen and seen[0] is not threading.main_thread()


def test_the_worker_starts_before_the_first_item_is_asked_for() -> None:
    started = threading.Event()

    def produce():
        started.set()
        yield 1

    items = in_background(produce, name="test-worker")
    assert started.wait(5)
    assert list(items) == [1]


def test_a_closed_reader_gives_no_more_items() -> None:
    items = in_background(lambda: iter(range(100)), name="test-worker")
    assert next(items) == 0
    items.close()
    assert list(items) == []
    assert _workers() == []


def test_an_error_in_the_worker_is_raised_to_the_reader_after_the_items_before_it() -> None:
    def produce():
        yield "a"
        yield "b"
        raise ValueError("bad sentence 3")

    got = []
    with pytest.raises(ValueError, match="bad sentence 3"):
        for item in in_background(produce, name="test-worker"):
            got.append(item)
    assert got == ["a", "b"]
    assert _workers() == []


def test_closing_early_stops_a_worker_blocked_on_a_full_buffer() -> None:
    made = []

    def produce():
        for i in range(10_000):
            made.append(i)
            yield i

    items = in_background(produce, buffer=2, name="test-worker")
    assert next(items) == 0
    time.sleep(0.2)  # the worker fills the buffer and waits
    items.close()
    assert _workers() == []
    assert len(made) < 10  # it stopped instead of making every item


def test_buffer_must_hold_an_item() -> None:
    with pytest.raises(ValueError, match="buffer"):
        list(in_background(lambda: [1], buffer=0))


def test_quick_switching_restores_the_interval_after_nested_blocks_and_errors() -> None:
    before = sys.getswitchinterval()
    with quick_switching():
        assert sys.getswitchinterval() == pytest.approx(min(SWITCH_INTERVAL_S, before), abs=2e-6)
        with pytest.raises(RuntimeError), quick_switching():
            raise RuntimeError("inner")
        assert sys.getswitchinterval() == pytest.approx(min(SWITCH_INTERVAL_S, before), abs=2e-6)
    assert sys.getswitchinterval() == before


def test_quick_switching_never_lengthens_a_shorter_interval() -> None:
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S / 2)
    try:
        with quick_switching():
            assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S / 2, abs=2e-6)
    finally:
        sys.setswitchinterval(before)


def test_a_reader_that_stops_early_leaves_no_parse_running(engine) -> None:
    from sample_texts import texts_by_language
    from tocsin.records import Article

    texts = texts_by_language()["en"][:200]
    articles = [Article(id=f"en{i}", text=text, language="en") for i, text in enumerate(texts)]
    threaded = copy.copy(engine)
    threaded.parse_in = "thread"
    outcomes = threaded.code(articles)
    first = next(outcomes)  # the first batch is coded, the second is being parsed
    assert first.article is not None and first.article.id == "en0"
    outcomes.close()
    assert not [t for t in threading.enumerate() if t.name == "tocsin-parse"]
    assert sys.getswitchinterval() > SWITCH_INTERVAL_S
