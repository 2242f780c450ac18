"""Event words that only date, frame or name the topic of a clause are no reported act; the
act of the clause is coded (real spaCy models, sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from tocsin.records import Article, Event

PUBLISHED = date(2024, 3, 14)


def code(engine, text: str, lang: str) -> list[Event]:
    return engine.code_article(Article(id="t", text=text, language=lang, published=PUBLISHED))


def types(events: list[Event]) -> set[str]:
    return {e.type for e in events}


def test_an_event_noun_after_depuis_or_since_is_the_backdrop(engine) -> None:
    events = code(engine, "La police iranienne a arrêté des centaines d'étudiants depuis le début des manifestations.", "fr")
    assert "COERCE" in types(events)
    assert "PROTEST" not in types(events)
    events = code(engine, "Iranian police have detained dozens of journalists since the start of the protests.", "en")
    assert "COERCE" in types(events)
    assert "PROTEST" not in types(events)


def test_the_same_noun_as_the_object_of_the_clause_is_coded(engine) -> None:
    events = code(engine, "La police iranienne a dispersé les manifestations d'étudiants à Téhéran.", "fr")
    assert "PROTEST" in types(events)


def test_an_event_noun_that_a_work_is_about_is_its_topic(engine) -> None:
    events = code(engine, "Le festival de Cannes projettera un documentaire consacré aux manifestations de Minsk.", "fr")
    assert "PROTEST" not in types(events)
    events = code(engine, "Washington a transmis à Kiev des informations sur les frappes russes.", "fr")
    assert "ASSAULT" not in types(events)
    # the noun the clause acts on is coded
    events = code(engine, "L'aviation russe a multiplié les frappes sur Kharkiv.", "fr")
    assert "ASSAULT" in types(events)


def test_an_event_noun_judged_likely_or_unlikely_is_a_forecast(engine) -> None:
    assert "ASSAULT" not in types(code(engine, "Selon les analystes, une invasion russe de la Moldavie reste improbable.", "fr"))
    assert "ASSAULT" not in types(code(engine, "Une attaque iranienne contre Israël est peu probable cette année.", "fr"))
    assert "ASSAULT" not in types(code(engine, "A Chinese invasion of Taiwan remains unlikely this year.", "en"))
    # an event noun that is the subject of an act is coded
    assert "ASSAULT" in types(code(engine, "Une attaque russe contre Kharkiv a fait douze morts.", "fr"))


def test_a_market_as_subject_is_no_actor(engine) -> None:
    assert code(engine, "La Bourse de Tokyo a menacé de plonger mardi matin.", "fr") == []
    assert code(engine, "The Moscow stock market threatened to collapse on Monday.", "en") == []
    # a state that threatens is coded
    assert "THREATEN" in types(code(engine, "Le Japon a menacé de sanctionner Pékin.", "fr"))


def test_an_event_noun_under_a_determiner_of_any_is_a_kind_of_act(engine) -> None:
    events = code(engine, "La Russie répondra à tout déploiement de troupes occidentales en Ukraine.", "fr")
    assert "MOBILIZE" not in types(events)
    events = code(engine, "Beijing will respond to any deployment of U.S. missiles in Japan.", "en")
    assert "MOBILIZE" not in types(events)
    # the same noun with an article is an act
    assert "AID" in types(code(engine, "Berlin a annoncé une livraison d'armes à Kiev.", "fr"))


def test_an_account_of_a_siege_names_its_topic(engine) -> None:
    events = code(engine, "The film, a reporter's account of the Russian siege of Mariupol, won an award.", "en")
    assert "COERCE" not in types(events)


def test_an_event_noun_on_the_sidelines_is_the_venue(engine) -> None:
    events = code(engine, "Les ministres chinois et indien se sont entretenus à Astana, en marge d'une réunion de l'OCS.", "fr")
    assert {e.type for e in events} == {"CONSULT"}
    assert all(e.pattern != "fr.n.réunion" for e in events)
    events = code(engine, "Biden met Xi in Lima on the sidelines of a meeting of the APEC forum.", "en")
    assert all(e.trigger != "meeting" for e in events)


def test_an_act_with_its_own_named_agent_is_not_the_content_of_a_rejection(engine) -> None:
    events = code(engine, "Niamey a rejeté mardi les sanctions économiques imposées la veille par la Cedeao.", "fr")
    found = {(e.type, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}
    assert ("REJECT", "NER", "IGOECOWAS") in found
    # the noun the participle describes is what is imposed, not who undergoes it
    assert ("SANCTION", "IGOECOWAS", "NER") in found


def test_an_event_noun_long_after_which_the_act_happens_is_the_backdrop(engine) -> None:
    events = code(engine, "Le militant a été gracié mardi par Loukachenko, deux ans après son arrestation à Minsk.", "fr")
    assert "COERCE" not in types(events)
    events = code(engine, "The activist was pardoned by Lukashenko on Tuesday, two years after his arrest in Minsk.", "en")
    assert "COERCE" not in types(events)
    # a noun right after "après" with no span stays an act
    events = code(engine, "L'Ukraine a rappelé son ambassadeur après l'arrestation de deux diplomates ukrainiens par la Russie.", "fr")
    assert "COERCE" in types(events)
