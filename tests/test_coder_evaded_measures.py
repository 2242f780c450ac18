"""A sanction or an embargo named as what someone gets round or breaks ("contourner les
sanctions", "evade US sanctions") is background: the measure's author does nothing to anyone in
that sentence. Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date

from factories import coded_events
from tocsin.pipeline import Engine


def events(engine: Engine, text: str, language: str) -> set[tuple[str, str | None, str | None, bool]]:
    return {(e.type, e.source.code if e.source else None, e.target.code if e.target else None, e.negated)
            for e in coded_events(engine, text, language, date(2024, 6, 1))}


def test_sanctions_got_round_are_no_sanction(engine) -> None:
    found = events(engine, "La Russie contourne les sanctions occidentales grâce à une flotte fantôme de pétroliers.",
                   "fr")
    assert not any(t == "SANCTION" for t, *_ in found)


def test_sanctions_escaped_are_no_sanction_of_their_author(engine) -> None:
    found = events(engine, "Des sociétés chinoises sont soupçonnées d'aider Moscou à échapper aux sanctions "
                           "américaines.", "fr")
    assert not any(t == "SANCTION" for t, *_ in found)


def test_the_noun_of_evasion_governs_the_measure(engine) -> None:
    found = events(engine, "Le contournement des sanctions par l'Iran inquiète Washington.", "fr")
    assert not any(t == "SANCTION" for t, *_ in found)


def test_sanctions_imposed_are_still_coded(engine) -> None:
    assert ("SANCTION", "IGOEU", "RUS", False) in events(
        engine, "L'UE a adopté de nouvelles sanctions contre la Russie.", "fr")


def test_english_evasion(engine) -> None:
    found = events(engine, "Russia has circumvented Western sanctions through a shadow fleet of tankers.", "en")
    assert not any(t == "SANCTION" for t, *_ in found)
    found = events(engine, "The EU imposed sanctions on three Chinese firms accused of sanctions evasion.", "en")
    assert ("SANCTION", "IGOEU", "CHNBUS", False) in found
