"""French diplomacy in short passages: a later sentence that reacts to "cette décision" or
"cette libération" reacts to whoever acted before, and a bare "a appelé son homologue" is a
phone call. Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.pipeline import Engine
from tocsin.records import Article, Event

PUBLISHED = date(2025, 6, 4)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def dyads(engine: Engine, text: str, lang: str = "fr") -> set[tuple[str, str | None, str | None]]:
    events: list[Event] = engine.code_article(Article(id="t", text=text, language=lang, published=PUBLISHED))
    return {(e.type, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


def countries(engine: Engine, text: str) -> set[tuple[str, str | None, str | None]]:
    events: list[Event] = engine.code_article(Article(id="t", text=text, language="fr", published=PUBLISHED))
    return {(e.type, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events}


@pytest.mark.parametrize(("text", "expected"), [
    ("L'Iran a libéré un ressortissant français détenu depuis deux ans. Paris a salué cette libération.",
     ("SUPPORT", "FRA", "IRN")),
    ("Le Qatar a libéré trois otages israéliens. Washington a salué ce geste.", ("SUPPORT", "USA", "QAT")),
    ("L'Algérie a rappelé son ambassadeur en France. Paris a regretté cette décision.",
     ("ACCUSE", "FRA", "DZA")),
    ("L'Union européenne a levé ses sanctions contre la Syrie. Damas a salué cette mesure.",
     ("SUPPORT", "SYR", None)),
    ("La Chine a expulsé un diplomate canadien. Ottawa a dénoncé cette expulsion.", ("ACCUSE", "CAN", "CHN")),
    ("La Chine a annoncé des sanctions contre sept entreprises américaines. Washington a condamné cette "
     "décision.", ("ACCUSE", "USA", "CHN")),
])
def test_a_demonstrative_act_points_to_the_author_of_the_act_before(engine, text, expected) -> None:
    found = countries(engine, text)
    if expected[2] is None:  # an organisation: no country, compare codes
        assert ("SUPPORT", "SYR", "IGOEU") in dyads(engine, text)
    else:
        assert expected in found


def test_a_demonstrative_with_no_act_before_names_no_one(engine) -> None:
    found = dyads(engine, "Le ministre a visité la foire agricole. Paris a salué cette initiative.")
    assert not any(t == "SUPPORT" and target is not None for t, _, target in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Premier ministre britannique a appelé le président ukrainien dimanche.", ("CONSULT", "GBRGOV", "UKRGOV")),
    ("Le ministre indien des Affaires étrangères a appelé son homologue iranien.",
     ("CONSULT", "INDGOV", "IRNGOV")),
])
def test_calling_a_leader_is_a_phone_call(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_calling_on_a_country_to_act_stays_a_request(engine) -> None:
    found = dyads(engine, "Le Premier ministre britannique a appelé la Russie à cesser les frappes.")
    assert ("REQUEST", "GBRGOV", "RUS") in found
    assert not any(t == "CONSULT" for t, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le consul de France à Niamey a été expulsé.", ("SANCTION", "NER", "FRA")),
    ("L'ambassadeur d'Israël a été convoqué à Ankara.", ("ACCUSE", "TUR", "ISR")),
    ("Le chargé d'affaires iranien a été convoqué au Foreign Office.", ("ACCUSE", "GBR", "IRN")),
    ("L'ambassadeur russe a été convoqué au Quai d'Orsay.", ("ACCUSE", "FRA", "RUS")),
])
def test_an_envoy_summoned_or_expelled_with_no_agent_is_so_by_the_state_of_the_place(engine, text, expected) -> None:
    assert expected in countries(engine, text)


def test_an_envoy_summoned_by_a_named_state_keeps_it(engine) -> None:
    found = countries(engine, "L'ambassadeur d'Israël a été convoqué par la Turquie.")
    assert ("ACCUSE", "TUR", "ISR") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("La Russie a expulsé trois diplomates allemands. Berlin a promis une riposte.", ("THREATEN", "DEU", "RUS")),
    ("Pékin a imposé des sanctions à deux sénateurs américains. Washington a promis une réponse ferme.",
     ("THREATEN", "USA", "CHN")),
    ("Israël a bombardé le port de Hodeïda. Les Houthis ont promis de riposter.", ("THREATEN", "YEM", "ISR")),
])
def test_an_answer_goes_to_whoever_acted_on_the_one_who_answers(engine, text, expected) -> None:
    assert expected in countries(engine, text)


def test_an_answer_with_no_act_on_the_speaker_names_no_one(engine) -> None:
    found = countries(engine, "La Russie a expulsé trois diplomates allemands. Paris a promis une riposte.")
    assert not any(t == "THREATEN" and src == "FRA" and tgt is not None for t, src, tgt in found)
