"""Which triggers are events of their own (which lexicon entry a word triggers is
:mod:`tocsin.coding.lexicon_match`): a
predicate embedded under a REQUEST/REJECT/THREATEN/ACCUSE, a noun describing
another event noun and a bare participle are no events of their own; a few
types change with their arguments or modality (joint exercises, conditional
sanctions).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from tocsin.coding.lexicon_match import PERSON_ROLES, passive_participle
from tocsin.coding.model import Roles, Trigger
from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import OBJECT, RELATIVE_PRONOUNS, morph_values, preposition_of
from tocsin.lang import Predicate
from tocsin.ontology import Ontology


def accused_in_apposition(tok: Token) -> Token | None:
    """"une quinzaine d'entreprises chinoises accusées de fournir …", "…, Itamar Ben Gvir,
    accusé d'inciter à la violence", "companies accused of supplying …": a bare
    past participle of accusing, with what it accuses of and no agent, describes the noun it
    follows. Returns that noun (the head of a name), if any."""
    if "Part" not in morph_values(tok, "VerbForm") or "Pres" in morph_values(tok, "Tense") or tok.dep_ not in (
            "acl", "amod", "advcl") or any(c.dep_.startswith("aux") or c.dep_ in ("obl:agent", "agent", "nsubj")
                                         for c in tok.children):
        return None
    if not any((c.dep_ in ("xcomp", "advcl", "ccomp") or (c.dep_ == "prep" and c.lower_ == "of")
                or (c.dep_ == "obl:arg" and not _to_someone(c)))
               and c.i > tok.i for c in tok.children):
        return None  # "les faits reprochés": no content, a plain modifier (nor "une frappe attribuée à Israël")
    if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        return tok.head
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if before is None or before.text != "," or before.i - 1 < tok.sent.start:
        return None
    noun = tok.doc[before.i - 1]
    while noun.dep_ == "flat:name" and noun.head.i < noun.i:
        noun = noun.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _to_someone(phrase: Token) -> bool:
    """"attribuée à Israël": a phrase opened by "à" names to whom something is put down."""
    return any(c.dep_ == "case" and c.lower_ in ("à", "au", "aux") for c in phrase.children)


def apposed_role(name: Token) -> Token | None:
    """The role noun a name stands in apposition to ("le ministre israélien de la Sécurité
    nationale, Itamar Ben Gvir"), whatever link the parser gave the name."""
    if name.dep_ == "appos" and name.head.lemma_.lower() in PERSON_ROLES:
        return name.head
    first = min(t.i for t in name.subtree)
    if first - 2 < name.sent.start or name.doc[first - 1].text != ",":
        return None
    word = name.doc[first - 2]
    for _ in range(4):
        if word.pos_ == "NOUN" and word.lemma_.lower() in PERSON_ROLES:
            return word
        if word.dep_ not in ("amod", "nmod", "flat:name") or word.head.i > word.i:
            return None
        word = word.head
    return None


def is_background(tok: Token, by_index: dict[int, Trigger]) -> bool:
    """Events mentioned in passing: a noun describing another event noun ("l'offre d'aide",
    "the ban on supplying weapons"), or a bare participle describing a noun ("les produits importés")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok.dep_ in ("nmod", "pobj") and (
            tok.head.i in by_index or (tok.head.dep_ == "prep" and tok.head.head.i in by_index))
    if passive_participle(tok):
        return not any(c.dep_ in ("obl:agent", "agent") for c in tok.children)
    return False


#: dependencies that tie a noun to the noun it describes ("a wave of strikes", "le déclenchement de l'offensive")
_NOUN_MODIFIER = frozenset({"nmod", "pobj"})


def names_the_occasion(tok: Token, governor: Token, words: frozenset[str]) -> bool:
    """"a demandé à Netanyahu une désescalade lors de leur entretien": on the way from the
    noun up to the act that governs it stands a word of occasion ("lors", "during")."""
    if not words:
        return False
    if any(c.dep_ in ("case", "prep") and c.lower_ in words for c in tok.children):
        return True  # "pendant leur entretien"
    current = tok
    for _ in range(4):
        head = current.head
        if head.i == current.i or head.i == governor.i:
            return False
        if head.lower_ in words:
            return True
        current = head
    return False


def names_a_weapon(tok: Token, weapons: frozenset[str]) -> bool:
    """"des hélicoptères de combat", "drones d'attaque", "attack helicopters", "Bradley
    fighting vehicles": a word of war that names a kind of weapon, not an act."""
    if not weapons:
        return False
    if tok.dep_ in ("nmod", "compound", "amod") and tok.head.lemma_.lower() in weapons and tok.head.i != tok.i:
        return True
    return (tok.tag_ == "VBG" and not any(c.dep_.startswith("aux") for c in tok.children)
            and any(c.dep_ == "dobj" and c.i == tok.i + 1 and c.lemma_.lower() in weapons for c in tok.children))


def content_of_a_noun(tok: Token, nouns: frozenset[str]) -> bool:
    """"toute tentative de s'emparer du port", "un complot visant à s'emparer du pouvoir",
    "a plot to seize power": a verb that says what an attempt, a plot or a plan is about
    names no act that happened."""
    if tok.pos_ != "VERB" or not nouns:
        return False
    current = tok
    for _ in range(3):
        head = current.head
        if head.i == current.i or current.dep_ not in ("acl", "xcomp", "advcl", "ccomp", "pcomp", "pobj"):
            return False
        if head.pos_ == "NOUN" and head.lemma_.lower() in nouns:
            return True
        if head.pos_ not in ("VERB", "ADP"):
            return False
        current = head
    return False


def sets_the_circumstance(tok: Token, nouns: frozenset[str]) -> bool:
    """"À l'appel de l'intersyndicale, un million de personnes ont défilé": the noun after its
    preposition says on whose call the clause's act happened; the act is the event."""
    return (tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns
            and any(c.dep_ in ("case", "prep") for c in tok.children))


def names_a_hazard(sent: Span, nouns: frozenset[str], verbs: frozenset[str]) -> bool:
    """The sentence speaks of a natural hazard or an accident: a noun ("wildfires", "les
    inondations") or an accident verb ("the helicopter crashed", "l'avion s'est écrasé")."""
    for t in sent:
        if t.pos_ in ("NOUN", "PROPN") and (
                t.lemma_.lower() in nouns or t.lower_ in nouns or t.lower_.rstrip("sx") in nouns):
            return True
        if t.pos_ == "VERB" and t.lemma_.lower() in verbs and (
                t.lang_ != "fr" or any(c.dep_.startswith("expl") for c in t.children)):
            return True
    return False


#: what a crowd says while it protests: demands, condemnations, refusals
VOICED_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})
#: links from a protest to the clause that says what it is for, or to the crowd that holds it
_PROTEST_LINKS = frozenset({"advcl", "acl", "xcomp", "nmod", "pobj", "prep", "agent", "obl:agent", "nsubj"})


