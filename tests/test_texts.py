"""A text speaks for whoever adopted it (tocsin.coding.texts): the author read in one step from
the text's verb, and the waypoint of the borrowed-subject climb."""

from __future__ import annotations

from tocsin.coding.texts import author_of_text, climbs_through_a_text


def _parse(engine, text: str):
    return next(iter(engine.pipelines.pipe("fr", [text])))


def _word(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_the_author_of_an_adopted_text_is_the_subject_of_its_verb(engine) -> None:
    cues = engine.coder.languages["fr"].cues
    doc = _parse(engine, "Le Conseil de sécurité a adopté une résolution appelant à un cessez-le-feu.")
    assert [t.text for t in author_of_text(_word(doc, "résolution"), cues)] == ["Conseil"]
    assert climbs_through_a_text(_word(doc, "appelant"), cues)


def test_the_author_of_a_passive_text_is_the_agent_of_its_verb(engine) -> None:
    cues = engine.coder.languages["fr"].cues
    doc = _parse(engine, "Une résolution appelant à un cessez-le-feu a été adoptée par le Conseil de sécurité.")
    assert [t.text for t in author_of_text(_word(doc, "résolution"), cues)] == ["Conseil"]


def test_only_a_participle_on_a_statement_noun_climbs_to_the_text(engine) -> None:
    cues = engine.coder.languages["fr"].cues
    doc = _parse(engine, "Le Conseil de sécurité a adopté une résolution appelant à un cessez-le-feu.")
    assert not climbs_through_a_text(_word(doc, "résolution"), cues)  # the text itself, an object
    assert author_of_text(_word(doc, "adopté"), cues) == []  # the root verb is no text
