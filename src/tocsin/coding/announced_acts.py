"""The author of a state's act told in the passive by one of its own officials.

"Russia's defence attaché in London was expelled on Wednesday, Home Secretary James Cleverly
announced", "Trois opposants ont été arrêtés, a annoncé le ministère nigérien de l'Intérieur":
an expulsion, an arrest or a ban names no agent in the passive, and the official who announces
it speaks for the state that carried it out. The speaker (a government, police, judicial or
military official of a known country) is then the source, when the act has none, also of acts on
its own people ("Des dizaines d'opposants ont été arrêtés, a affirmé le ministre vénézuélien de
l'Intérieur": the Venezuelan state arrested them).

Attacks are left out: a state reports the strikes it suffers as often as those it makes ("the
city was shelled overnight, the defence ministry said"); but drones or missiles "shot down" in
the passive were brought down by the side whose official tells it ("Ukrainian drones were shot
down over the Belgorod region, the Russian defence ministry said").

:class:`AnnouncedActs` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`, whose
``_arguments`` runs its step among the fallbacks; it relies on ``_actor_for_phrase`` of the class
it is mixed into.
"""

from __future__ import annotations

from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.qualifiers import reporting_speaker
from tocsin.coding.self_dyads import downs_aerial_weapons

#: acts a state carries out on someone, which its officials announce
_ANNOUNCED_TYPES = frozenset({"SANCTION", "COERCE"})
#: the sectors of officials who speak for their state
_STATE_SPEAKERS = frozenset({"GOV", "COP", "JUD", "MIL"})


class AnnouncedActs:
    """The step that makes the official announcing a passive state act its source."""

    def _author_announcing_the_act(self, reading: RoleReading) -> None:
        """The source of a passive act with no agent, from its announcing official (module docstring)."""
        out = reading.out
        if (not reading.passive or out.pair or any(a.resolved for a in out.sources)
                or not (reading.pred.type in _ANNOUNCED_TYPES
                        or (reading.pred.type == "ASSAULT" and downs_aerial_weapons(reading.trig, reading.cues)))):
            return
        speaker_tok = reporting_speaker(reading.tok, reading.cues)
        if speaker_tok is None:
            return
        speaker = self._actor_for_phrase(speaker_tok, reading.lang, reading.when, reading.ctx)  # type: ignore[attr-defined]
        if not speaker.resolved or not speaker.country or speaker.sector not in _STATE_SPEAKERS:
            return
        out.sources = [speaker]
