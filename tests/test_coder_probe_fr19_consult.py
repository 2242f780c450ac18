"""French wire copy about calls told by one side: "X et Y ont évoqué au téléphone …" is a phone
call between the subjects, while plain "évoquer" (to mention a subject) is no meeting. Texts
written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date

from factories import coded_events
from tocsin.pipeline import Engine


def coded(engine: Engine, text: str, published: date) -> list[tuple[str, str | None, str | None, bool, str | None]]:
    return [(e.type, e.source.code if e.source else None, e.target.code if e.target else None, e.negated, e.mode)
            for e in coded_events(engine, text, "fr", published)]


def test_two_leaders_discussing_a_subject_on_the_phone_is_a_call(engine) -> None:
    found = coded(engine, "Selon un communiqué du Kremlin, Vladimir Poutine et Xi Jinping ont évoqué lundi au "
                          "téléphone la situation en Ukraine et les échanges commerciaux.", date(2024, 3, 18))
    calls = [(s, g, n, m) for t, s, g, n, m in found if t == "CONSULT"]
    assert len(calls) == 1
    source, target, negated, mode = calls[0]
    assert {source, target} == {"RUSGOV", "CHNGOV"}
    assert negated is False
    assert mode == "phone"


def test_a_subject_mentioned_in_a_speech_is_no_meeting(engine) -> None:
    found = coded(engine, "Le président Emmanuel Macron a évoqué mardi devant les ambassadeurs la situation en "
                          "Ukraine.", date(2024, 3, 19))
    assert [t for t, *_ in found if t == "CONSULT"] == []
