"""French threats, warnings, ultimatums and demands in wire wording: a closing present
participle of speech misread as a noun (", menaçant d'annexer …", ", avertissant que …"), a
name after a weekday read as an adjective or a complement ("a sommé mercredi Taipei de …",
"a exhorté samedi Caracas à …"), what a warning says hung as an adverbial clause, the
"faute de quoi" consequence of an ultimatum, a demand taken up by a resumptive noun ("une
exigence aussitôt rejetée par …"), and a state threatening or summoning its own people. Texts
written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads_with_negation

PUBLISHED = date(2024, 10, 20)
events = partial(coded_dyads_with_negation, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Premier ministre arménien a dénoncé jeudi les manœuvres azerbaïdjanaises, menaçant de saisir la "
     "justice internationale contre Bakou.", ("THREATEN", "ARMGOV", "AZE", False)),
    ("La Chine a annoncé de nouvelles manœuvres autour de Taïwan, avertissant que Taipei serait tenu pour "
     "responsable de toute escalade.", ("THREATEN", "CHN", "TWN", False)),
    ("Washington a exhorté jeudi Pyongyang à retirer ses soldats de Russie, avertissant que les troupes "
     "nord-coréennes seraient des « cibles légitimes ».", ("THREATEN", "USA", "PRKMIL", False)),
])
def test_a_closing_participle_of_speech_read_as_a_noun_is_the_speakers_act(engine, text, expected) -> None:
    assert expected in events(engine, text)


def test_the_warner_is_the_subject_of_the_main_verb_not_of_its_complement(engine) -> None:
    found = events(engine, "Washington a exhorté jeudi Pyongyang à retirer ses soldats de Russie, avertissant "
                           "que les troupes nord-coréennes seraient des « cibles légitimes ».")
    assert ("REQUEST", "USA", "PRK", False) in found
    assert not any(t == "THREATEN" and s and s.startswith("PRK") for t, s, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Pékin a sommé mercredi Taipei de renoncer à toute velléité d'indépendance.", ("REQUEST", "CHN", "TWN", False)),
    ("Washington a exhorté samedi Caracas à publier les résultats détaillés du scrutin.",
     ("REQUEST", "USA", "VEN", False)),
    ("Paris a appelé mardi Bamako à libérer les otages.", ("REQUEST", "FRA", "MLI", False)),
])
def test_a_name_after_a_weekday_is_the_one_asked(engine, text, expected) -> None:
    assert expected in events(engine, text)


def test_what_a_warning_says_is_not_coded_even_hung_as_an_adverbial(engine) -> None:
    found = events(engine, "Le maître du Kremlin a averti mercredi que les pays occidentaux qui autoriseraient "
                           "Kiev à frapper le territoire russe avec leurs missiles deviendraient des « cibles "
                           "légitimes ».")
    assert ("THREATEN", "RUSGOV", None, False) in found
    assert not any(t == "ASSAULT" for t, _, _, _ in found)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Le Premier ministre hongrois Viktor Orban a exigé vendredi que Bruxelles débloque les fonds européens "
     "destinés à la Hongrie, faute de quoi Budapest bloquerait l'aide à l'Ukraine.",
     ("REQUEST", "HUNGOV", "IGOEU", False), "REJECT"),
    ("Le président turc a exigé que Stockholm extrade les militants kurdes, faute de quoi Ankara bloquerait "
     "l'adhésion de la Suède à l'Otan.", ("REQUEST", "TURGOV", "SWE", False), "COOPERATE"),
])
def test_the_consequence_and_the_demanded_act_of_an_ultimatum_are_not_acts(engine, text, expected, absent) -> None:
    found = events(engine, text)
    assert expected in found
    assert not any(t == absent for t, _, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("La Serbie a réclamé jeudi le retour de ses forces de sécurité au Kosovo, une demande aussitôt rejetée "
     "par Pristina.", ("REJECT", "XKX", "SRB", False)),
    ("Le Kenya a réclamé le retrait des soldats rwandais de l'est de la RDC, une exigence aussitôt rejetée "
     "par Kigali.", ("REJECT", "RWA", "KEN", False)),
    ("L'armée israélienne a sommé vendredi les habitants du nord de Gaza de partir vers le sud, une injonction "
     "dénoncée par l'ONU.", ("ACCUSE", "IGOUN", "ISRMIL", False)),
])
def test_a_demand_taken_up_by_a_noun_draws_the_reaction(engine, text, expected) -> None:
    assert expected in events(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le gouvernement géorgien a averti les manifestants qu'ils seraient poursuivis.",
     ("THREATEN", "GEOGOV", "GEOCVL", False)),
    ("Le ministère vénézuélien de l'Intérieur a sommé les manifestants de quitter les places de Caracas.",
     ("REQUEST", "VENGOV", "VENCVL", False)),
])
def test_a_state_threatening_or_summoning_its_own_people(engine, text, expected) -> None:
    assert expected in events(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le ministre israélien de la Défense a ordonné lundi un « siège complet » de la bande de Gaza, menaçant de "
     "couper l'électricité, la nourriture et le carburant.", ("THREATEN", "ISRMIL", "PSE", False)),
    ("Le gouvernement burkinabè a sommé les partis politiques de cesser toute activité, menaçant de poursuites "
     "ceux qui contreviendraient à l'interdiction.", ("THREATEN", "BFAGOV", "BFAOPP", False)),
    ("Le Japon a convoqué l'ambassadeur chinois, menaçant de représailles.", ("THREATEN", "JPN", "CHNGOV", False)),
])
def test_a_closing_threat_participle_speaks_for_the_clause_subject_against_its_object(engine, text, expected) -> None:
    found = events(engine, text)
    assert expected in found
    assert not any(t == "THREATEN" and s == expected[2] for t, s, _, _ in found)


def test_what_the_condition_of_a_threat_supposes_is_no_act(engine) -> None:
    found = events(engine, "Dans son discours au Parlement, le président russe a menacé les Occidentaux d'une "
                           "riposte si des missiles à longue portée étaient livrés à Kiev.")
    assert any(t == "THREATEN" and s == "RUSGOV" for t, s, _, _ in found)
    assert not any(t == "AID" for t, _, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Kremlin a nié vendredi avoir menacé la Finlande.", ("THREATEN", "RUSGOV", "FIN", True)),
    ("Pékin a démenti lundi avoir menacé les Philippines de représailles.", ("THREATEN", "CHN", "PHL", True)),
])
def test_a_threat_denied_after_a_weekday_is_a_negated_threat(engine, text, expected) -> None:
    assert expected in events(engine, text)


def test_a_warning_that_a_disease_will_spread_threatens_no_one(engine) -> None:
    found = events(engine, "L'Organisation mondiale de la santé a averti jeudi que la variole du singe pourrait "
                           "gagner d'autres continents dans les prochains mois.")
    assert not any(t == "THREATEN" for t, _, _, _ in found)


def test_a_warning_that_names_who_will_pay_stays_a_threat(engine) -> None:
    assert ("THREATEN", "RUSGOV", "IGONATO", False) in events(
        engine, "Le Kremlin a averti que l'Otan paierait le prix de son escalade.")


def test_putschists_are_the_armed_forces_of_their_country(engine) -> None:
    assert ("ACCUSE", "NERMIL", "FRA", False) in events(
        engine, "Les putschistes nigériens ont accusé la France de préparer une intervention militaire.")
