"""French wire copy about armed conflict and coercion: transnational jihadist groups are the
rebels of the country where they fight, Tunisia's National Guard is its police, and
look-alikes of attacks (commemorations, sport, accidents) give no event. Texts written for
these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_countries_with_negation, coded_dyads_with_negation, coded_events

PUBLISHED = date(2025, 6, 10)
events = partial(coded_dyads_with_negation, published=PUBLISHED)
countries = partial(coded_countries_with_negation, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Une dizaine de gendarmes maliens ont été tués dans une attaque du JNIM à Gao.",
     ("ASSAULT", "MLIREB", "MLICOP", False)),
    ("Le JNIM a revendiqué l'embuscade contre un convoi de l'armée burkinabè près de Djibo.",
     ("ASSAULT", "BFAREB", "BFAMIL", False)),
    ("Des combattants de l'Iswap ont tué douze agriculteurs dans l'État de Borno.",
     ("ASSAULT", "NGAREB", "NGACVL", False)),
])
def test_a_transnational_jihadist_group_is_the_rebels_of_the_country_where_it_fights(engine, text, expected) -> None:
    found = events(engine, text)
    assert expected in found
    assert not any(code and code.startswith("IMG") for e in found for code in e[1:3])


def test_tunisia_national_guard_is_police(engine) -> None:
    found = events(engine, "La Garde nationale tunisienne a arrêté lundi une quinzaine de passeurs présumés "
                           "près de Sfax.")
    assert any(e[0] == "COERCE" and e[1] == "TUNCOP" for e in found)


def test_a_series_of_strikes_is_strikes(engine) -> None:
    found = events(engine, "L'aviation israélienne a mené dans la nuit une série de frappes contre des positions du "
                           "Hezbollah dans le sud du Liban.")
    assert ("ASSAULT", "ISRMIL", "LBNREB", False) in found


def test_a_series_about_attacks_is_no_event(engine) -> None:
    assert not events(engine, "Une série consacrée aux attentats de 2015 sera diffusée jeudi soir sur France 2.")


@pytest.mark.parametrize(("text", "a", "b"), [
    ("De violents combats opposent depuis mardi l'armée congolaise aux rebelles du M23 au nord de Goma.",
     "CODMIL", "CODREB"),
    ("Des affrontements ont opposé dimanche l'armée soudanaise aux Forces de soutien rapide à Omdourman.",
     "SDNMIL", "SDNREB"),
    ("Des combats ont éclaté samedi à la frontière entre l'Afghanistan et le Pakistan.", "AFG", "PAK"),
])
def test_fighting_whose_sides_the_verb_names_is_one_attack_per_side(engine, text, a, b) -> None:
    found = events(engine, text)
    assert ("ASSAULT", a, b, False) in found
    assert ("ASSAULT", b, a, False) in found


def test_a_dispute_that_opposes_two_states_is_no_attack(engine) -> None:
    assert not any(e[0] == "ASSAULT" for e in events(engine, "Un différend frontalier oppose le Bénin au Niger."))


@pytest.mark.parametrize(("text", "expected"), [
    ("L'armée russe a affirmé lundi avoir repris le village de Sverdlikovo aux forces ukrainiennes.",
     ("ASSAULT", "RUS", "UKR", False)),
    ("Les jihadistes ont repris la localité de Ménaka aux forces maliennes, selon des sources locales.",
     ("ASSAULT", "MLI", "MLI", False)),
    ("L'armée soudanaise a annoncé samedi la reprise de la ville de Sinja.", ("ASSAULT", "SDN", None, False)),
])
def test_retaking_a_town_is_an_attack_on_whoever_held_it(engine, text, expected) -> None:
    assert expected in countries(engine, text)


def test_retaking_a_town_of_ones_own_country_strikes_no_civilians(engine) -> None:
    found = events(engine, "L'armée ukrainienne a repris la ville de Kherson.")
    assert ("ASSAULT", "UKRMIL", None, False) in found
    assert not any(e[2] == "UKRCVL" for e in found)


@pytest.mark.parametrize("text", [
    "Des centaines de personnes se sont rassemblées à Buenos Aires pour commémorer l'attentat contre l'AMIA.",
    "Dans les villages proches du front, les habitants vivent toujours sous la menace des bombardements.",
    "L'attaque de l'équipe de France a encore déçu samedi face à la Belgique.",
    "L'explosion d'une citerne de gaz a fait au moins douze morts mardi dans une zone industrielle près de Lagos.",
    "Le Gabon, où l'armée a pris le pouvoir par un coup d'État en 2023, organisera samedi sa première "
    "élection présidentielle.",
])
def test_look_alikes_of_conflict_give_no_event(engine, text) -> None:
    assert not events(engine, text)


def test_a_gathering_to_protest_is_still_a_protest(engine) -> None:
    found = events(engine, "Des milliers de personnes se sont rassemblées à Tbilissi pour dénoncer la loi sur les "
                           "agents étrangers.")
    assert any(e[0] == "PROTEST" for e in found)


def test_a_withdrawal_under_an_agreement_is_not_leaving_the_agreement(engine) -> None:
    found = events(engine, "Les États-Unis retireront d'ici septembre 2026 leurs troupes d'Irak, selon un accord "
                           "conclu avec Bagdad.")
    assert not any(e[0] == "SANCTION" for e in found)


@pytest.mark.parametrize(("text", "first", "second"), [
    ("L'armée israélienne a frappé des positions du Hezbollah dans le sud du Liban, dont un dépôt appartenant "
     "au Hamas.", ("ASSAULT", "ISR", "LBN", False), ("ASSAULT", "ISR", "PSE", False)),
    ("Des hommes armés ont enlevé une vingtaine de personnes dans le nord du Nigeria, dont deux ressortissants "
     "chinois.", ("ASSAULT", None, "NGA", False), ("ASSAULT", None, "CHN", False)),
])
def test_a_recipient_singled_out_by_dont_is_a_recipient_too(engine, text, first, second) -> None:
    found = countries(engine, text)
    assert first in found
    assert second in found


def test_towns_singled_out_by_dont_add_no_recipient(engine) -> None:
    found = countries(engine, "L'armée russe a frappé lundi les infrastructures énergétiques de plusieurs villes "
                              "ukrainiennes, dont Kiev, Lviv et Dnipro.")
    assert found == {("ASSAULT", "RUS", "UKR", False)}


@pytest.mark.parametrize(("text", "first", "second"), [
    ("La justice française a émis des mandats d'arrêt contre le président syrien Bachar al-Assad et son frère "
     "Maher, commandant de la 4e division.", "SYRGOV", "SYRMIL"),
    ("Un juge argentin a émis des mandats d'arrêt contre le président iranien Massoud Pezeshkian et son "
     "ministre de la Défense.", "IRNGOV", "IRNMIL"),
])
def test_each_co_accused_of_a_warrant_is_a_recipient(engine, text, first, second) -> None:
    targets = {e.target.code for e in coded_events(engine, text, "fr", date(2024, 11, 15))
               if e.type == "THREATEN" and e.target is not None}
    assert {first, second} <= targets


def test_the_agent_of_an_attack_hung_on_its_object_is_the_attacker(engine) -> None:
    found = countries(engine, "Des renforts ont été envoyés au Baloutchistan après l'attaque d'un train de voyageurs "
                              "par des séparatistes baloutches.")
    assert any(e[0] == "ASSAULT" and e[1] == "PAK" for e in found)
    assert not any(e[0] == "ASSAULT" and e[1] is None and e[2] == "PAK" for e in found)


def test_the_one_sentenced_in_absentia_is_the_recipient(engine) -> None:
    found = events(engine, "Un tribunal de Moscou a condamné lundi par contumace un journaliste de la BBC à dix ans "
                           "de prison.")
    assert ("SANCTION", "RUSJUD", "GBRMED", False) in found
