"""French news constructions written from the annotation guideline (actors as French
news names them, nominal events, coordinated actors, passives, inverted speakers), each
once coded wrongly: who acts and who undergoes, and the parse repairs they needed."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.coding.word_repairs import name_taken_for_a_verb, noun_tagged_as_adposition
from tocsin.nlp.pipelines import load_pipeline
from tocsin.records import Article, Event

PUBLISHED = date(2025, 6, 10)


@pytest.fixture(scope="module")
def fr():
    return load_pipeline("fr")


def code(engine, text: str) -> list[Event]:
    return engine.code_article(Article(id="t", text=text, language="fr", published=PUBLISHED))


def triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    def country(a):
        return None if a is None or not a.resolved else (a.country or a.code)
    return {(e.type, country(e.source), country(e.target)) for e in events}


def _token(doc, text: str):
    return next(t for t in doc if t.text == text)


# ---------------------------------------------------------------- coordinated parties, one partner

def test_two_parties_meeting_a_named_partner_each_meet_the_partner(engine) -> None:
    found = triples(code(engine, "La France et l'Allemagne ont rencontré la délégation ukrainienne."))
    assert found == {("CONSULT", "FRA", "UKR"), ("CONSULT", "DEU", "UKR")}
    found = triples(code(engine, "Emmanuel Macron et Keir Starmer ont rencontré Volodymyr Zelensky à Kiev."))
    assert found == {("CONSULT", "FRA", "UKR"), ("CONSULT", "GBR", "UKR")}


def test_two_parties_with_no_named_partner_still_pair_with_each_other(engine) -> None:
    assert triples(code(engine, "Paris et Berlin ont signé un accord.")) == {("AGREE", "FRA", "DEU")}
    # the names inside a clause hung on the object are no partner of the two parties
    found = triples(code(engine, "Israël et le Hezbollah ont accepté un cessez-le-feu négocié sous l'égide "
                                 "de Washington et de Paris."))
    assert ("AGREE", "ISR", "LBN") in found
    assert not {t for _, _, t in found} & {"USA", "FRA"}


# ---------------------------------------------------------------- parse repairs

def test_noun_after_de_and_an_adjective_tagged_as_a_preposition(fr, engine) -> None:
    doc = fr("Netanyahou a ordonné de nouvelles frappes sur le Liban.")
    strikes = _token(doc, "frappes")
    assert strikes.pos_ in ("ADP", "ADJ")  # the model's reading this repair is for
    assert noun_tagged_as_adposition(doc[:]) == 1
    assert (strikes.pos_, strikes.lemma_) == ("NOUN", "frappe")
    assert noun_tagged_as_adposition(doc[:]) == 0
    assert triples(code(engine, "Netanyahou a ordonné de nouvelles frappes sur le Liban.")) == {("ASSAULT", "ISR", "LBN")}
    assert ("ASSAULT", "RUS", "SYR") in triples(code(engine, "L'aviation russe a mené de violentes frappes sur Idleb."))


def test_first_name_taken_for_the_verb(fr, engine) -> None:
    text = "Le Premier ministre indien Narendra Modi s'est entretenu par téléphone avec Vladimir Poutine."
    doc = fr(text)
    name, verb = _token(doc, "Narendra"), _token(doc, "entretenu")
    assert name.pos_ == "VERB" and name.dep_ == "ROOT"  # the model's reading this repair is for
    assert name_taken_for_a_verb(doc[:])
    assert (verb.dep_, name.pos_, name.dep_, name.head.text) == ("ROOT", "PROPN", "appos", "ministre")
    assert _token(doc, "ministre").head.i == verb.i
    assert not name_taken_for_a_verb(doc[:])
    assert triples(code(engine, text)) == {("CONSULT", "IND", "RUS")}


# ---------------------------------------------------------------- actors as French news names them

def test_junta_in_power_in_a_capital(engine) -> None:
    found = triples(code(engine, "La junte au pouvoir à Niamey a expulsé l'ambassadeur de France."))
    assert found == {("SANCTION", "NER", "FRA")}
    found = triples(code(engine, "La junte au pouvoir à Bamako a rompu ses relations avec l'Algérie."))
    assert found == {("SANCTION", "MLI", "DZA")}


def test_lower_case_names_of_armed_groups(engine) -> None:
    assert triples(code(engine, "Les houthis ont revendiqué un tir de missile contre Israël.")) >= {("ASSAULT", "YEM", "ISR")}
    assert triples(code(engine, "Les gardiens de la révolution ont saisi un pétrolier britannique.")) == {
        ("COERCE", "IRN", "GBR")}


def test_french_spelling_of_a_pakistani_name(engine) -> None:
    found = triples(code(engine, "Le Premier ministre Shehbaz Charif a refusé de rencontrer son homologue indien."))
    assert found == {("REJECT", "PAK", "IND")}


def test_a_count_in_tens_is_no_object_of_its_own(engine) -> None:
    assert triples(code(engine, "Le Hezbollah a tiré une trentaine de roquettes sur le nord d'Israël.")) == {
        ("ASSAULT", "LBN", "ISR")}
    assert triples(code(engine, "La Russie a tiré une quarantaine de missiles sur l'Ukraine.")) == {
        ("ASSAULT", "RUS", "UKR")}
