"""Parsing in a child process: the same docs and events as parsing in this process, jobs read
in order or dropped, errors raised where the docs are read, the child ended on close."""

from __future__ import annotations

import copy

import pytest

from tocsin.errors import ModelError, TocsinError
from tocsin.nlp.parse_process import ParseProcess

FR = ["La France a condamné mardi l'attaque contre Kiev.", "Pékin a exhorté Washington à la retenue."]
EN = ["Russia and China held joint naval drills.", "The minister met his Turkish counterpart in Ankara."]


@pytest.fixture(scope="module")
def parser():
    process = ParseProcess(chunk=1)  # one sentence per message: several messages per job
    yield process
    process.close()


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start,
             t.norm_, t.like_num) for t in doc]


def test_docs_come_back_with_every_annotation_the_coder_reads(parser, engine) -> None:
    docs = list(parser.submit([("fr", FR), ("en", EN)]))
    assert [d.text for d in docs] == FR + EN
    here = [*engine.pipelines.get("fr").pipe(FR), *engine.pipelines.get("en").pipe(EN)]
    assert [_annotations(d) for d in docs] == [_annotations(d) for d in here]
    assert [d.lang_ for d in docs] == ["fr", "fr", "en", "en"]


def test_jobs_are_read_in_any_order_and_a_dropped_one_does_not_disturb_the_next(parser) -> None:
    first, second, third = (parser.submit([("en", EN)]) for _ in range(3))
    assert next(first).text == EN[0]
    first.close()  # the rest of the first job is dropped
    assert list(first) == []
    assert [d.text for d in second] == EN
    assert [d.text for d in third] == EN


def test_an_error_in_the_child_is_raised_where_the_docs_are_read(parser) -> None:
    job = parser.submit([("xx", ["Bonjour."])])
    with pytest.raises(TocsinError, match="xx"):
        list(job)
    assert [d.text for d in parser.submit([("fr", FR[:1])])] == FR[:1]  # it goes on


def test_close_ends_the_child_and_a_closed_parser_refuses_work() -> None:
    process = ParseProcess()
    assert process.running
    child = process._process
    process.close()
    assert child.poll() is not None
    assert not process.running
    with pytest.raises(TocsinError, match="closed"):
        process.submit([("en", EN)])


def test_a_child_that_dies_is_reported_not_waited_for() -> None:
    process = ParseProcess()
    try:
        job = process.submit([("en", EN * 50)])
        process._process.kill()
        with pytest.raises(ModelError, match="ended unexpectedly"):
            list(job)
    finally:
        process.close()


def test_engine_codes_the_same_events_in_a_process_in_a_thread_and_one_after_the_other(engine) -> None:
    from dataclasses import replace

    from sample_texts import texts_by_language
    from tocsin.records import Article

    articles = [Article(id=f"{lang}{i}", text=text, language=lang)
                for lang, texts in texts_by_language().items() for i, text in enumerate(texts[:120])]
    events = {}
    for mode in ("process", "thread", "serial"):
        variant = copy.copy(engine)
        variant.options = replace(engine.options, parse_in=mode)
        variant.parse_in, variant._parse_process = mode, None
        try:
            events[mode] = [e.to_dict() for outcome in variant.code(articles) for e in outcome.events]
        finally:
            variant.close()
    assert events["process"] == events["serial"] == events["thread"]
    assert len(events["serial"]) > 20
    assert len(articles) > 2 * engine.options.batch_size


def test_auto_parses_in_a_process_on_two_cores_and_a_mode_must_be_known(monkeypatch) -> None:
    from tocsin import pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    assert pipeline.parse_mode("auto") == "process"
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 1)
    assert pipeline.parse_mode("auto") == "thread"
    assert pipeline.parse_mode("serial") == "serial"
    with pytest.raises(TocsinError, match="parse mode"):
        pipeline.parse_mode("gpu")


def test_cli_parse_modes_print_the_same_events() -> None:
    import json

    from typer.testing import CliRunner

    from tocsin.cli import app

    runner = CliRunner()
    outputs = {}
    for mode in ("process", "serial"):
        result = runner.invoke(app, ["code", "--sample", "--no-store", "-q", "--format", "jsonl", "--parse-in", mode],
                               catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs[mode] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert outputs["process"] == outputs["serial"]
    assert len(outputs["serial"]) > 40
    bad = runner.invoke(app, ["code", "--sample", "--no-store", "--parse-in", "gpu"])
    assert bad.exit_code == 2
