"""French threats, refusals and coercion in fresh wire copy: a promise to strike back is a
threat, recognition withheld and "dire non" are refusals, stopped supplies are sanctions,
foreign-agent designations are coercion, and what-if relative clauses under a threat are its
content. Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_countries, coded_dyads, coded_events, coded_types

PUBLISHED = date(2025, 6, 10)
dyads = partial(coded_dyads, published=PUBLISHED)
countries = partial(coded_countries, published=PUBLISHED)
types = partial(coded_types, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Hamas a promis de riposter à toute incursion israélienne à Rafah.", ("THREATEN", "PSE", "ISR")),
    ("Téhéran promet de répondre par la force à toute attaque contre ses sites nucléaires.",
     ("THREATEN", "IRN", None)),
    ("Le président turc a promis de « faire payer » à la Suède l'autodafé du Coran.", ("THREATEN", "TUR", "SWE")),
])
def test_a_promise_to_strike_back_is_a_threat(engine, text, expected) -> None:
    found = countries(engine, text)
    if expected[2] is None:
        assert any(t == "THREATEN" and s == expected[1] for t, s, _ in found)
    else:
        assert expected in found
    assert not any(t == "AGREE" for t, _, _ in found)


@pytest.mark.parametrize("text", [
    "Le gouvernement a promis de répondre aux questions des députés.",
    "Le Premier ministre a promis de répondre aux attentes des agriculteurs.",
])
def test_a_promise_to_answer_is_no_threat(engine, text) -> None:
    assert "THREATEN" not in types(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Danemark a dit non à la proposition américaine de racheter le Groenland.", ("REJECT", "DNK", "USA")),
    ("Moscou ne reconnaît pas la réélection de Maia Sandu, a déclaré le porte-parole du Kremlin.",
     ("REJECT", "RUS", "MDA")),
    ("L'Ukraine n'acceptera jamais l'annexion de la Crimée par la Russie.", ("REJECT", "UKR", "RUS")),
    ("Le ministre chinois des Affaires étrangères a qualifié de « nulles et non avenues » les revendications "
     "philippines.", ("REJECT", "CHN", "PHL")),
])
def test_refusals_in_other_words(engine, text, expected) -> None:
    found = {e for e in dyads(engine, text)}
    assert expected in countries(engine, text)
    assert not any(t in ("SUPPORT", "AGREE") for t, _, _ in found)


def test_withheld_recognition_is_asserted_not_negated(engine) -> None:
    events = coded_events(engine, "Le Kosovo ne reconnaît pas le résultat du scrutin organisé par la Serbie.",
                          "fr", PUBLISHED)
    rejects = [e for e in events if e.type == "REJECT"]
    assert rejects and not any(e.negated for e in rejects)


def test_a_plain_not_accepted_stays_a_negated_agreement(engine) -> None:
    found = types(engine, "Le Hamas n'a pas accepté la proposition égyptienne.")
    assert "REJECT" not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("La Russie a arrêté ses livraisons de gaz à la Pologne.", ("SANCTION", "RUS", "POL")),
    ("L'Ukraine a arrêté le transit du gaz russe vers l'Europe.", ("SANCTION", "UKR", "RUS")),
    ("L'Algérie a stoppé ses exportations de gaz vers l'Espagne.", ("SANCTION", "DZA", "ESP")),
])
def test_stopping_supplies_is_a_sanction_not_an_arrest(engine, text, expected) -> None:
    found = countries(engine, text)
    assert expected in found
    assert not any(t == "COERCE" for t, _, _ in found)


def test_arresting_people_stays_coercion(engine) -> None:
    assert ("COERCE", "RUS", "RUS") in countries(engine, "La police russe a arrêté des militants de l'opposition.")


@pytest.mark.parametrize("text", [
    "Le Kremlin a déclaré « agent de l'étranger » l'ONG Memorial.",
    "Managua a déchu de leur nationalité 222 opposants.",
])
def test_designations_and_loss_of_nationality_are_coercion(engine, text) -> None:
    assert "COERCE" in types(engine, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Le Kremlin a menacé de représailles les pays qui saisiraient les avoirs russes gelés.", "COERCE"),
    ("Pékin agite la menace de sanctions contre les entreprises qui livreraient des armes à Taïwan.", "AID"),
    ("La Grèce et Chypre ont averti Ankara qu'elles bloqueraient tout rapprochement avec l'UE.", "COERCE"),
])
def test_a_what_if_under_a_threat_is_its_content(engine, text, absent) -> None:
    found = types(engine, text)
    assert "THREATEN" in found
    assert absent not in found


def test_a_reported_past_in_a_relative_clause_stays_an_act(engine) -> None:
    found = countries(engine, "Moscou a menacé Kiev après une frappe qui aurait tué dix soldats russes.")
    assert any(t == "THREATEN" for t, _, _ in found)


@pytest.mark.parametrize("text", [
    "Les exportations allemandes vers la Chine ont reculé de 8 % au premier trimestre.",
    "Les ventes de voitures électriques ont reculé en Allemagne.",
])
def test_falling_trade_figures_are_no_concession(engine, text) -> None:
    assert dyads(engine, text) == set()


@pytest.mark.parametrize(("text", "absent"), [
    ("Le président vénézuélien a lancé un ultimatum de 48 heures au Guyana pour retirer ses troupes de la zone.",
     "RETREAT"),
    ("Le président malien a adressé un ultimatum aux rebelles touareg pour déposer les armes avant lundi.",
     "RETREAT"),
])
def test_what_an_ultimatum_demands_is_its_content(engine, text, absent) -> None:
    found = types(engine, text)
    assert "THREATEN" in found
    assert absent not in found


def test_sanctions_named_in_the_condition_of_a_threat_are_no_threat_of_their_own(engine) -> None:
    found = dyads(engine, "Téhéran a menacé de quitter le traité de non-prolifération si les sanctions de l'ONU "
                          "étaient rétablies.")
    assert any(t == "THREATEN" and s == "IRN" for t, s, _ in found)
    assert not any(s == "IGOUN" for _, s, _ in found)


@pytest.mark.parametrize("text", [
    "Le ministre de l'Économie a averti que la croissance serait plus faible que prévu.",
    "Le ministère de la Santé met en garde contre une épidémie de grippe précoce.",
    "La ministre de l'Agriculture a prévenu que la sécheresse allait durer tout l'été.",
])
def test_a_warning_about_the_economy_or_a_hazard_is_no_threat(engine, text) -> None:
    assert "THREATEN" not in types(engine, text)


@pytest.mark.parametrize("text", [
    "L'Ouganda met en garde contre toute ingérence étrangère dans son élection présidentielle.",
    "Les Gardiens de la révolution ont menacé de fermer le détroit d'Ormuz, faisant bondir les prix du pétrole.",
])
def test_a_warning_aimed_at_no_one_named_still_threatens(engine, text) -> None:
    assert "THREATEN" in types(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelensky a exclu toute cession de territoire à la Russie.", ("REJECT", "UKR", "RUS")),
    ("Le Kremlin a balayé d'un revers de main l'idée d'un cessez-le-feu proposé par Kiev.", ("REJECT", "RUS", "UKR")),
])
def test_ruling_out_a_concession_and_brushing_aside_are_refusals(engine, text, expected) -> None:
    found = countries(engine, text)
    assert expected in found
    assert not any(t == "SANCTION" for t, _, _ in found)


def test_excluding_a_country_from_an_organisation_stays_a_sanction(engine) -> None:
    assert "SANCTION" in types(engine, "L'Otan a exclu la Russie de ses réunions.")


@pytest.mark.parametrize(("text", "expected"), [
    ("La police russe a arrêté samedi des dizaines de manifestants.", ("COERCE", "RUSCOP", "RUSCVL")),
    ("La police indienne a placé en détention des centaines de paysans.", ("COERCE", "INDCOP", "INDCVL")),
    ("La police turque a interpellé mardi soir des dizaines d'étudiants.", ("COERCE", "TURCOP", "TURCVL")),
])
def test_people_counted_after_a_date_or_a_placement_are_the_object(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_people_let_out_of_detention_are_the_recipient(engine) -> None:
    assert ("RETREAT", "VEN", "USA") in countries(engine, "Le Venezuela a remis en liberté dix Américains détenus.")


def test_a_place_of_detention_is_no_object(engine) -> None:
    found = dyads(engine, "La police a placé en garde à vue à Moscou un militant de l'opposition.")
    assert any(t == "COERCE" for t, _, _ in found)


@pytest.mark.parametrize("text", [
    "Le gouvernement polonais a saisi l'occasion du sommet pour annoncer un nouveau budget.",
    "Le groupe chinois détient désormais 12 % du marché européen des batteries.",
    "Le fonds qatari détient une participation de 10 % dans le constructeur allemand.",
])
def test_idioms_of_seizing_and_holding_are_no_coercion(engine, text) -> None:
    assert "COERCE" not in types(engine, text)


@pytest.mark.parametrize(("text", "source"), [
    ("Les garde-côtes chinois ont saisi la cargaison d'un navire philippin.", "CHN"),
    ("Le Hamas détient encore une cinquantaine d'otages israéliens.", "PSE"),
])
def test_seizing_goods_and_holding_hostages_stay_coercion(engine, text, source) -> None:
    assert any(t == "COERCE" and s == source for t, s, _ in countries(engine, text))


@pytest.mark.parametrize(("text", "absent"), [
    ("La Chine a averti le Japon qu'il « jouait avec le feu » en soutenant Taïwan.", "SUPPORT"),
    ("L'armée birmane a menacé de bombarder les villages soutenant la rébellion.", "SUPPORT"),
    ("Le Hamas a averti que les otages seraient exécutés si l'armée israélienne tentait de les libérer.", "RETREAT"),
])
def test_acts_deep_inside_what_a_threat_says_are_its_content(engine, text, absent) -> None:
    found = types(engine, text)
    assert "THREATEN" in found
    assert absent not in found


def test_what_the_threatener_does_meanwhile_is_an_act_of_its_own(engine) -> None:
    found = countries(engine, "Le Hamas menace de suspendre les prochaines libérations d'otages, accusant Israël "
                              "de violer l'accord de cessez-le-feu.")
    assert ("THREATEN", "PSE", "ISR") in found
    assert ("ACCUSE", "PSE", "ISR") in found
