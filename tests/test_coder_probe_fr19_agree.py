"""French agreements, offers and accepted proposals in fresh wire copy: an offer made to a
party, a proposal accepted from mediators and a deal signed with a partner are AGREE toward
the other party, with exact source, target and negation. Texts written for these tests,
coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_countries_with_negation

PUBLISHED = date(2025, 6, 10)
events = partial(coded_countries_with_negation, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Premier ministre britannique Keir Starmer a proposé dimanche à Kiev une trêve d'un mois "
     "dans les airs et en mer, lors d'un sommet européen réuni à Londres.", ("AGREE", "GBR", "UKR", False)),
    ("Le Maroc a proposé à l'Algérie l'ouverture d'un dialogue sur la réouverture de leur frontière "
     "commune, selon un communiqué du ministère marocain des Affaires étrangères.", ("AGREE", "MAR", "DZA", False)),
    ("Le Hamas a accepté lundi la proposition de cessez-le-feu des médiateurs égyptiens et qatariens, "
     "a annoncé le chef du bureau politique du mouvement Ismaïl Haniyeh.", ("AGREE", "PSE", "EGY", False)),
    ("Les États-Unis ont signé mercredi avec l'Ukraine un accord sur l'exploitation des minerais "
     "ukrainiens, a annoncé le Trésor américain.", ("AGREE", "USA", "UKR", False)),
])
def test_offers_accepted_proposals_and_signed_deals_are_agreements(engine, text, expected) -> None:
    assert expected in events(engine, text)


def test_a_rejected_proposal_is_not_an_agreement(engine) -> None:
    found = events(engine, "Le Hamas a rejeté vendredi la nouvelle proposition de trêve présentée par les "
                           "médiateurs américains, qatariens et égyptiens.")
    assert ("REJECT", "PSE", "USA", False) in found
    assert not any(t == "AGREE" for t, _, _, _ in found)


@pytest.mark.parametrize("text", [
    "Le Hezbollah s'est dit prêt mardi à examiner toute proposition de cessez-le-feu présentée par Washington, "
    "au lendemain de nouvelles frappes israéliennes dans le sud du Liban.",
    "Le Hezbollah s'est dit prêt à étudier toute proposition de trêve présentée par Washington.",
])
def test_readiness_to_weigh_any_offer_is_an_agreement(engine, text) -> None:
    assert ("AGREE", "LBN", "USA", False) in events(engine, text)