def first_trigger_above(tok: Token, by_index: dict[int, Trigger], links: frozenset[str],
                        steps: int) -> Trigger | None:
    """The nearest trigger above ``tok``, climbing only through ``links``, at most ``steps`` up."""
    current = tok
    for _ in range(steps):
        head = current.head
        if head.i == current.i or current.dep_ not in links:
            return None
        governor = by_index.get(head.i)
        if governor is not None:
            return governor
        current = head
    return None


#: links from a threat down to the clause that says what it is for
_AIM_LINKS = frozenset({"advcl", "xcomp", "ccomp", "obl:arg"})


#: acts whose aim is their content: a threat, a demand
_AIMED_TYPES = frozenset({"THREATEN", "REQUEST"})
#: links from an act up to the clause of aim it is named in ("pour laisser entrer l'aide")
_INSIDE_AN_AIM = frozenset({"obj", "dobj", "xcomp"})


def aim_of_a_threat_or_demand(tok: Token, by_index: dict[int, Trigger], markers: frozenset[str]) -> bool:
    """"n'a pas exclu de recourir à la force pour prendre le contrôle du Groenland", "a exigé un
    accord pour libérer les otages", "demanded a deal to free the hostages": what a threat or a
    demand is made for is its content, not an act of its own; so is an act named inside that
    clause ("a donné quatre jours à Israël pour laisser entrer l'aide")."""
    for _ in range(3):
        if tok.dep_ == "advcl" or tok.dep_ not in _INSIDE_AN_AIM or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.dep_ != "advcl" or not any(c.dep_ in ("mark", "aux") and c.lower_ in markers for c in tok.children):
        return False
    governor = first_trigger_above(tok, by_index, _AIM_LINKS, 3)
    if governor is None:
        # "a lancé un ultimatum au Guyana pour retirer ses troupes": the threat is the object
        # of the verb the aim hangs on
        governor = next((by_index[c.i] for c in tok.head.children
                         if c.dep_ in ("obj", "dobj") and c.i in by_index), None)
    return governor is not None and governor.predicate.type in _AIMED_TYPES


