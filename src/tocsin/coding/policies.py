"""What the coder leaves out, retypes or re-reads once a trigger's actors are known.

The coder (``coder.py``) walks each trigger through these policies in order:

1. ``not_an_act_of_its_own``: the trigger names the content, condition, aim or backdrop of
   another act, or a match report (read from the parse alone);
2. ``not_coded_given_arguments``: private threats, answers carried out by another act,
   circumstances, a noun that repeats its verb;
3. retypings: a crowd's demand is its protest, a promise of harm a threat, an order to
   another country's forces a request to that country, a missile launch at no one a test;
4. ``not_coded_given_dyads``: venues, forecasts, what hazards and things do;
   ``one_sided``: two-sided acts with no counterpart;
5. ``self_dyads.settle_self_dyad``: when both sides got the same code, whether the event stands.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from tocsin.actors import Resolver
from tocsin.coding.model import EMBEDDING_TYPES, TWO_SIDED_TYPES, Roles, Trigger
from tocsin.coding.qualifiers import Cues
from tocsin.coding.summary_appositions import restates_an_act, told_of_a_summing_noun
from tocsin.coding.threat_readings import (
    consequence_of_a_demand,
    hypothetical_relative_under_a_threat,
    idiom_of_no_force,
    inside_a_threat,
    launched_at_the_defender,
    warns_of_a_hazard,
)
from tocsin.coding.triggers import (
    CROWD_DEMAND,
    SPORT_MISREAD_TYPES,
    STATE_SECTORS,
    VOICED_TYPES,
    about_sport,
    accused_in_apposition,
    aim_of_a_threat_or_demand,
    anchored_in_the_past,
    any_act_of_a_kind,
    condition_of_another,
    content_of_a_noun,
    done_by_a_named_agent,
    in_the_object,
    is_background,
    is_banned_protest,
    is_negotiated_content,
    is_offered_content,
    judged_likely_or_not,
    long_after,
    market_as_subject,
    names_a_hazard,
    names_a_weapon,
    names_the_occasion,
    on_the_sidelines,
    sets_the_circumstance,
    thing_as_subject,
    topic_of_a_work,
    voices_a_protest,
    warning_of_a_deployment,
)
from tocsin.lang import Predicate
from tocsin.ontology import Ontology
from tocsin.records import Actor, Event

Pair = tuple[Actor | None, Actor | None]


def retyped(pred: Predicate, type_: str, suffix: str, ontology: Ontology, mode: str | None = None,
            **fields: object) -> Predicate:
    """``pred`` read as another PLOVER type: its CAMEO code follows, and the pattern id says
    which rule retyped it (``suffix``)."""
    return replace(pred, type=type_, mode=mode, cameo=ontology.cameo_for_plover(type_), id=pred.id + suffix,
                   **fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- what is not coded
def accepts_to_give_way(tok: Token, by_index: dict[int, Trigger]) -> bool:
    """"a accepté de retirer ses troupes", "de libérer les otages": the infinitive accepted is a
    withdrawal, a release or a concession, so the acceptance is a concession, not an agreement."""
    return any(c.dep_ == "xcomp" and c.i in by_index and by_index[c.i].predicate.type in _RELIEF_TYPES
               for c in tok.children)


#: sectors that speak for no state: their warnings about what will happen are forecasts
_NON_STATE = frozenset({"BUS", "EDU", "MED", "NGO", "CVL"})


def _between_parties(tok: Token) -> bool:
    """A participle with a phrase "entre X et Y": "la trêve conclue entre l'Inde et le Pakistan"."""
    return tok.pos_ == "VERB" and any(
        c.dep_.startswith("obl") and any(g.dep_ == "case" and g.lower_ == "entre" for g in c.children)
        and any(g.dep_ == "conj" for g in c.children) for c in tok.children)


def not_an_act_of_its_own(trig: Trigger, governor: Trigger | None, sent: Span, cues: Cues,
                           by_index: dict[int, Trigger]) -> bool:
    """Triggers that name the content, condition, aim or backdrop of another act of the
    sentence, or that a match report or a protest uses (read from the parse alone)."""
    pred = trig.predicate
    if governor is not None and (governor.predicate.type in EMBEDDING_TYPES
                                 or governor.predicate.id.endswith(CROWD_DEMAND)) and not (
            governor.predicate.type == "REJECT" and trig.token.lemma_.lower() in cues.rule_out_verbs) and not (
            names_the_occasion(trig.token, governor.token, cues.occasion_words)) and not (
            done_by_a_named_agent(trig.token)) and not told_of_a_summing_noun(trig.token):
        return True  # (but "a demandé …, lors de leur entretien": the talk is an act of its own)
    if ((pred.type == "COERCE" or pred.mode == "crowd-control") and pred.pos == "VERB" and not pred.particle
            and moves_of_itself(trig.token)):
        return True  # "la manifestation s'est dispersée dans le calme": the crowd broke up, no one coerced or struck it
    if governor is not None and is_offered_content(trig.token, governor) and not decided(trig, governor, cues):
        return True  # "sont convenus de rétablir leurs relations": the agreement is the event
    if (governor is not None and governor.token.pos_ == "NOUN" and governor.predicate.type == "AGREE"
            and trig.token.pos_ == "VERB" and governor.token.i < trig.token.i):
        return True  # "demanded a deal to free the hostages", "un accord permettant de libérer": what the deal is for
    if (governor is not None and pred.type == "AGREE" and pred.pos == "NOUN" and governor.predicate.type == "SANCTION"
            and governor.token.pos_ == "VERB" and in_the_object(trig.token, governor.token)):
        return True  # "put the Indus Waters Treaty in abeyance": the treaty is what is suspended
    if (governor is not None and pred.type not in ("AGREE", "CONSULT")
            and is_negotiated_content(trig.token, governor)):
        return True  # "ont négocié un échange de prisonniers": the talks are the event
    if governor is not None and is_banned_protest(trig.token, pred, governor):
        return True  # "a interdit les rassemblements de l'opposition": the ban is the event
    if restates_an_act(trig, by_index):
        return True  # "…, a request Kabul rejected": the act told before, summed up (summary_appositions.py)
    subject = _counted_by(trig.token, cues.quantifier_nouns)  # "une vague de frappes a tué …": the wave
    if (trig.token.pos_ in ("NOUN", "PROPN") and subject.dep_ in ("nsubj", "nsubj:pass")
            and subject.head.i in by_index and by_index[subject.head.i].predicate.type == pred.type):
        return True  # "Russian shelling killed four civilians": one act, coded on its verb
    if pred.type == "ASSAULT" and names_a_weapon(trig.token, cues.weapon_nouns):
        return True  # "des hélicoptères de combat", "Bradley fighting vehicles"
    if content_of_a_noun(trig.token, cues.content_nouns):
        return True  # "toute tentative de s'emparer du port": what an attempt or a plot is about
    if is_background(trig.token, by_index) and not (
            pred.type == "ACCUSE" and accused_in_apposition(trig.token) is not None) and not (
            pred.type == "AGREE" and _between_parties(trig.token)):
        return True  # (but "des entreprises accusées de fournir …" is an accusation, and "l'accord
        # conclu mardi entre le Cambodge et la Thaïlande" names the agreement's parties)
    if pred.type in VOICED_TYPES and voices_a_protest(trig.token, by_index):
        return True  # "ont défilé … pour dénoncer la suspension": what the protest says, not an act of its own
    if pred.type in SPORT_MISREAD_TYPES and about_sport(sent, cues.sport_words):
        return True  # "la Côte d'Ivoire a éliminé le Sénégal aux tirs au but": a match, not a war
    if pred.type == "THREATEN" and warning_of_a_deployment(trig.token, by_index) is not None:
        return True  # "… as a warning to Iran": the deployment is the act, aimed at whom it warns
    if simulated(trig.token):
        return True  # "des manœuvres simulant un blocus de l'île": a rehearsal, not the act
    if thanked_for(trig.token, by_index):
        return True  # "a remercié la France pour sa coopération": the reason for thanks, told by the thanker
    if pred.type == "ASSAULT" and launched_at_the_defender(trig.token, by_index, cues):
        return True  # "a abattu 45 drones lancés par la Russie": the downing is coded, aimed at the launcher
    if idiom_of_no_force(trig.token, cues):
        return True  # "a saisi l'occasion du sommet", "détient 12 % du marché": no seizure, no detention
    if inside_a_threat(trig.token, by_index):
        return True  # "a menacé de bombarder les villages soutenant la rébellion": what is threatened
    if consequence_of_a_demand(trig.token):
        return True  # "…, sans quoi le Parlement voterait leur expulsion": what an ultimatum holds out
    if hypothetical_relative_under_a_threat(trig.token, by_index):
        return True  # "a menacé de représailles les pays qui saisiraient les avoirs russes": a what-if
    if aim_of_a_threat_or_demand(trig.token, by_index, cues.purpose_markers):
        return True  # "… la force pour prendre le contrôle du Groenland": the threat's content
    if condition_of_another(trig.token, by_index, cues.condition_markers):
        return True  # "… unless a Ukraine deal is reached": the condition of a threat or an offer
    if anchored_in_the_past(trig.token, cues.past_anchors):
        return True  # "depuis le début du mouvement de contestation": the backdrop of the clause's act
    if long_after(trig.token, cues.elapsed_markers, cues.long_time_units):
        return True  # "deux ans après son arrestation": long past, the backdrop
    if topic_of_a_work(trig.token, cues.topic_nouns):
        return True  # "un documentaire consacré aux manifestations": what a work is about
    if judged_likely_or_not(trig.token, cues.likelihood_adjectives):
        return True  # "une offensive contre Taïwan reste improbable": a forecast
    if market_as_subject(trig.token, cues.market_nouns):
        return True  # "la Bourse de Paris a menacé de décrocher": the economy, no actor
    # (but "a démenti toute frappe contre des civils": a denial of an act, coded negated)
    # (nor "se dit prêt à examiner toute proposition de trêve": readiness to weigh any offer is one)
    if any_act_of_a_kind(trig.token, cues.any_determiners) and not (
            trig.token.head.i != trig.token.i and (
                trig.token.head.lemma_.lower() in cues.denial_verbs
                or (trig.token.dep_ == "obj" and trig.token.head.lemma_.lower() in _WEIGHING_VERBS))):
        return True  # "Moscou répondra à toute livraison d'armes": an act that might happen
    if on_the_sidelines(trig.token, cues.venue_markers):
        return True  # "en marge d'une réunion des BRICS": the venue of the clause's act
    if headline_label(trig, sent, by_index):
        return True  # "Sommet bilatéral à Rome : Giorgia Meloni a reçu …": the label of the act told after it
    return False


#: verbs of weighing an offer: "examiner toute proposition" is readiness to agree, not a kind of act
_WEIGHING_VERBS = frozenset({"examiner", "étudier", "considérer", "consider", "examine", "study"})


#: the clitic of a French pronominal verb
_REFLEXIVE_CLITICS = frozenset({"se", "s'", "s’"})


def moves_of_itself(tok: Token) -> bool:
    """"Les manifestants se sont dispersés", "le cortège s'est dispersé sans incident": a verb of
    coercion made pronominal, with no object and no agent, tells what its subject did of itself."""
    children = list(tok.children)
    return (any(c.lower_ in _REFLEXIVE_CLITICS and c.dep_.startswith("expl") for c in children)
            and not any(c.dep_ in ("obj", "dobj", "obl:agent", "agent") for c in children)
            and not any(c.dep_.startswith("obl") and any(g.dep_ == "case" and g.lower_ == "par" for g in c.children)
                        for c in children))


def headline_label(trig: Trigger, sent: Span, by_index: dict[int, Trigger]) -> bool:
    """An event noun in the words before a headline's colon, when the clause after the colon
    tells an act of the same type: the noun labels that act ("Sommet bilatéral à Rome : …",
    "Visite à Pékin : le président brésilien a rencontré …")."""
    tok = trig.token
    if tok.pos_ != "NOUN" or tok.i - sent.start > 5:
        return False
    colon = next((t.i for t in sent.doc[tok.i + 1:min(tok.i + 8, sent.end)] if t.text == ":"), None)
    if colon is None or not any(t.pos_ in ("VERB", "AUX") for t in sent.doc[colon + 1:sent.end]):
        return False  # "Rencontre Macron-Scholz : l'Ukraine au cœur des discussions": a topic, no act told
    return any(i > colon and other.predicate.type == trig.predicate.type for i, other in by_index.items())


#: acts that a decision to take them carries out: "the EU agreed new sanctions on Iran" sanctions
_DECIDED_TYPES = frozenset({"SANCTION", "COERCE", "AID"})


def decided(trig: Trigger, governor: Trigger, cues: Cues) -> bool:
    """"The EU agreed a new package of sanctions against Russia", "Les Vingt-Sept ont approuvé un
    paquet de sanctions": the object of a verb of deciding (cue ``decision_verbs``) that names a
    sanction, a coercion or aid is the act decided, coded on the noun, and the decision is no
    agreement of its own."""
    return (trig.predicate.type in _DECIDED_TYPES and trig.token.pos_ in ("NOUN", "PROPN")
            and governor.token.lemma_.lower() in cues.decision_verbs)


def not_coded_given_arguments(trig: Trigger, governor: Trigger | None, args: Roles, cues: Cues,
                               by_index: dict[int, Trigger]) -> bool:
    """Triggers left out once their actors are known: private threats, answers carried out
    by another act, refusals to rule out, circumstances, a noun that repeats its verb."""
    pred = trig.predicate
    if pred.type == "THREATEN" and pred.pos == "VERB" and not any(
            a.resolved or a.sector for a in args.sources + args.pair):
        return True  # "a man who threatened to blow up a bus": a private person's threat, no political act
    if (pred.type == "THREATEN" and not any(a.resolved for a in args.targets)
            and warns_of_a_hazard(trig.token, cues)):
        return True  # "L'OMS met en garde contre la propagation du choléra": a danger, no one threatened
    if (pred.mode == "phone" and trig.token.lemma_.lower() in cues.bare_call_verbs and not pred.particle
            and _not_a_call(trig.token)):
        return True  # "a appelé les Européens … à", "ce que Moscou appelle": an appeal or a name
    if trig.token.lemma_.lower() in cues.response_verbs and any(
            (c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and c.i in by_index)
            or (c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.i in by_index for g in c.children))
            for c in trig.token.children):
        return True  # "Pékin a riposté en sanctionnant dix personnalités": the sanction is the act
    if (pred.type == "THREATEN" and pred.pos == "NOUN" and trig.token.dep_ in ("obj", "dobj")
            and trig.token.head.lemma_.lower() in cues.facing_verbs):
        return True  # "at a time when he faces an international arrest warrant": what one is under, not a threat made
    if pred.type == "MOBILIZE" and pred.pos == "VERB" and pred.object and any(
            c.dep_ == "xcomp" and c.i in by_index and by_index[c.i].predicate.type != "MOBILIZE"
            for c in trig.token.children):
        return True  # "ordered its troops to withdraw from Kherson", "to strike Kyiv": the act ordered is the event
    if pred.type == "REJECT" and any(c.dep_ == "xcomp" and c.i in by_index
                                     and c.lemma_.lower() in cues.rule_out_verbs for c in trig.token.children):
        return True  # "refused to rule out using force": what is not ruled out is the event
    if (pred.type not in ("REJECT", "THREATEN") and trig.token.lemma_.lower() in cues.rule_out_verbs
            and any(c.dep_ == "xcomp" and c.i in by_index for c in trig.token.children)):
        return True  # "n'a pas exclu de livrer des missiles": the act ruled out or not is the event
    if (not pred.object and trig.token.lemma_.lower() in cues.departure_verbs
            and not any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and c.lemma_.lower() in cues.force_nouns
                        for c in trig.token.children)):
        return True  # "Le président a quitté Paris": only forces leaving a country withdraw
    if (pred.type == "RETREAT" and trig.token.lemma_.lower() in cues.departure_verbs
            and _PLACES_LEFT & set(pred.object)
            and not any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and c.lemma_.lower() in cues.force_nouns
                        for c in trig.token.children)
            and not any(a.resolved and a.sector in ("MIL", "REB") for a in args.sources)):
        return True  # "l'émissaire américain a quitté le pays": an envoy leaving is no withdrawal
    if (governor is not None and trig.token.pos_ == "NOUN"
            and not any(a.resolved for a in args.sources + args.pair)
            and (_argument_of(trig.token, governor.token) or not any(a.resolved for a in args.targets))):
        # "ont discuté de l'aide à l'Ukraine", "a laissé entrer des camions d'aide": part of another
        # act; "après les violents heurts survenus dans le nord": a circumstance that names no
        # one (but "au lendemain du coup d'État qui a renversé le président Ali Bongo" is an act)
        return True
    if pred.type in _PRIVATE_CRIME_TYPES and _private_person_acts(args, cues):
        return True  # "Un homme a tué sa compagne à Nantes": a fait divers, no political actor
    if pred.type == "COERCE" and _private_person_held(args, cues):
        return True  # "Un homme a été arrêté à Marseille après un vol": police work on a fait divers
    if sets_the_circumstance(trig.token, cues.circumstance_nouns):
        return True  # "à l'appel de l'intersyndicale": on whose call, not an act of its own
    if (governor is not None and governor.predicate.type == pred.type
            and trig.token.pos_ in ("NOUN", "PROPN") and not args.pair and not args.mutual):
        return True  # "arrived … for a state visit": one event, coded on the verb
    if (trig.token.head.i in by_index and {by_index[trig.token.head.i].predicate.type, pred.type} <= _RELIEF_TYPES
            and trig.token.pos_ == "VERB"
            and trig.token.dep_ == "advcl" and "Part" in trig.token.morph.get("VerbForm")
            and "Pres" in trig.token.morph.get("Tense") and not any(a.resolved for a in args.targets + args.pair)):
        return True  # "a rouvert ses frontières au Qatar, mettant fin à trois ans de blocus": the same act again
    head = trig.token.head
    if (trig.token.pos_ == "VERB" and trig.token.dep_ in ("acl:relcl", "relcl") and head.i in by_index
            and by_index[head.i].predicate.type == pred.type and not any(a.resolved for a in args.sources)):
        return True  # "le coup d'État qui a renversé le président": the relative restates its noun
    return False


#: acts that give way: a gerund of one after another restates it ("a rouvert ses frontières,
#: mettant fin au blocus")
_RELIEF_TYPES = frozenset({"CONCEDE", "RETREAT"})

#: links of a circumstance of the clause ("au lendemain du coup d'État", "lors d'un dîner")
_CIRCUMSTANCE_LINKS = frozenset({"obl:mod", "advcl", "advmod", "npadvmod", "parataxis"})


def _argument_of(tok: Token, verb: Token) -> bool:
    """``tok`` is inside an argument of ``verb`` (its object, a complement, what they
    govern), not inside a circumstance of its clause."""
    current = tok
    for _ in range(6):
        if current.i == verb.i:
            return True
        if current.dep_ in _CIRCUMSTANCE_LINKS or current.head.i == current.i:
            return False
        current = current.head
    return False


#: places whose leaving is a withdrawal only when forces leave them
_PLACES_LEFT = frozenset({"base", "camp", "territoire", "pays", "position", "ville", "localité", "bastion", "fief"})


#: acts a private person may commit against another
_PRIVATE_CRIME_TYPES = frozenset({"ASSAULT", "COERCE"})
#: articles that open a phrase naming a person by what they are
_PERSON_ARTICLES = frozenset({"un", "une", "a", "an", "the", "le", "la", "l'", "l’"})


def _private_person_acts(args: Roles, cues: Cues) -> bool:
    """The act's only agents are private people named by what they are ("Un homme", "un
    automobiliste") and no actor is named on either side (a country found later from the
    place would make a political act of a fait divers). Recipients named by a word of a state's
    forces or officials ("trois soldats") keep the act."""
    if not args.sources or not cues.private_persons or args.pair:
        return False
    for actor in args.sources:
        words = actor.text.lower().split()
        if actor.resolved or len(words) < 2 or words[0] not in _PERSON_ARTICLES or words[1] not in cues.private_persons:
            return False
    return not any(a.resolved or set(a.text.lower().split()) & cues.actor_nouns for a in args.targets)


def _private_person_held(args: Roles, cues: Cues) -> bool:
    """An arrest or a detention by no named agent whose only recipients are private people
    named by what they are ("Un homme a été arrêté", "une femme interpellée"): the place of
    the arrest would otherwise stand in for a recipient (a political act of a fait divers)."""
    if not args.targets or args.pair or any(a.resolved for a in args.sources) or not cues.private_persons:
        return False
    for actor in args.targets:
        words = actor.text.lower().split()
        if actor.resolved or len(words) < 2 or words[0] not in _PERSON_ARTICLES or words[1] not in cues.private_persons:
            return False
    return True


def not_coded_given_dyads(trig: Trigger, pred: Predicate, args: Roles,
                           pairs: list[Pair], sent: Span, cues: Cues) -> bool:
    """Events left out once their dyads are known: venues, forecasts, what hazards and
    things do."""
    if (trig.token.lemma_.lower() in cues.venue_nouns and not args.pair
            and not any(t is not None and t.resolved for _, t in pairs)):
        return True  # "en marge du sommet de l'APEC", "as EU leaders gathered for a summit": a venue
    if (pred.type == "THREATEN" and trig.token.pos_ == "VERB"
            and any(c.dep_ == "ccomp" for c in trig.token.children)
            and not any(t is not None and t.resolved for _, t in pairs)
            and not any(s is not None and s.resolved and s.sector not in _NON_STATE for s, _ in pairs)):
        return True  # "the Bank of England warned that rates would stay high": a forecast, aimed at no one
    if (pred.type == "THREATEN" and not any(t is not None and t.resolved for _, t in pairs)
            and warns_of_the_economy_or_nature(trig.token, cues)):
        return True  # "a averti que la croissance serait plus faible", "met en garde contre une épidémie"
    if pred.mode == "visit" and not any(s is not None and s.resolved for s, _ in pairs):
        return True  # "des doses de vaccin sont arrivées à Dakar": no one known visits
    if pred.type == "ASSAULT" and not any(s is not None and s.resolved for s, _ in pairs) and (
            names_a_hazard(sent, cues.hazard_words, cues.hazard_verbs)
            or thing_as_subject(trig.token, cues)):
        return True  # "wildfires destroyed thousands of homes", "a canopy collapse that killed 15 people"
    if pairs and all(t is not None and t.resolved and t.sector == "BUS" and (s is None or not s.resolved)
                     for s, t in pairs):
        return True  # "Elon Musk a pris le contrôle de Twitter", "des pirates ont attaqué Microsoft": no political actor
    if pred.type in _COOPERATIVE_TYPES and cues.nonstate_nouns and between_non_state_parties(pairs, cues):
        return True  # "Renault et le chinois Geely ont annoncé un partenariat", "la rencontre entre l'équipe de France et …"
    if (pred.type in _COOPERATIVE_TYPES and about_sport(sent, cues.sport_words)
            and not any(a is not None and a.resolved and a.sector for pair in pairs for a in pair)):
        return True  # "la Coupe du monde des clubs a débuté avec une rencontre entre l'Inter Miami et Al-Ahly"
    return False


def warns_of_the_economy_or_nature(tok: Token, cues: Cues) -> bool:
    """What a warning aimed at no one is about names the economy or a hazard ("la croissance",
    "une épidémie de grippe", "la sécheresse"): a forecast, not a threat."""
    words = cues.market_nouns | cues.hazard_words
    if not words:
        return False
    stack = [c for c in tok.children if c.dep_ in _WARNED_CONTENT]
    while stack:
        t = stack.pop()
        if t.lemma_.lower() in words or t.lower_ in words:
            return True
        # not the side clauses ("…, faisant bondir les prix du pétrole"): the consequence of the threat
        stack.extend(c for c in t.children if c.dep_ not in ("advcl", "parataxis", "conj", "acl", "acl:relcl"))
    return False


#: links from a warning to what it warns of ("a averti que …", "met en garde contre …")
_WARNED_CONTENT = frozenset({"ccomp", "xcomp", "obj", "dobj", "obl", "obl:arg", "obl:mod", "prep"})


#: acts of diplomacy and cooperation, which teams, firms, museums or audiences also "do"
_COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AGREE"})
#: sectors of people who act for no state
_PRIVATE_SECTORS = frozenset({"BUS", "EDU"})
#: sectors of the state and of armed groups: "le président de la Fédération" is no head of state,
#: but a "groupe" that resolves to an armed group is one
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB"})
_ARTICLES_BEFORE_NOUN = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’",
                                   "the", "a", "an", "some", "plusieurs", "deux", "trois"})


def _non_state(actor: Actor | None, cues: Cues) -> bool:
    """An actor named as a team, a club, a firm, a museum, researchers or an audience ("l'équipe de
    France", "le constructeur français Renault", "des musées de Paris", "le public de Los
    Angeles"), or anyone named with words of sport ("le président de la Fédération française de
    football"): no party to diplomacy, whatever country its words name."""
    if actor is None:
        return False
    if actor.resolved and (actor.code or "").startswith("IGO"):
        return False  # "Arab League", "la Ligue arabe"
    if _sporting(actor, cues):
        return True
    words = actor.text.lower().replace("’", "'").replace("'", "' ").split()
    if actor.resolved and actor.sector in _STATE_SECTORS:
        return False
    if actor.resolved and actor.sector in _PRIVATE_SECTORS:
        return True
    for part in " ".join(words).replace(" and ", " et ").split(" et "):  # "entre la Fnac et un éditeur japonais"
        heads = [w for w in part.split() if w not in _ARTICLES_BEFORE_NOUN and w not in ("entre", "between")][:2]
        if any(w in cues.nonstate_nouns or w.rstrip("sx") in cues.nonstate_nouns for w in heads):
            return True
    return False


def _sporting(actor: Actor | None, cues: Cues) -> bool:
    """An actor named with words of sport: "les joueurs de l'équipe du Sénégal"."""
    if actor is None or (actor.resolved and (actor.code or "").startswith("IGO")):
        return False
    words = actor.text.lower().replace("’", "'").replace("'", "' ").split()
    return any(w in cues.sport_words or w.rstrip("sx") in cues.sport_words for w in words)


def _no_state_either(actor: Actor | None, cues: Cues) -> bool:
    """The other side of a non-state party: no actor, an unresolved phrase, a bare country read
    from a nationality word or a place ("le chinois Geely", "au Maroc"), its "homologue", or a
    non-state party too."""
    if actor is None or not actor.resolved or _non_state(actor, cues):
        return True
    words = set(actor.text.lower().split())
    return actor.code == actor.country or bool(words & cues.counterpart_words)


def between_non_state_parties(pairs: list[Pair], cues: Cues) -> bool:
    """Every dyad has a party named with words of sport, or a non-state party on one side and no
    state that acts as one on the other: a match, a team's reception, a business partnership, a
    museum's exhibition, an audience's applause."""
    return bool(pairs) and all(
        _sporting(s, cues) or _sporting(t, cues)  # a team received by a president is still sport
        or (_non_state(s, cues) and _no_state_either(t, cues)) or (_non_state(t, cues) and _no_state_either(s, cues))
        for s, t in pairs)


def one_sided(type_: str, pairs: list[Pair]) -> bool:
    """An act that needs a counterpart and has none: no recipient resolved for a meeting, an
    agreement, joint work, help or a refusal (``TWO_SIDED_TYPES``); no recipient named at all
    for an accusation ("a requis la peine de mort contre un rappeur" names one); praise of
    something named that is no actor ("a salué les résultats du baccalauréat")."""
    if type_ in TWO_SIDED_TYPES:
        return not any(t is not None and t.resolved for _, t in pairs)
    if type_ == "ACCUSE":
        return all(t is None for _, t in pairs)
    if type_ == "SUPPORT":
        # "a salué les résultats du baccalauréat": what is praised is named, and it is no actor
        return all(t is not None and not t.resolved for _, t in pairs)
    return False


# ---------------------------------------------------------------------- retypings
def order_to_foreign_forces(trig: Trigger, pred: Predicate, args: Roles, resolver: Resolver, ontology: Ontology,
                            lang: str, when: date | None) -> Predicate:
    """"Niger's junta ordered French troops to leave the country": forces of another country
    than the one giving the order are not mobilised by it; the order is a demand made to
    their country (REQUEST, and ``args.targets`` becomes that country's forces)."""
    own = {a.country for a in args.sources if a.resolved and a.country}
    if not own or trig.token.lemma_.lower() not in _ORDER_VERBS:
        return pred
    doc = trig.token.doc
    for i in sorted(trig.consumed):
        noun = doc[i]  # the forces and their nationality adjectives only: "troupes françaises"
        words = sorted([noun, *(c for c in noun.children if c.dep_ in ("amod", "compound"))], key=lambda t: t.i)
        forces = resolver.resolve(" ".join(t.text for t in words), lang=lang, when=when, guess_country=False)
        if forces is not None and forces.resolved and forces.country and forces.country not in own:
            args.targets = [forces]
            return retyped(pred, "REQUEST", "+foreign", ontology)
    return pred


def crowd_as_civilians(actor: Actor, cues: Cues) -> Actor:
    """"Thousands of Georgians", "des milliers de Bélarusses": a crowd counted in a country's
    people is its civilians (CVL), not the state a bare country code would stand for."""
    words = actor.text.lower().split()
    if (not actor.resolved or actor.sector is not None or actor.code != actor.country or not actor.country
            or not words or not (words[0] in cues.quantifier_nouns or words[0].rstrip("s") in cues.quantifier_nouns
                                 or (len(words) > 1 and words[1].rstrip("s") in cues.quantifier_nouns)
                                 or words[0].replace(",", "").replace(".", "").isdigit()
                                 or _people_in_the_plural(actor.text))):
        return actor
    return Actor(text=actor.text, code=actor.country + "CVL", country=actor.country, sector="CVL")


#: articles before a people named in the plural ("des Mexicains", "les Argentins")
_PLURAL_ARTICLES = frozenset({"des", "les", "de", "d'", "d’"})


def _people_in_the_plural(text: str) -> bool:
    """"Des Mexicains", "Les Argentins", "Israelis": a capitalised plural name of a people,
    after an article in French, alone in English with the endings of such names (not
    "Philippines", "Netherlands", which name the country), nothing else."""
    words = text.split()
    if len(words) == 1:
        return words[0][:1].isupper() and not words[0].isupper() and words[0].endswith(("ans", "is"))
    return (len(words) == 2 and words[0].lower() in _PLURAL_ARTICLES and words[1][:1].isupper()
            and words[1].lower().endswith(("s", "x")))


#: verbs of giving an order to forces ("ordered troops to …")
_ORDER_VERBS = frozenset({"order", "ordonner", "commander"})


def launches_a_missile(trig: Trigger, cues: Cues) -> bool:
    """"a tiré un missile", "fired two rockets": a verb of launching whose object is a missile
    or a rocket (cues ``launch_verbs``, ``tested_weapons``)."""
    if trig.token.lemma_.lower() not in cues.launch_verbs:
        return False
    doc = trig.token.doc
    objects = [doc[i] for i in trig.consumed] or [c for c in trig.token.children if c.dep_ in ("obj", "dobj")]
    if not any(o.lemma_.lower() in cues.tested_weapons for o in objects):
        return False
    # "a tiré un missile contre un navire marchand", "fired a missile at a tanker": a launch
    # aimed at something, even an unnamed one, is an attack, not a test
    return not any(_aimed_phrase(c) for t in (trig.token, *objects) for c in t.children)


#: prepositions that aim a launch at its target
_AIM_PREPOSITIONS = frozenset({"contre", "sur", "at", "against"})


def _aimed_phrase(child: Token) -> bool:
    if child.dep_ == "prep":  # English: the preposition heads its noun
        return child.lower_ in _AIM_PREPOSITIONS and any(g.dep_ == "pobj" for g in child.children)
    if child.dep_ not in ("obl", "obl:arg", "obl:mod", "nmod") or child.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(g.dep_ == "case" and g.lower_ in _AIM_PREPOSITIONS for g in child.children)


def _not_a_call(verb: Token) -> bool:
    """Whether a bare "appeler X" is no phone call: an "à" anywhere in its clause (an appeal the
    parser hung elsewhere), or a relative pronoun for object ("ce que Moscou appelle …"). An
    "à" inside a purpose clause is not the appeal's: "a appelé Benjamin Nétanyahou pour
    discuter de la situation à Gaza" is a call."""
    purpose = {i for c in verb.children
               if c.dep_ in ("advcl", "xcomp") and any(m.dep_ == "mark" and m.lower_ in ("pour", "afin")
                                                        for m in c.children)
               for i in range(c.left_edge.i, c.right_edge.i + 1)}
    for t in verb.subtree:
        if t.i in purpose:
            continue
        if t.lower_ in ("à", "au", "aux") and t.i > verb.i:
            return True
        if t.head.i == verb.i and t.dep_ in ("obj", "dobj") and t.pos_ == "PRON":
            return True
    return False


def answer_to_a_protest(events: list[Event]) -> None:
    """"Face aux manifestations, le gouvernement péruvien a retiré son projet", "a fait marche
    arrière après une grève générale": a state that concedes, with no recipient named, in a
    sentence that reports a protest of its own people concedes to that crowd, and the crowd
    protests against it (when its protest names no one). Changes ``events`` in place."""
    crowds = [e for e in events if e.type == "PROTEST" and e.source is not None and e.source.resolved
              and e.source.country and e.source.sector in _CROWD_SECTORS and not e.negated]
    if not crowds:
        return
    for concession in events:
        source = concession.source
        if (concession.type != "CONCEDE" or source is None or not source.resolved or not source.country
                or source.sector not in STATE_SECTORS or (concession.target is not None and concession.target.resolved)):
            continue
        crowd = next((e for e in crowds if e.source.country == source.country), None)
        if crowd is None:
            continue
        concession.target = crowd.source
        concession.target_inferred = True
        if crowd.target is None or not crowd.target.resolved:
            crowd.target = source
            crowd.target_inferred = True


#: the crowds whose protest a state answers
_CROWD_SECTORS = frozenset({"CVL", "EDU", "LAB"})


def _counted_by(tok: Token, quantifier_nouns: frozenset[str]) -> Token:
    """The quantity noun that counts ``tok`` ("une vague de frappes", "a wave of strikes"), else ``tok``."""
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
    if tok.dep_ in ("nmod", "pobj") and head.i != tok.i and head.lemma_.lower() in quantifier_nouns:
        return head
    return tok


def outside_questions(triggers: list[Trigger], sent: Span) -> list[Trigger]:
    """"Et si Washington et Pékin se rencontraient enfin ? s'interroge un éditorialiste": what a
    question asks about, before its "?" inside the sentence, commits no one to anything."""
    marks = [t.i for t in sent if t.text == "?"]
    if not marks:
        return triggers
    return [t for t in triggers if t.token.i > marks[-1]]


#: verbs of rehearsing an act: what they govern does not happen ("simulant un blocus")
_SIMULATING_VERBS = frozenset({"simuler", "simulate", "rehearse"})


def simulated(tok: Token) -> bool:
    """"Pékin a mené des manœuvres autour de Taïwan, simulant un blocus de l'île": an event noun
    that is the object of a verb of simulating names what is rehearsed, not an act."""
    return (tok.pos_ == "NOUN" and tok.dep_ in ("obj", "dobj")
            and tok.head.lemma_.lower() in _SIMULATING_VERBS)


#: verbs of thanks and congratulation whose "pour" phrase gives the reason
_THANKING_VERBS = frozenset({"remercier", "féliciter", "saluer", "louer", "thank", "congratulate", "praise"})


def thanked_for(token: Token, by_index: dict[int, Trigger]) -> bool:
    """"Zelensky a remercié Berlin pour son aide militaire", "a remercié la France pour sa
    coopération": the act a party is thanked for is the reason of the praise, not an act the
    sentence reports of its own (the thanker speaks of it)."""
    head = token.head
    return (token.pos_ == "NOUN" and token.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "pobj")
            and head.i in by_index and head.lemma_.lower() in _THANKING_VERBS
            and by_index[head.i].predicate.type == "SUPPORT"
            and any(c.dep_ == "case" and c.lower_ in ("pour", "for") for c in token.children))
