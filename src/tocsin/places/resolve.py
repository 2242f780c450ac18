"""Choosing one place for a name, with the article's context.

A name often fits several places (Paris, France and Paris, Texas; Moscow,
Russia and Moscow, Idaho). The choice scores each candidate:

* the prior: ``log10(population)``, +1.5 for a national capital; a country named
  by the text always wins over towns of the same name ("Georgia", "Mexico");
  regions of :file:`regions.tsv` count as a large place (a million people), ISO
  3166-2 regions as a village (a thousand), so that a town wins over a region
  of the same name unless a region word says otherwise;
* the context: +3 when the candidate lies in the dateline's country, +3 when it
  lies in a country of the event's or the article's actors, +2 when another place
  of the sentence lies in that country, +0.5 when the text is the place's main
  name rather than an alternate one;
* a qualifier in the text (", Texas", ", Idaho", ", France") keeps only the
  candidates inside it; a region word ("région de", "oblast", "region")
  prefers a region, else gives the city's region at ``admin1`` precision.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tocsin.places.gazetteer import Place, inside, place_key
from tocsin.places.match import PlaceMention
from tocsin.records import Location

#: prior of a region without population: curated regions (regions.tsv) and ISO 3166-2 ones
_REGION_PRIOR = {True: 6.0, False: 3.0}


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What an article tells about where it happens."""

    #: country of the dateline's place (ISO alpha-3)
    dateline_country: str | None = None
    #: countries of the actors of the event, then of the article (most salient first)
    countries: tuple[str, ...] = ()
    #: countries of the other places named in the same sentence ("Tripoli, dans le nord du Liban")
    nearby: tuple[str, ...] = ()


def score(place: Place, key: str, context: PlaceContext) -> float:
    if place.kind == "country":
        value = 100.0
    elif place.kind == "admin1":
        value = _REGION_PRIOR[place.lat is not None]
    else:
        value = math.log10(place.population + 1) + (1.5 if place.capital else 0.0)
    if context.dateline_country and place.country == context.dateline_country:
        value += 3.0
    if place.country in context.countries:
        value += 3.0
    if place.country in context.nearby:
        value += 2.0
    if place_key(place.name) == key:
        value += 0.5
    return value


def choose(mention: PlaceMention, context: PlaceContext) -> Place | None:
    """The most likely place for ``mention``."""
    candidates: Iterable[Place] = mention.candidates
    if mention.qualifier:
        inside = [p for p in candidates if _inside(p, mention.qualifier)]
        candidates = inside or candidates
    pool = list(candidates)
    if not pool:
        return None
    if mention.region:
        regions = [p for p in pool if p.kind == "admin1"]
        pool = regions or pool
    elif any(p.kind == "country" for p in pool):
        # "Cisjordanie": a region's name that is also an alias of its country names the region
        countries = {p.country for p in pool if p.kind == "country"}
        regions = [p for p in pool if p.kind == "admin1" and p.country in countries and p.lat is not None]
        if regions:
            pool = regions
    key = place_key(mention.text)
    return max(pool, key=lambda p: score(p, key, context))


def nearby_countries(mentions: Sequence[PlaceMention]) -> list[tuple[str, ...]]:
    """For each mention, the countries of the other mentions of its sentence that name
    places of one country only ("Tripoli, dans le nord du Liban" → LBN for Tripoli)."""
    sure = [m.candidates[0].country if len({p.country for p in m.candidates}) == 1 else None for m in mentions]
    return [tuple(c for j, c in enumerate(sure) if j != i and c is not None) for i in range(len(mentions))]


def _inside(place: Place, regions: tuple[Place, ...]) -> bool:
    return any(inside(place, region) for region in regions)


def to_location(place: Place, text: str, region: bool = False) -> Location:
    """The event record's location for ``place``, named in the text as ``text``."""
    precision = place.kind
    if region and place.kind == "place":
        # "la région de Kharkiv" without a region entry: the city's region, located at the city
        return Location(text=text, country=place.country, name=f"{place.name} region", lat=place.lat,
                        lon=place.lon, admin1=place.admin1, geonames_id=None, precision="admin1")
    return Location(text=text, country=place.country, name=place.name, lat=place.lat, lon=place.lon,
                    admin1=place.admin1, geonames_id=place.geonames_id, precision=precision)
