"""French meetings, thanks and concessions in wire style: a pronoun in a clause on the place
("où il a été reçu par …") stands for the visitor, a call received is a call, sanctions
withdrawn and blockades lifted are concessions, and accepting to withdraw is yielding. Texts
written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads

PUBLISHED = date(2025, 9, 10)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le chancelier autrichien s'est rendu à Belgrade, où il a été reçu par le président serbe.",
     ("CONSULT", "SRBGOV", "AUTGOV")),
    ("La ministre canadienne s'est rendue à Mexico, où elle a été reçue par la présidente mexicaine.",
     ("CONSULT", "MEXGOV", "CANGOV")),
])
def test_the_pronoun_of_a_clause_on_the_place_is_the_visitor(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found or (expected[0], expected[2], expected[1]) in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Premier ministre espagnol a reçu un appel téléphonique du roi du Maroc.",
     ("CONSULT", "ESPGOV", "MARGOV")),
    ("Le président égyptien a reçu mardi un appel de son homologue américain.",
     ("CONSULT", "EGYGOV", "USAGOV")),
])
def test_a_call_received_is_a_call(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_a_call_for_a_strike_received_is_no_call(engine) -> None:
    assert not any(t == "CONSULT" for t, _, _ in dyads(
        engine, "Le gouvernement a reçu un appel à la grève des syndicats."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Canada a retiré ses sanctions contre deux banques biélorusses.", ("CONCEDE", "CAN", "BLRBUS")),
    ("Les États-Unis ont mis fin aux sanctions contre la Syrie.", ("CONCEDE", "USA", "SYR")),
    ("L'Arabie saoudite a mis fin au blocus imposé au Qatar.", ("CONCEDE", "SAU", "QAT")),
    ("Israël a levé le blocus imposé à Gaza.", ("CONCEDE", "ISR", "PSE")),
    ("Le ministère chinois du Commerce a suspendu ses contrôles à l'exportation vers les États-Unis.",
     ("CONCEDE", "CHNGOV", "USA")),
])
def test_sanctions_withdrawn_and_blockades_ended_are_concessions(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(t in ("SANCTION", "COERCE") for t, _, _ in found)


def test_a_siege_lifted_stays_a_withdrawal(engine) -> None:
    found = dyads(engine, "L'armée russe a levé le siège de Tchernihiv.")
    assert any(t == "RETREAT" for t, _, _ in found)


def test_ending_a_blockade_after_reopening_borders_is_one_act(engine) -> None:
    found = dyads(engine, "L'Arabie saoudite a rouvert son espace aérien au Qatar, mettant fin à trois ans de blocus.")
    assert not any(t == "CONCEDE" and target is None for t, _, target in found)


def test_a_topic_phrase_is_no_partner(engine) -> None:
    found = dyads(engine, "Le Premier ministre grec a eu mardi un entretien téléphonique avec le président "
                          "chypriote, au sujet des forages turcs.")
    assert ("CONSULT", "GRCGOV", "CYPGOV") in found
    assert not any(target == "TUR" for _, _, target in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("La présidente de la Tanzanie a conféré avec le président ougandais.", ("CONSULT", "TZAGOV", "UGAGOV")),
    ("Le chef de l'État congolais a eu une séance de travail avec l'émissaire américain.",
     ("CONSULT", "CODGOV", "USAGOV")),
    ("Le Premier ministre néerlandais a séjourné deux jours à Kiev.", ("CONSULT", "NLDGOV", "UKR")),
    ("Le ministre japonais des Affaires étrangères a fait escale à Manille.", ("CONSULT", "JPNGOV", "PHL")),
    ("Le gouvernement portugais a exprimé sa reconnaissance à l'Espagne.", ("SUPPORT", "PRTGOV", "ESP")),
    ("Le président français a adressé un message de félicitations au nouveau Premier ministre japonais.",
     ("SUPPORT", "FRAGOV", "JPNGOV")),
    ("Le président français s'est entretenu avec son homologue égyptien, qu'il a remercié pour sa médiation.",
     ("SUPPORT", "FRAGOV", "EGYGOV")),
])
def test_meetings_and_thanks_in_new_words(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Niger a accepté de laisser entrer les observateurs de la Cedeao.", ("CONCEDE", "NER", "IGOECOWAS")),
])
def test_accepting_to_let_in_is_a_concession(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(t == "AGREE" for t, _, _ in found)


def test_accepting_talks_stays_an_agreement(engine) -> None:
    found = dyads(engine, "L'Iran a accepté de reprendre les négociations avec Washington.")
    assert ("AGREE", "IRN", "USA") in found


@pytest.mark.parametrize("text", [
    "Le PDG de Samsung s'est entretenu par téléphone avec des investisseurs américains.",
    "Le tribunal de commerce a levé le blocus des comptes de la société.",
    "Le navigateur a fait escale à Madère avant de reprendre la course.",
])
def test_private_shapes_are_no_diplomacy(engine, text) -> None:
    assert not any(t in ("CONSULT", "SUPPORT") and target is not None and source is not None
                   for t, source, target in dyads(engine, text))


def test_a_message_of_congratulations_is_addressed_to_its_recipient(engine) -> None:
    found = dyads(engine, "Le président nigérian a adressé un message de félicitations au nouveau président du Sénégal.")
    assert ("SUPPORT", "NGAGOV", "SENGOV") in found
