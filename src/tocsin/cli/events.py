"""``tocsin events``: query the stored events."""

from __future__ import annotations

from typing import Annotated

import typer

from tocsin.cli.code import _print_events
from tocsin.cli.common import (
    DEFAULT_DB,
    DbOption,
    FormatOption,
    OutputFormat,
    OutputOption,
    error_text,
    fail,
    parse_date,
    require_database,
    resolve_format,
)
from tocsin.errors import TocsinError


def events(
    actor: Annotated[list[str] | None, typer.Option("--actor", "-a", help="Actor code or country (RUS, RUSMIL, IGONATO). "
                                                    "Once: events involving it; twice: events between the two.")] = None,
    dyad: Annotated[str | None, typer.Option(help="Directed dyad SOURCE:TARGET, e.g. RUS:UKR.")] = None,
    event_type: Annotated[list[str] | None, typer.Option("--type", "-t", help="PLOVER type (repeatable), e.g. CONSULT.")] = None,
    quad: Annotated[list[int] | None, typer.Option("--quad", help="Quad class 1–4 (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this date (YYYY-MM-DD).")] = None,
    negated: Annotated[bool | None, typer.Option("--negated/--affirmed", help="Only negated, or only affirmed, events.")] = None,
    language: Annotated[list[str] | None, typer.Option("--language", "-l", help="Language (repeatable).")] = None,
    article: Annotated[list[str] | None, typer.Option("--article", help="Article id (repeatable).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Query stored events.

    Examples:

      tocsin events --actor RUS --actor CHN --type CONSULT --since 2023-01-01 --format jsonl

      tocsin events --dyad USA:CHN --format csv -o usa_chn.csv
    """
    from tocsin.store import EventFilter, open_store

    require_database(db, f"code some articles first (tocsin code … --db {db})")
    dyad_pair = None
    if dyad is not None:
        parts = [p for p in dyad.replace("->", ":").split(":") if p]
        if len(parts) != 2:
            raise fail(f"--dyad: expected SOURCE:TARGET, got {dyad!r}", code=2)
        dyad_pair = (parts[0], parts[1])
    if quad and any(q not in (1, 2, 3, 4) for q in quad):
        raise fail("--quad: quad classes are 1, 2, 3 or 4", code=2)
    out_format = resolve_format(fmt, output)
    if out_format is OutputFormat.parquet and output is None:
        raise fail("--format parquet needs --output FILE", code=2)
    try:
        flt = EventFilter(
            actors=tuple(actor or ()), dyad=dyad_pair, types=tuple(event_type or ()), quad_classes=tuple(quad or ()),
            since=parse_date(since, "--since"), until=parse_date(until, "--until"), negated=negated,
            languages=tuple(language or ()), article_ids=tuple(article or ()), limit=limit,
        )
        with open_store(db, read_only=True) as store:
            found = store.query(flt)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    except ValueError as exc:
        raise fail(str(exc), code=2) from None
    _print_events(found, out_format, output)
