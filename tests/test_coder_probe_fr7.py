"""French conflict reporting: armed groups acting in their own country,
civilians named as pupils, displaced people or worshippers, and places undergoing passive
attacks, on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads
from tocsin.coding.syntax import is_passive
from tocsin.nlp.pipelines import load_pipeline
from tocsin.pipeline import Engine
from tocsin.records import Article

PUBLISHED = date(2025, 3, 10)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize(("text", "expected"), [
    # worshippers are civilians; unknown armed men are no actor
    ("Des hommes armés ont tué une dizaine de fidèles dans une mosquée de l'ouest du Niger.",
     ("ASSAULT", None, "NERCVL")),
    # "armés" stays in the phrase: armed groups are rebels of the country named
    ("Des groupes armés ont attaqué un convoi de l'armée burkinabè au Burkina Faso.",
     ("ASSAULT", "BFAREB", "BFAMIL")),
    # civilians as pupils, with the elision split off ("d'écoliers")
    ("Des jihadistes ont enlevé des dizaines d'écoliers au Burkina Faso.", ("ASSAULT", "BFAREB", "BFACVL")),
])
def test_armed_men_and_civilian_groups(engine: Engine, text: str, expected: tuple[str, str | None, str]) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Des rebelles ont pris d'assaut un hôtel de Mogadiscio.", ("ASSAULT", "SOMREB", "SOMGOV")),
    # seizing a town by force is an assault (as the gold codes taking a town)
    ("Les jihadistes se sont emparés de la ville de Djibo.", ("ASSAULT", "BFAREB", "BFAGOV")),
])
def test_an_armed_group_acting_in_its_own_country_acts_against_the_state(
        engine: Engine, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(engine, text)


def test_an_armed_group_abroad_keeps_its_target(engine: Engine) -> None:
    assert ("ASSAULT", "YEMREB", "ISR") in dyads(engine, "Les rebelles houthis ont tiré un missile balistique sur Israël.")


def test_pursuits_between_private_persons_stay_uncoded(engine: Engine) -> None:
    assert dyads(engine, "Un accident de bus a fait douze morts sur la route de Ouagadougou.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the passive subject of an attack is the place it acts on
    ("La ville de Kherson a été bombardée par l'armée russe.", ("ASSAULT", "RUSMIL", "UKR")),
    ("Le port de Hodeida a été visé par des frappes israéliennes.", ("ASSAULT", "ISR", "YEM")),
    ("Un hôpital de Khartoum a été visé par une frappe de drone des paramilitaires.", ("ASSAULT", "SDNREB", "SDNGOV")),
])
def test_a_place_as_passive_subject_of_an_attack_is_its_target(
        engine: Engine, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kiev a été visée par une attaque massive de missiles russes dans la nuit.", ("ASSAULT", "RUS", "UKR")),
    ("Des positions de l'armée syrienne ont été la cible d'une attaque de drones.", ("ASSAULT", None, "SYRMIL")),
])
def test_who_is_targeted_by_an_attack_noun_undergoes_it(
        engine: Engine, text: str, expected: tuple[str, str | None, str]) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    # armed men as the agent of a passive, the participle followed by a place
    ("Une quarantaine de villageois ont été tués par des hommes armés dans le centre du Mali.",
     ("ASSAULT", None, "MLICVL")),
    ("Une centaine d'élèves ont été enlevés par des groupes armés dans l'État de Kaduna, au Nigeria.",
     ("ASSAULT", "NGAREB", "NGACVL")),
    ("Plusieurs soldats de l'armée ukrainienne ont été faits prisonniers par les forces russes.",
     ("COERCE", "RUSMIL", "UKRMIL")),
])
def test_passive_agents_of_conflict_acts(engine: Engine, text: str, expected: tuple[str, str | None, str]) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    # an attack noun as the subject of a casualty report: its victims, or where they fell
    ("Une frappe israélienne a tué trois membres du Hezbollah dans le sud du Liban.", ("ASSAULT", "ISR", "LBNREB")),
    ("Des frappes russes ont fait trois morts à Odessa.", ("ASSAULT", "RUS", "UKR")),
])
def test_casualty_reports_with_an_attack_noun_as_subject(
        engine: Engine, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(engine, text)


def test_a_killing_verb_with_an_attack_subject_is_coded_once(engine: Engine) -> None:
    events = engine.code_article(Article(id="t", text="Une frappe de drone a tué deux civils à Kherson.",
                                         language="fr", published=PUBLISHED))
    assert len(events) == 1


@pytest.mark.parametrize(("text", "expected"), [
    # "se faire + infinitive": the subject undergoes the act, the "par" phrase does it
    ("Les rebelles houthis se sont fait bombarder par l'aviation américaine.", ("ASSAULT", "USAMIL", "YEMREB")),
    ("Des soldats maliens se sont fait tuer par des jihadistes près de Gao.", ("ASSAULT", "MLIREB", "MLIMIL")),
    # peacekeeping missions are the UN's or the African Union's
    ("La MINUSCA a été attaquée par des rebelles en Centrafrique.", ("ASSAULT", "CAFREB", "IGOUN")),
    ("Des soldats de l'Atmis ont été tués par les shebab.", ("ASSAULT", "SOMREB", "IGOAU")),
])
def test_causative_passives_and_peacekeepers(engine: Engine, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(engine, text)


def test_an_active_causative_keeps_its_subject() -> None:
    doc = load_pipeline("fr")("L'armée a fait bombarder les positions rebelles.")
    verb = next(t for t in doc if t.text == "bombarder")
    assert not is_passive(verb)


@pytest.mark.parametrize(("text", "expected"), [
    # ground taken back is taken from whom the "à" phrase names
    ("L'armée soudanaise a repris le contrôle de Wad Madani aux paramilitaires.", ("COERCE", "SDNMIL", "SDNREB")),
    ("L'armée malienne a repris le contrôle de Léré aux rebelles touareg.", ("COERCE", "MLIMIL", "MLIREB")),
])
def test_ground_retaken_from_its_holder(engine: Engine, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(engine, text)
