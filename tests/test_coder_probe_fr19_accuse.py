"""French condemnations of a killing or an attack in fresh wire copy: with no author named, by
"par" or by a nationality adjective, the victim or the place of the act is not the one accused;
with its author named, the author is. Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date

from factories import coded_events
from tocsin.pipeline import Engine

PUBLISHED = date(2024, 7, 15)


def accusations(engine: Engine, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.code if e.source else None, e.target.country if e.target else None)
            for e in coded_events(engine, text, "fr", PUBLISHED) if e.type == "ACCUSE"}


def test_a_condemned_assassination_attempt_does_not_accuse_its_victim(engine) -> None:
    found = accusations(engine, "Le président Biden a condamné la tentative d'assassinat contre Donald Trump "
                                "lors d'un meeting en Pennsylvanie.")
    assert ("USAGOV", "USA") not in found


def test_a_condemned_act_with_its_author_after_par_accuses_the_author(engine) -> None:
    found = accusations(engine, "L'OTAN a condamné la violation de l'espace aérien polonais par des drones russes.")
    assert any(target == "RUS" for _, target in found)
