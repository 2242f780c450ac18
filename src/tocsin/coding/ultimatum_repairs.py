"""Parse repairs of ultimatums: "a exigé que Stockholm extrade les militants, faute de quoi
Ankara bloquerait l'adhésion": the parser can make the consequence ("faute de quoi …", "sans
quoi …") the verb's complement and hang the demanded act under it. The demanded act goes back
to the verb as its complement and the consequence hangs on the demanded act, as it reads, so
that the demand keeps its content and the consequence is read as what the ultimatum holds out
(:func:`tocsin.coding.threat_readings.consequence_of_a_demand`). Run from the table in
:mod:`tocsin.coding.repairs`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

#: the words before "quoi" that open a consequence ("faute de quoi", "sans quoi")
CONSEQUENCE_OPENERS = frozenset({"faute", "sans"})
_THAT = frozenset({"que", "qu'", "qu’"})
_VERBAL = ("VERB", "AUX")


def demanded_act_hung_on_its_consequence(sent: Span) -> int:
    """Returns how many consequences were put after the act they follow."""
    doc = sent.doc
    moved = 0
    for quoi in sent:
        if quoi.lower_ != "quoi" or quoi.i < sent.start + 1:
            continue
        if not any(doc[j].lower_ in CONSEQUENCE_OPENERS for j in range(max(sent.start, quoi.i - 2), quoi.i)):
            continue
        consequence = _verb_after(quoi, sent)
        if consequence is None or consequence.head.i == consequence.i:
            continue
        demanded = next((c for c in consequence.children if c.pos_ in _VERBAL and c.i < quoi.i
                         and any(g.dep_ == "mark" and g.lower_ in _THAT for g in c.children)), None)
        if demanded is None:
            continue
        demanded.head, demanded.dep_ = consequence.head, consequence.dep_
        consequence.head, consequence.dep_ = demanded, "advcl"
        moved += 1
    return moved


def _verb_after(quoi: Token, sent: Span) -> Token | None:
    """The first verb after "quoi" in the sentence."""
    return next((t for t in sent.doc[quoi.i + 1:sent.end] if t.pos_ in _VERBAL and t.dep_ not in ("aux", "aux:tense", "aux:pass", "cop")), None)


#: conjunctions that open the condition of a threat or an ultimatum
_CONDITION_CONJUNCTIONS = frozenset({"si", "s'", "s’"})


def condition_conjunction_hung_on_the_subject(sent: Span) -> int:
    """"a menacé les Occidentaux d'une riposte si des armes à longue portée étaient livrées à
    Kiev": the parser can hang "si" on the subject of the condition's verb, as if it were a
    preposition; it is the marker of that verb, so that the condition reads as one (and what it
    supposes is no act). Returns how many were moved."""
    moved = 0
    for conj in sent:
        if conj.lower_ not in _CONDITION_CONJUNCTIONS or conj.pos_ != "SCONJ" or conj.dep_ not in ("case", "mark"):
            continue
        subject = conj.head
        if subject.i < conj.i or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        verb = subject.head
        if verb.pos_ not in _VERBAL or verb.i < subject.i or any(c.dep_ == "mark" for c in verb.children):
            continue  # (the noun, its subject or read as its complement, comes before the verb)
        conj.head, conj.dep_ = verb, "mark"
        moved += 1
    return moved
