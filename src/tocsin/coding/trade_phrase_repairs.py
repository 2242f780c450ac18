"""The trade a restriction bears on, hung on the verb instead of the restriction.

In "Pékin a imposé des restrictions à l'exportation de terres rares vers les États-Unis" or
"a annoncé de nouveaux contrôles sur les exportations", the French model hangs the phrase
"à l'exportation …" on the verb, as if it named the verb's recipient. It belongs to the
noun of restriction before it: "restrictions à l'exportation" is an export ban (SANCTION in
the annotation guideline), while restrictions with no trade named stay a coercion.
"""

from __future__ import annotations

from spacy.tokens import Span

#: nouns of trade that a restriction or a control bears on
TRADE_NOUNS = frozenset({"exportation", "exportations", "importation", "importations", "export", "exports",
                         "import", "imports"})
#: nouns of restriction that take the trade they bear on as complement
RESTRICTION_NOUNS = frozenset({"restriction", "contrôle", "interdiction", "limitation", "quota", "barrière"})
_TRADE_CASES = frozenset({"à", "aux", "au", "sur"})
_VERB_LINKS = frozenset({"obl", "obl:mod", "obl:arg"})


def trade_hung_on_the_verb(sent: Span) -> int:
    """Moves "à l'exportation …" from the verb to the noun of restriction right before it (see
    the module docstring); returns how many phrases were moved."""
    moved = 0
    for trade in sent:
        if trade.lower_ not in TRADE_NOUNS or trade.dep_ not in _VERB_LINKS or trade.head.pos_ != "VERB":
            continue
        case = next((c for c in trade.children if c.dep_ == "case" and c.i < trade.i), None)
        if case is None or case.lower_ not in _TRADE_CASES:
            continue
        before = trade.left_edge.i - 1
        if before < sent.start:
            continue
        noun = sent.doc[before]
        if (noun.pos_ != "NOUN" or noun.lemma_.lower() not in RESTRICTION_NOUNS or noun.head.i != trade.head.i
                or noun.i == trade.head.i):
            continue
        trade.head, trade.dep_ = noun, "nmod"
        moved += 1
    return moved