def voices_a_protest(tok: Token, by_index: dict[int, Trigger]) -> bool:
    """"ont défilé pour réclamer l'arrêt des bombardements", "rallies led by students demanding
    accountability": the demand is what the protest says, coded as the protest itself."""
    if tok.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    governor = first_trigger_above(tok, by_index, _PROTEST_LINKS, 4)
    if governor is None and tok.dep_ == "advcl":
        # "ont entamé une grève illimitée pour réclamer …": the protest is the object of the
        # verb the aim hangs on
        governor = next((by_index[c.i] for c in tok.head.children
                         if c.dep_ in ("obj", "dobj") and c.i in by_index), None)
    return governor is not None and governor.predicate.type == "PROTEST"


#: suffix of the predicate id of a demand re-read as the protest of the crowd that voices it
CROWD_DEMAND = "+demand"
#: … whose recipient is only what it is said to be against ("à Belgrade" is where it happens)
CROWD_DEMAND_TARGETS = ("contre", "against")


def voiced_by_a_crowd(tok: Token, protester_words: frozenset[str]) -> bool:
    """"des dizaines de milliers de manifestants exigent la destitution de Yoon", "protesters
    demanded his resignation": a demand or a denunciation made by protesters is their protest
    (annotation guideline §4)."""
    if tok.pos_ != "VERB" or not protester_words:
        return False
    if tok.dep_ in ("acl", "amod") and (tok.head.lower_ in protester_words or tok.head.lemma_.lower() in protester_words):
        return True  # "protesters demanding his resignation", "des manifestants réclamant la démission"
    for subject in (c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")):
        # "des dizaines de milliers de manifestants", "thousands of protesters"
        layer = [subject]
        for _ in range(4):
            if any(w.lower_ in protester_words or w.lemma_.lower() in protester_words for w in layer):
                return True
            layer = [c for w in layer for c in w.children if c.dep_ in ("nmod", "prep", "pobj")]
    return False


def condition_of_another(tok: Token, by_index: dict[int, Trigger], markers: frozenset[str]) -> bool:
    """"Trump threatens tariffs unless a Ukraine deal is reached", "a menacé … si Moscou
    n'acceptait pas de cessez-le-feu", "prêt à reprendre les négociations, à condition que la
    guérilla renonce aux enlèvements", "frappera Séoul en cas d'attaque": an act named as the
    condition of another act of the sentence is not stated to happen (the guideline codes the threat or offer, not its content)."""
    if not markers:
        return False
    current = tok
    for _ in range(5):
        head = current.head
        if head.i == current.i:
            return False
        introduced = any(c.dep_ == "mark" and (c.lower_ in markers or any(g.lower_ in markers for g in c.children))
                         for c in current.children) or (
            # "si les sanctions de l'ONU étaient rétablies": the parser may hang "si" on the subject
            current.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in markers for c in current.children
                                            if c.dep_ in ("nsubj", "nsubj:pass") and c.i < current.i
                                            for g in c.children if g.i < c.i))
        # ("si ses alliés attaquaient": the parser can leave the clause under a bare "dep" link)
        if (current.dep_ in ("advcl", "dep") and introduced) or (
                current.dep_ in ("acl", "nmod") and head.lemma_.lower() in markers):
            inside = {t.i for t in current.subtree}
            return any(i not in inside for i in by_index)
        current = head
    return False


