"""French wire copy probing the actors of events: former officials keep their country and not
the office, "pro-russes" names a stance and not a nationality, state bodies named alone take
the reporter's or the sentence's country, object clitics of participle clauses stand for the one
the main verb acts on, companies are their country's business. Texts written for these tests,
coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads, coded_events

PUBLISHED = date(2025, 6, 10)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize(("text", "event"), [
    ("L'ancien président ivoirien Laurent Gbagbo a accusé le gouvernement ivoirien de fraude.",
     ("ACCUSE", "CIV", "CIVGOV")),
    ("Boris Johnson a critiqué le gouvernement britannique.", ("ACCUSE", "GBR", "GBRGOV")),
    ("L'ancien Premier ministre britannique Boris Johnson a rencontré Zelensky à Kiev.",
     ("CONSULT", "GBR", "UKRGOV")),
])
def test_former_officials_keep_their_country_not_the_office(engine, text, event) -> None:
    assert event in dyads(engine, text)


def test_a_former_role_word_drops_its_sector(engine) -> None:
    actor = engine.resolver.resolve("l'ex-ministre russe de la Défense", lang="fr", when=PUBLISHED)
    assert actor is not None and actor.code == "RUS"


@pytest.mark.parametrize(("text", "source"), [
    ("Des manifestants pro-russes ont manifesté à Chisinau.", "MDACVL"),
    ("Des manifestants pro-palestiniens ont défilé samedi à Paris pour réclamer un cessez-le-feu à Gaza.", "FRACVL"),
])
def test_a_stance_is_no_nationality(engine, text, source) -> None:
    assert {s for t, s, _ in dyads(engine, text) if t == "PROTEST"} == {source}


@pytest.mark.parametrize(("text", "event"), [
    ("Selon le ministère turc de la Défense, l'armée a neutralisé douze combattants dans le nord de l'Irak.",
     ("ASSAULT", "TURMIL")),
    ("Le ministère a convoqué l'ambassadeur de Chine, a indiqué la diplomatie française.", ("ACCUSE", "FRAGOV")),
    ("L'Union européenne a décidé de suspendre ses aides budgétaires au Niger. La junte a rejeté cette décision.",
     ("REJECT", "NERGOV")),
])
def test_a_state_body_named_alone_takes_its_reporters_or_the_articles_country(engine, text, event) -> None:
    kind, source = event
    assert source in {s for t, s, _ in dyads(engine, text) if t == kind}


def test_the_reporter_does_not_place_the_bodies_acted_on(engine) -> None:
    found = dyads(engine, "Les forces russes ont bombardé la ville, a indiqué l'armée ukrainienne.")
    assert all(g != "UKRMIL" for _, s, g in found if s == "RUSMIL")


@pytest.mark.parametrize(("text", "event"), [
    ("Le ministre iranien des Affaires étrangères a reçu l'ambassadeur d'Allemagne, lui reprochant le soutien de Berlin à Israël.",
     ("ACCUSE", "IRNGOV", "DEUGOV")),
    ("Le chef de la diplomatie chinoise a convoqué l'ambassadeur des Philippines, le mettant en garde contre toute provocation.",
     ("THREATEN", "CHNGOV", "PHLGOV")),
    ("Le Premier ministre éthiopien a reçu le président érythréen, le remerciant pour son soutien.",
     ("SUPPORT", "ETHGOV", "ERIGOV")),
    ("Le ministre algérien des Affaires étrangères a convoqué mardi l'ambassadeur de France, l'accusant d'ingérence.",
     ("ACCUSE", "DZAGOV", "FRAGOV")),
])
def test_the_clitic_of_a_participle_clause_is_the_main_verbs_object(engine, text, event) -> None:
    assert event in dyads(engine, text)


def test_a_participle_clause_after_a_call_is_the_callers(engine) -> None:
    found = dyads(engine, "Le président Erdogan a appelé son homologue russe, l'exhortant à reprendre les négociations.")
    assert {(s, g[:3] if g else g) for t, s, g in found if t == "REQUEST"} == {("TURGOV", "RUS")}


@pytest.mark.parametrize(("text", "target"), [
    ("Le gouvernement russe a infligé une amende à Google pour avoir refusé de supprimer des contenus.", "USABUS"),
    ("La justice française a ouvert une enquête contre le groupe Lafarge pour financement du terrorisme en Syrie.",
     "FRABUS"),
    ("La junte nigérienne a accusé Orano de pillage.", "FRABUS"),
    ("Le Mali a arrêté quatre employés de Barrick.", "CANBUS"),
])
def test_companies_are_their_countrys_business(engine, text, target) -> None:
    events = coded_events(engine, text, "fr", PUBLISHED)
    assert target in {e.target.code for e in events if e.target is not None}


def test_unions_are_civilians(engine) -> None:
    found = dyads(engine, "Les syndicats sud-coréens ont lancé une grève générale contre la réforme du travail.")
    assert {s for t, s, _ in found if t == "PROTEST"} == {"KORCVL"}


@pytest.mark.parametrize(("text", "event"), [
    ("La Pologne a fermé sa frontière avec la Biélorussie. Minsk a dénoncé une « provocation ».",
     ("ACCUSE", "BLR", "POL")),
    ("Les États-Unis ont imposé des sanctions à la Russie. Le Kremlin a réagi à cette décision en dénonçant une guerre économique.",
     ("ACCUSE", "RUSGOV", "USA")),
    ("Le président ukrainien a appelé les Européens à livrer davantage de défenses antiaériennes. "
     "Le Kremlin a réagi à cet appel en dénonçant une « escalade ».", ("ACCUSE", "RUSGOV", "UKRGOV")),
])
def test_a_condemnation_naming_no_one_answers_the_act_before(engine, text, event) -> None:
    assert event in dyads(engine, text)


def test_a_condemnation_by_one_not_acted_on_stays_without_recipient(engine) -> None:
    found = dyads(engine, "L'Iran a exécuté un manifestant. La France a dénoncé un acte barbare.")
    assert all(g != "FRA" for t, s, g in found if t == "ACCUSE")


@pytest.mark.parametrize(("text", "event"), [
    ("Le président vénézuélien a accusé l'opposition de préparer un coup d'État avec l'aide de Washington.",
     ("ACCUSE", "VENGOV", "VENOPP")),
    ("La justice sénégalaise a inculpé un ancien ministre pour détournement de fonds.", ("ACCUSE", "SENJUD", "SEN")),
    ("L'ONU a dénoncé l'expulsion de ses employés par les autorités talibanes.", ("ACCUSE", "IGOUN", "AFGGOV")),
])
def test_bodies_acted_on_by_a_state_are_its_own(engine, text, event) -> None:
    assert event in dyads(engine, text)


def test_a_crowd_subject_takes_the_place_of_its_protest(engine) -> None:
    found = dyads(engine, "Des manifestants propalestiniens ont bloqué l'entrée d'une usine d'armement à Londres.")
    assert {s for t, s, _ in found if t == "PROTEST"} == {"GBRCVL"}


@pytest.mark.parametrize(("text", "event"), [
    ("La République islamique a menacé l'État hébreu de représailles.", ("THREATEN", "IRN", "ISR")),
    ("Le royaume chérifien a rappelé son ambassadeur à Alger.", ("SANCTION", "MAR", "DZA")),
    ("Les autorités chérifiennes ont arrêté un militant sahraoui.", ("COERCE", "MARGOV", "ESHNGO")),
    ("Le gouvernement nippon a protesté auprès de Pékin.", ("ACCUSE", "JPNGOV", "CHN")),
    ("Le CGRI a lancé des missiles contre Israël.", ("ASSAULT", "IRNMIL", "ISR")),
])
def test_periphrases_of_countries_are_their_countries(engine, text, event) -> None:
    assert event in dyads(engine, text)


@pytest.mark.parametrize(("text", "source"), [
    ("Les paramilitaires ont attaqué un camp de déplacés au Darfour.", "SDNREB"),
    ("L'armée a bombardé des positions rebelles près de Goma.", "CODMIL"),
])
def test_armed_bodies_named_alone_take_the_country_of_the_place(engine, text, source) -> None:
    assert source in {s for t, s, _ in dyads(engine, text) if t == "ASSAULT"}


def test_the_police_of_a_fait_divers_is_not_placed_by_the_town(engine) -> None:
    found = dyads(engine, "La police a arrêté trois hommes soupçonnés de trafic de drogue à Marseille.")
    assert all(s != "FRACOP" for _, s, _ in found)


@pytest.mark.parametrize("text", [
    "Des pirates informatiques ont attaqué les serveurs de Microsoft.",
    "Un homme d'affaires a pris le contrôle de Renault.",
])
def test_acts_on_a_company_by_no_political_actor_are_no_events(engine, text) -> None:
    assert not dyads(engine, text)


def test_a_counterpart_coordinated_in_the_subject_is_no_recipient(engine) -> None:
    found = dyads(engine, "Le président français et son homologue égyptien ont appelé à un cessez-le-feu à Gaza.")
    assert ("REQUEST", "FRAGOV", "EGYGOV") not in found and ("REQUEST", "FRAGOV", "EGY") not in found
    assert "FRAGOV" in {s for t, s, _ in found if t == "REQUEST"}


def test_a_counterpart_coordinated_in_the_subject_of_a_meeting_is_the_other_party(engine) -> None:
    found = dyads(engine, "Le chef de la diplomatie turque et son homologue grec se sont entretenus au téléphone dimanche.")
    assert {(s[:3], g[:3]) for t, s, g in found if t == "CONSULT" and s and g} & {("TUR", "GRC"), ("GRC", "TUR")}


@pytest.mark.parametrize(("text", "event"), [
    ("Le souverain marocain a reçu le président mauritanien.", ("CONSULT", "MARGOV", "MRTGOV")),
    ("L'homme fort de Damas a reçu le ministre turc des Affaires étrangères.", ("CONSULT", "SYRGOV", "TURGOV")),
])
def test_rulers_named_by_their_rank(engine, text, event) -> None:
    assert event in dyads(engine, text)


def test_an_actors_name_that_is_also_a_town_places_nothing(engine) -> None:
    found = dyads(engine, "Les pays de l'Otan ont promis de porter leurs dépenses militaires à 5 %.")
    assert all(g is None or not g.startswith("NGA") for _, _, g in found)
