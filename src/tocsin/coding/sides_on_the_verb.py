"""The sides of an act named on the verb it is the subject of, read as the act's pair.

"Des combats ont éclaté samedi entre l'armée et les FSR", "fighting erupted … between the army
and the RSF", "des négociations ont repris entre …": a verb of an act breaking out or going on
(the language's ``outbreak_verbs``) carries the "entre/between" phrase of the act's sides, which
join the pair the clause names itself ("les combats entre …"). A fight whose verb names its
sides less plainly takes them when they are two distinct actors: a phrase of the verb hung under
a place ("… ont éclaté à la frontière entre l'Afghanistan et le Pakistan"), the phrase of another
verb ("des combats ont eu lieu entre …"), or the two that "opposer X à Y" sets against each other
("de violents combats opposent l'armée congolaise aux rebelles du M23"); they are then its only
parties, one attack per side.

:class:`SidesOnTheVerb` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`, whose
``_arguments`` runs its step among those of the clause's own words, once the pair the clause names
itself is resolved; it relies on the resolver helpers of the class it is mixed into
(``_resolve_heads``, and ``_side_apart`` of :class:`~tocsin.coding.party_roles.PartyReadings`).
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.model import same_actor
from tocsin.coding.syntax import SUBJECT, arguments
from tocsin.records import Actor

#: the subjects whose verb can name a fight's sides less plainly
_FIGHT_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
#: verbs whose subject, a fight, sets its object against an "à" phrase ("des combats opposent X à Y")
_OPPOSING_VERBS = frozenset({"opposer"})
#: the prepositions of the other side of "opposer X à Y"
_AGAINST = frozenset({"à", "au", "aux"})


class SidesOnTheVerb:
    """The step that reads an act's sides on its verb (mixed into the coder)."""

    def _sides_on_the_verb(self, reading: RoleReading) -> None:
        """An act named as the subject of a verb that names its sides (see the module docstring):
        the verb's "entre/between" phrase joins the pair; for a fight whose pair is not yet two,
        two distinct sides named less plainly become the pair, with no source or recipient
        besides."""
        tok, pred, cues, out = reading.tok, reading.pred, reading.cues, reading.out
        verb = tok.head
        if pred.pos != "NOUN" or verb.i == tok.i:
            return
        if tok.dep_ in SUBJECT and verb.lemma_.lower() in cues.outbreak_verbs:
            named = [a.head for a in arguments(verb, cues.unaccusative_verbs)
                     if a.role == "oblique" and a.prep in cues.dyad_prepositions]
            if named:
                out.pair = out.pair + self._resolve_heads(named, reading.lang, reading.when, reading.ctx)
                return
        if (pred.type != "ASSAULT" or not pred.symmetric or tok.dep_ not in _FIGHT_SUBJECTS
                or sum(1 for a in out.pair if a.resolved) >= 2):
            return
        sides = self._sides_of_the_fight(tok, verb, reading)
        if len(sides) == 2 and not same_actor(*sides):
            out.pair, out.sources, out.targets = sides, [], []

    def _sides_of_the_fight(self, tok: Token, verb: Token, reading: RoleReading) -> list[Actor]:
        """The resolved sides a fight's verb names after it: the first "entre" phrase on the verb
        or under one of its phrases ("à la frontière entre …"), else the object of "opposer" and
        its "à" phrase, each read without the other."""
        near = [c for c in verb.children if c.i > tok.i and (c.dep_.startswith("obl") or c.dep_ == "obj")]
        phrases = near + [g for c in near for g in c.children if g.dep_ == "nmod"]
        between = [c for c in phrases if any(g.dep_ == "case" and g.lower_ in reading.cues.dyad_prepositions
                                             for g in c.children)]
        if between:
            found: list[Actor | None] = [a for a in self._resolve_heads(between[:1], reading.lang, reading.when,
                                                                        reading.ctx) if a.resolved]
        elif verb.lemma_.lower() in _OPPOSING_VERBS:
            against = [c for c in phrases if any(g.dep_ == "case" and g.lower_ in _AGAINST for g in c.children)]
            found = [self._side_apart(c, against, reading) for c in phrases if c.dep_ == "obj"]
            found += [self._side_apart(c, [], reading) for c in against]
        else:
            return []
        return list(dict.fromkeys(a for a in found if a is not None))
