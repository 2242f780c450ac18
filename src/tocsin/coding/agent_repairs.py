"""Parse repairs of the agent of a passive participle ("X, reçu mercredi par Donald Trump, a
…"): the "par" phrase hung on the participle's adverbial of time or place. The table of
:mod:`tocsin.coding.repairs` runs them."""

from __future__ import annotations

from spacy.tokens import Span, Token

_ADVERBIAL = frozenset({"obl:mod", "obl", "obl:tmod"})
_NAMES = ("PROPN", "NOUN")


def _passive_participle(verb: Token) -> bool:
    """A participle with no "avoir" of its own, hung on a noun or a clause ("le président,
    reçu mercredi …")."""
    return (verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm") and verb.dep_ in ("acl", "advcl")
            and not any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in verb.children)
            and not any(c.dep_ == "obl:agent" for c in verb.children))


def agent_hung_on_the_adverbial(sent: Span) -> int:
    """"Le président sud-africain, reçu mercredi dans le Bureau ovale par Donald Trump, a …":
    the parser hangs the "par" phrase on the participle's adverbial of time or place ("mercredi",
    "le Bureau ovale") as its modifier. A day or a room takes no agent: the phrase that follows
    the adverbial is the participle's agent. Returns how many phrases were moved."""
    moved = 0
    for verb in sent:
        if not _passive_participle(verb):
            continue
        for adverbial in [c for c in verb.children if c.dep_ in _ADVERBIAL and c.i > verb.i]:
            agent = next((c for c in adverbial.children if c.dep_ == "nmod" and c.pos_ in _NAMES and c.i > adverbial.i
                          and any(g.dep_ == "case" and g.lower_ == "par" for g in c.children)), None)
            if agent is None:
                continue
            agent.head, agent.dep_ = verb, "obl:agent"
            moved += 1
            break
    return moved
