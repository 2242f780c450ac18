"""French meetings, visits and envoys (CONSULT), aid (AID) and cooperation (COOPERATE) in
wire-style sentences: a fronted pair of names before "ne se sont pas", a place after "la semaine
prochaine", envoys sent abroad, Europe's leaders as one body, … Texts written for these tests,
coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_country_triples, coded_events, country_triples, symmetric

PUBLISHED = date(2024, 6, 4)
coded = partial(coded_country_triples, published=PUBLISHED)


@pytest.mark.parametrize(("text", "negated"), [
    ("Scholz et Macron se sont entretenus mardi à Meseberg.", False),
    ("Scholz et Macron ne se sont finalement pas rencontrés lors du sommet de Grenade.", True),
])
def test_pair_of_names_before_clitics_is_the_subject(engine, text, negated) -> None:
    events = coded_events(engine, text, "fr", PUBLISHED)
    consults = [e for e in events if e.type == "CONSULT"]
    assert symmetric(country_triples(consults), "CONSULT", "DEU", "FRA")
    assert all(e.negated is negated for e in consults)


def test_place_after_a_relative_week_is_the_destination(engine) -> None:
    found = coded(engine, "Le ministre japonais des Affaires étrangères se rendra la semaine prochaine en Australie.")
    assert ("CONSULT", "JPN", "AUS") in found


@pytest.mark.parametrize(("text", "sender", "host"), [
    ("Le Qatar a dépêché mardi un émissaire à Beyrouth pour tenter de débloquer l'élection présidentielle.",
     "QAT", "LBN"),
    ("L'envoi d'une délégation chinoise à Kaboul a permis d'évoquer les investissements miniers, selon Pékin.",
     "CHN", "AFG"),
])
def test_envoys_sent_abroad_are_a_visit_not_aid(engine, text, sender, host) -> None:
    found = coded(engine, text)
    assert ("CONSULT", sender, host) in found
    assert not any(t == "AID" for t, _, _ in found)


def test_european_leaders_are_the_union(engine) -> None:
    found = coded(engine, "Les dirigeants européens ont reçu jeudi le président moldave à Bruxelles.")
    assert symmetric(found, "CONSULT", "IGOEU", "MDA")


def test_rescuers_deployed_abroad_are_aid_not_a_deployment(engine) -> None:
    found = coded(engine, "Le Maroc a déployé lundi des sauveteurs en Libye après les inondations de Derna.")
    assert ("AID", "MAR", "LBY") in found
    assert not any(t == "MOBILIZE" for t, _, _ in found)
