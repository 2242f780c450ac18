"""Coding on a Dask cluster: partitions of articles in, a Parquet dataset and the store out.

::

    input articles ──partitions (N articles, stable names)──▶ Dask workers
        each worker: models loaded once (EnginePlugin) → code → Parquet part
    driver: as each part completes ──▶ store (idempotent per article)

A worker keeps one :class:`~tocsin.pipeline.Engine` for its whole life (the
spaCy models load once per worker, in :class:`EnginePlugin`). A partition's
name is a hash of its article ids, so a re-run writes the same Parquet files
and stores the same articles again: nothing is duplicated. A partition that
fails is retried ``retries`` times on any worker, then reported with the
articles it held; the other partitions go on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from distributed.diagnostics.plugin import WorkerPlugin

from tocsin.errors import ClusterError
from tocsin.pipeline import PipelineOptions, StoreWriter
from tocsin.records import Article, InputProblem, stable_id
from tocsin.scale.parquet import read_part, write_part

#: name of the worker plugin that holds the loaded engine
PLUGIN_NAME = "tocsin-engine"


@dataclass(frozen=True)
class DaskOptions:
    """How to run on Dask."""

    #: address of a running scheduler (``tcp://host:8786``); ``None`` starts a local cluster
    scheduler: str | None = None
    #: worker processes of the local cluster (one thread each: spaCy parsing holds the GIL)
    workers: int = 2
    #: articles per partition (one task)
    partition_size: int = 64
    #: extra attempts for a failed partition
    retries: int = 2
    #: partitions submitted ahead of the results, per worker (bounds the driver's memory)
    in_flight_per_worker: int = 3
    #: seconds to wait for a remote scheduler
    connect_timeout: float = 20.0


@dataclass(frozen=True, slots=True)
class Partition:
    """A slice of the input: its position, a stable name and its articles."""

    index: int
    name: str
    articles: tuple[Article, ...]

    @property
    def label(self) -> str:
        first, last = self.articles[0], self.articles[-1]
        return f"partition {self.index} ({len(self.articles)} articles, {first.origin or first.id} … {last.origin or last.id})"


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What a worker did with one partition."""

    index: int
    name: str
    n_articles: int
    n_events: int
    problems: tuple[InputProblem, ...] = ()


@dataclass(frozen=True, slots=True)
class PartitionFailure:
    """A partition that failed after its retries."""

    index: int
    name: str
    label: str
    message: str


@dataclass
class DaskRun:
    """Totals of a distributed coding run."""

    n_articles: int = 0
    n_events: int = 0
    n_partitions: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    failures: list[PartitionFailure] = field(default_factory=list)
    workers: int = 0


def partitions(items: Iterable[Article | InputProblem], size: int) -> Iterator[Partition | InputProblem]:
    """Group articles into partitions of ``size``; input problems pass through."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    batch: list[Article] = []
    index = 0
    for item in items:
        if isinstance(item, InputProblem):
            yield item
            continue
        batch.append(item)
        if len(batch) == size:
            yield _partition(index, batch)
            index += 1
            batch = []
    if batch:
        yield _partition(index, batch)


def _partition(index: int, articles: list[Article]) -> Partition:
    return Partition(index, stable_id(*(a.id for a in articles))[:16], tuple(articles))


class EnginePlugin(WorkerPlugin):
    """Loads the coding engine once when a worker starts and keeps it.

    Registered with :meth:`distributed.Client.register_plugin`; tasks get the
    engine with :func:`worker_engine`.
    """

    name = PLUGIN_NAME

    def __init__(self, options: PipelineOptions) -> None:
        self.options = options
        self.engine = None

    def setup(self, worker: object) -> None:
        from tocsin.lang import SUPPORTED_LANGUAGES
        from tocsin.pipeline import default_engine

        # one engine per worker process and options: registering again (a new run on
        # the same cluster) reuses the loaded models. The workers already keep the cores
        # busy, so a worker parses in a thread of its own, not in a process of its own.
        options = self.options if self.options.parse_in != "auto" else replace(self.options, parse_in="thread")
        self.engine = default_engine(options)
        if self.engine.parse_in != "process":
            for lang in SUPPORTED_LANGUAGES:
                self.engine.pipelines.get(lang)

    def teardown(self, worker: object) -> None:
        self.engine = None


def worker_engine():  # noqa: ANN201 - returns tocsin.pipeline.Engine
    """The engine loaded on the current worker by :class:`EnginePlugin`."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is None or plugin.engine is None:
        raise RuntimeError("the tocsin engine plugin is not registered on this worker")
    return plugin.engine


