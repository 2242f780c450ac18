"""Armed groups the text ties to no country, made the rebels of the country where they act.

The annotation guideline codes non-state armed groups as the rebels (``REB``) of a country
(:func:`rebels_of`). Two kinds of group come with none:

- transnational groups, which the organisations table codes ``IMG…`` with no home country
  ("l'État islamique", "le JNIM", "l'Iswap"). The gold places such a group in the country where
  it acts: "des jihadistes de l'Iswap dans l'État de Borno" → ``NGAREB``, "le JNIM a attaqué un
  poste de l'armée burkinabè à Djibo" → ``BFAREB``. An event's ``IMG`` group becomes the rebels
  of the event's place, else of the state or people it acts on (or that act on it); with
  neither, it keeps its organisation code (:func:`place_armed_groups`);
- armed groups the resolver reads as such but places nowhere ("les jihadistes", "des hommes
  armés"), striking or taking a place: the rebels of that place's country, acting against the
  state that holds it (:func:`local_armed_group`); and rebels an act falls on at a known place
  ("bombed rebel-held areas of Idlib", "shelled rebel positions near Goma"): the rebels of that
  place's country (:func:`place_armed_groups`).
"""

from __future__ import annotations

from tocsin.records import Actor, Location

#: prefix of the codes of armed groups with no home country
_UNPLACED_GROUP = "IMG"
#: sectors of the other side that tie the group to that side's country
_LOCAL_SECTORS = frozenset({None, "GOV", "MIL", "COP", "CVL", "JUD", "LEG", "OPP", "MED"})


def rebels_of(group: Actor, country: str) -> Actor:
    """The armed group ``group`` as the rebels of ``country``, as written and with its name."""
    return Actor(text=group.text, code=country + "REB", country=country, sector="REB",
                 name=group.name, entity_id=group.entity_id)


def local_armed_group(source: Actor | None, target: Actor | None) -> tuple[Actor | None, Actor | None]:
    """"Les jihadistes se sont emparés de la ville de Djibo", "Des hommes armés ont attaqué un
    village près de Gao": an armed group the text ties to no country, striking or taking a
    place, is an armed group of that place's country, acting against the state that holds it."""
    if (source is None or source.resolved or source.sector != "REB" or target is None
            or not target.country or target.sector not in (None, "GOV")):
        return source, target
    country = target.country
    return rebels_of(source, country), Actor(text=target.text, code=country + "GOV", country=country, sector="GOV")


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


def place_armed_groups(pairs: list[tuple[Actor | None, Actor | None]],
                       location: Location | None) -> list[tuple[Actor | None, Actor | None]]:
    """The (source, target) pairs with each unplaced armed group made the rebels of its country."""
    placed: list[tuple[Actor | None, Actor | None]] = []
    for source, target in pairs:
        if source is not None and _unplaced_group(source):
            country = _country_of(location, target)
            if country is not None:
                source = rebels_of(source, country)
        if target is not None and _unplaced_group(target):
            country = _country_of(location, source)
            if country is not None:
                target = rebels_of(target, country)
        elif (target is not None and target.code is None and target.sector == "REB"
              and location is not None and location.country):
            target = rebels_of(target, location.country)  # "bombed rebel-held areas of Idlib": Syria's rebels
        placed.append((source, target))
    return placed
