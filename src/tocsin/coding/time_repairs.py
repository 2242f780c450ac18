"""Parse repairs around words of time: a weekday ("jeudi"), a time of day ("la nuit") or a
count of days that the French parser lets take the next phrase, or reads as the object.

One French news sentence in ten had a weekday read as the verb's object on the benchmark
corpus; these repairs give the phrase back to the verb. They run from the table in
:mod:`tocsin.coding.repairs`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.coding.qualifiers import Cues
from tocsin.coding.speech_repairs import quoted_subject
from tocsin.coding.syntax import SUBJECT
from tocsin.coding.word_repairs import PARTITIVES, VERBAL

#: the labels the parser gives to a weekday under the verb
TIME_LINKS = frozenset({"obl:mod", "obl", "obj", "nmod", "obl:tmod", "xcomp"})


#: the labels it gives to the phrase it took
_TAKEN_LINKS = frozenset({"nmod", "appos", "obj", "flat:name", "obl:agent"})


def reattach_after_time_noun(sent: Span, cues: Cues) -> int:
    """Give the phrase a weekday took back to the verb; returns how many were moved."""
    moved = 0
    for time in sent:
        if time.dep_ not in TIME_LINKS:
            continue  # the cheapest test first: most words have other labels
        if time.lemma_.lower() not in cues.time_nouns and time.lower_ not in cues.time_nouns:
            continue
        verb = time.head
        if verb.pos_ not in VERBAL or verb.i > time.i:
            continue
        for taken in [c for c in time.children if c.i > time.i and (c.dep_ in _TAKEN_LINKS or _bare_conjunct(c, cues))]:
            if taken.pos_ not in ("NOUN", "PROPN"):
                if not (taken.dep_ == "flat:name" and taken.is_title and taken.pos_ in ("ADJ", "X", "PRON")):
                    continue
                taken.pos_ = "PROPN"  # "a sommé mercredi Taipei de …": a name the tagger read as an adjective
            case = next((c for c in taken.children if c.dep_ == "case"), None)
            # ("d'un an" after the day is a preposition before its article, not "des" manœuvres)
            if case is None or (case.lower_ in PARTITIVES and case.i == time.i + 1
                                and not any(c.dep_ == "det" for c in taken.children)):
                quoted = quoted_subject(verb)
                has_subject = any(c.dep_ in SUBJECT for c in verb.children)
                if taken.pos_ == "PROPN" and case is None and (quoted is not None or not has_subject):
                    # "« … », a dénoncé dimanche Tokyo": the name after the day speaks
                    if quoted is not None:
                        quoted.dep_ = "ccomp"
                    taken.head, taken.dep_ = verb, "nsubj"
                elif not any(c.dep_ == "obj" and c.i != time.i for c in verb.children):
                    if case is not None:
                        case.dep_ = "det"  # "des manœuvres": an article, not "de"
                    taken.head, taken.dep_ = verb, "obj"
                else:
                    continue
            else:
                # "ont été tirés vendredi par la Corée du Nord": an agent stays one
                taken.head, taken.dep_ = verb, "obl:agent" if taken.dep_ == "obl:agent" else "obl:mod"
            if time.dep_ in ("obj", "xcomp"):
                time.dep_ = "obl:mod"  # ("s'est rendu vendredi à Moscou": the day read as a complement)
            moved += 1 + _conjuncts_follow(time, taken, cues)
    return moved


def _conjuncts_follow(time: Token, taken: Token, cues: Cues) -> int:
    """"a appelé jeudi Israël et le Hezbollah": a name coordinated with the phrase the weekday
    took, left on the weekday, goes with that phrase; returns how many moved."""
    moved = 0
    for conj in [c for c in time.children if c.dep_ == "conj" and c.i > taken.i]:
        if conj.pos_ in ("NOUN", "PROPN") and conj.lemma_.lower() not in cues.time_nouns and any(
                c.dep_ == "cc" for c in conj.children):
            conj.head = taken
            moved += 1
    return moved


def _bare_conjunct(word: Token, cues: Cues) -> bool:
    """"a eu mercredi un long entretien avec …": the object after the weekday read as its
    conjunct, with no "et" or comma before it and no time word of its own."""
    return (word.dep_ == "conj" and not any(c.dep_ in ("cc", "punct") for c in word.children)
            and word.lemma_.lower() not in cues.time_nouns and word.lemma_.lower() not in TIME_UNITS)


#: nouns of time that stay obliques ("la semaine dernière", "trois jours")
TIME_UNITS = frozenset({"heure", "jour", "journée", "semaine", "mois", "an", "année", "fois", "minute",
                         "hour", "day", "week", "month", "year", "time"})


#: prepositions of a place ("en Chine", "à Pékin") that a time phrase cannot govern
_PLACE_CASES = frozenset({"en", "à", "au", "aux", "chez"})


def place_taken_by_time_unit(sent: Span) -> int:
    """"se rendra la semaine prochaine en Chine": the parser hangs the place after a time phrase
    ("la semaine prochaine", "le mois dernier") on the time noun. A week or a month is not in a
    country, so the place goes back to the verb as an oblique; returns how many were moved."""
    moved = 0
    for time in sent:
        verb = time.head
        if time.lemma_.lower() not in TIME_UNITS or verb.pos_ not in VERBAL or verb.i > time.i:
            continue
        if any(c.dep_ == "nummod" for c in time.children):
            continue  # "a séjourné deux jours à Kiev": a stay's length, which the readings handle
        for place in [c for c in time.children if c.dep_ == "nmod" and c.i > time.i and c.pos_ == "PROPN"]:
            if any(g.dep_ == "case" and g.lower_ in _PLACE_CASES for g in place.children):
                place.head, place.dep_ = verb, "obl:mod"
                moved += 1
    return moved


#: labels the parser gives to an object with no preposition ("xcomp" for a name followed by
#: "à" + infinitive: "a exhorté Washington à cesser …")
_OBJECT_MISREAD = frozenset({"obl:mod", "xcomp", "amod"})


def object_without_preposition(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"a menacé Séoul d'un désastre", "a renvoyé mardi douze agents consulaires": a phrase
    after the verb (a weekday may stand between), with no preposition, labelled as an oblique,
    is the verb's object. Only names, or nouns when a weekday stood between (the parser's usual
    slip there)."""
    moved = 0
    for word in sent:
        if word.pos_ == "X" and word.dep_ == "xcomp" and word.is_title and any(c.dep_ == "flat:name" for c in word.children):
            pass  # "a félicité Donald Trump": an unknown first name, tagged X, before its surname
        elif word.dep_ not in _OBJECT_MISREAD or word.pos_ not in ("PROPN", "NOUN") or word.i == 0:
            continue
        if word.dep_ in ("xcomp", "amod") and (word.pos_ not in ("PROPN", "X") or not (
                word.i == word.head.i + 1 or word.i == word.head.i + 2 and (
                    sent.doc[word.i - 1].lower_ in time_nouns or sent.doc[word.i - 1].lemma_.lower() in time_nouns))):
            continue  # "a exhorté (samedi) Caracas à publier", "menace Israël de représailles": only a name right after the verb
        verb = word.head
        if verb.pos_ != "VERB" or verb.i >= word.i or any(c.dep_ == "case" for c in word.children):
            continue
        lemma = word.lemma_.lower()
        if lemma in time_nouns or lemma in TIME_UNITS or word.lower_ in time_nouns:
            continue
        between = [t for t in sent.doc[verb.i + 1:word.left_edge.i]]
        skipped_time = bool(between) and all(t.lemma_.lower() in time_nouns or t.lower_ in time_nouns for t in between)
        if between and not skipped_time:
            continue
        if word.pos_ == "NOUN" and not skipped_time:
            continue
        if any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        word.dep_ = "obj"
        if word.pos_ == "X":
            word.pos_ = "PROPN"
        moved += 1
    return moved


