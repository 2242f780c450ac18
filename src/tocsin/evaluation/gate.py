"""The quality gate: scores must not fall below pinned floors.

The baseline (``tests/quality_baseline.json``) pins, for one gold corpus (its
digest) and one split, a floor per language and metric::

    {"gold_digest": "…", "split": "test",
     "floors": {"fr": {"event_f1": 0.41, "type_f1": 0.62, "negation_accuracy": 0.9}, "en": {…}},
     "updated": "2025-01-31", "note": "…"}

:func:`check_gate` lists the violations of a report. :func:`update_baseline`
raises floors to the current scores (rounded down to 3 decimals) and refuses to
lower one unless explicitly allowed with a written reason, which goes to the
changelog.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tocsin.errors import DataFileError, TocsinError
from tocsin.evaluation.metrics import GATED_METRICS

__all__ = [
    "BaselineUpdate",
    "GateError",
    "append_changelog",
    "check_gate",
    "floor3",
    "load_baseline",
    "update_baseline",
    "write_baseline",
]

DIGEST_CHANGED = "gold corpus changed: re-pin the baseline with --update-baseline"

#: A score this close under its floor still passes (floating-point noise).
_TOLERANCE = 1e-9


class GateError(TocsinError):
    """A baseline update that was refused (it would lower a floor without leave)."""

    code = "E501"


def floor3(value: float) -> float:
    """``value`` rounded down to 3 decimals (0.8129 → 0.812)."""
    return math.floor(value * 1000 + 1e-9) / 1000


def load_baseline(path: Path | str) -> dict[str, Any]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError("baseline file not found", source=str(path)) from None
    except json.JSONDecodeError as exc:
        raise DataFileError(f"invalid JSON: {exc.msg}", source=str(path), line=exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise DataFileError("a baseline must be a JSON object with 'floors'", source=str(path))
    for lang, floors in data["floors"].items():
        if not isinstance(floors, dict) or not all(isinstance(v, (int, float)) for v in floors.values()):
            raise DataFileError(f"floors[{lang!r}] must map metric names to numbers", source=str(path))
    return data


def write_baseline(path: Path | str, baseline: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def check_gate(report: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Violations of ``baseline`` by ``report``; empty when the gate passes."""
    violations: list[str] = []
    pinned_digest = baseline.get("gold_digest")
    digest = report.get("gold", {}).get("digest")
    if pinned_digest and digest != pinned_digest:
        violations.append(f"{DIGEST_CHANGED} (pinned {str(pinned_digest)[:12]}, now {str(digest)[:12]})")
    pinned_split = baseline.get("split")
    split = report.get("gold", {}).get("split")
    if pinned_split and split != pinned_split:
        violations.append(f"the baseline is pinned on split {pinned_split!r} but the report is on {split!r}")
    by_language = report.get("by_language", {})
    for lang, floors in sorted(baseline.get("floors", {}).items()):
        scores = by_language.get(lang)
        for metric, floor in sorted(floors.items()):
            value = scores.get(metric) if scores else None
            if value is None:
                violations.append(f"{lang} {metric}: no score (floor {floor:.3f})")
            elif value + _TOLERANCE < floor:
                violations.append(f"{lang} {metric}: {value:.3f} is below the floor {floor:.3f}")
    return violations


@dataclass(frozen=True, slots=True)
class BaselineUpdate:
    """The new baseline and what changed (``(language, metric, old, new)``)."""

    baseline: dict[str, Any]
    raised: list[tuple[str, str, float | None, float]]
    lowered: list[tuple[str, str, float, float]]


def update_baseline(report: dict[str, Any], baseline: dict[str, Any] | None, *,
                    allow_lower: bool = False, note: str | None = None,
                    metrics: tuple[str, ...] = GATED_METRICS, today: date | None = None) -> BaselineUpdate:
    """Floors raised to the report's scores; lowering one needs ``allow_lower`` and a ``note``.

    Raises :class:`GateError` (and changes nothing) when a floor would go down without leave.
    """
    if allow_lower and not (note and note.strip()):
        raise GateError("--allow-lower needs --note \"why\" (it is recorded in the changelog)")
    old = baseline or {}
    old_floors: dict[str, dict[str, float]] = old.get("floors", {})
    split = report.get("gold", {}).get("split")
    new_floors: dict[str, dict[str, float]] = {}
    raised: list[tuple[str, str, float | None, float]] = []
    lowered: list[tuple[str, str, float, float]] = []
    languages = sorted(set(old_floors) | set(report.get("by_language", {})))
    for lang in languages:
        scores = report.get("by_language", {}).get(lang, {})
        floors: dict[str, float] = {}
        for metric in metrics:
            previous = old_floors.get(lang, {}).get(metric)
            value = scores.get(metric)
            if value is None:
                if previous is not None:
                    lowered.append((lang, metric, previous, 0.0))
                    floors[metric] = 0.0
                continue
            current = floor3(value)
            floors[metric] = current
            if previous is None or current > previous:
                raised.append((lang, metric, previous, current))
            elif current < previous:
                lowered.append((lang, metric, previous, current))
        if floors:
            new_floors[lang] = floors
    if lowered and not allow_lower:
        detail = "; ".join(f"{lang} {metric} {a:.3f} → {b:.3f}" for lang, metric, a, b in lowered)
        raise GateError(f"refusing to lower floor(s): {detail} — pass --allow-lower with --note \"why\"")
    new = {
        "gold_digest": report.get("gold", {}).get("digest"),
        "split": split,
        "floors": new_floors,
        "updated": (today or date.today()).isoformat(),
        "note": note.strip() if note and note.strip() else old.get("note", "floors = scores rounded down to 3 decimals"),
    }
    return BaselineUpdate(new, raised, lowered)


def append_changelog(path: Path | str, update: BaselineUpdate, note: str, *, today: date | None = None) -> None:
    """Record lowered floors and the reason under ``## Unreleased`` (file created if missing)."""
    path = Path(path)
    when = (today or date.today()).isoformat()
    changes = ", ".join(f"{lang} {metric} {a:.3f} → {b:.3f}" for lang, metric, a, b in update.lowered)
    entry = f"- Quality baseline lowered ({when}): {changes or 'floors re-pinned'}. Reason: {note.strip()}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Changelog\n\n"
    marker = "## Unreleased"
    if marker in text:
        head, _, tail = text.partition(marker)
        rest = tail.split("\n", 1)[1] if "\n" in tail else ""
        text = f"{head}{marker}\n\n{entry}{rest.lstrip(chr(10))}"
        if not text.endswith("\n"):
            text += "\n"
    else:
        text = text.rstrip("\n") + f"\n\n{marker}\n\n{entry}"
    path.write_text(text, encoding="utf-8")
