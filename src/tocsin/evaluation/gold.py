"""Gold data readers: three formats, one record.

Every reader returns :class:`GoldItem` records (one text and the events a human
coded in it), whatever the file looked like:

* ``tocsin-jsonl`` — the project's own gold corpus (``tests/gold/*.jsonl``,
  docs/evaluation.md);
* ``petrarch-xml`` — PETRARCH validation records (``<Sentence>`` with
  ``<EventCoding>`` children), scored on CAMEO roots 01–20;
* ``plover-gsr`` — the PLOVER gold-standard records (a JSON list, PLOVER 0.5b1
  labels mapped to the current 16 types).

:func:`load_gold` takes files or folders, detects each file's format and
filters by split. :func:`gold_digest` fingerprints the files, so that a quality
baseline can tell when the corpus it was pinned on has changed.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tocsin.errors import DataFileError, InputError

__all__ = [
    "GSR_TYPE_MAP",
    "GoldEvent",
    "GoldItem",
    "SPLITS",
    "SYMMETRIC_TYPES",
    "detect_format",
    "expand_gold_paths",
    "gold_digest",
    "load_gold",
    "read_petrarch_xml",
    "read_plover_gsr",
    "read_tocsin_jsonl",
]

#: The 16 PLOVER types a gold event may name.
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})

MODALITIES = frozenset({"asserted", "future", "conditional", "hypothetical", "intended"})

#: Values accepted by ``split=`` (``all`` and ``None`` keep everything).
SPLITS = ("dev", "test", "all")

#: PLOVER 0.5b1 labels (used by the PLOVER gold-standard records) → current types.
GSR_TYPE_MAP: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: Non-ISO country codes found in the PLOVER gold-standard records → ISO 3166-1 alpha-3.
GSR_COUNTRY_MAP: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

FORMATS = ("tocsin-jsonl", "petrarch-xml", "plover-gsr")

#: Types whose two actors act jointly: direction is ignored when matching.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

_ACTOR_CODE = re.compile(r"^[A-Z*#-]{3}[A-Za-z0-9*]*$")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event.

    ``types`` lists the acceptable PLOVER types (any one of them matches); an empty
    tuple with no ``cameo_root`` matches any type (used for events that are not
    scored but must not count against the coder). ``cameo_root`` is set for gold
    coded in CAMEO (PETRARCH records): matching then compares CAMEO roots instead
    of PLOVER types. ``negated`` ``None`` means "not annotated" (either value matches).
    """

    types: tuple[str, ...]
    source: str | None = None
    target: str | None = None
    negated: bool | None = None
    modality: str | None = None
    attribution: str | None = None
    cameo_root: str | None = None

    @property
    def label(self) -> str:
        """The event's main label: its CAMEO root, first type, or ``*``."""
        if self.cameo_root is not None:
            return self.cameo_root
        return self.types[0] if self.types else "*"

    @property
    def any_type(self) -> bool:
        return not self.types and self.cameo_root is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": list(self.types) if len(self.types) != 1 else self.types[0],
            "cameo_root": self.cameo_root, "source": self.source, "target": self.target,
            "negated": self.negated, "modality": self.modality, "attribution": self.attribution,
        }


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold text and its events."""

    id: str
    language: str
    published: date | None
    text: str
    split: str
    tags: tuple[str, ...] = ()
    events: list[GoldEvent] = field(default_factory=list)
    acceptable: list[GoldEvent] = field(default_factory=list)
    source_format: str = "tocsin-jsonl"
    #: ``file:line`` (or ``file#id``) the item was read from
    origin: str = ""
    #: gold events present in the file but not scored (PETRARCH test-only codes)
    skipped_events: int = 0

    @property
    def scheme(self) -> str:
        """``cameo`` when the gold is coded in CAMEO roots, ``plover`` otherwise."""
        return "cameo" if self.source_format == "petrarch-xml" else "plover"


# ---------------------------------------------------------------------------- files


def expand_gold_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files named, plus the gold files (.jsonl, .xml, .json, .txt) inside named folders."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in (".jsonl", ".xml", ".json"))
            if not found:
                raise InputError("no gold files (.jsonl, .xml, .json) in this folder", source=str(path))
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise InputError("gold file not found", source=str(path))
    seen: set[Path] = set()
    unique: list[Path] = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def gold_digest(paths: Iterable[Path | str]) -> str:
    """SHA-256 of the gold files' bytes, concatenated in order of file name."""
    files = sorted(expand_gold_paths(paths), key=lambda p: (p.name, str(p)))
    h = hashlib.sha256()
    for p in files:
        h.update(p.read_bytes())
    return h.hexdigest()


