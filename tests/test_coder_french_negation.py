"""French negation closed by a negative word on an argument ("ne … aucun", "ne … rien")
(real spaCy models, sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from tocsin.records import Article, Event

PUBLISHED = date(2024, 3, 14)


def code(engine, text: str) -> list[Event]:
    return engine.code_article(Article(id="t", text=text, language="fr", published=PUBLISHED))


def test_ne_with_aucun_on_the_object_negates_the_verb(engine) -> None:
    events = [e for e in code(engine, "L'état-major a assuré n'avoir déployé aucun soldat en Moldavie.") if e.type == "MOBILIZE"]
    assert events and all(e.negated for e in events)
    events = [e for e in code(engine, "La Turquie n'a livré aucun missile à l'Ukraine.") if e.type == "AID"]
    assert events and all(e.negated for e in events)


def test_aucun_without_ne_on_an_event_noun_is_still_read_once(engine) -> None:
    # the noun carries its own negative determiner: one negation, not two
    events = [e for e in code(engine, "Le Pentagone n'envisage aucun envoi de troupes en Ukraine.") if e.type == "MOBILIZE"]
    assert events and all(e.negated for e in events)


def test_a_plain_object_leaves_the_verb_asserted(engine) -> None:
    events = [e for e in code(engine, "La Turquie a livré des missiles à l'Ukraine.") if e.type == "AID"]
    assert events and not any(e.negated for e in events)
