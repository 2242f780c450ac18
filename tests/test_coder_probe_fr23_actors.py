"""French and English wire copy probing actors: parties coded as government or opposition by
date, people whose role changes (opposition leaders who come to power, Wagner's chief in his
mutiny), domestic intelligence as police, mixed-case acronyms (AfD is not the AFD), and party
names holding event words ("Rassemblement national") that are not events. Texts written for
these tests, coded on the real model."""

from __future__ import annotations

from datetime import date

import pytest

from factories import coded_dyads


@pytest.mark.parametrize(("text", "lang", "when", "event"), [
    ("Le président du Rassemblement national a accusé mardi le gouvernement de mépriser les agriculteurs.",
     "fr", date(2024, 1, 23), ("ACCUSE", "FRAOPP", "FRAGOV")),
    ("Les députés du PiS ont accusé vendredi le gouvernement polonais de violer la Constitution.",
     "fr", date(2024, 1, 12), ("ACCUSE", "POLOPP", "POLGOV")),
    ("Donald Tusk a accusé jeudi le gouvernement polonais de mentir sur les fonds européens.",
     "fr", date(2022, 10, 6), ("ACCUSE", "POLOPP", "POLGOV")),
    ("L'AfD a porté plainte contre le renseignement intérieur allemand.",
     "fr", date(2025, 5, 6), ("ACCUSE", "DEUOPP", "DEUCOP")),
    ("Le KPRF a accusé le Kremlin de fraudes électorales.",
     "fr", date(2021, 9, 21), ("ACCUSE", "RUSOPP", "RUSGOV")),
    ("Vladimir Poutine a accusé samedi Evgueni Prigojine de trahison.",
     "fr", date(2023, 6, 24), ("ACCUSE", "RUSGOV", "RUSREB")),
    ("L'opposant Ilia Iachine a été arrêté par la police à Moscou.",
     "fr", date(2022, 6, 28), ("COERCE", "RUSCOP", "RUSOPP")),
    ("Labour leader Keir Starmer accused the government of losing control of the borders.",
     "en", date(2023, 5, 2), ("ACCUSE", "GBROPP", "GBRGOV")),
    ("Friedrich Merz accused Chancellor Olaf Scholz of weakening the army.",
     "en", date(2024, 6, 20), ("ACCUSE", "DEUOPP", "DEUGOV")),
    ("US prosecutors charged Gautam Adani with fraud.",
     "en", date(2024, 11, 21), ("ACCUSE", "USAJUD", "INDBUS")),
])
def test_actors_by_party_and_role_of_the_day(engine, text, lang, when, event) -> None:
    assert event in coded_dyads(engine, text, lang, when)


def test_the_afd_is_not_the_french_development_agency(engine) -> None:
    found = coded_dyads(engine, "L'AFD a accordé un prêt au Maroc pour reconstruire les écoles.", "fr",
                        date(2024, 10, 29))
    assert all(source is None or not source.startswith("DEU") for _, source, _ in found)


@pytest.mark.parametrize(("text", "lang", "when"), [
    ("Le Rassemblement national a obtenu 31 % des voix aux élections européennes, selon les résultats.",
     "fr", date(2024, 6, 10)),
    ("Jordan Bardella a tenu dimanche un meeting de campagne à Perpignan devant ses sympathisants.",
     "fr", date(2024, 5, 27)),
    ("Russie unie a remporté la majorité des sièges à la Douma, selon la commission électorale.",
     "fr", date(2021, 9, 21)),
])
def test_party_news_without_an_act_gives_no_event(engine, text, lang, when) -> None:
    assert coded_dyads(engine, text, lang, when) == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("Nigel Farage a pris la parole samedi lors d'un rassemblement de campagne de Reform UK à Clacton.", "fr"),
    ("Le Rassemblement national a tenu dimanche un meeting électoral à Perpignan.", "fr"),
    ("Nigel Farage addressed a Reform UK campaign rally in Clacton on Saturday.", "en"),
    ("The prime minister held an election rally in Lahore on Friday.", "en"),
])
def test_a_campaign_rally_is_no_protest(engine, text, lang) -> None:
    assert not any(kind == "PROTEST" for kind, _, _ in coded_dyads(engine, text, lang, date(2024, 6, 30)))


@pytest.mark.parametrize(("text", "lang"), [
    ("Des milliers de partisans de l'opposition ont manifesté contre la campagne de répression à Tbilissi.", "fr"),
    ("Thousands of opposition supporters held a rally against the election results in Tbilisi.", "en"),
])
def test_a_protest_against_a_campaign_or_an_election_stays_a_protest(engine, text, lang) -> None:
    assert any(kind == "PROTEST" for kind, _, _ in coded_dyads(engine, text, lang, date(2024, 11, 30)))


@pytest.mark.parametrize(("text", "lang", "event"), [
    ("Cinq Israéliens soupçonnés d'espionner pour le compte de l'Iran ont été arrêtés par le Shin Bet.", "fr",
     ("COERCE", "ISRCOP", "ISRCVL")),
    ("La police russe a interpellé trois Russes à Saint-Pétersbourg.", "fr", ("COERCE", "RUSCOP", "RUSCVL")),
    ("Iranian police arrested dozens of Iranians in Tehran.", "en", ("COERCE", "IRNCOP", "IRNCVL")),
])
def test_people_named_by_nationality_are_their_state_s_civilians(engine, text, lang, event) -> None:
    assert event in coded_dyads(engine, text, lang, date(2024, 10, 22))


def test_wagner_is_a_rebel_group_during_its_mutiny(engine) -> None:
    text = "Les combattants de Wagner ont attaqué samedi une colonne de l'armée russe."
    assert ("ASSAULT", "RUSREB", "RUSMIL") in coded_dyads(engine, text, "fr", date(2023, 6, 24))
