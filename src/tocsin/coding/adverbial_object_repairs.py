"""Parse repairs of an object that follows the verb's adverbials ("a rencontré mercredi à
Beyrouth le chef du Hezbollah"): the noun phrase read as one more adverbial. The table of
:mod:`tocsin.coding.repairs` runs them."""

from __future__ import annotations

from spacy.tokens import Span, Token

_ARTICLES = frozenset({"le", "la", "l'", "l’", "les", "un", "une", "des", "son", "sa", "ses", "leur", "leurs"})


def _bare_phrase(noun: Token, time_nouns: frozenset[str]) -> bool:
    """A noun phrase with an article and no preposition, which is no time phrase."""
    return (noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in time_nouns
            and noun.lower_ not in time_nouns
            and not any(c.dep_ in ("case", "mark") for c in noun.children)
            and any(c.dep_ in ("det", "det:poss") and c.lower_ in _ARTICLES for c in noun.children))


def object_after_adverbials_taken_for_one(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"a rencontré mercredi à Beyrouth le chef du Hezbollah": after a place phrase, the parser
    reads the verb's object as one more adverbial. A noun phrase with an article and no
    preposition after a prepositional adverbial of a verb with no object is its object; returns
    how many."""
    moved = 0
    for noun in sent:
        verb = noun.head
        if (noun.dep_ != "obl:mod" or verb.pos_ != "VERB" or noun.i < verb.i or not _bare_phrase(noun, time_nouns)
                or any(c.dep_ in ("obj", "nsubj:pass", "aux:pass") for c in verb.children)):
            continue
        if not any(c.dep_ in ("obl:mod", "obl") and verb.i < c.i < noun.i and c.pos_ in ("NOUN", "PROPN")
                   and any(g.dep_ == "case" for g in c.children) for c in verb.children):
            continue
        noun.dep_ = "obj"
        moved += 1
    return moved


def object_hung_on_a_manner_phrase(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"a condamné par contumace un journaliste de la BBC": the parser makes the verb's object
    the object of the bare noun of a manner phrase ("par contumace", "par décret"). A noun phrase
    with an article, object of a noun that opens with a preposition and has no article of its
    own, under a verb with no object, is the verb's object; returns how many."""
    moved = 0
    for noun in sent:
        manner = noun.head
        verb = manner.head
        if (noun.dep_ != "obj" or manner.pos_ != "NOUN" or verb.pos_ != "VERB" or manner.i == verb.i
                or not manner.dep_.startswith("obl") or not _bare_phrase(noun, time_nouns)
                or not any(c.dep_ == "case" for c in manner.children)
                or any(c.dep_ in ("det", "det:poss") for c in manner.children)
                or any(c.dep_ in ("obj", "nsubj:pass", "aux:pass") and c.lemma_.lower() not in time_nouns
                       for c in verb.children)):
            continue
        for day in (c for c in verb.children if c.dep_ == "obj"):
            day.dep_ = "obl:mod"  # "a condamné lundi …": the day was read as the object
        noun.head = verb
        moved += 1
    return moved
