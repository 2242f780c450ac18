"""An act restated by a noun in apposition, and the reaction told in that noun's relative clause.

"Pakistan demanded that Kabul hand over the militants, a request Kabul rejected", "Pékin a
annoncé des exercices autour de Taïwan, une décision que Taipei a dénoncée": the apposed noun
("a request", "une décision") sums up the act the clause told, and is no act of its own when it
names the same kind of act (:func:`restates_an_act`). A reaction in its relative clause answers
the author of that act (:meth:`SummaryReactions._reaction_to_the_summed_act`): Kabul rejects
Pakistan's request, Taipei condemns Beijing's decision.

:class:`SummaryReactions` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`; it
relies on ``_resolve_heads`` of the class it is mixed into.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.model import Trigger
from tocsin.coding.syntax import subjects

#: nouns that sum up whatever act the clause told ("a move", "une décision")
_SUMMING_NOUNS = frozenset({"move", "decision", "step", "measure", "décision", "mesure", "initiative", "geste"})
#: links of a relative clause to its noun
_RELATIVE_LINKS = frozenset({"relcl", "acl:relcl"})
#: reactions that answer an act's author
_ANSWERING_TYPES = frozenset({"REJECT", "ACCUSE", "SUPPORT", "AGREE"})


def restates_an_act(trig: Trigger, by_index: Mapping[int, Trigger]) -> bool:
    """Whether ``trig`` is a noun in apposition naming the same kind of act as a trigger before it."""
    tok = trig.token
    return tok.pos_ == "NOUN" and tok.dep_ == "appos" and _summed_act(tok, by_index, trig.predicate.type) is not None


def told_of_a_summing_noun(tok: Token) -> bool:
    """Whether ``tok`` heads a relative clause on a noun in apposition ("…, a request Kabul
    rejected"): a reaction to the act summed up, not a part of it."""
    return tok.dep_ in _RELATIVE_LINKS and tok.head.dep_ == "appos" and tok.head.pos_ == "NOUN"


def _summed_act(noun: Token, by_index: Mapping[int, Trigger], kind: str | None) -> Trigger | None:
    """The nearest trigger before ``noun`` of the kind ``kind`` (any kind for a summing noun)."""
    before = [t for i, t in by_index.items() if i < noun.i and t.token.pos_ == "VERB"]
    if kind is not None:
        before = [t for t in before if t.predicate.type == kind]
    return max(before, key=lambda t: t.token.i, default=None)


class SummaryReactions:
    """The step that aims a reaction told of a summing noun at the author of the act summed up."""

    def _reaction_to_the_summed_act(self, reading: RoleReading) -> None:
        """The recipient of a reaction in the relative clause of a noun in apposition (module docstring)."""
        tok, out = reading.tok, reading.out
        noun = tok.head
        if (reading.pred.type not in _ANSWERING_TYPES or not told_of_a_summing_noun(tok)
                or out.pair or any(a.resolved for a in out.targets)):
            return
        named = reading.by_index.get(noun.i)
        if named is None and noun.lemma_.lower() not in _SUMMING_NOUNS:
            return
        act = _summed_act(noun, reading.by_index, named.predicate.type if named is not None else None)
        if act is None:
            return
        own = {a.country for a in out.sources if a.resolved}
        authors = [a for a in self._resolve_heads(  # type: ignore[attr-defined]
            [s for s in subjects(act.token) if s.pos_ != "PRON"], reading.lang, reading.when, reading.ctx)
            if a.resolved and a.country not in own]
        if authors:
            out.targets = authors