def object_taken_by_time_phrase(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"aurait massé ces derniers jours des blindés et de l'artillerie": a time phrase read as
    the verb's object, and the real object, after a partitive article read as the preposition
    "de", hung under it. The object becomes the verb's, the time phrase an oblique."""
    moved = 0
    for time in sent:
        if time.dep_ not in ("obj", "dobj") or time.head.pos_ != "VERB":
            continue
        lemma = time.lemma_.lower()
        if lemma not in TIME_UNITS and lemma not in time_nouns:
            continue
        taken = [c for c in time.children if c.dep_ == "nmod" and c.i > time.i and any(
            g.dep_ == "case" and g.lower_ in PARTITIVES for g in c.children)]
        if not taken:
            continue
        verb, phrase = time.head, taken[0]
        phrase.head, phrase.dep_ = verb, "obj"
        time.dep_ = "obl:mod"
        for case in phrase.children:
            if case.dep_ == "case" and case.lower_ in PARTITIVES:
                case.dep_ = "det"
        moved += 1
    return moved


def count_after_time_word(sent: Span, time_nouns: frozenset[str]) -> int:
    """"a gracié mercredi dix-huit prisonniers politiques": a number right after the weekday
    (or "la nuit") and the noun it counts, with no preposition, are the object of the verb
    the weekday hangs on, when that verb has none; returns how many were moved."""
    moved = 0
    for time in sent:
        if time.lower_ not in time_nouns or time.i + 2 >= sent.end:
            continue
        number, noun = time.doc[time.i + 1], time.doc[time.i + 2]
        verb = time.head
        if (not number.like_num or noun.pos_ != "NOUN" or verb.pos_ not in VERBAL or verb.i > time.i
                or any(c.dep_ == "case" for c in noun.children)
                or any(c.dep_ in ("obj", "dobj") and c.i != noun.i for c in verb.children)):
            continue
        noun.head, noun.dep_ = verb, "obj"
        number.head, number.dep_ = noun, "nummod"
        moved += 1
    return moved


#: labels the French parser gives to a bare weekday after the verb that are an argument's
_ARGUMENT_LINKS_OF_TIME = frozenset({"obj"})


def time_word_taken_for_object(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"Des manifestants ont protesté mardi devant l'ambassade", "a suspendu lundi une partie des
    sanctions": the French parser labels a bare weekday (or "soir", "matin") after the verb as the
    verb's object (one French news sentence in ten). A time word with no determiner is a time
    modifier (``obl:mod``), which leaves the object slot to the real object; returns how many."""
    if not time_nouns or sent.doc.lang_ != "fr":
        return 0
    moved = 0
    for word in sent:
        if word.dep_ not in _ARGUMENT_LINKS_OF_TIME or word.pos_ != "NOUN":
            continue
        if word.lower_ not in time_nouns and word.lemma_.lower() not in time_nouns:
            continue
        if word.head.pos_ not in VERBAL or word.head.i > word.i:
            continue
        if any(c.dep_ in ("det", "case", "nummod") for c in word.children):
            continue  # "a passé la nuit", "a fixé au lundi": a time word with an article is a noun
        word.dep_ = "obl:mod"
        moved += 1
    return moved


#: infinitive forms of the auxiliaries of a past infinitive ("avoir menacé", "être intervenu")
_INFINITIVE_AUXILIARIES = frozenset({"avoir", "être"})


def infinitive_taken_by_time_word(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"Le Kremlin a nié vendredi avoir menacé la Finlande": the parser can hang the verb's
    infinitive complement on the weekday before it, as a modifier. It goes back to the verb as
    its complement. Returns how many were moved."""
    moved = 0
    for verb in sent:
        time = verb.head
        if verb.dep_ != "acl" or verb.pos_ not in VERBAL or time.i > verb.i:
            continue
        if time.lemma_.lower() not in time_nouns and time.lower_ not in time_nouns:
            continue
        governor = time.head
        if governor.pos_ not in VERBAL or governor.i > time.i or time.dep_ not in TIME_LINKS:
            continue
        infinitive = "Inf" in verb.morph.get("VerbForm") or any(
            c.dep_.startswith("aux") and c.lower_ in _INFINITIVE_AUXILIARIES and c.i < verb.i for c in verb.children)
        if not infinitive:
            continue
        verb.head, verb.dep_ = governor, "xcomp"
        if time.dep_ in ("obj", "xcomp"):
            time.dep_ = "obl:mod"
        moved += 1
    return moved
