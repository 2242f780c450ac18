"""Who acts on whom where the clause does not say it outright: the recipient rules of the coder.

:class:`RecipientRules` is mixed into :class:`tocsin.coding.arguments.ArgumentRules` (and so
into the :class:`~tocsin.coding.coder.Coder`); its methods are called from
``ArgumentRules._arguments`` once the clause's own subjects, objects and obliques are read.
They cover constructions of news prose whose actors lie elsewhere in the sentence: protests
(the crowd and what it protests against), threats and agreements (the recipient inside what
is threatened or agreed), deployments meant as warnings, reactions drawn from someone or
hanging on another act, support for an act, arrests with no agent, extraditions, object
relative clauses, talks that led to an agreement. Recipients named by a nationality adjective
are read in ``nationalities.py``. The methods rely on ``self._arguments``,
``self._resolve_heads``, ``self._actors_for_conjunct``, ``self._nationality_of_things`` and
``self.resolver`` of the class they are mixed into.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from tocsin.coding.context import DocumentContext
from tocsin.coding.model import LanguageResources, Roles, Trigger, same_actor, unique_actors
from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import (
    OBJECT,
    RELATIVE_PRONOUNS,
    SUBJECT,
    Argument,
    arguments,
    conjuncts,
    is_duration,
    preposition_of,
    subjects,
    text_without_relatives,
)
from tocsin.coding.triggers import CROWD_DEMAND, warning_of_a_deployment
from tocsin.lang import Predicate
from tocsin.records import Actor

#: sectors that hold power: a crowd protests against them, it is not made of them
_AUTHORITIES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})

#: links from a threat to what is threatened, and the roles of the actors named in it
#: "selon Washington": who reports the act, never the one it is made to
_REPORTER_PREPOSITIONS = frozenset({"selon", "d'après", "suivant"})
_CONTENT_LINKS = frozenset({"xcomp", "ccomp", "acl", "nmod", "obl", "obl:arg", "obl:mod", "prep"})
#: … and, after a verb of ruling out ("n'exclut pas une riposte contre l'Iran", "a refusé
#: d'exclure une action militaire pour reprendre le canal de Panama"), its object and its aim
_RULED_OUT_LINKS = frozenset({"obj", "dobj", "advcl"})
_CONTENT_ROLES = frozenset({"obj", "dobj", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "pobj", "iobj", "dative", "conj", "amod"})
#: subjects of a reported statement, read as content when the statement is what is said
_SPOKEN_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})

#: prepositions of the act a reaction follows ("après l'entrée de navires chinois")
_AFTER = frozenset({"après", "after", "following"})

#: links that open a clause of its own
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "acl:relcl", "relcl", "parataxis", "conj", "xcomp", "csubj"})

#: relative pronouns that stand for the object of their clause ("que", "whom")
OBJECT_RELATIVES = frozenset({"que", "qu'", "qu’", "whom"})
#: relative pronouns that follow a preposition ("avec qui", "with whom")
OBLIQUE_RELATIVES = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles", "whom", "which"})


class RecipientRules:
    """Recipient and source rules for constructions whose actors lie outside the clause."""

    def _protest_roles(self, tok: Token, pred: Predicate, out: Roles, args: list[Argument],
                       res: LanguageResources, lang: str, when: date | None, ctx: DocumentContext) -> None:
        """Who protests against whom, when the words do not say it outright.

        * "anti-government rallies", "les manifestations antigouvernementales": the state
          named inside the noun is what the crowd protests against, not who protests;
        * a protest with no named crowd is held by the civilians of the country where it
          happens ("weeks of street protests in Ulaanbaatar", "grève générale en Argentine");
        * a domestic protest against a law, a reform or a decision, with no other country
          named, is aimed at that country's government.
        """
        if out.pair:
            return
        state = [a for a in out.sources if a.resolved and a.country and a.sector in _AUTHORITIES]
        if tok.pos_ in ("NOUN", "PROPN") and state and len(state) == len(out.sources):
            if not any(t.resolved for t in out.targets):
                out.targets = state[:1]
            out.sources = []
        if not any(a.resolved for a in out.sources):
            country = self._place_country(args, res, lang, when, ctx) or next(iter(ctx.sentence_countries), None)
            if country is None:
                return
            crowd = out.sources[0].text if out.sources else tok.text
            out.sources = [Actor(text=crowd, code=country + "CVL", country=country, sector="CVL")]
        source = next(a for a in out.sources if a.resolved)
        if not source.country or any(t.resolved and not (t.country == source.country and t.sector is None)
                                     for t in out.targets):
            return  # (the crowd's own country, read from "à Minsk", is no recipient)
        if any(c != source.country for c in ctx.sentence_countries):
            # "à Londres pour réclamer l'arrêt des bombardements sur Gaza": not aimed at London;
            # countries named only in a relative clause ("a law that mirrors Russian legislation") do not count
            clause = text_without_relatives(tok)
            if any(m.actor.country and m.actor.country != source.country
                   for m in self.resolver.find_mentions(clause, lang=lang, when=when)):
                return
        if tok.dep_ in ("nmod", "pobj") and (is_duration(tok.head) or tok.head.lemma_.lower() in res.cues.quantifier_nouns):
            # "après quatre mois de manifestations contre son régime": the parser hangs the
            # grievance on the count
            args = [*args, *arguments(tok.head, res.cues.unaccusative_verbs)]
        aimed = (any(a.role == "oblique" and a.prep in res.cues.grievance_prepositions for a in args)
                 or any(c.dep_ in ("advcl", "acl", "xcomp") or c.lower_.startswith("anti") for c in tok.children)
                 # "a demarcation deal that has triggered weeks of protests": caused by a decision
                 or _caused_by_a_decision(tok, res.cues.cause_verbs)
                 # "des manifestants exigent la destitution du président": a demand at home
                 or pred.id.endswith(CROWD_DEMAND)
                 # "un rassemblement de l'opposition": the opposition rallies against the power
                 or (source.sector == "OPP" and pred.mode in (None, "demo", "strike")))
        if aimed:
            out.targets = [Actor(text=source.country, code=source.country + "GOV", country=source.country,
                                 sector="GOV")]


    def _warned_by_deployment(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                              when: date | None, ctx: DocumentContext,
                              by_index: dict[int, Trigger]) -> list[Actor]:
        """The recipients of the warning a deployment is meant as ("afin de dissuader l'Iran et
        le Hezbollah", "as a warning to Iran")."""
        own = {a.country for a in out.sources if a.resolved}
        for trig in by_index.values():
            if trig.predicate.type != "THREATEN":
                continue
            deployment = warning_of_a_deployment(trig.token, by_index)
            if deployment is None or deployment.token.i != tok.i:
                continue
            warned = self._arguments(trig, res, lang, when, ctx, by_index, borrow=False)
            found = [a for a in warned.targets + warned.pair if a.resolved and a.country not in own]
            if found:
                return found
        return []


    def _facing_the_border(self, tok: Token, out: Roles, res: LanguageResources, lang: str, when: date | None,
                           ctx: DocumentContext, by_index: dict[int, Trigger]) -> list[Actor]:
        """"a massé des blindés le long de la frontière arménienne", "des troupes près de la
        frontière avec l'Ukraine": forces gathered at a border face the country the border is
        named after, wherever the parser hung the border phrase in the act's own words (not
        through a subject, another clause or another act). A border the actor calls its own
        ("sa frontière avec le Soudan", "its border") is guarded, not a recipient."""
        border_nouns = res.cues.border_nouns
        if not border_nouns:
            return []
        own = {a.country for a in out.sources if a.resolved}
        for t in tok.subtree:
            if t.i == tok.i or t.pos_ != "NOUN" or t.lemma_.lower() not in border_nouns:
                continue
            if not _inside_the_act(t, tok, frozenset(by_index)):
                continue
            if any(c.dep_ in ("det", "det:poss", "poss") and c.lower_ in res.cues.possessive_determiners
                   for c in t.children):
                continue  # "le long de sa frontière avec le Soudan": guarding its own border faces no one
            named = [t, *(c for c in t.children if c.dep_ in ("nmod", "amod", "prep"))]
            named += [g for c in named if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for head in named:
                actors = [a for a in self._resolve_heads([head], lang, when, ctx)
                          if a.resolved and a.country and a.country not in own]
                if actors:
                    return actors[:1]
        return []


    def _actor_of_requested_act(self, tok: Token, trig: Trigger, out: Roles, res: LanguageResources, lang: str,
                                when: date | None, ctx: DocumentContext) -> list[Actor]:
        """"a demandé le retrait de la Minusma", "called for the withdrawal of Russian troops":
        a demand for an act named by a noun is made of the one whose act it is, named in the
        noun's "de/of" phrase. Only a name or a word for an actor ("des troupes russes"), not a
        place or the people the act would concern ("la libération des otages")."""
        cues = res.cues
        own = {a.country for a in out.sources if a.resolved}
        acts = [tok.doc[i] for i in trig.consumed]
        for c in tok.children:
            if c.dep_ in OBJECT:
                acts.append(c)
            elif c.dep_ in ("obl", "obl:arg") and preposition_of(c) == "à":
                acts.append(c)  # "a appelé au retrait de …"
            elif c.dep_ == "prep" and c.lower_ == "for":
                acts.extend(g for g in c.children if g.dep_ == "pobj")
        for act in acts:
            if act.pos_ != "NOUN" or act.i == tok.i:
                continue
            owners = [g for g in act.children if g.dep_ == "nmod" and preposition_of(g) in cues.source_prepositions]
            # "le retrait « sans délai » de la Minusma": a "de" phrase the parser hung one noun lower
            owners += [g for c in act.children if c.dep_ == "nmod" for g in c.children
                       if g.dep_ == "nmod" and preposition_of(g) in cues.source_prepositions]
            owners += [p for c in act.children if c.dep_ == "prep" and c.lower_ in cues.source_prepositions
                       for p in c.children if p.dep_ == "pobj"]
            for owner in owners:
                if owner.pos_ != "PROPN" and owner.lemma_.lower() not in cues.actor_nouns \
                        and owner.lower_ not in cues.actor_nouns:
                    continue
                actors = [a for a in self._resolve_heads([owner], lang, when, ctx)
                          if a.resolved and a.country not in own]
                if actors:
                    return actors
        return []


    def _country_of_the_reason(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                               when: date | None, ctx: DocumentContext) -> list[Actor]:
        """"a félicité Daniel Chapo pour sa victoire à la présidentielle mozambicaine": a person
        the knowledge base does not know, praised for what they did in a country ("pour"/"for"
        phrase), stands for that country (a winner or a candidate is the country, no sector)."""
        if not out.targets or any(a.resolved for a in out.targets):
            return []
        if not any(t.text[:1].isupper() for t in out.targets):
            return []  # only a named person ("Daniel Chapo", "le candidat du Frelimo"), not "the decision"
        own = {a.country for a in out.sources if a.resolved}
        reasons = [c for c in tok.children if c.dep_ in ("obl", "obl:mod", "obl:arg") and preposition_of(c) == "pour"]
        reasons += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                    for g in c.children if g.dep_ == "pobj"]
        for reason in reasons:
            words = " ".join(t.text for t in reason.subtree)
            actor = self.resolver.resolve(words, lang=lang, when=when, context=ctx.salient_countries(),
                                          guess_country=False)
            if actor is not None and actor.resolved and actor.country and actor.country not in own:
                return [Actor(text=out.targets[0].text, code=actor.country, country=actor.country)]
        return []


    def _author_of_the_occasion(self, tok: Token, out: Roles, lang: str, when: date | None,
                                ctx: DocumentContext) -> list[Actor]:
        """"a dénoncé Tokyo, après l'entrée de navires des garde-côtes chinois dans ses eaux",
        "protested after the launch of a North Korean missile": a condemnation with no one
        named, made after an act, is aimed at whoever did that act (named by a name or by the
        nationality of what acted, one "de/of" phrase deep)."""
        own = {a.country for a in out.sources if a.resolved}
        occasions = [c for c in tok.children if c.dep_ in ("obl", "obl:mod") and preposition_of(c) in _AFTER]
        occasions += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _AFTER
                      for g in c.children if g.dep_ == "pobj"]
        for noun in occasions:
            if noun.pos_ != "NOUN":
                continue
            # "le survol de son territoire par des ballons nord-coréens": the act's agent first
            agents = [c for c in noun.children if c.pos_ in ("NOUN", "PROPN") and preposition_of(c) in ("par", "by")]
            named = agents + [c for link in self._noun_chain(noun) for c in link.children
                              if c.dep_ in ("nmod", "poss") and c.pos_ == "PROPN"]
            actors = [a for a in self._resolve_heads(named, lang, when, ctx) if a.resolved and a.country not in own]
            if not actors:
                actors = [a for a in self._nationality_of_things([*agents, noun], lang, when, ctx)
                          if a.country not in own]
            if actors:
                return actors
        return []


    def _held_by_whom_it_retakes(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                                 when: date | None, ctx: DocumentContext) -> list[Actor]:
        """"une offensive pour reprendre Nyala aux Forces de soutien rapide", "an offensive to
        retake the town from the rebels": an attack meant to take ground back is aimed at whom
        the ground is taken from."""
        cues = res.cues
        own = {a.country for a in out.sources if a.resolved}
        aims = list(tok.children)
        if tok.dep_ in OBJECT:
            aims += [c for c in tok.head.children if c.i > tok.i]  # "prépare une offensive pour reprendre …"
        for aim in aims:
            if aim.dep_ not in ("acl", "advcl", "xcomp", "relcl") or aim.lemma_.lower() not in cues.retaking_verbs:
                continue
            holders = [c for c in aim.children if c.dep_ in ("obl", "obl:arg", "obl:mod", "iobj")
                       and preposition_of(c) in ("à", "au", "aux")]
            holders += [g for c in aim.children if c.dep_ == "prep" and c.lower_ == "from"
                        for g in c.children if g.dep_ == "pobj"]
            actors = [a for a in self._resolve_heads(holders, lang, when, ctx)
                      if a.resolved and a.country and not (a.country in own and a.sector is None)]
            actors = [a for a in actors if not any(same_actor(a, s) for s in out.sources if s.resolved)]
            if actors:
                return actors
        return []


    def _drawn_reaction(self, tok: Token, out: Roles, res: LanguageResources, lang: str, when: date | None,
                        ctx: DocumentContext, by_index: dict[int, Trigger]) -> None:
        """"… drawing a rebuke from China's military", "s'attirant la menace de droits de douane
        de la part de Donald Trump": the one named after "from"/"de la part de" reacts, the one
        who draws it (the verb's subject, or the clause's) is its recipient."""
        verb = tok.head
        authors: list[Token] = []
        for holder in (verb, tok):
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    authors.extend(g for g in c.children if g.dep_ == "pobj")
        if not authors:
            # "de la part de X", wherever the parser hung it inside the noun's phrase ("la menace
            # de droits de douane de 25 % de la part de Donald Trump")
            for c in (*verb.children, *tok.subtree):
                if c.dep_ == "nmod" and c.lemma_.lower() == "part" and c.i != tok.i:
                    authors.extend(g for g in c.children if g.dep_ == "nmod")
                    break
        reactors = [a for a in self._resolve_heads(authors, lang, when, ctx) if a.resolved]
        if not reactors and not authors and tok.lang_ == "fr":
            # "…, suscitant la condamnation de Berlin et de Londres": the noun's own genitive
            reactors = [a for a in out.sources if a.resolved]
        if not reactors:
            return
        drawers = [a for a in self._resolve_heads(subjects(verb, res.cues.unaccusative_verbs), lang, when, ctx)
                   if a.resolved]
        if not drawers and verb.dep_ in ("advcl", "conj", "xcomp"):
            drawers = [a for a in self._resolve_heads(subjects(verb.head, res.cues.unaccusative_verbs), lang, when, ctx)
                       if a.resolved]
        if not drawers and verb.dep_ == "acl" and verb.head.dep_ in OBJECT and verb.head.head.pos_ == "VERB":
            # "a rejeté l'accord, s'attirant …": the parser hangs the participle on the object
            drawers = [a for a in self._resolve_heads(subjects(verb.head.head, res.cues.unaccusative_verbs), lang,
                                                      when, ctx) if a.resolved]
        out.sources = reactors
        out.pair = []
        if drawers:
            out.targets = drawers


    def _reaction_to_governing_act(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                                   when: date | None, ctx: DocumentContext,
                                   by_index: dict[int, Trigger]) -> list[Actor]:
        """A reaction that comments on the act it hangs on:

        * "La Bolivie a rompu ses relations avec Israël, dénonçant une offensive …": the one
          the act was aimed at is the one denounced;
        * "leurs manœuvres, que Pyongyang dénonce comme …", "the drills, which Beijing
          condemned": those who carry out the act are the ones denounced.
        """
        head = tok.head
        governor = by_index.get(head.i) if head.i != tok.i else None
        if governor is None:
            return []
        own = {a.country for a in out.sources if a.resolved}
        participle = "Ger" in tok.morph.get("VerbForm") or "Part" in tok.morph.get("VerbForm") or tok.tag_ == "VBG"
        coordinated = tok.dep_ == "conj" and head.pos_ == "VERB" and head.i < tok.i
        if (tok.dep_ in ("advcl", "acl") and head.pos_ == "VERB" and participle) or coordinated:
            # "Rabat rappelle son ambassadrice à Berlin et dénonce une « attitude négative »"
            acted = self._arguments(governor, res, lang, when, ctx, by_index, borrow=False)
            return [a for a in acted.targets + acted.pair if a.resolved and a.country not in own]
        if tok.dep_ in ("acl:relcl", "relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            acted = self._arguments(governor, res, lang, when, ctx, by_index, borrow=True)
            return [a for a in acted.sources + acted.pair if a.resolved and a.country not in own]
        return []


    def _beneficiary_of_supported_act(self, target_heads: list[tuple[int, Token]], out: Roles, lang: str,
                                      when: date | None, ctx: DocumentContext) -> list[Actor]:
        """"un soutien massif à l'octroi du statut de candidat à l'Ukraine et à la Moldavie",
        "un soutien écrasant à la demande d'adhésion de la Palestine": support for an act goes
        to the actor the act is for (or whose act it is), named inside the supported phrase."""
        own = {a.country for a in out.sources if a.resolved}
        for _, head in sorted(target_heads, key=lambda x: x[0]):
            if head.pos_ != "NOUN":
                continue
            for t in head.subtree:
                if t.i == head.i or t.pos_ not in ("PROPN", "NOUN") or t.dep_ not in ("nmod", "pobj", "obl", "obl:arg"):
                    continue
                actors = [a for a in self._resolve_heads([t], lang, when, ctx) if a.resolved and a.country not in own]
                if actors:
                    return actors
        return []


    def _threatened_on_condition(self, tok: Token, out: Roles, lang: str, when: date | None,
                                 ctx: DocumentContext) -> list[Actor]:
        """"La Chine répondra fermement si les États-Unis livrent des armes à Taïwan, a averti
        Pékin": a threat made on a condition is aimed at whoever the condition is about (the
        subject of the "si/if/unless" clause of what is threatened)."""
        cues = self.languages[lang].cues
        clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "advcl")]
        if tok.dep_ in ("conj", "parataxis", "advcl") and tok.head.pos_ in ("VERB", "AUX") and tok.head.i < tok.i:
            clauses.append(tok.head)  # "… si Séoul poursuit ses exercices, a averti Pyongyang"
        own = {a.country for a in out.sources if a.resolved}
        for clause in clauses:
            for verb in (clause, *clause.subtree):
                if verb.dep_ != "advcl" or verb.i == tok.i or not any(
                        c.dep_ == "mark" and c.lower_ in cues.condition_markers for c in verb.children):
                    continue
                heads = subjects(verb, cues.unaccusative_verbs)
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved and a.country not in own]
                if actors:
                    return actors
        return []

    def _target_in_content(self, tok: Token, out: Roles, lang: str, when: date | None,
                           ctx: DocumentContext, ruled_out: bool = False) -> list[Actor]:
        """"a menacé d'imposer des droits de douane sur les produits importés du Mexique et du
        Canada", "threatened to seize Greenland": the one a threat is made against is named in
        what is threatened. The first actor of the complement that is not the threatener."""
        own = {a.country for a in out.sources if a.resolved}
        links = _CONTENT_LINKS | _RULED_OUT_LINKS if ruled_out else _CONTENT_LINKS
        complements = [c for c in tok.children if c.dep_ in links and (c.i > tok.i or c.dep_ == "ccomp")
                       and preposition_of(c) not in _REPORTER_PREPOSITIONS and c.lower_ != "according"]
        seen: set[int] = set()
        for complement in complements:
            # what is said names its subject too: "« Les États-Unis jouent avec le feu », a dénoncé Pékin"
            roles = _CONTENT_ROLES | _SPOKEN_SUBJECTS if complement.dep_ == "ccomp" else _CONTENT_ROLES
            for t in complement.subtree:
                if t.i in seen or t.pos_ not in ("NOUN", "PROPN", "ADJ") or (t.dep_ not in roles and t.i != complement.i):
                    continue
                actors = [a for a in self._resolve_heads([t], lang, when, ctx)
                          if a.resolved and (a.country not in own or _domestic_other_side(a, out))]
                seen.update(c.i for c in conjuncts(t))
                if actors:
                    return actors
        return []


    def _state_of_the_place(self, out: Roles, args: list[Argument], res: LanguageResources, lang: str,
                            when: date | None, ctx: DocumentContext) -> bool:
        """"Trois journalistes ont été arrêtés à Minsk", "activists were detained in Caracas": an
        arrest with no agent, made where it happens, is made by that state (annotation guideline
        §3); the people arrested belong to it unless the words say otherwise. True when applied."""
        if out.pair or any(a.resolved for a in out.sources):
            return False
        country = self._place_country(args, res, lang, when, ctx)
        if country is None:
            # "le maire d'Istanbul, rival d'Erdogan, a été placé en garde à vue": an opponent or a
            # lawmaker arrested with no place named is arrested by their own state
            own = next((t for t in out.targets if t.resolved and t.country and t.sector in ("OPP", "LEG")), None)
            if own is None:
                return False
            out.sources = [Actor(text=own.country, code=own.country + "GOV", country=own.country, sector="GOV")]
            return True
        out.sources = [Actor(text=country, code=country + "GOV", country=country, sector="GOV")]  # its authorities
        civilians = res.cues.civilian_words
        out.targets = [
            t if t.resolved else
            Actor(text=t.text, code=country + t.sector, country=country, sector=t.sector) if t.sector else
            Actor(text=t.text, code=country + "CVL", country=country, sector="CVL")
            if set(t.text.lower().split()) & civilians else t
            for t in out.targets]
        return True


    def _state_of_the_post(self, tok: Token, out: Roles, args: list[Argument], res: LanguageResources,
                           lang: str, when: date | None, ctx: DocumentContext, summons: bool) -> None:
        """An envoy summoned or expelled with no agent named: the state of the place where it
        happens ("convoqué à Ankara", "au Quai d'Orsay") or that it is expelled from ("expulsé de
        Russie"), else of the post named with the envoy
        ("le consul de France à Niamey a été expulsé")."""
        heads = [a.head for a in args if a.role == "oblique" and (
            a.prep in res.cues.locative_prepositions
            # "expulsé de Russie": the country it is expelled from
            or (a.prep in res.cues.source_prepositions and not summons))]
        if not heads:
            envoys = [a.head for a in args if a.role in ("subject", "passive_subject")]
            heads = [c for e in envoys for c in e.children if c.dep_ in ("nmod", "prep")
                     and preposition_of(c) in res.cues.locative_prepositions and preposition_of(c) not in ("de", "of")]
        known = {t.country for t in out.targets if t.resolved}
        for actor in self._resolve_heads(heads, lang, when, ctx):
            if actor.resolved and actor.country and actor.country not in known:
                out.sources = [actor]
                return

    def _object_relative_roles(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                               when: date | None, ctx: DocumentContext, target_spec: Sequence[str] = ()) -> None:
        """"… avec Vladimir Poutine, qu'ils ont exhorté à un cessez-le-feu": in a relative clause
        whose pronoun is the object, the noun it describes undergoes the act, and a subject
        pronoun stands for the subject of the clause above. So too when the pronoun follows one
        of the act's target prepositions ("le président iranien, avec qui il a signé un traité")."""
        relative = next((c for c in tok.children if c.lower_ in OBJECT_RELATIVES or (
            c.lower_ in OBLIQUE_RELATIVES and any(g.dep_ == "case" and g.lower_ in target_spec for g in c.children))),
            None)
        subject = next((c for c in tok.children if c.dep_ in SUBJECT), None)
        if relative is None and tok.dep_ == "relcl" and not any(
                c.dep_ in ("dobj", "obj") or c.lower_ in RELATIVE_PRONOUNS for c in tok.children):
            relative = subject  # "two British diplomats it accused of spying": no pronoun, no object
        if relative is None or subject is None or subject.pos_ != "PRON":
            return
        described = [a for a in self._resolve_heads([tok.head], lang, when, ctx) if a.resolved]
        current = tok.head
        actors: list[Actor] = []
        for _ in range(4):
            head = current.head
            if head.i == current.i:
                break
            if head.pos_ in ("VERB", "AUX"):
                heads = [h for h in subjects(head, res.cues.unaccusative_verbs) if h.pos_ != "PRON"]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                break
            current = head
        if described and actors:
            out.sources, out.targets = actors, described


    def _extradition_roles(self, args: list[Argument], out: Roles, res: LanguageResources, lang: str,
                           when: date | None, ctx: DocumentContext) -> None:
        """"L'ancien président hondurien a été extradé vers les États-Unis", "extradé de
        l'Équateur vers l'Italie": the state that hands the person over (named after "de/from",
        else the person's own) cooperates with the state that receives them (after "vers/to")."""
        origin = [a.head for a in args if a.role == "oblique" and a.prep in res.cues.source_prepositions | {"from"}]
        destination = [a.head for a in args if a.role == "oblique" and a.prep in ("vers", "à", "to", "en")]
        person = [a.head for a in args if a.role == "passive_subject"]
        receivers = [a for a in self._resolve_heads(destination, lang, when, ctx) if a.resolved]
        givers = [a for a in self._resolve_heads(origin, lang, when, ctx) if a.resolved]
        if not givers:
            givers = [a for a in self._resolve_heads(person, lang, when, ctx) if a.resolved and a.country]
            givers = [Actor(text=a.text, code=a.country, country=a.country) for a in givers[:1]]
        if givers and receivers:
            out.sources, out.targets = givers, receivers


    def _received_aid_roles(self, args: list[Argument], out: Roles, res: LanguageResources, lang: str,
                            when: date | None, ctx: DocumentContext) -> None:
        """"L'Ukraine a reçu ses premiers F-16 du Danemark", "Kyiv received Patriot missiles from
        Germany": aid received is given by the one it comes from ("de/from") to the subject."""
        froms = res.cues.source_prepositions | {"from"}
        origin = [a.head for a in args if a.role == "oblique" and a.prep in froms]
        for obj in (a.head for a in args if a.role == "object"):
            # "ses premiers F-16 du Danemark": the origin hung on the thing; "reçu de l'Allemagne
            # un lot": the origin read as a second object with "de" as its article
            origin += [c for c in obj.children if c.dep_ in ("nmod", "prep") and preposition_of(c) in froms]
            if obj.pos_ == "PROPN" and any(c.lower_ in froms and c.i < obj.i for c in obj.children):
                origin.append(obj)
        givers = [a for a in self._resolve_heads(origin, lang, when, ctx) if a.resolved]
        receivers = [a for a in out.sources if a.resolved]
        if givers and receivers:
            out.sources, out.targets = givers, receivers

    def _place_country(self, args: list[Argument], res: LanguageResources, lang: str, when: date | None,
                       ctx: DocumentContext) -> str | None:
        """The country of a place named after a locative preposition ("in Kathmandu", "en Argentine")."""
        heads = [a.head for a in args if a.role == "oblique" and a.prep in res.cues.locative_prepositions]
        for actor in self._resolve_heads(heads, lang, when, ctx):
            if actor.resolved and actor.country:
                return actor.country
        return None


    def _parties_of_the_outcome(self, tok: Token, res: LanguageResources, lang: str, when: date | None,
                                ctx: DocumentContext, by_index: dict[int, Trigger]) -> list[Actor]:
        """"L'Arabie saoudite et l'Iran sont convenus, au terme de pourparlers organisés à
        Pékin, de …", "agreed to a ceasefire after talks": talks named as the way to an
        agreement between several parties were held by those parties."""
        current = tok
        for _ in range(3):
            head = current.head
            if head.i == current.i or current.dep_ not in ("obl", "obl:mod", "nmod", "pobj", "prep", "advcl"):
                return []
            governor = by_index.get(head.i)
            if governor is not None:
                if not self.ontology.is_symmetric(governor.predicate.type):
                    return []
                heads = subjects(head, res.cues.unaccusative_verbs)
                actors = unique_actors([a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved])
                return actors if len(actors) >= 2 else []
            current = head
        return []


