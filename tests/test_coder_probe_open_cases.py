"""Wire sentences of acts the coder used to miscode, each coded as docs/annotation.md says: a
retaliation promised to any act of a kind, a named joint exercise, aid told by the thing given,
a withdrawal from a treaty, a town seized by force, an envoy declared persona non grata, rescue
teams deployed in the passive. Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

from factories import coded_country_triples, coded_readings, coded_types, symmetric
from tocsin.pipeline import Engine

PUBLISHED = date(2024, 5, 14)
english = partial(coded_country_triples, lang="en", published=PUBLISHED)
french = partial(coded_country_triples, lang="fr", published=PUBLISHED)


# ----------------------------------------------------------- a retaliation promised to any act
def test_a_response_to_any_act_threatens_its_author(engine: Engine) -> None:
    # guideline §4: a conditional retaliation is a threat, by the one who would respond, toward
    # the one whose act would set it off; the threat was made (asserted), whatever its tense
    readings = coded_readings(engine, "Pyongyang vowed to respond to any deployment of American strategic bombers "
                                      "on the Korean peninsula.", lang="en", published=PUBLISHED)
    assert [(t, s, r, m) for t, s, r, _, m in readings] == [("THREATEN", "PRK", "USA", "asserted")]
    assert english(engine, "Ankara will retaliate against any Greek militarisation of the Aegean islands, "
                           "the Turkish defence minister said.") == {("THREATEN", "TUR", "GRC")}
    assert english(engine, "Iran will retaliate against any strike by Israel on its nuclear sites.") == {
        ("THREATEN", "IRN", "ISR")}


def test_the_threat_goes_to_the_author_not_to_the_place(engine: Engine) -> None:
    assert english(engine, "Moscow will respond to any deployment of American missiles in Finland.") == {
        ("THREATEN", "RUS", "USA")}
    # Kiev would receive the weapons: with no deliverer named, the threat names no one
    assert french(engine, "Moscou répondra à toute livraison d'armes à Kiev.") == {("THREATEN", "RUS", None)}


def test_french_response_to_any_act_and_its_promise(engine: Engine) -> None:
    assert french(engine, "Pékin répondra à toute provocation américaine dans le détroit de Taïwan.") == {
        ("THREATEN", "CHN", "USA")}
    assert french(engine, "Téhéran a promis de répondre à toute attaque israélienne contre ses installations "
                          "nucléaires.") == {("THREATEN", "IRN", "ISR")}


def test_a_plain_reply_is_no_threat(engine: Engine) -> None:
    assert "THREATEN" not in coded_types(engine, "The Indian foreign ministry responded to the Chinese statement "
                                                 "on Tuesday.", lang="en", published=PUBLISHED)
    assert "THREATEN" not in coded_types(engine, "The ministry will respond to any questions from journalists "
                                                 "about the strikes.", lang="en", published=PUBLISHED)


# ----------------------------------------------------------- a named joint exercise
def test_a_named_exercise_of_two_forces_is_cooperation(engine: Engine) -> None:
    # guideline §4: exercises with a partner are COOPERATE (symmetric)
    found = english(engine, "Indonesian and Australian troops began the Garuda Shield exercise in East Java "
                            "on Monday.")
    assert {t for t, _, _ in found} == {"COOPERATE"} and symmetric(found, "COOPERATE", "IDN", "AUS")
    found = english(engine, "Egyptian and Greek air forces wrapped up the Medusa exercise on Thursday.")
    assert {t for t, _, _ in found} == {"COOPERATE"} and symmetric(found, "COOPERATE", "EGY", "GRC")


def test_a_named_exercise_of_one_country_mobilises(engine: Engine) -> None:
    assert english(engine, "China launched the Strait Thunder exercise around Taiwan on Tuesday.") == {
        ("MOBILIZE", "CHN", "TWN")}
    assert coded_types(engine, "The minister described the audit as an exercise in transparency.",
                       lang="en", published=PUBLISHED) == set()


# ----------------------------------------------------------- aid told by the thing given
def test_aid_donated_goes_where_it_arrived(engine: Engine) -> None:
    assert english(engine, "Twelve tonnes of medical supplies donated by Qatar arrived in Khartoum on Sunday.") == {
        ("AID", "QAT", "SDN")}
    assert english(engine, "Generators donated by the European Union reached Kyiv last week.") == {
        ("AID", "IGOEU", "UKR")}
    assert english(engine, "Tents donated by Saudi Arabia are now in Gaza, the Palestinian Red Crescent said.") == {
        ("AID", "SAU", "PSE")}


def test_french_aid_offered_goes_where_it_arrived(engine: Engine) -> None:
    assert french(engine, "Dix tonnes de vivres offertes par le Maroc sont arrivées à Port-au-Prince.") == {
        ("AID", "MAR", "HTI")}


# ----------------------------------------------------------- a withdrawal from a treaty
def test_leaving_a_treaty_is_a_sanction(engine: Engine) -> None:
    # guideline §4: breaking or suspending treaties is SANCTION; the Paris agreement names no
    # party (not France)
    assert french(engine, "Les États-Unis se sont retirés de l'accord de Paris sur le climat.") == {
        ("SANCTION", "USA", None)}
    assert french(engine, "Moscou a annoncé se retirer du traité sur les forces armées conventionnelles en "
                          "Europe.") == {("SANCTION", "RUS", None)}
    assert french(engine, "Le Nicaragua s'est retiré de l'Organisation des États américains.") == {
        ("SANCTION", "NIC", "IGOOAS")}


def test_troops_leaving_a_place_still_retreat(engine: Engine) -> None:
    assert coded_types(engine, "Les troupes russes se sont retirées de la rive droite du Dniepr.",
                       published=PUBLISHED) == {"RETREAT"}


# ----------------------------------------------------------- a town seized by force
def test_seizing_a_town_is_an_assault(engine: Engine) -> None:
    assert french(engine, "Les rebelles du M23 se sont emparés de la ville de Bukavu.") == {
        ("ASSAULT", "COD", "COD")}
    assert french(engine, "Les forces russes se sont emparées de plusieurs villages de la région de Donetsk.") == {
        ("ASSAULT", "RUS", "UKR")}
    assert english(engine, "Russian forces seized the town of Avdiivka.") == {("ASSAULT", "RUS", "UKR")}


def test_seizing_power_or_things_stays_coercion(engine: Engine) -> None:
    assert coded_types(engine, "Les militaires se sont emparés du pouvoir à Niamey.",
                       published=PUBLISHED) == {"COERCE"}
    assert coded_types(engine, "Iran's navy seized a Greek-flagged oil tanker in the Gulf of Oman.",
                       lang="en", published=PUBLISHED) == {"COERCE"}


# ----------------------------------------------------------- persona non grata
def test_an_envoy_declared_persona_non_grata_is_expelled(engine: Engine) -> None:
    # guideline §4: expelling diplomats is SANCTION; the locution before or after the envoy
    assert french(engine, "Moscou a déclaré persona non grata un diplomate estonien.") == {("SANCTION", "RUS", "EST")}
    assert french(engine, "Le Niger a déclaré persona non grata la coordonnatrice de l'ONU.") == {
        ("SANCTION", "NER", "IGOUN")}
    assert french(engine, "Bamako a déclaré l'ambassadeur de France persona non grata.") == {
        ("SANCTION", "MLI", "FRA")}


# ----------------------------------------------------------- rescue teams deployed, in the passive
def test_rescuers_deployed_in_the_passive_are_aid_from_their_country(engine: Engine) -> None:
    # the passive subject is what is deployed, never its recipient: its nationality names the
    # state that sends it, the place it is sent to the recipient
    assert french(engine, "Une équipe de sauveteurs algériens a été déployée au Maroc après le séisme.") == {
        ("AID", "DZA", "MAR")}
    assert french(engine, "Des médecins cubains ont été dépêchés en Italie.") == {("AID", "CUB", "ITA")}
    assert english(engine, "Algerian rescuers were deployed to Morocco after the earthquake.") == {
        ("AID", "DZA", "MAR")}


def test_soldiers_deployed_in_the_passive_still_mobilise(engine: Engine) -> None:
    assert french(engine, "Des soldats français ont été déployés en Estonie.") == {("MOBILIZE", "FRA", "EST")}
