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

#: (label, tag) of a word after a list's second name that the parser hangs on the first
_TRAILING_WORDS = frozenset({("amod", "ADJ"), ("flat:name", "PROPN")})


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
    a list belongs to it ("Arabie saoudite"), not to the first name the parser hangs it on, be
    it tagged an adjective or the last part of a name ("L'Iran et l'Arabie saoudite", with
    "saoudite" a ``flat:name`` of "Iran"). Returns how many were moved."""
    doc = sent.doc
    moved = 0
    for adj in sent:
        if (adj.dep_, adj.pos_) not in _TRAILING_WORDS or adj.i == sent.start or any(True for _ in adj.children):
            continue
        before = doc[adj.i - 1]
        if (before.dep_ == "conj" and before.head.i == adj.head.i and before.pos_ in ("PROPN", "NOUN")
                and adj.head.i < before.i):
            adj.head = before
            moved += 1
    return moved


def middle_name_of_a_list_taken_for_a_complement(sent: Span) -> int:
    """"Joe Biden, Fumio Kishida et Yoon Suk-yeol se sont engagés …": the parser hangs the middle
    name of a list on the first as a complement with no preposition, and the last name on the
    middle one. A name after a comma with no preposition of its own, followed by "et" and a
    name, is a conjunct of the first like the last; returns how many lists were mended."""
    doc = sent.doc
    mended = 0
    for tok in sent:
        first = tok.head
        if (tok.dep_ != "nmod" or tok.pos_ != "PROPN" or first.pos_ != "PROPN" or first.i > tok.i
                or tok.left_edge.i <= sent.start or doc[tok.left_edge.i - 1].text != ","):
            continue
        if any(c.dep_ in ("case", "mark") for c in tok.children):
            continue
        last = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                and any(g.dep_ == "cc" and g.lower_ in ("et", "ou") for g in c.children)]
        if not last:
            continue
        tok.dep_ = "conj"
        for name in last:
            name.head = first
        mended += 1
    return mended