def _inside_the_act(tok: Token, top: Token, triggers: frozenset[int], limit: int = 5) -> bool:
    """Whether ``tok`` hangs under ``top`` through nominal and oblique links only: not through a
    subject, a clause of its own or another event's trigger."""
    current = tok
    for _ in range(limit):
        if current.i == top.i:
            return True
        if current.dep_ in SUBJECT or (current.i != tok.i and current.i in triggers):
            return False
        if current.dep_ in _OWN_CLAUSES and not (current.dep_ == "conj" and current.pos_ in ("NOUN", "PROPN")):
            return False  # (a noun coordinated with a noun stays in the phrase: "des troupes près de la frontière")
        if current.head.i == current.i:
            return False
        current = current.head
    return current.i == top.i


def _caused_by_a_decision(tok: Token, cause_verbs: frozenset[str]) -> bool:
    """The noun (or the "weeks of …" phrase around it) is what a cause verb brought about."""
    current = tok
    for _ in range(3):
        if current.dep_ in OBJECT and current.head.lemma_.lower() in cause_verbs:
            return True
        head = current.head
        if current.dep_ == "pobj" and head.dep_ == "prep":
            current = head.head
        elif current.dep_ == "nmod" and head.pos_ == "NOUN":
            current = head
        else:
            return False
    return False



