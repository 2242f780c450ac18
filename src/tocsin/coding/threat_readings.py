"""Readings of threats and their look-alikes: what a threat says is no act of its own,
idioms and forecasts are no threats, promised retaliation and withheld recognition are, and
"no option is ruled out" threatens for whoever says it.
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.coding.conditional_responses import act_of_a_kind_answered
from tocsin.coding.model import EMBEDDING_TYPES, Trigger
from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import morph_values
from tocsin.coding.triggers import done_by_a_named_agent
from tocsin.lang import Predicate


def inside_a_threat(tok: Token, by_index: dict[int, Trigger]) -> bool:
    """A non-finite or future act somewhere inside what a threat or a warning says (its
    infinitive or its "que" clause, however deep): "a menacé de bombarder les villages
    soutenant la rébellion", "a averti le Japon qu'il jouait avec le feu en soutenant Taïwan",
    "a averti que les otages seraient exécutés si l'armée tentait de les libérer". The content
    of a threat is not coded (guideline §8); an act with its own named agent is
    (:func:`done_by_a_named_agent`)."""
    if tok.pos_ == "VERB":
        forms = morph_values(tok, "VerbForm")
        finite_now = "Fin" in forms and not ({"Cnd"} & set(morph_values(tok, "Mood"))
                                              or {"Fut"} & set(morph_values(tok, "Tense")))
        if finite_now or done_by_a_named_agent(tok):
            return False
        if (tok.dep_ == "advcl" and "Part" in forms and "Pres" in morph_values(tok, "Tense")
                and not any(c.dep_ == "mark" for c in tok.children)):
            return False  # "…, accusant Israël de violer l'accord": what the threatener does meanwhile
    current = tok
    for _ in range(7):
        head = current.head
        if head.i == current.i:
            return False
        if ((current.dep_ in ("ccomp", "xcomp") or _what_a_warning_says(current)) and head.i in by_index
                and head.i != tok.i and by_index[head.i].predicate.type == "THREATEN" and current.i != tok.i):
            return True
        if current.dep_ in ("parataxis",):
            return False
        current = head
    return False


def _what_a_warning_says(verb: Token) -> bool:
    """"a averti que les pays qui autoriseraient Kiev à frapper … deviendraient des cibles": a
    "que" clause in the conditional or the future that the parser hung as an adverbial clause
    (its "que" on the subject) is what the warning says."""
    if verb.dep_ != "advcl" or verb.pos_ not in ("VERB", "AUX"):
        return False
    if not ({"Cnd"} & set(morph_values(verb, "Mood")) or {"Fut"} & set(morph_values(verb, "Tense"))
            or verb.lower_.endswith(("rait", "raient", "ront"))):
        return False  # ("deviendraient": an irregular conditional the tagger reads as a present)
    return any(t.lower_ in ("que", "qu'", "qu’") and t.dep_ == "mark" for t in verb.subtree if t.i < verb.i)


def idiom_of_no_force(tok: Token, cues: Cues) -> bool:
    """A verb of seizing, holding or stopping whose object makes an idiom of it (cue
    ``idiom_objects``): "saisir l'occasion", "détenir 12 % du marché", "arrêter une date"."""
    nouns = cues.idiom_objects.get(tok.lemma_.lower())
    if not nouns or tok.pos_ != "VERB":
        return False
    return any(c.dep_ in ("obj", "dobj") and (c.lemma_.lower() in nouns or c.lower_ in nouns) for c in tok.children)


def hypothetical_relative_under_a_threat(tok: Token, by_index: dict[int, Trigger]) -> bool:
    """A verb in the present conditional heading a relative clause inside what a threat, a
    demand, a refusal or an accusation is about ("a menacé de représailles les pays qui
    saisiraient les avoirs russes", "des sanctions contre les entreprises qui livreraient des
    armes", "a averti Ankara qu'elles bloqueraient …"): an act that might happen, the content
    of the outer act (guideline §8). A relative clause elsewhere keeps its journalistic
    conditional ("le Hamas, qui détiendrait encore cinquante otages")."""
    if tok.pos_ != "VERB" or not tok.dep_.startswith("acl") or "Cnd" not in morph_values(tok, "Mood"):
        return False
    if any(c.dep_.startswith("aux") for c in tok.children):
        return False  # "qui aurait frappé": a reported past act
    current = tok.head
    for _ in range(4):
        if current.i in by_index and current.i != tok.i and by_index[current.i].predicate.type in EMBEDDING_TYPES:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


#: acts whose promise is a threat
_HARMFUL_TYPES = frozenset({"SANCTION", "ASSAULT", "COERCE"})


def promises_harm(tok: Token, by_index: dict[int, Trigger], cues: Cues | None = None) -> bool:
    """What is promised (the object, or the verb of the clause, and that verb's object) is a
    sanction, an attack or a coercion, or (with ``cues``) striking back: "promet de riposter",
    "de répondre par la force", "de « faire payer » à la Suède"."""
    content = [c for c in tok.children if c.dep_ in ("obj", "dobj", "xcomp", "ccomp") and not _negated_verb(c)]
    verbs = [c for c in content if c.pos_ == "VERB"]
    content += [g for c in verbs for g in c.children if g.dep_ in ("obj", "dobj")]
    if any(c.i in by_index and by_index[c.i].predicate.type in _HARMFUL_TYPES for c in content):
        return True
    return cues is not None and any(_strikes_back(v, cues) for v in verbs)


#: words that negate the verb they hang on
_NEGATIONS = frozenset({"pas", "jamais", "plus", "point", "not", "never", "n't"})


def _negated_verb(word: Token) -> bool:
    """"se sont engagés à ne pas recourir à la force": a promise of restraint harms no one."""
    return word.pos_ == "VERB" and any(c.dep_ in ("advmod", "neg") and c.lower_ in _NEGATIONS for c in word.children)


def _strikes_back(verb: Token, cues: Cues) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in cues.retaliation_verbs:
        return True
    if lemma in cues.response_verbs and any(
            c.dep_ in ("obl", "obl:arg", "obl:mod", "prep", "pobj") and c.lemma_.lower() in cues.forceful_manner_nouns
            or c.dep_ == "prep" and any(g.lemma_.lower() in cues.forceful_manner_nouns for g in c.children)
            for c in verb.children):
        return True  # "répondre par la force", not "répondre aux questions"
    if act_of_a_kind_answered(verb, cues.response_verbs, cues.any_determiners) is not None:
        return True  # "de répondre à toute attaque": a retaliation held out (conditional_responses.py)
    return lemma in cues.paying_verbs and any(c.lemma_.lower() in cues.causative_verbs for c in verb.children)


def withholds_recognition(tok: Token, pred: Predicate, negated: bool, cues: Cues) -> bool:
    """"Moscou ne reconnaît pas la réélection de Maia Sandu", "L'Ukraine n'acceptera jamais
    l'annexion", "n'a pas donné suite à l'offre": recognition, acceptance or a reply withheld is
    a refusal (REJECT), not a negated act.
    A plain "n'a pas accepté" stays a negated agreement unless it says "jamais" or refuses
    "aucun" thing ("nous n'accepterons aucun ultimatum")."""
    if not negated or pred.type not in ("SUPPORT", "AGREE", "CONCEDE"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in cues.recognition_verbs:
        return True
    if pred.object and any(w.lemma_.lower() in cues.withheld_reply_objects
                           for c in tok.children if c.dep_ in ("obj", "dobj", "obl:arg", "obl", "obl:mod")
                           for w in (c, *(g for g in c.children if g.dep_ == "case"))):
        return True  # "Israël n'a pas donné suite à la proposition égyptienne"
    return lemma in cues.acceptance_verbs and any(
        (c.dep_ in ("advmod", "neg") and c.lower_ in cues.refusal_adverbs)
        or (c.dep_ in ("obj", "dobj") and any(d.dep_ == "det" and d.lower_ in _NO_DETERMINERS for d in c.children))
        for c in tok.children)


#: what "n'exclure aucune …" leaves open ("n'exclut aucune option")
_OPEN_OPTIONS = frozenset({"option", "hypothèse", "possibilité", "scénario", "piste"})


_NO_DETERMINERS = frozenset({"aucune", "aucun"})


def rules_out_no_option(verb: Token) -> bool:
    """"n'exclut aucune option": the object of a ruling-out verb is an option with "aucun(e)"."""
    return any(c.dep_ in ("obj", "dobj") and c.lemma_.lower() in _OPEN_OPTIONS
               and any(d.lower_ in _NO_DETERMINERS for d in c.children) for c in verb.children)


def launched_at_the_defender(tok: Token, by_index: dict[int, Trigger], cues: Cues) -> bool:
    """"L'armée ukrainienne a abattu 45 drones lancés par la Russie": a launch participle that
    describes the weapons another attack verb of the sentence brings down is the backdrop of
    that act (whose recipient is the launcher), not an act with a recipient of its own."""
    if tok.pos_ != "VERB" or tok.dep_ != "acl" or tok.lemma_.lower() not in cues.launch_verbs:
        return False
    weapon = tok.head
    if weapon.lemma_.lower() not in cues.aerial_weapons:
        return False
    node = weapon
    while node.dep_ == "nmod" and node.head.i != node.i:
        node = node.head  # "45 des 60 drones lancés par …"
    if node.dep_ not in ("obj", "dobj"):
        return False  # "les drones lancés par la Russie ont frappé Kiev": the weapons strike
    governor = node.head
    found = by_index.get(governor.i)
    return (found is not None and found.predicate.type == "ASSAULT" and governor.pos_ == "VERB"
            and any(c.dep_ in ("nsubj", "nsubj:pass") for c in governor.children))


#: links from a warning to what it is about ("met en garde contre la propagation", "la menace d'une récession")
_ABOUT_LINKS = frozenset({"obl", "obl:arg", "obl:mod", "nmod"})
_ABOUT_CASES = frozenset({"contre", "de", "d'", "d’", "du", "des"})


def warns_of_a_hazard(tok: Token, cues: Cues) -> bool:
    """"L'OMS met en garde contre la propagation du choléra", "la menace d'une récession
    plane sur …": a warning about a danger (cue ``hazard_nouns``) that threatens no one is
    no threat; the caller keeps it when a recipient is named."""
    if not cues.hazard_nouns:
        return False
    if any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubj:pass") and g.lemma_.lower() in cues.hazard_nouns
                                     for g in c.children) for c in tok.children):
        return True  # "l'OMS a averti que la variole pourrait se propager": what the danger will do
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lemma_.lower() in cues.hazard_nouns for c in tok.children):
        return True  # "en raison de la menace terroriste": a danger named by its adjective
    return any(c.dep_ in _ABOUT_LINKS and c.lemma_.lower() in cues.hazard_nouns
               and any(g.dep_ == "case" and g.lower_ in _ABOUT_CASES for g in c.children)
               for c in tok.children)


#: words that open the consequence of a demand not met ("sans quoi", "faute de quoi", "sinon")
_CONSEQUENCE_CASES = frozenset({"sans", "faute"})
_CONSEQUENCE_ADVERBS = frozenset({"sinon", "otherwise"})


def consequence_of_a_demand(tok: Token) -> bool:
    """"a sommé Washington de retirer ses troupes, sans quoi le Parlement voterait leur
    expulsion", "faute de quoi « l'enfer se déchaînera »": what is to follow if a demand is not
    met is the content of an ultimatum, not an act (guideline §8)."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") and _after_a_consequence_phrase(node):
            return True
        if node.pos_ in ("VERB", "AUX") and any(
                (c.lower_ == "quoi" and any(g.dep_ in ("case", "fixed") and g.lower_ in _CONSEQUENCE_CASES
                                             for g in c.children))
                or (c.dep_ in ("advmod", "cc") and c.lower_ in _CONSEQUENCE_ADVERBS and c.i < node.i)
                for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _after_a_consequence_phrase(verb: Token) -> bool:
    """"…, faute de quoi Budapest bloquerait l'aide": the clause opens with "faute de quoi" or
    "sans quoi", however the parser hung those words."""
    start = verb.left_edge.i
    words = [t.lower_ for t in verb.doc[max(0, start - 3):start]]
    if words[-1:] == ["quoi"]:
        return any(w in _CONSEQUENCE_CASES for w in words[:-1])
    first = verb.doc[start]
    return first.lower_ == "quoi" and start >= 1 and verb.doc[start - 1].lower_ in _CONSEQUENCE_CASES


#: adjectives of readiness that make a stated use of force a threat ("se dit prêt à frapper")
_READY_ADJECTIVES = frozenset({"prêt", "prête", "prêts", "prêtes", "disposé", "disposée", "disposés", "disposées",
                               "déterminé", "déterminée", "déterminés", "déterminées", "résolu", "résolue",
                               "résolus", "résolues", "ready", "prepared"})


def ready_to_strike(tok: Token) -> bool:
    """"Kim Jong-un se dit prêt à recourir à l'arme nucléaire contre la Corée du Sud", "L'Iran est
    prêt à frapper Israël": readiness to strike, stated now, threatens (guideline §4: threats
    and warnings); the strike itself has not happened."""
    current = tok
    for _ in range(2):
        head = current.head
        if head.i == current.i or current.dep_ not in ("xcomp", "advcl", "acl", "ccomp"):
            return False
        if head.pos_ == "ADJ" and head.lower_ in _READY_ADJECTIVES:
            return True
        current = head
    return False