#: links from a show of force to the clause or phrase that says whom it is meant to warn
_PURPOSE_LINKS = frozenset({"advcl", "xcomp", "acl", "obl", "obl:mod", "obl:arg", "advmod", "nmod", "pobj", "prep", "mark"})


def warning_of_a_deployment(tok: Token, by_index: dict[int, Trigger]) -> Trigger | None:
    """"a dépêché un groupe aéronaval … afin de dissuader l'Iran", "ordered to the
    Mediterranean as a warning to Iran": the warning is the purpose of the deployment, whose
    recipients it names. Returns the deployment (a MOBILIZE trigger above ``tok``), if any."""
    governor = first_trigger_above(tok, by_index, _PURPOSE_LINKS, 3)
    return governor if governor is not None and governor.predicate.type == "MOBILIZE" else None


def thing_as_subject(tok: Token, cues: Cues) -> bool:
    """"the collapse of a railway station canopy that killed 15 people": the verb's subject
    (or the noun its relative clause describes) is a thing, not an actor, a weapon or a crowd."""
    if tok.pos_ != "VERB":
        return False
    heads = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if not heads:
        return False
    head = heads[0]
    if head.lower_ in RELATIVE_PRONOUNS and tok.dep_ in ("relcl", "acl:relcl", "acl"):
        head = tok.head  # "a canopy … that killed 15 people": what the relative clause describes
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_:
        return False
    lemma, low = head.lemma_.lower(), head.lower_
    known = cues.actor_nouns | cues.civilian_words | cues.person_nouns
    # "Un bombardement aérien a frappé un marché", "a missile hit the port": an attack or its
    # weapon, made by someone the text does not name, is no thing
    known = known | cues.agentive_attack_nouns | cues.aerial_weapons
    return not (lemma in known or low in known or any(c.lower_ in known for c in head.children))


#: acts a match report describes with the words of war or coercion, or of a deal (a transfer
#: agreed with a club, a lead conceded)
SPORT_MISREAD_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "REJECT", "SANCTION", "AGREE", "CONCEDE"})


def about_sport(sent: Span, words: frozenset[str]) -> bool:
    """Two or more words of sport in the sentence ("a éliminé le Sénégal en huitièmes de finale
    de la Coupe d'Afrique"): a match report, whatever its verbs."""
    if not words:
        return False
    found = {t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in words}
    found |= {t.lower_ for t in sent if t.lower_ in words}
    return len(found) >= 2


def bare_participle(tok: Token) -> bool:
    """A participle used as a plain modifier, with no dependents of its own, or as a noun."""
    if nominal_participle(tok):
        return True
    if tok.dep_ not in ("amod", "acl") or "Part" not in morph_values(tok, "VerbForm"):
        return False
    return not any(c.dep_ not in ("punct", "advmod", "det") for c in tok.children)


#: articles that make a present participle a noun ("l'occupant", "les assaillants")
_ARTICLES = frozenset({"le", "la", "l'", "l’", "les", "un", "une", "des", "du", "au", "aux"})


def nominal_participle(tok: Token) -> bool:
    """"à l'occupant": a present participle after an article, with no object, names a person."""
    if "Part" not in morph_values(tok, "VerbForm") or "Pres" not in morph_values(tok, "Tense"):
        return False
    if tok.i == 0 or tok.doc[tok.i - 1].lower_ not in _ARTICLES:
        return False
    return not any(c.dep_ in ("obj", "dobj", "ccomp", "xcomp", "nsubj") for c in tok.children)


#: negative acts that, stated on a condition ("if …"), are threats (PLOVER THREATEN)
THREAT_IF_CONDITIONAL = frozenset({"SANCTION", "ASSAULT", "COERCE"})

#: sectors of the state: when one of them blocks a road, a port or access to a site, it is
#: a blockade or a restriction (COERCE), not a protest
STATE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


#: killing someone is an assault even by civilians ("des colons israéliens …, tuant un homme"),
#: never a riot
_KILLING_LEMMAS = frozenset({"tuer", "assassiner", "massacrer", "exécuter", "kill", "murder", "slaughter"})


