"""French wire copy about threats, refusals, concessions, demands and withdrawals: an object
clitic coordinated after a first verb stands for that verb's object ("a convoqué
l'ambassadeur algérien et l'a menacé"), a name read as a modifier of the verb is its object,
the "si" clause of a threat is its content, a warning about a danger threatens no one, a state
boycotting a meeting refuses it, and forces leaving a town or evacuating a camp withdraw.
Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads, coded_events

PUBLISHED = date(2025, 3, 12)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le chef de la junte malienne a convoqué l'ambassadeur algérien et l'a menacé d'une rupture des relations.",
     ("THREATEN", "MLIGOV", "DZAGOV")),
    # (in March 2025 Blinken no longer holds office: the country alone)
    ("Antony Blinken a rencontré mercredi Mahmoud Abbas et lui a demandé de réformer l'Autorité palestinienne.",
     ("REQUEST", "USA", "PSEGOV")),
    ("Le ministre iranien a reçu l'ambassadeur britannique et l'a mis en garde contre toute ingérence.",
     ("THREATEN", "IRNGOV", "GBRGOV")),
])
def test_a_clitic_after_a_coordinated_verb_stands_for_its_object(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(t == expected[0] and g is None for t, _, g in found)


def test_a_clitic_does_not_take_the_subjects_own_country(engine) -> None:
    # "Téhéran les a refusés": "les" is the talks, not Iran; no self-refusal is coded
    found = dyads(engine, "Washington a proposé à l'Iran des pourparlers directs, mais Téhéran les a refusés.")
    assert not any(t == "REJECT" and s == "IRN" and g == "IRN" for t, s, g in found)


def test_a_name_read_as_a_modifier_of_the_verb_is_its_object(engine) -> None:
    found = dyads(engine, "Le Hamas menace Israël de représailles après l'assassinat de l'un de ses commandants à Beyrouth.")
    assert found == {("THREATEN", "PSEREB", "ISR")}


def test_the_condition_of_a_warning_is_not_coded(engine) -> None:
    found = dyads(engine, "Le Pentagone a averti Téhéran qu'il s'exposerait à une riposte si ses alliés attaquaient "
                          "à nouveau les troupes américaines.")
    assert found == {("THREATEN", "USAMIL", "IRN")}


@pytest.mark.parametrize("text", [
    "L'OMS met en garde contre la propagation du choléra dans plusieurs pays d'Afrique australe.",
    "Le FMI met en garde contre un ralentissement de la croissance mondiale.",
    "La menace d'une récession plane sur l'économie allemande, selon les instituts de conjoncture.",
])
def test_a_warning_about_a_danger_is_no_threat(engine, text) -> None:
    assert not any(t == "THREATEN" for t, _, _ in dyads(engine, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Kremlin met en garde l'Otan contre tout déploiement de troupes en Ukraine.", ("THREATEN", "RUSGOV", "IGONATO")),
    ("Moscou met en garde Kiev contre une crise humanitaire s'il frappe la centrale.", ("THREATEN", "RUS", "UKR")),
])
def test_a_warning_to_someone_stays_a_threat(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Mali a boycotté jeudi la réunion des ministres de la Cédéao à Abuja.", ("REJECT", "MLI", "IGOECOWAS")),
    ("Washington boycotte le sommet du G20 à Johannesburg.", ("REJECT", "USA", "IGOG20")),
])
def test_a_state_boycotting_a_meeting_refuses_it(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(t == "CONSULT" for t, _, _ in found)


def test_a_boycott_of_goods_is_no_refusal(engine) -> None:
    found = dyads(engine, "Des milliers de Turcs boycottent les produits français.")
    assert not any(t == "REJECT" for t, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Les rebelles du M23 ont quitté samedi la ville de Walikale.", ("RETREAT", "CODREB", None)),
    ("Les casques bleus de l'ONU ont évacué leur camp de Kidal, dans le nord du Mali.", ("RETREAT", "IGOUN", "MLI")),
])
def test_forces_leaving_a_town_or_a_camp_withdraw(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize("text", [
    "Des milliers d'habitants ont quitté la ville de Goma.",
    "Le président sénégalais a quitté la ville de Touba après la cérémonie.",
])
def test_people_leaving_a_town_do_not_withdraw(engine, text) -> None:
    assert not any(t == "RETREAT" for t, _, _ in dyads(engine, text))


def test_the_threat_is_not_negated_by_its_clitic_reading(engine) -> None:
    events = coded_events(engine, "Le chef de la junte malienne a convoqué l'ambassadeur algérien et l'a menacé "
                                  "d'une rupture des relations.", "fr", PUBLISHED)
    threats = [e for e in events if e.type == "THREATEN"]
    assert threats and all(not e.negated and e.modality == "asserted" for e in threats)


@pytest.mark.parametrize(("text", "expected"), [
    ("Appelant à un cessez-le-feu immédiat, le président brésilien Lula a accusé Israël de commettre un génocide.",
     ("REQUEST", "BRAGOV")),
    ("Exhortant Moscou à cesser ses frappes, le pape a condamné l'attaque.", ("REQUEST", "VATGOV")),
])
def test_a_clause_set_before_an_accusation_is_said_of_its_subject(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert {s for t, s, _ in found if t == expected[0]} == {expected[1]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Menaçant Kiev de représailles, Moscou a convoqué l'ambassadeur ukrainien.", ("THREATEN", "RUS", "UKR")),
    ("Menaçant de représailles, le Hamas a accusé Israël de violer la trêve.", ("THREATEN", "PSEREB", None)),
])
def test_an_opening_present_participle_is_a_verb_of_the_subject(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le contingent français a achevé son retrait du Niger.", ("RETREAT", "FRAMIL", "NER")),
    ("Le contingent français a quitté le Niger.", ("RETREAT", "FRAMIL", "NER")),
])
def test_a_contingent_is_a_military_force(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Pékin a levé l'interdiction des importations de bœuf australien.", ("CONCEDE", "CHN", "AUS")),
    ("New Delhi a levé samedi l'interdiction des exportations de riz vers le Bangladesh.", ("CONCEDE", "IND", "BGD")),
])
def test_a_lifted_ban_is_conceded_to_the_country_it_held_back(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert ("CONCEDE", expected[1], None) not in found


@pytest.mark.parametrize(("text", "source"), [
    ("Le Premier ministre thaïlandais a présenté sa démission au roi.", "THAGOV"),
    ("Le ministre français de l'Intérieur a remis sa démission au président Macron.", "FRAGOV"),
])
def test_a_resignation_handed_to_ones_own_head_of_state_is_coded(engine, text, source) -> None:
    assert ("RETREAT", source, None) in dyads(engine, text)


def test_what_an_ultimatum_holds_out_is_not_coded(engine) -> None:
    found = dyads(engine, "Le gouvernement irakien a sommé Washington de retirer ses troupes du pays, sans quoi "
                          "le Parlement voterait leur expulsion.")
    assert found == {("REQUEST", "IRQGOV", "USA")}


def test_a_relative_clause_goes_to_the_noun_its_verb_agrees_with(engine) -> None:
    found = dyads(engine, "Niamey a opposé une fin de non-recevoir aux demandes de la Cédéao, qui réclamait "
                          "la libération du président Bazoum.")
    assert ("REQUEST", "IGOECOWAS", "NERGOV") in found
    assert ("REJECT", "NER", "IGOECOWAS") in found


def test_a_president_elect_is_the_title_holder(engine) -> None:
    found = coded_dyads(engine, "Le président élu Donald Trump a menacé d'imposer des droits de douane de 25 % "
                                "sur les produits canadiens.", "fr", date(2024, 11, 26))
    assert {(t, s[:3] if s else s, g) for t, s, g in found} == {("THREATEN", "USA", "CAN")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Vladimir Poutine a ordonné un cessez-le-feu de trente-six heures en Ukraine pour le Noël orthodoxe.",
     ("CONCEDE", "RUSGOV", "UKR")),
    ("Moscou a annoncé un cessez-le-feu de trois jours en Ukraine.", ("CONCEDE", "RUS", "UKR")),
])
def test_a_ceasefire_ordered_by_one_side_is_conceded_where_it_applies(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(t == "RETREAT" for t, _, _ in found)


def test_presse_before_a_name_read_as_an_adjective_is_the_verb(engine) -> None:
    assert dyads(engine, "Washington presse Israël de conclure rapidement un accord de trêve à Gaza.") == {
        ("REQUEST", "USA", "ISR")}


def test_a_call_to_an_actor_and_its_allies_keeps_the_infinitive_as_the_content(engine) -> None:
    found = dyads(engine, "Les ministres du G7 ont appelé l'Iran et ses alliés à cesser leurs attaques.")
    assert found == {("REQUEST", "IGOG7", "IRN")}


def test_the_subject_of_a_that_clause_is_not_a_second_recipient(engine) -> None:
    found = dyads(engine, "Vladimir Poutine a averti Séoul qu'une livraison d'armes à l'Ukraine serait "
                          "« une très grave erreur ».")
    assert found == {("THREATEN", "RUSGOV", "KOR")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Donald Trump a refusé d'exclure une action militaire pour reprendre le canal de Panama.",
     ("THREATEN", "USAGOV", "PAN")),
    ("Ankara n'exclut pas de nouvelles sanctions contre la Syrie.", ("THREATEN", "TUR", "SYR")),
    ("Washington n'exclut pas le recours à la force.", ("THREATEN", "USA", None)),
])
def test_the_act_not_ruled_out_is_no_recipient(engine, text, expected) -> None:
    events = coded_events(engine, text, "fr", PUBLISHED)
    threats = [e for e in events if e.type == "THREATEN"]
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in threats] == [expected]
    assert not threats[0].negated


@pytest.mark.parametrize(("text", "expected"), [
    ("La Turquie a rouvert son espace aérien aux avions israéliens.", ("CONCEDE", "TUR", "ISR")),
    ("Le Rwanda a rouvert sa frontière avec le Burundi, fermée depuis seize mois.", ("CONCEDE", "RWA", "BDI")),
    ("Israël a rouvert dimanche le point de passage de Kerem Shalom à l'aide humanitaire destinée à Gaza.",
     ("RETREAT", "ISR", "PSE")),
])
def test_a_reopened_border_is_a_concession_and_a_crossing_for_aid_a_retreat(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_inspectors_allowed_in_are_the_recipients(engine) -> None:
    assert ("RETREAT", "IRNGOV", "IGOIAEA") in dyads(
        engine, "Les autorités iraniennes ont autorisé les inspecteurs de l'AIEA à accéder au site de Fordo.")


def test_a_football_club_named_after_a_city_is_no_state(engine) -> None:
    assert dyads(engine, "Le Paris Saint-Germain menace de quitter le Parc des Princes si la mairie refuse "
                         "de vendre le stade.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Kim Jong-un se dit prêt à recourir à l'arme nucléaire contre la Corée du Sud.", ("THREATEN", "PRKGOV", "KOR")),
    ("L'Iran est prêt à frapper Israël.", ("THREATEN", "IRN", "ISR")),
    ("La Chine se dit prête à utiliser la force contre Taïwan.", ("THREATEN", "CHN", "TWN")),
])
def test_readiness_to_strike_is_a_threat_made_now(engine, text, expected) -> None:
    events = coded_events(engine, text, "fr", PUBLISHED)
    assert [(e.type, e.source.code, e.target.code) for e in events] == [expected]
    assert events[0].modality == "asserted" and not events[0].negated


def test_force_used_against_a_crowd_stays_an_attack(engine) -> None:
    assert ("ASSAULT", "KENCOP", "KENCVL") in dyads(engine, "La police a utilisé la force contre les manifestants à Nairobi.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscou donne dix jours à Kiev pour retirer ses troupes de Koursk.", {("THREATEN", "RUS", "UKR")}),
    ("La Cédéao a donné un délai d'une semaine à la junte nigérienne pour rétablir Bazoum.",
     {("THREATEN", "IGOECOWAS", "NERGOV")}),
])
def test_a_deadline_given_to_another_party_is_an_ultimatum(engine, text, expected) -> None:
    assert dyads(engine, text) == expected


def test_days_off_given_are_no_ultimatum(engine) -> None:
    assert dyads(engine, "Le club a donné trois jours de repos à ses joueurs.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("L'Iran a fermé la porte à toute négociation directe avec les États-Unis.", ("REJECT", "IRN", "USA")),
    ("Téhéran a répondu non à l'offre de Washington.", ("REJECT", "IRN", "USA")),
])
def test_idioms_of_refusal(engine, text, expected) -> None:
    assert dyads(engine, text) == {expected}


def test_answering_questions_is_no_refusal(engine) -> None:
    assert dyads(engine, "Le ministre a répondu aux questions des députés.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Berlin insiste auprès de Pékin pour qu'il fasse pression sur Moscou.", ("REQUEST", "DEU", "CHN")),
    ("Le pape a intercédé auprès de Téhéran pour la libération des otages.", ("REQUEST", "VATGOV", "IRN")),
])
def test_pressing_someone_is_a_request(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_what_a_ban_forbade_is_not_coded(engine) -> None:
    found = dyads(engine, "Le gouvernement tunisien a levé l'interdiction de manifester.")
    assert ("CONCEDE", "TUNGOV", None) in found
    assert not any(t == "PROTEST" for t, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Hamas, qui détient encore des otages, a rejeté la proposition israélienne.", ("REJECT", "PSEREB", "ISR")),
    ("Le président turc, qui menace depuis des mois de lancer une offensive en Syrie, a rencontré Vladimir Poutine.",
     ("CONSULT", "TURGOV", "RUSGOV")),
    ("Le gouvernement soudanais, qui avait refusé l'envoi d'une force de l'Union africaine, a accepté mardi une "
     "médiation saoudienne.", ("AGREE", "SDNGOV", "SAU")),
])
def test_a_subject_with_a_relative_clause_between_commas_acts_in_the_main_clause(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(t == expected[0] and s is None for t, s, _ in found)
