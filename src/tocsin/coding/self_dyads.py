"""When both sides of an act got the same code: whether the event stands, and as what.

A state acting on its own people (a government arresting its citizens, an army striking
rebels at home) is an event between the state and a sector of its own country; two mentions
of one actor (a headline's country beside its government) are not. Drones or missiles shot
down over a country with no agent named were brought down by that country's forces. The
coder (``coder.py``) calls these after the dyads are read (step 5 of :mod:`policies`).
"""

from __future__ import annotations

from datetime import date

from tocsin.actors import Resolver
from tocsin.coding.model import Trigger
from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import PASSIVE_AUX, PASSIVE_SUBJECT
from tocsin.coding.triggers import STATE_SECTORS
from tocsin.records import Actor, Location

Pair = tuple[Actor | None, Actor | None]


#: how many words into a phrase its demonym may stand ("dozens of Iranians")
_DEMONYM_REACH = 3

#: acts of an armed group that, done in its own country, are aimed at the state
ARMED_GROUP_TYPES = frozenset({"ASSAULT", "COERCE"})


def settle_self_dyad(source: Actor, target: Actor, event_type: str, location: Location | None,
                     resolver: Resolver, lang: str, when: date | None) -> Pair | None:
    """Both sides got the same code: the dyad the event stands with, or None when it is a
    real self-dyad (no event, guideline §3)."""
    if (event_type in ARMED_GROUP_TYPES and source.sector == "REB" and target.sector is None
            and target.country):
        # "Des hommes armés ont pris d'assaut un hôtel de Mogadiscio", "Les jihadistes se sont
        # emparés de la ville de Djibo": an armed group striking or taking ground in its own
        # country acts against the state that holds it (domestic, between sectors)
        return source, Actor(text=target.text, code=target.country + "GOV", country=target.country, sector="GOV")
    # (a crowd protesting at a place is the place's own people: "des manifestants ont bloqué
    # l'entrée d'une usine à Londres")
    unguessed = (None if event_type == "PROTEST" and source.sector == "CVL"
                 else _unguessed(source, target, location, resolver, lang, when))
    if unguessed is not None:
        return unguessed, target
    placed = _people_of_the_place(source, target, location, resolver, lang, when)
    if placed is not None:
        return source, placed
    if event_type == "PROTEST" and target.sector is None and source.sector is not None:
        # "des manifestants ont bloqué les routes de Bolivie": the place's country is the
        # crowd's own, no recipient; the act stands
        return source, None
    if event_type == "CONCEDE" and target.sector is None and source.sector in STATE_SECTORS and target.country:
        # "La junte malienne a levé le couvre-feu imposé à Bamako": what a state concedes at
        # home, it concedes to its people
        return source, Actor(text=target.text, code=target.country + "CVL", country=target.country, sector="CVL")
    if (event_type in ARMED_GROUP_TYPES and target.sector is None and source.sector in STATE_SECTORS
            and target.country and location is not None and location.country == target.country):
        # "Le gouvernement togolais a imposé un couvre-feu à Lomé": a capital read as its country
        # is the place where the state acts on its own people, as a town is (``own_place_civilians``)
        return source, Actor(text=target.text, code=target.country + "CVL", country=target.country, sector="CVL")
    if event_type == "CONCEDE" and _state_and_its_own_people(source, target):
        # "Hanoï a accordé une amnistie à 8 000 prisonniers": a pardon or an amnesty is granted to
        # the state's own people, even when their country is only guessed from the sentence
        return source, target
    if event_type == "RETREAT" and source.sector == "GOV" and target.sector in ("GOV", None):
        # "Le Premier ministre a présenté sa démission au roi": a resignation handed to one's own
        # head of state has no recipient, but it is a resignation
        return source, None
    if _state_and_its_named_people(source, target, resolver, lang, when):
        return source, target  # "La Russie a arrêté des opposants russes": RUS → RUSOPP, two codes
    if (event_type in ARMED_GROUP_TYPES and source.sector in _STATE_ITSELF and target.sector is None
            and target.country and _named_by_demonym(target, resolver)):
        # "Sept Israéliens ont été arrêtés par le Shin Bet": people named by their nationality,
        # acted on by their own state, are its civilians
        return source, Actor(text=target.text, code=target.country + "CVL", country=target.country, sector="CVL")
    return None


