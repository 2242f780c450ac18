"""French wire-story sentences (reported speech, participial clauses, headlines): the tagging
repairs, modality rules and lexicon rows they needed, on the real model."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.coding.repairs import (
    conditional_taken_for_indicative,
    headline_participle_taken_for_modifier,
    object_taken_by_closing_speech_verb,
    relative_clause_hung_on_the_verb,
    that_clause_taken_for_relative,
)
from tocsin.nlp.pipelines import load_pipeline
from tocsin.records import Article, Event

PUBLISHED = date(2024, 5, 1)


@pytest.fixture(scope="module")
def fr():
    return load_pipeline("fr")


def code(engine, text: str) -> list[Event]:
    return engine.code_article(Article(id="t", text=text, language="fr", published=PUBLISHED))


def summary(events: list[Event]) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source.code if e.source else None, e.target.code if e.target else None, e.modality)
            for e in events]


def test_a_conditional_tagged_as_indicative_gets_its_mood_back(fr) -> None:
    doc = fr("Le Japon a indiqué qu'il enverrait des vivres et que la Corée fermerait ses ports.")
    fermerait = next(t for t in doc if t.text == "fermerait")
    assert "Ind" in fermerait.morph.get("Mood")  # the model's reading
    assert conditional_taken_for_indicative(doc[:]) >= 1
    assert fermerait.morph.get("Mood") == ["Cnd"]


def test_the_imperfect_keeps_its_indicative_mood(fr) -> None:
    doc = fr("Le Japon affirmait que la Corée fermait ses ports.")
    conditional_taken_for_indicative(doc[:])
    assert all("Cnd" not in t.morph.get("Mood") for t in doc)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Brésil a annoncé qu'il fermerait sa frontière avec le Venezuela.",
     ("COERCE", "BRA", "VEN", "future")),
    ("Le chef de la diplomatie italienne a déclaré qu'il rencontrerait son homologue tunisien à Rome.",
     ("CONSULT", "ITAGOV", "TUNGOV", "future")),
])
def test_a_conditional_under_a_past_speech_verb_is_the_future_of_that_past(engine, text, expected) -> None:
    assert expected in summary(code(engine, text))


def test_a_conditional_under_a_present_speech_verb_stays_conditional(engine) -> None:
    events = summary(code(engine, "Le Brésil estime qu'il fermerait sa frontière avec le Venezuela."))
    assert ("COERCE", "BRA", "VEN", "conditional") in events


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Tchad est disposé à coopérer avec le Soudan.", ("AGREE", "TCD", "SDN", "intended")),
    ("Le Cameroun se dit prêt à coopérer avec le Nigeria.", ("AGREE", "CMR", "NGA", "intended")),
])
def test_readiness_to_cooperate_is_an_agreement(engine, text, expected) -> None:
    assert summary(code(engine, text)) == [expected]


def test_cooperation_carried_out_stays_cooperation(engine) -> None:
    assert [e.type for e in code(engine, "Le Tchad a coopéré avec le Soudan contre les trafiquants.")] == ["COOPERATE"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Les rebelles houthis ont tiré deux missiles contre un pétrolier au large d'Aden.", "fr"),
    ("The Houthis fired two missiles at a tanker off Aden.", "en"),
])
def test_a_missile_fired_at_something_is_an_attack_not_a_test(engine, text, lang) -> None:
    events = engine.code_article(Article(id="t", text=text, language=lang, published=PUBLISHED))
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_missile_fired_into_the_sea_is_still_a_test(engine) -> None:
    assert [e.type for e in code(engine, "La Corée du Nord a tiré jeudi deux missiles en mer Jaune.")] == ["MOBILIZE"]


def test_a_that_clause_after_the_person_warned_is_not_a_relative_clause(fr) -> None:
    doc = fr("La Turquie a prévenu la Syrie qu'elle bombarderait les positions kurdes.")
    verb = next(t for t in doc if t.text == "bombarderait")
    conditional_taken_for_indicative(doc[:])
    assert that_clause_taken_for_relative(doc[:]) == 1
    assert verb.dep_ == "ccomp" and verb.head.text == "prévenu"


def test_a_real_relative_clause_on_the_object_stays(fr) -> None:
    doc = fr("La Russie a critiqué l'accord qu'ils ont signé.")
    assert that_clause_taken_for_relative(doc[:]) == 0


def test_a_warning_with_its_clause_is_a_threat_and_its_content_is_not_coded(engine) -> None:
    events = summary(code(engine, "Les États-Unis ont prévenu la Corée du Nord qu'ils riposteraient."))
    assert events == [("THREATEN", "USA", "PRK", "asserted")]


def test_a_headline_participle_becomes_the_verb_under_the_prefix(fr) -> None:
    doc = fr("Niger : trois gendarmes tués dans une embuscade.")
    tues = next(t for t in doc if t.text == "tués")
    assert tues.dep_ == "acl"  # the model's reading
    assert headline_participle_taken_for_modifier(doc[:]) == 1
    gendarmes = next(t for t in doc if t.text == "gendarmes")
    assert gendarmes.head.i == tues.i and gendarmes.dep_ == "nsubj:pass"


def test_a_participle_in_a_sentence_with_a_verb_stays_a_modifier(fr) -> None:
    doc = fr("L'armée a retrouvé les corps des soldats tués dans l'embuscade.")
    assert headline_participle_taken_for_modifier(doc[:]) == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Niger : trois gendarmes tués dans une embuscade.", ("ASSAULT", None, "NERCOP", "asserted")),
    ("Tunisie : un journaliste tunisien condamné à deux ans de prison.", ("SANCTION", None, "TUNMED", "asserted")),
])
def test_a_headline_participle_reports_a_passive_act(engine, text, expected) -> None:
    assert expected in summary(code(engine, text))


def test_two_countries_committing_together_agree_with_each_other(engine) -> None:
    events = summary(code(engine, "Le Ghana et le Togo se sont engagés à respecter leur frontière commune."))
    assert ("AGREE", "GHA", "TGO", "asserted") in events


def test_a_relative_clause_after_a_comma_goes_back_to_its_antecedent(fr) -> None:
    doc = fr("Le Hamas a attaqué Israël, qui a bombardé Gaza.")
    bombarde = next(t for t in doc if t.text == "bombardé")
    assert bombarde.head.text == "attaqué"  # the model's reading
    assert relative_clause_hung_on_the_verb(doc[:]) == 1
    assert bombarde.head.text == "Israël" and bombarde.dep_ == "acl:relcl"


def test_the_answer_in_a_relative_clause_is_coded_with_its_antecedent_as_source(engine) -> None:
    events = summary(code(engine, "Le Hamas a attaqué Israël, qui a bombardé Gaza."))
    assert ("ASSAULT", "ISR", "PSE", "asserted") in events


def test_the_object_before_a_closing_speech_verb_goes_back_to_the_act(fr) -> None:
    from tocsin.coding.qualifiers import Cues
    from tocsin.lang import load_language

    cues = Cues.from_mapping(load_language("fr").cues)
    doc = fr("Berlin va livrer à la Pologne une nouvelle aide militaire de 300 millions d'euros, a annoncé le gouvernement.")
    aide = next(t for t in doc if t.text == "aide")
    assert aide.dep_ == "nsubj"  # the model's reading
    assert object_taken_by_closing_speech_verb(doc[:], cues.reporting_verbs) == 1
    assert aide.dep_ == "obj" and aide.head.text == "livrer"


def test_aid_announced_after_a_comma_is_coded(engine) -> None:
    events = summary(code(engine, "Washington va fournir à l'Ukraine une nouvelle aide militaire de 500 millions de "
                                  "dollars, a annoncé le Pentagone."))
    assert events == [("AID", "USA", "UKR", "future")]


@pytest.mark.parametrize("text", [
    "Le président kényan doit recevoir mardi à Nairobi le président somalien.",
    "Le président kényan a reçu à Nairobi le président somalien.",
])
def test_the_guest_after_the_place_is_the_object_of_the_visit(engine, text) -> None:
    assert [(e.type, e.source.code, e.target.code) for e in code(engine, text)] == [("CONSULT", "KENGOV", "SOMGOV")]


def test_a_closing_speech_verb_that_carries_its_comma_is_still_inverted(engine) -> None:
    events = summary(code(engine, "La Turquie a refusé de laisser entrer les observateurs de l'OSCE à Ankara, "
                                  "a dénoncé l'Union européenne."))
    assert ("ACCUSE", "IGOEU", "TUR", "asserted") in events
