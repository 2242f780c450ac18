"""Whom a condemnation in a later sentence is aimed at when it names no one.

* "Le Kremlin a réagi à cette décision en dénonçant une « guerre économique »", "Pékin a
  répondu à ces accusations en fustigeant …": the condemnation hangs on a verb whose object
  points back, with a demonstrative, to the act of the sentences before; its author is the
  one condemned;
* "La Pologne a fermé sa frontière avec la Biélorussie. Minsk a dénoncé une « provocation »":
  a condemnation of something that names no actor, by one who was acted on in an earlier
  sentence, goes to whoever acted on it;
* "L'Iran a tiré des missiles sur Israël, qui a promis de riposter": an answer promised in a
  "qui" clause on the one a hostile act falls on goes to the author of that act.

:class:`ReactionReadings` holds the step that reads these recipients (and those of reactions
drawn from someone or hung on another act); it is mixed into
:class:`~tocsin.coding.arguments.ArgumentRules` and relies on its helpers (``_resolve_heads``,
``_drawn_reaction``, ``_reaction_to_governing_act``).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.context import DocumentContext
from tocsin.coding.model import Roles, Trigger
from tocsin.coding.qualifiers import Cues
from tocsin.coding.readings import REACTION_TYPES
from tocsin.coding.syntax import OBJECT, main_verb_of_relative

#: spoken reactions whose recipient may be read from the acts before
SPOKEN_REACTION_TYPES = frozenset({"ACCUSE", "REJECT"})
_OBLIQUE = frozenset({"obl", "obl:arg", "obl:mod", "iobj"})
#: reactions an actor can draw on itself ("drew condemnation from", "s'attirer les critiques de")
DRAWN_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "SUPPORT", "SANCTION"})
#: hostile acts, which their recipient may promise to answer
_ANSWERED_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def _points_back(verb: Token, cues: Cues) -> bool:
    """Whether ``verb`` has an oblique noun opened by a demonstrative ("à cette décision")."""
    return any(c.dep_ in _OBLIQUE and c.pos_ == "NOUN"
               and any(d.dep_ == "det" and d.lower_ in cues.demonstrative_determiners for d in c.children)
               for c in verb.children)


def reaction_to_an_earlier_act(tok: Token, out: Roles, cues: Cues, ctx: DocumentContext) -> list:
    """The recipient of a condemnation that names none (module docstring); empty when none."""
    source = next((a for a in out.sources if a.resolved), None)
    if source is None or not source.country:
        return []
    if tok.dep_ in ("advcl", "conj", "xcomp") and tok.head.i != tok.i and _points_back(tok.head, cues):
        earlier = ctx.last_event_actor
        if earlier is not None and earlier.resolved and earlier.country != source.country:
            return [earlier]
    if ctx.acts and not any(t.resolved and t.country for t in out.targets):
        answered = ctx.acted_on(source.country)
        if answered is not None:
            return [answered]
    return []


def authors_of_the_act_answered(tok: Token, by_index: Mapping[int, Trigger]) -> list[Token]:
    """The subjects of the main clause when ``tok``, an answer, heads a "qui" clause on the
    one that clause's hostile act falls on (module docstring); empty otherwise."""
    main = main_verb_of_relative(tok)
    act = by_index.get(main.i) if main is not None else None
    if act is None or act.predicate.type not in _ANSWERED_TYPES:
        return []
    return [c for c in main.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]


class ReactionReadings:
    """The step that reads the recipients of reactions and answers (mixed into the coder)."""

    def _reaction_targets(self, reading: RoleReading) -> None:
        """Recipients of reactions: a reaction drawn from someone ("s'attirer les critiques de"),
        one that hangs on another act, and an answer, which goes to whoever acted on the one who
        answers ("Londres a promis une riposte")."""
        tok, pred, cues = reading.tok, reading.pred, reading.cues
        res, lang, when, ctx, by_index = reading.res, reading.lang, reading.when, reading.ctx, reading.by_index
        borrow = reading.borrow
        out = reading.out
        if (pred.pos == "NOUN" and pred.type in DRAWN_TYPES and tok.dep_ in OBJECT
                and tok.head.lemma_.lower() in cues.drawing_verbs):
            self._drawn_reaction(tok, out, res, lang, when, ctx, by_index)
        if borrow and pred.type in REACTION_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = self._reaction_to_governing_act(tok, out, res, lang, when, ctx, by_index) or out.targets
        if borrow and not out.pair and not any(a.resolved for a in out.targets) and _answers(reading.trig, cues):
            # "Moscou a expulsé deux diplomates britanniques. Londres a promis une riposte": the
            # answer goes to whoever acted on the one who answers
            first = next((a for a in out.sources if a.resolved), None)
            answered = ctx.acted_on(first.country) if first is not None else None
            if answered is None and first is not None:  # the act answered in the same sentence
                answered = next((a for a in self._resolve_heads(authors_of_the_act_answered(tok, by_index), lang, when,
                                                                ctx) if a.resolved and a.country != first.country), None)
            if answered is not None:
                out.targets = [answered]
        if borrow and pred.type in SPOKEN_REACTION_TYPES and not out.pair and not any(a.resolved for a in out.targets):
            out.targets = reaction_to_an_earlier_act(tok, out, cues, ctx) or out.targets


def _answers(trig: Trigger, cues: Cues) -> bool:
    """Whether an act is an answer: "riposter", "promettre une riposte", "a promis de répondre"."""
    tok = trig.token
    words = cues.response_verbs | cues.response_nouns
    if tok.lemma_.lower() in words:
        return True
    doc = tok.doc
    return any(doc[i].lemma_.lower() in words for i in trig.consumed) or any(
        c.dep_ in ("obj", "dobj", "xcomp") and c.lemma_.lower() in words for c in tok.children)
