"""Parse repairs of a clause fronted before the main clause ("Après avoir rencontré X, le
ministre a …"): the main clause's subject read as an apposition to the fronted clause's
object. The table of :mod:`tocsin.coding.repairs` runs them."""

from __future__ import annotations

from spacy.tokens import Span

from tocsin.coding.syntax import SUBJECT

_NOMINAL = ("NOUN", "PROPN")


def subject_taken_for_apposition_of_fronted_object(sent: Span) -> int:
    """"Après avoir rencontré le président Milei à Buenos Aires, le secrétaire américain au
    Trésor a salué …": a verb with no subject, after an adverbial clause (or a phrase with a
    clause of its own) that opens the sentence, whose last noun phrase (after a comma, right
    before the verb's auxiliary) the parser hung on that clause as an apposition. The phrase
    becomes the verb's subject; returns how many."""
    moved = 0
    doc = sent.doc
    for verb in sent:
        if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT for c in verb.children):
            continue
        fronted = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
                        and c.left_edge.i == sent.start), None)
        if fronted is None and (sent[0].pos_ == "ADP" or sent[0].lower_ == "lors") and not any(
                t.pos_ in ("VERB", "AUX") for t in doc[sent.start:verb.i]
                if t.dep_ in ("ROOT", "root") or t.head.i == t.i):
            # "Au sommet des Brics, où il a été accueilli par Poutine, le secrétaire général de
            # l'ONU a réclamé …": a fronted phrase with a clause of its own, under which the
            # parser hung the main verb
            fronted = sent.root
        if fronted is None:
            continue
        first_of_verb = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)])
        if first_of_verb == verb.i:
            continue  # a finite verb comes with its auxiliary ("a réclamé")
        phrase = next((t for t in fronted.subtree if t.i < first_of_verb and t.dep_ == "appos" and t.pos_ in _NOMINAL
                       and t.head.i != t.i and t.head.pos_ in _NOMINAL
                       and t.right_edge.i + 1 == first_of_verb and not t.is_ancestor(verb)
                       and doc[t.left_edge.i - 1].text == ","), None)
        if phrase is None:
            continue
        phrase.head = verb
        phrase.dep_ = "nsubj"
        moved += 1
    return moved
