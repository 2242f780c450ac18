"""French actors named in varied ways: an attack noun that is the subject of a targeting verb
strikes the verb's object or the place it names, and names of the knowledge base (groups,
regions, capitals) resolve to their country. Texts written for these tests, coded on the
real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_country_triples, coded_dyads, coded_events
from tocsin.actors import Resolver, load_knowledge_base

PUBLISHED = date(2025, 6, 18)
dyads = partial(coded_dyads, published=PUBLISHED)
countries = partial(coded_country_triples, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Des frappes ont visé Mykolaïv dans la nuit.", ("ASSAULT", None, "UKR")),
    ("Une frappe aérienne a visé un marché à Nyala.", ("ASSAULT", None, "SDN")),
    ("Des bombardements israéliens ont visé le sud de Gaza mercredi.", ("ASSAULT", "ISR", "PSE")),
    ("Une frappe de missiles russes a touché un entrepôt à Dnipro, faisant deux blessés.",
     ("ASSAULT", "RUS", "UKR")),
    ("Des tirs pakistanais ont visé un poste frontière afghan.", ("ASSAULT", "PAK", "AFG")),
    ("Un raid turc a touché un village du nord de l'Irak.", ("ASSAULT", "TUR", "IRQ")),
])
def test_an_attack_as_subject_strikes_the_object_of_its_verb(engine, text, expected) -> None:
    assert expected in countries(engine, text)


def test_the_weapons_of_an_attack_as_subject_are_not_its_target(engine) -> None:
    found = countries(engine, "Une frappe de drones russes a touché un immeuble à Soumy.")
    assert ("ASSAULT", "RUS", "UKR") in found
    assert not any(t == "ASSAULT" and target == "RUS" for t, _, target in found)


def test_an_attack_as_subject_of_an_object_that_names_an_armed_group(engine) -> None:
    assert ("ASSAULT", "USA", "YEMREB") in dyads(
        engine, "Une frappe américaine a visé un dépôt tenu par les Houthis près de Sanaa.")


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_knowledge_base())


def code_of(resolver: Resolver, text: str, lang: str = "fr") -> str | None:
    actor = resolver.resolve(text, lang=lang, when=PUBLISHED)
    return actor.code if actor is not None and actor.resolved else None


@pytest.mark.parametrize(("text", "lang"), [
    ("les diplomates de sept pays latino-américains", "fr"),
    ("les dirigeants sud-américains", "fr"),
    ("Latin American leaders", "en"),
    ("South American governments", "en"),
])
def test_a_region_adjective_that_holds_american_names_no_state(resolver, text, lang) -> None:
    assert code_of(resolver, text, lang) is None


def test_an_expulsion_of_latin_american_diplomats_is_not_aimed_at_washington(engine) -> None:
    found = dyads(engine, "Caracas a expulsé les diplomates de sept pays latino-américains.")
    assert not any(target is not None and target.startswith("USA") for _, _, target in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Georgetown", "GUY"), ("Banjul", "GMB"), ("Bissau", "GNB"), ("Malabo", "GNQ"), ("Paramaribo", "SUR"),
    ("Santiago du Chili", "CHL"), ("Port-Louis", "MUS"),
])
def test_capitals_of_smaller_states(resolver, text, expected) -> None:
    assert code_of(resolver, text) == expected


def test_santiago_de_cuba_is_no_chilean_capital(resolver) -> None:
    assert code_of(resolver, "Santiago de Cuba") != "CHL"


@pytest.mark.parametrize(("text", "expected"), [
    ("la Moncloa", "ESPGOV"), ("le palais de Carthage", "TUNGOV"), ("Miraflores", "VENGOV"),
    ("la Casa Rosada", "ARGGOV"), ("le palais de Koulouba", "MLIGOV"), ("Kosyam", "BFAGOV"),
    ("le palais Chigi", "ITAGOV"), ("la Bankova", "UKRGOV"), ("le Capitole", "USALEG"),
    ("la Chambre des communes", "GBRLEG"), ("le Sejm", "POLLEG"), ("l'hôtel de Brienne", "FRAMIL"),
])
def test_seats_of_power_stand_for_their_institution(resolver, text, expected) -> None:
    assert code_of(resolver, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("les ADF", "UGAREB"), ("les FDLR", "RWAREB"), ("la milice Codeco", "CODREB"),
    ("le TTP", "PAKREB"), ("les talibans pakistanais", "PAKREB"), ("l'Armée de libération du Baloutchistan", "PAKREB"),
    ("le Front Polisario", "ESHREB"), ("les Forces démocratiques syriennes", "SYRREB"),
    ("les Kataeb Hezbollah", "IRQREB"), ("l'EIGS", "IMGISI"), ("l'Iswap", "IMGISI"), ("AQPA", "IMGAQA"),
    ("l'Armée d'Arakan", "MMRREB"), ("la Tatmadaw", "MMRMIL"), ("le Front de libération de l'Azawad", "MLIREB"),
    ("les milices Fano", "ETHREB"), ("le TPLF", "ETHREB"), ("les ex-Séléka", "CAFREB"),
    ("la Force Al-Qods", "IRNMIL"), ("l'ANL", "LBYMIL"), ("le cartel de Sinaloa", "MEXCRM"),
    ("Tren de Aragua", "VENCRM"),
])
def test_armed_groups_resolve_to_their_country_and_sector(resolver, text, expected) -> None:
    assert code_of(resolver, text) == expected


def test_the_hezbollah_stays_lebanese(resolver) -> None:
    assert code_of(resolver, "le Hezbollah") == "LBNREB"


@pytest.mark.parametrize(("text", "expected"), [
    ("La Moncloa a condamné la frappe russe contre Odessa.", ("ACCUSE", "ESPGOV", "RUS")),
    ("Georgetown a accusé Caracas de préparer une annexion.", ("ACCUSE", "GUY", "VEN")),
    ("L'armée nigériane a bombardé des positions de l'Iswap près du lac Tchad.", ("ASSAULT", "NGAMIL", "NGAREB")),
    ("L'armée pakistanaise a arrêté des membres du TTP.", ("COERCE", "PAKMIL", "PAKREB")),
])
def test_named_seats_and_groups_in_sentences(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Benyamin Netanyahou a ordonné à l'armée de frapper des cibles à Beyrouth.", "ISRMIL", "LBN"),
    ("Le président iranien a ordonné à l'armée de riposter contre Israël.", "IRNMIL", "ISR"),
    ("Le président français a ordonné à l'armée de bombarder des positions à Gao.", "FRAMIL", "MLI"),
])
def test_the_army_a_leader_commands_is_his_own(engine, text, source, target) -> None:
    events = coded_events(engine, text, "fr", PUBLISHED)
    assert any(e.type == "ASSAULT" and e.source is not None and e.source.code == source
               and e.target is not None and e.target.country == target for e in events)
    assert not any(e.source is not None and e.source.country == target for e in events)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le ministre indien des Affaires étrangères s'est entretenu avec son homologue russe en marge du sommet "
     "des BRICS.", ("CONSULT", "INDGOV", "RUSGOV")),
    ("Le président chinois a rencontré son homologue brésilien en marge du G20 à Rio.",
     ("CONSULT", "CHNGOV", "BRAGOV")),
    ("Le chef de la diplomatie russe a rencontré son homologue chinois lors de la réunion de l'OCS.",
     ("CONSULT", "RUSGOV", "CHNGOV")),
])
def test_the_venue_of_a_meeting_is_not_the_counterpart(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(target is not None and target.startswith("IGO") for _, _, target in found)


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("L'OTAN a condamné la violation de l'espace aérien polonais par des drones russes.", "RUS", "POL"),
    ("L'UE a condamné l'invasion de l'Ukraine par la Russie.", "RUS", "UKR"),
    ("Le Japon a dénoncé la saisie d'un navire japonais par les garde-côtes chinois.", "CHN", "JPN"),
])
def test_the_author_of_a_condemned_act_is_the_one_accused(engine, text, expected, not_expected) -> None:
    targets = {target for t, _, target in countries(engine, text) if t == "ACCUSE"}
    assert expected in targets
    assert not_expected not in targets


def test_the_author_of_a_condemned_act_in_english(engine) -> None:
    found = coded_dyads(engine, "The EU condemned the invasion of Ukraine by Russia.", "en", PUBLISHED)
    assert ("ACCUSE", "IGOEU", "RUS") in found
    assert ("ACCUSE", "IGOEU", "UKR") not in found


@pytest.mark.parametrize(("text", "source"), [
    ("Sergueï Lavrov a accusé l'Occident de prolonger la guerre en Ukraine.", "RUSGOV"),
    ("Pékin a accusé les Occidentaux d'attiser les tensions autour de Taïwan.", "CHN"),
    ("Le président ukrainien a appelé la communauté internationale à sanctionner la Russie.", "UKRGOV"),
])
def test_a_group_no_country_stands_for_is_an_uncoded_recipient(engine, text, source) -> None:
    found = dyads(engine, text)
    assert any(s == source for _, s, _ in found)
    assert all(target is None for _, s, target in found if s == source)


def test_a_country_as_object_is_still_the_recipient(engine) -> None:
    assert ("ACCUSE", "RUS", "UKR") in dyads(engine, "Moscou a accusé l'Ukraine de prolonger la guerre.")


def test_the_west_in_english_is_an_uncoded_recipient(engine) -> None:
    found = coded_dyads(engine, "Lavrov accused the West of prolonging the war in Ukraine.", "en", PUBLISHED)
    assert ("ACCUSE", "RUSGOV", None) in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Muhammad Yunus", "BGDGOV"), ("le général Mamadi Doumbouya", "GINGOV"),
])
def test_leaders_added_to_the_knowledge_base(resolver, text, expected) -> None:
    assert code_of(resolver, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Une attaque de drones ukrainiens a touché un dépôt pétrolier dans la région de Belgorod.",
     ("ASSAULT", "UKR", "RUS")),
    ("Un bombardement aérien a frappé un marché du nord du Burkina Faso.", ("ASSAULT", None, "BFA")),
    ("Des frappes israéliennes ont touché Beyrouth.", ("ASSAULT", "ISR", "LBN")),
])
def test_a_targeting_verb_with_an_attack_as_subject_strikes_its_object(engine, text, expected) -> None:
    assert expected in countries(engine, text)


def test_an_attack_aimed_at_a_country_keeps_it_when_what_it_hit_names_no_one(engine) -> None:
    assert ("ASSAULT", "ISR", "IRN") in countries(
        engine, "Les frappes israéliennes sur l'Iran ont touché des sites de production de missiles.")


def test_the_author_of_a_condemned_act_hung_deep_in_the_object(engine) -> None:
    targets = {target for t, _, target in countries(
        engine, "Le Canada a condamné l'annexion de territoires ukrainiens par Moscou.") if t == "ACCUSE"}
    assert targets == {"RUS"}


def test_civilians_belong_to_the_place_where_a_foreign_group_struck(engine) -> None:
    found = dyads(engine, "Les ADF ont massacré une quarantaine de fidèles dans une église de l'Ituri.")
    assert ("ASSAULT", "UGAREB", "CODCVL") in found
