"""Language identification."""

from __future__ import annotations

import pytest

from tocsin.nlp.langid import DETECTED, MAX_CHARS, SUPPORTED, detect_language


@pytest.mark.parametrize(("text", "expected"), [
    ("Le ministre des Affaires étrangères a rencontré hier son homologue chinois à Pékin "
     "pour discuter de la guerre en Ukraine.", "fr"),
    ("The foreign minister met his Chinese counterpart in Beijing on Tuesday to discuss "
     "the war in Ukraine.", "en"),
    ("Der Außenminister traf am Dienstag seinen chinesischen Amtskollegen in Peking, um "
     "über den Krieg in der Ukraine zu sprechen.", "de"),
    ("El ministro de Asuntos Exteriores se reunió el martes con su homólogo chino en Pekín "
     "para hablar de la guerra en Ucrania.", "es"),
    ("Министр иностранных дел встретился во вторник со своим китайским коллегой в Пекине.", "ru"),
])
def test_detects_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_unsupported_language_is_reported_as_itself() -> None:
    code = detect_language("Die Regierung kündigte neue Sanktionen gegen Russland an.")
    assert code == "de"
    assert code not in SUPPORTED


@pytest.mark.parametrize("text", ["", "   ", "Paris", "OK !", "12 345 678", "—" * 50])
def test_too_short_or_unclear_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_only_the_start_is_read() -> None:
    french = "La France a condamné l'attaque et appelé à la retenue. " * 60
    english = "The United States condemned the attack and called for restraint. " * 200
    assert len(french) > MAX_CHARS
    assert detect_language(french + english) == "fr"


def test_constants() -> None:
    assert SUPPORTED == ("en", "fr")
    assert set(SUPPORTED) <= set(DETECTED)
