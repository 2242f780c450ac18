"""Matching predicted events to gold events, one text at a time.

The rules (docs/evaluation.md):

* **type**: the predicted PLOVER type is one of the gold event's types; for gold
  coded in CAMEO (PETRARCH) the predicted CAMEO root equals the gold root;
* **actors** at country level: a gold country code (``RUS``, ``RUSMIL``) matches a
  predicted actor whose ``country`` is ``RUS``; an organisation code (``IGONATO``)
  matches the same ``code`` (``IGOUN`` also matches UN agencies ``IGOUN…``; a bare
  ``IGO``/``NGO``/``IMG`` matches any organisation of that kind). A gold ``null``
  matches only a missing or unresolved predicted actor. The sector is never
  required: it is scored separately (actor resolution);
* **symmetric** types (CONSULT, AGREE, COOPERATE) match in either direction;
* **negation** must agree unless the gold leaves it unannotated (``null``);
* pairs are one-to-one (a maximum matching, so the result does not depend on order);
* a prediction left unmatched that fits an ``acceptable`` entry is ignored:
  neither a true nor a false positive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tocsin.evaluation.gold import SYMMETRIC_TYPES, GoldEvent, GoldItem
from tocsin.records import Actor, Event

__all__ = [
    "ActorCheck",
    "GoldActor",
    "TextMatch",
    "actor_matches",
    "event_matches",
    "match_text",
    "maximum_matching",
    "parse_actor",
    "predicted_label",
    "type_matches",
]

#: Label of "no event" in the confusion matrix.
NONE_LABEL = "∅"

_ORG_PREFIXES = ("IGO", "NGO", "IMG")
_WILDCARDS = ("---", "###", "***")


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold actor code, split for matching.

    ``kind`` is ``country`` (``country`` and maybe ``sector`` set), ``org``
    (``org`` holds the full code) or ``any`` (the gold does not say which country).
    """

    kind: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None


def parse_actor(code: str | None) -> GoldActor | None:
    """Split an actor code: ``RUSMIL`` → country RUS, sector MIL; ``IGONATO`` → organisation."""
    if code is None:
        return None
    code = code.strip().upper()
    if not code:
        return None
    if code[:3] in _WILDCARDS:
        sector = code[3:6] if len(code) >= 6 and code[3:6].isalpha() else None
        return GoldActor("any", sector=sector)
    if code.startswith(_ORG_PREFIXES):
        return GoldActor("org", org=code)
    sector = code[3:6] if len(code) >= 6 else None
    return GoldActor("country", country=code[:3], sector=sector)


def _resolved(actor: Actor | None) -> Actor | None:
    """A predicted actor counts only when it was resolved to a code."""
    return actor if actor is not None and actor.code else None


def actor_matches(gold_code: str | None, predicted: Actor | None) -> bool:
    """Country-level agreement of a gold code and a predicted actor (sector not required)."""
    gold = parse_actor(gold_code)
    pred = _resolved(predicted)
    if gold is None:
        return pred is None
    if gold.kind == "any":
        return True
    if pred is None:
        return False
    if gold.kind == "country":
        return pred.country == gold.country
    code = (pred.code or "").upper()
    org = gold.org or ""
    if len(org) == 3:  # bare IGO / NGO / IMG: any organisation of that kind
        return code.startswith(org) or (org == "NGO" and pred.sector == "NGO" and pred.country is None)
    if org == "IGOUN":  # UN agencies (IGOUNHCR, IGOUNHRC…) are the UN
        return code.startswith("IGOUN")
    return code == org


def sector_matches(gold_code: str | None, predicted: Actor | None) -> bool | None:
    """Whether the predicted sector equals the gold sector; None when the gold gives none."""
    gold = parse_actor(gold_code)
    if gold is None or gold.sector is None:
        return None
    pred = _resolved(predicted)
    return pred is not None and pred.sector == gold.sector


