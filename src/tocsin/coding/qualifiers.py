"""Negation, modality and attribution of a predicate, read from the parse and the cue lists.

The cue words come from ``lang/<iso>/cues.json``; the rules are the same in
every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from tocsin.coding.conditional_responses import act_of_a_kind_answered
from tocsin.coding.syntax import (
    CONTRACTIONS,
    OBJECT,
    PASSIVE_SUBJECT,
    SUBJECT,
    morph_values,
    preposition_of,
)

#: links through which a governing verb lends its negation/modality to a dependent predicate
CONTROL_LINKS = frozenset({"xcomp", "ccomp", "obj", "dobj", "pcomp", "acl", "advcl", "obl", "obl:arg", "prep", "pobj", "nsubj", "nsubj:pass", "nsubjpass", "attr", "oprd"})
REPORT_LINKS = frozenset({"ccomp", "parataxis", "advcl", "xcomp", "obj", "dobj", "parataxis:insert", "conj"})


@dataclass(frozen=True)
class Cues:
    """The cue lists of one language, as frozen sets and mappings."""

    negation_adverbs: frozenset[str]
    negation_determiners: frozenset[str]
    negation_prepositions: frozenset[str]
    negating_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    #: endings that only a future tense has, for verbs the tagger reads as present tense
    #: ("mèneront", "organiseront": no French present tense ends in "-ront")
    future_endings: tuple[str, ...]
    conditional_auxiliaries: frozenset[str]
    modal_verbs: Mapping[str, str]
    modal_adjectives: Mapping[str, str]
    hypothetical_markers: frozenset[str]
    #: nouns of a phrase that states a condition ("en cas d'attaque"): the clause's act is hypothetical
    hypothetical_nouns: frozenset[str]
    attribution_prepositions: frozenset[str]
    reporting_verbs: frozenset[str]
    report_back_subjects: frozenset[str]
    light_verbs: frozenset[str]
    dyad_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    source_prepositions: frozenset[str]
    pair_phrases: tuple[str, ...]
    pronouns_singular: frozenset[str]
    pronouns_plural: frozenset[str]
    reciprocal_words: frozenset[str]
    counterpart_words: frozenset[str]
    possessive_determiners: frozenset[str]
    #: "leur", "their": a possessor of two or more ("lors de leur entretien")
    plural_possessives: frozenset[str]
    civilian_words: frozenset[str]
    locative_prepositions: frozenset[str]
    actor_nouns: frozenset[str]
    quantifier_nouns: frozenset[str]
    unaccusative_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    reciprocal_verbs: frozenset[str]
    targeting_verbs: frozenset[str]
    #: weekdays and times of day that the parser lets take the next phrase (coding/time_repairs.py)
    time_nouns: frozenset[str] = frozenset()
    #: nouns that sum up the act of the clause they are apposed to ("un geste salué par Varsovie")
    resumptive_nouns: frozenset[str] = frozenset()
    #: event nouns that, after a preposition, only set the circumstance of the clause
    #: ("à l'appel de l'intersyndicale"): the clause's act is the event
    circumstance_nouns: frozenset[str] = frozenset()
    #: prepositions that date a clause from an earlier event ("depuis le début du mouvement",
    #: "since the coup"): the event noun they introduce is a backdrop, not a reported act
    past_anchors: frozenset[str] = frozenset()
    #: "après/after" after a long span ("deux ans après son arrestation"): the event noun it
    #: introduces is long past, the backdrop of the clause
    elapsed_markers: frozenset[str] = frozenset()
    #: units of a long span of time ("ans", "mois", "years")
    long_time_units: frozenset[str] = frozenset()
    #: works and records that are about events ("un documentaire consacré aux manifestations",
    #: "information on the strikes"): the events they are about are their topic, not reported acts
    topic_nouns: frozenset[str] = frozenset()
    #: adjectives that judge how likely an event is ("une offensive reste improbable", "an
    #: invasion is unlikely"): the event noun they are said of is a forecast, not an act
    likelihood_adjectives: frozenset[str] = frozenset()
    #: markets, prices and economic figures: as the subject of a verb of conflict they
    #: describe the economy ("la Bourse a menacé de décrocher"), no political act
    market_nouns: frozenset[str] = frozenset()
    #: dangers a warning can be about with no one threatened ("met en garde contre la propagation
    #: du choléra", "la menace d'une récession")
    hazard_nouns: frozenset[str] = frozenset()
    #: determiners of "any" ("toute livraison d'armes", "any deployment"): the event noun
    #: names a kind of act that might happen, not one that did
    any_determiners: frozenset[str] = frozenset()
    #: nouns that make the event noun after them a venue ("en marge d'une réunion des BRICS",
    #: "on the sidelines of the summit"): the meeting there is the event
    venue_markers: frozenset[str] = frozenset()
    #: groups that no country stands for ("l'Occident", "la communauté internationale", "the
    #: West"): as the object of an act they are its recipient, left uncoded (guideline §2)
    unplaced_groups: frozenset[str] = frozenset()
    #: natural hazards and accidents: what they destroy or kill is not an attack by anyone
    hazard_words: frozenset[str] = frozenset()
    #: verbs of accidents ("the helicopter crashed", "s'est écrasé": pronominal in French)
    hazard_verbs: frozenset[str] = frozenset()
    #: prepositions that name what a protest is against ("against the reform", "contre la loi")
    grievance_prepositions: frozenset[str] = frozenset()
    #: conjunctions of a condition ("if", "unless", "si", "à moins que"): what is stated as the
    #: condition of another act is not itself an event
    condition_markers: frozenset[str] = frozenset()
    #: nouns for people acting with no institution named ("gunmen", "des hommes armés")
    person_nouns: frozenset[str] = frozenset()
    #: words of sport: "beat", "eliminated", "attack" in a match report are no political acts
    sport_words: frozenset[str] = frozenset()
    #: prepositions of the partner of a meeting or a deal ("avec", "with")
    partner_prepositions: frozenset[str] = frozenset()
    #: what a veto blocks at the United Nations ("a resolution", "un projet de résolution")
    resolution_nouns: frozenset[str] = frozenset()
    #: pronouns that stand for the last one named ("celui-ci", "ce dernier", "the latter")
    latter_pronouns: frozenset[str] = frozenset()
    #: participles that ascribe an act to its author ("attribuée à", "imputé à", "revendiqué
    #: par", "blamed on", "claimed by"), the prepositions of the author ("à", "on", "to") and
    #: the verbs whose "par/by" phrase is the author itself ("revendiquer", "claim")
    ascribing_verbs: frozenset[str] = frozenset()
    ascribed_to_prepositions: frozenset[str] = frozenset()
    claiming_verbs: frozenset[str] = frozenset()
    #: nouns of manner after "par/by" that name no agent ("par contumace", "by acclamation")
    manner_nouns: frozenset[str] = frozenset()
    #: verbs of accepting what another does ("n'acceptera jamais l'annexion"): accepting a
    #: harmful act promises none
    acceptance_verbs: frozenset[str] = frozenset()
    #: verbs of deciding whose object, a sanction or aid, is the act decided ("agreed new
    #: sanctions", "a approuvé un paquet de sanctions")
    decision_verbs: frozenset[str] = frozenset()
    #: object clitics that stand for an actor named before ("l'a reçu", "lui a demandé")
    object_clitics: frozenset[str] = frozenset()
    #: texts an actor adopts or issues that speak for it ("une résolution exigeant …", "a
    #: statement calling for …"): the act a participle describing one names is the actor's
    statement_nouns: frozenset[str] = frozenset()
    #: verbs of answering an act whose manner clause names the act ("a riposté en sanctionnant")
    response_verbs: frozenset[str] = frozenset()
    #: verbs whose bare object is called on the phone ("a appelé son homologue")
    bare_call_verbs: frozenset[str] = frozenset()
    response_nouns: frozenset[str] = frozenset()
    envoy_verbs: frozenset[str] = frozenset()
    demonstrative_determiners: frozenset[str] = frozenset()
    #: verbs of handing a person over to another state ("extradé vers les États-Unis")
    extradition_verbs: frozenset[str] = frozenset()
    #: meetings named as a venue ("en marge du sommet de l'APEC"): an event only with its parties
    venue_nouns: frozenset[str] = frozenset()
    #: verbs by which an actor draws a reaction on itself ("drawing a rebuke from China",
    #: "s'attirant la menace de … de la part de Trump")
    drawing_verbs: frozenset[str] = frozenset()
    #: verbs of ruling out: refusing to rule out an act is not ruling it out ("refused to rule
    #: out using force" is a threat, not a refusal)
    rule_out_verbs: frozenset[str] = frozenset()
    #: verbs besides the reporting verbs that close a statement with the speaker after them
    #: ("…, a averti Pékin", "…, a dénoncé Tokyo")
    inverted_speech_verbs: frozenset[str] = frozenset()
    #: people who protest: what they demand or denounce is their protest
    protester_words: frozenset[str] = frozenset()
    #: nouns whose infinitive says what they are about, no act that happened ("tentative de",
    #: "complot visant à", "plot to")
    content_nouns: frozenset[str] = frozenset()
    #: drones and missiles: brought down, they are claimed by whoever reports it
    aerial_weapons: frozenset[str] = frozenset()
    launch_verbs: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    tested_weapons: frozenset[str] = frozenset()
    #: kinds of weapon a word of war may qualify ("hélicoptères de combat", "attack drones")
    weapon_nouns: frozenset[str] = frozenset()
    #: first halves of compound adjectives of nationality and the adjective each stands for
    #: ("russo-turques" → "russe", "Sino-US" → "Chinese")
    combining_forms: Mapping[str, str] = field(default_factory=dict)
    #: words that make a phrase the occasion of an act ("lors de leur entretien", "during
    #: their call"): what happens on that occasion is not its content
    occasion_words: frozenset[str] = frozenset()
    #: conjunctions of purpose ("pour", "afin de", "in order to"): the aim of a threat is its content
    purpose_markers: frozenset[str] = frozenset()
    #: verbs by which a decision causes an act ("a deal that triggered weeks of protests")
    cause_verbs: frozenset[str] = frozenset()
    #: participles that name on whom a measure weighs ("les restrictions imposées à Séoul")
    imposing_verbs: frozenset[str] = frozenset()
    #: nouns of a border: troops massed along it face the country it is named after
    #: ("le long de la frontière arménienne", "near the border with Ukraine")
    border_nouns: frozenset[str] = frozenset()
    #: verbs of taking ground back from someone ("reprendre Nyala aux FSR", "retake … from"):
    #: an offensive meant to do so is aimed at whom the ground is taken from
    retaking_verbs: frozenset[str] = frozenset()
    #: verbs of denying: "a démenti toute frappe" denies an act (negated), it names no act
    #: that might happen
    denial_verbs: frozenset[str] = frozenset()
    #: nouns of taking part in an act ("implication", "responsabilité"): denying one's part in
    #: an attack ("a démenti toute implication dans l'attaque contre …") denies the attack
    involvement_nouns: frozenset[str] = frozenset()
    #: private people named by what they are ("un homme", "un automobiliste", "a man"): an
    #: attack by one of them, with no actor named, is a fait divers, not a political act
    private_persons: frozenset[str] = frozenset()
    #: head nouns of parties that act for no state: teams, firms, museums, audiences (policies)
    nonstate_nouns: frozenset[str] = frozenset()
    #: verbs of leaving a place ("quitter"): a withdrawal only when forces leave
    departure_verbs: frozenset[str] = frozenset()
    #: words that name armed forces ("soldats", "troupes", "contingent")
    force_nouns: frozenset[str] = frozenset()
    #: attacks whose "de/of" phrase, when it names armed forces, is who attacks ("l'offensive de
    #: l'armée russe", "les bombardements des FSR"), not who undergoes it
    agentive_attack_nouns: frozenset[str] = frozenset()
    #: adjectives of an organisation and the organisation (knowledge-base name) they stand for:
    #: "les sanctions européennes" are the European Union's, "European sanctions" too
    organisation_adjectives: Mapping[str, str] = field(default_factory=dict)
    #: verbs of striking back: promising to do so threatens ("promet de riposter", "vows to retaliate")
    retaliation_verbs: frozenset[str] = frozenset()
    #: nouns of force a response is promised with ("répondre par la force", "respond with force")
    forceful_manner_nouns: frozenset[str] = frozenset()
    #: a causative verb and the verbs it makes a threat of ("faire payer", "make … pay")
    causative_verbs: frozenset[str] = frozenset()
    paying_verbs: frozenset[str] = frozenset()
    #: verbs of recognising or accepting whose withholding is a refusal ("ne reconnaît pas
    #: l'élection", "n'acceptera jamais l'annexion"), and the negation adverbs that make a
    #: plain "accepter" one ("jamais"); "reconnaître" needs none
    recognition_verbs: frozenset[str] = frozenset()
    refusal_adverbs: frozenset[str] = frozenset()
    #: verbs of force whose object makes them an idiom of no force ("saisir l'occasion",
    #: "détenir 12 % du marché", "arrêter une date"): verb lemma → object lemmas
    idiom_objects: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: words that introduce whom a warning, a refusal or a charge is aimed at, after the speech
    #: verb ("…, a averti X, visant Israël", "à l'adresse de Washington", "en référence aux
    #: États-Unis"); lower-case phrases matched on the words of the sentence
    addressee_markers: tuple[str, ...] = ()
    #: objects of a verb of taking an offer up whose withholding is a refusal ("n'a pas donné
    #: suite à la proposition")
    withheld_reply_objects: frozenset[str] = frozenset()
    #: words that make an attack or an offensive a figure of speech ("verbale", "de charme")
    figurative_modifiers: frozenset[str] = frozenset()
    #: words that make a rally a campaign meeting, not a protest ("campaign rally", "meeting de campagne")
    campaign_modifiers: frozenset[str] = frozenset()
    #: drills and tests, whose fire is no attack ("des exercices à tirs réels")
    drill_nouns: frozenset[str] = frozenset()
    #: verbs of fearing, whose object is a forecast ("redoutent une offensive")
    fear_verbs: frozenset[str] = frozenset()
    #: prepositions of living under a menace ("sous la menace des bombardements"): a state, no threat made
    menace_prepositions: frozenset[str] = frozenset()
    #: verbs of remembering and mourning, whose gathering is no protest ("pour commémorer l'attentat")
    commemoration_verbs: frozenset[str] = frozenset()
    #: verbs of rise and fall, whose subject is a statistic ("les cyberattaques ont doublé")
    trend_verbs: frozenset[str] = frozenset()
    #: a country's own ground, which "notre" in a quotation makes the speaker's ("notre territoire")
    homeland_nouns: frozenset[str] = frozenset()
    #: verbs and nouns of getting round a measure ("contourner les sanctions", "sanctions
    #: evasion"): the measure is background, the act is the evasion
    evasion_words: frozenset[str] = frozenset()
    #: verbs of breaking out or going on whose subject is a fight ("des combats ont éclaté entre
    #: …", "fighting erupted … between …"): the verb's "entre/between" phrase names the sides
    outbreak_verbs: frozenset[str] = frozenset()
    #: verbs whose subject is under a threat or a warrant, not its author ("faces an arrest warrant")
    facing_verbs: frozenset[str] = frozenset()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Cues:
        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in data.get(key, ()))

        return cls(
            negation_adverbs=words("negation_adverbs"),
            negation_determiners=words("negation_determiners"),
            negation_prepositions=words("negation_prepositions"),
            negating_verbs=words("negating_verbs"),
            future_auxiliaries=words("future_auxiliaries"),
            future_endings=tuple(sorted(words("future_endings"))),
            conditional_auxiliaries=words("conditional_auxiliaries"),
            modal_verbs=dict(data.get("modal_verbs", {})),
            modal_adjectives=dict(data.get("modal_adjectives", {})),
            hypothetical_markers=words("hypothetical_markers"),
            hypothetical_nouns=words("hypothetical_nouns"),
            attribution_prepositions=words("attribution_prepositions"),
            reporting_verbs=words("reporting_verbs"),
            report_back_subjects=words("report_back_subjects"),
            light_verbs=words("light_verbs"),
            dyad_prepositions=words("dyad_prepositions"),
            agent_prepositions=words("agent_prepositions"),
            source_prepositions=words("source_prepositions"),
            pair_phrases=tuple(sorted((p.lower() for p in data.get("pair_phrases", ())), key=len, reverse=True)),
            pronouns_singular=words("pronouns_singular"),
            pronouns_plural=words("pronouns_plural"),
            reciprocal_words=words("reciprocal_words"),
            counterpart_words=words("counterpart_words"),
            possessive_determiners=words("possessive_determiners"),
            plural_possessives=words("plural_possessives"),
            civilian_words=words("civilian_words"),
            locative_prepositions=words("locative_prepositions"),
            actor_nouns=words("actor_nouns"),
            quantifier_nouns=words("quantifier_nouns"),
            unaccusative_verbs=words("unaccusative_verbs"),
            object_control_verbs=words("object_control_verbs"),
            reciprocal_verbs=words("reciprocal_verbs"),
            targeting_verbs=words("targeting_verbs"),
            time_nouns=words("time_nouns"),
            resumptive_nouns=words("resumptive_nouns"),
            circumstance_nouns=words("circumstance_nouns"),
            past_anchors=words("past_anchors"),
            elapsed_markers=words("elapsed_markers"),
            long_time_units=words("long_time_units"),
            topic_nouns=words("topic_nouns"),
            likelihood_adjectives=words("likelihood_adjectives"),
            market_nouns=words("market_nouns"),
            hazard_nouns=words("hazard_nouns"),
            any_determiners=words("any_determiners"),
            venue_markers=words("venue_markers"),
            unplaced_groups=words("unplaced_groups"),
            hazard_words=words("hazard_words"),
            hazard_verbs=words("hazard_verbs"),
            grievance_prepositions=words("grievance_prepositions"),
            condition_markers=words("condition_markers"),
            person_nouns=words("person_nouns"),
            sport_words=words("sport_words"),
            partner_prepositions=words("partner_prepositions"),
            resolution_nouns=words("resolution_nouns"),
            statement_nouns=words("statement_nouns"),
            object_clitics=words("object_clitics"),
            decision_verbs=words("decision_verbs"),
            acceptance_verbs=words("acceptance_verbs"),
            manner_nouns=words("manner_nouns"),
            ascribing_verbs=words("ascribing_verbs"),
            ascribed_to_prepositions=words("ascribed_to_prepositions"),
            claiming_verbs=words("claiming_verbs"),
            latter_pronouns=words("latter_pronouns"),
            response_verbs=words("response_verbs"),
            bare_call_verbs=words("bare_call_verbs"),
            response_nouns=words("response_nouns"),
            envoy_verbs=words("envoy_verbs"),
            demonstrative_determiners=words("demonstrative_determiners"),
            extradition_verbs=words("extradition_verbs"),
            venue_nouns=words("venue_nouns"),
            drawing_verbs=words("drawing_verbs"),
            rule_out_verbs=words("rule_out_verbs"),
            inverted_speech_verbs=words("inverted_speech_verbs"),
            protester_words=words("protester_words"),
            content_nouns=words("content_nouns"),
            aerial_weapons=words("aerial_weapons"),
            launch_verbs=words("launch_verbs"),
            receiving_verbs=words("receiving_verbs"),
            tested_weapons=words("tested_weapons"),
            weapon_nouns=words("weapon_nouns"),
            combining_forms={k.lower(): v for k, v in data.get("combining_forms", {}).items()},
            occasion_words=words("occasion_words"),
            purpose_markers=words("purpose_markers"),
            cause_verbs=words("cause_verbs"),
            imposing_verbs=words("imposing_verbs"),
            border_nouns=words("border_nouns"),
            retaking_verbs=words("retaking_verbs"),
            denial_verbs=words("denial_verbs"),
            involvement_nouns=words("involvement_nouns"),
            private_persons=words("private_persons"),
            nonstate_nouns=words("nonstate_nouns"),
            departure_verbs=words("departure_verbs"),
            force_nouns=words("force_nouns"),
            agentive_attack_nouns=words("agentive_attack_nouns"),
            organisation_adjectives={k.lower(): v.lower() for k, v in data.get("organisation_adjectives", {}).items()},
            retaliation_verbs=words("retaliation_verbs"),
            forceful_manner_nouns=words("forceful_manner_nouns"),
            causative_verbs=words("causative_verbs"),
            paying_verbs=words("paying_verbs"),
            recognition_verbs=words("recognition_verbs"),
            refusal_adverbs=words("refusal_adverbs"),
            idiom_objects={k.lower(): frozenset(w.lower() for w in v)
                           for k, v in data.get("idiom_objects", {}).items()},
            withheld_reply_objects=words("withheld_reply_objects"),
            figurative_modifiers=words("figurative_modifiers"),
            campaign_modifiers=words("campaign_modifiers"),
            drill_nouns=words("drill_nouns"),
            fear_verbs=words("fear_verbs"),
            menace_prepositions=words("menace_prepositions"),
            commemoration_verbs=words("commemoration_verbs"),
            trend_verbs=words("trend_verbs"),
            homeland_nouns=words("homeland_nouns"),
            evasion_words=words("evasion_words"),
            outbreak_verbs=words("outbreak_verbs"),
            facing_verbs=words("facing_verbs"),
            addressee_markers=tuple(sorted({w.lower() for w in data.get("addressee_markers", ())},
                                           key=len, reverse=True)),
        )


def control_chain(trigger: Token, cues: Cues) -> list[Token]:
    """The trigger and the verbs/adjectives above it that can negate or modalise it.

    A noun trigger passes through its governing verb only when it is that verb's
    object, or the subject of a light verb ("la réunion n'a pas eu lieu").
    """
    chain = [trigger]
    current = trigger
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            break
        dep = current.dep_
        if current.pos_ in ("NOUN", "PROPN") and dep == "nmod" and head.lemma_.lower() in cues.quantifier_nouns:
            current = head  # "leur paquet de sanctions": the quantity noun stands for the noun
            continue
        part = head.head if head.pos_ == "ADP" and dep == "pobj" else head  # English: "involvement in the attack"
        if (current.pos_ in ("NOUN", "PROPN") and dep in ("nmod", "pobj") and part.lemma_.lower() in cues.involvement_nouns
                and part.dep_ in OBJECT and part.head.lemma_.lower() in cues.denial_verbs):
            current = part  # "a démenti toute implication dans l'attaque": the part denied stands for the act
            continue
        if current.pos_ in ("NOUN", "PROPN"):
            head_lemma = head.lemma_.lower()
            modal_head = head_lemma in cues.modal_verbs or head_lemma in cues.modal_adjectives or head.lower_ in cues.modal_adjectives
            if dep in OBJECT or (dep in SUBJECT | PASSIVE_SUBJECT and head_lemma in cues.light_verbs):
                pass  # (a passive's subject is the light verb's object: "l'accord n'a pas été signé")
            elif dep in SUBJECT | {"nsubj:pass", "nsubjpass"} and modal_head and not (len(chain) > 1 and chain[-2].dep_ == "acl"):
                pass  # (not from a participle on the subject: "X, reçu par Y, a dû …" was received)
            elif dep in ("obl", "obl:arg", "pobj", "prep") and head.lemma_.lower() in cues.light_verbs:
                pass
            else:
                break
        elif head.lemma_.lower() in cues.negating_verbs and dep in ("xcomp", "ccomp", "pcomp"):
            pass  # "a démenti avoir frappé", "denied that its forces had struck": a denial negates
        elif dep not in ("xcomp", "pcomp", "prep", "obl:arg", "acl") or head.lemma_.lower() in cues.reporting_verbs:
            break
        chain.append(head)
        current = head
    return chain


def _negated_token(token: Token, cues: Cues) -> bool:
    for child in token.children:
        low = child.lower_
        dep = child.dep_  # the lemma is read only for an adverb that its form does not settle
        if dep == "neg" or (dep == "advmod" and (low in cues.negation_adverbs
                                                 or child.lemma_.lower() in cues.negation_adverbs)):
            if low == "plus" and not any(c.lower_ in ("ne", "n'", "n’") for c in token.children):
                continue
            if low == "non" and child.i > token.i:
                continue
            return True
        if dep in ("det", "advmod") and low in cues.negation_determiners:
            return True
        if dep == "mark" and low in cues.negation_prepositions and token.pos_ in ("VERB", "AUX"):
            return True  # "sans condamner l'offensive", "sans exclure le recours à la force"
    prep = preposition_of(token)
    if prep is not None and prep in cues.negation_prepositions:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in cues.negation_prepositions:
        return True
    return False


#: the clitic that opens a French negation ("n'a déployé aucun soldat")
_NE = frozenset({"ne", "n'", "n’"})
#: negative pronouns that close it in place of "pas" ("n'a rien signé", "n'a reçu personne")
_NEGATIVE_PRONOUNS = frozenset({"rien", "personne"})


def _negated_by_its_argument(verb: Token, cues: Cues) -> bool:
    """"n'a déployé aucun soldat", "n'avoir tiré aucun missile", "n'a rien signé", "ne sont
    parvenus à aucun accord": the verb carries "ne" and one of its arguments carries the
    negative word ("aucun", "rien")."""
    if verb.pos_ not in ("VERB", "AUX") or not any(c.lower_ in _NE for c in verb.children):
        return False
    for child in verb.children:
        if child.lower_ in _NEGATIVE_PRONOUNS and child.dep_ in ("obj", "dobj", "nsubj", "obl:arg", "obl"):
            return True
        if child.dep_ in ("obj", "dobj", "nsubj", "nsubj:pass", "obl:arg", "obl:mod") and any(
                g.dep_ == "det" and g.lower_ in cues.negation_determiners for g in child.children):
            return True
    return False


def is_negated(trigger: Token, cues: Cues) -> bool:
    """True when the predicate, or a verb that controls it, is negated."""
    chain = control_chain(trigger, cues)
    negations = sum(1 for tok in chain if _negated_token(tok, cues))
    if not _negated_token(trigger, cues) and _negated_by_its_argument(trigger, cues):
        negations += 1
    for tok in chain[1:]:
        if tok.lemma_.lower() in cues.negating_verbs:
            negations += 1
    return negations % 2 == 1


#: the auxiliaries of French compound tenses ("aurait frappé", "se serait rendu")
_COMPOUND_AUXILIARIES = frozenset({"avoir", "être"})


#: verbs of saying, promising and warning whose past tense turns the conditional of the clause
#: they govern into a future seen from the past ("a annoncé qu'il se rendrait au Maroc")
_PROMISING_VERBS = frozenset({"promettre", "avertir", "garantir", "jurer", "prévoir"})


def _future_in_the_past(verb: Token, cues: Cues) -> bool:
    """"La Russie a annoncé qu'elle retirerait ses troupes", "a promis qu'il livrerait": a simple
    conditional in the clause of a speech verb in a past tense is the future of that past, not a
    possibility. The speech verb in the present ("estime qu'il pourrait") keeps the conditional."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.pos_ != "VERB":
        return False
    if head.lemma_.lower() not in cues.reporting_verbs and head.lemma_.lower() not in _PROMISING_VERBS:
        return False
    if any(c.dep_ in ("aux", "aux:tense") and "Cnd" in morph_values(c, "Mood") for c in head.children):
        return False
    past = "Part" in morph_values(head, "VerbForm") and any(c.dep_ in ("aux", "aux:tense") for c in head.children)
    return past or "Past" in morph_values(head, "Tense") or "Imp" in morph_values(head, "Tense")


