"""Event deduplication: mentions of one real-world event become one canonical event.

The coder emits one event per sentence that reports it, so a meeting reported by
five outlets, each in a headline and a body sentence, is ten event rows. Here
they become one :class:`CanonicalEvent` with its ten mentions, its outlets
(``sources``), the first time tocsin saw it and the dates it was reported for.

How mentions are clustered (:func:`cluster_mentions`):

1. **Blocking.** Only mentions with the same type, the same source and target
   actor codes (in either order for symmetric types: CONSULT, AGREE,
   COOPERATE) and the same negation can be one event.
2. **Order.** Within a block, mentions are taken by date, then event id, so the
   result depends on the set of mentions only, never on arrival order.
3. **Score** of a mention against an existing cluster: the best score against
   any of its members, where for two mentions
   ``score = 0.6 · date_score + 0.4 · evidence (+ 0.2 when both name the same place)``,
   ``date_score = 1 − |Δdays| / (window + 1)`` (0.5 when a date is unknown),
   ``evidence`` the Jaccard similarity of the sentences' content words
   (accents, case and endings folded: the first six letters of each word of four
   letters or more, numbers whole, stop words dropped). Two mentions more than
   ``window_days`` apart, or in one language naming two different places, never
   match (across languages place names differ by spelling: Moscou, Moscow).
4. **Assignment.** A mention joins the best-scoring cluster when the score is at
   least ``min_score``; otherwise it starts a new cluster. A cluster spans at
   most ``window_days`` from its first mention, so daily events of one dyad do
   not chain into one.

5. **Missing actors.** A mention whose source or target the coder could not
   resolve ("Russia struck Kharkiv": no target) is compared, after the blocks
   are clustered, with the clusters of the same type and negation whose dyad
   has its known actor on the same side, and joins the best one on the same
   terms; otherwise it is clustered with the other mentions of its own block.

With the defaults (window 3 days, ``min_score`` 0.55), same-day mentions of one
dyad and type are one event unless they name different places; a day apart,
they need a quarter of their content words in common. The precision and
recall measured on ``tests/data/event_clusters.jsonl`` are in docs/ingest.md
(``scripts/eval_event_dedup.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from tocsin.records import stable_id

__all__ = [
    "SYMMETRIC_TYPES", "CanonicalEvent", "ClusterOptions", "Mention", "block_key",
    "cluster_mentions", "evidence_keys", "mention_score",
]

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

_STOP = frozenset("""
les des une dans pour avec par sur que qui est sont ont été était cette ces leur leurs
aussi mais plus selon entre lors après avant contre sans sous vers chez deux dont tout
tous elle elles ils nous vous pays jeudi lundi mardi mercredi vendredi samedi dimanche
hier aujourd demain semaine dernier dernière prochain prochaine mois année
the and for with from that this these those their have has had been was were will would
said says told after before against between into over under about also more than they
them two its his her our your monday tuesday wednesday thursday friday saturday sunday
yesterday today tomorrow week last next month year country countries
""".split())
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Mention:
    """One event row as the clustering sees it."""

    event_id: str
    article_id: str
    type: str
    source: str | None
    target: str | None
    #: the event's date, or its article's publication date when the text gives none
    date: date | None
    sentence: str
    negated: bool = False
    #: place named by the event (its location name or text), if any
    place: str | None = None
    #: outlets that published the article (several when reprints were merged)
    outlets: tuple[str, ...] = ()
    #: when tocsin first stored the article
    seen: datetime | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Settings of the event clustering (see the module documentation)."""

    window_days: int = 3
    min_score: float = 0.55
    date_weight: float = 0.6
    evidence_weight: float = 0.4
    place_bonus: float = 0.2
    #: let a mention with one actor missing join an event whose known actor matches
    attach_partial: bool = True
    symmetric_types: frozenset[str] = field(default_factory=lambda: SYMMETRIC_TYPES)


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    """One real-world event and every mention of it."""

    canonical_id: str
    type: str
    source: str | None
    target: str | None
    negated: bool
    first_date: date | None
    last_date: date | None
    first_seen: datetime | None
    mentions: tuple[Mention, ...]
    #: outlets that reported it, sorted
    sources: tuple[str, ...]

    @property
    def n_mentions(self) -> int:
        return len(self.mentions)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({m.article_id for m in self.mentions}))


def block_key(m: Mention, options: ClusterOptions) -> tuple[str, str, str, bool]:
    src, tgt = m.source or "", m.target or ""
    if m.type in options.symmetric_types and tgt < src:
        src, tgt = tgt, src
    return (m.type, src, tgt, m.negated)


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in word if not unicodedata.combining(c))


def evidence_keys(sentence: str) -> frozenset[str]:
    """Content words of a sentence, folded (see the module documentation)."""
    keys = set()
    for raw in _TOKEN.findall(sentence):
        word = _fold(raw)
        if word.isdigit():
            keys.add(word)
        elif len(word) >= 4 and word not in _STOP:
            keys.add(word[:6])
    return frozenset(keys)


def _place(m: Mention) -> str | None:
    return _fold(m.place).strip() if m.place else None


