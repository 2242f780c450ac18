"""Words of conflict that report no political act: the look-alikes of events.

Wire copy borrows the vocabulary of attacks, sanctions and protests for things that are not
acts between political actors (annotation guideline §8): a "verbal attack" or a "charm
offensive", a fait divers whose only victim is a private person, a protest recalled by its
year ("les manifestations de 2023"), a government suspending the sale of a product. Each
check here is read once a trigger's actors are known; ``coder.py`` leaves the event out
when ``looks_alike`` says so.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from tocsin.coding.conditional_responses import act_of_a_kind_answered
from tocsin.coding.model import Roles, Trigger
from tocsin.coding.qualifiers import Cues
from tocsin.lang import Predicate
from tocsin.records import Actor

#: types whose nouns and verbs also serve as figures of speech ("une attaque verbale")
_FIGURATIVE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
#: links from a noun to the adjectives and complements that qualify it
_QUALIFIERS = frozenset({"amod", "nmod", "compound"})
#: links from a verb to the noun it governs ("a lancé une offensive de charme")
_OBJECTS = frozenset({"obj", "dobj", "nsubj:pass", "nsubjpass"})
#: articles and possessives that open a phrase naming a person by what they are
_PERSON_OPENERS = frozenset({"un", "une", "le", "la", "l'", "l’", "son", "sa", "leur", "ses", "leurs", "deux", "trois"})
#: dependencies of the dated complement of an event noun ("les manifestations de 2023")
_DATING_LINKS = frozenset({"nmod", "obl", "obl:mod", "nummod", "pobj"})


def looks_alike(trig: Trigger, pred: Predicate, args: Roles, pairs: list[tuple[Actor | None, Actor | None]],
                sent: Span, cues: Cues, published: date | None) -> bool:
    """The trigger uses the words of an event for something that is none (guideline §8)."""
    if pred.type in _FIGURATIVE_TYPES and figurative_use(trig.token, cues):
        return True  # "une attaque verbale de son propre camp", "une offensive de charme"
    if pred.type == "PROTEST" and campaign_gathering(trig.token, cues):
        return True  # "a Reform UK campaign rally", "un meeting de campagne": supporters, not protesters
    if pred.type == "ASSAULT" and private_victim_only(args, sent, cues):
        return True  # "Un homme a été tué par balles à Marseille": a fait divers
    if published is not None and recalled_by_its_year(trig.token, published):
        return True  # "des opposants arrêtés lors des manifestations de 2023"
    if pred.type == "ASSAULT" and part_of_a_drill(trig.token, cues):
        return True  # "des exercices à tirs réels autour de Taïwan": the drill is the event
    if bare_suspension(pred, args, pairs, trig.token):
        return True
    if pred.type == "ASSAULT" and pred.pos == "VERB" and said_of_a_measure(trig.token):
        return True  # "un paquet de sanctions ciblant la flotte fantôme", "ripostant à la hausse des tarifs"
    if permitted_or_forbidden(trig.token):
        return True  # "les pays qui autorisent Kiev à frapper le territoire russe": leave to act, no act
    if is_a_bare_condition(trig.token, cues):
        return True  # "Si la Russie attaquait un pays balte, l'OTAN devrait réagir": a hypothesis
    if feared(trig.token, cues):
        return True  # "Les Ukrainiens redoutent une nouvelle offensive russe cet été": a fear
    if pred.type == "THREATEN" and lived_under(trig.token, cues) and not any(a.resolved for a in args.sources):
        return True  # "les habitants vivent sous la menace des bombardements": a state, no threat made
    if pred.type == "PROTEST" and gathered_to_commemorate(trig.token, cues):
        return True  # "se sont rassemblées pour commémorer l'attentat": a commemoration
    if supposed_by_a_conditional(trig.token) and not args.pair and not any(a.resolved for a in args.sources):
        return True  # "Une frappe sur les installations iraniennes aurait des conséquences désastreuses"
    if counted_as_a_trend(trig.token, cues) and not args.pair and not any(a.resolved for a in args.sources):
        return True  # "Les cyberattaques contre les hôpitaux ont doublé en 2023": a statistic
    if pred.type in _MEASURE_TYPES and evaded(trig.token, cues):
        return True  # "La Russie contourne les sanctions occidentales": the evasion, not the measure
    if pred.type == "THREATEN" and plain_reply(trig.token, pred, cues):
        return True  # "will respond to any questions": a reply, no retaliation held out
    if pred.id.startswith("fr.v.déclarer.guerre") and not args.pair and not any(
            t is not None and t.resolved for _, t in pairs):
        return True  # "a déclaré la guerre aux punaises de lit", "à la fraude fiscale": a campaign  # "a décidé de suspendre la vente de ce modèle de téléphone"
    return False


def plain_reply(tok: Token, pred: Predicate, cues: Cues) -> bool:
    """A threat row of a response verb ("respond to any …") whose "any" phrase names no act
    ("will respond to any questions"): a reply, no retaliation held out (conditional_responses.py)."""
    return (pred.pos == "VERB" and tok.lemma_.lower() in cues.response_verbs
            and act_of_a_kind_answered(tok, cues.response_verbs, cues.any_determiners) is None)


def figurative_use(tok: Token, cues: Cues) -> bool:
    """The event noun, or the noun the trigger verb governs, is qualified by a word that makes
    it a figure of speech: "attaque verbale", "offensive diplomatique", "offensive de charme"."""
    words = cues.figurative_modifiers
    if not words:
        return False
    nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else [c for c in tok.children if c.dep_ in _OBJECTS]
    return any(c.dep_ in _QUALIFIERS and (c.lower_ in words or c.lemma_.lower() in words)
               for noun in nouns for c in noun.children)


def campaign_gathering(tok: Token, cues: Cues) -> bool:
    """The protest noun is qualified as a campaign's ("campaign rally", "election rally",
    "rassemblement de campagne", "meeting électoral"): a party meeting its supporters. A
    complement with another preposition ("une manifestation contre la campagne militaire")
    is what the protest is against and does not count."""
    words = cues.campaign_modifiers
    if not words or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in tok.children:
        if c.dep_ not in _QUALIFIERS or (c.lower_ not in words and c.lemma_.lower() not in words):
            continue
        cases = [g.lower_ for g in c.children if g.dep_ == "case"]
        if all(case in ("de", "d'", "d’") for case in cases):
            return True
    return False


def _private_person(actor: Actor, cues: Cues) -> bool:
    words = actor.text.lower().replace("’", "'").replace("'", "' ").split()
    return (not actor.resolved and len(words) >= 2 and words[0] in _PERSON_OPENERS
            and (words[1] in cues.private_persons or words[1].rstrip("s") in cues.private_persons))


def private_victim_only(args: Roles, sent: Span, cues: Cues) -> bool:
    """An attack whose only victims are private people named by what they are ("un homme",
    "son voisin"), with no known attacker and no word of war in the sentence ("frappe",
    "drone"): a fait divers, whatever country the place would give it."""
    if not cues.private_persons or args.pair or any(a.resolved for a in args.sources):
        return False
    if not args.targets or not all(_private_person(a, cues) for a in args.targets):
        return False
    war = cues.agentive_attack_nouns | cues.aerial_weapons | cues.force_nouns
    return not any(t.lemma_.lower() in war or t.lower_ in war for t in sent)


def _year(tok: Token) -> int | None:
    text = tok.text
    if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20"):
        return int(text)
    return None


def recalled_by_its_year(tok: Token, published: date) -> bool:
    """An event noun dated by a year before publication ("les manifestations de 2023", "le
    coup d'État de juillet 2023", "l'invasion de 2022"): a past event recalled, not reported."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in tok.children:
        if c.dep_ not in _DATING_LINKS or c.i < tok.i:
            continue
        years = [y for y in [_year(c), *(_year(g) for g in c.children if g.dep_ in ("nummod", "nmod", "obl:mod"))]
                 if y is not None]
        if years and all(y < published.year for y in years):
            return True
    return False


def part_of_a_drill(tok: Token, cues: Cues) -> bool:
    """An attack noun that qualifies a drill or a test ("des exercices à tirs réels", "une
    simulation de frappe"): the fire is part of the exercise, coded as a mobilisation."""
    if not cues.drill_nouns or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in _DATING_LINKS and tok.head.i != tok.i and tok.head.lemma_.lower() in cues.drill_nouns:
        return True
    # "des exercices à tirs réels": the parser may hang the phrase on the verb
    doc = tok.doc
    return (tok.i >= 2 and doc[tok.i - 1].dep_ == "case" and doc[tok.i - 1].head.i == tok.i
            and doc[tok.i - 2].lemma_.lower() in cues.drill_nouns)


def is_a_bare_condition(tok: Token, cues: Cues) -> bool:
    """The trigger verb is itself introduced by "si" / "if" ("Et si Pékin attaquait ?", "si la
    Russie attaquait un pays balte, l'OTAN devrait réagir"): a hypothesis no actor commits to
    (guideline §8). Acts whose condition it is are read by ``condition_of_another``."""
    if tok.pos_ not in ("VERB", "AUX") or not cues.condition_markers:
        return False
    return any(c.dep_ == "mark" and c.lower_ in cues.condition_markers and c.i < tok.i for c in tok.children)


def feared(tok: Token, cues: Cues) -> bool:
    """An event noun that is what someone fears ("redoutent une nouvelle offensive", "craint
    des sanctions"): a forecast, not an act (guideline §8)."""
    if not cues.fear_verbs or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("obj", "dobj"):
        return False
    return tok.head.lemma_.lower() in cues.fear_verbs


def lived_under(tok: Token, cues: Cues) -> bool:
    """A threat noun opened by "sous"/"under" ("vivent sous la menace des bombardements",
    "under the threat of shelling"): what people live with, not a threat someone makes."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("case", "prep") and c.lower_ in cues.menace_prepositions
                                      for c in tok.children)


def gathered_to_commemorate(tok: Token, cues: Cues) -> bool:
    """A gathering whose purpose is to remember or mourn ("se sont rassemblées pour commémorer
    l'attentat", "gathered to mourn the victims"): a commemoration, no protest (guideline §8)."""
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in cues.commemoration_verbs
               and any(m.dep_ in ("mark", "aux") and m.lower_ in cues.purpose_markers for m in c.children)
               for c in tok.children)


def supposed_by_a_conditional(tok: Token) -> bool:
    """An event noun that is the subject of a verb in the conditional ("Une frappe sur Ispahan
    aurait des conséquences désastreuses", "une invasion serait une erreur"): a supposition."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubj:pass"):
        return False
    head = tok.head
    verbs = [head, *(c for c in head.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "cop"))]
    return any("Cnd" in v.morph.get("Mood") for v in verbs)


def counted_as_a_trend(tok: Token, cues: Cues) -> bool:
    """An event noun that is the subject of a verb of rise or fall ("les cyberattaques ont
    doublé", "les attaques de requins se multiplient", "attacks rose by 10 %"): a statistic."""
    if not cues.trend_verbs or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubj:pass"):
        return False
    return tok.head.lemma_.lower() in cues.trend_verbs


#: types whose nouns name a measure one can get round ("les sanctions", "l'embargo")
_MEASURE_TYPES = frozenset({"SANCTION", "COERCE"})


def evaded(tok: Token, cues: Cues) -> bool:
    """A measure named as what someone gets round or breaks: the object of "contourner",
    "échapper à", "enfreindre", "evade", "violate" ("aider Moscou à échapper aux sanctions
    américaines"), or the complement of such a noun ("le contournement des sanctions", "sanctions
    evasion"). The measure is background; the evasion is no act of the measure's author."""
    words = cues.evasion_words
    if not words or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head
    if head.i == tok.i or head.lemma_.lower() not in words and head.lower_ not in words:
        return False
    if head.pos_ in ("VERB", "AUX"):
        return tok.dep_ in ("obj", "dobj", "obl", "obl:arg", "nsubj:pass", "nsubjpass", "iobj")
    return tok.dep_ in ("nmod", "compound", "pobj")


#: one's own work, which an organisation suspends without sanctioning anyone
_OWN_WORK = frozenset({"opération", "activité", "travail", "travaux", "service", "vol", "production", "distribution",
                       "mission"})
_POSSESSIVES = frozenset({"ses", "son", "sa", "leurs", "leur"})


def bare_suspension(pred: Predicate, args: Roles, pairs: list[tuple[Actor | None, Actor | None]],
                    token: Token | None = None) -> bool:
    """A suspension read from the plain rows ("suspendre", "la suspension") that reaches no
    known party: a sale, a programme or a service suspended, no sanction on anyone."""
    if pred.id not in ("fr.v.suspendre", "fr.n.suspension") or args.pair:
        return False
    if token is not None and any(c.dep_ in _OBJECTS and c.lemma_.lower() in _OWN_WORK
                                 and any(d.lower_ in _POSSESSIVES for d in c.children) for c in token.children):
        return True  # "l'ONG a suspendu ses opérations à Gaza": its own work, no sanction on anyone
    return not any(t is not None and t.resolved for _, t in pairs)


#: nouns of economic or legal measures, which "target", "hit" or "answer" without arms
_MEASURE_NOUNS = frozenset({"sanction", "sanctions", "paquet", "douane", "tarif", "tarifs", "taxe", "surtaxe",
                            "mesure", "contre-mesure", "restriction", "embargo", "tariff", "tariffs", "measure",
                            "duty", "duties", "package"})
#: links of a clause said of the phrase or clause above it
_CLAUSE_LINKS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "xcomp"})


