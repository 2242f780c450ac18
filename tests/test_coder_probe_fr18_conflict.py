"""French wire copy about attacks, arrests, aid and claims: a verb of giving that names its
recipient before the thing given; a town or region an attack is launched "contre"; an arrest
of a private person that the place would otherwise turn into a political act; a plural
pronoun that takes up a plural subject; an attack claimed in the passive. Texts written for
these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads

PUBLISHED = date(2025, 11, 20)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("L'Allemagne a livré à l'Ukraine de nouveaux systèmes de défense antiaérienne Iris-T.", "DEU", "UKR"),
    ("Les États-Unis ont fourni à Israël des bombes de 900 kg.", "USA", "ISR"),
    ("Le Japon a envoyé au Bangladesh des tonnes de riz.", "JPN", "BGD"),
])
def test_the_thing_given_after_the_recipient_is_the_object(engine, text, source, target) -> None:
    assert ("AID", source, target) in dyads(engine, text)


def test_a_genitive_after_a_meeting_is_no_thing_given(engine) -> None:
    # "des ministres" belongs to the meeting: no verb of giving, nothing moved
    assert not any(t == "AID" for t, _, _ in dyads(engine, "La France a participé à la réunion des ministres."))


@pytest.mark.parametrize(("text", "source", "target"), [
    ("L'offensive russe contre la région de Soumy se poursuit, a déclaré mercredi Volodymyr Zelensky.", "RUS", "UKR"),
    ("Kiev a lancé une vaste attaque de drones contre la région de Belgorod dans la nuit de samedi.", "UKR", "RUS"),
    ("L'armée russe a lancé une attaque contre Kharkiv.", "RUSMIL", "UKR"),
    ("Israël a mené des frappes contre la ville de Rafah.", "ISR", "PSE"),
])
def test_a_place_attacked_stands_for_its_country(engine, text, source, target) -> None:
    assert ("ASSAULT", source, target) in dyads(engine, text)


@pytest.mark.parametrize("text", [
    "Un homme a été arrêté à Marseille après un vol.",
    "Un adolescent a été interpellé à Lyon pour des vols de scooters.",
])
def test_a_private_person_arrested_is_no_political_act(engine, text) -> None:
    assert not any(t == "COERCE" for t, _, _ in dyads(engine, text))


def test_an_opponent_arrested_in_a_capital_stays_coerced(engine) -> None:
    assert ("COERCE", "RUSGOV", "RUSOPP") in dyads(engine, "Un opposant a été arrêté à Moscou.")


def test_a_plural_pronoun_takes_up_the_plural_subject(engine) -> None:
    found = dyads(engine, "Les forces russes ont intensifié leurs attaques dans la région de Donetsk. "
                          "Elles ont bombardé la ville de Kostiantynivka pendant toute la nuit.")
    assert {(s, g) for t, s, g in found if t == "ASSAULT"} == {("RUSMIL", "UKR")}


def test_a_plural_pronoun_after_two_subjects_takes_both(engine) -> None:
    found = dyads(engine, "La Russie et la Chine ont signé un accord. Elles ont aussi condamné les États-Unis.")
    assert {("ACCUSE", "RUS", "USA"), ("ACCUSE", "CHN", "USA")} <= found


@pytest.mark.parametrize(("text", "source"), [
    ("L'attentat de Mogadiscio a été revendiqué par les shebab.", "SOMREB"),
    ("L'attentat suicide qui a tué quinze personnes à Mogadiscio a été revendiqué par les shebab.", "SOMREB"),
])
def test_an_attack_claimed_in_the_passive_is_the_claimants(engine, text, source) -> None:
    assert any(t == "ASSAULT" and s == source for t, s, _ in dyads(engine, text))


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Le gouvernement togolais a imposé un couvre-feu à Lomé.", "TGOGOV", "TGOCVL"),
    ("L'armée guinéenne a imposé un couvre-feu à Conakry.", "GINMIL", "GINCVL"),
])
def test_a_curfew_in_the_capital_is_on_the_states_own_people(engine, text, source, target) -> None:
    assert ("COERCE", source, target) in dyads(engine, text)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("La junte nigérienne a suspendu les activités de la BBC pour trois mois.", "NERGOV", "GBRMED"),
    ("Le Burkina Faso a suspendu la diffusion de RFI et de France 24.", "BFA", "FRAMED"),
])
def test_suspending_a_broadcaster_is_censorship(engine, text, source, target) -> None:
    found = dyads(engine, text)
    assert ("COERCE", source, target) in found
    assert not any(t == "SANCTION" for t, _, _ in found)


def test_adding_firms_to_a_list_blacklists_them(engine) -> None:
    found = dyads(engine, "Pékin a ajouté quinze entreprises américaines à sa liste de contrôle des exportations.")
    assert ("SANCTION", "CHN", "USABUS") in found


def test_adding_to_a_list_of_ingredients_is_no_event(engine) -> None:
    assert not dyads(engine, "Le chef a ajouté du sel à la liste des ingrédients.")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Des manifestants ont pris d'assaut l'ambassade de Suède à Bagdad.", "IRQCVL", "SWEGOV"),
    ("Des manifestants ont incendié l'ambassade de France à Kinshasa.", "CODCVL", "FRAGOV"),
])
def test_a_crowd_storming_an_embassy_is_the_crowd_of_the_place(engine, text, source, target) -> None:
    assert ("PROTEST", source, target) in dyads(engine, text)


def test_a_crowd_that_names_its_country_keeps_it(engine) -> None:
    found = dyads(engine, "Des manifestants suédois ont incendié l'ambassade de Suède à Bagdad.")
    assert ("PROTEST", "SWECVL", "SWEGOV") in found


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Un couvre-feu a été imposé mardi par l'armée guinéenne à Conakry.", "GINMIL", "GINCVL"),
    ("Un couvre-feu a été décrété à Goma par l'armée congolaise.", "CODMIL", "CODCVL"),
])
def test_a_curfew_imposed_in_the_passive_is_on_the_place(engine, text, source, target) -> None:
    assert ("COERCE", source, target) in dyads(engine, text)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Des exilés ukrainiens ont organisé un sit-in devant l'ambassade de Russie à Varsovie.", "UKRCVL", "RUSGOV"),
    ("Un sit-in a été organisé devant l'ambassade de Russie à Varsovie par des exilés ukrainiens.", "UKRCVL", "RUSGOV"),
    ("Des étudiants ont organisé une manifestation devant l'ambassade de France à Niamey.", "NERCVL", "FRAGOV"),
])
def test_a_protest_organised_before_an_embassy_is_aimed_at_its_state(engine, text, source, target) -> None:
    found = dyads(engine, text)
    assert ("PROTEST", source, target) in found
    assert not any(t == "ACCUSE" for t, _, _ in found)


@pytest.mark.parametrize("text", [
    "Pékin a imposé des restrictions à l'exportation de terres rares vers les États-Unis.",
    "Pékin a annoncé lundi de nouvelles restrictions à l'exportation de terres rares vers les États-Unis.",
])
def test_restrictions_on_exports_are_a_sanction(engine, text) -> None:
    found = dyads(engine, text)
    assert ("SANCTION", "CHN", "USA") in found
    assert not any(t == "COERCE" for t, _, _ in found)


def test_restrictions_on_the_press_are_no_sanction(engine) -> None:
    found = dyads(engine, "Les autorités russes ont imposé des restrictions à la liberté de la presse.")
    assert not any(t == "SANCTION" for t, _, _ in found)
