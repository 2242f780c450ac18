"""Parquet exchange and coding on a real Dask cluster (2 local worker processes)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from factories import make_article, make_event
from tocsin.cli import app
from tocsin.cli.code import sample_paths
from tocsin.errors import ParquetDatasetError
from tocsin.ingest import read_inputs
from tocsin.records import InputProblem
from tocsin.scale.parquet import export_store, load_dataset, read_articles, read_dataset, write_part
from tocsin.store import EventFilter, open_store


def _two_articles():
    a1 = make_article(id="a1", published=date(2024, 3, 5))
    a2 = make_article(id="a2", published=None, url=None, title=None)
    e1 = make_event(article_id="a1", sentence_index=0)
    e2 = make_event(article_id="a1", sentence_index=1, type="AGREE", cameo="057")
    e3 = make_event(article_id="a2", sentence_index=0, date=None, date_precision="none", date_text=None)
    return [(a1, [e1, e2]), (a2, [e3])]


# --------------------------------------------------------------------------- Parquet


def test_parts_are_partitioned_by_publication_date_and_read_back(tmp_path: Path):
    written = write_part(tmp_path, "p0", _two_articles())
    assert (written.n_articles, written.n_events) == (2, 3)
    assert (tmp_path / "articles/published=2024-03-05/part-p0.parquet").exists()
    assert (tmp_path / "events/published=unknown/part-p0.parquet").exists()
    back = dict((a.id, (a, evs)) for a, evs in read_dataset(tmp_path))
    assert back["a1"][0] == _two_articles()[0][0]
    assert back["a1"][1] == _two_articles()[0][1]
    assert back["a2"][0].published is None and len(back["a2"][1]) == 1


def test_writing_a_part_again_replaces_it(tmp_path: Path):
    write_part(tmp_path, "p0", _two_articles())
    write_part(tmp_path, "p0", _two_articles())
    assert len(list(read_dataset(tmp_path))) == 2
    table = pq.read_table(tmp_path / "events/published=2024-03-05/part-p0.parquet")
    assert table.num_rows == 2


def test_duckdb_reads_the_dataset_with_hive_partitioning(tmp_path: Path):
    import duckdb

    write_part(tmp_path, "p0", _two_articles())
    rows = duckdb.sql(
        f"SELECT published, type, source.code FROM read_parquet('{tmp_path}/events/*/*.parquet', "
        "hive_partitioning = true) ORDER BY type, published").fetchall()
    assert rows == [("2024-03-05", "AGREE", "RUSGOV"), ("2024-03-05", "CONSULT", "RUSGOV"),
                    ("unknown", "CONSULT", "RUSGOV")]


def test_export_then_load_gives_the_same_events_and_loading_twice_adds_nothing(tmp_path: Path):
    with open_store(tmp_path / "a.duckdb") as store:
        run = store.begin_run({}, make_event().coder)
        store.save_articles(_two_articles(), coder=make_event().coder, run_id=run)
        export_store(store, tmp_path / "dump")
        before = sorted(e.event_id for e in store.query(EventFilter()))
    with open_store(tmp_path / "b.duckdb") as other:
        assert load_dataset(other, tmp_path / "dump") == (2, 3)
        assert load_dataset(other, tmp_path / "dump") == (2, 3)
        assert sorted(e.event_id for e in other.query(EventFilter())) == before
        assert len(other.articles()) == 2


def test_a_folder_that_is_not_a_dataset_is_named_in_the_error(tmp_path: Path):
    with pytest.raises(ParquetDatasetError, match="no articles/ folder"):
        list(read_dataset(tmp_path))
    (tmp_path / "articles/published=2024-13-40").mkdir(parents=True)
    with pytest.raises(ParquetDatasetError, match="published=YYYY-MM-DD"):
        list(read_dataset(tmp_path))


def test_articles_from_parquet_with_a_bad_row_reported_by_number(tmp_path: Path):
    path = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([
        {"id": "x1", "text": "La Russie a rencontré la Chine.", "published": "2024-03-05", "language": "fr"},
        {"id": "x2", "text": "   ", "published": "2024-03-05", "language": "fr"},
        {"id": "x3", "text": "Russia met China.", "published": "2024-03-06", "language": "en"},
    ]), path)
    items = list(read_articles(path))
    assert [getattr(i, "id", None) for i in items] == ["x1", None, "x3"]
    problem = items[1]
    assert isinstance(problem, InputProblem) and problem.line == 2 and "text" in problem.message
    assert items[2].published == date(2024, 3, 6)
    garbage = tmp_path / "bad.parquet"
    garbage.write_bytes(b"not parquet at all")
    with pytest.raises(ParquetDatasetError, match="bad.parquet"):
        list(read_articles(garbage))


# --------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.ERROR) as local:
        yield local


def test_dask_run_gives_the_same_events_as_one_process_and_reruns_add_nothing(tmp_path: Path, cluster, engine):
    from tocsin.scale.dask_engine import DaskOptions, run_dask

    local_ids = sorted(e.event_id for o in engine.code(read_inputs(sample_paths())) for e in o.events)
    options = DaskOptions(scheduler=cluster.scheduler_address, partition_size=3)
    with open_store(tmp_path / "d.duckdb") as store:
        first = run_dask(read_inputs(sample_paths()), tmp_path / "pq", options=options, store=store)
        assert (first.n_partitions, first.n_articles, first.failures) == (4, 12, [])
        assert first.n_events == len(local_ids)
        assert sorted(e.event_id for e in store.query(EventFilter())) == local_ids
        again = run_dask(read_inputs(sample_paths()), tmp_path / "pq", options=options, store=store)
        assert again.n_events == first.n_events
        assert store.count_events() == len(local_ids)
        assert len(store.articles()) == 12
    parquet_ids = sorted(e.event_id for _, evs in read_dataset(tmp_path / "pq") for e in evs)
    assert parquet_ids == local_ids


def test_a_failing_partition_is_reported_and_the_others_are_stored(tmp_path: Path, cluster):
    from tocsin.scale.dask_engine import DaskOptions, run_dask

    out = tmp_path / "pq"
    # a file where the folder of one publication date must go: that partition cannot be written
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "published=2024-03-05").write_text("in the way")
    good = make_article(id="ok", published=date(2024, 3, 6), text="La Russie et la Chine ont signé un accord.")
    blocked = make_article(id="blocked", published=date(2024, 3, 5), text="La Russie a condamné la Chine.")
    seen: list[object] = []
    with open_store(tmp_path / "f.duckdb") as store:
        result = run_dask([good, blocked], out, options=DaskOptions(
            scheduler=cluster.scheduler_address, partition_size=1, retries=1), store=store, on_result=seen.append)
        assert [a.id for a in store.articles()] == ["ok"]
    assert result.n_articles == 1 and len(result.failures) == 1
    failure = result.failures[0]
    assert failure.index == 1 and "published=2024-03-05" in failure.message
    assert "articles.jsonl:1" in failure.label
    assert len(seen) == 2


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path):
    from tocsin.errors import ClusterError
    from tocsin.scale.dask_engine import DaskOptions, run_dask

    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        run_dask([make_article()], tmp_path / "pq",
                 options=DaskOptions(scheduler="tcp://127.0.0.1:9", connect_timeout=2))


def test_cli_code_on_dask_then_export_and_load(tmp_path: Path, cluster):
    runner = CliRunner()
    db = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["code", "--sample", "--engine", "dask", "--scheduler", cluster.scheduler_address,
                                 "--parquet", str(tmp_path / "pq"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "articles coded" in result.output and "12" in result.output
    result = runner.invoke(app, ["export", "parquet", str(tmp_path / "dump"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["load", "parquet", str(tmp_path / "dump"), "--db", str(tmp_path / "copy.duckdb")])
    assert result.exit_code == 0, result.output
    with open_store(db, read_only=True) as a, open_store(tmp_path / "copy.duckdb", read_only=True) as b:
        assert sorted(e.event_id for e in a.query(EventFilter())) == sorted(e.event_id for e in b.query(EventFilter()))
        assert a.count_events() > 50
    manifest = sorted(p.relative_to(tmp_path / "dump").parts[0] for p in (tmp_path / "dump").rglob("*.parquet"))
    assert set(manifest) == {"articles", "events"}
