"""French meetings, talks and visits (CONSULT) and support in wire-style sentences: the
pronoun of a "où" clause in a phrase fronted before the main clause, a summary phrase after
the host of a visit, … Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_country_triples, coded_events, symmetric

PUBLISHED = date(2025, 6, 4)
countries = partial(coded_country_triples, published=PUBLISHED)


@pytest.mark.parametrize(("text", "visitor", "met"), [
    ("En marge du sommet de l'Otan à La Haye, où il a rencontré le président turc Recep Tayyip Erdogan, "
     "le chancelier allemand a plaidé pour un renforcement des défenses aériennes.", "DEU", "TUR"),
    ("Lors du forum de Davos, où elle s'est entretenue avec le président argentin Javier Milei, "
     "la présidente de la Commission européenne a défendu le libre-échange.", "IGOEU", "ARG"),
])
def test_pronoun_of_a_where_clause_in_a_fronted_phrase_is_the_main_subject(engine, text, visitor, met) -> None:
    found = countries(engine, text)
    assert symmetric(found, "CONSULT", visitor, met)
    # the summit's organisation or city is not who met
    assert not any(t == "CONSULT" and ("IGONATO" in (s, g) or None in (s, g)) for t, s, g in found)


def test_summary_after_the_host_of_a_visit_is_no_party(engine) -> None:
    found = countries(engine, "Le ministre qatari des Affaires étrangères s'est rendu lundi à Kaboul, où il a été reçu "
                              "par le chef de la diplomatie taliban, une première depuis la chute du régime d'Ashraf Ghani.")
    consults = {(s, g) for t, s, g in found if t == "CONSULT"}
    assert consults and all("QAT" in pair for pair in consults)
    assert all(s != g for s, g in consults)


@pytest.mark.parametrize(("text", "supporter", "supported"), [
    ("Le président polonais s'est entretenu jeudi avec le chancelier autrichien, qui lui a renouvelé "
     "le soutien de Vienne dans la crise migratoire à la frontière biélorusse.", "AUT", "POL"),
    ("Le Premier ministre japonais a reçu mardi à Tokyo le président philippin, qui lui a exprimé son soutien "
     "face aux revendications chinoises.", "PHL", "JPN"),
])
def test_support_in_a_relative_clause_goes_to_who_met_the_speaker(engine, text, supporter, supported) -> None:
    found = countries(engine, text)
    assert ("SUPPORT", supporter, supported) in found
    assert symmetric(found, "CONSULT", supporter, supported)


def test_thanks_in_a_relative_clause_go_to_the_host(engine) -> None:
    found = countries(engine, "Le roi d'Espagne a reçu vendredi à Madrid le président ukrainien, qui l'a remercié "
                              "pour l'aide apportée aux réfugiés.")
    assert ("SUPPORT", "UKR", "ESP") in found


def test_coordinated_visitors_each_visit_the_destination(engine) -> None:
    found = countries(engine, "Le Premier ministre espagnol et son homologue portugais se sont rendus mardi à Rabat "
                              "pour préparer la Coupe du monde 2030.")
    assert ("CONSULT", "ESP", "MAR") in found
    assert ("CONSULT", "PRT", "MAR") in found
    assert not symmetric(found, "CONSULT", "ESP", "PRT")


def test_main_subject_after_a_fronted_clause_is_not_its_objects_apposition(engine) -> None:
    found = countries(engine, "Après avoir rencontré le Premier ministre irakien à Bagdad, le chef de la diplomatie "
                              "turque Hakan Fidan a salué jeudi les efforts de l'Irak contre le PKK.")
    assert symmetric(found, "CONSULT", "TUR", "IRQ")
    assert ("SUPPORT", "TUR", "IRQ") in found


def test_agent_of_a_participle_hung_on_its_adverbial(engine) -> None:
    events = coded_events(engine, "Le président colombien, reçu jeudi dans le Bureau ovale par Donald Trump, a dû "
                                  "répondre aux questions des journalistes sur le trafic de drogue.", "fr", PUBLISHED)
    consults = [e for e in events if e.type == "CONSULT"]
    assert {(e.source.country, e.target.country) for e in consults} & {("USA", "COL"), ("COL", "USA")}
    # received, not due to be: the modal verb of the main clause does not reach the participle
    assert all(e.modality == "asserted" for e in consults)


def test_met_person_after_a_place_phrase_is_the_object(engine) -> None:
    found = countries(engine, "Le ministre égyptien des Affaires étrangères a rencontré jeudi à Gaza le chef du Hamas, "
                              "selon la télévision d'État.")
    consults = {(s, g) for t, s, g in found if t == "CONSULT"}
    assert ("EGY", "PSE") in consults or ("PSE", "EGY") in consults


def test_definite_description_of_a_group_named_before(engine) -> None:
    events = coded_events(engine, "Le Hezbollah a rejeté mardi la proposition américaine, le mouvement chiite "
                                  "accusant Washington de servir Israël.", "fr", PUBLISHED)
    assert ("ACCUSE", "LBNREB", "USA") in {(e.type, e.source.code if e.source else None,
                                            e.target.country if e.target else None) for e in events}


def test_an_indefinite_group_is_not_the_one_named_before(engine) -> None:
    events = coded_events(engine, "Le Hezbollah a rejeté le plan américain, tandis qu'un mouvement chiite yéménite a "
                                  "menacé Washington de représailles.", "fr", PUBLISHED)
    assert not any(e.type == "THREATEN" and e.source is not None and e.source.code == "LBNREB" for e in events)


def test_support_goes_to_the_a_phrase_of_the_carrying_verb(engine) -> None:
    events = coded_events(engine, "Le ministre qatari a reçu lundi une délégation du Hamas, renouvelant l'appui de Doha "
                                  "au mouvement islamiste.", "fr", PUBLISHED)
    assert any(e.type == "SUPPORT" and e.source and e.source.country == "QAT"
               and e.target and e.target.code == "PSEREB" for e in events)


def test_summary_after_an_arrival_is_no_object(engine) -> None:
    found = countries(engine, "Le président brésilien est arrivé lundi à Tokyo pour une visite d'État de quatre jours, "
                              "son premier déplacement en Asie depuis sa réélection, a annoncé la présidence.")
    assert ("CONSULT", "BRA", "JPN") in found


def test_main_subject_after_a_fronted_phrase_with_a_where_clause(engine) -> None:
    found = countries(engine, "Au sommet de l'Union africaine à Addis-Abeba, où il a été accueilli par le Premier "
                              "ministre éthiopien, le président kényan William Ruto a réclamé une réforme du Conseil de sécurité.")
    assert symmetric(found, "CONSULT", "KEN", "ETH")
    assert any(t == "REQUEST" and s == "KEN" for t, s, _ in found)
    assert not any(t == "REQUEST" and s == "ETH" for t, s, _ in found)


def test_relative_que_tagged_as_a_conjunction_is_the_one_thanked(engine) -> None:
    found = countries(engine, "Le chancelier allemand s'est entretenu par téléphone avec le président brésilien, "
                              "qu'il a remercié pour sa position sur le climat.")
    assert ("SUPPORT", "DEU", "BRA") in found
