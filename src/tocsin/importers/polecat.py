"""POLECAT weekly event files (PLOVER-coded, tab-separated with a header row).

Read columns: ``Event ID``, ``Event Date``, ``Event Type``, ``Event Mode``,
``Contexts``, ``Actor Name``, ``Actor Country``, ``Primary Actor Sector``,
``Recipient Name``, ``Recipient Country``, ``Primary Recipient Sector``,
``Placename``, ``Latitude``, ``Longitude``, ``Source``, ``Language``. Types are
PLOVER already; the CAMEO code is the ontology's representative code for the
type and mode, and the Goldstein value that code's. Compound actors (several
names/countries separated by ``;``) are expanded to one event per
(actor, recipient) pair, ids suffixed ``-1``, ``-2``….
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product
from pathlib import Path

from tocsin.importers.common import RowError, parse_float
from tocsin.importers.records import ImportedRow, ImportReport
from tocsin.importers.tabular import country_code, event_id_and_day, rows, sector_code
from tocsin.ontology import load_ontology
from tocsin.records import Actor, Article, Event, InputProblem, Location

CODER = "polecat.events.v1"
REQUIRED = ("Event ID", "Event Date", "Event Type", "Actor Name", "Actor Country",
            "Recipient Name", "Recipient Country")


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";")]


def _actors(names: str, countries: str, sectors: str) -> list[Actor | None]:
    name_list, country_list, sector_list = _split(names), _split(countries), _split(sectors)
    if not names:
        return [None]
    out: list[Actor | None] = []
    for i, name in enumerate(name_list):
        country_cell = country_list[i] if i < len(country_list) else ""
        country = country_code(country_cell)
        sector = sector_code(sector_list[i] if i < len(sector_list) else "")
        code = (country or "") + (sector or "") or None
        out.append(Actor(text=name, code=code, country=country, sector=sector, name=name,
                         entity_id=None))
    return out


def read_polecat(path: Path, report: ImportReport) -> Iterator[ImportedRow]:
    ontology = load_ontology()
    for where, line, h, cells in rows(path, REQUIRED):
        report.rows += 1
        try:
            event_id, day = event_id_and_day(h, cells)
            plover = h.get(cells, "Event Type").upper()
            if plover not in ontology.type_table:
                raise RowError(f"Event Type: {plover!r} is not a PLOVER type")
            mode = h.get(cells, "Event Mode").lower() or None
            if mode is not None and mode not in ontology.modes(plover):
                mode = None
            code = ontology.cameo_for_plover(plover, mode)
            contexts = [c.strip() for c in h.get(cells, "Contexts").replace(";", ",").split(",")
                        if c.strip()]
            place = h.get(cells, "Placename")
            location = None
            if place:
                location = Location(
                    text=place, country=country_code(h.get(cells, "Country")), name=place,
                    lat=parse_float(h.get(cells, "Latitude"), "Latitude", optional=True),
                    lon=parse_float(h.get(cells, "Longitude"), "Longitude", optional=True),
                )
            sources = _actors(h.get(cells, "Actor Name"), h.get(cells, "Actor Country"),
                              h.get(cells, "Primary Actor Sector"))
            targets = _actors(h.get(cells, "Recipient Name"), h.get(cells, "Recipient Country"),
                              h.get(cells, "Primary Recipient Sector"))
            article_id = f"polecat-{event_id}"
            language = (h.get(cells, "Language") or "en").lower()[:2]
            article = Article(id=article_id, text="", title=None, published=day, url=None,
                              language=language, outlet=h.get(cells, "Source") or None,
                              origin=f"{Path(where).name}:{line}")
            pairs = list(product(sources, targets))
            events = []
            for n, (src, tgt) in enumerate(pairs, start=1):
                eid = article_id if len(pairs) == 1 else f"{article_id}-{n}"
                events.append(Event(
                    event_id=eid, article_id=article_id, sentence_index=0, sentence="",
                    trigger=plover.lower(), trigger_span=(0, 0), type=plover, mode=mode,
                    context=contexts, cameo=code, quad_class=ontology.type_info(plover).quad_class,
                    goldstein=ontology.goldstein(code), source=src, target=tgt, date=day,
                    date_precision="day", date_text=h.get(cells, "Event Date"),
                    location=location, language=language, confidence=0.5, coder=CODER,
                    pattern=f"polecat.{plover.lower()}",
                ))
            yield ImportedRow(article, tuple(events))
        except RowError as exc:
            report.add_problem(InputProblem(where, exc.message, exc.code, line=line))
