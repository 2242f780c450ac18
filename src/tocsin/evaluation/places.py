"""Scoring place resolution on labelled place mentions (``data/places/gold.jsonl``).

Each gold line is one text with the place names it contains::

    {"id": "places-fr-001", "language": "fr", "text": "…de Kharkiv.",
     "mentions": [{"text": "Kharkiv", "name": "Kharkiv", "country": "UKR",
                   "geonames_id": 706483, "role": "location", "tags": []}]}

``role`` is ``actor`` (subject or object: "Moscou a expulsé"), ``location``
(a place complement: "à Varsovie", "de Kharkiv"), ``other``, or null for a
dateline. The text is parsed with the language's spaCy pipeline; place names
are found and resolved exactly as the coder does (gazetteer n-grams, the
dateline, the article's actor countries as context, population as prior).

Scores, over all gold mentions (a mention not found counts as wrong):

* ``exact``: the chosen place is the gold place (same GeoNames id, or same
  name, kind and country for a region without id);
* ``country``: the chosen place lies in the gold country;
* ``found``: the mention was detected at all;
* ``role``: actor/location/other agrees (over found mentions with a role).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tocsin.errors import MalformedRecordError
from tocsin.places import (
    Gazetteer,
    Place,
    PlaceContext,
    choose,
    find_dateline,
    find_places,
    load_gazetteer,
    nearby_countries,
    place_key,
    place_role,
)


@dataclass(frozen=True, slots=True)
class GoldPlace:
    text: str
    name: str
    country: str
    geonames_id: int | None
    role: str | None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldText:
    id: str
    language: str
    text: str
    mentions: tuple[GoldPlace, ...]
    #: ``dev`` (used while writing the rules) or ``test`` (written after, scored as is)
    split: str = "dev"


@dataclass(frozen=True, slots=True)
class PlaceOutcome:
    """One gold mention and what the resolver made of it."""

    item_id: str
    language: str
    gold: GoldPlace
    found: bool
    predicted: Place | None
    role: str | None
    split: str = "dev"

    @property
    def exact(self) -> bool:
        p, g = self.predicted, self.gold
        if p is None:
            return False
        if g.geonames_id is not None:
            return p.geonames_id == g.geonames_id
        return p.name == g.name and p.country == g.country

    @property
    def country_ok(self) -> bool:
        return self.predicted is not None and self.predicted.country == self.gold.country


@dataclass
class Tally:
    n: int = 0
    found: int = 0
    exact: int = 0
    country: int = 0
    role_n: int = 0
    role_ok: int = 0

    def add(self, o: PlaceOutcome) -> None:
        self.n += 1
        self.found += o.found
        self.exact += o.exact
        self.country += o.country_ok
        if o.found and o.gold.role is not None:
            self.role_n += 1
            self.role_ok += o.role == o.gold.role

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {"mentions": self.n, "found": ratio(self.found, self.n), "exact": ratio(self.exact, self.n),
                "country": ratio(self.country, self.n), "role": ratio(self.role_ok, self.role_n),
                "role_n": self.role_n}


@dataclass
class PlaceReport:
    outcomes: list[PlaceOutcome] = field(default_factory=list)

    def tally(self, keep: Callable[[PlaceOutcome], bool] = lambda o: True) -> Tally:
        t = Tally()
        for o in self.outcomes:
            if keep(o):
                t.add(o)
        return t

    def as_dict(self) -> dict[str, Any]:
        tags = sorted({t for o in self.outcomes for t in o.gold.tags})
        languages = sorted({o.language for o in self.outcomes})
        splits = sorted({o.split for o in self.outcomes})
        return {
            "overall": self.tally().as_dict(),
            "by_split": {split: self.tally(lambda o, split=split: o.split == split).as_dict() for split in splits},
            "by_language": {lang: self.tally(lambda o, lang=lang: o.language == lang).as_dict() for lang in languages},
            "by_tag": {tag: self.tally(lambda o, tag=tag: tag in o.gold.tags).as_dict() for tag in tags},
            "errors": [
                {"id": o.item_id, "split": o.split, "text": o.gold.text, "gold": f"{o.gold.name} ({o.gold.country})",
                 "predicted": f"{o.predicted.name} ({o.predicted.country})" if o.predicted else None,
                 "found": o.found, "gold_role": o.gold.role, "role": o.role}
                for o in self.outcomes if not o.exact or (o.gold.role and o.found and o.role != o.gold.role)
            ],
        }


def read_place_gold(path: Path) -> list[GoldText]:
    """Read a gold file; a bad line raises an error naming the file, line and field."""
    items: list[GoldText] = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                mentions = tuple(
                    GoldPlace(text=m["text"], name=m["name"], country=m["country"],
                              geonames_id=m.get("geonames_id"), role=m.get("role"), tags=tuple(m.get("tags") or ()))
                    for m in raw["mentions"])
                item = GoldText(id=str(raw["id"]), language=raw["language"], text=raw["text"], mentions=mentions,
                                split=str(raw.get("split", "dev")))
            except json.JSONDecodeError as exc:
                raise MalformedRecordError(f"not JSON: {exc.msg}", source=str(path), line=number) from exc
            except (KeyError, TypeError) as exc:
                raise MalformedRecordError(f"missing or bad field {exc}", source=str(path), line=number) from exc
            for m in mentions:
                if m.text not in item.text:
                    raise MalformedRecordError(f"mention {m.text!r} is not in the text", source=str(path), line=number)
            items.append(item)
    return items


def _covers(found_key: str, gold_key: str) -> bool:
    return found_key == gold_key or f" {gold_key} " in f" {found_key} "


def evaluate_places(items: Iterable[GoldText], gazetteer: Gazetteer | None = None,
                    on_item: Callable[[GoldText], None] | None = None) -> PlaceReport:
    """Find and resolve the places of every gold text and compare them with the gold."""
    from tocsin.actors import Resolver, load_knowledge_base
    from tocsin.nlp import Pipelines

    gaz = gazetteer or load_gazetteer()
    resolver = Resolver(load_knowledge_base())
    pipelines = Pipelines()
    report = PlaceReport()
    for item in items:
        doc = next(iter(pipelines.pipe(item.language, [item.text])))
        dateline = find_dateline(item.text, gaz)
        counts: dict[str, int] = {}
        for mention in resolver.find_mentions(item.text, lang=item.language):
            if mention.actor.country:
                counts[mention.actor.country] = counts.get(mention.actor.country, 0) + 1
        context = PlaceContext(dateline_country=dateline.place.country if dateline else None,
                               countries=tuple(sorted(counts, key=lambda c: -counts[c])))
        found: list[tuple[str, Place | None, str]] = []
        whole = doc[:]  # one span, as the coder sees a sentence
        mentions = find_places(whole, gaz)
        for mention, nearby in zip(mentions, nearby_countries(mentions), strict=True):
            if dateline is not None and mention.start == 0 and place_key(mention.text) == place_key(dateline.text):
                continue  # the dateline is scored from find_dateline
            place = choose(mention, replace(context, nearby=nearby))
            found.append((place_key(mention.text), place, place_role(mention, whole)))
        used: set[int] = set()
        for gold in item.mentions:
            key = place_key(gold.text)
            if "dateline" in gold.tags:
                ok = dateline is not None and place_key(dateline.text) == key
                report.outcomes.append(PlaceOutcome(item.id, item.language, gold, ok,
                                                    dateline.place if ok and dateline else None, None, item.split))
                continue
            pos = next((k for k, (fk, _, _) in enumerate(found) if k not in used and _covers(fk, key)), None)
            if pos is None:
                report.outcomes.append(PlaceOutcome(item.id, item.language, gold, False, None, None, item.split))
                continue
            used.add(pos)
            _, place, role = found[pos]
            report.outcomes.append(PlaceOutcome(item.id, item.language, gold, True, place, role, item.split))
        if on_item is not None:
            on_item(item)
    return report
