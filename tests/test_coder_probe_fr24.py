"""French texts in the gold's style, round of 2026-11-29: phrases whose parse cuts a name."""

from __future__ import annotations

from functools import partial

from factories import coded_country_triples, coded_dyads, coded_events
from tocsin.pipeline import Engine


def test_a_participle_ending_a_name_stays_in_the_phrase(engine: Engine) -> None:
    # "unies" hung on "Assemblée" as a clause: it agrees with "Nations", not with the noun
    triples = partial(coded_country_triples, engine)
    assert ("REQUEST", "IGOUN", "RUS") in triples(
        "L'Assemblée générale des Nations unies a exigé mercredi que la Russie retire ses troupes.")
    assert ("ACCUSE", "IGOUN", "RUS") in triples(
        "Le secrétaire général des Nations unies a condamné l'attaque russe contre Kiev.")
    # … or as a modifier of the noun, after an opening participle
    assert ("REQUEST", "IGOUN", "RUS") in triples(
        "Réunie en session extraordinaire, l'Assemblée générale des Nations unies a exigé mercredi que la "
        "Russie retire ses troupes.")


def test_a_participle_agreeing_with_the_noun_is_a_clause(engine: Engine) -> None:
    from tocsin.coding.syntax import phrase_text

    doc = engine.pipelines.get("fr")("Des soldats de l'ONU tués au Liban ont été rapatriés.")
    assert phrase_text(doc[1]) == "Des soldats de l'ONU"


def test_an_answer_promised_in_a_relative_clause_goes_to_the_attacker(engine: Engine) -> None:
    triples = partial(coded_country_triples, engine)
    assert ("THREATEN", "ISR", "IRN") in triples(
        "L'Iran a tiré mardi soir quelque 200 missiles balistiques sur Israël, qui a promis de riposter.")
    assert ("THREATEN", "ISR", "IRN") in triples(
        "L'Iran a tiré des missiles sur Israël, qui a promis une riposte.")


def test_an_answer_in_a_relative_clause_on_someone_met_goes_to_no_one(engine: Engine) -> None:
    # a meeting is no hostile act: the one met promises to answer no one in particular
    found = coded_country_triples(engine, "Le ministre turc a reçu son homologue israélien, qui a promis de riposter.")
    assert not any(t[0] == "THREATEN" and t[2] == "TUR" for t in found)


def test_a_wave_of_strikes_that_kills_is_one_act_coded_on_its_verb(engine: Engine) -> None:
    for text, lang in (("Une vague de frappes israéliennes sur le sud du Liban a tué lundi douze personnes.", "fr"),
                       ("A wave of Israeli strikes on southern Lebanon killed twelve people on Monday.", "en")):
        assert coded_country_triples(engine, text, lang) == {("ASSAULT", "ISR", "LBN")}


def test_an_announced_suspension_of_an_agreement_is_a_sanction(engine: Engine) -> None:
    events = coded_events(engine, "Moscou a annoncé lundi la suspension de l'accord céréalier.")
    assert [(e.type, e.source.code if e.source else None) for e in events] == [("SANCTION", "RUS")]
    # a sale suspended by a company sanctions no one
    assert coded_events(engine, "Le constructeur a annoncé la suspension de la vente de ce modèle.") == []


def test_an_appeal_whose_clause_the_parser_hung_on_the_object(engine: Engine) -> None:
    # "lundi" read as the verb's complement, "à cesser" as a clause of "l'armée"
    found = coded_country_triples(
        engine, "L'Union africaine a appelé lundi l'armée congolaise et les rebelles du M23 à cesser "
                "immédiatement les combats.")
    assert found == {("REQUEST", "IGOAU", "COD")}


def test_the_aim_of_a_protest_hung_under_its_places(engine: Engine) -> None:
    assert coded_dyads(
        engine, "Des dizaines de milliers de Slovaques ont manifesté vendredi soir à Bratislava et dans une "
                "trentaine d'autres villes contre la politique prorusse du Premier ministre Robert Fico.") == {
        ("PROTEST", "SVKCVL", "SVKGOV")}