def reinterpret(pred: Predicate, args: Roles, mood: str, ontology: Ontology, ready: bool = False) -> Predicate:
    """Type changes that depend on the arguments or the modality, not on the word alone:
    exercises by two countries together are COOPERATE; a sanction or strike on a
    condition ("will impose sanctions if …") is a THREATEN."""
    if pred.type == "MOBILIZE" and not any(t.resolved for t in args.targets):
        countries = {a.country for a in args.sources + args.pair if a.resolved and a.country}
        if len(countries) >= 2:
            return replace(pred, type="COOPERATE", mode=None, cameo="062", id=pred.id + "+joint")
    if pred.type == "RETREAT" and pred.mode == "withdraw" and leaves_an_organisation(args):
        # "leur retrait de la Cedeao": leaving an organisation is a sanction (docs/annotation.md)
        return replace(pred, type="SANCTION", mode="withdraw", cameo="160", id=pred.id + "+organisation")
    if pred.type == "PROTEST" and pred.mode in (None, "demo") and state_acts(args) and args.targets:
        # "Le Japon proteste contre une incursion": a state's protest is diplomatic (ACCUSE)
        return replace(pred, type="ACCUSE", mode=None, cameo="111", id=pred.id + "+state")
    if pred.type == "PROTEST" and pred.mode == "obstruct" and state_acts(args):
        return replace(pred, type="COERCE", mode="restrict", cameo="191", id=pred.id + "+state")
    if (pred.type == "ASSAULT" and args.sources and all(a.resolved and a.sector == "CVL" for a in args.sources)
            and pred.lemma not in _KILLING_LEMMAS and not any(t.resolved and t.country and t.country != s.country for t in args.targets for s in args.sources)):
        # "Protesters set fire to the parliament": violence by a crowd is a riot (PLOVER PROTEST);
        # civilians attacking another country's people ("des colons israéliens ont attaqué un
        # village palestinien") assault them
        return replace(pred, type="PROTEST", mode=None, cameo="145", id=pred.id + "+crowd")
    if pred.type == "CONCEDE" and pred.cameo == "0871" and sum(1 for a in args.pair if a.resolved) >= 2:
        # "Le Qatar a annoncé une trêve entre Israël et le Hamas": the two sides agreed to it
        return replace(pred, type="AGREE", mode=None, cameo="030", id=pred.id + "+between")
    if pred.type in ("CONSULT", "COOPERATE") and mood in ("conditional", "intended"):
        # "serait prêt à reprendre les négociations", "compte se rendre à Pékin", "se sont dits
        # disposés à coopérer": readiness or an intention to meet or to cooperate is an AGREE
        # (annotation guideline §4)
        return replace(pred, type="AGREE", mode=None, cameo="036", id=pred.id + "+readiness")
    if pred.type in THREAT_IF_CONDITIONAL and ready and mood in ("intended", "conditional"):
        # "se dit prêt à frapper Israël": readiness to strike, stated now, is a threat
        return replace(pred, type="THREATEN", mode=None, cameo=ontology.cameo_for_plover("THREATEN"), id=pred.id + "+ready")
    if pred.type in THREAT_IF_CONDITIONAL and mood == "hypothetical":
        return replace(pred, type="THREATEN", mode=None, cameo=ontology.cameo_for_plover("THREATEN"), id=pred.id + "+conditional")
    return pred


def state_acts(args: Roles) -> bool:
    """The resolved sources are all states or state organs ("Moscou", "la police"), not crowds."""
    sources = [a for a in args.sources if a.resolved]
    return bool(sources) and all(a.sector in STATE_SECTORS and a.country for a in sources)


def leaves_an_organisation(args: Roles) -> bool:
    """The resolved recipients are all international organisations."""
    targets = [a for a in args.targets if a.resolved]
    return bool(targets) and all(a.sector == "IGO" for a in targets)


def hosts_an_event(tok: Token, by_index: dict[int, Trigger]) -> bool:
    """A verb of hosting whose object is itself a meeting noun; a call received ("a reçu un
    appel téléphonique du roi") is no meeting hosted: the verb names who took the call."""
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in OBJECT and c.i in by_index and by_index[c.i].predicate.type == "CONSULT"
        and by_index[c.i].predicate.mode != "phone"
        for c in tok.children)


