"""Parse repairs of a clause fronted before the main clause ("Après avoir rencontré X, le
ministre a …"): the main clause's subject read as an apposition to the fronted clause's
object. The table of :mod:`tocsin.coding.repairs` runs them."""

from __future__ import annotations

from spacy.tokens import Span

from tocsin.coding.syntax import SUBJECT

_NOMINAL = ("NOUN", "PROPN")


def subject_taken_for_apposition_of_fronted_object(sent: Span) -> int:
    """"Après avoir rencontré le président Milei à Buenos Aires, le secrétaire américain au
    Trésor a salué …": a verb with no subject, after an adverbial clause that opens the
    sentence, whose last noun phrase (after a comma, right before the verb or its auxiliary)
    the parser hung on that clause as an apposition. The phrase becomes the verb's subject;
    returns how many."""
    moved = 0
    doc = sent.doc
    for verb in sent:
        if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT for c in verb.children):
            continue
        fronted = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
                        and c.left_edge.i == sent.start), None)
        if fronted is None:
            continue
        first_of_verb = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)])
        phrase = next((t for t in fronted.subtree if t.dep_ == "appos" and t.pos_ in _NOMINAL
                       and t.head.i != t.i and t.head.pos_ in _NOMINAL
                       and t.right_edge.i + 1 == first_of_verb
                       and doc[t.left_edge.i - 1].text == ","), None)
        if phrase is None:
            continue
        phrase.head = verb
        phrase.dep_ = "nsubj"
        moved += 1
    return moved
