"""The evaluation report: a JSON-ready dictionary, and its rich tables.

:func:`build_report` gathers every score of a run (overall, per language, per
source format, per split, per type, the confusion matrix and, on request, the
errors); :func:`render_report` prints the tables for one grouping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tocsin.evaluation.gold import GoldEvent
from tocsin.evaluation.match import NONE_LABEL, TextMatch
from tocsin.evaluation.metrics import confusion_matrix, score, score_by, score_by_type
from tocsin.records import Actor, Event
from tocsin.version import CODER_NAME, __version__

__all__ = ["REPORT_FORMAT", "build_report", "error_records", "render_report"]

REPORT_FORMAT = "tocsin-eval-report/1"

GROUPINGS = ("language", "type", "source", "split")


def _code(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.code or f"?{actor.text}"


def _event_brief(event: Event) -> dict[str, Any]:
    return {
        "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "source": _code(event.source), "target": _code(event.target),
        "negated": event.negated, "modality": event.modality,
        "pattern": event.pattern, "trigger": event.trigger, "sentence_index": event.sentence_index,
    }


def _gold_brief(event: GoldEvent) -> dict[str, Any]:
    return event.to_dict()


def error_records(matches: Sequence[TextMatch]) -> list[dict[str, Any]]:
    """False positives and misses, each with its text and what was predicted there."""
    out: list[dict[str, Any]] = []
    for m in matches:
        base = {"id": m.item.id, "origin": m.item.origin, "language": m.item.language,
                "split": m.item.split, "source_format": m.item.source_format, "tags": list(m.item.tags),
                "text": m.item.text}
        predicted = [_event_brief(e) for e in m.predictions]
        if m.problem:
            out.append({**base, "kind": "failed", "problem": m.problem})
        for p in m.false_positives:
            out.append({**base, "kind": "false_positive", "event": _event_brief(m.predictions[p]),
                        "gold": [_gold_brief(g) for g in m.item.events]})
        for g in m.misses:
            out.append({**base, "kind": "miss", "event": _gold_brief(m.item.events[g]),
                        "predicted": predicted})
    return out


def build_report(matches: Sequence[TextMatch], *, files: Sequence[Path | str] = (),
                 digest: str | None = None, split: str = "all", elapsed_s: float | None = None,
                 errors: bool = False, coder: str = CODER_NAME) -> dict[str, Any]:
    """Every score of a run as one JSON-ready dictionary."""
    report: dict[str, Any] = {
        "format": REPORT_FORMAT,
        "tocsin_version": __version__,
        "coder": coder,
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "gold": {
            "files": [str(f) for f in files],
            "digest": digest,
            "split": split,
            "texts": len(matches),
            "formats": dict(Counter(m.item.source_format for m in matches)),
        },
        "overall": score(matches),
        "by_language": score_by(matches, lambda m: m.item.language),
        "by_source": score_by(matches, lambda m: m.item.source_format),
        "by_split": score_by(matches, lambda m: m.item.split),
        "by_type": score_by_type(matches),
        "confusion": confusion_matrix(matches),
        "elapsed_s": round(elapsed_s, 2) if elapsed_s is not None else None,
    }
    if errors:
        report["errors"] = error_records(matches)
    return report


# ---------------------------------------------------------------------------- tables


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _acc(row: dict[str, Any], name: str, n: str) -> str:
    value = row.get(name)
    return "—" if value is None else f"{value:.3f} ({row.get(n, 0)})"


def _scores_table(title: str, rows: dict[str, dict[str, Any]], first: str) -> Table:
    table = Table(title=title, title_justify="left")
    columns = (first, "texts", "gold", "pred", "TP", "FP", "FN", "P", "R", "F1", "type P", "type R", "type F1")
    for c in columns:
        table.add_column(c, justify="left" if c == first else "right")
    for name, r in rows.items():
        table.add_row(
            name, str(r.get("texts", "")), str(r.get("gold_events", "")), str(r.get("predicted_events", "")),
            str(r["event_tp"]), str(r["event_fp"]), str(r["event_fn"]),
            _pct(r["event_precision"]), _pct(r["event_recall"]), _pct(r["event_f1"]),
            _pct(r["type_precision"]), _pct(r["type_recall"]), _pct(r["type_f1"]),
        )
    return table


def _actors_table(title: str, rows: dict[str, dict[str, Any]], first: str) -> Table:
    table = Table(title=title, title_justify="left")
    columns = (first, "src country", "tgt country", "src sector", "tgt sector", "negation acc",
               "neg P", "neg R", "ignored")
    for c in columns:
        table.add_column(c, justify="left" if c == first else "right")
    for name, r in rows.items():
        table.add_row(
            name,
            _acc(r, "source_country_accuracy", "source_country_n"),
            _acc(r, "target_country_accuracy", "target_country_n"),
            _acc(r, "source_sector_accuracy", "source_sector_n"),
            _acc(r, "target_sector_accuracy", "target_sector_n"),
            _acc(r, "negation_accuracy", "negation_n"),
            _pct(r["negation_precision"]), _pct(r["negation_recall"]),
            str(r.get("ignored_acceptable", 0)),
        )
    return table


def _type_table(rows: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="by type", title_justify="left")
    for c in ("type", "gold", "TP", "FP", "FN", "event P", "event R", "event F1", "type P", "type R", "type F1"):
        table.add_column(c, justify="left" if c == "type" else "right")
    for name, r in rows.items():
        table.add_row(name, str(r["gold_events"]), str(r["event_tp"]), str(r["event_fp"]), str(r["event_fn"]),
                      _pct(r["event_precision"]), _pct(r["event_recall"]), _pct(r["event_f1"]),
                      _pct(r["type_precision"]), _pct(r["type_recall"]), _pct(r["type_f1"]))
    return table


#: Column headings of the confusion matrix (rows keep the full names).
_ABBREV = {
    "AGREE": "AGR", "CONSULT": "CNS", "SUPPORT": "SUP", "CONCEDE": "CCD", "COOPERATE": "COO",
    "AID": "AID", "RETREAT": "RET", "REQUEST": "REQ", "ACCUSE": "ACC", "REJECT": "REJ",
    "THREATEN": "THR", "PROTEST": "PRO", "SANCTION": "SAN", "MOBILIZE": "MOB", "COERCE": "COE",
    "ASSAULT": "ASL",
}


def _confusion_table(matrix: dict[str, dict[str, int]]) -> Table:
    predicted = sorted({p for row in matrix.values() for p in row}, key=lambda k: (k == NONE_LABEL, k))
    table = Table(title="type confusion (rows: gold, columns: predicted; events aligned by actors)",
                  title_justify="left")
    table.add_column("gold \\ pred")
    for p in predicted:
        table.add_column(_ABBREV.get(p, p[:4]), justify="right")
    for gold, row in matrix.items():
        cells = []
        for p in predicted:
            n = row.get(p, 0)
            text = str(n) if n else "·"
            cells.append(f"[bold green]{text}[/]" if n and p == gold else text)
        table.add_row(gold, *cells)
    return table


def _describe(event: dict[str, Any]) -> str:
    types = event.get("type")
    label = event.get("cameo_root") or ("|".join(types) if isinstance(types, list) else types) or "*"
    neg = " NOT" if event.get("negated") else ""
    return f"{label}{neg} {event.get('source') or '∅'}→{event.get('target') or '∅'}"


def _errors_table(errors: list[dict[str, Any]], limit: int | None) -> Table:
    table = Table(title="errors", title_justify="left", show_lines=True)
    for c in ("kind", "id", "event", "pattern / trigger", "text"):
        table.add_column(c, overflow="fold")
    shown = errors if limit is None else errors[:limit]
    for e in shown:
        if e["kind"] == "failed":
            table.add_row("failed", e["id"], e.get("problem", ""), "", e["text"])
            continue
        ev = e["event"]
        if e["kind"] == "false_positive":
            table.add_row("FP", e["id"], _describe(ev), f"{ev['pattern']} «{ev['trigger']}»", e["text"])
        else:
            found = "; ".join(f"{_describe(p)} [{p['pattern']}]" for p in e.get("predicted", [])) or "nothing predicted"
            table.add_row("miss", e["id"], _describe(ev), found, e["text"])
    if limit is not None and len(errors) > limit:
        table.caption = f"{len(errors) - limit} more in the JSON report"
    return table


def render_report(report: dict[str, Any], console: Console, *, by: str = "language",
                  errors_limit: int | None = None) -> None:
    """Print the overall scores, one grouping, the confusion matrix and any errors."""
    gold = report["gold"]
    console.print(f"[bold]tocsin eval[/] — {gold['texts']} texts, split {gold['split']}, "
                  f"coder {report['coder']}, gold digest {str(gold.get('digest'))[:12]}", highlight=False)
    console.print(_scores_table("events — overall", {"all": report["overall"]}, "set"))
    console.print(_actors_table("actors and negation — overall", {"all": report["overall"]}, "set"))
    skipped = report["overall"].get("skipped_gold_events", 0)
    if skipped:
        console.print(f"[dim]{skipped} gold event(s) not scored (codes outside CAMEO roots 01–20)[/]")
    if by == "type":
        console.print(_type_table(report["by_type"]))
    else:
        key = {"language": "by_language", "source": "by_source", "split": "by_split"}[by]
        console.print(_scores_table(f"events — by {by}", report[key], by))
        console.print(_actors_table(f"actors and negation — by {by}", report[key], by))
        if by == "source" and len(report["by_split"]) > 1:
            console.print(_scores_table("events — by split", report["by_split"], "split"))
    if report["confusion"]:
        console.print(_confusion_table(report["confusion"]))
    if "errors" in report:
        console.print(_errors_table(report["errors"], errors_limit))
