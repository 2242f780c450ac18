"""The country of what or who is acted on, read from its adjective of nationality: "a abattu
dix-huit missiles russes", "seized an Iranian tanker", "les sanctions européennes" (an
organisation's adjective), looking one or two "de/of" phrases deep.

:class:`NationalityReadings` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`; the
recipient rules (``recipients.py``), the fallbacks (``role_fallbacks.py``) and the reading of an
attack's authors (``clause_roles.py``) call it. It relies on ``self.resolver``, ``self.languages``
and ``self._actors_for_conjunct`` of the class it is mixed into.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from tocsin.coding.context import DocumentContext
from tocsin.coding.syntax import conjuncts
from tocsin.records import Actor


class NationalityReadings:
    """Actors named by an adjective of nationality on a noun (mixed into the coder)."""

    def _nationality_of_things(self, heads: list[Token], lang: str, when: date | None,
                               ctx: DocumentContext) -> list[Actor]:
        """"a abattu dix-huit missiles russes", "seized an Iranian tanker", "a relâché
        l'économiste australien Sean Turnell, l'ex-ambassadrice britannique …", "les
        restrictions sur les importations de vin australien": the country of what or who is
        acted on, read from its adjective of nationality (one per coordinated phrase, looking
        one "de/of" phrase deep)."""
        found: list[Actor] = []
        for head in heads:
            for item in conjuncts(head):
                actor = self._nationality_of(item, lang, when, ctx)
                if actor is not None and not any(a.country == actor.country for a in found):
                    found.append(actor)
            if found:
                return found
        return []

    def _nationality_of(self, noun: Token, lang: str, when: date | None, ctx: DocumentContext) -> Actor | None:
        for current in self._noun_chain(noun):
            for child in current.children:
                if child.dep_ != "amod" or child.pos_ != "ADJ":
                    continue
                if any(c.dep_ in ("amod", "compound") and c.i < child.i for c in child.children):
                    # "a North Korean missile": the adjective with its own modifier
                    words = child.doc[child.left_edge.i:child.i + 1].text
                    whole = self.resolver.resolve(words, lang=lang, when=when, guess_country=False)
                    found = [whole] if whole is not None and whole.resolved and whole.country else []
                elif any(c.i > child.i for c in child.children):
                    # "une attaque jihadiste près de la frontière malienne": the word alone, not
                    # the place the parser hung on it
                    alone = self.resolver.resolve(child.text, lang=lang, when=when, guess_country=False)
                    found = [alone] if alone is not None and alone.resolved and alone.country else []
                else:
                    found = [a for a in self._actors_for_conjunct(child, lang, when, ctx) if a.resolved and a.country]
                if found:
                    return Actor(text=child.text, code=found[0].country, country=found[0].country)
                owner = self._organisation_of_adjective(current, child, lang)
                if owner is not None:
                    return owner
        return None

    def _organisation_of_adjective(self, noun: Token, adjective: Token, lang: str) -> Actor | None:
        """"les nouvelles sanctions européennes", "le plan européen": an act or a thing of an
        organisation named by its adjective; not people or states ("les pays européens", a
        group no code names)."""
        cues = self.languages[lang].cues
        key = cues.organisation_adjectives.get(adjective.lemma_.lower()) or cues.organisation_adjectives.get(adjective.lower_)
        if key is None:
            return None
        if noun.lemma_.lower() in cues.actor_nouns | cues.person_nouns or noun.lower_ in cues.actor_nouns | cues.person_nouns:
            return None
        org = self.resolver.kb.organisations.get(key)
        if org is None:
            return None
        return Actor(text=adjective.text, code=org.code, country=org.country, sector=org.sector, name=org.name,
                     entity_id=org.entity_id)

    @staticmethod
    def _noun_chain(noun: Token) -> list[Token]:
        """The noun and the nouns of its "de/of" phrases, two deep ("importations de vin australien")."""
        chain = [noun] if noun.pos_ in ("NOUN", "PROPN") else []
        current = noun
        for _ in range(2):
            nxt = next((c for c in current.children if c.dep_ in ("nmod", "pobj", "prep")), None)
            if nxt is not None and nxt.dep_ == "prep":
                nxt = next((g for g in nxt.children if g.dep_ == "pobj"), None)
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
                break
            if nxt.dep_ == "nmod" and any(c.dep_ in ("case", "fixed") and c.lower_ not in ("de", "d'", "d’", "du", "des")
                                          for c in nxt.children):
                break  # "une attaque … près de la frontière malienne": a place, not the thing's make

            chain.append(nxt)
            current = nxt
        return chain
