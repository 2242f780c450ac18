"""Parse repairs for verbless French headlines about two parties.

"Entretien Lavrov-Fidan à Moscou : la Syrie au menu", "Rencontre Macron-Scholz à Berlin" —
a headline names an event by its noun, its two parties joined by a hyphen, and often a topic
after a colon. The French parser tags the joined names as a verb or a common noun when it
does not know them, and hangs the words after the colon on the event noun as if they were
its complements (the topic becomes a party). These repairs only retag and rehang words;
``repairs.py`` runs them from its table.
"""

from __future__ import annotations

from spacy.tokens import Span, Token


def _joined_names(tok: Token) -> bool:
    parts = tok.text.split("-")
    return (len(parts) >= 2 and all(len(p) >= 2 and p[0].isupper() and p[1:].islower() for p in parts))


def joined_names_taken_for_a_word(sent: Span) -> int:
    """"Rencontre Macron-Scholz à Berlin": two capitalised names joined by a hyphen, read as a
    verb, a noun or an adjective, are a name (the resolver reads each part), in a headline whose
    root is a noun. Not the first word, which any headline capitalises. Returns how many were
    retagged."""
    if sent.root.pos_ != "NOUN":
        return 0  # a verbless headline only: "Les Vingt-Sept ont adopté …" keeps its words
    moved = 0
    for tok in sent:
        if tok.i == sent.start or tok.pos_ in ("PROPN", "PUNCT") or "-" not in tok.text:
            continue
        if not _joined_names(tok):
            continue
        tok.pos_ = "PROPN"
        if tok.dep_ in ("ROOT",) or tok.head.i == tok.i:
            continue
        if tok.dep_ not in ("nmod", "flat:name", "appos", "obj", "nsubj"):
            tok.dep_ = "nmod"
        moved += 1
    return moved


def topic_after_the_colon_taken_as_complement(sent: Span) -> int:
    """"Entretien Lavrov-Fidan à Moscou : la Syrie au menu": in a headline whose root is an
    event noun before a colon, the words after the colon that the parser hung on words before
    it are a separate phrase (the topic), not the event's parties. Returns how many."""
    root = sent.root
    if root.pos_ != "NOUN":
        return 0
    colon = next((t for t in sent if t.text == ":" and t.i > root.i), None)
    if colon is None or any(t.pos_ in ("VERB", "AUX") for t in sent if t.i > colon.i):
        return 0
    moved = 0
    for tok in sent:
        if tok.i > colon.i and tok.head.i < colon.i:
            tok.head, tok.dep_ = root, "parataxis"
            moved += 1
    return moved
