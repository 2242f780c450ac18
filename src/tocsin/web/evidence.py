"""Where the trigger and the actors are in an event's sentence, for highlighting.

The trigger's character span is stored on the event. Actors keep the words
as written (``Actor.text``), not their offsets, so their spans are found here:
the first occurrence in the sentence that does not overlap the trigger or an
actor already placed — exact, then ignoring case, then word by word allowing
the punctuation the coder drops between words ("Kishida, en déplacement").
Two roles with the same words ("les deux dirigeants" as source and target of a
symmetric event) share one span whose role is ``"source target"``. An actor
whose words are not in the sentence (borrowed from an earlier sentence by
coreference) gets no span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from tocsin.records import Actor, Event

#: Roles in the order they are placed (earlier roles win overlaps).
ROLES = ("trigger", "source", "target", "attribution")


@dataclass(frozen=True, slots=True)
class Span:
    role: str  # "trigger", "source", "target", "attribution", or two roles ("source target")
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "start": self.start, "end": self.end}


def _find(sentence: str, words: str, taken: list[Span]) -> tuple[int, int] | None:
    words = words.strip()
    if not words:
        return None
    for haystack, needle in ((sentence, words), (sentence.casefold(), words.casefold())):
        if len(haystack) != len(sentence):  # casefold changed lengths: offsets would drift
            continue
        start = haystack.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(s.overlaps(start, end) for s in taken):
                return start, end
            start = haystack.find(needle, start + 1)
    tokens = re.findall(r"\w+", words)
    if tokens:
        pattern = re.compile(r"\W{0,3}".join(re.escape(t) for t in tokens), re.IGNORECASE)
        for match in pattern.finditer(sentence):
            if not any(s.overlaps(match.start(), match.end()) for s in taken):
                return match.start(), match.end()
    return None


def evidence_spans(event: Event) -> list[Span]:
    """The highlighted spans of ``event.sentence``, in sentence order, never overlapping."""
    sentence = event.sentence
    spans: list[Span] = []
    start, end = event.trigger_span
    if 0 <= start < end <= len(sentence):
        spans.append(Span("trigger", start, end))
    placed: dict[str, int] = {}  # actor words (case-folded) -> index of their span
    for role in ROLES[1:]:
        actor: Actor | None = getattr(event, role)
        if actor is None or not actor.text.strip():
            continue
        key = actor.text.strip().casefold()
        if key in placed:  # same words as an actor already placed: one span, two roles
            i = placed[key]
            spans[i] = replace(spans[i], role=f"{spans[i].role} {role}")
            continue
        found = _find(sentence, actor.text, spans)
        if found is not None:
            placed[key] = len(spans)
            spans.append(Span(role, *found))
    return sorted(spans, key=lambda s: s.start)


def segments(event: Event) -> list[tuple[str, str | None]]:
    """The sentence cut into ``(text, role or None)`` pieces, for a template to mark up."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for span in evidence_spans(event):
        if span.start > pos:
            out.append((event.sentence[pos:span.start], None))
        out.append((event.sentence[span.start:span.end], span.role))
        pos = span.end
    if pos < len(event.sentence):
        out.append((event.sentence[pos:], None))
    return out


def actor_label(actor: Actor | None) -> str:
    """``RUSMIL (Russian army)``-style label; plain text (templates escape it)."""
    if actor is None:
        return "—"
    code = actor.code or "?"
    name = actor.name or actor.text
    return f"{code} ({name})" if name else code
