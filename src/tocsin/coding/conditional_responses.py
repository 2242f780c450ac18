"""A response promised to any act of a kind: "Beijing will respond to any deployment of US
missiles", "Moscou ripostera à toute livraison d'armes".

Answering "any" deployment, delivery or attack answers an act that has not happened: the
response is what will follow if it does, a conditional retaliation (annotation guideline §4:
THREATEN, by the one who would respond, toward the one whose act would set it off). The act
answered is no event of its own (``triggers.any_act_of_a_kind``).

* the rows ``en.v.respond.any``, ``fr.v.répondre.toute`` … ask for the determiner as their
  ``object`` (``lexicon_match.object_words``), so a plain reply ("Russia responded to the
  letter") is no trigger;
* :func:`act_of_a_kind_answered` finds the act under a response verb (cue ``response_verbs``),
  unless the "any" phrase names words, not acts ("will respond to any questions"), which
  ``lookalikes.looks_alike`` then leaves out;
* ``qualifiers.modality`` reads the response as hypothetical, so that the threat it makes is
  coded as made (asserted), as a strike promised on a condition is (``triggers.reinterpret``);
* ``threat_readings.promises_harm`` reads a promise of such a response as a threat ("a promis de
  répondre à toute attaque");
* :func:`author_of_the_act_answered` (the last of ``RoleFallbacks._content_targets``) aims the
  threat at the author the act's own words name ("any deployment of US missiles in the
  Philippines": the United States, not the Philippines), and at no one when they name none
  ("toute livraison d'armes à Kiev": Kiev would receive the weapons, it would not deliver them).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Token

from tocsin.coding.syntax import preposition_of
from tocsin.records import Actor

if TYPE_CHECKING:
    from tocsin.coding.clause_roles import RoleReading
    from tocsin.coding.context import DocumentContext


class _ActorReadings(Protocol):
    """The readings of the coder that name actors in a sentence's words."""

    def _nationality_of_things(self, heads: list[Token], lang: str, when: date | None,
                               ctx: DocumentContext) -> list[Actor]: ...

    def _resolve_heads(self, heads: Sequence[Token], lang: str, when: date | None,
                       ctx: DocumentContext) -> list[Actor]: ...


#: what one answers with words, not force: "any questions", "toute demande"
_NO_ACTS = frozenset({
    "question", "query", "inquiry", "request", "concern", "comment", "criticism", "letter", "message",
    "invitation", "proposal", "offer", "suggestion", "demand",
    "demande", "requête", "interrogation", "préoccupation", "sollicitation", "critique", "courrier",
    "lettre", "proposition", "offre", "revendication",
})

#: links from a verb to the noun of its prepositional complement (UD obliques; the English
#: parser's "prep" → "pobj" is followed one step down)
_OBLIQUES = frozenset({"obl", "obl:arg", "obl:mod", "iobj"})


def act_of_a_kind_answered(verb: Token, response_verbs: frozenset[str],
                           any_determiners: frozenset[str]) -> Token | None:
    """The act under a determiner of "any" that a response verb answers ("respond to any
    deployment", "riposter à toute provocation"), or None."""
    if not response_verbs or not any_determiners or verb.lemma_.lower() not in response_verbs:
        return None
    nouns = [c for c in verb.children if c.dep_ in _OBLIQUES]
    nouns += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        if (noun.pos_ == "NOUN" and noun.lemma_.lower() not in _NO_ACTS
                and any(d.dep_ == "det" and d.lower_ in any_determiners for d in noun.children)):
            return noun
    return None


#: links from an act noun to a name before it that names its author ("any NATO deployment",
#: "any US strike")
_NAME_LINKS = frozenset({"compound", "flat:name"})
#: a threat, and a promise, which holding out a response makes a threat (``promises_harm``)
_HELD_OUT_TYPES = frozenset({"THREATEN", "AGREE"})


def author_of_the_act_answered(reading: RoleReading, rules: _ActorReadings) -> None:
    """The recipient of a threat held out against any act of a kind: the author of that act, as
    its own words name it (a nationality, also of what it moves; a name before it; its agent);
    no one when they name none, not the place or the recipient of the act."""
    if reading.pred.type not in _HELD_OUT_TYPES or reading.out.pair:
        return
    cues = reading.cues
    verbs = [reading.tok, *(c for c in reading.tok.children if c.dep_ == "xcomp")]
    act = next((a for a in (act_of_a_kind_answered(v, cues.response_verbs, cues.any_determiners) for v in verbs)
                if a is not None), None)
    if act is None:
        return
    lang, when, ctx = reading.lang, reading.when, reading.ctx
    authors = rules._nationality_of_things([act], lang, when, ctx)
    if not authors:
        # "any NATO deployment", "any deployment of US missiles", "any strike by Israel"
        things = [act, *(g for c in act.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"),
                  *(c for c in act.children if c.dep_ == "nmod" and c.i > act.i)]
        names = [c for t in things for c in t.children if c.dep_ in _NAME_LINKS and c.pos_ == "PROPN"]
        authors = [a for a in rules._resolve_heads(names + _agents(act, cues.agent_prepositions), lang, when, ctx)
                   if a.resolved]
    own = {a.country for a in reading.out.sources if a.resolved and a.country}
    reading.out.targets = [a for a in authors if not a.country or a.country not in own]


def _agents(act: Token, prepositions: frozenset[str]) -> list[Token]:
    """The "by/par" agent of an act noun, or of the participle on it ("any strike by Israel",
    "toute frappe menée par Israël")."""
    found: list[Token] = []
    for holder in (act, *(c for c in act.children if c.dep_ == "acl")):
        for c in holder.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in prepositions:
                found += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ in ("nmod", "obl", "obl:agent") and preposition_of(c) in prepositions:
                found.append(c)
    return found
