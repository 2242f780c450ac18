"""One symmetric act read twice in a sentence.

A meeting, an agreement or joint work is one act between two parties whichever way it is
told (guideline §3). A sentence often tells it twice with two words: "s'est rendu à Téhéran,
où il a été reçu par le président" names the visit (visitor → the place's country) and the
reception (host → visitor); "ont signé un accord … lors d'une cérémonie où ils ont conclu"
the same signing. Both readings name the same two countries, one side sometimes without its
sector. The coder keeps one event per act: the first one found, given the sectors the later
reading names when it names more (that reading then stands for the act).
"""

from __future__ import annotations

from tocsin.records import Actor, Event


def _party(actor: Actor | None) -> str | None:
    if actor is None or not actor.resolved:
        return None
    return actor.country or actor.code


def _fits(a: Actor, b: Actor) -> bool:
    """The same party, sectors agreeing where both name one."""
    return _party(a) == _party(b) and (a.sector is None or b.sector is None or a.sector == b.sector)


def _sectors(event: Event) -> int:
    return sum(1 for a in (event.source, event.target) if a is not None and a.sector)


def merge_symmetric_twin(events: list[Event], new: Event) -> bool:
    """Whether ``new`` repeats a symmetric act already in ``events`` (same type, negation and
    modality, the same two parties in either order); when it does and ``new`` names more
    sectors, it takes the earlier event's place in ``events``."""
    if new.source is None or new.target is None or _party(new.source) is None or _party(new.target) is None:
        return False
    for i, old in enumerate(events):
        if (old.type != new.type or old.negated != new.negated or old.modality != new.modality
                or old.source is None or old.target is None):
            continue
        if not ((_fits(old.source, new.source) and _fits(old.target, new.target))
                or (_fits(old.source, new.target) and _fits(old.target, new.source))):
            continue
        if _sectors(new) > _sectors(old):
            events[i] = new
        return True
    return False
