"""French agreements in fresh wire copy: a truce announced by a third party is the agreement
of the two sides it names, the announcer being no party; a signed text after a place phrase
is the verb's object; an "entre" phrase after a place name names the parties of the
agreement. Texts written for these tests, coded on the real model, exact type, source,
target and negation."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_countries_with_negation, coded_events

PUBLISHED = date(2025, 6, 10)
events = partial(coded_countries_with_negation, published=PUBLISHED)


def pairs(found: set[tuple[str, str | None, str | None, bool]]) -> set[tuple[str, frozenset, bool]]:
    return {(t, frozenset((s, g)), n) for t, s, g, n in found}


@pytest.mark.parametrize(("text", "parties", "announcer"), [
    ("Le Qatar a annoncé mercredi un accord entre Israël et le Hamas sur une trêve de quatre jours "
     "dans la bande de Gaza, assortie de la libération d'otages.", ("ISR", "PSE"), "QAT"),
    ("L'Égypte a annoncé jeudi soir une trêve entre Israël et le Jihad islamique, après trois jours "
     "de tirs de roquettes sur le sud israélien.", ("ISR", "PSE"), "EGY"),
    ("L'ONU a annoncé vendredi une trêve entre l'Arabie saoudite et les rebelles houthis, la première "
     "à l'échelle du Yémen depuis 2016.", ("SAU", "YEM"), "IGO"),
])
def test_a_truce_announced_by_a_third_party_is_the_agreement_of_its_two_sides(engine, text, parties,
                                                                                announcer) -> None:
    found = events(engine, text)
    assert ("AGREE", frozenset(parties), False) in pairs(found)
    assert not any(t == "CONCEDE" for t, _, _, _ in found)
    assert not any(t == "AGREE" and announcer in (s, g) for t, s, g, _ in found)


def test_a_side_announcing_a_truce_with_the_other_still_concedes(engine) -> None:
    found = events(engine, "Le Hamas a annoncé samedi une trêve avec Israël pour permettre l'entrée "
                           "de l'aide humanitaire.")
    assert ("CONCEDE", "PSE", "ISR", False) in found


def test_the_text_signed_after_a_place_phrase_is_the_object(engine) -> None:
    found = events(engine, "Le président azerbaïdjanais Ilham Aliev et le Premier ministre arménien Nikol "
                           "Pachinian ont paraphé vendredi à la Maison Blanche une déclaration commune "
                           "ouvrant la voie à un traité de paix, sous le regard de Donald Trump.")
    assert ("AGREE", frozenset(("AZE", "ARM")), False) in pairs(found)


@pytest.mark.parametrize("text", [
    "Au lendemain de l'accord conclu à Ankara entre l'Éthiopie et la Somalie sous médiation turque, "
    "le président Recep Tayyip Erdogan a salué « un pas historique » vers la fin des tensions.",
    "L'accord conclu à Ankara entre l'Éthiopie et la Somalie est entré en vigueur mercredi, selon "
    "la diplomatie turque.",
])
def test_the_parties_after_a_place_name_are_those_of_the_agreement(engine, text) -> None:
    found = events(engine, text)
    assert ("AGREE", frozenset(("ETH", "SOM")), False) in pairs(found)
    assert not any("TUR" in (s, g) and t == "AGREE" for t, s, g, _ in found)


def test_two_sides_signing_in_a_third_country_are_each_others_partner(engine) -> None:
    text = ("Le gouvernement éthiopien et les rebelles du Tigré ont signé mercredi à Pretoria un accord de "
            "« cessation permanente des hostilités », a annoncé le médiateur de l'Union africaine.")
    found = {(e.type, frozenset((e.source.code, e.target.code)), e.negated)
             for e in coded_events(engine, text, "fr", PUBLISHED) if e.source and e.target}
    assert found == {("AGREE", frozenset(("ETHGOV", "ETHREB")), False)}


def test_a_list_of_three_leaders_agrees_pairwise(engine) -> None:
    found = events(engine, "Réunis à Camp David, Joe Biden, Fumio Kishida et Yoon Suk-yeol se sont engagés "
                           "vendredi à se consulter en cas de menace commune, une décision aussitôt dénoncée "
                           "par Pyongyang.")
    agreed = {p for t, p, n in pairs(found) if t == "AGREE" and not n}
    assert agreed == {frozenset(("USA", "JPN")), frozenset(("USA", "KOR")), frozenset(("JPN", "KOR"))}
    assert ("ACCUSE", "PRK", "USA", False) in found


@pytest.mark.parametrize(("text", "parties"), [
    ("Les discussions menées à Pékin entre Riyad et Téhéran ont débouché vendredi sur un accord de "
     "rétablissement des relations diplomatiques entre les deux rivaux régionaux.", ("SAU", "IRN")),
    ("Les négociations entre Moscou et Kiev ont débouché sur un accord sur la reprise des exportations "
     "de céréales ukrainiennes par la mer Noire.", ("RUS", "UKR")),
])
def test_talks_that_led_to_an_agreement_name_its_parties(engine, text, parties) -> None:
    found = pairs(events(engine, text))
    assert ("AGREE", frozenset(parties), False) in found
    assert ("CONSULT", frozenset(parties), False) in found
    assert not any("CHN" in p for _, p, _ in found)


def test_a_quoted_adjective_does_not_cut_the_truce_from_its_parties(engine) -> None:
    found = events(engine, "Donald Trump a annoncé lundi soir un cessez-le-feu « total » entre Israël et l'Iran, "
                           "après douze jours de guerre.")
    assert ("AGREE", frozenset(("ISR", "IRN")), False) in pairs(found)
    assert not any(t in ("CONCEDE", "AGREE") and "USA" in (s, g) for t, s, g, _ in found)


def test_no_agreement_between_two_sides_is_theirs_not_the_hosts(engine) -> None:
    found = events(engine, "Les négociations de Doha se sont achevées vendredi sans accord entre Israël et le "
                           "Hamas, selon une source proche des discussions.")
    assert ("AGREE", frozenset(("ISR", "PSE")), True) in pairs(found)
    assert not any(t == "AGREE" and "QAT" in (s, g) for t, s, g, _ in found)


def test_a_mediator_between_two_sides_meets_each(engine) -> None:
    found = events(engine, "La Turquie a joué un rôle de médiateur entre la Russie et l'Ukraine lors des "
                           "pourparlers d'Istanbul.")
    assert {("CONSULT", "TUR", "RUS", False), ("CONSULT", "TUR", "UKR", False)} <= found


def test_the_sides_named_on_a_concluded_agreement_are_its_parties(engine) -> None:
    text = ("Conclu au terme d'une semaine de pourparlers à Djeddah, l'accord entre l'armée soudanaise et les "
            "paramilitaires des Forces de soutien rapide prévoit la protection des civils.")
    found = {(e.type, frozenset((e.source.code if e.source else None, e.target.code if e.target else None)),
              e.negated) for e in coded_events(engine, text, "fr", PUBLISHED)}
    assert ("AGREE", frozenset(("SDNMIL", "SDNREB")), False) in found
    assert not any(None in p for t, p, _ in found if t == "AGREE")
