"""Who did it to whom: the roles of a trigger read from the dependency parse, with
the fallbacks that news text needs (borrowed subjects, light verbs, coreference,
names the parser attached elsewhere), and their expansion into dyads.

:class:`ArgumentRules` is mixed into :class:`tocsin.coding.coder.Coder`; it
needs the coder's ``resolver``, ``languages``, ``ontology`` and ``options``.
``ArgumentRules._arguments`` runs the reading in order: the steps that read the clause's own
words (``clause_roles.py``, :class:`ClauseRoles`; the sides an act's verb names,
``sides_on_the_verb.py``, :class:`SidesOnTheVerb`), then those for a role the clause leaves empty
(``role_fallbacks.py``, :class:`RoleFallbacks`). The readings those steps call are in
``readings.py`` (:class:`RoleReadings`) and ``recipients.py`` (:class:`RecipientRules`), the
reading of a phrase as actors in ``phrases.py`` (:class:`PhraseActors`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from datetime import date

from tocsin.actors import Resolver
from tocsin.coding.announced_acts import AnnouncedActs
from tocsin.coding.attack_readings import AttackReadings
from tocsin.coding.clause_roles import ClauseRoles, RoleReading
from tocsin.coding.context import DocumentContext
from tocsin.coding.model import (
    EMBEDDING_TYPES,
    CoderOptions,
    LanguageResources,
    Roles,
    Trigger,
    same_actor,
    unique_actors,
)
from tocsin.coding.nationalities import NationalityReadings
from tocsin.coding.party_roles import PartyReadings
from tocsin.coding.phrases import PhraseActors
from tocsin.coding.protest_aims import ProtestAims
from tocsin.coding.reactions import ReactionReadings
from tocsin.coding.readings import RoleReadings
from tocsin.coding.recipients import RecipientRules
from tocsin.coding.role_fallbacks import RoleFallbacks
from tocsin.coding.sides_on_the_verb import SidesOnTheVerb
from tocsin.coding.summary_appositions import SummaryReactions
from tocsin.coding.weapon_roles import WeaponReadings
from tocsin.lang import Predicate
from tocsin.ontology import Ontology
from tocsin.records import Actor

#: prepositions of the place where an act happens, which names no recipient ("a refusé de jouer en
#: Russie")
_WHERE_PREPOSITIONS = frozenset({"en", "dans", "in"})

#: two-sided acts coded once per side (a truce, an exchange of prisoners: guideline §3)
TWO_SIDED_TYPES = frozenset({"RETREAT"})


def counterpart_sector(out: Roles, counterpart_words: frozenset[str]) -> None:
    """A counterpart holds the other side's office: "le ministre russe de la Défense a rencontré
    son homologue chinois" meets the Chinese defence minister (CHNMIL), not China. A counterpart
    placed only by its nationality takes the sector of the first placed actor of the other side
    when that actor is of another country."""

    def is_counterpart(actor: Actor) -> bool:
        return (actor.resolved and actor.country is not None and actor.sector is None
                and actor.code == actor.country
                and any(w in counterpart_words for w in re.findall(r"\w+", actor.text.lower())))

    def reference(actors: list[Actor]) -> Actor | None:
        return next((a for a in actors if a.resolved and a.country and a.sector and not is_counterpart(a)), None)

    for own, other in ((out.targets, out.sources), (out.sources, out.targets), (out.pair, out.pair)):
        ref = reference(other)
        if ref is None:
            continue
        for i, actor in enumerate(own):
            if is_counterpart(actor) and actor.country != ref.country:
                own[i] = dataclasses.replace(actor, sector=ref.sector, code=f"{actor.country}{ref.sector}")


class ArgumentRules(ClauseRoles, SidesOnTheVerb, ProtestAims, ReactionReadings, AnnouncedActs, SummaryReactions,
                    RoleFallbacks,
                    PartyReadings, RoleReadings, AttackReadings, RecipientRules, NationalityReadings, PhraseActors,
                    WeaponReadings):
    """Argument reading and dyad expansion (mixed into the coder)."""

    resolver: Resolver
    ontology: Ontology
    options: CoderOptions
    languages: dict[str, LanguageResources]

    def _arguments(self, trig: Trigger, res: LanguageResources, lang: str, when: date | None,
                   ctx: DocumentContext, by_index: dict[int, Trigger], borrow: bool = True) -> Roles:
        """The sources, recipients and pair of one trigger.

        The readings run in a fixed order, and the order is part of the rules: the clause's
        own words come first, each fallback after them fills a role only while it has no
        resolved actor (so the first reading that finds one wins), and the few readings at the
        end may replace a role found before. ``borrow`` is off when an act is read as part of
        another (the act named as a subject, the act a reaction answers): those readings do not
        look outside the nested act's own clause.
        """
        reading = RoleReading.start(trig, res, lang, when, ctx, by_index, borrow)
        # the clause's own words for each role (clause_roles.py)
        self._phrases_hung_elsewhere(reading)
        self._agent_hung_elsewhere(reading)
        self._sort_arguments(reading)
        self._subject_heads(reading)
        self._speaker_of_a_quoted_stance(reading)
        self._reciprocal(reading)
        self._possessor_source(reading)
        self._aimed_at_by_the_means(reading)
        self._ascribed_sources(reading)
        self._time_is_no_source(reading)
        self._acts_named_as_subject(reading)
        self._resolve_sources(reading)
        self._forces_in_the_genitive(reading)
        self._weapon_of_the_attack(reading)
        self._author_of_what_is_refused(reading)
        self._time_is_no_recipient(reading)
        self._resolve_pair(reading)
        self._resolve_targets(reading)
        self._parties_between(reading)
        self._sides_on_the_verb(reading)
        self._parties_of_an_announced_truce(reading)
        self._parties_of_the_agreed_text(reading)
        self._victims_of_the_attack(reading)
        self._forces_of_the_place(reading)
        # roles the clause leaves empty (role_fallbacks.py)
        self._agent_of_the_light_verb(reading)
        self._subject_of_the_light_verb(reading)
        self._dative_of_the_carrying_verb(reading)
        self._addressee_of_the_speech(reading)
        self._recipient_under_the_threat(reading)
        self._indirect_targets(reading)
        self._recipient_of_the_noun(reading)
        self._stray_partner(reading)
        self._parties_of_the_talks(reading)
        self._parties_of_the_reached_agreement(reading)
        self._visitor_on_a_visit(reading)
        self._travellers_to_the_talks(reading)
        self._ones_singled_out(reading)
        self._author_announcing_the_act(reading)
        self._borrowed_sources(reading)
        self._mediator(reading)
        self._clause_party(reading)
        self._nominal_fallback_targets(reading)
        self._verb_target_inside_the_object(reading)
        self._nationality_targets(reading)
        self._country_of_what_is_eased(reading)
        # readings of particular acts
        self._places_and_posts(reading)
        self._attack_and_deployment_targets(reading)
        self._reaction_targets(reading)
        self._aim_named_in_protest(reading)
        self._reaction_to_the_summed_act(reading)
        self._roles_of_clause_shapes(reading)
        self._blocked_resolution(reading)
        self._content_targets(reading)
        # the last readings, several of which replace a role found before
        self._last_readings(reading)
        self._targets_of_the_act_named_as_subject(reading)
        self._host_met_on_the_visit(reading)
        self._own_forces_mobilized(reading)
        if reading.pred.type == "ACCUSE" and reading.pred.pos == "VERB" and not reading.out.pair:
            self._no_victim_for_author(reading.tok, reading.out)
            self._accused_in_a_relative_clause(reading)
        counterpart_sector(reading.out, reading.cues.counterpart_words)
        return reading.out

    def _accused_in_a_relative_clause(self, reading: RoleReading) -> None:
        """"a dénoncé la mort de Navalny, dont il a imputé la responsabilité aux autorités
        russes", "a été condamnée par les ministres du G7, qui tiennent le Kremlin pour
        responsable": a relative clause on the condemned act or on the one who condemns names,
        by an accusation of its own, whom the condemnation accuses (not the victim)."""
        tok, by_index = reading.tok, reading.by_index
        phrases = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass", "obl:agent")]
        for phrase in phrases:
            for inner in phrase.subtree:
                trig = by_index.get(inner.i)
                if (trig is None or inner.dep_ not in ("acl:relcl", "relcl") or trig.predicate.type != "ACCUSE"
                        or trig.predicate.pos != "VERB"):
                    continue
                roles = self._arguments(trig, reading.res, reading.lang, reading.when, reading.ctx, {}, borrow=False)
                accused = [a for a in roles.targets if a.resolved
                           and not any(same_actor(a, s) for s in reading.out.sources if s.resolved)]
                if accused:
                    reading.out.targets = accused
                    return

    def _borrow_embedded(self, trig: Trigger, args: Roles, triggers: Sequence[Trigger], res: LanguageResources,
                         lang: str, when: date | None, ctx: DocumentContext) -> None:
        """A REQUEST/REJECT/THREATEN about an embedded event takes that event's actors as its target."""
        if trig.predicate.type not in EMBEDDING_TYPES or any(a.resolved for a in args.targets) or args.no_inference:
            return  # (nor the victim of a condemned harm whose author is untold)
        for other in triggers:
            if other is trig or self._governing_trigger(other.token, {trig.token.i: trig}) is None:
                continue
            inner = self._arguments(other, res, lang, when, ctx, {})
            candidates = [a for a in inner.pair + inner.targets + inner.sources if a.resolved]
            source_codes = {a.code for a in args.sources}
            candidates = [a for a in candidates if a.code not in source_codes]
            if candidates:
                args.targets = candidates
                return
        if trig.predicate.type != "REJECT" or trig.predicate.pos != "VERB":
            return
        # "La Suisse a refusé de réexporter vers l'Ukraine des munitions", "ont refusé de se
        # retirer de Goma": the refused act is no trigger of its own, or names no one, yet its
        # phrases name whom the refusal concerns
        trigger_tokens = {t.token.i for t in triggers}
        heads = [g for c in trig.token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                 for g in c.children if g.dep_ in ("obj", "iobj", "obl", "obl:arg", "obl:mod")
                 and g.pos_ in ("PROPN", "NOUN") and g.i not in trigger_tokens
                 and not any(k.dep_ == "case" and k.lower_ in _WHERE_PREPOSITIONS for k in g.children)]
        source_codes = {a.code for a in args.sources}
        named = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved and a.code not in source_codes
                 and not any(same_actor(a, s) for s in args.sources if s.resolved)]
        if named:
            args.targets = named

    # ------------------------------------------------------------------ dyads
    def _dyads(self, pred: Predicate, args: Roles, ctx: DocumentContext) -> list[tuple[Actor | None, Actor | None]]:
        symmetric = bool(pred.symmetric) or self.ontology.is_symmetric(pred.type) or args.reciprocal or args.mutual
        sources, targets, pair = args.sources, args.targets, args.pair
        resolved_sources = unique_actors([a for a in sources if a.resolved])
        if symmetric and args.object_target and len(resolved_sources) >= 2 and not pair:
            named = unique_actors([t for t in targets if t.resolved])
            if named and not any(same_actor(s, t) for s in resolved_sources for t in named):
                # "la France et l'Allemagne ont rencontré le président ukrainien": each party met
                # the one named as its partner, not each other
                return [(s, t) for s in resolved_sources for t in named]
        if symmetric and (not targets or len(resolved_sources) >= 2) and not (pair and resolved_sources):
            group = unique_actors(sources + pair)
            if len(group) >= 2:
                pairs = list(itertools.combinations(group, 2))
                if not self.ontology.is_symmetric(pred.type) and (args.mutual or args.reciprocal
                                                                  or pred.type in TWO_SIDED_TYPES
                                                                  or (pair and not sources
                                                                      and all(a.resolved for a in group))):
                    # "l'Inde et le Pakistan ont échangé des tirs", "la trêve entre Israël et le
                    # Hamas", "fighting between the army and the RSF": each side acts on the
                    # other, one event per side (guideline §3)
                    pairs += [(b, a) for a, b in pairs]
                return pairs
        if pair:
            if sources and any(a.resolved for a in sources):
                return [(s, t) for s in sources for t in pair]
            group = unique_actors(pair)
            if len(group) < 2:
                return [(None, group[0])]
            # "la trêve entre Israël et le Hamas": a two-sided act is one event per side
            # (annotation guideline §3); symmetric types need only one
            # (fighting between two sides is two attacks: "des affrontements entre l'armée et les FSR")
            return list(itertools.combinations(group, 2) if self.ontology.is_symmetric(pred.type)
                        else itertools.permutations(group, 2))
        if not any(t.resolved for t in targets):
            targets = self._inferred_target(pred, sources, args, ctx) or targets
        if not sources:
            return [(None, t) for t in targets]
        if not targets:
            return [(s, None) for s in sources]
        pairs = [(s, t) for s in sources for t in targets]
        if args.mutual and not self.ontology.is_symmetric(pred.type):
            # "le M23 … après des combats avec l'armée congolaise": each side fights the other
            pairs += [(t, s) for s, t in pairs if s is not None and t is not None and s.resolved and t.resolved]
        return pairs

    def _inferred_target(self, pred: Predicate, sources: list[Actor], args: Roles, ctx: DocumentContext) -> list[Actor]:
        if not self.options.infer_required_targets or not sources or not sources[0].resolved or args.no_inference:
            return []
        info = self.ontology.type_info(pred.type)
        if not info.requires_target:
            return []
        if pred.mode == "convict" and args.targets:
            return []  # "Nicolas Sarkozy a été condamné … dans l'affaire libyenne": the one sentenced is named
        other = ctx.other_than(sources[0].country, text="")
        if other is None or any(s.country == other.country for s in sources):
            return []  # not one of the act's own sources ("l'Algérie, la Grèce et Israël ont dépêché …")
        args.inferred = True
        return [other]


def complete_first(pairs: list[tuple[Actor | None, Actor | None]]) -> list[tuple[Actor | None, Actor | None]]:
    """When some dyads of a trigger have both actors resolved, drop the partial ones."""
    def full(p: tuple[Actor | None, Actor | None]) -> bool:
        return all(a is not None and a.resolved for a in p)

    if any(full(p) for p in pairs):
        return [p for p in pairs if full(p)]
    return pairs
