"""French texts in the gold's style, round of 2026-11-29: phrases whose parse cuts a name."""

from __future__ import annotations

from functools import partial

from factories import coded_country_triples
from tocsin.pipeline import Engine


def test_a_participle_ending_a_name_stays_in_the_phrase(engine: Engine) -> None:
    # "unies" hung on "Assemblée" as a clause: it agrees with "Nations", not with the noun
    triples = partial(coded_country_triples, engine)
    assert ("REQUEST", "IGOUN", "RUS") in triples(
        "L'Assemblée générale des Nations unies a exigé mercredi que la Russie retire ses troupes.")
    assert ("ACCUSE", "IGOUN", "RUS") in triples(
        "Le secrétaire général des Nations unies a condamné l'attaque russe contre Kiev.")


def test_a_participle_agreeing_with_the_noun_is_a_clause(engine: Engine) -> None:
    from tocsin.coding.syntax import phrase_text

    doc = engine.pipelines.get("fr")("Des soldats de l'ONU tués au Liban ont été rapatriés.")
    assert phrase_text(doc[1]) == "Des soldats de l'ONU"