def _named_by_demonym(target: Actor, resolver: Resolver) -> bool:
    """The phrase opens on a capitalised demonym ("Sept Israéliens soupçonnés d'espionnage",
    "dozens of Iranians"): people of a country, not the country itself."""
    return any(word[:1].isupper() and any(e.kind == "country" and e.detail == "adjective"
                                          for e in resolver.kb.lookup(word))
               for word in target.text.split()[:_DEMONYM_REACH])


def _state_and_its_named_people(source: Actor, target: Actor, resolver: Resolver, lang: str,
                                when: date | None) -> bool:
    """``_state_and_its_own_people``, when the group names its country itself ("des opposants
    russes"); a group whose country was guessed from the sentence ("des civils") is not."""
    if not _state_and_its_own_people(source, target):
        return False
    own = resolver.resolve(target.text, lang=lang, when=when, guess_country=False)
    return own is not None and own.resolved and own.country == target.country


def _people_of_the_place(source: Actor, target: Actor, location: Location | None, resolver: Resolver,
                         lang: str, when: date | None) -> Actor | None:
    """"Des frappes russes ont tué quatre civils à Kherson": the civilians' country was guessed
    from the only country the sentence names, the attacker's; people named by no country of
    their own are the people of the place where it happened. None when the place says nothing
    else or the group names its country itself."""
    if (location is None or not location.country or location.country == source.country
            or target.sector is None or target.name is not None):
        return None
    own = resolver.resolve(target.text, lang=lang, when=when, guess_country=False)
    if own is not None and own.resolved and own.country:
        return None
    return Actor(text=target.text, code=location.country + target.sector, country=location.country,
                 sector=target.sector)


def _unguessed(source: Actor, target: Actor, location: Location | None, resolver: Resolver, lang: str,
               when: date | None) -> Actor | None:
    """"Le ministre s'est rendu à Varsovie": the minister's country was guessed from the
    only country of the sentence, the place he went to; he is no actor of that country.
    None when the dyad is a real self-dyad."""
    if location is None or location.country != target.country or source.sector is None:
        return None
    own = resolver.resolve(source.text, lang=lang, when=when, guess_country=False)
    if own is not None and own.resolved:
        return None
    return Actor(text=source.text, sector=source.sector)


#: sectors of the state itself: a country with no sector and one of these is one actor
_STATE_ITSELF = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _state_and_its_own_people(source: Actor, target: Actor) -> bool:
    """A country named with no sector acting on a non-state group of its own ("la Russie" and
    "des opposants russes"): two different codes, a domestic event between sectors, not a
    self-dyad. The other way round ("Huawei released a phone" read as CHNBUS → CHN) stays out."""
    if not source.code or not target.code or source.code == target.code:
        return False
    return source.sector is None and target.sector is not None and target.sector not in _STATE_ITSELF


def shot_down_over(pairs: list[Pair], location: Location | None) -> list[Pair]:
    """"Deux drones russes ont été interceptés au-dessus de la Pologne", "a Ukrainian drone was
    shot down over the Kursk region": drones or missiles brought down (:func:`downs_aerial_weapons`)
    with no agent named were brought down by the forces of the country they flew over
    (annotation guideline §3: the agent is unambiguous from the text); that country, read as a
    recipient from the place phrase, is none. The pairs, changed or not."""
    if location is None or location.country is None or any(s is not None and s.resolved for s, _ in pairs):
        return pairs
    country = location.country
    defender = Actor(text=location.text, code=country + "MIL", country=country, sector="MIL")
    targets = [t for _, t in pairs if t is not None and t.resolved and t.country != country]
    return [(defender, t) for t in dict.fromkeys(targets)] or [(defender, None)]


def downs_aerial_weapons(trig: Trigger, cues: Cues) -> bool:
    """"des drones ont été abattus", "missiles were intercepted": a passive verb whose subject
    is drones, missiles or aircraft; the place it names is where they were brought down (the
    defender's ground), not the recipient."""
    tok = trig.token
    if not any(c.dep_ in PASSIVE_AUX for c in tok.children):
        return False
    undergoing = [c for c in tok.children if c.dep_ in PASSIVE_SUBJECT]
    return bool(undergoing) and all(u.lemma_.lower() in cues.aerial_weapons for u in undergoing)