def mention_score(a: Mention, b: Mention, options: ClusterOptions,
                  keys: dict[str, frozenset[str]] | None = None) -> float:
    """How likely ``a`` and ``b`` report one event (0 when they cannot)."""
    if a.date is not None and b.date is not None:
        days = abs((a.date - b.date).days)
        if days > options.window_days:
            return 0.0
        date_score = 1.0 - days / (options.window_days + 1)
    else:
        date_score = 0.5
    pa, pb = _place(a), _place(b)
    if pa and pb and pa != pb and a.language == b.language:
        return 0.0  # two places (across languages the names differ: Moscou, Moscow)
    ka = keys[a.event_id] if keys else evidence_keys(a.sentence)
    kb = keys[b.event_id] if keys else evidence_keys(b.sentence)
    union = ka | kb
    evidence = len(ka & kb) / len(union) if union else 0.0
    score = options.date_weight * date_score + options.evidence_weight * evidence
    if pa and pa == pb:
        score += options.place_bonus
    return min(score, 1.0)


def _order(m: Mention) -> tuple[date, str]:
    return (m.date or date.max, m.event_id)


def _canonical(members: list[Mention], key: tuple[str, str, str, bool]) -> CanonicalEvent:
    members = sorted(members, key=_order)
    dates = [m.date for m in members if m.date is not None]
    seen = [m.seen for m in members if m.seen is not None]
    outlets = sorted({o for m in members for o in m.outlets if o})
    return CanonicalEvent(
        canonical_id=stable_id("canonical", members[0].event_id),
        type=key[0], source=key[1] or None, target=key[2] or None, negated=key[3],
        first_date=min(dates) if dates else None, last_date=max(dates) if dates else None,
        first_seen=min(seen) if seen else None, mentions=tuple(members), sources=tuple(outlets),
    )


def _compatible(key: tuple[str, str, str, bool], m: Mention, options: ClusterOptions) -> bool:
    """Whether a mention with a missing actor may report an event of block ``key``."""
    if m.type in options.symmetric_types:
        known = [c for c in (m.source, m.target) if c]
        return len(known) == 1 and known[0] in (key[1], key[2])
    if m.source and not m.target:
        return key[1] == m.source
    if m.target and not m.source:
        return key[2] == m.target
    return False


def _assign(m: Mention, candidates: list[list[Mention]], options: ClusterOptions,
            keys: dict[str, frozenset[str]]) -> list[Mention] | None:
    """The cluster ``m`` joins among ``candidates`` (its best score, if high enough)."""
    best, best_score = None, 0.0
    for cluster in candidates:
        if m.date is not None and cluster[0].date is not None \
                and abs((m.date - cluster[0].date).days) > options.window_days:
            continue
        score = max(mention_score(m, other, options, keys) for other in cluster)
        if score > best_score:
            best, best_score = cluster, score
    return best if best is not None and best_score >= options.min_score else None


def _cluster_block(block: list[Mention], options: ClusterOptions,
                   keys: dict[str, frozenset[str]]) -> list[list[Mention]]:
    block.sort(key=_order)
    clusters: list[list[Mention]] = []
    #: clusters whose first date is within the window of the mentions still to come
    active: list[list[Mention]] = []
    for m in block:
        if m.date is not None:
            active = [c for c in active if c[0].date is None
                      or (m.date - c[0].date).days <= options.window_days]
            candidates = active
        else:
            candidates = clusters  # undated mentions come last and may join any cluster
        best = _assign(m, candidates, options, keys)
        if best is not None:
            best.append(m)
        else:
            clusters.append([m])
            active.append(clusters[-1])
    return clusters


def cluster_mentions(mentions: Iterable[Mention],
                     options: ClusterOptions | None = None) -> list[CanonicalEvent]:
    """Group ``mentions`` into canonical events, ordered by first date then id.

    Mentions with both actors are clustered block by block; then each mention
    with one actor missing (the coder could not resolve it) joins, in date order,
    the best cluster of the same type and negation whose dyad has its known
    actor on the same side; what joins none is clustered in its own block.
    """
    options = options or ClusterOptions()
    unique: dict[str, Mention] = {}
    for m in mentions:
        unique.setdefault(m.event_id, m)
    complete: dict[tuple[str, str, str, bool], list[Mention]] = {}
    partial: list[Mention] = []
    for m in unique.values():
        if m.source and m.target or not options.attach_partial:
            complete.setdefault(block_key(m, options), []).append(m)
        else:
            partial.append(m)
    keys = {m.event_id: evidence_keys(m.sentence) for m in unique.values()}
    clusters: dict[tuple[str, str, str, bool], list[list[Mention]]] = {
        key: _cluster_block(block, options, keys) for key, block in sorted(complete.items())
    }
    leftovers: dict[tuple[str, str, str, bool], list[Mention]] = {}
    for m in sorted(partial, key=_order):
        candidates = [c for key, cs in clusters.items()
                      if key[0] == m.type and key[3] == m.negated and _compatible(key, m, options)
                      for c in cs]
        best = _assign(m, candidates, options, keys)
        if best is not None:
            best.append(m)
        else:
            leftovers.setdefault(block_key(m, options), []).append(m)
    for key, block in sorted(leftovers.items()):
        clusters.setdefault(key, []).extend(_cluster_block(block, options, keys))
    out = [_canonical(c, key) for key, cs in clusters.items() for c in cs]
    out.sort(key=lambda c: (c.first_date or date.max, c.canonical_id))
    return out
