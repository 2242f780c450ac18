"""The actors a phrase of the parse names: the resolver asked about a token and its phrase,
with what news text needs around it — conjuncts, coordinated adjectives of nationality
("les armées malienne, burkinabè et nigérienne"), compound adjectives ("russo-turques"),
pronouns and possessives ("son entretien", "leur entretien", "their leaders"), relative
pronouns, pair phrases ("les deux pays").

:class:`PhraseActors` is mixed into :class:`tocsin.coding.arguments.ArgumentRules` (and so
into the coder); it needs the coder's ``resolver`` and ``languages``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache

from spacy.tokens import Token

from tocsin.actors import Resolver
from tocsin.coding.context import DocumentContext
from tocsin.coding.lexicon_match import PERSON_ROLES
from tocsin.coding.model import LanguageResources, same_actor
from tocsin.coding.participle_clauses import participle_host_object
from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import (
    OBJECT,
    RELATIVE_PRONOUNS,
    SUBJECT,
    arguments,
    conjuncts,
    main_verb_of_relative,
    phrase_text,
    phrase_tokens,
    subjects,
    text_without_relatives,
)
from tocsin.coding.unplaced_states import place_state_bodies
from tocsin.records import Actor


@lru_cache(maxsize=8)
def _last_words(phrases: frozenset[str]) -> frozenset[str]:
    """The last word of each phrase ("dernier" of "ce dernier")."""
    return frozenset(p.split()[-1] for p in phrases if p)


#: links of an object clitic to its verb ("l'a accueilli", "lui a demandé", "les a accusés")
_CLITIC_LINKS = frozenset({"obj", "iobj", "obl:arg", "dobj"})

#: the French complementiser, which the parser may read as a relative pronoun
_THAT = frozenset({"que", "qu'", "qu’"})

#: sectors that, named without a country, belong to the one country of the sentence
#: ("la police", "the army"); not "bank" or "media", which are often no actor at all
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY"})


#: verbs of command whose addressee, a bare "l'armée" or "la police", is the commander's own
#: ("Netanyahou a ordonné à l'armée de frapper …")
COMMAND_VERBS = frozenset({"ordonner", "commander", "enjoindre", "order", "instruct"})
#: the sectors a head of state or government commands
_COMMANDED_SECTORS = frozenset({"MIL", "COP", "SPY"})


#: prepositions of the person addressed ("a demandé à Netanyahu", "said to Xi")
ADDRESSEE_PREPOSITIONS = frozenset({"à", "to"})
#: … when the phrase is an argument of the verb, not a place ("se sont retrouvées à Riyad")
ADDRESSEE_LINKS = frozenset({"obl:arg", "iobj", "dative", "pobj"})

def expand_combining_forms(text: str, forms: Mapping[str, str]) -> str:
    """"les patrouilles russo-turques" → "les patrouilles russe-turques": the first half of a
    compound adjective of nationality spelt out, so that the resolver reads both countries."""
    if "-" not in text or not forms:
        return text
    return _COMBINING.sub(lambda m: forms.get(m.group(1).lower(), m.group(1)) + "-", text)


#: a word glued to the next one by a hyphen ("russo-", "Sino-")
_COMBINING = re.compile(r"\b(\w+)-(?=\w)")

@lru_cache(maxsize=16)
def _word_endings(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases as last words of a longer phrase (" " + phrase), for ``str.endswith``."""
    return tuple(" " + p for p in phrases)


