"""Aid told by the thing given: the roles of a verb of giving whose subject, or the noun it
describes, is what is given rather than whom it goes to.

* "Une équipe de secouristes turcs a été déployée en Syrie", "Des armes françaises ont été
  livrées à l'Ukraine": the passive subject of a verb of giving, when the row's collocation is
  read on it (the rescuers, the weapons), is what is given and never its recipient. With no
  agent named, its nationality names the giver, as the forces deployed belong to whoever
  deploys them (``clause_roles.SELF_MOVED_TYPES``); the row's complements ("en Syrie", "à
  l'Ukraine") name the recipient.
* "Ten tonnes of medical supplies donated by Japan arrived in Gaza", "Les F-16 offerts par le
  Danemark sont arrivés en Ukraine": a participle of giving that describes the thing given, with
  no recipient of its own, gives to the place the clause says the thing reached or is in.

:func:`given_thing_roles` is one reading of ``role_fallbacks.RoleFallbacks._roles_of_clause_shapes``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.syntax import preposition_of
from tocsin.records import Actor

#: the actors a list of phrase heads names (the coder's ``_resolve_heads`` for one sentence)
Resolve = Callable[[list[Token]], list[Actor]]

#: verbs saying that a thing reached a place or is there ("arrived in Gaza", "are now in Ukraine")
_ARRIVAL_VERBS = frozenset({
    "arrive", "reach", "land", "be", "enter", "get",
    "arriver", "parvenir", "atteindre", "être", "débarquer", "entrer",
})
#: verbs whose direct object is the place reached ("reached Khartoum", "a atteint Gaza")
_REACHING_VERBS = frozenset({"reach", "atteindre"})
#: prepositions of the place a thing reached or is in
_DESTINATION_PREPOSITIONS = frozenset({"in", "into", "to", "at", "à", "en", "dans", "vers"})
#: prepositions of the counted noun after a quantity ("ten tonnes of supplies", "dix tonnes de vivres")
_QUANTITY_PREPOSITIONS = frozenset({"of", "de"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_OBLIQUES = frozenset({"obl", "obl:mod", "obl:arg"})


def given_thing_roles(reading: RoleReading, resolve: Resolve) -> None:
    """The roles of a verb of giving (AID) told by the thing given: see the module."""
    pred, out = reading.pred, reading.out
    if pred.type != "AID" or pred.pos != "VERB" or not reading.passive or out.pair:
        return
    thing = next((a.head for a in reading.args
                  if a.role == "passive_subject" and a.head.i in reading.trig.consumed), None)
    if thing is not None:
        _thing_sent(reading, thing, resolve)
        return
    givers = {a.country for a in out.sources if a.resolved}
    if reading.tok.dep_ in ("acl", "amod") and givers and not any(
            a.resolved and a.country not in givers for a in out.targets):
        # (the noun described, read as the recipient, names only the giver again: "supplies
        # donated by Japan")
        out.targets = [a for a in resolve(_where_it_arrived(reading.tok))
                       if a.resolved and a.country not in givers] or out.targets


def _thing_sent(reading: RoleReading, thing: Token, resolve: Resolve) -> None:
    """The passive subject is what is given: its nationality gives it when no agent is named, and
    the row's complements (not the subject) name the recipient."""
    out = reading.out
    if not any(a.role == "agent" for a in reading.args):
        owners = [a for a in resolve([thing]) if a.resolved and a.country]
        # the state sends its rescuers or its weapons ("des médecins cubains": Cuba, not its civilians)
        out.sources = [Actor(text=a.text, code=a.country, country=a.country) for a in owners[:1]] or out.sources
    heads = [a.head for a in reading.args if a.head.i != thing.i and (
        (a.role == "iobj" and "iobj" in reading.spec) or (a.role == "oblique" and a.prep in reading.spec))]
    givers = {a.country for a in out.sources if a.resolved}
    out.targets = [a for a in resolve(heads) if a.resolved and a.country not in givers]


def _where_it_arrived(participle: Token) -> list[Token]:
    """The place the noun a participle describes reached or is in, as the clause of which that
    noun (or the quantity it counts) is the subject says."""
    thing = participle.head
    for _ in range(3):
        # "ten tonnes of medical supplies donated by …": up from the counted noun to its quantity
        if thing.dep_ == "pobj" and thing.head.lower_ in _QUANTITY_PREPOSITIONS and thing.head.head.pos_ == "NOUN":
            thing = thing.head.head
        elif thing.dep_ == "nmod" and preposition_of(thing) in _QUANTITY_PREPOSITIONS and thing.head.pos_ == "NOUN":
            thing = thing.head
        else:
            break
    if thing.dep_ not in _SUBJECTS:
        return []
    clause = thing.head
    if clause.pos_ in ("NOUN", "PROPN"):
        # "sont désormais en Ukraine": the place is the predicate of the copula
        copula = any(c.dep_ == "cop" for c in clause.children)
        return [clause] if copula and preposition_of(clause) in _DESTINATION_PREPOSITIONS else []
    if clause.lemma_.lower() not in _ARRIVAL_VERBS:
        return []
    places = [g for c in clause.children if c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPOSITIONS
              for g in c.children if g.dep_ == "pobj"]
    places += [c for c in clause.children if c.dep_ in _OBLIQUES and preposition_of(c) in _DESTINATION_PREPOSITIONS]
    if clause.lemma_.lower() in _REACHING_VERBS:
        places += [c for c in clause.children if c.dep_ in ("obj", "dobj")]
    return places
