"""GDELT 2.0 event exports (``YYYYMMDDHHMMSS.export.CSV``, optionally zipped).

Tab-separated, no header, 61 columns (GDELT 2.0 Event Codebook). Each row
becomes one event and one pseudo-article (the row's ``SOURCEURL``): the CAMEO
``EventCode`` is mapped to PLOVER through tocsin's ontology, actor codes give
country and sector, ``ActionGeo`` gives the location (its country is a FIPS
code, so ``location.country`` stays empty), and the origin ``file:line`` is kept
on the article. Rows whose CAMEO code has no PLOVER type (01x statements) are
counted as unmapped and left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tocsin.importers.common import RowError, coded_actor, outlet_of, parse_day, parse_float
from tocsin.importers.files import MAX_LINE, open_lines
from tocsin.importers.records import ImportedRow, ImportReport
from tocsin.ontology import load_ontology
from tocsin.records import Article, Event, InputProblem, Location

#: Coder name on imported GDELT events.
CODER = "gdelt.events.v2"

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
_I = {name: i for i, name in enumerate(COLUMNS)}
assert len(COLUMNS) == 61


class _Unmapped(Exception):
    pass


def parse_row(cells: list[str], *, origin: str) -> ImportedRow:
    """One row's cells as tocsin records; ``RowError`` names the field at fault."""
    if len(cells) != len(COLUMNS):
        raise RowError(f"expected {len(COLUMNS)} tab-separated columns, found {len(cells)}")
    ontology = load_ontology()
    event_id = cells[_I["GLOBALEVENTID"]].strip()
    if not event_id.isdigit():
        raise RowError(f"GLOBALEVENTID: {event_id!r} is not a number")
    day = parse_day(cells[_I["SQLDATE"]], "SQLDATE")
    code = cells[_I["EventCode"]].strip()
    if not ontology.is_cameo(code):
        raise RowError(f"EventCode: {code!r} is not a CAMEO code")
    code = ontology.normalise_code(code)
    mapped = ontology.plover_for_cameo(code)
    if mapped is None:
        raise _Unmapped(code)
    quad_cell = cells[_I["QuadClass"]].strip()
    if quad_cell not in ("1", "2", "3", "4"):
        raise RowError(f"QuadClass: {quad_cell!r} is not 1, 2, 3 or 4")
    goldstein = parse_float(cells[_I["GoldsteinScale"]], "GoldsteinScale", optional=True)
    if goldstein is None:
        goldstein = ontology.goldstein(code)
    url = cells[_I["SOURCEURL"]].strip() or None
    added = cells[_I["DATEADDED"]].strip()
    published = parse_day(added[:8], "DATEADDED") if added else day

    def actor(n: int):  # noqa: ANN202 - local helper
        p = f"Actor{n}"
        return coded_actor(cells[_I[p + "Code"]], cells[_I[p + "Name"]],
                           cells[_I[p + "CountryCode"]], cells[_I[p + "Type1Code"]])

    place = cells[_I["ActionGeo_FullName"]].strip()
    location = None
    if place:
        location = Location(
            text=place, country=None, name=place,
            lat=parse_float(cells[_I["ActionGeo_Lat"]], "ActionGeo_Lat", optional=True),
            lon=parse_float(cells[_I["ActionGeo_Long"]], "ActionGeo_Long", optional=True),
        )
    article_id = f"gdelt-{event_id}"
    article = Article(id=article_id, text="", title=None, published=published, url=url,
                      language="en", outlet=outlet_of(url), origin=origin)
    event = Event(
        event_id=article_id, article_id=article_id, sentence_index=0, sentence="",
        trigger=ontology.cameo_name(code) or code, trigger_span=(0, 0),
        type=mapped.type, mode=mapped.mode, context=list(mapped.context), cameo=code,
        quad_class=int(quad_cell), goldstein=float(goldstein),
        source=actor(1), target=actor(2), date=day, date_precision="day",
        date_text=cells[_I["SQLDATE"]].strip(), location=location, language="en",
        confidence=0.5, coder=CODER, pattern=f"gdelt.cameo.{code}",
    )
    return ImportedRow(article, (event,))


def read_gdelt(path: Path, report: ImportReport) -> Iterator[ImportedRow]:
    """The rows of one GDELT 2.0 export; bad rows go to ``report`` with their line."""
    label_of, label = "", ""
    for where, line, text in open_lines(path):
        if text is None:
            report.rows += 1
            report.add_problem(InputProblem(where, f"line longer than {MAX_LINE:,} characters",
                                            RowError.code, line=line))
            continue
        if not text.strip():
            continue
        cells = text.split("\t")
        if line == 1 and cells[0].strip().upper() == "GLOBALEVENTID":
            continue  # a header row some tools add
        report.rows += 1
        if where != label_of:
            label_of, label = where, Path(where).name
        try:
            yield parse_row(cells, origin=f"{label}:{line}")
        except _Unmapped:
            report.unmapped += 1
        except RowError as exc:
            report.add_problem(InputProblem(where, exc.message, exc.code, line=line))