class PhraseActors:
    """Tokens of the parse → actors (mixed into the coder)."""

    resolver: Resolver
    languages: dict[str, LanguageResources]

    def _possessor(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        """Who "son"/"his" in "son entretien avec Xi" refers to: the subject or speaker of
        the clause around the noun, else the last actor of the document."""
        current = tok
        for _ in range(5):
            head = current.head
            if head.i == current.i:
                break
            if head.pos_ in ("VERB", "AUX"):
                heads = subjects(head, self.languages[lang].cues.unaccusative_verbs) or [c for c in head.children if c.dep_ in ("obj", "dobj") and c.pos_ == "PROPN" and c.i > head.i]
                # ("…, qui lui a exprimé son soutien": the relative pronoun's antecedent)
                heads = [h for h in heads if h.i != tok.i and (h.pos_ != "PRON" or (
                    h.lower_ == "qui" and head.dep_ in ("acl:relcl", "relcl")))]
                if heads:
                    actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                    if actors:
                        return actors
            current = head
        return ctx.pronoun(tok.text, plural=False)

    def _plural_possessors(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        """Who "leur"/"their" in "lors de leur entretien" refers to: the subject and the person
        addressed (object, "à"/"to" or "avec"/"with" phrase) of the clause around the noun,
        when they are two different resolved actors."""
        cues = self.languages[lang].cues
        own = {c.i for c in conjuncts(tok)}  # "as their leaders visited Kyiv": the noun is not its own owner
        current = tok
        for _ in range(4):
            head = current.head
            if head.i == current.i:
                return []
            if head.pos_ in ("VERB", "AUX"):
                heads = [h for h in subjects(head, cues.unaccusative_verbs) if h.pos_ != "PRON" and h.i not in own]
                heads += [a.head for a in arguments(head, cues.unaccusative_verbs)
                          if a.head.i != current.i and a.head.i not in own and a.head.pos_ != "PRON"
                          and (a.role in ("object", "iobj") or a.prep in cues.partner_prepositions
                               or (a.prep in ADDRESSEE_PREPOSITIONS and a.head.dep_ in ADDRESSEE_LINKS))]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                distinct = [a for i, a in enumerate(actors) if not any(same_actor(a, b) for b in actors[:i])]
                if len(distinct) >= 2:
                    return distinct
                if head.dep_ not in ("xcomp", "ccomp"):
                    return []  # "urged Netanyahu to scale back … during their call": up to "urged"
            current = head
        return []

    def _resolve_heads(self, heads: Iterable[Token], lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        actors: list[Actor] = []
        for head in heads:
            shared = self._coordinated_adjectives(head, lang, when, ctx)
            for conj in conjuncts(head):
                if shared and (conj.i == head.i or conj.pos_ == "ADJ"):
                    continue
                found = self._actors_for_conjunct(conj, lang, when, ctx)
                if conj.i != head.i and not any(a.resolved for a in found):
                    found = self._of_the_one_before(conj, actors, lang, when) or found
                actors.extend(found)
            for conj in _conjoined_to_the_name(head):
                # "le président syrien Bachar al-Assad et son frère Maher": hung on the name
                found = [a for a in self._actors_for_conjunct(conj, lang, when, ctx) if a.resolved]
                actors.extend(found or self._of_the_one_before(conj, actors, lang, when))
            actors[:0] = shared
        return actors

    def _of_the_one_before(self, conj: Token, before: list[Actor], lang: str, when: date | None) -> list[Actor]:
        """"contre Bachar al-Assad et son frère Maher, commandant de la 4e division": a conjunct
        that a possessive ties to the one named before it belongs to that one's country."""
        cues = self.languages[lang].cues
        country = next((a.country for a in reversed(before) if a.resolved and a.country), None)
        if country is None or not any(c.dep_ in ("det", "det:poss", "poss") and c.lower_ in cues.possessive_determiners
                                      for c in conj.children):
            return []
        actor = self.resolver.resolve(phrase_text(conj), lang=lang, when=when, context=(country,))
        return [actor] if actor is not None and actor.resolved and actor.country == country else []

    def _clitic_antecedent(self, tok: Token, text: str, lang: str, when: date | None,
                           ctx: DocumentContext) -> list[Actor]:
        cues = self.languages[lang].cues
        host = participle_host_object(tok)
        if host is not None:
            # "a convoqué l'ambassadeur de France, l'accusant d'ingérence": the one the main verb acts on
            found = [a for a in self._resolve_heads([host], lang, when, ctx) if a.resolved]
            if found:
                return [a.as_written(text) for a in found]
        heads = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i != tok.i]
        own = {a.country for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved} if heads else set()
        plural = tok.lower_ in cues.pronouns_plural or tok.lower_ in ("les", "leur")
        main = main_verb_of_relative(tok.head)
        if main is not None:
            # "X a reçu Y, qui lui a exprimé son soutien", "… avec Y, qui l'a remercié": the clitic
            # of a relative clause on the one met stands for who met him
            found = [a for a in self._resolve_heads([h for h in subjects(main, cues.unaccusative_verbs)
                                                     if h.pos_ != "PRON"], lang, when, ctx)
                     if a.resolved and a.country not in own]
            if found:
                return [a.as_written(text) for a in (found if plural else found[:1])]
        earlier = [a for a in self._earlier_object(tok, lang, when, ctx) if a.country not in own]
        if earlier:
            # "a convoqué l'ambassadeur algérien et l'a menacé …", "a reçu Abbas et lui a
            # demandé …": the clitic stands for the object of the verb it is coordinated with
            return [a.as_written(text) for a in (earlier if plural else earlier[:1])]
        candidates = [a for a in ctx.last_actors if a.sector != "MED" and a.country not in own]
        return [a.as_written(text) for a in (candidates if plural else candidates[:1])]

    def _earlier_object(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        """The resolved actors that are the object of the verb that the clitic's verb is
        coordinated with, when that verb comes first: "X a reçu Y et lui a demandé …" → Y."""
        verb = tok.head
        if verb.dep_ != "conj" or verb.head.i >= verb.i or verb.head.pos_ not in ("VERB", "AUX"):
            return []
        first = verb.head
        objects = [c for c in first.children
                   if c.dep_ in ("obj", "dobj", "iobj", "obl:arg") and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")]
        found = [a for a in self._resolve_heads(objects, lang, when, ctx) if a.resolved] if objects else []
        return [a for a in found if a.sector != "MED"]

    def _coordinated_adjectives(self, head: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        """"les armées malienne, burkinabè et nigérienne", "les ministres russe et chinois de la
        Défense": one noun shared by coordinated adjectives of nationality names one actor per
        country, each with the noun's sector."""
        if head.pos_ != "NOUN" or not any(
                (c.dep_ == "conj" and c.pos_ == "ADJ")
                # "ses homologues français, allemand et britannique": the list hung on its first adjective
                or (c.dep_ == "amod" and c.pos_ == "ADJ" and any(g.dep_ == "conj" and g.pos_ == "ADJ" for g in c.children))
                for c in head.children):
            return []
        found = self.resolver.resolve_many(text_without_relatives(head), lang=lang, when=when,
                                           context=ctx.salient_countries(), guess_country=False)
        return found if len(found) >= 2 and all(a.resolved for a in found) else []

    def _pair_named_before(self, tok: Token, text: str, lang: str, when: date | None,
                           ctx: DocumentContext) -> list[Actor]:
        """"La France a appelé Israël et le Hezbollah à la retenue, les deux parties s'accusant
        …": the last two coordinated names before the pair phrase in its sentence, when both
        resolve to different actors; empty otherwise (French only)."""
        if lang != "fr":
            return []
        for word in reversed(tok.sent[: tok.i - tok.sent.start]):
            second = next((c for c in word.children if c.dep_ == "conj" and c.i < tok.i
                           and c.pos_ in ("PROPN", "NOUN")), None)
            if second is None or word.pos_ not in ("PROPN", "NOUN"):
                continue
            first = [a for a in self._actors_for_conjunct(word, lang, when, ctx) if a.resolved]
            other = [a for a in self._actors_for_conjunct(second, lang, when, ctx) if a.resolved]
            if len(first) == 1 and len(other) == 1 and first[0].code != other[0].code:
                return [first[0].as_written(text), other[0].as_written(text)]
        return []

    def _actors_for_conjunct(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        cues = self.languages[lang].cues
        text = tok.text if tok.pos_ == "ADJ" else phrase_text(tok)  # "russe", "Chinese": the adjective alone
        low = text.lower()
        if (tok.lower_ in RELATIVE_PRONOUNS or tok.lower_ == "qu'") and tok.head.i != tok.i:
            antecedent = tok.head.head if tok.head.dep_ in ("relcl", "acl:relcl", "acl") else None
            # (a "qu'" tagged as a conjunction but read as the object is the relative pronoun)
            if antecedent is None and tok.dep_ == "obj" and tok.pos_ in ("PRON", "SCONJ") and tok.i >= 2:
                antecedent = _noun_before_comma(tok)
            if antecedent is not None:
                return self._resolve_heads([antecedent], lang, when, ctx)
        if low.startswith(cues.pair_phrases) or low.endswith(_word_endings(cues.pair_phrases)):
            # equal to, starting or ending with one
            return (self._pair_named_before(tok, text, lang, when, ctx) or ctx.recent_pair(text)
                    or ctx.main_pair(text))
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in PERSON_ROLES and any(
                c.dep_ in ("det", "det:poss", "poss") and c.lower_ in cues.plural_possessives for c in tok.children):
            # "after talks between their leaders": the leaders (ministers …) of the clause's two subjects
            owners = self._plural_possessors(tok, lang, when, ctx)
            if owners:
                return [Actor(text=text, code=a.country + "GOV", country=a.country, sector="GOV")
                        if a.country and not a.sector else a for a in owners]
        if tok.lower_ in _last_words(cues.latter_pronouns) and phrase_text(tok).lower() in cues.latter_pronouns:
            # "ce dernier", its adjective read as the subject
            return ctx.latter(phrase_text(tok)) or ctx.pronoun(phrase_text(tok), plural=False)
        if tok.pos_ == "PRON":
            if low in FIRST_PERSON:
                speaker = self._quoted_speaker(tok, lang, when, ctx)
                if speaker:
                    return [a.as_written(text) for a in speaker]
            if low in cues.latter_pronouns:
                return ctx.latter(text) or ctx.pronoun(text, plural=False)
            if low in cues.object_clitics and tok.dep_ in _CLITIC_LINKS:
                # "Vladimir Poutine l'a accueilli", "il lui a demandé": an object clitic stands
                # for an actor of the sentences before other than the clause's own subject
                return self._clitic_antecedent(tok, text, lang, when, ctx)
            if low in cues.pronouns_singular or low in cues.pronouns_plural:
                antecedent = self._clause_antecedent(tok, lang, when, ctx)
                if antecedent:
                    return [a.as_written(text) for a in antecedent]
                return ctx.pronoun(text, plural=low in cues.pronouns_plural)
            if not tok.text[:1].isupper():
                return [Actor(text=text)]  # other pronouns; a capitalised one ("Kiev") may be a name
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.homeland_nouns and any(
                c.lower_ in FIRST_PERSON_POSSESSIVES for c in tok.children if c.dep_ in ("det", "det:poss", "poss")):
            # "« L'Iran a attaqué notre territoire », a déclaré le Premier ministre israélien"
            speaker = self._quoted_speaker(tok, lang, when, ctx)
            if speaker:
                return [Actor(text=text, code=a.country, country=a.country) for a in speaker[:1] if a.country]
        actors = ctx.resolved.get(text)
        if actors is None:  # the same phrases recur within an article: resolve each once
            actors = ctx.resolved[text] = self.resolver.resolve_many(
                expand_combining_forms(text, cues.combining_forms), lang=lang, when=when,
                context=ctx.salient_countries(), guess_country=False)
        if (tok.dep_ in _CLITIC_LINKS | {"obl"} and tok.head.lemma_.lower() in COMMAND_VERBS
                and actors and all(not a.resolved and a.sector in _COMMANDED_SECTORS for a in actors)):
            commander = next((a for a in self._resolve_heads(subjects(tok.head), lang, when, ctx)
                              if a.resolved and a.country and a.sector == "GOV"), None)
            if commander is not None:
                # "Netanyahou a ordonné à l'armée de frapper des cibles à Beyrouth": his own army
                actors = [Actor(text=a.text, code=commander.country + a.sector, country=commander.country,
                                sector=a.sector) for a in actors]
        # "la police a ouvert le feu" in a sentence about Kenya only: the Kenyan police (unplaced_states)
        actors = place_state_bodies(tok, actors, STATE_SECTORS, cues, self.resolver, lang, when, ctx,
                                    getattr(self, "gazetteer", None))
        if not any(a.resolved for a in actors) and tok.pos_ == "NOUN":
            # "… le chef du Hezbollah, réaffirmant l'appui de Téhéran au mouvement chiite": a
            # definite description of a group named before
            contracted = any(c.dep_ == "case" and c.lower_ in ("au", "aux", "du") for c in tok.children)
            named = self._group_described(("le " + text) if contracted else text, when, ctx)
            if named is not None:
                return [named.as_written(text)]
        if tok.dep_ in ("amod", "compound", "nummod", "advmod") and not any(a.resolved for a in actors):
            return []  # "violents heurts", "ground offensive": a modifier that names no actor
        if actors and not self._names_an_actor(tok, actors, cues):
            return [Actor(text=text)]  # "le cours du blé russe": a thing, not an actor
        if not any(a.resolved for a in actors) and tok.dep_ in OBJECT | {"obl:arg", "obl", "nmod", "pobj", "iobj", "dative"}:
            # "a salué le plan présenté par Pékin": the actor behind the object
            whole = text_without_relatives(tok)
            if whole != text:
                wider = self.resolver.resolve(whole, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
                if wider is not None and wider.resolved:
                    return [wider]
        return actors or [Actor(text=text)]

    def _group_described(self, text: str, when: date | None, ctx: DocumentContext) -> Actor | None:
        """The one organisation named before in the article whose alias begins with a definite
        description ("le mouvement chiite" → Hezbollah, "mouvement chiite libanais"); None for an
        indefinite phrase ("un mouvement chiite yéménite"), or when no or several groups fit."""
        words = text.replace("’", "'").split()
        if not words:
            return None
        if words[0].lower() in ("le", "la", "les"):
            words = words[1:]
        elif words[0].lower().startswith("l'") and len(words[0]) > 2:
            words = [words[0][2:], *words[1:]]
        else:
            return None
        if len(words) < 2:
            return None
        description = " ".join(words).lower()
        seen = {a.code: a for actors in ctx.resolved.values() for a in actors if a.resolved and a.code}
        seen.update({a.code: a for a in ctx.last_actors if a.resolved and a.code})
        fits = []
        for org in self.resolver.kb.organisations.values():
            code = org.coded_at(when)[0]
            if code in seen and any(alias.lower() == description or alias.lower().startswith(description + " ")
                                    for alias in org.aliases):
                fits.append(seen[code])
        codes = {a.code for a in fits}
        return fits[0] if len(codes) == 1 else None

    def _quoted_speaker(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        """Who "nous"/"je"/"we"/"I" stands for inside a quotation: the speaker of the speech
        verb the quotation depends on ("« Nous condamnons … », a déclaré le président français",
        "Le chancelier a déclaré : « Nous allons livrer … »"). Empty outside a quotation or when
        no speech verb with a resolved subject governs it."""
        span = _quotation_span(tok)
        if span is None:
            return []
        cues = self.languages[lang].cues
        speech = cues.reporting_verbs | cues.inverted_speech_verbs
        current = tok
        for _ in range(6):
            if current.head.i == current.i:
                return []
            current = current.head
            if span[0] < current.i < span[1]:
                continue  # still inside the quotation
            if current.pos_ == "VERB" and current.lemma_.lower() in speech:
                heads = [h for h in subjects(current, cues.unaccusative_verbs)
                         if h.pos_ != "PRON" and not span[0] < h.i < span[1]]
                return [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
        return []

    def _clause_antecedent(self, tok: Token, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
        """A pronoun in a subordinate clause stands for the subject of the clause above
        ("Trump a annoncé qu'il allait ordonner …" → Trump)."""
        current = tok.head
        cues = self.languages[lang].cues
        noun = current.head
        if (current.dep_ in ("acl:relcl", "relcl") and noun.dep_ in ("obl", "obl:mod", "obl:arg")
                and noun.head.lemma_.lower() in cues.reporting_verbs
                and any(c.lower_ in _THAT and c.dep_ not in SUBJECT for c in current.children)):
            # "Trump a annoncé à Riyad qu'il allait …": the parser reads the speech's "que" clause
            # as a relative clause of the place; the pronoun stands for the speaker
            heads = [h for h in subjects(noun.head, cues.unaccusative_verbs) if h.pos_ != "PRON" and h.i < tok.i]
            actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
            if actors:
                return actors
        if any(c.lower_ == "où" for c in current.children):
            # "s'est rendu à Belgrade, où il a été reçu par …": the pronoun of a clause on the
            # place stands for the subject of the clause that names the place
            verb = (current.head if current.dep_ in ("advcl", "ccomp")
                    else noun.head if current.dep_ in ("acl:relcl", "relcl") else None)
            if verb is not None and verb.pos_ in ("VERB", "AUX") and verb.i < tok.i:
                heads = [h for h in subjects(verb, cues.unaccusative_verbs) if h.pos_ != "PRON" and h.i < tok.i]
                # "Le ministre saoudien, le prince …, s'est rendu à Damas, où il …": a bare noun
                # phrase before the verb read as a modifier is the subject's title
                heads += [c for c in verb.children if c.dep_ == "obl:mod" and c.i < verb.i
                          and c.pos_ in ("NOUN", "PROPN") and not any(g.dep_ == "case" for g in c.children)]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                if actors:
                    return actors
            subject = where_clause_fronted_subject(current)
            if subject is not None:
                # "En marge du sommet du G20, où il a rencontré Xi Jinping, le président
                # américain a …": the clause sits in a phrase fronted before the main clause,
                # whose subject comes after it
                actors = [a for a in self._resolve_heads([subject], lang, when, ctx) if a.resolved]
                if actors:
                    return actors
        for _ in range(4):
            if current.head.i == current.i or current.dep_ not in ("ccomp", "xcomp", "conj"):
                return []  # only reported speech: "… a annoncé qu'il …", not "if it …"
            current = current.head
            if current.pos_ in ("VERB", "AUX") and current.i < tok.i:
                heads = [h for h in subjects(current, self.languages[lang].cues.unaccusative_verbs)
                         if h.pos_ != "PRON" and h.i < tok.i]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                if actors:
                    return actors
        return []

    def _names_an_actor(self, tok: Token, actors: list[Actor], cues: Cues) -> bool:
        """False when a subject noun is tied to a country only by an adjective ("Russian wheat
        prices fell", "le cours du blé russe a reculé"); names, sectors, people and actor nouns
        pass, and so do places as recipients ("la frontière ukrainienne")."""
        if tok.pos_ != "NOUN" or tok.dep_ not in SUBJECT or any(a.sector or a.name or not a.resolved for a in actors):
            return True
        if tok.lemma_.lower() in cues.actor_nouns or tok.lower_ in cues.actor_nouns:
            return True
        if any(t.pos_ == "PROPN" for t in phrase_tokens(tok)):
            return True
        # "la République islamique", "le royaume chérifien": the whole phrase is a name
        return bool(self.resolver.kb.lookup(tok.text) or self.resolver.kb.lookup(phrase_text(tok)))

    def _actor_for_phrase(self, head: Token, lang: str, when: date | None, ctx: DocumentContext) -> Actor:
        """The actor a phrase names; falls back to the whole subtree ("selon, le 17 avril, le porte-parole …")."""
        text = phrase_text(head)
        actor = self.resolver.resolve(text, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
        if actor is None or not actor.resolved:
            whole = " ".join(head.doc[head.left_edge.i:head.right_edge.i + 1].text.split())
            if whole != text:
                wider = self.resolver.resolve(whole, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
                if wider is not None and wider.resolved:
                    return wider
        return actor if actor is not None else Actor(text=text)


#: first-person pronouns, which inside a quotation stand for its speaker
FIRST_PERSON = frozenset({"je", "j'", "j’", "nous", "i", "we"})
#: first-person possessives ("notre pays", "our territory")
FIRST_PERSON_POSSESSIVES = frozenset({"notre", "nos", "mon", "ma", "mes", "our", "my"})
_OPEN_QUOTES = frozenset({"«", "“"})
_CLOSE_QUOTES = frozenset({"»", "”"})


def _quotation_span(tok: Token) -> tuple[int, int] | None:
    """The indices of the quotation marks around ``tok`` within its sentence (typographic
    quotes, or a pair of straight double quotes), or None when it is not quoted."""
    sent = tok.sent
    open_at = close_at = None
    straight = [t.i for t in sent if t.text == '"']
    for t in reversed(sent.doc[sent.start:tok.i]):
        if t.text in _CLOSE_QUOTES:
            return None
        if t.text in _OPEN_QUOTES:
            open_at = t.i
            break
    if open_at is None:
        before = [i for i in straight if i < tok.i]
        if len(before) % 2 == 1:
            open_at = before[-1]
            close_at = next((i for i in straight if i > tok.i), None)
    else:
        close_at = next((t.i for t in sent.doc[tok.i + 1:sent.end] if t.text in _CLOSE_QUOTES), None)
    if open_at is None or close_at is None:
        return None
    return open_at, close_at


def where_clause_fronted_subject(clause: Token) -> Token | None:
    """The subject of the main clause when a "où" clause belongs to a phrase fronted before
    it ("En marge du sommet, où il a rencontré …, le président a …"): the sentence opens on a
    preposition, no verb comes before the clause, and the first noun subject after the clause's
    verb that belongs to a later verb is taken. None otherwise."""
    sent = clause.sent
    start = clause.left_edge.i
    if (sent[0].pos_ != "ADP" and sent[0].lower_ != "lors") or any(t.pos_ in ("VERB", "AUX") for t in sent.doc[sent.start:start]):
        return None
    return next((t for t in sent.doc[clause.i + 1:sent.end]
                 if t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ in ("NOUN", "PROPN")
                 and t.head.i != clause.i and t.head.i > t.i), None)


def _noun_before_comma(tok: Token) -> Token | None:
    """"…avec son homologue égyptien, qu'il a remercié": a relative object the parser hung on a
    clause of the verb stands for the noun just before the comma."""
    before = tok.doc[tok.i - 1]
    if before.text != ",":
        return None
    word = tok.doc[tok.i - 2]
    if word.pos_ == "ADJ" and word.dep_ == "amod":
        word = word.head
    return word if word.pos_ in ("NOUN", "PROPN") and word.i < tok.i else None


def _conjoined_to_the_name(head: Token) -> list[Token]:
    """The conjuncts the parser hung on a title's name rather than on the title: "le président
    syrien Bachar al-Assad et son frère Maher" (``frère`` is a conjunct of ``al-Assad``)."""
    names = [a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    names += [f for n in names for f in n.children if f.dep_ == "flat:name"]
    return [c for n in names for c in n.children if c.dep_ == "conj"]