def stray_prepositional_heads(verb: Token, spec: Sequence[str]) -> list[Token]:
    """"se sont entretenus pendant une heure au téléphone avec Vladimir Poutine": a recipient
    phrase ("avec", "with", "contre"…) the parser hung on a noun of the verb's adverbial
    phrases instead of on the verb. Only through nominal obliques, never into a clause or the
    subject."""
    preps = [p for p in spec if p not in ("obj", "iobj")]
    if not preps:
        return []
    found: list[Token] = []
    stack = [c for c in verb.children if c.dep_ in ("obl", "obl:mod", "obl:arg", "prep", "npadvmod")]
    while stack:
        t = stack.pop()
        if t.pos_ in ("VERB", "AUX"):
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.head.i != verb.i and preposition_of(t) in preps:
            found.append(t)
        if t.dep_ == "prep" and t.lower_ in preps and t.head.i != verb.i:
            found.extend(g for g in t.children if g.dep_ == "pobj")
        stack.extend(c for c in t.children if c.dep_ in ("nmod", "prep", "pobj", "obl", "obl:mod"))
    return sorted(found, key=lambda t: t.i)



def names_a_resolution(tok: Token, cues: Cues) -> bool:
    """"une résolution", "un projet de résolution", "the draft resolution"."""
    if tok.lemma_.lower() in cues.resolution_nouns or tok.lower_ in cues.resolution_nouns:
        return True
    return any(c.dep_ in ("nmod", "compound", "pobj", "prep") and (
        c.lemma_.lower() in cues.resolution_nouns or any(g.lemma_.lower() in cues.resolution_nouns for g in c.children))
        for c in tok.children)