def predicted_label(event: Event, scheme: str) -> str:
    """The label compared with the gold: the PLOVER type, or the CAMEO root for CAMEO gold."""
    if scheme == "cameo":
        return event.cameo[:2] if len(event.cameo) >= 2 else event.cameo
    return event.type


def type_matches(gold: GoldEvent, event: Event) -> bool:
    if gold.any_type:
        return True
    if gold.cameo_root is not None:
        return predicted_label(event, "cameo") == gold.cameo_root
    return event.type in gold.types


def _orientations(gold: GoldEvent, event: Event,
                  symmetric: frozenset[str]) -> list[tuple[Actor | None, Actor | None]]:
    straight = (event.source, event.target)
    if event.type in symmetric:
        return [straight, (event.target, event.source)]
    return [straight]


def actors_match(gold: GoldEvent, event: Event, symmetric: frozenset[str] = SYMMETRIC_TYPES) -> bool:
    return any(actor_matches(gold.source, s) and actor_matches(gold.target, t)
               for s, t in _orientations(gold, event, symmetric))


def event_matches(gold: GoldEvent, event: Event, *, check_negation: bool = True,
                  symmetric: frozenset[str] = SYMMETRIC_TYPES) -> bool:
    """The full-event rule: type, both actors (country level) and negation."""
    if not type_matches(gold, event):
        return False
    if check_negation and gold.negated is not None and bool(event.negated) != gold.negated:
        return False
    return actors_match(gold, event, symmetric)


