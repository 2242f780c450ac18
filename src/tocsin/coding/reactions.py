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
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from tocsin.coding.context import DocumentContext
from tocsin.coding.model import Roles, Trigger
from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import main_verb_of_relative

#: spoken reactions whose recipient may be read from the acts before
SPOKEN_REACTION_TYPES = frozenset({"ACCUSE", "REJECT"})
_OBLIQUE = frozenset({"obl", "obl:arg", "obl:mod", "iobj"})
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
