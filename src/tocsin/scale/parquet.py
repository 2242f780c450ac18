"""Parquet datasets of articles and events, partitioned by publication date.

The layout is the bulk-exchange format of tocsin (the output of
``tocsin code --engine dask``, of ``tocsin export parquet``, the input of
``tocsin load parquet``), readable by DuckDB, Spark, pandas and pyarrow with
Hive partitioning::

    DIR/
      articles/published=2023-04-20/part-<name>.parquet
      articles/published=unknown/part-<name>.parquet     (articles without a date)
      events/published=2023-04-20/part-<name>.parquet

``published`` is the article's publication date; an event file sits in the
folder of its article, so the events of every article in a date folder are in
the event files of that folder. Event files have the columns of the public
event record (:data:`tocsin.store.columns.EVENT_ARROW_SCHEMA`); article files
those of the article contract without ``published``, which the folder carries.
Writing a part again with the same name replaces it, so re-running a partition
never adds rows::

    duckdb -c "SELECT type, count(*) FROM read_parquet('DIR/events/*/*.parquet',
               hive_partitioning = true) GROUP BY type"
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tocsin.errors import ParquetDatasetError, TocsinError
from tocsin.records import Article, Event, InputProblem
from tocsin.store.columns import EVENT_ARROW_SCHEMA, event_from_row, events_to_arrow

#: folder name of articles without a publication date
UNKNOWN_DATE = "unknown"

ARTICLE_ARROW_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("language", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("origin", pa.string()),
    ]
)


@dataclass(frozen=True, slots=True)
class WrittenPart:
    """What one call of :func:`write_part` wrote."""

    name: str
    n_articles: int
    n_events: int
    files: tuple[str, ...]


def date_folder(published: date | None) -> str:
    """The partition folder of an article published on ``published``."""
    return f"published={published.isoformat() if published else UNKNOWN_DATE}"


def write_part(root: str | Path, name: str, items: Sequence[tuple[Article, Sequence[Event]]]) -> WrittenPart:
    """Write coded articles and their events as part ``name`` of the dataset at ``root``.

    Each publication date gets one article file and one event file named
    ``part-<name>.parquet`` in its folder; files are written to a temporary
    name and renamed, so a reader never sees half a file and a re-run replaces
    the part instead of adding to it.
    """
    root = Path(root)
    by_date: dict[date | None, list[tuple[Article, Sequence[Event]]]] = defaultdict(list)
    for article, events in items:
        by_date[article.published].append((article, events))
    files: list[str] = []
    n_events = 0
    for published, group in sorted(by_date.items(), key=lambda kv: (kv[0] is None, kv[0] or date.min)):
        folder = date_folder(published)
        articles = pa.Table.from_pylist([_article_row(a) for a, _ in group], schema=ARTICLE_ARROW_SCHEMA)
        events = events_to_arrow(e for _, evs in group for e in evs)
        n_events += events.num_rows
        for kind, table in (("articles", articles), ("events", events)):
            path = root / kind / folder / f"part-{name}.parquet"
            _write_atomically(table, path)
            files.append(str(path))
    return WrittenPart(name, len(items), n_events, tuple(files))


def read_part(root: str | Path, name: str) -> Iterator[tuple[Article, list[Event]]]:
    """The articles of part ``name`` (in every date folder) with their events."""
    root = Path(root)
    for path in sorted((root / "articles").glob(f"published=*/part-{name}.parquet")):
        published = _folder_date(path.parent)
        events_by_article: dict[str, list[Event]] = defaultdict(list)
        events_path = root / "events" / path.parent.name / path.name
        if events_path.exists():
            for row in _read_rows(events_path, EVENT_ARROW_SCHEMA):
                events_by_article[row["article_id"]].append(event_from_row(row))
        for row in _read_rows(path, ARTICLE_ARROW_SCHEMA):
            yield _article(row, published), events_by_article.get(row["id"], [])


def read_dataset(root: str | Path) -> Iterator[tuple[Article, list[Event]]]:
    """The articles of the dataset at ``root`` with their events, one date folder at a time.

    An article found in several parts (a dataset written twice with different
    partitions) is read once, with the events of its first part.
    """
    root = Path(root)
    articles_dir = root / "articles"
    if not articles_dir.is_dir():
        raise ParquetDatasetError("not a tocsin Parquet dataset (no articles/ folder)", source=str(root))
    seen: set[str] = set()
    for folder in sorted(p for p in articles_dir.iterdir() if p.is_dir() and p.name.startswith("published=")):
        published = _folder_date(folder)
        events_by_article: dict[str, list[Event]] = defaultdict(list)
        events_dir = root / "events" / folder.name
        event_seen: set[str] = set()
        for path in sorted(events_dir.glob("part-*.parquet")) if events_dir.is_dir() else ():
            for row in _read_rows(path, EVENT_ARROW_SCHEMA):
                key = f"{row['event_id']}\x00{row['coder']}"
                if key not in event_seen:
                    event_seen.add(key)
                    events_by_article[row["article_id"]].append(event_from_row(row))
        for path in sorted(folder.glob("part-*.parquet")):
            for row in _read_rows(path, ARTICLE_ARROW_SCHEMA):
                if row["id"] in seen:
                    continue
                seen.add(row["id"])
                yield _article(row, published), events_by_article.get(row["id"], [])


def read_articles(path: str | Path, *, published: date | None = None,
                  language: str | None = None) -> Iterator[Article | InputProblem]:
    """Articles from one Parquet file with columns of the article contract
    (``text`` required; ``id``, ``title``, ``published`` or ``date``, ``url``,
    ``language``, ``outlet`` optional), read one row group at a time. A bad row
    becomes an :class:`InputProblem` naming its row number; the rest is read.
    Raises :class:`ParquetDatasetError` when the file cannot be read at all."""
    from tocsin.ingest import parse_article

    try:
        reader = pq.ParquetFile(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise ParquetDatasetError(f"not a readable Parquet file ({exc})", source=str(path)) from None
    row_number = 0
    for group in range(reader.num_row_groups):
        for row in reader.read_row_group(group).to_pylist():
            row_number += 1
            try:
                yield parse_article({k: v for k, v in row.items() if v is not None}, source=str(path),
                                    line=row_number, published=published, language=language)
            except TocsinError as exc:
                yield InputProblem(source=str(path), message=exc.message, code=exc.code, line=row_number)


def export_store(store: object, root: str | Path, *, chunk: int = 1000, name: str = "export") -> WrittenPart:
    """Write every article of ``store`` and its events to the dataset at ``root``."""
    from tocsin.store import EventFilter

    articles = store.articles()  # type: ignore[attr-defined]
    items: list[tuple[Article, Sequence[Event]]] = []
    for start in range(0, len(articles), chunk):
        batch = articles[start:start + chunk]
        events = store.query(EventFilter(article_ids=tuple(a.id for a in batch)))  # type: ignore[attr-defined]
        by_article: dict[str, list[Event]] = defaultdict(list)
        for event in events:
            by_article[event.article_id].append(event)
        items.extend((article, by_article.get(article.id, [])) for article in batch)
    return write_part(root, name, items)


def load_dataset(store: object, root: str | Path, *, run_args: dict | None = None, batch: int = 256) -> tuple[int, int]:
    """Store every article of the dataset at ``root`` with its events; returns (articles, events).

    Idempotent: an article already stored is replaced with its events from the
    same coder version, so loading twice stores nothing twice.
    """
    n_articles = n_events = 0
    pending: dict[str, list[tuple[Article, list[Event]]]] = defaultdict(list)
    runs: dict[str, str] = {}

    def flush(coder: str) -> None:
        items = pending.pop(coder, [])
        if not items:
            return
        if coder not in runs:
            runs[coder] = store.begin_run({"load": str(root), **(run_args or {})}, coder)  # type: ignore[attr-defined]
        store.save_articles(items, coder=coder, run_id=runs[coder])  # type: ignore[attr-defined]

    for article, events in read_dataset(root):
        by_coder: dict[str, list[Event]] = defaultdict(list)
        for event in events:
            by_coder[event.coder].append(event)
        if not by_coder:
            from tocsin.version import CODER_NAME

            by_coder[CODER_NAME] = []
        for coder, evs in by_coder.items():
            pending[coder].append((article, evs))
            if len(pending[coder]) >= batch:
                flush(coder)
        n_articles += 1
        n_events += len(events)
    for coder in list(pending):
        flush(coder)
    for run_id in runs.values():
        store.finish_run(run_id, n_articles, n_events, 0)  # type: ignore[attr-defined]
    return n_articles, n_events


# --------------------------------------------------------------------------- helpers


def _article_row(article: Article) -> dict[str, object]:
    return {"id": article.id, "title": article.title, "text": article.text, "url": article.url,
            "language": article.language, "outlet": article.outlet, "origin": article.origin}


def _article(row: dict, published: date | None) -> Article:
    return Article(id=row["id"], text=row["text"], title=row["title"], published=published, url=row["url"],
                   language=row["language"], outlet=row["outlet"], origin=row["origin"])


def _write_atomically(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ParquetDatasetError(f"cannot write ({exc.strerror or exc})", source=str(path)) from None


def _read_rows(path: Path, schema: pa.Schema) -> Iterable[dict]:
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise ParquetDatasetError(f"not a readable Parquet file ({exc})", source=str(path)) from None
    missing = [n for n in schema.names if n not in table.column_names]
    if missing:
        raise ParquetDatasetError(f"missing column(s) {', '.join(missing)}", source=str(path))
    return table.select(schema.names).to_pylist()


def _folder_date(folder: Path) -> date | None:
    value = folder.name.split("=", 1)[1]
    if value == UNKNOWN_DATE:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParquetDatasetError("folder name is not published=YYYY-MM-DD", source=str(folder)) from None
