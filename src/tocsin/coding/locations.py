"""Where an event happened, and the target a place stands for.

The location of an event is, in order:

1. the place attached to its predicate: a place name in the trigger's clause
   reached through complements ("à Varsovie", "in Kharkiv", "les quartiers de
   Kharkiv"), never through the subject ("Moscou a expulsé …" is an actor, not a
   location); for ASSAULT, COERCE and MOBILIZE a place as direct object is the
   location too ("shelled Kharkiv");
2. else the article's dateline ("MOSCOU, 19 avril —");
3. else none.

An ASSAULT, COERCE or MOBILIZE whose target is not named takes the country of
the place it acts on as target, flagged ``target_inferred``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from tocsin.actors import Resolver
from tocsin.places import (
    Dateline,
    Gazetteer,
    PlaceContext,
    PlaceMention,
    PlaceRole,
    choose,
    find_places,
    nearby_countries,
    place_role,
    to_location,
)
from tocsin.places.match import mention_head, preposition
from tocsin.records import Actor, Location

#: event types whose recipient may be a place: its country becomes the (inferred) target
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
#: … and modes: letting aid or inspectors into a place opens it for its country ("a autorisé
#: l'entrée de camions dans la bande de Gaza")
PLACE_TARGET_MODES = frozenset({"access"})
#: … and RETREAT modes whose place stands for its country only when the sentence names that country too:
#: a withdrawal "de la localité de Naqoura, dans le sud du Liban" leaves Lebanon, while one from
#: a town of a front line the text ties to no country ("from the city of Kherson") has no recipient
NAMED_COUNTRY_MODES = frozenset({"withdraw"})
#: event types whose place, inside the actor's own country, stands for the civilians who live
#: there ("a bombardé un marché de Nyala", "un couvre-feu à Dar es Salaam")
OWN_PLACE_CIVILIAN_TYPES = frozenset({"ASSAULT", "COERCE"})
#: CAMEO codes of taking or holding a place (192 "occupy territory"): the place is taken, its people are not struck
OCCUPY_CAMEOS = frozenset({"192"})
#: sectors that act on a place of their own country as the state
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
#: prepositions that name what an attack is aimed at: a place there is what it acts on
AIMED_AT = frozenset({"contre", "against"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "csubj:pass", "expl:subj"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl:relcl", "relcl", "parataxis", "conj", "xcomp"})
_OBJECT_DEPS = frozenset({"obj", "dobj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
#: verbs whose subject, an attack, struck where their victims fell
HARM_VERBS = frozenset({"faire", "coûter", "leave"})
#: verbs whose subject, an attack, struck their object ("Des frappes ont visé un marché de Nyala")
STRUCK_VERBS = frozenset({"viser", "cibler", "toucher", "frapper", "atteindre", "endommager", "détruire",
                          "pilonner", "ravager", "target", "hit", "strike", "damage", "destroy"})


@dataclass(frozen=True, slots=True)
class SentencePlace:
    mention: PlaceMention
    role: PlaceRole
    head: Token
    #: countries of the sentence's other, unambiguous places
    nearby: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventPlace:
    """The location chosen for a trigger, and whether it comes from the predicate itself."""

    location: Location | None
    from_predicate: bool = False
    #: the place is the predicate's direct object ("shelled Kharkiv"), not a complement
    from_object: bool = False
    #: that object is a capital or a country: an actor the resolver reads ("a frappé Kyiv")
    object_is_actor: bool = False


def sentence_places(sent: Span, gazetteer: Gazetteer) -> list[SentencePlace]:
    """The place mentions of a sentence with their roles (found once per sentence)."""
    mentions = find_places(sent, gazetteer)
    return [SentencePlace(m, place_role(m, sent), mention_head(m, sent), nearby)
            for m, nearby in zip(mentions, nearby_countries(mentions), strict=True)]


def _path_to(head: Token, targets: set[int], triggers: frozenset[int], limit: int = 5,
             patient_subject: bool = False) -> list[Token] | None:
    """The tokens from ``head`` up to one of ``targets`` (exclusive), or None when the way
    passes through a subject, into another clause or through another event's trigger
    ("warned against an attack on Taiwan": Taiwan belongs to the attack)."""
    path: list[Token] = []
    current = head
    for _ in range(limit):
        if current.i in targets:
            return path
        if (current.dep_ in _SUBJECT_DEPS and not (patient_subject and current.dep_ in _PASSIVE_SUBJECT_DEPS)) or (
                path and current.i in triggers):
            return None
        if current.dep_ in _CLAUSE_DEPS and path:
            return None
        path.append(current)
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def event_place(trigger: Token, event_type: str, places: Sequence[SentencePlace],
                context: PlaceContext, dateline: Dateline | None,
                triggers: frozenset[int] = frozenset(), excluded: frozenset[int] = frozenset()) -> EventPlace:
    """The location of the event on ``trigger`` (see the module docstring); places in
    ``excluded`` tokens (attribution phrases: "selon Pékin") are not locations."""
    targets = {trigger.i}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in _OBJECT_DEPS | {"obl", "nmod", "obl:agent"}:
        # "a effectué une visite à Moscou": the light verb's complements; "le port de Hodeida a
        # été visé par des frappes": those of the verb the act is the agent of
        targets.add(trigger.head.i)
    elif trigger.pos_ == "NOUN" and trigger.dep_ in _PASSIVE_SUBJECT_DEPS and trigger.head.pos_ == "VERB":
        targets.add(trigger.head.i)  # "Un couvre-feu a été imposé par l'armée à Conakry": where it was imposed
    elif trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in HARM_VERBS | STRUCK_VERBS:
        targets.add(trigger.head.i)  # "Des frappes russes ont fait trois morts à Odessa": where it struck
    best: tuple[int, SentencePlace, bool] | None = None
    for place in places:
        if place.head.i in targets or place.head.i in excluded:
            continue
        # "La ville de Kherson a été bombardée": the passive subject of an attack is what it acts on
        path = _path_to(place.head, targets, triggers - targets, patient_subject=event_type in PLACE_TARGET_TYPES)
        if path is None:
            continue
        direct_object = bool(path) and path[-1].dep_ in _OBJECT_DEPS | _PASSIVE_SUBJECT_DEPS and len(path) == 1
        if (event_type in PLACE_TARGET_TYPES and path and preposition(path[0]) in AIMED_AT
                and (len(path) == 1 or len(path) == 2 and path[1].dep_ in _OBJECT_DEPS)):
            # "l'offensive russe contre la région de Soumy", "a lancé une attaque contre Kharkiv":
            # the place attacked, on the trigger or on its light verb's object
            direct_object = True
        if place.role == "location" or (direct_object and event_type in PLACE_TARGET_TYPES):
            if best is None or len(path) < best[0]:
                best = (len(path), place, place.role != "location")
    if best is not None:
        _, place, as_object = best
        chosen = choose(place.mention, replace(context, nearby=place.nearby))
        if chosen is not None:
            # a country or a capital named as object is an actor the resolver reads; a region
            # ("a frappé la région d'Odessa") is a place like a town
            actor = as_object and (chosen.kind == "country" or chosen.capital)
            return EventPlace(to_location(chosen, place.mention.text, place.mention.region), True, as_object, actor)
    if dateline is not None:
        return EventPlace(to_location(dateline.place, dateline.text), False)
    return EventPlace(None)


def place_target(placed: EventPlace, sources: Sequence[Actor | None]) -> Actor | None:
    """The country a place stands for as the target of an attack on it, unless it is
    the attacker's own country, or a capital or country named as object (an actor: the
    resolver reads it)."""
    location = placed.location
    if location is None or location.country is None or not placed.from_predicate:
        return None
    if placed.object_is_actor:
        return None
    if any(s is not None and s.country == location.country for s in sources):
        rebels = [s for s in sources if s is not None and s.resolved]
        if rebels and all(s.country == location.country and s.sector == "REB" for s in rebels):
            # "les rebelles du M23 ont pris le contrôle de la ville d'Uvira": armed groups taking or
            # striking a town of their own country act against the state that holds it
            return Actor(text=location.text, code=location.country + "GOV", country=location.country, sector="GOV")
        return None
    return Actor(text=location.text, code=location.country, country=location.country)


def own_place_civilians(placed: EventPlace, event_type: str, sources: Sequence[Actor | None],
                        cameo: str = "") -> Actor | None:
    """The civilians of the place an army, a police or a government strikes or coerces in its
    own country ("L'armée soudanaise a bombardé un marché de Nyala" → Sudanese civilians,
    "ont décrété un couvre-feu à Dar es Salaam" → Tanzanian civilians): a domestic act
    between sectors (annotation guideline §3), not a self-dyad. Taking back a town of one's
    own country ("l'armée ukrainienne a repris la ville de Kherson") acts on whoever held it,
    not on the people who live there."""
    location = placed.location
    if (event_type not in OWN_PLACE_CIVILIAN_TYPES or cameo in OCCUPY_CAMEOS
            or location is None or location.country is None
            or not placed.from_predicate or placed.object_is_actor):
        return None
    state = [s for s in sources if s is not None and s.resolved]
    if not state or not all(s.country == location.country and s.sector in _STATE_SECTORS for s in state):
        return None
    country = location.country
    return Actor(text=location.text, code=country + "CVL", country=country, sector="CVL")


def crowd_of_the_place(sources: list[Actor], targets: Sequence[Actor], places: Sequence[SentencePlace],
                       resolver: Resolver, lang: str, when: date | None) -> list[Actor]:
    """"Des manifestants ont pris d'assaut l'ambassade de Suède à Bagdad": a crowd whose country
    was only guessed from the sentence's countries, here its target's, is the crowd of the place
    where it acts (its civilians); the sources, changed or not."""
    if not sources or not all(a.resolved and a.country for a in sources):
        return sources
    country = sources[0].country
    if not any(t.resolved and t.country == country for t in targets):
        return sources
    if any((own := resolver.resolve(a.text, lang=lang, when=when, guess_country=False)) is not None and own.resolved
           for a in sources):
        return sources  # "des manifestants suédois": the crowd names its country
    found = [p.mention.candidates[0].country for p in places
             if p.role == "location" and p.mention.candidates and p.mention.candidates[0].country]
    place = next((c for c in found if c != country), None)
    if place is None:
        return sources
    return [Actor(text=a.text, code=place + "CVL", country=place, sector="CVL") for a in sources]