def detect_format(path: Path) -> str:
    """``tocsin-jsonl``, ``petrarch-xml`` or ``plover-gsr``, by extension then content."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return "tocsin-jsonl"
    if suffix == ".xml":
        return "petrarch-xml"
    with path.open("rb") as fh:
        head = fh.read(4096).lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        return "petrarch-xml"
    if head.startswith(b"["):
        return "plover-gsr"
    if head.startswith(b"{"):
        return "tocsin-jsonl"
    raise InputError("cannot tell the gold format (expected JSONL, PETRARCH XML or a PLOVER JSON list)",
                     source=str(path))


def load_gold(paths: Iterable[Path | str], split: str | None = None) -> list[GoldItem]:
    """Read gold files and folders (any of the three formats), keeping one split.

    ``split`` is ``dev``, ``test``, or ``all``/``None`` for everything. The external
    sets (PETRARCH, PLOVER) are development data: their items are in ``dev``.
    """
    if split not in (None, *SPLITS):
        raise InputError(f"unknown split {split!r} (expected dev, test or all)")
    items: list[GoldItem] = []
    for path in expand_gold_paths(paths):
        fmt = detect_format(path)
        if fmt == "tocsin-jsonl":
            items.extend(read_tocsin_jsonl(path))
        elif fmt == "petrarch-xml":
            items.extend(read_petrarch_xml(path))
        else:
            items.extend(read_plover_gsr(path))
    if split in (None, "all"):
        return items
    return [item for item in items if item.split == split]


# ---------------------------------------------------------------------------- tocsin JSONL


def _parse_date(value: Any, where: str, line: int | None, *, fmt: str = "iso") -> date | None:
    if value is None or value == "":
        return None
    try:
        if fmt == "iso":
            return date.fromisoformat(str(value)[:10])
        return datetime.strptime(str(value), fmt).date()
    except ValueError:
        raise DataFileError(f"not a date: {value!r}", source=where, line=line) from None


def _actor_code(value: Any, field_name: str, where: str, line: int | None) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ACTOR_CODE.match(value.strip()):
        raise DataFileError(f"{field_name}: {value!r} is not an actor code (e.g. RUS, RUSMIL, IGONATO) or null",
                            source=where, line=line)
    return value.strip()


def _types(value: Any, where: str, line: int, context: str) -> tuple[str, ...]:
    raw = [value] if isinstance(value, str) else value
    if not isinstance(raw, list) or not raw or not all(isinstance(t, str) for t in raw):
        raise DataFileError(f"{context}: 'type' must be a PLOVER type or a non-empty list of types",
                            source=where, line=line)
    out: list[str] = []
    for t in raw:
        name = t.strip().upper()
        if name not in PLOVER_TYPES:
            raise DataFileError(f"{context}: unknown PLOVER type {t!r}", source=where, line=line)
        if name not in out:
            out.append(name)
    return tuple(out)


def _tocsin_event(raw: Any, where: str, line: int, context: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise DataFileError(f"{context}: an event must be a JSON object", source=where, line=line)
    if "type" not in raw:
        raise DataFileError(f"{context}: missing 'type'", source=where, line=line)
    negated = raw.get("negated")
    if negated is not None and not isinstance(negated, bool):
        raise DataFileError(f"{context}: 'negated' must be true, false or null", source=where, line=line)
    modality = raw.get("modality")
    if modality is not None and modality not in MODALITIES:
        raise DataFileError(f"{context}: unknown modality {modality!r} (expected one of "
                            f"{', '.join(sorted(MODALITIES))})", source=where, line=line)
    attribution = raw.get("attribution")
    if attribution is not None and not isinstance(attribution, str):
        raise DataFileError(f"{context}: 'attribution' must be a string or null", source=where, line=line)
    return GoldEvent(
        types=_types(raw["type"], where, line, context),
        source=_actor_code(raw.get("source"), f"{context}: source", where, line),
        target=_actor_code(raw.get("target"), f"{context}: target", where, line),
        negated=negated, modality=modality, attribution=attribution,
    )


def read_tocsin_jsonl(path: Path | str) -> list[GoldItem]:
    """Read a tocsin gold JSONL file (format: docs/evaluation.md)."""
    path = Path(path)
    where = str(path)
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8: {exc}", source=where) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=where, line=number) from None
        if not isinstance(raw, dict):
            raise DataFileError("a gold line must be a JSON object", source=where, line=number)
        for key in ("id", "text", "language"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise DataFileError(f"missing or empty {key!r}", source=where, line=number)
        item_id = raw["id"]
        if item_id in seen:
            raise DataFileError(f"duplicate id {item_id!r} (first on line {seen[item_id]})", source=where, line=number)
        seen[item_id] = number
        split = raw.get("split", "dev")
        if split not in ("dev", "test"):
            raise DataFileError(f"split must be 'dev' or 'test', not {split!r}", source=where, line=number)
        events_raw = raw.get("events")
        if not isinstance(events_raw, list):
            raise DataFileError("'events' must be a list (empty for a text with no event)", source=where, line=number)
        acceptable_raw = raw.get("acceptable") or []
        if not isinstance(acceptable_raw, list):
            raise DataFileError("'acceptable' must be a list", source=where, line=number)
        tags = raw.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise DataFileError("'tags' must be a list of strings", source=where, line=number)
        items.append(GoldItem(
            id=item_id,
            language=raw["language"].strip().lower(),
            published=_parse_date(raw.get("published"), where, number),
            text=raw["text"],
            split=split,
            tags=tuple(tags),
            events=[_tocsin_event(e, where, number, f"events[{i}]") for i, e in enumerate(events_raw)],
            acceptable=[_tocsin_event(e, where, number, f"acceptable[{i}]") for i, e in enumerate(acceptable_raw)],
            source_format="tocsin-jsonl",
            origin=f"{where}:{number}",
        ))
    return items


# ---------------------------------------------------------------------------- PETRARCH XML

_FORBIDDEN_XML = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _safe_xml_root(path: Path) -> tuple[ET.Element, str]:
    """Parse an XML file, refusing any DTD or entity declaration (no entity expansion)."""
    data = path.read_bytes()
    found = _FORBIDDEN_XML.search(data)
    if found:
        line = data.count(b"\n", 0, found.start()) + 1
        raise DataFileError("XML with a DTD or entity declaration is refused", source=str(path), line=line)
    parser = ET.XMLParser()
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise DataFileError(f"malformed XML: {exc}", source=str(path), line=line) from None
    return root, data.decode("utf-8", errors="replace")


def _line_of(raw: str, needle: str) -> int | None:
    pos = raw.find(needle)
    return raw.count("\n", 0, pos) + 1 if pos >= 0 else None


def _cameo_root(code: str) -> str | None:
    """The CAMEO root (``"01"``–``"20"``) of a code, or None for codes outside them."""
    code = code.strip()
    if len(code) < 2 or not code[:2].isdigit():
        return None
    root = int(code[:2])
    return f"{root:02d}" if 1 <= root <= 20 else None


def _petrarch_actor(code: str | None) -> str | None:
    if code is None:
        return None
    code = code.strip().upper()
    return code or None


def read_petrarch_xml(path: Path | str) -> list[GoldItem]:
    """Read PETRARCH validation records: one item per ``<Sentence>``.

    Events with codes outside CAMEO roots 01–20 (PETRARCH's test-only codes) are
    not scored: they are counted in ``skipped_events`` and kept as ``acceptable``
    entries of any type, so that a prediction for the same dyad is not a false positive.
    """
    path = Path(path)
    where = str(path)
    root, raw = _safe_xml_root(path)
    items: list[GoldItem] = []
    for sentence in root.iter("Sentence"):
        sid = sentence.get("id")
        line = _line_of(raw, f'id="{sid}"') if sid else None
        if not sid:
            raise DataFileError("<Sentence> without an id", source=where)
        text_el = sentence.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            raise DataFileError(f"sentence {sid}: no <Text>", source=where, line=line)
        text = " ".join((text_el.text or "").split())
        events: list[GoldEvent] = []
        acceptable: list[GoldEvent] = []
        skipped = 0
        tags: list[str] = []
        if sentence.get("category"):
            tags.append(sentence.get("category", ""))
        for coding in sentence.findall("EventCoding"):
            if coding.get("noevents") is not None:
                continue
            if coding.get("error") is not None:
                tags.append(f"error:{coding.get('error')}")
                continue
            eventcode = coding.get("eventcode")
            if eventcode is None:
                raise DataFileError(f"sentence {sid}: <EventCoding> without eventcode, noevents or error",
                                    source=where, line=line)
            source = _petrarch_actor(coding.get("sourcecode"))
            target = _petrarch_actor(coding.get("targetcode"))
            cameo_root = _cameo_root(eventcode)
            if cameo_root is None:
                skipped += 1
                acceptable.append(GoldEvent(types=(), source=source, target=target))
                continue
            events.append(GoldEvent(types=(), source=source, target=target, cameo_root=cameo_root))
        items.append(GoldItem(
            id=sid, language="en",
            published=_parse_date(sentence.get("date"), where, line, fmt="%Y%m%d"),
            text=text, split="dev", tags=tuple(tags), events=events, acceptable=acceptable,
            source_format="petrarch-xml", origin=f"{where}:{line}" if line else f"{where}#{sid}",
            skipped_events=skipped,
        ))
    if not items:
        raise DataFileError("no <Sentence> records in this XML file", source=where)
    return items


# ---------------------------------------------------------------------------- PLOVER GSR


def _gsr_actors(value: Any, where: str, rid: str) -> list[str | None]:
    """Actor codes of one GSR slot: a list of {actorText, code, sector}; empty → [None]."""
    if not isinstance(value, list) or not value:
        return [None]
    out: list[str | None] = []
    for actor in value:
        if not isinstance(actor, dict):
            raise DataFileError(f"record {rid}: an actor must be a JSON object", source=where)
        code = str(actor.get("code") or "").strip().upper()
        if not code:
            out.append(None)
            continue
        code = GSR_COUNTRY_MAP.get(code, code)
        sector = str(actor.get("sector") or "").strip()[:3].upper()
        if code in ("IGO", "NGO", "IMG"):
            out.append(code)  # organisation without an acronym: any of that kind matches
        elif sector.isalpha() and len(sector) == 3:
            out.append(code + sector)
        else:
            out.append(code)
    return out or [None]


def read_plover_gsr(path: Path | str) -> list[GoldItem]:
    """Read the PLOVER gold-standard records (a JSON list; ``DOCUMENT`` records skipped).

    Records with the same text are merged into one item. A record with several
    sources or targets gives one event per source × target pair. PLOVER 0.5b1 labels
    are mapped by :data:`GSR_TYPE_MAP`.
    """
    path = Path(path)
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"invalid JSON: {exc.msg}", source=where, line=exc.lineno) from None
    if not isinstance(data, list):
        raise DataFileError("a PLOVER gold-standard file must be a JSON list of records", source=where)
    by_text: dict[str, dict[str, Any]] = {}
    for index, record in enumerate(data):
        if not isinstance(record, dict):
            raise DataFileError(f"record {index}: not a JSON object", source=where)
        label = str(record.get("event") or "").strip().upper()
        if label == "DOCUMENT":
            continue
        rid = str(record.get("id") or f"record-{index}")
        plover = GSR_TYPE_MAP.get(label, label)
        if plover not in PLOVER_TYPES:
            raise DataFileError(f"record {rid}: unknown event label {label!r}", source=where)
        text = " ".join(str(record.get("text") or "").split())
        if not text:
            raise DataFileError(f"record {rid}: no text", source=where)
        entry = by_text.setdefault(text, {
            "id": rid, "published": _parse_date(record.get("date"), where, None),
            "language": str(record.get("language") or "en").lower(), "events": [], "tags": [],
        })
        if label != plover:
            entry["tags"].append(f"plover-0.5b1:{label}")
        sources = _gsr_actors(record.get("source"), where, rid)
        targets = _gsr_actors(record.get("target"), where, rid)
        if plover in SYMMETRIC_TYPES and targets == [None] and len(sources) > 1:
            # "Hungarian and Romanian officials agreed": the sources act with each other
            pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
        else:
            pairs = [(a, b) for a in sources for b in targets]
        for source, target in pairs:
            if source is not None and source == target:
                continue
            entry["events"].append(GoldEvent(types=(plover,), source=source, target=target))
    return [
        GoldItem(id=e["id"], language=e["language"], published=e["published"], text=text, split="dev",
                 tags=tuple(dict.fromkeys(e["tags"])), events=_dedupe(e["events"]),
                 source_format="plover-gsr", origin=f"{where}#{e['id']}")
        for text, e in by_text.items()
    ]


def _dedupe(events: Sequence[GoldEvent]) -> list[GoldEvent]:
    return list(dict.fromkeys(events))