def receives_an_event(tok: Token, by_index: dict[int, Trigger], quantifiers: frozenset[str] = frozenset()) -> bool:
    """A verb of hosting whose object is another act ("Kiev a reçu une tranche d'aide de l'UE",
    "received a shipment of arms"): the act is the event, not a visit."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    for obj in (c for c in tok.children if c.dep_ in OBJECT):
        inner = [obj]
        if obj.lemma_.lower() in quantifiers:
            inner += [c for c in obj.children if c.dep_ in ("nmod", "pobj")]
            inner += [g for c in obj.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if any(t.i in by_index and by_index[t.i].predicate.type != "CONSULT" for t in inner):
            return True
    return False


#: types whose verb embeds what is agreed, promised or offered: the content is not coded
#: apart (docs/annotation.md, "What is not an event": the content of an offer)
OFFER_TYPES = frozenset({"AGREE", "CONCEDE"})
#: the preposition of what an agreement is about ("un accord sur …", "agreed on …")
AGREED_ON = frozenset({"sur", "on"})


def is_offered_content(tok: Token, governor: Trigger) -> bool:
    """"sont convenus de rétablir leurs relations", "agreed to open membership talks", "a promis
    une aide": a predicate in the clause an agreement verb governs, or its object, is what was
    agreed (one event, coded on the verb)."""
    if governor.predicate.type not in OFFER_TYPES or governor.token.pos_ not in ("VERB", "AUX"):
        return False
    if tok.pos_ == "NOUN" and in_the_object(tok, governor.token):
        return True  # "a promis une aide à l'Ukraine", "pledged $500m in aid": what is promised
    if (tok.pos_ == "NOUN" and preposition_of(tok) in AGREED_ON
            and tok.head.i in (governor.token.i, *governor.consumed)):
        return True  # "se sont mis d'accord sur un échange de prisonniers": what was agreed on
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in OBJECT | {"nsubj", "nsubj:pass", "nsubjpass"}:
        return False  # "… at Washington's request": a phrase around the content, not the content
    current = tok
    for _ in range(4):
        if current.dep_ in ("xcomp", "ccomp"):
            return current.head.i == governor.token.i or governor.token.i in {a.i for a in current.ancestors}
        if current.head.i == current.i:
            return False
        current = current.head
    return False


#: the CAMEO code of negotiating ("négocier", "negotiate")
NEGOTIATE_CAMEO = "046"


def is_negotiated_content(tok: Token, governor: Trigger) -> bool:
    """"ont négocié un échange de prisonniers", "negotiated a prisoner swap": the object of a
    verb of negotiating is what the talks are about, not an act that happened; the talks are
    the event. An agreement or a meeting negotiated is left to its own row."""
    if governor.predicate.cameo != NEGOTIATE_CAMEO or governor.token.pos_ not in ("VERB", "AUX"):
        return False
    return tok.pos_ == "NOUN" and in_the_object(tok, governor.token)


def is_banned_protest(tok: Token, pred: Predicate, governor: Trigger) -> bool:
    """"a interdit les rassemblements de l'opposition": a protest that a ban is the object of
    is what is banned (it did not take place); the ban is the event."""
    return (pred.type == "PROTEST" and governor.predicate.type == "COERCE" and governor.predicate.mode == "restrict"
            and governor.token.pos_ in ("VERB", "AUX") and tok.pos_ == "NOUN" and in_the_object(tok, governor.token))


def in_the_object(tok: Token, verb: Token) -> bool:
    """``tok`` is the verb's object, or hangs on it through a preposition ("$500m in aid")."""
    if tok.dep_ in OBJECT:
        return tok.head.i == verb.i
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    return (tok.dep_ in ("pobj", "nmod") and head.dep_ in OBJECT and head.head.i == verb.i
            and head.i != tok.i)


#: nouns for people who can be received (besides PERSON_ROLES)
VISITOR_NOUNS = frozenset({
    "délégation", "ambassadeur", "représentant", "envoyé", "diplomate", "responsable", "délégué",
    "opposant", "militant", "journaliste", "syndicat", "dissident", "otage", "réfugié",
    "delegation", "ambassador", "representative", "official", "diplomat", "delegate",
    "opposition", "activist", "journalist", "union", "hostage", "refugee",
}) | PERSON_ROLES


