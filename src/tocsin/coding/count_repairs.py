"""Parse repair for a count right after a verb: the French parser hangs "52" of "a abattu 52
des 78 missiles lancés par la Russie" on the verb above ("affirme"), leaving the downing verb
without an object. The counted noun is given back to the verb as its object, the number
becoming its count. It runs from the table in :mod:`tocsin.coding.repairs`.
"""

from __future__ import annotations

from spacy.tokens import Span

from tocsin.coding.word_repairs import PARTITIVES

#: labels of a count hung on the wrong verb
_STRAY_COUNT_LINKS = frozenset({"obl:mod", "obl", "nmod", "dep"})


def count_hung_above_its_verb(sent: Span) -> int:
    """"affirme avoir abattu 52 des 78 missiles": the noun counted right after a verb that has
    no object becomes that verb's object; returns how many were moved."""
    moved = 0
    for number in sent:
        if not number.like_num or number.pos_ != "NUM" or number.dep_ not in _STRAY_COUNT_LINKS:
            continue
        verb = number.doc[number.i - 1] if number.i > sent.start else None
        if verb is None or verb.pos_ != "VERB" or number.head.i == verb.i or number.head.i > number.i:
            continue
        if any(c.dep_ in ("obj", "dobj", "ccomp") for c in verb.children):
            continue
        counted = next((c for c in number.children if c.dep_ == "nmod" and c.pos_ == "NOUN"
                        and any(g.dep_ == "case" and g.lower_ in PARTITIVES for g in c.children)), None)
        if counted is None:
            continue
        for other in [c for c in number.children if c.i != counted.i and c.dep_ in ("conj", "acl", "acl:relcl")]:
            other.head = counted  # "… et drones lancés par la Russie": said of the things counted
        counted.head, counted.dep_ = verb, "obj"
        number.head, number.dep_ = counted, "nummod"
        moved += 1
    return moved
