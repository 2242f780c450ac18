"""``tocsin eval``: score the coder on gold data, and guard its quality."""

from __future__ import annotations

import json
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tocsin.cli.common import error_text, fail, stderr_console, stdout_console
from tocsin.errors import TocsinError


class GroupBy(StrEnum):
    language = "language"
    type = "type"
    source = "source"
    split = "split"


class SplitChoice(StrEnum):
    dev = "dev"
    test = "test"
    all = "all"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


def evaluate(
    gold: Annotated[list[Path], typer.Argument(
        help="Gold files or folders: tocsin JSONL (tests/gold), PETRARCH validation XML, "
             "or PLOVER gold-standard JSON (format detected per file).", show_default=False)],
    by: Annotated[GroupBy, typer.Option("--by", help="Group the scores by language, type, source format or split.")] = GroupBy.language,
    split: Annotated[SplitChoice | None, typer.Option(
        "--split", help="Which split to score (default: all; with --gate, the baseline's split).")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List false positives and misses with their text, pattern and trigger.")] = False,
    errors_limit: Annotated[int | None, typer.Option("--errors-limit", help="Show at most this many errors in the table (all go to JSON).")] = None,
    json_file: Annotated[Path | None, typer.Option("--json", help="Also write the full report as JSON to this file.")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table (rich tables) or json (the report on stdout).")] = ReportFormat.table,
    gate: Annotated[Path | None, typer.Option("--gate", help="Quality baseline to check (exit 1 on any violation), e.g. tests/quality_baseline.json.")] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="Raise the --gate baseline's floors to the current scores (never lowers them without --allow-lower).")] = False,
    allow_lower: Annotated[bool, typer.Option("--allow-lower", help="With --update-baseline: allow floors to go down (needs --note).")] = False,
    note: Annotated[str | None, typer.Option("--note", help="Why the floors change; with --allow-lower it is appended to the changelog.")] = None,
    changelog: Annotated[Path, typer.Option("--changelog", help="Changelog that records lowered floors.")] = Path("CHANGELOG.md"),
    keep_unresolved: Annotated[bool, typer.Option("--keep-unresolved", help="Keep events whose actors did not resolve "
                                                  "(measures types on gold with unknown actors, e.g. PETRARCH's fictional countries).")] = False,
    keep_one_sided: Annotated[bool, typer.Option("--keep-one-sided", help="Keep meetings, agreements, aid and refusals "
                                                 "whose recipient was not found, and accusations that name no one.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Score the coder against gold events: precision, recall and F1 of full events and types,
    actor resolution, negation, per group, with a type confusion matrix.

    Examples:

      tocsin eval tests/gold --split dev --errors

      tocsin eval tests/gold --by type --json report.json

      tocsin eval ../shared/dev-data/PETR.UnitTest.records.xml --format json > petr.json

      tocsin eval tests/gold --gate tests/quality_baseline.json
    """
    from tocsin.evaluation.gate import (
        GateError,
        append_changelog,
        check_gate,
        load_baseline,
        write_baseline,
    )
    from tocsin.evaluation.gate import update_baseline as compute_update
    from tocsin.evaluation.gold import expand_gold_paths, gold_digest, load_gold
    from tocsin.evaluation.report import build_report, render_report
    from tocsin.evaluation.runner import evaluate_items

    err = stderr_console()
    if update_baseline and gate is None:
        raise fail("--update-baseline needs --gate BASELINE (the file to update)", code=2)
    if allow_lower and not update_baseline:
        raise fail("--allow-lower only makes sense with --update-baseline", code=2)
    if allow_lower and not (note and note.strip()):
        raise fail("--allow-lower needs --note \"why\" (it is recorded in the changelog)", code=2)

    baseline = None
    if gate is not None and gate.exists():
        try:
            baseline = load_baseline(gate)
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
    elif gate is not None and not update_baseline:
        raise fail(f"{gate}: baseline file not found (create it with --update-baseline)", code=2)

    if split is not None:
        chosen_split = split.value
    elif baseline is not None:
        chosen_split = str(baseline.get("split") or "all")
    else:
        chosen_split = "test" if update_baseline else "all"

    try:
        files = expand_gold_paths(gold)
        digest = gold_digest(files)
        items = load_gold(files, split=chosen_split)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    if not items:
        raise fail(f"no gold texts in split {chosen_split!r}", code=2)

    from tocsin.coding.coder import CoderOptions
    from tocsin.pipeline import Engine, PipelineOptions

    started = time.perf_counter()
    show_progress = not quiet and err.is_terminal
    progress = Progress(TextColumn("[bold]evaluating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=True, disable=not show_progress)
    try:
        engine = Engine(PipelineOptions(coder=CoderOptions(keep_unresolved=keep_unresolved, keep_one_sided=keep_one_sided)))
        with progress:
            task = progress.add_task("evaluating", total=len(items))
            matches = evaluate_items(items, engine, on_item=lambda done: progress.update(task, completed=done))
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    report = build_report(matches, files=files, digest=digest, split=chosen_split,
                          elapsed_s=time.perf_counter() - started, errors=errors,
                          coder=engine.coder.options.coder)

    if json_file is not None:
        json_file.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if fmt is ReportFormat.json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        out = stdout_console()
        if not out.is_terminal:
            out = Console(width=max(out.width, 160))
        render_report(report, out, by=by.value, errors_limit=errors_limit)

    if gate is None:
        return
    if update_baseline:
        try:
            update = compute_update(report, baseline, allow_lower=allow_lower, note=note)
        except GateError as exc:
            raise fail(str(exc)) from None
        write_baseline(gate, update.baseline)
        if update.lowered and note:
            append_changelog(changelog, update, note)
        for lang, metric, old, new in update.raised:
            err.print(f"[green]↑[/] {lang} {metric}: {'—' if old is None else f'{old:.3f}'} → {new:.3f}", highlight=False)
        for lang, metric, old, new in update.lowered:
            err.print(f"[yellow]↓[/] {lang} {metric}: {old:.3f} → {new:.3f}", highlight=False)
        err.print(f"baseline written to {gate}", highlight=False)
        return
    assert baseline is not None
    violations = check_gate(report, baseline)
    if violations:
        for v in violations:
            err.print(f"[bold red]gate:[/] {v}", highlight=False)
        raise typer.Exit(1)
    err.print(f"[green]gate passed[/] ({gate})", highlight=False)