#: things and gatherings a place or a person receives or hosts, named with an organisation
#: ("le prix Nobel", "la conférence générale de l'Unesco", "the Olympic Games")
HOSTED_THINGS = frozenset({
    "prix", "récompense", "distinction", "médaille", "conférence", "congrès", "forum", "festival",
    "salon", "exposition", "jeux", "compétition", "championnat", "coupe", "tournoi", "assemblée",
    "prize", "award", "medal", "conference", "congress", "fair", "exhibition", "games",
    "competition", "championship", "cup", "tournament", "assembly",
})


def receives_a_thing(tok: Token, pred: Predicate, args: Roles, visitors: frozenset[str] = frozenset()) -> bool:
    """A hosting verb ("recevoir", "accueillir", "receive") whose object names no actor:
    weapons, a shipment, a prize are received, not visitors ("ses premiers chars sud-coréens"
    names a country only through an adjective)."""
    if pred.mode != "visit" or pred.object or tok.pos_ not in ("VERB", "AUX") or args.pair:
        return False  # a row that names its object ("faire escale", "rendre visite") receives no thing
    objects = [c for c in tok.children if c.dep_ in OBJECT]
    people = VISITOR_NOUNS | visitors
    if not objects or not all(o.pos_ == "NOUN" and o.lemma_.lower() not in people for o in objects):
        return False
    if all(o.lemma_.lower() in HOSTED_THINGS for o in objects):
        return True  # "a reçu le prix Nobel", "accueillera la conférence générale de l'Unesco"
    if any(c.pos_ == "PROPN" for o in objects for c in o.children):
        return False
    return not any(a.resolved and (a.sector or a.name) for a in args.targets)


def anchored_in_the_past(tok: Token, anchors: frozenset[str]) -> bool:
    """"ont arrêté des milliers de personnes depuis le début du mouvement de contestation",
    "the first convoy since the signing of the deal": an event noun in the phrase that dates
    the clause from an earlier time ("depuis", "since") is its backdrop, not a reported act.
    Climbs from the noun through the nouns (and English prepositions) it hangs on, a few steps.
    A clause opened by the anchor is a backdrop too ("his first trip to Russia since Moscow sent
    its troops into Ukraine", "depuis que l'armée a pris le pouvoir")."""
    verb = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("obj", "dobj") else tok
    if anchors and verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("advcl", "acl") and any(
            c.dep_ == "mark" and c.lower_ in anchors for c in verb.children):
        return True  # (an act named as the object of the clause's verb: "since the West imposed sanctions")
    if not anchors or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    current = tok
    for _ in range(5):
        if any(c.dep_ in ("case", "prep") and c.lower_ in anchors for c in current.children):
            return True
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ == "pobj" and head.lower_ in anchors:
            return True  # "since the coup": the preposition heads the phrase
        if current.dep_ not in _ANCHOR_CLIMB or head.pos_ not in ("NOUN", "PROPN", "ADP"):
            return False
        current = head
    return False


_ANCHOR_CLIMB = _NOUN_MODIFIER | {"prep"}


#: links from an event noun up to the work or record it is the topic of
_TOPIC_LINKS = frozenset({"nmod", "pobj", "prep", "obl:arg", "obl", "obj", "dobj", "acl"})


def topic_of_a_work(tok: Token, nouns: frozenset[str]) -> bool:
    """"un documentaire consacré aux manifestations de 2019", "des informations sur les frappes",
    "a film about the protests": an event noun that is what a work or a record is about is its
    topic, not an act the sentence reports. Climbs through nouns, prepositions and participles."""
    if not nouns or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    current = tok
    for _ in range(4):
        head = current.head
        if head.i == current.i or current.dep_ not in _TOPIC_LINKS:
            return False
        if head.pos_ == "NOUN" and head.lemma_.lower() in nouns:
            return not _bare_de_complement(current)  # "une série de frappes" counts strikes
        if head.pos_ == "VERB" and current.dep_ not in ("obl:arg", "obl", "obj", "dobj"):
            return False
        if head.pos_ == "VERB" and head.dep_ != "acl":
            return False  # only a participle describing the work ("consacré à")
        current = head
    return False


