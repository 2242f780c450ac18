"""The weapon named in an attack noun's "de" phrase: "une frappe de missiles russes sur Soumy",
"une attaque de drones ukrainiens contre Belgorod". The weapon is the means, not what was
struck: its country made the attack, and a place the parser hung on the weapon ("missiles …
sur le centre de Soumy") is what the attack aimed at.

:class:`WeaponReadings` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`, whose
``_arguments`` runs :meth:`WeaponReadings._weapon_of_the_attack` after the armed forces of the
"de" phrase (:meth:`~tocsin.coding.clause_roles.ClauseRoles._forces_in_the_genitive`).
"""

from __future__ import annotations

from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.syntax import preposition_of

#: prepositions of a noun's "de" phrase
_OF = frozenset({"de", "d'", "du", "des", "of"})
#: attack nouns whose "de" phrase is what was brought down, not the means
_DOWNING_NOUNS = frozenset({"abattage", "interception", "destruction", "downing"})


class WeaponReadings:
    """The weapon of an attack noun read as its means."""

    def _weapon_of_the_attack(self, reading: RoleReading) -> None:
        tok, cues = reading.tok, reading.cues
        if reading.pred.type != "ASSAULT" or reading.pred.pos != "NOUN" or tok.lemma_.lower() in _DOWNING_NOUNS:
            return  # ("l'abattage d'un drone américain": the drone is what was hit)
        weapons = [(r, h) for r, h in reading.target_heads if h.head.i == tok.i and h.pos_ == "NOUN"
                   and h.lemma_.lower() in cues.aerial_weapons and preposition_of(h) in _OF]
        if not weapons:
            return
        kept = {h.i for _, h in weapons}
        # "une frappe de missiles russes sur le centre de Soumy": the place hung on the weapon
        aimed = [c for _, h in weapons for c in h.children if c.dep_ in ("nmod", "obl")
                 and preposition_of(c) in reading.spec]
        others = [(r, h) for r, h in reading.target_heads if h.i not in kept]
        if not aimed and not others:
            return  # ("une salve de missiles russes": no one named as struck, the weapon is left as it was)
        reading.target_heads = others
        reading.genitive = [g for g in reading.genitive if g.i not in kept]
        out = reading.out
        if not any(a.resolved for a in out.sources):
            makers = [a for a in self._resolve_heads([h for _, h in weapons], reading.lang, reading.when, reading.ctx)
                      if a.resolved]
            out.sources = makers[:1] or out.sources
        reading.target_heads.extend((reading.spec.index(preposition_of(c)), c) for c in aimed)
