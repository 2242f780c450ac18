"""Two processes writing to one PostgreSQL store at once: nothing lost, nothing twice.

Both tests start real processes against a real server (``TOCSIN_TEST_POSTGRES``,
see tests/backends.py) on a fresh schema, so the processes also race to create
the schema.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from tocsin.store import EventFilter, open_store
from tocsin.store.schema import load_migrations

TESTS = Path(__file__).parent
ARTICLES = [f"c{i:02d}" for i in range(40)]
#: Articles each writer saves: they share c10–c29.
WRITER_ARTICLES = {"A": ARTICLES[:30], "B": ARTICLES[10:]}
#: Of the shared ones, these get different events from each writer (c20–c29);
#: c10–c19 get the very same events from both (the same input coded twice).
DIFFERENT = set(ARTICLES[20:30])

WRITER = textwrap.dedent(
    """
    import random, sys
    from factories import CODER, make_article, make_event
    from tocsin.store import open_store

    url, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ids, different = sys.argv[4].split(","), set(sys.argv[5].split(","))
    rng = random.Random(name)

    def events(article_id):
        # The same events from both writers, except for the articles listed as
        # different: there writer A gives 3 events and B 4, with other ids.
        tag = name if article_id in different else "same"
        n = {"A": 3, "B": 4, "same": 2}[tag]
        return [make_event(article_id=article_id, sentence_index=i, pattern=f"writer.{tag}",
                           event_id=f"{article_id}-{tag}-{i}") for i in range(n)]

    print("ready", flush=True)
    sys.stdin.readline()  # go
    with open_store(url) as store:  # both open a new schema at once: one creates it
        run = store.begin_run({"writer": name}, CODER)
        for _ in range(rounds):
            rng.shuffle(ids)
            for start in range(0, len(ids), 7):
                batch = ids[start:start + 7]
                store.save_articles([(make_article(id=i), events(i)) for i in batch],
                                    coder=CODER, run_id=run)
        store.finish_run(run, len(ids), 0, 0)
    print("done", flush=True)
    """
)


def _start(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def test_two_processes_saving_overlapping_articles_lose_and_duplicate_nothing(pg_url: str) -> None:
    rounds = 20
    procs = {
        name: _start([sys.executable, "-c", WRITER, pg_url, name, str(rounds), ",".join(ids),
                      ",".join(sorted(DIFFERENT))])
        for name, ids in WRITER_ARTICLES.items()
    }
    try:
        for proc in procs.values():
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        for proc in procs.values():  # release both together
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outcomes = {name: proc.communicate(timeout=120) for name, proc in procs.items()}
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    for name, proc in procs.items():
        assert proc.returncode == 0, f"writer {name} failed:\n{outcomes[name][1]}"
        assert outcomes[name][0].split() == ["done"]

    with open_store(pg_url, read_only=True) as store:
        events = store.query()
        assert [a.id for a in store.articles()] == ARTICLES  # nothing lost
        assert store.schema_status().applied[0].label == "001_initial"
        runs = store.runs()
    ids = [(e.event_id, e.coder) for e in events]
    assert len(ids) == len(set(ids))  # nothing twice
    by_article: dict[str, set[str]] = defaultdict(set)
    for e in events:
        by_article[e.article_id].add(e.event_id)
    for article_id in ARTICLES:
        found = by_article[article_id]
        if article_id in DIFFERENT:  # one writer's events, whole: never a mixture
            assert found in ({f"{article_id}-A-{i}" for i in range(3)},
                             {f"{article_id}-B-{i}" for i in range(4)}), (article_id, found)
        else:  # the same events, from one writer or both, once
            assert found == {f"{article_id}-same-{i}" for i in range(2)}, (article_id, found)
    assert sorted(r.args["writer"] for r in runs) == ["A", "B"]
    assert all(r.finished_at is not None for r in runs)


def _tocsin(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("tocsin")), *args]


def test_two_coders_on_overlapping_inputs_store_each_event_once(pg_url: str, tmp_path: Path) -> None:
    """`tocsin code --sample --db postgresql://…` while another coder stores half the same articles."""
    from tocsin.cli.code import sample_paths

    french = next(p for p in sample_paths() if p.name == "fr.jsonl")
    whole = _start(_tocsin("code", "--sample", "--db", pg_url, "--format", "jsonl", "--quiet"))
    half = _start(_tocsin("code", str(french), "--db", pg_url, "--format", "jsonl", "--quiet"))
    outputs = {}
    for name, proc in (("whole", whole), ("half", half)):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"tocsin code ({name}) failed:\n{err}"
        outputs[name] = [json.loads(line) for line in out.splitlines() if line.startswith("{")]

    coded = {e["event_id"]: e for e in outputs["whole"]}
    assert len(coded) == len(outputs["whole"]) >= 24
    assert {e["event_id"] for e in outputs["half"]} <= set(coded)  # same coder, same events

    listed = subprocess.run(_tocsin("events", "--db", pg_url, "--format", "jsonl"),
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    stored = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    assert len(stored) == len(coded)  # each event once
    assert {e["event_id"]: e for e in stored} == coded  # and exactly as coded

    status = subprocess.run(_tocsin("db", "status", "--db", pg_url, "--format", "json"),
                            capture_output=True, text=True, timeout=120)
    assert status.returncode == 0, status.stderr
    counts = json.loads(status.stdout)["counts"]
    assert counts == {"runs": 2, "articles": 12, "events": len(coded)}
    with open_store(pg_url, read_only=True) as store:
        assert store.count_events(EventFilter(languages=("fr",))) == sum(
            1 for e in coded.values() if e["language"] == "fr"
        )


def test_tocsin_db_variable_selects_postgres(pg_url: str) -> None:
    from typer.testing import CliRunner

    from tocsin.cli import app

    result = CliRunner().invoke(app, ["db", "migrate"], env={"TOCSIN_DB": pg_url})
    assert result.exit_code == 0, result.output
    assert "applied 001_initial" in result.output
    password = urlsplit(pg_url).password
    assert password and "***" in result.output and f":{password}@" not in result.output
    again = CliRunner().invoke(app, ["db", "status", "--format", "json"], env={"TOCSIN_DB": pg_url})
    assert again.exit_code == 0, again.output
    state = json.loads(again.output)
    latest = max(m.version for m in load_migrations("postgres"))
    assert (state["backend"], state["version"], state["up_to_date"]) == ("postgresql", latest, True)
