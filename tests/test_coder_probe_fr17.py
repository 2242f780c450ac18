"""French wire copy about crowds and denials: the police dispersing a crowd acts on the crowd,
while a crowd that disperses of itself undergoes nothing; a party denying any part in an
attack denies the attack, coded negated with the denier as its source (guideline §5), while
denying reports or accusations stays a rejection. Texts written for these tests, coded on the
real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads, coded_events

PUBLISHED = date(2025, 11, 20)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("La police kényane a dispersé les manifestants à coups de gaz lacrymogène à Nairobi.", "KENCOP", "KENCVL"),
    ("Les forces de l'ordre sénégalaises ont dispersé un rassemblement de l'opposition à Dakar.", "SENCOP", "SENOPP"),
    ("La police togolaise a dispersé la foule devant le siège du parti.", "TGOCOP", "TGOCVL"),
    ("La gendarmerie guinéenne a dispersé une marche de l'opposition à Conakry.", "GINCOP", "GINOPP"),
])
def test_dispersing_a_crowd_acts_on_the_crowd(engine, text, source, target) -> None:
    # the guideline codes dispersal without weapons as COERCE; the lexicon still reads it as
    # crowd control (ASSAULT), which gold accepts beside COERCE when force is used
    acts = {(s, g) for t, s, g in dyads(engine, text) if t in ("ASSAULT", "COERCE")}
    assert acts == {(source, target)}


def test_the_crowd_dispersed_still_protested(engine) -> None:
    found = dyads(engine, "Les forces de l'ordre sénégalaises ont dispersé un rassemblement de l'opposition à Dakar.")
    assert ("PROTEST", "SENOPP", "SENGOV") in found


@pytest.mark.parametrize("text", [
    "La manifestation s'est dispersée dans le calme à Dakar.",
    "Les manifestants kényans se sont dispersés en fin de journée.",
    "Le cortège s'est dispersé sans incident à Paris.",
])
def test_a_crowd_that_disperses_of_itself_is_not_coerced(engine, text) -> None:
    assert not any(t in ("COERCE", "ASSAULT") for t, _, _ in dyads(engine, text))


def test_shooting_at_protesters_stays_an_assault(engine) -> None:
    assert ("ASSAULT", "KENCOP", "KENCVL") in dyads(engine, "La police kényane a tiré à balles réelles sur les manifestants.")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Le Hezbollah a démenti toute implication dans l'attaque contre Israël.", "LBNREB", "ISR"),
    ("L'Iran a démenti toute responsabilité dans l'attentat contre l'ambassade d'Israël.", "IRN", "ISRGOV"),
    ("Moscou a nié toute implication dans l'attaque contre l'Ukraine.", "RUS", "UKR"),
    ("Le Rwanda a démenti toute participation à l'attaque contre la RDC.", "RWA", "COD"),
])
def test_denying_a_part_in_an_attack_denies_the_attack(engine, text, source, target) -> None:
    events = coded_events(engine, text, "fr", PUBLISHED)
    assert not any(e.type == "REJECT" for e in events)
    denied = [e for e in events if e.type == "ASSAULT"]
    assert [(e.source.code, e.target.code, e.negated) for e in denied] == [(source, target, True)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Kremlin a démenti les accusations de Kiev.", ("REJECT", "RUSGOV", "UKR")),
    ("Moscou a démenti les informations de la presse ukrainienne.", ("REJECT", "RUS", "UKRMED")),
])
def test_denying_reports_or_accusations_stays_a_rejection(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_claiming_an_attack_is_the_attack_asserted(engine) -> None:
    events = coded_events(engine, "L'Iran a revendiqué l'attaque contre Israël.", "fr", PUBLISHED)
    assert [(e.type, e.source.code, e.target.code, e.negated) for e in events] == [("ASSAULT", "IRN", "ISR", False)]
