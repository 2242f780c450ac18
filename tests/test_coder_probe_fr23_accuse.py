"""French accusations, demands, threats, sanctions and protests in fresh wire copy: a subject
of a compound past with "avoir" is no passive subject, "s'est abstenu de condamner" negates the
condemnation, and "sans" before an infinitive negates it (so "sans exclure la force" threatens).
Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

from factories import coded_dyads_with_negation

events = partial(coded_dyads_with_negation, published=date(2024, 8, 1))


def test_a_criticism_after_a_weekday_keeps_its_speaker(engine) -> None:
    found = events(engine, "Le chef de la diplomatie hongroise a sévèrement critiqué mardi la Pologne pour son "
                           "soutien aux sanctions européennes.", published=date(2024, 3, 5))
    assert ("ACCUSE", "HUNGOV", "POL", False) in found
    assert not any(s == "POL" for _, s, _, _ in found)


def test_abstaining_from_condemning_negates_the_condemnation(engine) -> None:
    found = events(engine, "Le Brésil s'est abstenu de condamner l'annexion de la Crimée par la Russie.",
                   published=date(2014, 3, 28))
    assert ("ACCUSE", "BRA", "RUS", True) in found
    assert ("ACCUSE", "BRA", "RUS", False) not in found


def test_sans_before_an_infinitive_negates_it(engine) -> None:
    found = events(engine, "Le Japon a appelé Pékin au calme, sans condamner directement les manœuvres chinoises "
                           "autour de Taïwan.", published=date(2024, 5, 24))
    assert ("REQUEST", "JPN", "CHN", False) in found
    assert ("ACCUSE", "JPN", "CHN", False) not in found


def test_not_ruling_out_sanctions_with_sans_is_a_threat(engine) -> None:
    found = events(engine, "Paris a exigé la libération de l'ancien président Bazoum, sans exclure de nouvelles "
                           "sanctions contre la junte.", published=date(2023, 8, 2))
    threats = {(s, n) for t, s, _, n in found if t == "THREATEN"}
    assert threats and all(s == "FRA" and not n for s, n in threats)


def test_rejected_accusations_go_back_to_the_accuser_of_the_sentence(engine) -> None:
    found = events(engine, "« Nous rejetons fermement ces allégations », a répliqué le ministère russe des Affaires "
                           "étrangères, après que Berlin a accusé Moscou d'une cyberattaque contre le SPD.",
                   published=date(2024, 5, 4))
    assert ("REJECT", "RUSGOV", "DEU", False) in found
    assert ("ACCUSE", "DEU", "RUS", False) in found


def test_a_fronted_suspicion_names_whom_the_rejection_answers(engine) -> None:
    found = events(engine, "Soupçonné par Londres d'ingérence, le groupe chinois a rejeté ces accusations.",
                   published=date(2024, 3, 26))
    assert any(t == "REJECT" and g == "GBR" for t, _, g, _ in found)


def test_accepting_no_ultimatum_is_a_refusal(engine) -> None:
    found = events(engine, "Téhéran n'acceptera aucune condition imposée par Washington, a averti le guide suprême.",
                   published=date(2025, 3, 8))
    assert any(t == "REJECT" and s and s.startswith("IRN") and g == "USA" for t, s, g, _ in found)
    assert not any(t in ("CONCEDE", "AGREE") for t, *_ in found)


def test_les_deux_parties_are_the_pair_named_before_in_the_sentence(engine) -> None:
    found = events(engine, "L'ONU a exhorté l'Inde et le Pakistan à la désescalade, les deux parties s'accusant "
                           "mutuellement d'avoir violé la trêve au Cachemire.", published=date(2025, 5, 11))
    accused = {(s, g) for t, s, g, _ in found if t == "ACCUSE"}
    assert accused == {("IND", "PAK"), ("PAK", "IND")}


def test_a_pair_after_a_weekday_stays_the_object(engine) -> None:
    found = events(engine, "Washington a appelé mardi l'Éthiopie et l'Érythrée à la retenue.", published=date(2024, 1, 9))
    assert ("REQUEST", "USA", "ETH", False) in found
    assert ("REQUEST", "USA", "ERI", False) in found


def test_notre_pays_in_a_quotation_is_the_speakers_country(engine) -> None:
    found = events(engine, "« La Russie a bombardé notre territoire cette nuit », a déclaré jeudi le président "
                           "ukrainien.", published=date(2024, 6, 13))
    assert ("ASSAULT", "RUS", "UKR", False) in found


def test_what_a_fronted_accusation_alleges_is_no_event(engine) -> None:
    found = events(engine, "Accusé par Séoul d'avoir livré des obus à la Russie, Pyongyang a démenti toute "
                           "coopération militaire avec Moscou.", published=date(2024, 1, 5))
    assert ("ACCUSE", "KOR", "PRK", False) in found
    assert not any(t == "AID" for t, *_ in found)
    assert ("ACCUSE", "KOR", "RUS", False) not in found


def test_accuser_une_baisse_is_no_accusation(engine) -> None:
    found = events(engine, "Le ministère russe des Finances a accusé une baisse de 20 % de ses recettes pétrolières "
                           "en janvier.", published=date(2024, 2, 5))
    assert not any(t == "ACCUSE" for t, *_ in found)


def test_the_terrorist_threat_is_a_hazard_not_a_threat(engine) -> None:
    found = events(engine, "La Belgique a relevé son niveau d'alerte en raison de la menace terroriste, après "
                           "l'attentat de Bruxelles.", published=date(2023, 10, 17))
    assert not any(t == "THREATEN" for t, *_ in found)


def test_what_a_strike_is_called_for_is_the_protest_itself(engine) -> None:
    found = events(engine, "Au Gabon, les médecins ont entamé lundi une grève illimitée pour exiger de meilleures "
                           "conditions de travail.", published=date(2024, 3, 4))
    assert any(t == "PROTEST" and s == "GABCVL" for t, s, _, _ in found)
    assert not any(t == "REQUEST" for t, *_ in found)


def test_what_an_ultimatum_is_given_for_is_no_event(engine) -> None:
    found = events(engine, "Le Hezbollah a donné une semaine à Israël pour laisser entrer l'aide humanitaire au "
                           "Liban-Sud.", published=date(2024, 11, 2))
    assert ("THREATEN", "LBNREB", "ISR", False) in found
    assert not any(t == "AID" for t, *_ in found)


def test_the_us_treasury_is_the_us_government(engine) -> None:
    found = events(engine, "Le Trésor américain a sanctionné mardi trois banques russes.", published=date(2024, 6, 12))
    assert any(t == "SANCTION" and s == "USAGOV" for t, s, _, _ in found)