def code_partition(partition: Partition, out: str) -> PartitionResult:
    """Code one partition on a worker and write it as Parquet part ``partition.name``."""
    engine = worker_engine()
    items = []
    problems = []
    for outcome in engine.code(partition.articles):
        if outcome.problem is not None:
            problems.append(outcome.problem)
        else:
            items.append((outcome.article, list(outcome.events)))
    written = write_part(out, partition.name, items)
    return PartitionResult(partition.index, partition.name, written.n_articles, written.n_events, tuple(problems))


@contextmanager
def connect(options: DaskOptions) -> Iterator[object]:
    """A Dask client: to ``options.scheduler``, or to a new local cluster that is closed afterwards."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency of tocsin
        raise ClusterError(f"Dask distributed is not installed ({exc})") from None
    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout=options.connect_timeout)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}",
                               source=options.scheduler) from None
        try:
            yield client
        finally:
            client.close()
        return
    if options.workers < 1:
        raise ClusterError("--workers must be at least 1")
    cluster = LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def run_dask(items: Iterable[Article | InputProblem], out: str | Path, *,
             options: DaskOptions | None = None, pipeline: PipelineOptions | None = None,
             store: object | None = None, run_args: dict | None = None,
             on_result: Callable[[PartitionResult | PartitionFailure], None] | None = None) -> DaskRun:
    """Code ``items`` on a Dask cluster into the Parquet dataset at ``out`` and, with
    ``store``, store each part as it completes (one transaction per 64 articles)."""
    from distributed import as_completed

    options = options or DaskOptions()
    pipeline = pipeline or PipelineOptions()
    out = str(Path(out).resolve())
    result = DaskRun()
    writer = None
    if store is not None:
        coder = pipeline.coder.coder
        writer = StoreWriter(store, coder, store.begin_run({"engine": "dask", "parquet": out, **(run_args or {})}, coder))  # type: ignore[attr-defined]
    try:
        with connect(options) as client:
            client.register_plugin(EnginePlugin(pipeline), name=PLUGIN_NAME)
            result.workers = len(client.scheduler_info().get("workers", {})) or options.workers
            window = max(1, result.workers * options.in_flight_per_worker)
            source = partitions(items, options.partition_size)
            labels: dict[str, Partition] = {}
            pending = as_completed()

            def submit_more() -> None:
                while pending.count() < window:
                    item = next(source, None)
                    if item is None:
                        return
                    if isinstance(item, InputProblem):
                        result.problems.append(item)
                        continue
                    result.n_partitions += 1
                    future = client.submit(code_partition, item, out, key=f"tocsin-code-{item.name}",
                                           retries=options.retries, pure=False)
                    labels[future.key] = item
                    pending.add(future)

            submit_more()
            while not pending.is_empty():
                future = next(pending)
                part = labels.pop(future.key)
                try:
                    done: PartitionResult | PartitionFailure = future.result()
                except Exception as exc:  # noqa: BLE001 - a worker error becomes a reported failure
                    done = PartitionFailure(part.index, part.name, part.label, f"{type(exc).__name__}: {exc}")
                    result.failures.append(done)
                else:
                    result.n_articles += done.n_articles
                    result.n_events += done.n_events
                    result.problems.extend(done.problems)
                    if writer is not None:
                        for article, events in read_part(out, part.name):
                            writer.add(article, events)
                        writer.flush()
                future.release()
                if on_result is not None:
                    on_result(done)
                submit_more()
    finally:
        if writer is not None:
            writer.flush()
            store.finish_run(writer.run_id, result.n_articles, result.n_events,  # type: ignore[attr-defined]
                             len(result.problems) + sum(1 for _ in result.failures))
    return result
