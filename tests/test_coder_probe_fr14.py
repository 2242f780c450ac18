"""French threats, agreements and refusals in wire shapes: veiled threats ("n'hésitera pas à",
"se réserve le droit de", sanctions not ruled out), whom a warning is aimed at named after the
speech verb, a threat as the circumstance of a clause, the agent of a passive participle opening
the sentence, agreements concluded "entre X et Y", offers not followed up or ignored, and the
recipient named inside a refused act. Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_country_triples, coded_dyads, coded_events

PUBLISHED = date(2025, 6, 4)
dyads = partial(coded_dyads, published=PUBLISHED)
events = partial(coded_events, published=PUBLISHED)
countries = partial(coded_country_triples, published=PUBLISHED)


# ---------------------------------------------------------------- veiled threats
@pytest.mark.parametrize(("text", "expected"), [
    ("La Corée du Sud « n'hésitera pas » à riposter contre la Corée du Nord, a prévenu mardi son ministre de la Défense.",
     ("THREATEN", "KOR", "PRK")),
    ("L'Inde n'hésitera pas à frapper le Pakistan en cas de nouvel attentat, a déclaré le ministre indien de "
     "l'Intérieur.", ("THREATEN", "IND", "PAK")),
    ("Le Vietnam se réserve le droit de répondre à toute incursion chinoise, a indiqué Hanoï.",
     ("THREATEN", "VNM", None)),
    ("Le Royaume-Uni n'exclut pas des sanctions contre l'Iran après l'arrestation de deux ressortissants "
     "britanniques.", ("THREATEN", "GBR", "IRN")),
    ("Le président biélorusse a laissé planer jeudi la menace de représailles contre la Lituanie.",
     ("THREATEN", "BLR", "LTU")),
    ("Le chef d'état-major égyptien a promis l'« enfer » aux milices qui franchiraient la frontière libyenne.",
     ("THREATEN", "EGY", None)),
])
def test_a_veiled_threat_is_a_threat(engine, text, expected) -> None:
    found = countries(engine, text)
    if expected[2] is None:
        assert any(t == "THREATEN" and s == expected[1] for t, s, _ in found), found
    else:
        assert expected in found


def test_not_hesitating_is_asserted_and_not_negated(engine) -> None:
    threats = [e for e in events(engine, "Le Japon n'hésitera pas à défendre les îles Senkaku contre la Chine, "
                                          "a prévenu le ministre japonais de la Défense.")
               if e.type == "THREATEN"]
    assert threats and all(not e.negated and e.modality == "asserted" for e in threats)


def test_hesitating_to_act_is_no_threat(engine) -> None:
    found = events(engine, "L'Allemagne hésite à frapper les intérêts économiques de la Chine.")
    assert not any(e.type == "THREATEN" and not e.negated for e in found)


def test_ruling_sanctions_out_is_no_threat(engine) -> None:
    found = events(engine, "La France exclut des sanctions contre le Maroc.")
    assert not any(e.type == "THREATEN" and not e.negated for e in found)


def test_a_doubt_hanging_over_is_no_threat(engine) -> None:
    found = countries(engine, "Le président tunisien laisse planer le doute sur sa candidature.")
    assert not any(t == "THREATEN" for t, _, _ in found)


# ---------------------------------------------------------------- whom a warning is aimed at
@pytest.mark.parametrize(("text", "expected"), [
    ("« Notre riposte sera terrible », a averti samedi le chef de l'armée iranienne, visant les États-Unis.",
     ("THREATEN", "IRN", "USA")),
    ("Le ministre russe de la Défense a mis en garde jeudi, à l'adresse de la Finlande, contre tout "
     "déploiement de missiles.", ("THREATEN", "RUS", "FIN")),
    ("La Turquie se réserve le droit d'agir, a prévenu le ministère turc des Affaires étrangères, en "
     "référence à la Grèce.", ("THREATEN", "TUR", "GRC")),
])
def test_the_addressee_phrase_names_the_recipient(engine, text, expected) -> None:
    assert expected in countries(engine, text)


def test_an_addressee_phrase_does_not_replace_a_recipient_found(engine) -> None:
    found = countries(engine, "Pékin a averti Manille, visant aussi Washington, qu'elle jouait avec le feu.")
    assert ("THREATEN", "CHN", "PHL") in found


# ---------------------------------------------------------------- a threat as the circumstance
def test_a_threat_named_as_circumstance_is_aimed_at_the_subject(engine) -> None:
    assert ("THREATEN", "RUS", "ARM") in countries(
        engine, "Sous la menace de représailles russes, l'Arménie a suspendu sa participation aux exercices.")


def test_the_agent_of_a_fronted_participle_is_the_source(engine) -> None:
    found = countries(engine, "Menacée par Pékin de sanctions commerciales, la Lituanie a rappelé son "
                              "ambassadeur.")
    assert ("THREATEN", "CHN", "LTU") in found
    assert ("THREATEN", "LTU", "CHN") not in found


# ---------------------------------------------------------------- agreements
@pytest.mark.parametrize(("text", "pair"), [
    ("L'accord de paix conclu jeudi entre l'Arménie et l'Azerbaïdjan doit être ratifié par les parlements.",
     {"ARM", "AZE"}),
    ("Un accord sur les prisonniers a été obtenu dimanche entre Moscou et Kiev, selon Ankara.",
     {"RUS", "UKR"}),
])
def test_an_agreement_reached_between_two_parties(engine, text, pair) -> None:
    assert any(t == "AGREE" and {s, g} == pair for t, s, g in countries(engine, text))


def test_a_participle_with_no_parties_stays_background(engine) -> None:
    found = countries(engine, "Les produits importés de Chine sont taxés à 30 %.")
    assert not any(t == "AGREE" for t, _, _ in found)


@pytest.mark.parametrize(("text", "pair"), [
    ("Le ministre japonais de la Défense et son homologue philippin ont paraphé lundi un mémorandum sur "
     "l'accès réciproque de leurs troupes.", {"JPN", "PHL"}),
    ("Paris et Berlin ont acté vendredi la création d'un fonds commun pour la défense.", {"FRA", "DEU"}),
    ("Le Chili a donné son accord au déploiement de soldats argentins à la frontière.", {"CHL", "ARG"}),
])
def test_texts_initialled_and_decisions_recorded_are_agreements(engine, text, pair) -> None:
    assert any(t == "AGREE" and {s, g} == pair for t, s, g in countries(engine, text))


def test_talks_that_reach_no_agreement_give_a_negated_agreement(engine) -> None:
    found = events(engine, "Les négociateurs serbes et kosovars ne sont parvenus à aucun accord mardi à "
                           "Bruxelles.")
    agreements = [e for e in found if e.type == "AGREE"]
    assert agreements and all(e.negated for e in agreements)


# ---------------------------------------------------------------- refusals
@pytest.mark.parametrize(("text", "expected"), [
    ("Le Premier ministre libanais a écarté toute négociation directe avec Israël.", ("REJECT", "LBN", "ISR")),
    ("Le gouvernement turc n'a pas donné suite à l'offre de médiation suédoise.", ("REJECT", "TUR", "SWE")),
    ("La Hongrie ne donnera pas suite à la demande de la Pologne.", ("REJECT", "HUN", "POL")),
    ("Le Venezuela a ignoré l'ultimatum lancé par le Guyana.", ("REJECT", "VEN", "GUY")),
    ("L'Autriche a refusé de réexporter vers l'Ukraine des blindés achetés à l'Allemagne.",
     ("REJECT", "AUT", "UKR")),
])
def test_refusals_in_fresh_shapes(engine, text, expected) -> None:
    found = {(t, s, g) for t, s, g in countries(engine, text)}
    assert expected in found


def test_an_offer_followed_up_is_taken_up(engine) -> None:
    found = events(engine, "Le Soudan a donné suite à la proposition éthiopienne de médiation.")
    assert any(e.type == "AGREE" and not e.negated for e in found)
    assert not any(e.type == "REJECT" for e in found)


def test_an_offer_not_followed_up_is_an_asserted_refusal(engine) -> None:
    found = [e for e in events(engine, "Le Maroc n'a pas donné suite à l'invitation algérienne.")
             if e.type == "REJECT"]
    assert found and all(not e.negated for e in found)


def test_the_place_of_a_refused_act_is_no_recipient(engine) -> None:
    found = countries(engine, "Le ministre belge a refusé de témoigner en Allemagne.")
    assert not any(t == "REJECT" and g == "DEU" for t, _, g in found)


def test_two_parties_endorsing_a_decision_agree(engine) -> None:
    found = countries(engine, "Le Qatar et Bahreïn ont entériné jeudi le tracé de leur frontière maritime.")
    assert any(t == "AGREE" and {s, g} == {"QAT", "BHR"} for t, s, g in found)


def test_one_body_endorsing_a_reform_is_no_agreement(engine) -> None:
    found = countries(engine, "Le Parlement a entériné la réforme des retraites.")
    assert not any(t == "AGREE" for t, _, _ in found)
