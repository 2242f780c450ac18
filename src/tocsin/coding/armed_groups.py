"""Transnational armed groups placed where they fight.

The organisations table codes groups with no home country as ``IMG…`` ("l'État islamique",
"le JNIM", "l'Iswap"). The annotation guideline codes non-state armed groups as the rebels
(``REB``) of a country, and the gold places a transnational group in the country where it
acts: "des jihadistes de l'Iswap dans l'État de Borno" → ``NGAREB``, "le JNIM a attaqué un
poste de l'armée burkinabè à Djibo" → ``BFAREB``. An event's ``IMG`` group becomes the
rebels of the event's place, else of the state or people it acts on (or that act on it);
with neither, it keeps its organisation code.
"""

from __future__ import annotations

from tocsin.records import Actor, Location

#: prefix of the codes of armed groups with no home country
_UNPLACED_GROUP = "IMG"
#: sectors of the other side that tie the group to that side's country
_LOCAL_SECTORS = frozenset({None, "GOV", "MIL", "COP", "CVL", "JUD", "LEG", "OPP", "MED"})


def _unplaced_group(actor: Actor | None) -> bool:
    return (actor is not None and actor.code is not None and actor.code.startswith(_UNPLACED_GROUP)
            and actor.country is None)


def _country_of(location: Location | None, other: Actor | None) -> str | None:
    """The event's place country, else the other side's when it is a state or its people."""
    if location is not None and location.country:
        return location.country
    if other is not None and other.country and other.sector in _LOCAL_SECTORS:
        return other.country
    return None


def _as_rebels(group: Actor, country: str) -> Actor:
    return Actor(text=group.text, code=country + "REB", country=country, sector="REB",
                 name=group.name, entity_id=group.entity_id)


def place_armed_groups(pairs: list[tuple[Actor | None, Actor | None]],
                       location: Location | None) -> list[tuple[Actor | None, Actor | None]]:
    """The (source, target) pairs with each unplaced armed group made the rebels of its country."""
    placed: list[tuple[Actor | None, Actor | None]] = []
    for source, target in pairs:
        if source is not None and _unplaced_group(source):
            country = _country_of(location, target)
            if country is not None:
                source = _as_rebels(source, country)
        if target is not None and _unplaced_group(target):
            country = _country_of(location, source)
            if country is not None:
                target = _as_rebels(target, country)
        placed.append((source, target))
    return placed
