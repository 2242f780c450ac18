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


#: the marks of an infinitive complement ("accusé d'avoir livré")
_DE = frozenset({"de", "d'", "d’"})


def infinitive_of_a_fronted_participle(sent: Span) -> int:
    """"Accusé par Kiev d'avoir livré des drones à la Russie, Téhéran a démenti …": the
    infinitive that completes a fronted participle, hung by the parser on the main verb as a
    clause of its own, becomes the participle's complement (``xcomp``), so what the
    participle says of it (an accusation, a suspicion) governs it. Returns how many."""
    moved = 0
    doc = sent.doc
    for word in sent:
        if word.dep_ != "advcl" or word.pos_ != "VERB" or word.head.i <= word.i or not any(
                c.dep_ == "mark" and c.lower_ in _DE for c in word.children):
            continue
        start = word.left_edge.i
        if start <= sent.start or doc[start - 1].lower_ == ",":
            continue
        participle = next((a for a in doc[start - 1].ancestors if a.dep_ == "advcl" and a.head.i == word.head.i
                           and a.i < start and a.pos_ == "VERB" and "Part" in a.morph.get("VerbForm")), None)
        if participle is None and doc[start - 1].dep_ == "advcl" and doc[start - 1].head.i == word.head.i:
            participle = doc[start - 1] if "Part" in doc[start - 1].morph.get("VerbForm") else None
        if participle is None or participle.left_edge.i != sent.start:
            continue
        word.head, word.dep_ = participle, "xcomp"
        moved += 1
    return moved
