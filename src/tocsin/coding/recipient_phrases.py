"""Which phrase of an act names its recipient: the rank of a verb's complements by its lexicon
row's ``target`` column, the recipient phrase that several sources each act on, and the demand
to stop an act, whose recipient is whoever does it."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tocsin.coding.syntax import OBJECT, Argument, preposition_of
from tocsin.lang import Predicate


def target_rank(arg: Argument, spec: Sequence[str]) -> int | None:
    """The rank of a complement as the act's recipient by the row's ``target`` column (lower
    first), or None when the column does not name its kind."""
    if arg.role == "object":
        key = "obj"
    elif arg.role == "iobj":
        key = "iobj"
    elif arg.role == "oblique" and arg.prep:
        key = arg.prep
    else:
        return None
    if key not in spec:
        return None
    # between two phrases of the same preposition, the one the parser read as a complement comes
    # before a circumstance: "a imputé à Israël l'assassinat à Téhéran du chef du Hamas" accuses Israel
    return 2 * spec.index(key) + (arg.role == "oblique" and arg.head.dep_ == "obl:mod")


def names_the_recipient(head: Token, tok: Token, pred: Predicate) -> bool:
    """Whether a recipient phrase of a verb (one of its lexicon's target prepositions, on the
    verb or on the verb's object) names whom each of several sources acts on: "Merz et Macron
    se sont rendus à Kiev", "le Canada et l'Italie ont promis une aide à l'Ukraine", "Canada and
    Italy pledged aid to Ukraine" (each gave to the one named: the givers are no pair)."""
    if pred.pos != "VERB":
        return False
    if head.dep_ == "pobj":  # English: the noun hangs on its preposition
        prep, host = head.head.lower_, head.head.head
    else:
        prep, host = preposition_of(head), head.head
    return prep in pred.target and (host.i == tok.i or (host.head.i == tok.i and host.dep_ in OBJECT))


#: nouns of ending an act: who is asked to end it is who does it, not where it happens
_STOPPING_NOUNS = frozenset({"arrêt", "fin", "cessation", "halt", "end", "stop"})


def asks_to_stop(verb: Token) -> bool:
    """"a réclamé l'arrêt des frappes israéliennes au Liban": the demand goes to whoever strikes
    (read from what is to stop, ``role_fallbacks._content_targets``), not to the place inside the object."""
    return any(c.dep_ in ("obj", "dobj") and c.lemma_.lower() in _STOPPING_NOUNS for c in verb.children)
