"""ICEWS coded event data (the Dataverse ``events.YYYY.….tab`` files).

Tab-separated with a header row. Read columns: ``Event ID``, ``Event Date``,
``Source Name``, ``Source Sectors``, ``Source Country``, ``Event Text``,
``CAMEO Code``, ``Target Name``, ``Target Sectors``, ``Target Country``,
``Story ID``, ``Sentence Number``, ``Publisher``, ``City``, ``Country``,
``Latitude``, ``Longitude`` (extra columns are ignored). Country names map to
ISO codes through tocsin's country table; the first recognised word of the
sector list gives the sector. The Goldstein value comes from the CAMEO code.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tocsin.importers.common import RowError, parse_float
from tocsin.importers.records import ImportedRow, ImportReport
from tocsin.importers.tabular import country_code, event_id_and_day, rows, sector_code
from tocsin.ontology import load_ontology
from tocsin.records import Actor, Article, Event, InputProblem, Location

CODER = "icews.events.v1"
REQUIRED = ("Event ID", "Event Date", "Source Name", "Source Country", "CAMEO Code",
            "Target Name", "Target Country")


def _actor(name: str, country_name: str, sectors: str) -> Actor | None:
    if not name:
        return None
    country = country_code(country_name)
    sector = sector_code(sectors)
    if country is None and country_code(name):
        country = country_code(name)
    code = (country or "") + (sector or "") or None
    return Actor(text=name, code=code, country=country, sector=sector, name=name, entity_id=None)


def read_icews(path: Path, report: ImportReport) -> Iterator[ImportedRow]:
    ontology = load_ontology()
    for where, line, h, cells in rows(path, REQUIRED):
        report.rows += 1
        try:
            event_id, day = event_id_and_day(h, cells)
            code = h.get(cells, "CAMEO Code")
            if not ontology.is_cameo(code):
                raise RowError(f"CAMEO Code: {code!r} is not a CAMEO code")
            code = ontology.normalise_code(code)
            mapped = ontology.plover_for_cameo(code)
            if mapped is None:
                report.unmapped += 1
                continue
            place = h.get(cells, "City") or h.get(cells, "Province") or h.get(cells, "Country")
            location = None
            if place:
                location = Location(
                    text=place, country=country_code(h.get(cells, "Country")), name=place,
                    lat=parse_float(h.get(cells, "Latitude"), "Latitude", optional=True),
                    lon=parse_float(h.get(cells, "Longitude"), "Longitude", optional=True),
                )
            story = h.get(cells, "Story ID") or event_id
            article_id = f"icews-{event_id}"
            text = h.get(cells, "Event Text")
            sentence_no = h.get(cells, "Sentence Number")
            article = Article(id=article_id, text="", title=None, published=day, url=None,
                              language="en", outlet=h.get(cells, "Publisher") or None,
                              origin=f"{Path(where).name}:{line} story {story}")
            event = Event(
                event_id=article_id, article_id=article_id,
                sentence_index=int(sentence_no) if sentence_no.isdigit() else 0,
                sentence="", trigger=text or (ontology.cameo_name(code) or code),
                trigger_span=(0, 0), type=mapped.type, mode=mapped.mode,
                context=list(mapped.context), cameo=code, quad_class=ontology.quad_class(code),
                goldstein=ontology.goldstein(code),
                source=_actor(h.get(cells, "Source Name"), h.get(cells, "Source Country"),
                              h.get(cells, "Source Sectors")),
                target=_actor(h.get(cells, "Target Name"), h.get(cells, "Target Country"),
                              h.get(cells, "Target Sectors")),
                date=day, date_precision="day", date_text=h.get(cells, "Event Date"),
                location=location, language="en", confidence=0.5, coder=CODER,
                pattern=f"icews.cameo.{code}",
            )
            yield ImportedRow(article, (event,))
        except RowError as exc:
            report.add_problem(InputProblem(where, exc.message, exc.code, line=line))
