"""A name whose last part is a French function word.

"Kim Jong Un": the French tagger reads the capitalised "Un" after "Kim Jong" as the article
or the pronoun "un", and hangs it on the verb (as its object, or as the subject of a verb it
then makes a clause of the name: "Kim Jong Un a rencontré …" with "Kim" for root). The word is
the last part of the name; when it was taken for the subject, the name is. ``repairs.py``
runs this from its table.
"""

from __future__ import annotations

from spacy.tokens import Span

#: capitalised function words that end a name ("Kim Jong Un")
NAME_ENDINGS = frozenset({"un"})


def name_ending_taken_for_a_function_word(sent: Span) -> int:
    """Returns how many names were mended."""
    doc = sent.doc
    mended = 0
    for tok in sent:
        if (tok.i == sent.start or tok.lower_ not in NAME_ENDINGS or not tok.is_title
                or tok.pos_ not in ("DET", "PRON", "NUM")):
            continue
        prev = doc[tok.i - 1]
        if prev.pos_ != "PROPN" or not prev.is_title or prev.dep_ != "flat:name":
            continue
        name = prev.head
        role, verb = tok.dep_, tok.head
        for child in list(tok.children):
            # "a accueilli Kim Jong Un dans l'Extrême-Orient russe": the place is the verb's
            child.head = verb if verb.i != tok.i else name
        tok.head, tok.dep_, tok.pos_ = name, "flat:name", "PROPN"
        if (role.startswith("nsubj") and name.head.i == name.i and verb.head.i == name.i
                and verb.pos_ in ("VERB", "AUX") and verb.i > tok.i):
            # "Kim Jong Un a rencontré …": the name, read as the root, is the verb's subject
            for child in [c for c in name.children if c.i > tok.i and c.i != verb.i]:
                child.head = verb
            verb.head, verb.dep_ = verb, "ROOT"
            name.head, name.dep_ = verb, role
        mended += 1
    return mended


def adjective_of_a_conjunct_hung_on_the_first(sent: Span) -> int:
    """"L'Égypte et l'Arabie saoudite ont signé …": the adjective right after the second name of
    a list belongs to it ("Arabie saoudite"), not to the first name the parser hangs it on.
    Returns how many were moved."""
    doc = sent.doc
    moved = 0
    for adj in sent:
        if adj.dep_ != "amod" or adj.pos_ != "ADJ" or adj.i == sent.start or any(True for _ in adj.children):
            continue
        before = doc[adj.i - 1]
        if (before.dep_ == "conj" and before.head.i == adj.head.i and before.pos_ in ("PROPN", "NOUN")
                and adj.head.i < before.i):
            adj.head = before
            moved += 1
    return moved
