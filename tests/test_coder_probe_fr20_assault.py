"""French war news in fresh wire copy: fighting between two sides is one attack per side, people
killed in an exchange of fire or under a foreign missile were hit by the other side, and a
casualty count ("27 Palestiniens") names no organisation. Texts written for these tests, coded
on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_countries_with_negation, coded_dyads_with_negation, coded_types

PUBLISHED = date(2025, 6, 10)
events = partial(coded_dyads_with_negation, published=PUBLISHED)
countries = partial(coded_countries_with_negation, published=PUBLISHED)
types_of = partial(coded_types, published=PUBLISHED)


@pytest.mark.parametrize(("text", "a", "b"), [
    ("Des affrontements entre l'armée soudanaise et les Forces de soutien rapide ont fait des dizaines de "
     "morts ce week-end à El-Fasher, selon Médecins sans frontières.", "SDNMIL", "SDNREB"),
    ("Les combats entre le Hamas et Israël ont repris mardi dans le nord de la bande de Gaza.", "PSEREB", "ISR"),
    ("L'Inde et le Pakistan se sont affrontés dans la nuit le long de la ligne de contrôle au Cachemire.",
     "IND", "PAK"),
])
def test_fighting_between_two_sides_is_one_attack_per_side(engine, text, a, b) -> None:
    found = events(engine, text)
    assert ("ASSAULT", a, b, False) in found
    assert ("ASSAULT", b, a, False) in found


def test_talks_between_two_sides_stay_one_event(engine) -> None:
    found = events(engine, "Un entretien entre Emmanuel Macron et Vladimir Poutine a eu lieu lundi à Moscou.")
    assert len([e for e in found if e[0] == "CONSULT"]) == 1


@pytest.mark.parametrize(("text", "victims", "other"), [
    ("Un soldat indien a été tué dans un échange de tirs avec l'armée pakistanaise le long de la ligne de "
     "contrôle au Cachemire, a indiqué New Delhi.", "IND", "PAK"),
    ("Trois soldats ukrainiens ont été tués dans des combats avec les forces russes près de Pokrovsk.", "UKR", "RUS"),
])
def test_killed_in_an_exchange_of_fire_is_fighting_both_ways(engine, text, victims, other) -> None:
    found = countries(engine, text)
    assert ("ASSAULT", other, victims, False) in found
    assert ("ASSAULT", victims, other, False) in found
    assert ("ASSAULT", None, victims, False) not in found


def test_an_exchange_of_fire_is_an_attack_not_talks(engine) -> None:
    found = countries(engine, "L'armée indienne et l'armée pakistanaise ont eu un échange de tirs au Cachemire.")
    assert ("ASSAULT", "IND", "PAK", False) in found
    assert not any(t == "CONSULT" for t, *_ in found)


@pytest.mark.parametrize(("text", "attacker", "victims"), [
    ("Au moins huit personnes ont été tuées et une vingtaine blessées lorsqu'un missile russe s'est abattu sur "
     "un immeuble résidentiel de Dnipro, a indiqué le ministre ukrainien de l'Intérieur.", "RUS", "UKR"),
    ("Deux personnes ont été blessées par des débris de drones russes abattus au-dessus de Kiev.", "RUS", "UKR"),
])
def test_people_killed_under_a_foreign_weapon_were_hit_by_its_country(engine, text, attacker, victims) -> None:
    found = countries(engine, text)
    assert ("ASSAULT", attacker, victims, False) in found
    assert not any(t == "ASSAULT" and g == attacker for t, _, g, _ in found)


def test_downed_drones_of_the_subject_are_the_target_not_the_attacker(engine) -> None:
    found = countries(engine, "« 41 drones ukrainiens ont été interceptés et détruits au-dessus de la région de "
                              "Koursk », a affirmé mardi le ministère russe de la Défense.")
    assert ("ASSAULT", "RUS", "UKR", False) in found
    assert not any(t == "ASSAULT" and s == "UKR" for t, s, _, _ in found)


def test_a_casualty_count_names_no_organisation(engine) -> None:
    found = events(engine, "Au moins 27 Palestiniens ont été tués mardi dans des frappes israéliennes sur la bande "
                           "de Gaza, selon la Défense civile locale.")
    assert ("ASSAULT", "ISR", "PSE", False) in {(t, s, g[:3] if g else g, n) for t, s, g, n in found}
    assert not any(g == "IGOEU" or s == "IGOEU" for _, s, g, _ in found)


def test_the_27_after_an_article_still_name_the_union(engine) -> None:
    found = events(engine, "Les dirigeants des 27 ont adopté lundi un nouveau paquet de sanctions contre la Russie.")
    assert ("SANCTION", "IGOEU", "RUS", False) in found


def test_kfor_soldiers_are_nato(engine) -> None:
    found = events(engine, "Des heurts entre des soldats de la KFOR et des manifestants serbes ont fait plusieurs blessés "
                           "lundi à Zvecan.")
    assert any(t == "ASSAULT" and "IGONATO" in (s, g) for t, s, g, _ in found)


def test_a_meeting_struck_is_not_the_island_of_reunion(engine) -> None:
    found = events(engine, "Le Kremlin a affirmé que l'armée russe avait frappé une réunion de commandants "
                           "ukrainiens près de Soumy.")
    assert ("ASSAULT", "RUSMIL", "UKRMIL", False) in found
    assert not any(g and g.startswith("REU") for _, _, g, _ in found)


def test_la_reunion_still_names_the_island(engine) -> None:
    found = events(engine, "Le président comorien s'est rendu lundi à La Réunion.")
    assert any(t == "CONSULT" and g == "REU" for t, _, g, _ in found)


def test_an_embargo_extended_after_the_weekday_keeps_its_author(engine) -> None:
    found = events(engine, "Le Conseil de sécurité de l'ONU a prolongé vendredi d'un an l'embargo sur les armes "
                           "visant la Libye.")
    assert ("SANCTION", "IGOUN", "LBY", False) in found


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Des colons israéliens ont attaqué le village palestinien de Turmus Ayya, tuant un homme, selon le "
     "ministère palestinien de la Santé.", "ISR", "PSE"),
    ("Des colons israéliens ont tué un Palestinien lors d'une attaque contre le village de Sinjil.", "ISR", "PSE"),
])
def test_civilians_killing_are_no_riot(engine, text, source, target) -> None:
    found = countries(engine, text)
    assert ("ASSAULT", source, target, False) in found
    assert not any(t == "PROTEST" for t, *_ in found)


def test_protesters_setting_fire_are_still_a_riot(engine) -> None:
    found = countries(engine, "Des manifestants ont incendié une partie du Parlement à Nairobi.")
    assert any(t == "PROTEST" for t, *_ in found)
    assert not any(t == "ASSAULT" for t, *_ in found)


def test_downed_weapons_counted_are_the_launchers(engine) -> None:
    found = events(engine, "L'armée de l'air ukrainienne affirme avoir abattu 52 des 78 missiles et drones lancés "
                           "par la Russie dans la nuit.")
    assert ("ASSAULT", "UKRMIL", "RUS", False) in found
    assert ("ASSAULT", "UKRMIL", None, False) not in found


@pytest.mark.parametrize(("text", "attacker", "struck"), [
    ("Une frappe de missiles balistiques russes sur le centre de Soumy a fait au moins 34 morts dimanche, selon "
     "le ministère ukrainien de l'Intérieur.", "RUS", "UKR"),
    ("Une attaque de drones ukrainiens contre une raffinerie de la région de Riazan a provoqué un incendie.",
     "UKR", "RUS"),
])
def test_the_weapon_of_an_attack_noun_is_its_means(engine, text, attacker, struck) -> None:
    assert ("ASSAULT", attacker, struck, False) in countries(engine, text)


def test_a_downed_drone_is_what_was_hit(engine) -> None:
    found = countries(engine, "Les Houthis ont revendiqué samedi l'abattage d'un drone américain au-dessus de "
                              "la province de Hodeïda.")
    assert ("ASSAULT", "YEM", "USA", False) in found
    assert not any(t == "ASSAULT" and s == "USA" for t, s, _, _ in found)


@pytest.mark.parametrize("text", [
    "Pékin a porté à 84 % ses droits de douane sur les produits américains, ripostant à la nouvelle hausse des "
    "tarifs décidée par la Maison Blanche.",
    "L'Union européenne a adopté lundi son quinzième paquet de sanctions contre la Russie, ciblant la flotte "
    "fantôme de pétroliers.",
])
def test_a_measure_that_targets_or_answers_is_no_attack(engine, text) -> None:
    found = countries(engine, text)
    assert any(t == "SANCTION" for t, *_ in found)
    assert not any(t == "ASSAULT" for t, *_ in found)


def test_a_strike_answering_an_attack_is_still_one(engine) -> None:
    found = countries(engine, "Le Hezbollah a tiré une trentaine de roquettes sur le nord d'Israël, ripostant à la "
                              "frappe qui a tué un de ses commandants.")
    assert ("ASSAULT", "LBN", "ISR", False) in found


def test_what_a_country_is_authorised_to_strike_is_no_strike(engine) -> None:
    found = countries(engine, "Vladimir Poutine a confirmé le tir d'un nouveau missile sur Dnipro, menaçant les pays "
                              "occidentaux qui autorisent Kiev à frapper le territoire russe.")
    assert not any(t == "ASSAULT" and s == "UKR" for t, s, _, _ in found)


def test_an_organisation_suspending_its_own_work_sanctions_no_one(engine) -> None:
    found = types_of(engine, "Trois humanitaires ont été tués dans une frappe israélienne contre leur véhicule à "
                             "Rafah, a annoncé l'ONG, qui a suspendu ses opérations à Gaza.")
    assert "SANCTION" not in found
    assert "ASSAULT" in found


def test_suspending_cooperation_is_still_a_sanction(engine) -> None:
    assert ("SANCTION", "MLI", "FRA", False) in countries(engine, "Le Mali a suspendu sa coopération militaire avec "
                                                                  "la France.")


def test_rebels_fighting_their_own_army_after_the_clause(engine) -> None:
    found = events(engine, "Les rebelles du M23 se sont emparés de la ville de Bukavu après de violents combats avec "
                           "l'armée congolaise.")
    assert ("ASSAULT", "CODREB", "CODMIL", False) in found
    assert ("ASSAULT", "CODMIL", "CODREB", False) in found


@pytest.mark.parametrize(("text", "kind", "a", "b"), [
    ("L'armée indienne a échangé des tirs avec l'armée pakistanaise dans la nuit au Cachemire.", "ASSAULT",
     "IND", "PAK"),
    ("Israël a échangé samedi trois otages contre des prisonniers palestiniens avec le Hamas.", "RETREAT",
     "ISR", "PSE"),
])
def test_an_exchange_with_someone_goes_both_ways(engine, text, kind, a, b) -> None:
    found = countries(engine, text)
    assert (kind, a, b, False) in found
    assert (kind, b, a, False) in found

