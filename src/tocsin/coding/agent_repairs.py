"""Repairs of the agent of a participle: the "par …" phrase that names who did an act told by a
past participle, which the parser labelled a circumstance."""

from __future__ import annotations

from spacy.tokens import Span

from tocsin.coding.clause_repairs import names_a_party
from tocsin.coding.lexicon_match import passive_participle


def agent_of_a_participle_taken_for_circumstance(sent: Span, unplaced: frozenset[str] = frozenset()) -> int:
    """"…, un verdict dénoncé par Washington comme une « parodie de justice »": the parser hangs
    the "par …" phrase of a participle describing a noun as a circumstance (obl:mod) instead of
    its agent. A past participle with no auxiliary is passive, and a "par" phrase naming a party
    is its agent, unless it names a group no country stands for (``unplaced``: "condamné par
    l'ensemble des dirigeants européens"); returns how many phrases were relabelled."""
    if sent.doc.lang_ != "fr":
        return 0
    repaired = 0
    for word in sent:
        if word.pos_ != "VERB" or word.dep_ != "acl" or not passive_participle(word):
            continue
        children = list(word.children)
        if any(c.dep_ in ("obl:agent", "aux", "aux:pass", "aux:tense") for c in children):
            continue
        phrase = next((c for c in children if c.dep_ in ("obl:mod", "obl", "obl:arg")
                       and any(g.dep_ == "case" and g.lower_ == "par" for g in c.children)), None)
        if phrase is None or not names_a_party(phrase) or any(t.lower_ in unplaced for t in phrase.subtree):
            continue
        phrase.dep_ = "obl:agent"
        repaired += 1
    return repaired
