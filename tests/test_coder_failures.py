"""A defect of the coder on one article is reported for that article (E202) and the rest of
the batch is still coded; sentences that once sent the coder round in circles code normally."""

from __future__ import annotations

from datetime import date

from factories import coded_events
from tocsin.pipeline import Engine
from tocsin.records import Article


def test_one_failing_article_does_not_stop_the_batch(engine: Engine, monkeypatch) -> None:
    real = engine.coder.code_article

    def failing_on_one(article, *args, **kwargs):
        if article.id == "broken":
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(engine.coder, "code_article", failing_on_one)
    articles = [
        Article(id="before", text="Le ministre russe de la Défense a rencontré son homologue chinois à Pékin.",
                language="fr", published=date(2024, 6, 1)),
        Article(id="broken", text="Le président chinois a reçu le Premier ministre indien.", language="fr",
                published=date(2024, 6, 1)),
        Article(id="after", text="Russia's defence minister met his Chinese counterpart in Beijing.",
                language="en", published=date(2024, 6, 1)),
    ]
    outcomes = {o.article.id: o for o in engine.code(articles)}
    assert outcomes["broken"].problem is not None
    assert outcomes["broken"].problem.code == "E202"
    assert "RecursionError" in outcomes["broken"].problem.message
    assert outcomes["broken"].problem.article_id == "broken"
    assert {e.type for e in outcomes["before"].events} == {"CONSULT"}
    assert {e.type for e in outcomes["after"].events} == {"CONSULT"}


def test_possessive_leaders_who_are_the_clause_subject(engine: Engine) -> None:
    # "their leaders" is the subject of the clause it sits in: its owners are the sentence's
    # subjects, not the noun itself
    events = coded_events(engine, "Canada, Italy and Belgium pledged new military aid to Ukraine as their "
                                  "leaders visited Kyiv on the anniversary of the invasion.", "en", date(2024, 2, 24))
    assert events, "the sentence is coded"
