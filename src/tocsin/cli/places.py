"""``tocsin places``: look names up in the gazetteer, and score place resolution."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tocsin.cli.common import error_text, fail, stdout_console
from tocsin.errors import TocsinError

app = typer.Typer(
    name="places",
    help="The gazetteer: look up place names, and score place resolution on labelled mentions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("lookup")
def lookup(
    names: Annotated[list[str], typer.Argument(help="Place names in any language or spelling (Pékin, Kiev, Koursk).",
                                               show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many places per name.")] = 5,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table, or json (one JSON object a line).")] = ReportFormat.table,
) -> None:
    """Every gazetteer place a name can mean, most likely first (countries, capitals, population).

    Example: tocsin places lookup Paris Kharkov "Saint-Pétersbourg"
    """
    from dataclasses import asdict

    from rich.table import Table

    from tocsin.places import load_gazetteer

    gazetteer = load_gazetteer()
    if fmt is ReportFormat.json:
        for name in names:
            for p in gazetteer.lookup(name)[:limit]:
                typer.echo(json.dumps({"query": name, **asdict(p)}, ensure_ascii=False))
        return
    table = Table("name", "place", "kind", "country", "admin1", "lat", "lon", "population", "geonames_id")
    for name in names:
        places = gazetteer.lookup(name)[:limit]
        if not places:
            table.add_row(name, "—", "", "", "", "", "", "", "")
        for p in places:
            table.add_row(name, p.name, p.kind, p.country, p.admin1 or "", f"{p.lat}" if p.lat is not None else "",
                          f"{p.lon}" if p.lon is not None else "", str(p.population), str(p.geonames_id or ""))
    stdout_console().print(table)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Labelled place mentions, JSON lines (data/places/gold.jsonl).",
                                         show_default=False)],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table or json (the report on stdout).")] = ReportFormat.table,
    errors: Annotated[bool, typer.Option("--errors", help="List the mentions resolved wrongly or missed.")] = False,
    split: Annotated[str | None, typer.Option("--split", help="Score one split only: dev (used while writing the "
                                              "rules) or test (written after them).")] = None,
) -> None:
    """Accuracy of place resolution: exact place and country, over all gold mentions
    (a mention not found counts as wrong), with detection and role (actor/location) rates.

    Example: tocsin places eval data/places/gold.jsonl --split test
    """
    from rich.table import Table

    from tocsin.evaluation.places import evaluate_places, read_place_gold

    try:
        items = [item for item in read_place_gold(gold) if split is None or item.split == split]
        if not items:
            raise fail(f"{gold}: no gold texts" + (f" in split {split!r}" if split else ""))
        report = evaluate_places(items).as_dict()
    except TocsinError as exc:
        raise fail(error_text(exc)) from exc
    except OSError as exc:
        raise fail(f"{gold}: {exc.strerror or exc}") from exc
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    table = Table("group", "mentions", "found", "exact place", "country", "role", title="place resolution")
    rows = [("all", report["overall"])]
    rows += [(f"split {k}", v) for k, v in report["by_split"].items()]
    rows += [(f"language {k}", v) for k, v in report["by_language"].items()]
    rows += [(f"tag {k}", v) for k, v in report["by_tag"].items()]

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{100 * value:.1f}%"

    for label, row in rows:
        table.add_row(label, str(row["mentions"]), pct(row["found"]), pct(row["exact"]), pct(row["country"]),
                      pct(row["role"]))
    console = stdout_console()
    console.print(table)
    if errors:
        wrong = Table("id", "text", "gold", "predicted", "gold role", "role", title="errors")
        for e in report["errors"]:
            wrong.add_row(e["id"], e["text"], e["gold"], e["predicted"] or "not found", e["gold_role"] or "",
                          e["role"] or "")
        console.print(wrong)
