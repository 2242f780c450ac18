"""Records shared by the coder's modules: options, per-language resources, a trigger
and the roles read for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from tocsin.coding.qualifiers import Cues
from tocsin.lang import LanguageData, Predicate
from tocsin.records import Actor
from tocsin.version import CODER_NAME

#: triggers whose embedded predicates are not events of their own ("refused to meet")
EMBEDDING_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE"})
#: types whose act has a counterpart by its nature (a meeting, an agreement, joint work, help,
#: a refusal): an event of one of them whose recipient was not found (nor inferred from the
#: document or a place) is left out unless ``CoderOptions.keep_one_sided``. On the gold
#: these were all misreadings ("tout en promettant de poursuivre ses achats", "a accueilli
#: un lot de vaccins"). An accusation is left out only when it names no one at all (charges
#: "contre un rappeur" stand); support, sanctions and the rest may stand alone.
TWO_SIDED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "REJECT"})
DEFAULT_TARGETS = {
    "VERB": ("obj", "iobj", "à", "avec", "contre", "to", "with", "against"),
    "NOUN": ("avec", "contre", "à", "sur", "envers", "with", "against", "on", "to", "toward", "towards"),
}


@dataclass(frozen=True)
class CoderOptions:
    """Settings of the coder (one object instead of many keyword arguments)."""

    #: keep events none of whose actors resolved to a code (off: precision first)
    keep_unresolved: bool = False
    #: fill the missing recipient of AID/COOPERATE/SANCTION… from the document's main actors
    infer_required_targets: bool = True
    #: keep events of two-sided types (TWO_SIDED_TYPES) whose recipient was not found
    keep_one_sided: bool = False
    #: drop events under this confidence
    min_confidence: float = 0.0
    coder: str = CODER_NAME


@dataclass(frozen=True)
class LanguageResources:
    """One language's lexicon and cue lists, loaded once."""

    data: LanguageData
    cues: Cues


@dataclass
class Roles:
    """The actors found for one trigger: who acts, on whom, or a dyad ("entre X et Y")."""

    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    pair: list[Actor] = field(default_factory=list)
    #: the recipient was inferred from the document, not read from the sentence
    inferred: bool = False
    #: "soutien mutuel", "joint exercises": the actors act on each other
    reciprocal: bool = False
    #: "échanger des tirs", "swap prisoners": the act goes both ways, one event per direction
    mutual: bool = False
    #: the recipient is the verb's own direct object ("ont rencontré le président ukrainien")
    object_target: bool = False
    #: the recipient read was only the victim of a condemned harm whose author is untold ("a
    #: dénoncé l'assassinat du chef du Hamas"): no recipient is to be inferred from the document
    no_inference: bool = False


@dataclass(frozen=True)
class Trigger:
    """A word that matched a lexicon entry, and the tokens its constraint used
    (the object of a collocation such as "lever les sanctions")."""

    token: Token
    predicate: Predicate
    consumed: frozenset[int]


def same_actor(a: Actor, b: Actor) -> bool:
    if a.code and b.code and a.code != b.code and (_unsectored_person(a) or _unsectored_person(b)):
        return False  # "l'ancien président Gbagbo" and the government he criticises
    if a.code and b.code:
        return a.code == b.code or (a.country is not None and a.country == b.country and (a.sector is None or b.sector is None or a.sector == b.sector))
    return a.text.lower() == b.text.lower()



def _unsectored_person(a: Actor) -> bool:
    """A named person coded by country alone (one out of office): not the country's state."""
    return bool(a.name and a.country and a.sector is None and a.code == a.country)


def actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return actor.code or actor.text.lower()



def unique_actors(actors: list[Actor]) -> list[Actor]:
    """Actors without repeats; of two with the same code, the one that names a person wins."""
    out: list[Actor] = []
    for a in actors:
        for i, b in enumerate(out):
            if actor_key(a) == actor_key(b):
                if a.name and not b.name:
                    out[i] = a
                break
        else:
            out.append(a)
    return out
