"""French wire copy that borrows the words of conflict for things that are no political act
(annotation guideline §8): figures of speech ("une attaque verbale", "une offensive
diplomatique"), faits divers whose only victims are private people, protests recalled by
their year, heat waves, a product whose sale is suspended. Beside each, the act the same
words name when political actors do it stays coded. Texts written for these tests, coded
on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads

PUBLISHED = date(2025, 3, 12)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize("text", [
    "Le chef de file des députés LR a essuyé une attaque verbale de son propre camp lors de la réunion du groupe.",
    "La France a lancé une offensive diplomatique contre la Russie.",
    "Le Premier ministre a lancé une offensive de charme auprès des élus locaux.",
])
def test_figures_of_speech_are_no_attack(engine, text) -> None:
    assert not {d for d in dyads(engine, text) if d[0] == "ASSAULT"}


def test_a_real_offensive_stays_an_attack(engine) -> None:
    assert ("ASSAULT", "RUS", "UKR") in {(t, s and s[:3], g and g[:3]) for t, s, g in dyads(
        engine, "La Russie a lancé une vaste offensive contre l'Ukraine dans la région de Kharkiv.")}


@pytest.mark.parametrize("text", [
    "Un homme a été tué par balles dans la nuit de samedi à dimanche dans un quartier nord de Marseille.",
    "Un homme de 45 ans a été arrêté après avoir poignardé son voisin à Toulouse.",
])
def test_a_fait_divers_is_no_attack(engine, text) -> None:
    assert not {d for d in dyads(engine, text) if d[0] == "ASSAULT"}


def test_a_civilian_killed_in_a_strike_is_still_attacked(engine) -> None:
    found = dyads(engine, "Un homme a été tué lors d'un bombardement à Kharkiv.")
    assert ("ASSAULT", None, "UKR") in found


def test_a_heat_wave_strikes_no_one(engine) -> None:
    assert dyads(engine, "Israël a été frappé par une vague de chaleur exceptionnelle, avec 44 degrés à Eilat.") == set()


def test_a_protest_recalled_by_its_year_is_background(engine) -> None:
    found = dyads(engine, "Le président sénégalais a gracié samedi plusieurs centaines de détenus, "
                          "dont des opposants arrêtés lors des manifestations de 2023.")
    assert {t for t, _, _ in found} == {"CONCEDE"}
    assert ("CONCEDE", "SENGOV", "SENCVL") in found


def test_a_protest_of_the_day_is_coded(engine) -> None:
    found = dyads(engine, "Le président sénégalais a gracié samedi des opposants arrêtés lors des manifestations de mardi.")
    assert "PROTEST" in {t for t, _, _ in found}


def test_suspending_a_sale_is_no_sanction(engine) -> None:
    assert dyads(engine, "Le gouvernement français a décidé de suspendre la vente de ce modèle de téléphone.") == set()


def test_suspending_a_member_stays_a_sanction(engine) -> None:
    assert ("SANCTION", "IGOAU", "GAB") in dyads(
        engine, "L'Union africaine a suspendu le Gabon de toutes ses activités.")


def test_live_fire_in_a_drill_is_the_drill(engine) -> None:
    found = dyads(engine, "L'armée chinoise a mené des exercices à tirs réels autour de Taïwan, "
                          "a annoncé le commandement du théâtre oriental.")
    assert {t for t, _, _ in found} == {"MOBILIZE"}
    assert ("MOBILIZE", "CHNMIL", "TWN") in found


def test_artillery_fire_stays_an_attack(engine) -> None:
    assert "ASSAULT" in {t for t, _, _ in dyads(engine, "L'armée russe a mené des tirs d'artillerie sur Kharkiv.")}


def test_a_player_sent_off_is_sport(engine) -> None:
    assert dyads(engine, "Le défenseur marocain a été expulsé à la 60e minute après un tacle dangereux.") == set()


def test_the_affair_named_by_a_case_is_no_aid(engine) -> None:
    found = dyads(engine, "L'ancien président Nicolas Sarkozy a été condamné mardi à cinq ans de prison ferme "
                          "par le tribunal correctionnel de Paris dans l'affaire du financement libyen.")
    assert not {d for d in found if d[0] == "AID"}
    # the one sentenced is named; no other country of the text stands in for him
    assert not {d for d in found if d[2] == "LBY"}


def test_first_place_of_a_ranking_is_no_occupation(engine) -> None:
    assert dyads(engine, "L'Italie occupe la première place du classement.") == set()
    assert ("COERCE", "RUSMIL", "UKR") in dyads(engine, "L'armée russe occupe la ville de Koupiansk depuis mardi.")


@pytest.mark.parametrize("text", [
    "La France a déclaré la guerre aux punaises de lit : le gouvernement présentera un plan d'action.",
    "Le Premier ministre a déclaré la guerre à la fraude fiscale.",
])
def test_war_declared_on_a_scourge_is_a_campaign(engine, text) -> None:
    assert dyads(engine, text) == set()


def test_war_declared_on_an_armed_group_is_a_threat(engine) -> None:
    assert ("THREATEN", "ISR", "PSEREB") in dyads(engine, "Israël a déclaré la guerre au Hamas après l'attaque du 7 octobre.")


@pytest.mark.parametrize("text", [
    "Si la Russie attaquait un pays balte, l'OTAN devrait réagir, estiment les experts.",
    "Et si Pékin attaquait Taïwan ?",
])
def test_an_attack_supposed_by_si_is_no_event(engine, text) -> None:
    assert dyads(engine, text) == set()


def test_a_threat_on_a_condition_stays_a_threat(engine) -> None:
    found = dyads(engine, "Kim Yo-jong a menacé Séoul d'un désastre si de nouveaux drones sud-coréens étaient repérés.")
    assert found == {("THREATEN", "PRKGOV", "KOR")}


def test_a_feared_offensive_is_a_forecast(engine) -> None:
    assert dyads(engine, "Les Ukrainiens redoutent une nouvelle offensive russe cet été.") == set()


def test_a_strike_supposed_in_the_conditional_is_no_attack(engine) -> None:
    found = dyads(engine, "Une frappe sur les installations nucléaires iraniennes aurait des conséquences "
                          "désastreuses, a averti l'AIEA.")
    assert not {d for d in found if d[0] == "ASSAULT"}


def test_a_visit_in_the_conditional_stays_an_offer(engine) -> None:
    found = dyads(engine, "Une visite de Macron à Pékin pourrait avoir lieu en mai.")
    assert ("AGREE", "FRAGOV", "CHN") in found


@pytest.mark.parametrize("text", [
    "Les cyberattaques contre les hôpitaux français ont doublé en 2023, selon l'Anssi.",
    "Les attaques de requins se multiplient sur l'île de La Réunion.",
])
def test_a_count_of_attacks_is_a_statistic(engine, text) -> None:
    assert dyads(engine, text) == set()


def test_strikes_that_killed_stay_attacks(engine) -> None:
    found = dyads(engine, "Les frappes russes ont fait plus de 10 000 morts civils depuis le début de la guerre, selon l'ONU.")
    assert "ASSAULT" in {t for t, _, _ in found}
