"""Importers for the event datasets analysts already hold: GDELT 2.0, ICEWS, POLECAT.

``import_files(store, "gdelt", paths)`` streams each file row by row (plain,
gzip or zip), turns rows into tocsin events (CAMEO → PLOVER through the
project's ontology; actor codes or names → country and sector), and writes
them in batches of ``batch_size`` rows, so memory stays bounded whatever the
file size. Every event carries its dataset in ``coder`` (``gdelt.events.v2``…)
and its ``file:line`` in the article's ``origin``. Bad rows are reported with
their line number and skipped; importing the same file again replaces its
events (ids come from the dataset's event ids).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tocsin.importers import gdelt, icews, polecat
from tocsin.importers.records import ImportedRow, ImportReport
from tocsin.store.base import Store

Reader = Callable[[Path, ImportReport], Iterator[ImportedRow]]

#: dataset name → (row reader, coder name of its events)
DATASETS: dict[str, tuple[Reader, str]] = {
    "gdelt": (gdelt.read_gdelt, gdelt.CODER),
    "icews": (icews.read_icews, icews.CODER),
    "polecat": (polecat.read_polecat, polecat.CODER),
}

#: Rows written per transaction.
BATCH_SIZE = 20_000


def import_files(
    store: Store, dataset: str, paths: Iterable[Path | str], *, batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import ``paths`` of ``dataset`` into ``store``; the report counts rows and problems.

    A file that cannot be read at all (missing, binary, no header) raises
    :class:`tocsin.errors.InputError`; rows already written from earlier files
    and batches stay stored.
    """
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}; known: {', '.join(DATASETS)}")
    reader, coder = DATASETS[dataset]
    report = ImportReport(dataset=dataset)
    run_id = store.begin_run({"import": dataset, "files": [str(p) for p in paths]}, coder=coder)
    batch: list[ImportedRow] = []

    def flush() -> None:
        if batch:
            store.save_articles_bulk([(r.article, list(r.events)) for r in batch],
                                     coder=coder, run_id=run_id)
            report.events += sum(len(r.events) for r in batch)
            if progress is not None:
                progress(len(batch))
            batch.clear()

    try:
        for path in paths:
            path = Path(path)
            report.files.append(str(path))
            for row in reader(path, report):
                batch.append(row)
                if len(batch) >= batch_size:
                    flush()
            flush()
    finally:
        flush()
        store.finish_run(run_id, n_articles=report.rows, n_events=report.events,
                         n_failed=report.n_problems)
    return report


__all__ = ["BATCH_SIZE", "DATASETS", "ImportReport", "ImportedRow", "import_files"]
