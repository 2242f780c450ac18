"""The quality gate: pinned floors, deliberate regressions, baseline updates — and the real run.

``test_real_coder_meets_the_pinned_floors`` is the CI gate: it codes the test split
of ``tests/gold`` with the real pipeline and compares the scores with
``tests/quality_baseline.json``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.evaluation.gate import (
    DIGEST_CHANGED,
    GateError,
    append_changelog,
    check_gate,
    floor3,
    load_baseline,
    update_baseline,
)
from tocsin.evaluation.gold import gold_digest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
BASELINE = ROOT / "tests" / "quality_baseline.json"

runner = CliRunner()


def make_report(fr_f1: float = 0.5, en_f1: float = 0.6, *, digest: str = "abc", split: str = "test",
                negation: float | None = 0.9) -> dict[str, Any]:
    def scores(f1: float) -> dict[str, Any]:
        return {"event_f1": f1, "type_f1": f1 + 0.2, "negation_accuracy": negation}

    return {"gold": {"digest": digest, "split": split},
            "by_language": {"fr": scores(fr_f1), "en": scores(en_f1)}}


BASE: dict[str, Any] = {
    "gold_digest": "abc", "split": "test",
    "floors": {"fr": {"event_f1": 0.45, "type_f1": 0.65, "negation_accuracy": 0.85},
               "en": {"event_f1": 0.55, "type_f1": 0.75, "negation_accuracy": 0.85}},
    "updated": "2025-01-01", "note": "test",
}


def test_gate_passes_at_or_above_the_floors() -> None:
    assert check_gate(make_report(), BASE) == []
    exact = make_report(fr_f1=0.45, en_f1=0.55)
    assert check_gate(exact, BASE) == []


def test_gate_fails_on_a_deliberate_regression() -> None:
    violations = check_gate(make_report(fr_f1=0.30), BASE)
    assert len(violations) == 2  # event_f1 and type_f1 of fr
    assert "fr event_f1: 0.300 is below the floor 0.450" in violations


def test_gate_fails_when_a_score_is_missing() -> None:
    violations = check_gate(make_report(negation=None), BASE)
    assert "fr negation_accuracy: no score (floor 0.850)" in violations
    report = make_report()
    del report["by_language"]["en"]
    assert any(v.startswith("en event_f1: no score") for v in check_gate(report, BASE))


def test_gate_fails_when_the_gold_corpus_changed() -> None:
    violations = check_gate(make_report(digest="def"), BASE)
    assert len(violations) == 1
    assert violations[0].startswith(DIGEST_CHANGED)
    assert "--update-baseline" in violations[0]


def test_gate_fails_on_another_split() -> None:
    assert any("split" in v for v in check_gate(make_report(split="dev"), BASE))


def test_floor3_rounds_down() -> None:
    assert floor3(0.81299) == 0.812
    assert floor3(0.5) == 0.5
    assert floor3(0.1239999999) == 0.123


def test_update_raises_floors_to_current_scores() -> None:
    update = update_baseline(make_report(fr_f1=0.51234, digest="new"), BASE, today=date(2025, 2, 1))
    floors = update.baseline["floors"]
    assert floors["fr"]["event_f1"] == 0.512
    assert floors["en"]["type_f1"] == 0.8
    assert update.baseline["gold_digest"] == "new" and update.baseline["updated"] == "2025-02-01"
    assert update.lowered == []


def test_update_never_lowers_a_floor_without_the_flag() -> None:
    with pytest.raises(GateError, match="refusing to lower"):
        update_baseline(make_report(fr_f1=0.40), BASE)
    with pytest.raises(GateError, match="--note"):
        update_baseline(make_report(fr_f1=0.40), BASE, allow_lower=True)
    update = update_baseline(make_report(fr_f1=0.40), BASE, allow_lower=True, note="harder test texts")
    assert update.baseline["floors"]["fr"]["event_f1"] == 0.4
    assert ("fr", "event_f1", 0.45, 0.4) in update.lowered
    assert update.baseline["note"] == "harder test texts"


def test_lowering_is_recorded_in_the_changelog(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    update = update_baseline(make_report(fr_f1=0.40), BASE, allow_lower=True, note="harder test texts")
    append_changelog(changelog, update, "harder test texts", today=date(2025, 2, 1))
    text = changelog.read_text(encoding="utf-8")
    assert "## Unreleased" in text
    assert "fr event_f1 0.450 → 0.400" in text and "Reason: harder test texts" in text
    append_changelog(changelog, update, "second", today=date(2025, 2, 2))
    text = changelog.read_text(encoding="utf-8")
    assert text.count("## Unreleased") == 1 and "Reason: second" in text


def test_cli_update_baseline_refuses_to_lower_without_the_flag(tmp_path: Path) -> None:
    """``tocsin eval --update-baseline`` never lowers a floor unless told why."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({  # the gold asks for an event the coder will not find
        "id": "fr-1", "split": "test", "language": "fr", "published": "2024-03-05",
        "text": "Vladimir Poutine a rencontré Xi Jinping à Moscou.",
        "events": [{"type": "ASSAULT", "source": "USA", "target": "BRA", "negated": False}],
    }) + "\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    high = {"gold_digest": gold_digest([gold]), "split": "test", "updated": "2025-01-01", "note": "x",
            "floors": {"fr": {"event_f1": 1.0, "type_f1": 1.0}}}
    baseline.write_text(json.dumps(high), encoding="utf-8")
    changelog = tmp_path / "CHANGELOG.md"
    args = ["eval", str(gold), "--gate", str(baseline), "--update-baseline", "--changelog", str(changelog), "-q"]

    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "refusing to lower" in result.output
    assert json.loads(baseline.read_text(encoding="utf-8")) == high
    assert not changelog.exists()

    result = runner.invoke(app, [*args, "--allow-lower"])
    assert result.exit_code == 2  # --allow-lower needs --note
    assert json.loads(baseline.read_text(encoding="utf-8")) == high

    result = runner.invoke(app, [*args, "--allow-lower", "--note", "coder rewrite"])
    assert result.exit_code == 0, result.output
    assert load_baseline(baseline)["floors"]["fr"]["event_f1"] == 0.0
    assert "coder rewrite" in changelog.read_text(encoding="utf-8")

    result = runner.invoke(app, ["eval", str(gold), "--gate", str(baseline), "-q"])
    assert result.exit_code == 0, result.output  # the re-pinned baseline passes


def test_real_coder_meets_the_pinned_floors(tmp_path: Path) -> None:
    """The CI gate: the real coder on the real gold test split, against the pinned floors."""
    report_path = tmp_path / "report.json"
    result = runner.invoke(app, ["eval", str(GOLD), "--gate", str(BASELINE), "--json", str(report_path), "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["gold"]["split"] == "test"
    assert set(report["by_language"]) >= {"fr", "en"}


def test_gold_splits_follow_the_annotation_rule() -> None:
    """Every gold item sits in the split docs/annotation.md §11 gives it (tools/gold_splits.py)."""
    import runpy

    rule = runpy.run_path(str(ROOT / "tools" / "gold_splits.py"))["expected_splits"]
    for path in sorted(GOLD.glob("*.jsonl")):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        expected = rule(items)
        wrong = [item["id"] for item in items if item.get("split") != expected[item["id"]]]
        assert not wrong, f"{path.name}: items off the split rule: {wrong[:10]}"
        assert sum(item["split"] == "test" for item in items) >= 0.4 * len(items)