def said_of_a_measure(verb: Token) -> bool:
    """A verb of attack said of a sanction or a tariff, not of arms: "l'UE a adopté un paquet de
    sanctions ciblant la flotte fantôme", "une mesure qui frappera le Canada", "Pékin a relevé
    ses droits de douane, ripostant à la hausse des tarifs américains"."""
    nouns = [c for c in verb.children if c.dep_ in ("obl", "obl:arg", "obl:mod", "nsubj") and c.pos_ == "NOUN"]
    if verb.dep_ in _CLAUSE_LINKS:
        head = verb.head
        nouns += [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ in _OBJECTS]
    return any(n.lemma_.lower() in _MEASURE_NOUNS or n.lower_ in _MEASURE_NOUNS
               or any(g.dep_ == "nmod" and (g.lemma_.lower() in _MEASURE_NOUNS or g.lower_ in _MEASURE_NOUNS)
                      for g in n.children)
               for n in nouns)


#: verbs that give or refuse leave to act ("permettre" is left out: "a permis de neutraliser" tells
#: what an act achieved)
_PERMITTING_VERBS = frozenset({"autoriser", "interdire", "authorize", "authorise", "forbid"})


def permitted_or_forbidden(verb: Token) -> bool:
    """An act one is authorised or forbidden to do: "autorisent Kiev à frapper le territoire
    russe", "a interdit à l'armée de tirer"; the permission may be an act, what it allows is not."""
    return (verb.dep_ in ("xcomp", "ccomp") and verb.pos_ == "VERB"
            and verb.head.lemma_.lower() in _PERMITTING_VERBS and verb.head.i < verb.i)