def _bare_de_complement(tok: Token) -> bool:
    """"une série de frappes", "a series of strikes": a plural noun hung by a bare "de"/"of"
    with no determiner counts or sorts the acts; "une série sur les frappes", "le récit des
    frappes" is about them."""
    cases = [c.lower_ for c in tok.children if c.dep_ in ("case", "prep")]
    return (tok.dep_ == "nmod" and cases in (["de"], ["d'"], ["of"])
            and tok.morph.get("Number") == ["Plur"] and not any(c.dep_ == "det" for c in tok.children))


def judged_likely_or_not(tok: Token, adjectives: frozenset[str]) -> bool:
    """"une offensive chinoise contre Taïwan reste improbable", "an invasion is unlikely": an
    event noun whose predicate judges how likely it is names a forecast, not an act."""
    if not adjectives or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubjpass", "nsubj:pass"):
        return False
    head = tok.head
    if head.pos_ == "ADJ" and head.lemma_.lower() in adjectives:
        return True  # "… est peu probable"
    return head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("xcomp", "acomp", "attr") and c.pos_ == "ADJ" and (c.lemma_.lower() in adjectives or c.lower_ in adjectives)
        for c in head.children)  # "… reste improbable", "… remains unlikely"


def market_as_subject(tok: Token, nouns: frozenset[str]) -> bool:
    """"La Bourse de Paris a menacé de décrocher", "the rouble came under attack": a verb
    whose subject is a market, a price or an economic figure describes the economy (a place
    name in the phrase makes no actor of it). Also a verb whose subject is that of the verb
    it completes ("a menacé de …")."""
    if not nouns or tok.pos_ != "VERB":
        return False
    current = tok
    for _ in range(2):
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
        if subject is not None:
            return subject.pos_ in ("NOUN", "PROPN") and (
                subject.lemma_.lower() in nouns or subject.lower_ in nouns)
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def any_act_of_a_kind(tok: Token, determiners: frozenset[str]) -> bool:
    """"Moscou répondra à toute livraison d'armes", "will respond to any deployment of missiles":
    an event noun under a determiner of "any" (and no article) names a kind of act that
    might happen, not an act that did."""
    if not determiners or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c for c in tok.children if c.dep_ in ("det", "amod", "advmod") and c.i < tok.i]
    return any(d.lower_ in determiners for d in dets) and not any(
        d.dep_ == "det" and d.lower_ not in determiners for d in dets)


def on_the_sidelines(tok: Token, markers: frozenset[str]) -> bool:
    """"en marge d'une réunion des BRICS", "on the sidelines of the G20 summit": the event noun
    after such a word is the venue of the clause's act, not an act of its own."""
    if not markers or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head  # English: "the sidelines of the summit"
    return head.i != tok.i and head.lower_ in markers and tok.dep_ in ("nmod", "pobj")


def done_by_a_named_agent(tok: Token) -> bool:
    """"Bamako a rejeté les sanctions imposées la veille par la Cedeao": a past participle that
    describes what the outer act is about, with its own agent, reports an act that happened;
    it is no content of the rejection, accusation or demand."""
    return passive_participle(tok) and any(
        c.dep_ in ("obl:agent", "agent") and (c.pos_ == "PROPN" or any(g.pos_ == "PROPN" for g in c.children))
        for c in tok.children)


def long_after(tok: Token, markers: frozenset[str], units: frozenset[str]) -> bool:
    """"gracié deux ans après son arrestation", "pardoned two years after his arrest": an event
    noun introduced by "après/after" with a long span before it is long past, the backdrop
    of the clause, not a reported act."""
    if not markers or not units or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "case" and c.lower_ in markers for c in tok.children):
        # French: the span hangs on the noun, before the preposition
        return any(c.i < tok.i and (c.lemma_.lower() in units or c.lower_ in units)
                   and any(g.dep_ in ("nummod", "det") for g in c.children) for c in tok.children)
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in markers:
        # English: "two years after": the span hangs on the preposition
        return any(c.lower_ in units or c.lemma_.lower() in units for c in head.children if c.i < head.i)
    return False
