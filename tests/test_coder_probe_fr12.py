"""French actors named in varied ways: an attack noun that is the subject of a targeting verb
strikes the verb's object or the place it names, and names of the knowledge base (groups,
regions, capitals) resolve to their country. Texts written for these tests, coded on the
real model."""

from __future__ import annotations

from datetime import date

import pytest

from factories import coded_dyads, coded_events, country_triples
from tocsin.pipeline import Engine

PUBLISHED = date(2025, 6, 18)


def dyads(engine: Engine, text: str) -> set[tuple[str, str | None, str | None]]:
    return coded_dyads(engine, text, "fr", PUBLISHED)  # ``engine``: the session's (conftest.py)


def countries(engine: Engine, text: str) -> set[tuple[str, str | None, str | None]]:
    return country_triples(coded_events(engine, text, "fr", PUBLISHED))


@pytest.mark.parametrize(("text", "expected"), [
    ("Des frappes ont visé Mykolaïv dans la nuit.", ("ASSAULT", None, "UKR")),
    ("Une frappe aérienne a visé un marché à Nyala.", ("ASSAULT", None, "SDN")),
    ("Des bombardements israéliens ont visé le sud de Gaza mercredi.", ("ASSAULT", "ISR", "PSE")),
    ("Une frappe de missiles russes a touché un entrepôt à Dnipro, faisant deux blessés.",
     ("ASSAULT", "RUS", "UKR")),
    ("Des tirs pakistanais ont visé un poste frontière afghan.", ("ASSAULT", "PAK", "AFG")),
    ("Un raid turc a touché un village du nord de l'Irak.", ("ASSAULT", "TUR", "IRQ")),
])
def test_an_attack_as_subject_strikes_the_object_of_its_verb(engine, text, expected) -> None:
    assert expected in countries(engine, text)


def test_the_weapons_of_an_attack_as_subject_are_not_its_target(engine) -> None:
    found = countries(engine, "Une frappe de drones russes a touché un immeuble à Soumy.")
    assert ("ASSAULT", "RUS", "UKR") in found
    assert not any(t == "ASSAULT" and target == "RUS" for t, _, target in found)


def test_an_attack_as_subject_of_an_object_that_names_an_armed_group(engine) -> None:
    assert ("ASSAULT", "USA", "YEMREB") in dyads(
        engine, "Une frappe américaine a visé un dépôt tenu par les Houthis près de Sanaa.")
