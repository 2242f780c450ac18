"""French agreements and concessions in fresh wording: apologies and regret are concessions,
joint declarations, road maps, letters of intent and endorsed agreements are agreements,
signatures and conclusions of agreements as nouns, pardons granted to a state's own people,
threats withdrawn, and deals between clubs or players are no events. Texts written for these
tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_country_triples, coded_dyads, coded_events

PUBLISHED = date(2025, 6, 4)
dyads = partial(coded_dyads, published=PUBLISHED)
countries = partial(coded_country_triples, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Portugal a présenté ses excuses au Brésil pour les propos de son ministre.", ("CONCEDE", "PRT", "BRA")),
    ("Le chef de la diplomatie belge a présenté des excuses officielles au Rwanda.", ("CONCEDE", "BEL", "RWA")),
    ("Le Premier ministre australien a exprimé ses remords aux victimes indonésiennes.", ("CONCEDE", "AUS", "IDN")),
])
def test_an_apology_is_a_concession(engine, text, expected) -> None:
    found = countries(engine, text)
    assert expected in found
    assert not any(t == "SUPPORT" for t, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le président chilien et son homologue péruvien ont adopté une déclaration commune sur la migration.",
     ("AGREE", "CHL", "PER")),
    ("Rome et Tunis ont adopté une feuille de route sur la coopération énergétique.", ("AGREE", "ITA", "TUN")),
    ("Le gouvernement égyptien a signé une lettre d'intention avec la Grèce pour l'achat de frégates.",
     ("AGREE", "EGY", "GRC")),
    ("Le gouvernement letton a entériné l'accord frontalier conclu avec l'Estonie.", ("AGREE", "LVA", "EST")),
    ("Selon Reuters, Le Caire aurait donné son feu vert au survol de son territoire par des avions turcs.",
     ("AGREE", "EGY", "TUR")),
    ("Le ministre malaisien a annoncé la conclusion d'un contrat gazier avec le Qatar.", ("AGREE", "MYS", "QAT")),
    ("Madrid et Lisbonne ont conclu un protocole sur la gestion des eaux du Tage.", ("AGREE", "ESP", "PRT")),
])
def test_joint_texts_and_signed_letters_are_agreements(engine, text, expected) -> None:
    found = countries(engine, text)
    assert expected in found or (expected[0], expected[2], expected[1]) in found


def test_a_road_map_adopted_by_one_government_alone_is_no_agreement(engine) -> None:
    assert not any(t == "AGREE" for t, _, _ in dyads(engine, "Le gouvernement slovène a adopté une feuille de route sur le logement."))


def test_the_conclusion_of_an_agreement_between_two_states_is_one_event(engine) -> None:
    events = [e for e in coded_events(engine, "La conclusion d'un accord entre le Chili et l'Argentine sur les glaciers "
                                      "ouvre une nouvelle ère.", "fr", PUBLISHED) if e.type == "AGREE"]
    assert len(events) == 1
    assert {events[0].source.country, events[0].target.country} == {"CHL", "ARG"}


@pytest.mark.parametrize(("text", "pair"), [
    ("La signature du traité entre la Croatie et la Slovénie a eu lieu lundi à Zagreb.", {"HRV", "SVN"}),
    ("La signature d'un mémorandum entre le Kenya et l'Ouganda a eu lieu à Kampala.", {"KEN", "UGA"}),
])
def test_a_signature_by_two_states_is_an_agreement_between_them(engine, text, pair) -> None:
    assert any(t == "AGREE" and {s, g} == pair for t, s, g in countries(engine, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Hanoï a accordé une amnistie à plus de 3 000 prisonniers.", ("CONCEDE", "VNM", "VNMCVL")),
    ("Alger a gracié plusieurs centaines de détenus à l'occasion de la fête nationale.", ("CONCEDE", "DZA", "DZACVL")),
])
def test_a_pardon_from_a_state_goes_to_its_own_people(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_a_headline_country_beside_its_government_adds_no_second_pardon(engine) -> None:
    found = dyads(engine, "Biélorussie : Loukachenko gracie une vingtaine de prisonniers politiques")
    assert ("CONCEDE", "BLRGOV", "BLRCVL") in found
    assert ("CONCEDE", "BLR", "BLRCVL") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Le régime iranien a commué la peine de mort d'un militant en prison à perpétuité.", ("CONCEDE", "IRNGOV")),
    ("Le président américain a retiré sa menace de droits de douane contre le Mexique.", ("CONCEDE", "USAGOV")),
])
def test_commuting_a_sentence_or_withdrawing_a_threat_concedes(engine, text, expected) -> None:
    assert any(t == expected[0] and s == expected[1] for t, s, _ in dyads(engine, text))


@pytest.mark.parametrize("text", [
    "Le joueur sénégalais a accepté de rejoindre le club qatari d'Al-Sadd.",
    "L'entraîneur argentin s'est engagé pour trois saisons avec le club turc de Fenerbahçe.",
    "Le Maroc et l'Espagne ont accepté de disputer un match amical à Tanger en mars.",
    "Le club a signé un accord de sponsoring avec Emirates pour deux saisons.",
])
def test_deals_of_clubs_and_players_are_no_events(engine, text) -> None:
    assert not any(t in ("AGREE", "CONCEDE") for t, _, _ in dyads(engine, text))


@pytest.mark.parametrize(("text", "pair"), [
    ("Selon l'agence officielle Yonhap, Séoul et Tokyo ont convenu de relancer leur dialogue de sécurité.",
     {"KOR", "JPN"}),
    ("D'après la télévision publique, Bagdad et Ankara se sont engagés à partager les eaux du Tigre.",
     {"IRQ", "TUR"}),
])
def test_names_after_a_selon_phrase_are_the_subject(engine, text, pair) -> None:
    assert any(t == "AGREE" and {s, g} == pair for t, s, g in countries(engine, text))


@pytest.mark.parametrize(("text", "pair"), [
    ("Lima et Quito ont finalement signé l'accord sur la frontière amazonienne.", {"PER", "ECU"}),
    ("Athènes et Sofia ont officiellement conclu un accord sur le gazoduc.", {"GRC", "BGR"}),
])
def test_names_before_an_adverb_and_the_verb_are_the_subject(engine, text, pair) -> None:
    assert any(t == "AGREE" and {s, g} == pair for t, s, g in countries(engine, text))


def test_a_fronted_weekday_is_no_subject(engine) -> None:
    found = countries(engine, "Lundi, les ministres ont finalement signé l'accord avec le Ghana.")
    assert not any(s is not None and s == "GHA" and g is None for _, s, g in found)


@pytest.mark.parametrize(("text", "concession", "protest"), [
    ("Face aux manifestations, le gouvernement roumain a retiré son projet de réforme fiscale.",
     ("CONCEDE", "ROUGOV", "ROUCVL"), ("PROTEST", "ROUCVL", "ROUGOV")),
    ("Le Premier ministre slovaque a fait marche arrière sur la réforme des universités après une grève générale.",
     ("CONCEDE", "SVKGOV", "SVKCVL"), ("PROTEST", "SVKCVL", "SVKGOV")),
])
def test_a_state_that_gives_way_to_a_protest_concedes_to_the_crowd(engine, text, concession, protest) -> None:
    found = dyads(engine, text)
    assert concession in found
    assert protest in found


def test_marching_on_a_town_is_no_concession(engine) -> None:
    found = dyads(engine, "Les rebelles du M23 font marche vers Goma, selon l'armée congolaise.")
    assert not any(t == "CONCEDE" for t, _, _ in found)


def test_a_concession_with_no_protest_around_keeps_no_crowd(engine) -> None:
    found = dyads(engine, "Le gouvernement roumain a retiré son projet de réforme fiscale.")
    assert not any(t == "CONCEDE" and g == "ROUCVL" for t, _, g in found)


def test_an_agreement_between_two_states_signed_with_no_agent_is_theirs(engine) -> None:
    events = [e for e in coded_events(engine, "L'accord de libre-échange entre le Canada et l'Équateur a été signé "
                                      "mardi à Quito.", "fr", PUBLISHED) if e.type == "AGREE"]
    assert len(events) == 1
    assert {events[0].source.country, events[0].target.country} == {"CAN", "ECU"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Japon a rétabli la délivrance de visas aux ressortissants chinois.", ("CONCEDE", "JPN", "CHN")),
    ("Ottawa va lever les droits de douane sur l'acier mexicain.", ("CONCEDE", "CAN", "MEX")),
])
def test_restoring_visas_or_lifting_tariffs_concedes(engine, text, expected) -> None:
    assert expected in countries(engine, text)


def test_lifting_funds_on_the_markets_is_no_concession(engine) -> None:
    assert not dyads(engine, "Le gouvernement portugais a levé 4 milliards d'euros sur les marchés obligataires.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Pyongyang a rétabli l'accès des inspecteurs de l'AIEA au site de Yongbyon.", ("CONCEDE", "PRK", "IGOIAEA")),
    ("Damas a autorisé le retour des observateurs de l'ONU dans le Golan.", ("RETREAT", "SYR", "IGOUN")),
])
def test_access_given_back_goes_to_whom_it_lets_in(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_two_names_opening_a_that_clause_are_its_subjects(engine) -> None:
    found = countries(engine, "Le ministre malaisien a déclaré que Kuala Lumpur et Jakarta avaient conclu un accord "
                              "sur la frontière maritime.")
    assert any(t == "AGREE" and {s, g} == {"MYS", "IDN"} for t, s, g in found)
