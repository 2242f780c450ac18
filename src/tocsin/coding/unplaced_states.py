"""Whose state is it: "l'armée", "la police", "le ministère", "la junte" named without a country.

A state body named alone belongs, in order:

1. to the country of the sentence's reporter when the reporter is a body of the same kind
   ("selon le ministère turc de la Défense, l'armée a neutralisé …" → Turkish army; "le
   ministère a convoqué l'ambassadeur de Chine, a indiqué la diplomatie française" → French
   ministry): the state that reports on its own forces, not the country where they act;
2. to the one country the sentence names ("Au Kenya, la police a arrêté …");
3. when the sentence names none, to the country the article is about, if one stands out
   ("L'UE a suspendu ses aides au Niger. La junte a rejeté cette décision").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from tocsin.actors import Resolver
from tocsin.coding.context import DocumentContext
from tocsin.coding.qualifiers import Cues, reporting_speaker
from tocsin.coding.syntax import phrase_text
from tocsin.records import Actor

#: the reporter's sector and the sectors of the bare bodies it speaks for
_SPEAKS_FOR = {
    "GOV": frozenset({"GOV"}),
    "MIL": frozenset({"MIL", "COP"}),
    "COP": frozenset({"COP"}),
    "JUD": frozenset({"JUD"}),
}


#: links of an agent to its verb
_AGENT_LINKS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obl:agent"})


def _clause_verb(tok: Token) -> Token:
    current = tok
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _reporter(tok: Token, cues: Cues, resolver: Resolver, lang: str, when: date | None,
              ctx: DocumentContext) -> Actor | None:
    """The resolved reporter of the clause: a "selon X" phrase of the sentence, or the speaker of
    a reporting verb that governs the clause or is inserted in it."""
    heads: list[Token] = list(ctx.sentence_sources)
    speaker = reporting_speaker(_clause_verb(tok), cues)
    if speaker is not None and speaker.i != tok.i and not any(t.i == tok.i for t in speaker.subtree):
        heads.append(speaker)
    for head in heads:
        if tok.i in (t.i for t in head.subtree):
            continue
        actor = resolver.resolve(phrase_text(head), lang=lang, when=when, context=(), guess_country=False)
        if actor is not None and actor.resolved and actor.country and actor.sector in _SPEAKS_FOR:
            return actor
    return None


def _standing_out(ctx: DocumentContext) -> str | None:
    """The article's country that stands out: the only one, or one named more than any other."""
    counts = ctx.country_counts.most_common(2)
    if not counts:
        return None
    if len(counts) == 1 or counts[0][1] > counts[1][1]:
        return counts[0][0]
    return None


def place_state_bodies(tok: Token, actors: Sequence[Actor], state_sectors: frozenset[str], cues: Cues,
                       resolver: Resolver, lang: str, when: date | None, ctx: DocumentContext) -> list[Actor]:
    """``actors`` with each unresolved state body given its country (module docstring)."""
    bare = [a for a in actors if not a.resolved and a.sector in state_sectors]
    if not bare:
        return list(actors)
    countries = set(ctx.sentence_countries)
    # the reporter speaks for the bodies that act (subjects, agents), not for those acted on
    reporter = (_reporter(tok, cues, resolver, lang, when, ctx)
                if tok.dep_ in _AGENT_LINKS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent") else None)

    def country_for(actor: Actor) -> str | None:
        if reporter is not None and actor.sector in _SPEAKS_FOR.get(reporter.sector or "", ()):
            return reporter.country
        if len(countries) == 1:
            return next(iter(countries))
        if not countries:
            return _standing_out(ctx)
        return None

    out: list[Actor] = []
    for a in actors:
        country = country_for(a) if a in bare else None
        out.append(Actor(text=a.text, code=country + (a.sector or ""), country=country, sector=a.sector)
                   if country else a)
    return out
