"""The readings, in order, for the roles a trigger's clause leaves empty: light verbs, recipients
named indirectly or hung on the author, stray partners, borrowed subjects, then the readings of
particular acts (places and envoys, attacks and deployments, reactions and answers, clause shapes,
blocked resolutions, the content of threats, requests and offers) and the few readings that may
replace a role already found.

:class:`RoleFallbacks` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`, whose
``_arguments`` runs these steps after those of :class:`~tocsin.coding.clause_roles.ClauseRoles`.
Each step is a group of readings; most fill a role only while it has no resolved actor, so a
reading placed earlier takes precedence over the ones after it. The readings themselves are
in ``readings.py`` (:class:`~tocsin.coding.readings.RoleReadings`) and ``recipients.py``
(:class:`~tocsin.coding.recipients.RecipientRules`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from tocsin.coding.act_names import drop_the_act_name
from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.conditional_responses import author_of_the_act_answered
from tocsin.coding.context import DocumentContext
from tocsin.coding.given_things import given_thing_roles
from tocsin.coding.model import Roles, same_actor
from tocsin.coding.qualifiers import Cues
from tocsin.coding.readings import REACTION_TYPES, _demonstrative
from tocsin.coding.recipient_phrases import asks_to_stop
from tocsin.coding.recipients import (
    domestic_target,
    names_a_resolution,
    stray_prepositional_heads,
)
from tocsin.coding.syntax import (
    OBJECT,
    PASSIVE_SUBJECT,
    arguments,
    is_passive,
    preposition_of,
    subjects,
)
from tocsin.records import Actor

#: types whose recipient may be the country a border is named after ("massé des troupes le long
#: de la frontière arménienne")
BORDER_TYPES = frozenset({"MOBILIZE", "ASSAULT"})

#: protests aimed at the state an embassy represents ("devant l'ambassade de France")
EMBASSY_TYPES = frozenset({"PROTEST"})

#: acts of a state on people within its borders (arrests, pardons, bans, attacks)
DOMESTIC_TYPES = frozenset({"COERCE", "CONCEDE", "SANCTION", "ASSAULT", "THREATEN", "REQUEST", "ACCUSE"})
#: reactions to an act named by a noun ("soutien à l'octroi du statut à l'Ukraine")
BENEFICIARY_TYPES = frozenset({"SUPPORT"})
#: offers and calls whose object is an act between two parties: each party is a recipient
PARTIES_OF_CONTENT_TYPES = frozenset({"AGREE", "REQUEST"})
#: types whose recipient may be named inside what is threatened or agreed ("menacé d'annexer
#: l'Essequibo", "agree to open membership talks with Ukraine")
CONTENT_TARGET_TYPES = frozenset({"THREATEN", "AGREE", "ACCUSE", "CONCEDE"})
#: types whose recipient may be named only by the nationality of what is acted on ("Russian
#: drones shot down"); not AID or MOBILIZE, where it is the origin of what is sent
NATIONALITY_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "REJECT", "SUPPORT",
                                      "REQUEST", "THREATEN", "RETREAT", "CONCEDE"})

#: speech acts whose recipient may be named by a phrase of address after the verb ("visant
#: Israël", "à l'adresse de Washington")
ADDRESSED_TYPES = frozenset({"THREATEN", "ACCUSE", "REJECT", "REQUEST"})

#: words that set a threat as the circumstance its recipient acts under ("sous la menace de",
#: "face à l'ultimatum de")
UNDER_THREAT_WORDS = frozenset({"sous", "face", "devant", "under", "facing"})

#: the CAMEO codes of a veto and of a mediation
VETO_CAMEO = "129"
MEDIATION_CAMEO = "045"

#: the United Nations in the knowledge base's organisations (whose Security Council votes resolutions)
UN_KEY = "united nations"

#: dependents by which an attack noun is what targets someone
_TARGETED_DEPS = frozenset({"obl:agent", "nmod"})
#: verbs whose object an attack noun as subject killed or wounded
KILLING_VERBS = frozenset({"tuer", "blesser", "kill", "wound"})


#: acts done by both their parties together, praised or condemned as such
_TWO_SIDED_ACTS = frozenset({"CONSULT", "AGREE", "COOPERATE"})



#: indefinite articles: a subject they open names someone not named before
_INDEFINITE = frozenset({"un", "une", "des"})
#: nouns of prepositional locutions with "à" ("au sujet de", "à l'issue de"), which name no recipient
_LOCUTION_NOUNS = frozenset({"sujet", "propos", "égard", "issue", "occasion", "lendemain", "veille", "suite",
                             "demande", "initiative", "appel", "invitation", "instar", "lumière", "cours", "heure"})

class RoleFallbacks:
    """The steps that read the roles a trigger's clause leaves empty (mixed into the coder)."""

    def _agent_of_the_light_verb(self, reading: RoleReading) -> None:
        """An event noun that is the passive subject of a light verb is done by the verb's agent
        ("Arrest warrants were issued by the ICC"); the noun's own source becomes its recipient."""
        tok, cues = reading.tok, reading.cues
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out = reading.out
        if (reading.borrow and reading.pred.pos == "NOUN" and not out.pair and tok.dep_ in PASSIVE_SUBJECT
                and tok.head.lemma_.lower() in cues.light_verbs and is_passive(tok.head)):
            # "Arrest warrants were issued by the ICC": the agent of the light verb acts
            agents = [a.head for a in arguments(tok.head) if a.role == "agent"] or [
                a.head for a in arguments(tok.head) if a.role == "oblique" and a.prep in cues.agent_prepositions
                and a.head.i > tok.head.i]  # "… ont été prolongées par l'UE" read as an adverbial
            actors = [a for a in self._resolve_heads(agents, lang, when, ctx) if a.resolved]
            if actors:
                own = [a for a in out.sources if a.resolved and not any(same_actor(a, b) for b in actors)]
                out.sources = actors
                if own and not any(t.resolved for t in out.targets):
                    out.targets = own

    def _subject_of_the_light_verb(self, reading: RoleReading) -> None:
        """An event noun that is the object of a light verb is done by the verb's subject ("les
        États-Unis ont annoncé un boycott des JO"), the noun's own source becoming its recipient;
        with the noun's own agent named, the subject acts only when it is of that agent's country
        ("Pedro Sánchez a annoncé la reconnaissance par l'Espagne …")."""
        tok = reading.tok
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if (reading.borrow and reading.pred.pos == "NOUN" and not out.pair
                and (tok.dep_ in OBJECT or (tok.dep_ in ("obl:arg", "obl") and preposition_of(tok) == "à"))
                and tok.head.lemma_.lower() in reading.cues.light_verbs):
            # (also "ont procédé à un échange", "a participé à des exercices")
            # "les États-Unis ont annoncé un boycott des JO de Pékin": the light verb's subject acts,
            # the noun's own "de/of" phrase is what it acts on
            actors = [a for a in self._borrowed_subject(tok, res, lang, when, ctx, False, reading.by_index) if a.resolved]
            agents = [a for a in out.sources if a.resolved]
            if actors and reading.agent_named and agents:
                # "le Qatar a annoncé la libération d'otages par le Hamas": the noun's own agent acts;
                # the subject only says who it is when it is of the agent's country ("Pedro Sánchez
                # a annoncé la reconnaissance par l'Espagne …")
                if all(any(a.country == b.country for b in agents) for a in actors):
                    out.sources = actors
            elif actors:
                own = [a for a in out.sources if a.resolved and not any(same_actor(a, b) for b in actors)]
                out.sources = actors
                if own and not any(t.resolved for t in out.targets):
                    out.targets = own

    def _dative_of_the_carrying_verb(self, reading: RoleReading) -> None:
        """An event noun that is the object of a verb with a dative clitic, or an "à" phrase after
        the noun, goes to whom the clitic or phrase stands for: "…, qui lui a réaffirmé le soutien
        de Londres", "il leur a exprimé son soutien", "réaffirmant l'appui de Téhéran au
        mouvement". Only while no recipient is found."""
        tok, out, cues = reading.tok, reading.out, reading.cues
        head = tok.head
        if (reading.pred.pos != "NOUN" or out.pair or any(a.resolved for a in out.targets)
                or tok.dep_ not in OBJECT or head.i == tok.i or head.pos_ != "VERB"):
            return
        datives = [c for c in head.children if c.dep_ == "iobj" and c.pos_ == "PRON" and c.i < head.i
                   and c.lower_ in cues.object_clitics and c.lower_ in ("lui", "leur")]
        # "a réaffirmé l'appui de Téhéran au mouvement chiite": the "à" phrase hung on the verb
        # (an adverbial only when a common noun: "à Genève" may be where it was said)
        # (not for talks, whose partner comes with "avec", nor "au sujet de", "à l'issue de" …)
        if reading.pred.type != "CONSULT":
            datives += [c for c in head.children if c.i > tok.i and preposition_of(c) in ("à", "au", "aux")
                        and c.lemma_.lower() not in _LOCUTION_NOUNS and (
                            (c.dep_ in ("obl:arg", "obl") and c.pos_ in ("NOUN", "PROPN"))
                            or (c.dep_ == "obl:mod" and c.pos_ == "NOUN"))]
        if not datives:
            return
        named = [a for a in self._resolve_heads(datives, reading.lang, reading.when, reading.ctx)
                 if a.resolved and not any(same_actor(a, s) for s in out.sources if s.resolved)]
        if named:
            out.targets = named

    def _addressee_of_the_speech(self, reading: RoleReading) -> None:
        """Whom a warning, a refusal, a charge or a call is aimed at, named after the speech verb
        by a phrase of its own (cue ``addressee_markers``): "« La réponse sera dévastatrice », a
        averti le commandant des Gardiens de la révolution, visant Israël", "a lancé X à
        l'adresse d'Israël", "en référence aux États-Unis". Only while no recipient is found."""
        tok, out, cues = reading.tok, reading.out, reading.cues
        if (reading.pred.type not in ADDRESSED_TYPES or not cues.addressee_markers
                or any(a.resolved for a in out.targets + out.pair)):
            return
        sent = tok.sent
        after = tok.doc[tok.i + 1:sent.end].text.replace("’", "'")
        low = after.lower()
        found = None
        for marker in cues.addressee_markers:
            end = r"" if marker.endswith("'") else r"(?!\w)"
            match = re.search(r"(?<!\w)" + re.escape(marker) + end, low)
            if match and (found is None or match.start() < found.start()):
                found = match
        if found is None:
            return
        rest = re.split(r"[,;:.»«()]", after[found.end():], maxsplit=1)[0].strip()
        if not rest:
            return
        named = [a for a in self.resolver.resolve_many(rest, lang=reading.lang, when=reading.when,
                                                       context=reading.ctx.salient_countries(), guess_country=False)
                 if a.resolved and not any(same_actor(a, s) for s in out.sources if s.resolved)]
        if named:
            out.targets = named

    def _recipient_under_the_threat(self, reading: RoleReading) -> None:
        """A threat named as the circumstance of a clause is aimed at the clause's subject: "Sous
        la menace de sanctions américaines, la Serbie a suspendu …", "face à l'ultimatum de
        Moscou, Chisinau a …". Only while no recipient is found."""
        tok, out = reading.tok, reading.out
        if (reading.pred.type != "THREATEN" or reading.pred.pos != "NOUN"
                or any(a.resolved for a in out.targets + out.pair)):
            return
        head = tok.head
        if (not tok.dep_.startswith("obl") or head.i == tok.i or head.pos_ not in ("VERB", "AUX")
                or not any(c.dep_ in ("case", "fixed") and c.lower_ in UNDER_THREAT_WORDS for c in tok.children)):
            return
        named = [a for a in self._resolve_heads(subjects(head, reading.cues.unaccusative_verbs), reading.lang,
                                                 reading.when, reading.ctx)
                 if a.resolved and not any(same_actor(a, s) for s in out.sources if s.resolved)]
        if named:
            out.targets = named

    def _indirect_targets(self, reading: RoleReading) -> None:
        """Recipients named indirectly (:meth:`~tocsin.coding.readings.RoleReadings._targets_from_heads`):
        "son homologue", an event noun whose own actor is the recipient, the act a reaction points
        back to ("s'est félicité de ce geste")."""
        tok, cues = reading.tok, reading.cues
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if reading.pred.type in REACTION_TYPES and any(a.resolved for a in out.targets):
            self._parties_of_the_two_sided_act(reading)
        if not any(a.resolved for a in out.targets):
            heads = [h for _, h in reading.target_heads]
            # (not one inside the subject of a one-sided act: "le président français et son homologue
            # égyptien ont appelé à un cessez-le-feu"; of a meeting it is the other party)
            heads += [t for t in tok.subtree if t.lemma_.lower() in cues.counterpart_words and t not in heads
                      and (reading.pred.symmetric or not _inside_subject(t, tok))]
            if reading.pred.type in REACTION_TYPES:
                # "Berlin s'est félicité de ce geste": the act pointed back to, in an oblique
                heads += [c for c in tok.children if c.dep_ in ("obl:arg", "obl") and c.pos_ == "NOUN"
                          and c not in heads and _demonstrative(c, cues)]
            self._targets_from_heads(out, heads, reading.trig, res, lang, when, ctx, reading.by_index)

    def _parties_of_the_two_sided_act(self, reading: RoleReading) -> None:
        """"s'est félicité de l'accord conclu entre l'Arménie et l'Azerbaïdjan", "a salué la
        rencontre entre X et Y": the phrase of what is praised or condemned resolves to its first
        name, while a two-sided act has both parties for recipients."""
        out, by_index = reading.out, reading.by_index
        for _, head in reading.target_heads:
            near = [c for c in head.children if c.dep_ in ("acl", "acl:relcl", "nmod")]
            # "l'accord de paix conclu entre …": the participle hung on the noun's complement
            acts = [head, *near, *(g for c in near if c.dep_ == "nmod" for g in c.children
                                   if g.dep_ in ("acl", "acl:relcl"))]
            for act in acts:
                inner = by_index.get(act.i)
                if (inner is None or inner is reading.trig or not inner.predicate.symmetric
                        or inner.predicate.type not in _TWO_SIDED_ACTS):
                    continue  # (a break with Israel praised by Hamas praises the one who broke)
                nested = self._arguments(inner, reading.res, reading.lang, reading.when, reading.ctx, {},
                                         borrow=False)
                found = nested.sources + nested.pair + nested.targets
                # "l'accord de paix signé entre l'Éthiopie et les rebelles du Tigré": the parties
                # hung on a participle that is no trigger of its own
                between = [g for c in act.children if c.dep_ in ("acl", "acl:relcl") and c.i not in by_index
                           for g in c.children if preposition_of(g) in reading.cues.dyad_prepositions]
                found = found + self._resolve_heads(between, reading.lang, reading.when, reading.ctx)
                parties: list[Actor] = []
                for a in found:
                    # (a state and its own rebels are two parties: codes, not countries, tell them apart)
                    if a.resolved and not any(a.code == b.code for b in parties):
                        parties.append(a)
                if len(parties) >= 2 and any(same_actor(a, t) for a in parties for t in out.targets if t.resolved):
                    out.targets = parties
                    return

    def _recipient_of_the_noun(self, reading: RoleReading) -> None:
        """An event noun's recipient hung by the parser on its author's "de" phrase ("la visite du
        président français au Maroc"); else, for a reaction to an act named by a noun, the act's
        author ("la rupture avec Israël, annoncée par Petro, a été saluée par le Hamas")."""
        pred = reading.pred
        res, lang, when, ctx, by_index = reading.res, reading.lang, reading.when, reading.ctx, reading.by_index
        out, target_heads = reading.out, reading.target_heads
        if (pred.pos == "NOUN" and not out.pair and not any(a.resolved for a in out.targets)
                and any(a.resolved for a in out.sources)):
            # "la visite du président français au Maroc", "l'attaque des rebelles houthis contre un
            # pétrolier grec", "le retrait des troupes françaises du Sénégal": the parser hangs the
            # recipient on the author's "de" phrase, the nearer noun
            hung = _recipient_on_the_author(reading.tok, reading.source_heads, reading.spec, reading.cues)
            if hung:
                found = [a for a in self._resolve_heads(hung, lang, when, ctx) if a.resolved
                         and not any(same_actor(a, s) for s in out.sources if s.resolved)]
                if found:
                    out.targets = found
        elif (pred.type in REACTION_TYPES and not reading.authored
              and sum(1 for a in out.targets if a.resolved) < 2  # both parties of a two-sided act, read before
              and any(h.i in by_index and h.pos_ == "NOUN" for _, h in target_heads)):
            # "la rupture avec Israël, annoncée par Petro, a été saluée par le Hamas": the praise
            # goes to who acted, not to the country named inside the act
            self._targets_from_heads(out, [h for _, h in target_heads if h.i in by_index], reading.trig, res,
                                     lang, when, ctx, by_index)

    def _stray_partner(self, reading: RoleReading) -> None:
        """The partner of a meeting hung by the parser on a noun of the verb's adverbials (not the
        partner of an act named there)."""
        tok, pred = reading.tok, reading.pred
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out = reading.out
        if pred.pos == "VERB" and pred.symmetric and not out.pair and not any(a.resolved for a in out.targets):
            # the partner of a meeting, hung by the parser on a noun of the verb's adverbials (not
            # the partner of an act named there: "… pour des pourparlers sur un cessez-le-feu avec la
            # Russie")
            stray = [h for h in stray_prepositional_heads(tok, tuple(p for p in reading.spec if p in reading.cues.partner_prepositions))
                     if not any(a.i in reading.by_index and a.i != tok.i for a in _ancestors_below(h, tok))]
            if stray:
                partners = [a for a in self._resolve_heads(stray, lang, when, ctx) if a.resolved]
                if partners:
                    out.pair = partners

    def _borrowed_sources(self, reading: RoleReading) -> None:
        """No source and no pair yet: the subject borrowed from a governing verb
        (:meth:`~tocsin.coding.readings.RoleReadings._borrowed_subject`), else, for a noun, the
        actors named in a window of words after it."""
        tok, pred = reading.tok, reading.pred
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if reading.borrow and not any(a.resolved for a in out.sources) and not any(a.resolved for a in out.pair):
            if pred.pos == "VERB" and any(
                    c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN"
                    and any(d.dep_ == "det" and d.lower_ in _INDEFINITE for d in c.children) for c in tok.children):
                return  # "…, tandis qu'un mouvement chiite yéménite a menacé …": someone new, not the one before
            if pred.pos == "VERB" and tok.dep_ == "advcl" and any(
                    c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN" and "Plur" in c.morph.get("Number")
                    and not any(d.dep_ in ("det", "poss", "det:poss") for d in c.children)
                    and c.lemma_.lower() not in reading.cues.force_nouns for c in tok.children):
                return  # "…, a day after gunmen killed 26 people": people of their own, not the main clause's subject
            borrowed = self._borrowed_subject(tok, res, lang, when, ctx, reading.passive, reading.by_index)
            if borrowed:
                out.sources = borrowed
            elif pred.pos == "NOUN":
                window = self._window_actors(tok, res, lang, when, ctx)
                if len(window) >= 2 and pred.symmetric:
                    out.pair = window
                elif window:
                    out.sources = window[:1]

    def _mediator(self, reading: RoleReading) -> None:
        """A mediation between two parties led by someone ("Le Qatar a mené une médiation entre
        Moscou et Kiev"): the mediator meets each party; the parties do not meet each other."""
        tok, pred = reading.tok, reading.pred
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if (reading.borrow and pred.pos == "NOUN" and pred.cameo == MEDIATION_CAMEO and out.pair
                and not any(a.resolved for a in out.sources) and tok.dep_ in OBJECT
                and tok.head.lemma_.lower() in reading.cues.light_verbs):
            # "Le Qatar a mené une médiation entre Moscou et Kiev": the one who mediates meets each
            # party, the two parties do not meet each other
            parties = {a.country for a in out.pair if a.resolved}
            mediators = [a for a in self._borrowed_subject(tok, res, lang, when, ctx, False, reading.by_index)
                         if a.resolved and a.country not in parties]
            if mediators:
                out.sources = mediators

    def _clause_party(self, reading: RoleReading) -> None:
        """A fight with someone named in an adverbial is fought by the clause's subject
        (:meth:`~tocsin.coding.readings.RoleReadings._party_of_the_clause`)."""
        pred = reading.pred
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if (reading.borrow and pred.pos == "NOUN" and not any(a.resolved for a in out.sources)
                and (out.pair or (pred.symmetric and any(a.resolved for a in out.targets)))
                and sum(1 for a in out.pair if a.resolved) < 2):
            # (but "sans accord entre Israël et le Hamas": a pair named has both its sides)
            out.sources = self._party_of_the_clause(reading.tok, out, res, lang, when, ctx) or out.sources

    def _nominal_fallback_targets(self, reading: RoleReading) -> None:
        """An event noun with no recipient: a complement of the governing verb, else (with no
        nested agent) the phrase in a window of words after it."""
        tok, spec = reading.tok, reading.spec
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out = reading.out
        if not any(a.resolved for a in out.targets) and not out.pair and reading.pred.pos == "NOUN":
            window = [] if reading.nested_agent is not None else self._window_target(tok, spec, lang, when, ctx)
            if reading.pred.type in REACTION_TYPES and any(same_actor(a, s) for a in window for s in out.sources
                                                           if s.resolved):
                window = []  # "la condamnation de Berlin et de Londres": the phrase after it names its authors
            out.targets = self._governor_targets(tok, spec, lang, when, ctx) or window or out.targets

    def _verb_target_inside_the_object(self, reading: RoleReading) -> None:
        """A verb with no recipient: the recipient's phrase hung inside the object ("ont dépêché
        des équipes de secouristes en Turquie")."""
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out = reading.out
        if reading.pred.pos == "VERB" and not out.pair and not any(a.resolved for a in out.targets) and not (
                reading.pred.type == "REQUEST" and asks_to_stop(reading.tok)):
            inside = self._target_inside_object(reading.tok, reading.spec, lang, when, ctx)
            if inside:
                out.targets = inside
                # "le Canada et l'Italie ont promis une aide à l'Ukraine": each source gives to the
                # one named, the sources are no pair (arguments._dyads)
                out.object_target = True

    def _nationality_targets(self, reading: RoleReading) -> None:
        """The recipient named only by the nationality of what is acted on ("Russian drones shot
        down")."""
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        out = reading.out
        if reading.pred.type in NATIONALITY_TARGET_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            owners = self._nationality_of_things([h for _, h in sorted(reading.target_heads, key=lambda x: x[0])],
                                                 lang, when, ctx)
            if owners:
                out.targets = owners

    def _country_of_what_is_eased(self, reading: RoleReading) -> None:
        """A restriction lifted with no recipient named: the country of the goods or people it
        held back, read from their adjective of nationality ("a levé l'interdiction des
        importations de bœuf australien")."""
        out = reading.out
        if (reading.pred.type == "CONCEDE" and reading.pred.pos == "VERB" and reading.pred.object
                and not out.pair and not any(a.resolved for a in out.targets)):
            objects = [c for c in reading.tok.children if c.dep_ in ("obj", "dobj")]
            owners = self._nationality_of_things(objects, reading.lang, reading.when, reading.ctx) if objects else []
            if owners:
                out.targets = owners

    def _places_and_posts(self, reading: RoleReading) -> None:
        """Roles given by a place: the state an embassy protested represents; the state that
        summons or expels an envoy where it serves; the state of the place of a conviction,
        else a place or civilians as the recipient."""
        tok, pred, args, passive = reading.tok, reading.pred, reading.args, reading.passive
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if pred.type in EMBASSY_TYPES:
            self._embassy_protested(tok, out, res, lang, when, ctx)
        if (passive and pred.type in ("ACCUSE", "SANCTION") and tok.lemma_.lower() in reading.cues.envoy_verbs
                and not out.pair and not any(a.resolved for a in out.sources)):
            # "l'ambassadeur d'Israël a été convoqué à Ankara", "le consul de France au Niger a été
            # expulsé": the state where it happens (or where the envoy serves) summons or expels
            self._state_of_the_post(tok, out, args, res, lang, when, ctx, summons=pred.type == "ACCUSE")
        if not ((pred.type == "COERCE" or pred.mode == "convict") and passive
                and self._state_of_the_place(out, args, res, lang, when, ctx)):
            self._locative_or_civilian_target(tok, pred, out, args, res, lang, when, ctx)

    def _attack_and_deployment_targets(self, reading: RoleReading) -> None:
        """Recipients of force, deployments and visits: whoever a deployment warns, the holder of
        ground an offensive retakes, whom ground is taken from, whom an attack noun targeted or
        killed, the host of a visit's venue, the country a border is named after."""
        tok, pred, cues = reading.tok, reading.pred, reading.cues
        res, lang, when, ctx, by_index = reading.res, reading.lang, reading.when, reading.ctx, reading.by_index
        out = reading.out
        if reading.borrow and pred.type == "MOBILIZE" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._warned_by_deployment(tok, out, res, lang, when, ctx, by_index) or out.targets
        if pred.type == "ASSAULT" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._held_by_whom_it_retakes(tok, out, res, lang, when, ctx) or out.targets
        if (pred.type in ("ASSAULT", "COERCE") and pred.pos == "VERB" and not out.pair
                and tok.lemma_.lower() in cues.retaking_verbs and not any(a.resolved and a.sector for a in out.targets)):
            out.targets = self._whom_ground_is_taken_from(tok, out, lang, when, ctx) or out.targets
        if pred.type == "ASSAULT" and pred.pos == "NOUN" and not out.pair and tok.dep_ in _TARGETED_DEPS:
            self._targeted_by_the_attack(tok, out, cues, lang, when, ctx)
        if (pred.type == "ASSAULT" and pred.pos == "NOUN" and not out.pair and tok.dep_ == "nsubj"
                and tok.head.lemma_.lower() in KILLING_VERBS and not any(a.resolved for a in out.targets)):
            # "Une frappe israélienne a tué trois membres du Hezbollah": who the attack killed
            killed = [c for c in tok.head.children if c.dep_ in OBJECT]
            sides = {a.country for a in out.sources if a.resolved}
            out.targets = [a for a in self._resolve_heads(killed, lang, when, ctx)
                           if a.resolved and (a.country not in sides or a.sector)] or out.targets
        if pred.mode == "visit" and out.targets and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._host_of_the_venue(tok, out, [h for _, h in reading.target_heads], ctx) or out.targets
        if pred.type in BORDER_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._facing_the_border(tok, out, res, lang, when, ctx, by_index) or out.targets

    def _roles_of_clause_shapes(self, reading: RoleReading) -> None:
        """Roles of particular clause shapes: an object relative clause, aid received or told by
        the thing given (``given_things.py``), an extradition, an act called by its name."""
        tok, pred, cues, args, passive = reading.tok, reading.pred, reading.cues, reading.args, reading.passive
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if pred.pos == "VERB" and tok.dep_ in ("acl:relcl", "relcl", "acl") and not passive:
            self._object_relative_roles(tok, out, res, lang, when, ctx, pred.target)
        if pred.type == "AID" and tok.lemma_.lower() in cues.receiving_verbs and not passive:
            self._received_aid_roles(args, out, res, lang, when, ctx)
        given_thing_roles(reading, lambda heads: self._resolve_heads(heads, lang, when, ctx))
        if (pred.type == "COOPERATE" and passive and tok.lemma_.lower() in cues.extradition_verbs
                and not any(a.resolved for a in out.sources)):
            self._extradition_roles(args, out, res, lang, when, ctx)
        drop_the_act_name(reading)  # "their Balikatan exercises": the name is no actor (act_names.py)

    def _blocked_resolution(self, reading: RoleReading) -> None:
        """A veto or refusal of a (draft) resolution blocks a decision of the Security Council:
        the United Nations is the recipient."""
        pred, cues = reading.pred, reading.cues
        out = reading.out
        if pred.type == "REJECT" and (
                any(names_a_resolution(h, cues) for _, h in reading.target_heads)
                # "la résolution …, bloquée par le veto américain": a veto that blocks a resolution
                # named anywhere in the sentence, wherever the parser hung the two
                or (pred.cameo == VETO_CAMEO and not any(a.resolved for a in out.targets)
                    and any(t.pos_ == "NOUN" and names_a_resolution(t, cues) for t in reading.tok.sent))):
            # "ont mis leur veto à un projet de résolution américain": what is blocked is a decision
            # of the Security Council
            un = self.resolver.kb.organisations.get(UN_KEY)
            if un is not None:
                out.targets = [Actor(un.name, un.code, un.country, un.sector, un.name, un.entity_id)]

    def _content_targets(self, reading: RoleReading) -> None:
        """Recipients read from the content of the act: the condition of a threat, the actor whose
        act is requested, the parties of a proposed act, the recipient inside what is threatened
        or agreed, the author of the occasion of an accusation, the country of the reason for
        support, the beneficiary of a supported act."""
        tok, pred = reading.tok, reading.pred
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if pred.type == "THREATEN" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._threatened_on_condition(tok, out, lang, when, ctx) or out.targets
        if pred.type == "REQUEST" and pred.pos == "VERB" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._actor_of_requested_act(tok, reading.trig, out, res, lang, when, ctx) or out.targets
        if pred.type in PARTIES_OF_CONTENT_TYPES and pred.pos == "VERB" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._parties_of_proposed_act(tok, out, reading.cues, lang, when, ctx) or out.targets
        if (pred.type == "THREATEN" and not out.pair and not any(a.resolved for a in out.targets)
                and tok.lemma_.lower() in reading.cues.rule_out_verbs):
            # "n'a pas exclu le recours à la force": the act not ruled out is no recipient
            out.targets = self._target_in_content(tok, out, lang, when, ctx, ruled_out=True)
        if (pred.type in CONTENT_TARGET_TYPES and not out.pair and not any(a.resolved for a in out.targets)
                and not (pred.symmetric and len(out.sources) >= 2)):
            # (but "le gouvernement et les rebelles ont signé à Pretoria un accord": two sides
            # of a two-sided act are each other's partner, the place is none)
            out.targets = self._target_in_content(tok, out, lang, when, ctx) or out.targets
        if pred.type == "ACCUSE" and pred.pos == "VERB" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._author_of_the_occasion(tok, out, lang, when, ctx) or out.targets
        if pred.type == "SUPPORT" and pred.pos == "VERB" and not out.pair:
            out.targets = self._country_of_the_reason(tok, out, res, lang, when, ctx) or out.targets
        if pred.type in BENEFICIARY_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._beneficiary_of_supported_act(reading.target_heads, out, lang, when, ctx) or out.targets
        if pred.type == "THREATEN" and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._threatened_by_the_clause(tok, out, lang, when, ctx) or out.targets
        author_of_the_act_answered(reading, self)  # "respond to any deployment of US missiles"

    def _threatened_by_the_clause(self, tok: Token, out: Roles, lang: str, when: date | None,
                                  ctx: DocumentContext) -> list[Actor]:
        """"a sommé les partis de cesser toute activité, menaçant de poursuites …", "a ordonné un
        siège de la bande de Gaza, menaçant de couper l'électricité": a closing participle of
        threat says what will follow for the one the clause acts on (its object, or who its
        object names)."""
        if (tok.pos_ != "VERB" or tok.dep_ != "advcl" or not tok.lower_.endswith("ant") or tok.i < 1
                or tok.doc[tok.i - 1].text != "," or tok.head.pos_ not in ("VERB", "AUX") or tok.head.i > tok.i):
            return []
        objects = [c for c in tok.head.children if c.dep_ in ("obj", "iobj") and c.pos_ in ("NOUN", "PROPN")]
        if not objects:
            return []
        own = {a.country for a in out.sources if a.resolved}
        heads = [objects[0], *(g for g in objects[0].subtree if g.dep_ == "nmod" and g.pos_ in ("NOUN", "PROPN"))]
        for head in heads:
            actors = self._resolve_heads([head], lang, when, ctx)
            found = [a for a in actors if a.resolved and (a.country not in own or a.sector and not any(
                s.country == a.country and s.sector == a.sector for s in out.sources))]
            if found:
                return found
            if head is objects[0] and actors and all(not a.resolved for a in actors):
                if any(a.sector for a in actors) or set(head.text.lower().split()) & self.languages[lang].cues.civilian_words:
                    return actors  # "les partis politiques": the state's own people, placed later
        return []

    def _last_readings(self, reading: RoleReading) -> None:
        """The last readings, several of which replace a role found before: an accusation in
        apposition, whoever reports an interception, a state acting on its own people, the agent
        of a participle, the roles of a protest, a resumed act, an act at someone's request."""
        tok, pred = reading.tok, reading.pred
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if pred.type == "ACCUSE" and pred.pos == "VERB":
            self._accusation_in_apposition(tok, out, lang, when, ctx)
            self._accused_beside_the_clause(tok, out, lang, when, ctx)
        if pred.type == "ASSAULT" and reading.passive and not any(a.resolved for a in out.sources):
            out.sources = self._interceptor_who_reports(tok, out, lang, when, ctx) or out.sources
        if pred.type in DOMESTIC_TYPES:
            domestic_target(out, ctx, reading.cues.civilian_words)
        self._participle_agent_source(tok, pred, out, res, lang, when, ctx)
        if pred.type == "PROTEST":
            self._protest_roles(tok, pred, out, reading.args, res, lang, when, ctx)
        self._resumed_act_target(tok, pred, out, res, lang, when, ctx)
        self._at_the_request_target(tok, pred, out, res, lang, when, ctx)

    def _targets_of_the_act_named_as_subject(self, reading: RoleReading) -> None:
        """The recipients of an act named as the subject (``act_targets``, read by
        :meth:`~tocsin.coding.clause_roles.ClauseRoles._acts_named_as_subject`) when nothing
        better was found; the people killed, placed by no country of their own, are the attacked
        place's."""
        out, act_targets = reading.out, reading.act_targets
        own = {a.country for a in out.sources if a.resolved}
        if act_targets and not out.pair and not any(a.resolved and a.country not in own for a in out.targets):
            # (the people killed, placed by no country of their own, are the attacked place's)
            out.targets = [Actor(text=t.text, code=a.country + t.sector, country=a.country, sector=t.sector)
                           if t.sector and t.country in own and a.country else a
                           for a in act_targets for t in (out.targets or [a])][:len(act_targets)]

    def _parties_of_proposed_act(self, tok: Token, out: Roles, cues: Cues, lang: str, when: date | None,
                                 ctx: DocumentContext) -> list[Actor]:
        """"l'Égypte a proposé une nouvelle trêve entre Israël et le Hamas", "a appelé à un
        cessez-le-feu entre l'Inde et le Pakistan": an offer or a call of an act between two
        parties goes to each party (not to the one who offers or calls)."""
        own = [a for a in out.sources if a.resolved]
        # also the object of the verb offered or called for ("a proposé d'accueillir des
        # pourparlers entre la Russie et l'Ukraine")
        heads = [tok, *(c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
        for noun in (n for h in heads for n in h.children):
            if noun.pos_ != "NOUN" or not (noun.dep_ in OBJECT or preposition_of(noun) in ("à", "to", "for")):
                continue
            between = [c for c in noun.children if preposition_of(c) in cues.dyad_prepositions]
            if not between:
                continue
            parties = [a for a in self._resolve_heads(between, lang, when, ctx)
                       if a.resolved and not any(same_actor(a, s) for s in own)]
            if len(parties) >= 2:
                return parties
        return []


def _recipient_on_the_author(noun: Token, source_heads: Sequence[Token], spec: Sequence[str], cues: Cues) -> list[Token]:
    """The phrases of an event noun's "de" phrase (its author) that open with one of the
    row's recipient prepositions; a "de" phrase there counts only when it is a name (a country
    left: "le retrait des troupes françaises du Sénégal")."""
    preps = {p for p in spec if p not in ("obj", "iobj")}
    found: list[Token] = []
    for author in source_heads:
        if author.head.i != noun.i or preposition_of(author) not in cues.source_prepositions:
            continue
        # down the author's own "de" phrases and adjectives ("la visite d'État du roi Charles III
        # en France", "des troupes américaines d'Irak"), two steps at most
        reach = [(author, 0)]
        while reach:
            word, depth = reach.pop()
            for child in word.children:
                if child.i < author.i:
                    continue
                prep = preposition_of(child) if child.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") else None
                if prep in preps and (prep not in cues.source_prepositions or child.pos_ == "PROPN"):
                    found.append(child)
                elif depth < 2 and (prep in cues.source_prepositions or (child.dep_ == "amod" and child.pos_ == "ADJ")):
                    reach.append((child, depth + 1))
    return sorted(found, key=lambda t: t.i)


def _ancestors_below(tok: Token, top: Token) -> list[Token]:
    """The heads between ``tok`` and its ancestor ``top`` (neither included)."""
    found: list[Token] = []
    for head in tok.ancestors:
        if head.i == top.i:
            break
        found.append(head)
    return found


def _inside_subject(word: Token, verb: Token) -> bool:
    """Whether ``word`` lies in a subject of ``verb`` (the subject itself or a word under it)."""
    current = word
    while current.i != verb.i and current.head.i != current.i:
        if current.head.i == verb.i:
            return current.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")
        current = current.head
    return False
