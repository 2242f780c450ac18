"""French wire sentences with relative clauses after a comma, texts that speak for whoever
adopts them, and objects hung under the means of an act: the repairs and argument rules they
needed, on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads
from tocsin.coding.clause_repairs import object_taken_by_instrument_phrase
from tocsin.coding.speech_repairs import relative_taken_for_that_clause
from tocsin.nlp.pipelines import load_pipeline
from tocsin.pipeline import Engine
from tocsin.records import Article

PUBLISHED = date(2025, 3, 12)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.fixture(scope="module")
def fr():
    return load_pipeline("fr")


def test_a_relative_after_a_comma_read_as_a_that_clause_goes_back_to_its_noun(fr) -> None:
    doc = fr("Le Niger a rompu ses relations avec l'Ukraine, qu'il accuse de soutenir les groupes armés.")
    accuse = next(t for t in doc if t.text == "accuse")
    assert accuse.dep_ == "ccomp"  # the model's reading: what Niger broke off
    assert relative_taken_for_that_clause(doc[:]) == 1
    assert (accuse.dep_, accuse.head.text) == ("acl:relcl", "Ukraine")
    assert next(t for t in doc if t.text == "qu'").dep_ == "obj"


def test_a_real_that_clause_is_left_alone(fr) -> None:
    doc = fr("Le ministre a affirmé que la Russie accusait l'Ukraine de provocations.")
    assert relative_taken_for_that_clause(doc[:]) == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Niger a rompu ses relations diplomatiques avec l'Ukraine, qu'il accuse de soutenir les groupes "
     "armés au Sahel.", ("ACCUSE", "NER", "UKR")),
    ("Le Mali a annoncé son retrait de la Cedeao, qu'il accuse d'être instrumentalisée par la France.",
     ("ACCUSE", "MLI", "IGOECOWAS")),
    ("Le chef de la diplomatie américaine s'est entretenu au téléphone avec son homologue chinois, qu'il a "
     "exhorté à ne pas livrer d'armes à la Russie.", ("REQUEST", "USAGOV", "CHNGOV")),
    ("Vladimir Poutine a reçu au Kremlin le président iranien, avec qui il a signé un traité de partenariat "
     "stratégique.", ("AGREE", "RUSGOV", "IRNGOV")),
])
def test_the_noun_a_relative_describes_undergoes_its_act(engine: Engine, text: str, expected: tuple) -> None:
    assert expected in dyads(engine, text)


def test_the_accusation_in_a_relative_is_not_aimed_at_its_content(engine: Engine) -> None:
    found = dyads(engine, "Le Mali a annoncé son retrait de la Cedeao, qu'il accuse d'être instrumentalisée par la France.")
    assert ("ACCUSE", "MLI", "FRA") not in found


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Le Conseil de sécurité de l'ONU a adopté une résolution exigeant un cessez-le-feu immédiat au Soudan.",
     "fr", ("REQUEST", "IGOUN", "SDN")),
    ("Les ministres du G7 ont publié un communiqué condamnant les essais de missiles nord-coréens.",
     "fr", ("ACCUSE", "IGOG7", "PRK")),
    ("The Security Council adopted a resolution demanding that Israel halt its offensive in Rafah.",
     "en", ("REQUEST", "IGOUN", "ISR")),
])
def test_a_text_speaks_for_whoever_adopts_it(engine: Engine, text: str, lang: str, expected: tuple) -> None:
    assert expected in dyads(engine, text, lang)


def test_an_object_hung_under_the_means_of_the_act_is_the_verbs(fr) -> None:
    doc = fr("La police a dispersé à coups de gaz lacrymogène des manifestants devant le Parlement.")
    manifestants = next(t for t in doc if t.text == "manifestants")
    assert manifestants.head.text == "gaz"  # the model's reading: "des" read as "de"
    assert object_taken_by_instrument_phrase(doc[:]) == 1
    assert (manifestants.dep_, manifestants.head.text) == ("obj", "dispersé")


def test_the_means_own_complement_stays_with_it(fr) -> None:
    doc = fr("La police a dispersé les manifestants à coups de gaz lacrymogène.")
    assert object_taken_by_instrument_phrase(doc[:]) == 0


def test_crowd_dispersed_with_tear_gas_is_the_target(engine: Engine) -> None:
    found = dyads(engine, "La police kényane a dispersé à coups de gaz lacrymogène des manifestants qui protestaient "
                          "contre la hausse des impôts à Nairobi.")
    assert ("ASSAULT", "KENCOP", "KENCVL") in found


# --------------------------------------------------------------------------- arrivals, clitics, "the latter"


def test_a_leader_arriving_in_a_foreign_capital_visits_it(engine: Engine) -> None:
    found = dyads(engine, "Le président kényan William Ruto est arrivé lundi à Pékin.")
    assert ("CONSULT", "KENGOV", "CHN") in found
    found = dyads(engine, "« La France est aux côtés d'Israël », a affirmé Emmanuel Macron à son arrivée à Tel-Aviv.")
    assert ("CONSULT", "FRAGOV", "ISR") in found


def test_things_that_arrive_visit_no_one(engine: Engine) -> None:
    found = dyads(engine, "Deux cent mille doses de vaccin, offertes par Pékin, sont arrivées mercredi soir à Dakar.")
    assert not any(t == "CONSULT" for t, _, _ in found)
    assert ("AID", "CHN", "SEN") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Premier ministre indien s'est rendu à Moscou. Vladimir Poutine l'a accueilli dans sa résidence.",
     ("CONSULT", "RUSGOV", "INDGOV")),
    # Joe Biden is out of office on the publication date: his country, not the government
    ("Le président sud-coréen a rencontré Joe Biden. Il lui a demandé de renforcer la dissuasion.",
     ("REQUEST", "KORGOV", "USA")),
    ("L'Iran a saisi un pétrolier grec. Athènes l'a accusé de piraterie.", ("ACCUSE", "GRC", "IRN")),
])
def test_an_object_clitic_stands_for_an_actor_named_before(engine: Engine, text: str, expected: tuple) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le chef de la junte guinéenne a reçu l'émissaire de la Cedeao. Celui-ci lui a demandé de publier un "
     "calendrier électoral.", ("REQUEST", "IGOECOWAS", "GINGOV")),
    ("Le président turc a reçu son homologue syrien. Ce dernier a salué le soutien d'Ankara.",
     ("SUPPORT", "SYRGOV", "TUR")),
])
def test_the_latter_is_the_last_one_named(engine: Engine, text: str, expected: tuple) -> None:
    assert expected in dyads(engine, text)


def test_a_headline_clause_after_its_topic_is_a_clause(fr) -> None:
    from tocsin.coding.verb_form_repairs import clause_after_topic_read_as_modifier

    doc = fr("Niger : la junte expulse le coordinateur de l'ONU")
    expulse = next(t for t in doc if t.text == "expulse")
    assert expulse.dep_ in ("acl", "amod")  # the model's reading: a modifier of "junte"
    assert clause_after_topic_read_as_modifier(doc[:]) == 1
    assert expulse.dep_ == "ROOT"
    assert {(c.text, c.dep_) for c in expulse.children} >= {("junte", "nsubj"), ("coordinateur", "obj"),
                                                           ("Niger", "obl:mod")}


def test_a_headline_participle_after_its_topic_stays_a_modifier(fr) -> None:
    from tocsin.coding.verb_form_repairs import clause_after_topic_read_as_modifier

    doc = fr("Mali : deux soldats tués dans une embuscade")
    assert clause_after_topic_read_as_modifier(doc[:]) == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Niger : la junte expulse le coordinateur de l'ONU", ("COERCE", "NERGOV", "IGOUN")),
    ("Soudan : l'armée accuse les paramilitaires d'avoir bombardé un hôpital", ("ACCUSE", "SDNMIL", "SDNREB")),
])
def test_the_headline_topic_places_its_groups(engine: Engine, text: str, expected: tuple) -> None:
    assert expected in dyads(engine, text)


# --------------------------------------------------------------------------- authors, closing participles


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Des frappes aériennes attribuées à l'armée soudanaise ont tué au moins vingt civils dans un marché de "
     "Nyala.", "fr", ("ASSAULT", "SDNMIL", "SDNCVL")),
    ("L'attentat, revendiqué par l'État islamique, a fait douze morts à Kaboul.", "fr", ("ASSAULT", "AFGREB", "AFGGOV")),
    ("An attack claimed by Islamic State killed twelve people in Kabul.", "en", ("ASSAULT", "AFGREB", "AFGCVL")),
])
def test_whoever_an_act_is_ascribed_to_carries_it_out(engine: Engine, text: str, lang: str, expected: tuple) -> None:
    assert expected in dyads(engine, text, lang)


def test_whoever_ascribes_an_act_is_not_its_author(engine: Engine) -> None:
    found = dyads(engine, "Des frappes attribuées par Kiev à l'armée russe ont touché un hôpital à Kherson.")
    assert not any(source == "UKR" for kind, source, _ in found if kind != "ACCUSE")
    # the ascription itself is Kyiv's accusation of the Russian army (guideline §4, as "imputée par … à")
    assert all(source == "UKR" and (target or "").startswith("RUS") for kind, source, target in found if kind == "ACCUSE")


def test_a_closing_participle_after_a_comma_speaks_of_the_subject(fr, engine: Engine) -> None:
    from tocsin.coding.verb_form_repairs import participle_after_comma_taken_for_modifier

    text = ("Le Tchad a mis fin à son accord de coopération militaire avec la France, exigeant le départ des "
            "soldats français d'ici janvier.")
    doc = fr(text)
    exigeant = next(t for t in doc if t.text == "exigeant")
    assert exigeant.head.text == "France"  # the model's reading
    assert participle_after_comma_taken_for_modifier(doc[:]) == 1
    assert (exigeant.dep_, exigeant.head.text) == ("advcl", "mis")
    assert any(t == "REQUEST" and s == "TCD" and (g or "").startswith("FRA") for t, s, g in dyads(engine, text))


def test_a_participle_inside_the_clause_may_describe_its_noun(fr) -> None:
    from tocsin.coding.verb_form_repairs import participle_after_comma_taken_for_modifier

    doc = fr("Les soldats, portant des gilets pare-balles, ont quitté la base avant l'aube.")
    assert participle_after_comma_taken_for_modifier(doc[:]) == 0


def test_a_relative_after_coordinated_nationalities_goes_to_their_noun(engine: Engine) -> None:
    found = dyads(engine, "Le chef de la diplomatie européenne a rencontré à Bruxelles les ministres serbe et "
                          "kosovar, qu'il a appelés à reprendre le dialogue.")
    assert {("REQUEST", "IGOEU", "SRBGOV"), ("REQUEST", "IGOEU", "XKXGOV")} <= found


# --------------------------------------------------------------------------- passives


def test_what_an_acts_means_aimed_at_undergoes_it(engine: Engine) -> None:
    found = dyads(engine, "Plusieurs villages du sud du Liban ont été visés dimanche par des frappes israéliennes.")
    assert ("ASSAULT", "ISR", "LBN") in found


def test_an_agent_after_a_weekday_stays_the_agent(engine: Engine) -> None:
    found = dyads(engine, "Des missiles balistiques ont été tirés vendredi par la Corée du Nord vers la mer du Japon, "
                          "a annoncé l'état-major sud-coréen.")
    assert ("MOBILIZE", "PRK", None) in found
    assert not any(source == "KOR" for _, source, _ in found)


def test_par_contumace_names_no_agent(engine: Engine) -> None:
    events = engine.code_article(Article(id="t", text="L'opposante bélarusse a été condamnée par contumace à quinze "
                                                      "ans de prison.", language="fr", published=PUBLISHED))
    assert events and all(e.source is None or "contumace" not in e.source.text for e in events)


def test_que_opening_a_warned_clause_is_its_conjunction(engine: Engine) -> None:
    assert ("THREATEN", "IRN", "ISR") in dyads(engine, "L'Iran a prévenu Israël qu'il répondrait fermement à toute attaque.")


def test_accepting_a_harmful_act_is_no_threat(engine: Engine) -> None:
    found = dyads(engine, "Washington « n'acceptera jamais » l'annexion de territoires ukrainiens par la force, a "
                          "répété le secrétaire d'État américain.")
    assert not any(t == "THREATEN" for t, _, _ in found)


@pytest.mark.parametrize(("text", "words"), [
    ("qualifié d'« inacceptable »", ["qualifié", "d'", "«", "inacceptable", "»"]),
    ("l’« opération spéciale »", ["l’", "«", "opération", "spéciale", "»"]),
    ("d'une attaque", ["d'", "une", "attaque"]),
    ("aujourd'hui", ["aujourd'hui"]),
])
def test_an_elided_word_before_a_quote_stays_one_word(fr, text: str, words: list[str]) -> None:
    assert [t.text for t in fr.tokenizer(text)] == words


def test_calling_an_act_unacceptable_in_quotes_condemns_its_author(engine: Engine) -> None:
    found = dyads(engine, "Le président colombien a qualifié d'« inacceptable » l'expulsion de migrants colombiens "
                          "par les États-Unis.")
    assert ("ACCUSE", "COLGOV", "USA") in found


def test_no_break_spaces_are_parsed_as_spaces_and_shown_as_written(engine: Engine) -> None:
    plain = "Le président a affirmé : « Nous ne céderons pas », rejetant l'ultimatum russe."
    typographic = plain.replace(" :", "\u202f:").replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    assert typographic != plain and len(typographic) == len(plain)
    as_written = engine.code_article(Article(id="t", text=typographic, language="fr", published=PUBLISHED))
    as_plain = engine.code_article(Article(id="t", text=plain, language="fr", published=PUBLISHED))
    assert as_plain
    assert [(e.type, e.negated, e.trigger_span) for e in as_written] == [(e.type, e.negated, e.trigger_span)
                                                                        for e in as_plain]
    for event in as_written:
        assert event.sentence == typographic
        assert typographic[event.trigger_span[0]:event.trigger_span[1]] == event.trigger


def test_approving_aid_for_several_countries_is_aid_to_each(engine: Engine) -> None:
    found = dyads(engine, "Le Sénat américain a approuvé une aide militaire de 95 milliards de dollars pour l'Ukraine, "
                          "Israël et Taïwan.")
    assert {("AID", "USALEG", "UKR"), ("AID", "USALEG", "ISR"), ("AID", "USALEG", "TWN")} <= found
    assert not any(t == "SUPPORT" for t, _, _ in found)


# --------------------------------------------------------------------------- an attack named as the subject


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Russian shelling killed four civilians in Kherson.", "en", ("ASSAULT", "RUS", "UKRCVL")),
    ("Israeli air strikes killed at least 20 people in southern Lebanon.", "en", ("ASSAULT", "ISR", "LBNCVL")),
    ("Des frappes russes ont tué quatre civils à Kherson.", "fr", ("ASSAULT", "RUS", "UKRCVL")),
])
def test_an_attack_named_as_the_subject_is_the_verbs_act(engine: Engine, text: str, lang: str,
                                                          expected: tuple) -> None:
    found = dyads(engine, text, lang)
    assert expected in found
    assert len([t for t, _, _ in found if t == "ASSAULT"]) == 1  # one act, not the noun and the verb


def test_the_attack_nouns_own_target_stands_when_the_verb_names_none(engine: Engine) -> None:
    found = dyads(engine, "Israel's retaliatory strikes on Iran early on Saturday hit air defence sites.", "en")
    assert ("ASSAULT", "ISR", "IRN") in found


def test_civilians_guessed_from_the_attackers_nationality_are_the_places(engine: Engine) -> None:
    found = dyads(engine, "Des frappes russes ont tué quatre civils à Kherson.")
    assert not any(target == "RUSCVL" for _, _, target in found)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The European Union agreed a new package of sanctions against Russia targeting its shadow fleet.", "en",
     {("SANCTION", "IGOEU", "RUS")}),
    ("EU leaders agreed new sanctions on Iran.", "en", {("SANCTION", "IGOEU", "IRN")}),
    ("Les Vingt-Sept ont approuvé un nouveau paquet de sanctions contre la Russie.", "fr",
     {("SANCTION", "IGOEU", "RUS")}),
])
def test_deciding_a_sanction_is_the_sanction(engine: Engine, text: str, lang: str, expected: set) -> None:
    assert dyads(engine, text, lang) == expected  # no agreement, no threat beside it


def test_promising_a_sanction_still_threatens(engine: Engine) -> None:
    assert any(t == "THREATEN" for t, _, _ in dyads(engine, "Donald Trump a promis des droits de douane de 25 % "
                                                            "sur les produits mexicains."))


@pytest.mark.parametrize(("text", "lang"), [
    ("Police in Nairobi fired tear gas at protesters demanding the president's resignation.", "en"),
    ("La police a tiré des gaz lacrymogènes sur des manifestants réclamant la démission du président kényan.", "fr"),
])
def test_a_demand_voiced_by_protesters_described_is_their_protest(engine: Engine, text: str, lang: str) -> None:
    found = dyads(engine, text, lang)
    assert ("PROTEST", "KENCVL", "KENGOV") in found
    assert not any(t == "REQUEST" for t, _, _ in found)


def test_an_english_relative_without_pronoun_aims_at_its_noun(engine: Engine) -> None:
    found = dyads(engine, "Russia expelled two British diplomats it accused of spying.", "en")
    assert {("SANCTION", "RUS", "GBRGOV"), ("ACCUSE", "RUS", "GBRGOV")} <= found


def test_calling_a_government_terrorist_accuses_it(engine: Engine) -> None:
    assert ("ACCUSE", "TUR", "ISRGOV") in dyads(engine, "Ankara a traité le gouvernement israélien de « terroriste ».")
    assert dyads(engine, "Le ministre a traité la question des retraites.") == set()
