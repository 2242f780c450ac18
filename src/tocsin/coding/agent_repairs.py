"""Parse repairs of the agent of a passive participle: the "par …" phrase that names who did an
act told by a past participle, which the parser labelled a circumstance ("…, un verdict dénoncé
par Washington …") or hung on the participle's adverbial of time or place ("X, reçu mercredi
par Donald Trump, a …"). The table of :mod:`tocsin.coding.repairs` runs them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.coding.clause_repairs import names_a_party
from tocsin.coding.lexicon_match import passive_participle

_ADVERBIAL = frozenset({"obl:mod", "obl", "obl:tmod"})
_NAMES = ("PROPN", "NOUN")


def _participle_without_avoir(verb: Token) -> bool:
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
        if not _participle_without_avoir(verb):
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
