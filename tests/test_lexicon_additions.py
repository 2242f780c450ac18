"""Predicate rows added to the French and English lexicons, each on a sentence written for it."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.records import Article, Event

PUBLISHED = date(2024, 3, 14)


def code(engine, text: str, lang: str) -> list[Event]:
    return engine.code_article(Article(id="t", text=text, language=lang, published=PUBLISHED))


def country(actor) -> str | None:
    return None if actor is None or not actor.resolved else (actor.country or actor.code)


@pytest.mark.parametrize(("text", "lang", "type_", "source", "target", "pattern"), [
    ("Paris a vendu vingt-six avions Rafale à l'Inde.", "fr", "AID", "FRA", "IND", "fr.v.vendre.arme"),
    ("Washington a annoncé une nouvelle vente de missiles à Taïwan.", "fr", "AID", "USA", "TWN", "fr.n.vente.arme"),
    ("Germany sold tanks to Qatar last year.", "en", "AID", "DEU", "QAT", "en.v.sell.weapon"),
    ("Le Parlement slovaque a abrogé la loi sur les organisations non gouvernementales.", "fr", "CONCEDE", "SVK", None, "fr.v.abroger"),
    ("Israël a rouvert le point de passage d'Erez.", "fr", "RETREAT", "ISR", None, "fr.v.rouvrir.accès"),
    ("Le parquet iranien a requis la peine de mort contre un rappeur.", "fr", "ACCUSE", "IRN", None, "fr.v.requérir.peine"),
    ("Le Niger est sorti de l'accord de défense avec la France.", "fr", "SANCTION", "NER", None, "fr.v.sortir.accord"),
    ("La Slovaquie a voté contre la résolution.", "fr", "REJECT", "SVK", None, "fr.v.voter.contre"),
    ("Le Japon a accueilli favorablement la proposition sud-coréenne.", "fr", "SUPPORT", "JPN", "KOR", "fr.v.accueillir.favorablement"),
    ("La Turquie a annoncé la fermeture de son espace aérien aux avions israéliens.", "fr", "COERCE", "TUR", "ISR", "fr.n.fermeture.frontière"),
    ("Le Canada a annoncé la fermeture de son ambassade à Téhéran.", "fr", "SANCTION", "CAN", None, "fr.n.fermeture.ambassade"),
    ("La Suisse a dégelé les avoirs de la banque centrale afghane.", "fr", "CONCEDE", "CHE", None, "fr.v.dégeler"),
    ("Le Trésor américain a placé sur liste noire trois banques iraniennes.", "fr", "SANCTION", "USA", "IRN", "fr.v.placer.liste"),
    ("La Hongrie a bloqué le nouveau paquet de sanctions européennes contre la Russie.", "fr", "REJECT", "HUN", None, "fr.v.bloquer.résolution"),
    ("Le Canada a réduit ses droits de douane sur les voitures chinoises.", "fr", "CONCEDE", "CAN", "CHN", "fr.v.réduire.droit"),
    ("India cut tariffs on American motorcycles.", "en", "CONCEDE", "IND", "USA", "en.v.cut.tariffs"),
    ("Le tribunal de l'ONU a ordonné à la Serbie de livrer les suspects.", "fr", "REQUEST", None, "SRB", "fr.v.ordonner"),
    ("Téhéran a prévenu qu'il riposterait à toute attaque israélienne.", "fr", "THREATEN", "IRN", "ISR", "fr.v.prévenir.que"),
    ("Le Hezbollah a juré de venger la mort de son commandant.", "fr", "THREATEN", "LBN", None, "fr.v.jurer.vengeance"),
])
def test_new_rows_code_their_event(engine, text, lang, type_, source, target, pattern) -> None:
    events = [e for e in code(engine, text, lang) if e.pattern.startswith(pattern)]
    assert events, text
    e = events[0]
    assert e.type == type_
    if source is not None:
        assert country(e.source) == source
    if target is not None:
        assert country(e.target) == target


@pytest.mark.parametrize(("text", "lang"), [
    ("La vente du club de football a été conclue lundi.", "fr"),
    ("La fermeture de l'usine Renault inquiète les salariés.", "fr"),
    ("Les députés ont voté le budget mercredi.", "fr"),
    ("Le président a ordonné l'ouverture d'une enquête sur l'incendie.", "fr"),
    ("The sale of the company was completed on Monday.", "en"),
])
def test_plain_uses_of_the_same_words_are_no_event(engine, text: str, lang: str) -> None:
    patterns = {e.pattern for e in code(engine, text, lang)}
    assert not {p for p in patterns if p.split(".")[2] in ("vente", "fermeture", "voter", "sale", "ordonner")}


def test_resuming_relations_is_support_between_both(engine) -> None:
    events = [e for e in code(engine, "Le Maroc et l'Iran ont repris leurs relations diplomatiques.", "fr") if e.type == "SUPPORT"]
    assert events and {country(events[0].source), country(events[0].target)} == {"MAR", "IRN"}


def test_the_object_of_a_collocation_is_not_coded_again(engine) -> None:
    # "réduire ses droits de douane": one act, the easing; the duties are not a new sanction
    events = code(engine, "Le Canada a réduit ses droits de douane sur les voitures chinoises.", "fr")
    assert {e.type for e in events} == {"CONCEDE"}


def test_a_collocation_noun_read_as_a_plain_oblique_still_makes_the_trigger(engine) -> None:
    # "descendre dans la rue": the parser labels "rue" obl:mod, and "être" with a verb of
    # motion is a compound past, not a passive: the students protest
    events = code(engine, "Des milliers d'étudiants serbes sont descendus dans la rue samedi à Belgrade contre le gouvernement.", "fr")
    protests = [e for e in events if e.pattern.startswith("fr.v.descendre.rue")]
    assert protests and protests[0].type == "PROTEST"
    assert protests[0].source is not None and protests[0].source.country == "SRB"


def test_an_order_to_ones_own_forces_leaves_the_ordered_act_coded(engine) -> None:
    events = code(engine, "Le président russe a ordonné à l'armée de se retirer de la rive droite du Dniepr.", "fr")
    assert "RETREAT" in {e.type for e in events}
    assert "REQUEST" not in {e.type for e in events}
    assert any(e.pattern == "fr.v.ordonner.forces" and e.type == "MOBILIZE" for e in events)


@pytest.mark.parametrize(("text", "pattern", "source"), [
    ("Le Hezbollah a annoncé un cessez-le-feu unilatéral.", "fr.v.annoncer.cessez-le-feu", "LBN"),
    ("L'armée birmane a décrété une trêve après le séisme.", "fr.v.décréter.cessez-le-feu", "MMR"),
    ("Levée de l'état d'urgence en Équateur", "fr.n.levée", "ECU"),
    ("Levée du couvre-feu à Dakar", "fr.n.levée", "SEN"),
])
def test_announcing_a_truce_or_lifting_a_curfew_is_one_concession(engine, text, pattern, source) -> None:
    # the guideline: announcing a ceasefire is CONCEDE (its taking effect is RETREAT); the
    # curfew lifted is not a second, coercive event
    events = code(engine, text, "fr")
    assert [e.type for e in events] == ["CONCEDE"], text
    assert events[0].pattern == pattern and country(events[0].source) == source


def test_a_ceasefire_taking_effect_stays_a_retreat(engine) -> None:
    events = code(engine, "Le cessez-le-feu entre Israël et le Hamas est entré en vigueur.", "fr")
    assert events and {e.type for e in events} == {"RETREAT"}


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Le président chinois a invité son homologue brésilien à se rendre à Pékin.", "CHN", "BRA"),
    ("Le Kenya a invité le président somalien à une visite officielle.", "KEN", "SOM"),
    ("Pékin a invité le chef de la diplomatie américaine à participer au sommet.", "CHN", "USA"),
])
def test_an_invitation_to_visit_is_an_agreement_not_a_request(engine, text, source, target) -> None:
    events = code(engine, text, "fr")
    assert [(e.type, country(e.source), country(e.target)) for e in events] == [("AGREE", source, target)]


def test_inviting_to_restraint_stays_a_request(engine) -> None:
    events = code(engine, "L'Union africaine a invité le Soudan à la retenue.", "fr")
    assert [e.type for e in events] == ["REQUEST"]


@pytest.mark.parametrize(("text", "type_", "source", "target", "pattern"), [
    ("Pékin a assoupli les restrictions imposées aux importations australiennes.", "CONCEDE", "CHN", "AUS",
     "fr.v.assouplir.restriction"),
    ("Le Mali a autorisé le retour des observateurs de l'ONU.", "RETREAT", "MLI", "IGOUN", "fr.v.autoriser.accès"),
])
def test_easing_restrictions_and_allowing_a_return(engine, text, type_, source, target, pattern) -> None:
    events = code(engine, text, "fr")
    assert [(e.type, e.pattern) for e in events] == [(type_, pattern)]
    assert country(events[0].source) == source and country(events[0].target) == target
    assert "COERCE" not in {e.type for e in events}  # the restrictions eased are no coercion