def domestic_target(out: Roles, ctx: DocumentContext, civilians: frozenset[str]) -> None:
    """"Loukachenko a gracié le journaliste Roman Protassevitch", "police detained three
    opposition activists": in a sentence about one country only, the journalist or activist a
    state acts on belongs to it."""
    source = next((a for a in out.sources if a.resolved and a.country), None)
    if source is None or out.pair or any(c != source.country for c in ctx.sentence_countries):
        return
    country = source.country
    out.targets = [
        t if t.resolved else
        Actor(text=t.text, code=country + t.sector, country=country, sector=t.sector)
        if t.sector and t.sector != source.sector else
        Actor(text=t.text, code=country + "CVL", country=country, sector="CVL")
        if not t.sector and set(t.text.lower().split()) & civilians else t
        for t in out.targets]


#: sectors outside the state: a group of the source's own country that can be its counterpart
_NON_STATE_SIDES = frozenset({"REB", "OPP"})


def _domestic_other_side(actor: Actor, out: Roles) -> bool:
    """"Le président colombien a promis de négocier avec l'ELN": rebels or the opposition of the
    source's own country are a counterpart, when no source is of that sector itself."""
    return actor.sector in _NON_STATE_SIDES and not any(
        s.resolved and s.country == actor.country and s.sector == actor.sector for s in out.sources)
