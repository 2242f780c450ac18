"""Assign or check the dev/test split of gold corpus items.

The rule is the one of docs/annotation.md §11: items are grouped by the type of
their first event (items with no event form their own group); within a group,
in id order, positions 2, 4, 6 and 8 of every nine go to ``test``, the others to
``dev``. Appending items with higher ids never moves an existing item, so the
held-out part only grows.

    python tools/gold_splits.py tests/gold/fr.jsonl tests/gold/en.jsonl          # check
    python tools/gold_splits.py tests/gold/fr.jsonl --write                        # assign

``--write`` fills in items without a split and refuses to change the split of an
item that already has one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

TEST_POSITIONS = frozenset({2, 4, 6, 8})
NO_EVENT = "(no event)"


def group_of(item: dict) -> str:
    events = item.get("events") or []
    if not events:
        return NO_EVENT
    kind = events[0]["type"]
    return kind if isinstance(kind, str) else kind[0]


def expected_splits(items: list[dict]) -> dict[str, str]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item in items:
        groups[group_of(item)].append(item["id"])
    splits = {}
    for ids in groups.values():
        for index, item_id in enumerate(sorted(ids)):
            splits[item_id] = "test" if index % 9 + 1 in TEST_POSITIONS else "dev"
    return splits


def process(path: Path, write: bool) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    ids = [item["id"] for item in items]
    if len(set(ids)) != len(ids):
        print(f"{path}: duplicate ids", file=sys.stderr)
        return 1
    splits = expected_splits(items)
    problems = 0
    for item in items:
        want = splits[item["id"]]
        have = item.get("split")
        if have is None:
            if not write:
                print(f"{path}: {item['id']} has no split (would be {want})")
                problems += 1
            item["split"] = want
        elif have != want:
            print(f"{path}: {item['id']} is {have}, the rule gives {want}")
            problems += 1
    if write and problems:
        print(f"{path}: not written: existing splits would change", file=sys.stderr)
        return 1
    counts = {name: sum(1 for item in items if item["split"] == name) for name in ("dev", "test")}
    share = counts["test"] / max(1, len(items))
    print(f"{path}: {len(items)} items, dev {counts['dev']}, test {counts['test']} ({share:.0%})")
    if write:
        ordered = [{"id": item["id"], "split": item["split"],
                    **{k: v for k, v in item.items() if k not in ("id", "split")}} for item in items]
        path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in ordered),
                        encoding="utf-8")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="gold JSONL files")
    parser.add_argument("--write", action="store_true", help="fill in missing splits")
    args = parser.parse_args(argv)
    return max(process(path, args.write) for path in args.files)


if __name__ == "__main__":
    sys.exit(main())