def _future_form(tok: Token, cues: Cues) -> bool:
    """A finite verb whose ending only the future tense has, whatever tense the tagger gave it."""
    return (tok.pos_ in ("VERB", "AUX") and tok.lower_.endswith(cues.future_endings)
            and "Fin" in morph_values(tok, "VerbForm") and "Cnd" not in morph_values(tok, "Mood"))


#: verbs of going or sending whose "pour" phrase names the talks the trip is for
_TRIP_VERBS = frozenset({"attendre", "arriver", "venir", "rendre", "dépêcher", "envoyer", "partir", "voyager"})


def modality(trigger: Token, cues: Cues) -> str:
    """asserted, future, conditional, hypothetical or intended."""
    head = trigger.head
    if (trigger.pos_ == "NOUN" and trigger.dep_.startswith("obl") and head.pos_ == "VERB"
            and head.lemma_.lower() in _TRIP_VERBS and head.i != trigger.i
            and any(c.dep_ == "case" and c.lower_ == "pour" for c in trigger.children)):
        # "est attendu à Pékin pour une visite", "se rendra à Moscou pour des entretiens": the
        # talks are held when the trip is made; one who "is expected" has not come yet
        if head.lemma_.lower() == "attendre" and any(c.dep_ in ("aux:pass", "auxpass") for c in head.children):
            return "future"
        return modality(head, cues)
    found: str | None = None
    for tok in control_chain(trigger, cues):
        own: str | None = None
        if "Cnd" in morph_values(tok, "Mood"):
            own = "future" if tok.i == trigger.i and _future_in_the_past(tok, cues) else "conditional"
        elif "Fut" in morph_values(tok, "Tense") and "Part" not in morph_values(tok, "VerbForm"):
            own = "future"
        elif cues.future_endings and _future_form(tok, cues):
            own = "future"  # "Washington et Manille mèneront des exercices conjoints"
        for child in tok.children:
            if child.dep_ in ("aux", "aux:tense", "cop", "aux:pass", "auxpass"):
                low = child.lower_
                if ("Cnd" in morph_values(child, "Mood") and child.lemma_.lower() in _COMPOUND_AUXILIARIES
                        and child.dep_ in ("aux", "aux:tense") and "Part" in morph_values(tok, "VerbForm")):
                    pass  # "l'armée aurait frappé": the journalistic conditional reports an act (asserted)
                elif "Cnd" in morph_values(child, "Mood") or low in cues.conditional_auxiliaries:
                    own = "conditional"
                elif ("Fut" in morph_values(child, "Tense") or low in cues.future_auxiliaries
                      or child.lemma_.lower() in cues.future_auxiliaries
                      or (cues.future_endings and _future_form(child, cues))):
                    own = own or "future"
            if child.dep_ == "mark" and child.lower_ in cues.hypothetical_markers:
                own = "hypothetical"
            elif (child.dep_ in ("obl", "obl:mod", "obl:arg") and child.lemma_.lower() in cues.hypothetical_nouns
                  and any(g.dep_ == "case" for g in child.children)):
                own = "hypothetical"  # "En cas d'attaque, Pyongyang frappera Séoul"
        if (tok.i != trigger.i and own is None and tok.lemma_.lower() in cues.future_auxiliaries
                and "Fin" in morph_values(tok, "VerbForm") and "Cnd" not in morph_values(tok, "Mood")
                and "Imp" not in morph_values(tok, "Tense")):
            own = "future"  # "La France va livrer …": "aller" read as the verb governing the act
        if (tok.i != trigger.i and own is None and tok.lemma_.lower() in cues.rule_out_verbs
                and _negated_token(tok, cues)):
            own = "conditional"  # "n'a pas exclu de livrer des missiles": a possibility, not a delivery
        if tok.i != trigger.i and own is None:
            lemma = tok.lemma_.lower()
            if lemma in cues.modal_verbs:
                own = cues.modal_verbs[lemma]
            elif lemma in cues.modal_adjectives:
                own = cues.modal_adjectives[lemma]
            elif tok.lower_ in cues.modal_adjectives:
                own = cues.modal_adjectives[tok.lower_]
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues.hypothetical_markers for c in tok.children):
            own = "hypothetical"
        elif any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in cues.hypothetical_markers for g in c.children)
                 for c in tok.children):
            own = "hypothetical"  # "… will impose sanctions if Moscow refuses"
        if tok.i == trigger.i and act_of_a_kind_answered(tok, cues.response_verbs, cues.any_determiners) is not None:
            own = "hypothetical"  # "will respond to any deployment": what follows if one is made
        if own is not None:
            rank = ("hypothetical", "conditional", "intended", "future")
            if found is None or rank.index(own) < rank.index(found):
                found = own
    return found or "asserted"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to, as the head token of the phrase."""

    head: Token
    via: str  # "preposition" | "reporting_verb"


def _speaker_of_verb(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    if subjects:
        subj = subjects[0]
        if subj.lower_ not in RELATIVE_OR_EMPTY:
            return subj
    # inverted speaker: "a souligné Zhang" (parsed as object), "said Lavrov"
    for child in verb.children:
        if child.dep_ in ("obj", "dobj", "obl:agent", "nsubj") and child.i > verb.i and child.pos_ == "PROPN":
            return child
        if child.dep_ in ("obl:agent", "agent"):
            return child if child.dep_ == "obl:agent" else next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


RELATIVE_OR_EMPTY = frozenset({"qui", "que", "who", "which", "that", "il", "it", "on", "cela", "ce", "this"})


def may_hold_attribution(text: str, cues: Cues) -> bool:
    """False when no word of ``text`` (the whole text of the parsed document) can make
    :func:`attribution_phrases` find a phrase, so that it need not walk the words.

    A phrase is found only through a preposition read from the words of the document
    (``preposition_of``: the words joined by spaces, "d' après" glued to "d'après"),
    equal to an attribution preposition or contracted into one, or through "according":
    each of these holds its longest run of letters, within one word, so the lower-cased
    text holds that run too."""
    anchors = _attribution_anchors(cues.attribution_prepositions)
    if anchors is None:
        return True
    low = text.lower()
    return any(anchor in low for anchor in anchors)


_ANCHORS: dict[frozenset[str], tuple[str, ...] | None] = {}
_RUN = re.compile(r"[^\W_]+")


def _attribution_anchors(prepositions: frozenset[str]) -> tuple[str, ...] | None:
    """The longest run of letters of each attribution preposition, of each contracted form of
    one, and of "according" (None when one of them has no letter: no text can be ruled out)."""
    found = _ANCHORS.get(prepositions, ())
    if found == ():
        forms = [*prepositions, *(short for short, full in CONTRACTIONS.items() if full in prepositions), "according"]
        anchors: list[str] = []
        for form in forms:
            runs = _RUN.findall(form.lower())
            if not runs:
                anchors = []
                break
            anchors.append(max(runs, key=len))
        found = _ANCHORS[prepositions] = tuple(dict.fromkeys(anchors)) if anchors else None
    return found


def attribution_phrases(sentence_tokens: Iterable[Token], cues: Cues) -> list[Token]:
    """Heads of "selon X" / "d'après X" / "according to X" phrases in a sentence."""
    heads: list[Token] = []
    for tok in sentence_tokens:
        low = tok.lower_
        if tok.dep_ == "case" or tok.dep_ == "fixed":
            prep = preposition_of(tok.head) if tok.dep_ == "case" else None
            if prep and (prep in cues.attribution_prepositions or CONTRACTIONS.get(prep, prep) in cues.attribution_prepositions):
                heads.append(tok.head)
        elif low == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    heads.extend(p for p in to.children if p.dep_ == "pobj")
        elif low in cues.attribution_prepositions and tok.dep_ == "prep":
            heads.extend(p for p in tok.children if p.dep_ == "pobj")
    return heads


def reporting_speaker(trigger: Token, cues: Cues) -> Token | None:
    """The speaker of the reporting verb that governs the trigger ("X a déclaré que …", "…, said X")."""
    current = trigger
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            break
        if head.lemma_.lower() in cues.reporting_verbs and current.dep_ in REPORT_LINKS | {"nsubj", "advcl", "mark"}:
            if current.dep_ not in ("nsubj",) or head.pos_ == "VERB":
                speaker = _speaker_of_verb(head)
                if speaker is not None and speaker.i != trigger.i:
                    return speaker
        current = head
    # an inserted "…, a déclaré Zhang" hanging off the trigger's clause
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for child in clause.children:
        if child.dep_ in ("parataxis", "advcl", "parataxis:insert", "ccomp", "conj") and child.lemma_.lower() in cues.reporting_verbs and child.i > trigger.i:
            speaker = _speaker_of_verb(child)
            if speaker is not None:
                return speaker
    return None