def maximum_matching(n_gold: int, n_pred: int, edge: Callable[[int, int], bool],
                     gold_ids: Sequence[int] | None = None,
                     pred_ids: Sequence[int] | None = None) -> dict[int, int]:
    """A maximum one-to-one matching ``{gold index: predicted index}`` (augmenting paths)."""
    golds = list(range(n_gold)) if gold_ids is None else list(gold_ids)
    preds = list(range(n_pred)) if pred_ids is None else list(pred_ids)
    adjacency = {g: [p for p in preds if edge(g, p)] for g in golds}
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in adjacency[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in golds:
        augment(g, set())
    return {g: p for p, g in owner.items()}


def _two_pass(n_gold: int, n_pred: int, strong: Callable[[int, int], bool],
              weak: Callable[[int, int], bool]) -> dict[int, int]:
    """Match on ``strong`` edges first, then the rest on ``weak`` edges."""
    first = maximum_matching(n_gold, n_pred, strong)
    rest_gold = [g for g in range(n_gold) if g not in first]
    used = set(first.values())
    rest_pred = [p for p in range(n_pred) if p not in used]
    second = maximum_matching(n_gold, n_pred, weak, rest_gold, rest_pred)
    return {**first, **second}


@dataclass(frozen=True, slots=True)
class ActorCheck:
    """One gold actor slot of a type-aligned pair: was the country (and sector) right?"""

    slot: str  # "source" or "target"
    country_ok: bool | None  # None when the gold slot is empty or unspecified
    sector_ok: bool | None  # None when the gold gives no sector


@dataclass(slots=True)
class TextMatch:
    """How one text's predictions compare with its gold events."""

    item: GoldItem
    predictions: list[Event]
    problem: str | None = None
    #: full-event pairs (gold index → predicted index)
    full: dict[int, int] = field(default_factory=dict)
    #: predicted indices ignored because they fit an acceptable entry
    ignored: list[int] = field(default_factory=list)
    false_positives: list[int] = field(default_factory=list)
    misses: list[int] = field(default_factory=list)
    #: type-only pairs, and the unmatched on that level
    type_pairs: dict[int, int] = field(default_factory=dict)
    type_false_positives: list[int] = field(default_factory=list)
    type_misses: list[int] = field(default_factory=list)
    #: pairs matched on type and actors, ignoring negation
    negation_pairs: dict[int, int] = field(default_factory=dict)
    actor_checks: list[ActorCheck] = field(default_factory=list)
    #: (gold label, predicted label) for events aligned by actors; NONE_LABEL for unaligned
    confusion: list[tuple[str, str]] = field(default_factory=list)

    @property
    def scheme(self) -> str:
        return self.item.scheme

    def pred_label(self, index: int) -> str:
        return predicted_label(self.predictions[index], self.scheme)

    def gold_label(self, index: int, pred_index: int | None = None) -> str:
        """The gold event's label; the predicted one when it is among the gold's types."""
        gold = self.item.events[index]
        if pred_index is not None and gold.cameo_root is None and gold.types:
            label = self.pred_label(pred_index)
            if label in gold.types:
                return label
        return gold.label


def _actor_checks(gold: GoldEvent, event: Event, symmetric: frozenset[str]) -> list[ActorCheck]:
    best: list[ActorCheck] = []
    best_score = -1
    for source, target in _orientations(gold, event, symmetric):
        checks = []
        for slot, code, actor in (("source", gold.source, source), ("target", gold.target, target)):
            parsed = parse_actor(code)
            country_ok = None if parsed is None or parsed.kind == "any" else actor_matches(code, actor)
            checks.append(ActorCheck(slot, country_ok, sector_matches(code, actor)))
        score = sum(1 for c in checks if c.country_ok) + sum(1 for c in checks if c.sector_ok)
        if score > best_score:
            best, best_score = checks, score
    return best


def match_text(item: GoldItem, predictions: Sequence[Event], *, problem: str | None = None,
               symmetric: frozenset[str] = SYMMETRIC_TYPES) -> TextMatch:
    """Compare one text's predicted events with its gold events."""
    gold = item.events
    preds = list(predictions)
    result = TextMatch(item=item, predictions=preds, problem=problem)
    n_gold, n_pred = len(gold), len(preds)

    def full(g: int, p: int) -> bool:
        return event_matches(gold[g], preds[p], symmetric=symmetric)

    def loose(g: int, p: int) -> bool:
        return event_matches(gold[g], preds[p], check_negation=False, symmetric=symmetric)

    def typed(g: int, p: int) -> bool:
        return type_matches(gold[g], preds[p])

    def aligned(g: int, p: int) -> bool:
        return actors_match(gold[g], preds[p], symmetric)

    # full events
    result.full = maximum_matching(n_gold, n_pred, full)
    used = set(result.full.values())
    for p in range(n_pred):
        if p in used:
            continue
        if any(event_matches(a, preds[p], symmetric=symmetric) for a in item.acceptable):
            result.ignored.append(p)
        else:
            result.false_positives.append(p)
    result.misses = [g for g in range(n_gold) if g not in result.full]

    # event types alone (pairs that also agree on actors are preferred)
    result.type_pairs = _two_pass(n_gold, n_pred, loose, typed)
    used = set(result.type_pairs.values())
    for p in range(n_pred):
        if p in used:
            continue
        if not any(type_matches(a, preds[p]) for a in item.acceptable):
            result.type_false_positives.append(p)
    result.type_misses = [g for g in range(n_gold) if g not in result.type_pairs]
    for g, p in result.type_pairs.items():
        result.actor_checks.extend(_actor_checks(gold[g], preds[p], symmetric))

    # negation: pairs that agree on everything but negation
    result.negation_pairs = maximum_matching(n_gold, n_pred, loose)

    # confusion of types, for events aligned by their actors
    alignment = _two_pass(n_gold, n_pred, loose, aligned)
    ignored = set(result.ignored)
    for g in range(n_gold):
        if g in alignment:
            p = alignment[g]
            result.confusion.append((result.gold_label(g, p), result.pred_label(p)))
        else:
            result.confusion.append((result.gold_label(g), NONE_LABEL))
    aligned_preds = set(alignment.values())
    for p in range(n_pred):
        if p not in aligned_preds and p not in ignored:
            result.confusion.append((NONE_LABEL, result.pred_label(p)))
    return result
