"""Repairs of recurring French parser errors (tocsin.coding.repairs), on the real model,
and their effect on the coded events."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.coding.qualifiers import Cues
from tocsin.coding.repairs import (
    gerund_taken_for_modifier,
    headline_verb_taken_for_noun,
    name_split_by_tagger,
    name_start_hung_on_the_verb,
    name_taken_for_adverb_at_start,
    object_taken_for_partitive_phrase,
    object_without_preposition,
    participle_taken_for_adjective,
    phrase_hung_on_prepositional_adverb,
    present_verb_without_lemma,
    reattach_after_time_noun,
    recipient_hung_on_genitive_name,
    repair_parse,
    reroot_unquoted_speech,
    subject_hung_on_auxiliary,
    subject_left_unlabelled,
    subject_taken_by_conjunction,
)
from tocsin.lang import load_language
from tocsin.nlp.pipelines import load_pipeline, one_sentence
from tocsin.records import Article, Event

PUBLISHED = date(2024, 3, 14)


@pytest.fixture(scope="module")
def fr():
    return load_pipeline("fr")


@pytest.fixture(scope="module")
def cues() -> Cues:
    return Cues.from_mapping(load_language("fr").cues)


@pytest.fixture(scope="module")
def one_sided():
    """An engine that keeps acts with no recipient, for repairs that concern the source."""
    from tocsin.coding.model import CoderOptions
    from tocsin.pipeline import Engine, PipelineOptions

    return Engine(PipelineOptions(coder=CoderOptions(keep_one_sided=True)))


def code(engine, text: str, lang: str = "fr") -> list[Event]:
    return engine.code_article(Article(id="t", text=text, language=lang, published=PUBLISHED))


def triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


def _token(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_phrase_hung_on_a_weekday_goes_back_to_the_verb(fr, cues) -> None:
    doc = fr("Les deux armées ont lancé vendredi des exercices navals au large de la Crète.")
    exercices = _token(doc, "exercices")
    lance = _token(doc, "lancé")
    repair_parse(doc[:], cues)
    assert exercices.head == lance and exercices.dep_ == "obj"
    assert _token(doc, "vendredi").head == lance
    # a second pass finds nothing left to move
    assert reattach_after_time_noun(doc[:], cues) == 0


def test_a_correct_tree_is_left_alone(fr, cues) -> None:
    doc = fr("Le ministre a rencontré son homologue à Rome.")
    before = [(t.i, t.head.i, t.dep_) for t in doc]
    repair_parse(doc[:], cues)
    assert [(t.i, t.head.i, t.dep_) for t in doc] == before


def test_name_after_the_verb_without_preposition_is_its_object(fr) -> None:
    doc = fr("Le régime a menacé Manille d'une riposte sévère.")
    manille = _token(doc, "Manille")
    object_without_preposition(doc[:])
    assert manille.dep_ in ("obj", "nsubj")  # whatever the parser said, never an oblique any more
    assert manille.dep_ != "obl:mod"


def test_speech_verb_after_a_quotation_becomes_the_root(fr, cues) -> None:
    doc = fr("« Les otages doivent être relâchés sans délai », a exhorté mardi Rishi Sunak.")
    repair_parse(doc[:], cues)
    exhorte = _token(doc, "exhorté")
    assert exhorte.dep_ == "ROOT"
    assert _token(doc, "relâchés") in exhorte.subtree


def test_weekday_repair_codes_a_joint_exercise_of_two_navies(engine) -> None:
    events = code(engine, "Les marines indienne et japonaise ont entamé lundi des manœuvres conjointes dans le golfe du Bengale.")
    coop = [e for e in events if e.type == "COOPERATE"]
    assert coop and {coop[0].source.country, coop[0].target.country} == {"IND", "JPN"}


def test_inverted_speech_request_takes_the_quoted_actor_as_recipient(engine) -> None:
    events = code(engine, "« Le Venezuela doit libérer immédiatement les opposants détenus », a exhorté mercredi Antony Blinken.")
    assert ("REQUEST", "USAGOV", "VEN") in {(t, s, (g or "")[:3] or None) for t, s, g in triples(events)}
    assert not [e for e in events if e.type == "RETREAT"]  # the demanded release is content


def test_speaker_named_after_a_weekday_is_the_source(one_sided) -> None:
    events = code(one_sided, "« C'est une provocation inacceptable », a dénoncé jeudi Manille, après le passage de navires chinois.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and accuse[0].source.code == "PHL"


def test_present_participle_after_an_article_is_no_trigger(engine) -> None:
    events = code(engine, "« Nous ne céderons rien à l'occupant », a déclaré le président ukrainien.")
    assert not [e for e in events if e.pattern.startswith("fr.v.occuper")]


def test_subject_hung_on_an_adverbial_locution_goes_to_the_verb(engine) -> None:
    events = code(engine, "Les Houthis ont de nouveau tiré des missiles sur Israël.")
    assert any(e.type == "ASSAULT" and e.source is not None and e.source.code == "YEMREB" for e in events)


def test_english_copula_keeps_its_own_subject(fr) -> None:
    from tocsin.coding.repairs import subject_on_function_word
    en = load_pipeline("en")
    doc = en("The talks ended on Monday, a day before the two delegations were due to meet again.")
    delegations = _token(doc, "delegations")
    head = delegations.head
    subject_on_function_word(doc[:])
    assert delegations.head == head


@pytest.mark.parametrize(("text", "type_", "source", "target"), [
    ("Le Tchad expulse l'ambassadeur d'Allemagne", "SANCTION", "TCD", "DEU"),
    ("L'Ukraine bombarde Belgorod", "ASSAULT", "UKR", None),
])
def test_headline_verb_read_as_a_participle_is_the_predicate(engine, text, type_, source, target) -> None:
    events = [e for e in code(engine, text) if e.type == type_]
    assert events and events[0].source.country == source
    if target is not None:
        assert events[0].target is not None and events[0].target.country == target


def test_a_states_protest_is_an_accusation_a_crowds_is_a_protest(engine) -> None:
    events = code(engine, "La Chine proteste contre la visite du président taïwanais au Japon.")
    assert any(e.type == "ACCUSE" and e.source.country == "CHN" for e in events)
    events = code(engine, "Des milliers de Serbes protestent contre le gouvernement à Belgrade.")
    assert any(e.type == "PROTEST" for e in events)


def test_object_taken_by_a_time_phrase_goes_back_to_the_verb(fr, cues) -> None:
    from tocsin.coding.repairs import object_taken_by_time_phrase

    doc = fr("L'Azerbaïdjan aurait massé ces derniers jours des blindés et de l'artillerie.")
    assert _token(doc, "blindés").dep_ == "nmod"  # the parser's reading this repair is for
    assert object_taken_by_time_phrase(doc[:], cues.time_nouns) == 1
    assert _token(doc, "blindés").dep_ == "obj" and _token(doc, "blindés").head.text == "massé"
    assert _token(doc, "jours").dep_ == "obl:mod"


def test_a_time_phrase_object_makes_the_mobilisation_visible(engine) -> None:
    events = code(engine, "L'Azerbaïdjan aurait massé ces derniers jours des blindés et de l'artillerie.")
    assert ("MOBILIZE", "AZE") in {(e.type, e.source.code) for e in events}


def test_surname_read_as_an_adverb_rejoins_the_name(fr, engine) -> None:
    doc = fr("Emmanuel Macron a reçu Olaf Scholz à l'Élysée.")
    surname = _token(doc, "Macron")
    assert surname.head.text != "Emmanuel"  # the model's reading this repair is for
    assert name_split_by_tagger(doc[:]) == 1
    assert (surname.head.text, surname.dep_) == ("Emmanuel", "flat:name")
    assert name_split_by_tagger(doc[:]) == 0
    found = triples(code(engine, "Emmanuel Macron a reçu Olaf Scholz à l'Élysée."))
    assert ("CONSULT", "FRAGOV", "DEUGOV") in found


def test_title_case_headline_words_stay_words(fr) -> None:
    doc = fr("Trump Again Threatens Canada With Tariffs")
    heads = [(t.head.i, t.dep_) for t in doc]
    name_split_by_tagger(doc[:])
    assert [(t.head.i, t.dep_) for t in doc] == heads


def test_gerund_tagged_as_a_noun_becomes_a_verb_of_the_clause(fr, engine) -> None:
    doc = fr("Pékin a riposté dans la foulée en sanctionnant dix personnalités européennes.")
    gerund = _token(doc, "sanctionnant")
    assert gerund.pos_ == "NOUN"  # the model's reading this repair is for
    assert gerund_taken_for_modifier(doc[:]) == 1
    assert (gerund.pos_, gerund.lemma_, gerund.dep_, gerund.head.text) == ("VERB", "sanctionner", "advcl", "riposté")
    assert _token(doc, "personnalités").dep_ == "obj"
    assert gerund_taken_for_modifier(doc[:]) == 0
    events = code(engine, "Pékin a riposté dans la foulée en sanctionnant dix eurodéputés.")
    assert [(e.type, e.source.code) for e in events] == [("SANCTION", "CHN")]  # the answer is the sanction


def test_gerund_hung_on_the_object_speaks_for_the_subject(engine) -> None:
    found = triples(code(engine, "Les dirigeants du G7 ont réaffirmé vendredi à Hiroshima leur soutien « indéfectible » "
                                 "à l'Ukraine, tout en condamnant une nouvelle fois l'« agression brutale » de la Russie."))
    assert ("ACCUSE", "IGOG7", "RUS") in found


def test_names_after_a_conditional_conjunction_are_the_subject_of_its_verb(fr) -> None:
    doc = fr("Pyongyang « ne restera pas les bras croisés » si Séoul et Washington poursuivent leurs exercices "
             "conjoints, a averti lundi le ministère nord-coréen de la Défense.")
    seoul, verb = _token(doc, "Séoul"), _token(doc, "poursuivent")
    assert seoul.head.i != verb.i  # the model's reading this repair is for
    assert subject_taken_by_conjunction(doc[:]) == 1
    assert (seoul.head.i, seoul.dep_) == (verb.i, "nsubj")
    assert _token(doc, "si").head.i == verb.i
    assert subject_taken_by_conjunction(doc[:]) == 0


def test_speaker_after_an_unquoted_statement_is_the_subject(fr, cues) -> None:
    doc = fr("La Chine répondra fermement si les États-Unis livrent des armes à Taïwan, a averti Pékin.")
    verb = _token(doc, "averti")
    assert verb.dep_ != "ROOT"  # the model's reading this repair is for
    assert reroot_unquoted_speech(doc[:], cues.reporting_verbs | cues.inverted_speech_verbs)
    assert verb.dep_ == "ROOT" and _token(doc, "Pékin").dep_ == "nsubj"
    assert _token(doc, "répondra").head.i == verb.i
    # a participle closing the sentence has no inverted subject
    doc = fr("La Bolivie a rompu mardi ses relations avec Israël, dénonçant une offensive disproportionnée.")
    assert not reroot_unquoted_speech(doc[:], cues.reporting_verbs | cues.inverted_speech_verbs)


def test_a_threat_on_a_condition_is_aimed_at_whom_the_condition_is_about(engine) -> None:
    found = triples(code(engine, "Pyongyang « ne restera pas les bras croisés » si Séoul et Washington poursuivent "
                                 "leurs exercices conjoints, a averti lundi le ministère nord-coréen de la Défense."))
    assert found == {("THREATEN", "PRKMIL", "KOR"), ("THREATEN", "PRKMIL", "USA")}  # the exercises are the condition
    found = triples(code(engine, "China will respond firmly if the United States sells weapons to Taiwan, "
                                 "Beijing warned.", "en"))
    assert ("THREATEN", "CHN", "USA") in found


def test_prison_term_hung_on_the_convicted_goes_back_to_the_verb(engine) -> None:
    # "à trois ans de prison" under the name (or the court) is the sentence, not a condemnation
    found = triples(code(engine, "Un tribunal de Moscou a condamné l'opposant Alexeï Navalny à trois ans de prison."))
    assert found == {("SANCTION", "RUSJUD", "RUSOPP")}
    found = triples(code(engine, "Un tribunal de Hong Kong a condamné jeudi le militant prodémocratie Joshua Wong à "
                                 "dix mois de prison."))
    assert {t for t, _, _ in found} == {"SANCTION"}


def test_list_of_subjects_cut_after_its_first_name_is_one_subject(engine) -> None:
    # the parser reads "L'Algérie" as the root and the rest as a relative clause of it; the
    # destination "en Turquie" hangs inside the object
    found = triples(code(engine, "L'Algérie, la Grèce et Israël ont dépêché mardi des équipes de secouristes en "
                                 "Turquie, au lendemain du séisme."))
    assert found == {("AID", "DZA", "TUR"), ("AID", "GRC", "TUR"), ("AID", "ISR", "TUR")}


def test_participle_coordinated_with_a_modifier_shares_the_subject(one_sided) -> None:
    found = triples(code(one_sided, "Le Qatar a envoyé mercredi un avion chargé de quarante tonnes d'aide humanitaire "
                                    "à Beyrouth et promis de financer la reconstruction de deux hôpitaux."))
    assert ("AID", "QAT", "LBN") in found
    assert {s for t, s, _ in found if t == "AGREE"} == {"QAT"}


def test_first_of_two_coordinated_subjects_taken_for_the_root_rejoins_them(engine) -> None:
    # "ont procédé à un échange": the exchange is the light verb's subjects' act, one event per side
    found = triples(code(engine, "La Russie et l'Ukraine ont procédé à un nouvel échange de prisonniers."))
    assert found == {("RETREAT", "RUS", "UKR"), ("RETREAT", "UKR", "RUS")}


def test_compound_adjectives_of_nationality_stay_one_word_and_name_both_countries(fr, engine) -> None:
    doc = fr("Les patrouilles conjointes russo-turques ont repris jeudi sur l'autoroute M4.")
    assert "russo-turques" in [t.text for t in doc]
    assert len(list(doc.sents)) == 1  # split at the hyphen, the model cut the sentence there
    found = triples(code(engine, "Les patrouilles conjointes russo-turques ont repris jeudi sur l'autoroute M4."))
    assert found == {("COOPERATE", "RUS", "TUR")}
    found = triples(code(engine, "Le dialogue sino-américain a repris à Genève."))
    assert found == {("CONSULT", "CHN", "USA")}


def test_participle_coordinated_with_a_noun_is_the_verbs_conjunct(engine) -> None:
    found = triples(code(engine, "La police a dispersé jeudi à coups de gaz lacrymogène un rassemblement de "
                                 "l'opposition à Conakry et interpellé une trentaine de militants."))
    assert ("COERCE", "GINCOP", "GINCVL") in found  # the arrests, by the police
    assert ("PROTEST", "GINOPP", "GINGOV") in found  # an opposition rally is against the power


def test_a_count_after_a_weekday_is_the_object_in_one_sentence(fr, engine) -> None:
    doc = fr("Le président bélarusse Alexandre Loukachenko a gracié mercredi dix-huit prisonniers politiques.")
    assert len(list(doc.sents)) == 1  # the model alone would start a sentence at the count
    found = triples(code(engine, "Le président bélarusse Alexandre Loukachenko a gracié mercredi dix-huit "
                                 "prisonniers politiques."))
    assert found == {("CONCEDE", "BLRGOV", "BLRCVL")}
    found = triples(code(engine, "La défense antiaérienne ukrainienne affirme avoir abattu dans la nuit dix-huit "
                                 "missiles russes tirés sur Kiev."))
    assert ("ASSAULT", "UKRMIL", "RUS") in found


def test_a_sentence_already_cut_from_its_article_stays_one_tree(fr, engine) -> None:
    text = "Rome et Madrid ont mis leur veto jeudi à l'adhésion de la Turquie."
    assert len(list(fr(text).sents)) == 1  # the model alone cuts it after "Madrid"
    assert triples(code(engine, text)) == {("REJECT", "ITA", "TUR"), ("REJECT", "ESP", "TUR")}
    # only a colon (a headline's topic) or a semicolon may still open a second sentence
    doc = one_sentence(fr.make_doc("Pêche : Rome et Madrid ont mis leur veto ; Paris s'abstient."))
    assert [t.text for t in doc if t.is_sent_start is not False] == ["Pêche", "Rome", "Paris"]


def test_a_subject_left_unlabelled_before_its_verb_is_the_subject(fr) -> None:
    doc = fr("Rome et Madrid ont mis leur veto jeudi à un projet de directive.")
    rome, verb = _token(doc, "Rome"), _token(doc, "mis")
    rome.dep_ = "dep"  # the label the model gives it when kept in one tree
    assert subject_left_unlabelled(doc[:]) == 1
    assert (rome.dep_, rome.head.i) == ("nsubj", verb.i)
    assert subject_left_unlabelled(doc[:]) == 0  # the verb now has its subject


def test_a_name_read_as_a_complement_clause_after_the_verb_is_its_object(fr) -> None:
    doc = fr("Ankara a exhorté Bruxelles à relancer les négociations d'adhésion.")
    name, verb = _token(doc, "Bruxelles"), _token(doc, "exhorté")
    name.head, name.dep_ = verb, "xcomp"
    assert object_without_preposition(doc[:]) == 1
    assert name.dep_ == "obj"
    far = fr("Ankara a exhorté jeudi Bruxelles à relancer les négociations.")
    name = _token(far, "Bruxelles")
    name.head, name.dep_ = _token(far, "exhorté"), "xcomp"
    assert object_without_preposition(far[:]) == 0  # only a name right after the verb


def test_a_count_hung_on_an_adverb_of_quantity_is_the_object(fr, cues, engine) -> None:
    from tocsin.coding.repairs import count_taken_by_quantity_adverb

    doc = fr("La Turquie a massé plus de 100 000 soldats à la frontière syrienne.")
    assert _token(doc, "soldats").head.text == "plus"  # the model's reading
    repair_parse(doc[:], cues)
    soldats = _token(doc, "soldats")
    assert soldats.dep_ == "obj" and soldats.head.text == "massé"
    assert count_taken_by_quantity_adverb(doc[:]) == 0  # nothing left to move
    found = triples(code(engine, "La Turquie a massé plus de 100 000 soldats à la frontière syrienne."))
    assert ("MOBILIZE", "TUR", "SYR") in found


def test_a_clause_taken_by_a_fronted_phrase_gets_its_verb_back(fr, cues, engine) -> None:
    from tocsin.coding.repairs import clause_taken_by_fronted_phrase

    text = "À l'appel des syndicats, plus d'un million de personnes ont défilé jeudi à Paris contre la réforme du gouvernement."
    doc = fr(text)
    assert doc[:].root.text == "appel"  # the model's reading
    repair_parse(doc[:], cues)
    assert doc[:].root.text == "défilé"
    assert _token(doc, "million").dep_ == "nsubj" and _token(doc, "appel").head.text == "défilé"
    assert not clause_taken_by_fronted_phrase(doc[:])  # nothing left to move
    assert ("PROTEST", "FRACVL", "FRAGOV") in triples(code(engine, text))


def test_an_object_taken_by_a_bare_adverbial_phrase_goes_back_to_the_verb(fr, cues, engine) -> None:
    from tocsin.coding.repairs import object_taken_by_adverbial_phrase

    text = "Pyongyang a testé avec succès son nouveau missile balistique, selon l'agence officielle."
    doc = fr(text)
    missile = _token(doc, "missile")
    assert missile.head.text == "succès"  # the model's reading
    repair_parse(doc[:], cues)
    assert missile.head.text == "testé" and missile.dep_ == "obj"
    assert object_taken_by_adverbial_phrase(doc[:]) == 0
    assert ("MOBILIZE", "PRK", None) in triples(code(engine, text))


def test_a_complement_taken_by_the_agents_name_goes_back_to_the_event_noun(fr, cues, engine) -> None:
    from tocsin.coding.repairs import complement_taken_by_agent_name

    text = "Pedro Sánchez a annoncé mardi la reconnaissance par l'Espagne de l'État de Palestine."
    doc = fr(text)
    assert _token(doc, "État").head.text == "Espagne"  # the model's reading
    repair_parse(doc[:], cues)
    assert _token(doc, "État").head.text == "reconnaissance"
    assert _token(doc, "Espagne").head.text == "reconnaissance"
    assert complement_taken_by_agent_name(doc[:]) == 0
    assert ("SUPPORT", "ESPGOV", "PSE") in triples(code(engine, text))


def test_with_an_agent_the_genitive_of_an_event_noun_is_who_undergoes_it(engine) -> None:
    text = "L'expulsion par Moscou de quinze diplomates de l'ambassade d'Allemagne a été jugée inacceptable."
    found = triples(code(engine, text))
    assert ("SANCTION", "RUS", "DEUGOV") in found
    assert not any(s == "DEUGOV" for _, s, _ in found)


def test_a_name_read_as_the_determiner_of_its_verb_is_the_subject(engine) -> None:
    # the model reads "Ankara menace" as a noun phrase, the name as its determiner
    found = triples(code(engine, "Ankara menace de bloquer l'adhésion de la Suède à l'OTAN."))
    assert found == {("THREATEN", "TUR", "SWE")}


def test_a_hyphenated_name_or_compound_stays_one_token(fr) -> None:
    from tocsin.nlp.pipelines import hyphenated_word

    doc = fr("Le Portugal a battu la Nouvelle-Zélande en demi-finale, selon l'ONG OVD-Info.")
    zealand = _token(doc, "Nouvelle-Zélande")
    assert zealand.head.text == "battu" and zealand.dep_ == "obj"
    assert "OVD-Info" in [t.text for t in doc]
    words = [t.text for t in fr("Le chef d'état-major a inspecté le poste-frontière ce week-end.")]
    assert {"état-major", "poste-frontière", "week-end"} <= set(words)
    for word in ("Royaume-Uni", "Al-Qaïda", "al-Assad", "Tel-Aviv", "Châlons-en-Champagne", "libre-échange"):
        assert hyphenated_word(word), word
    for word in ("Peut-on", "a-t-il", "dit-elle", "donne-moi", "EST-IL", "G-7", "Jean-", "2019-2020"):
        assert not hyphenated_word(word), word
    # a verb and its inverted pronoun are still two words
    assert [t.text for t in fr("Peut-on négocier ?")][:2] == ["Peut", "-on"]


def test_a_bare_weekday_read_as_the_object_is_a_time_modifier(fr, cues) -> None:
    from tocsin.coding.repairs import time_word_taken_for_object

    doc = fr("Donald Tusk n'a pas exclu mardi de fermer la frontière.")
    mardi = _token(doc, "mardi")
    assert mardi.dep_ == "obj"  # the model's reading
    repair_parse(doc[:], cues)
    assert mardi.dep_ == "obl:mod" and mardi.head.text == "exclu"
    assert time_word_taken_for_object(doc[:], cues.time_nouns) == 0
    # a time word with its article is a noun and keeps its label
    doc = fr("Les délégués ont passé la nuit à négocier.")
    nuit = _token(doc, "nuit")
    label = nuit.dep_
    time_word_taken_for_object(doc[:], cues.time_nouns)
    assert nuit.dep_ == label


def test_a_name_split_into_two_subjects_is_one_name(fr, cues) -> None:
    from tocsin.coding.repairs import name_split_into_two_arguments

    doc = fr("Mikhaïl Michoustine a dénoncé une attaque informatique.")
    first, last = _token(doc, "Mikhaïl"), _token(doc, "Michoustine")
    assert first.dep_ == last.dep_ == "nsubj"  # the model's reading
    repair_parse(doc[:], cues)
    assert first.dep_ == "nsubj" and last.head == first and last.dep_ == "flat:name"
    assert name_split_into_two_arguments(doc[:]) == 0
    doc = fr("La Pologne a menacé Ihor Klymenko de sanctions.")
    repair_parse(doc[:], cues)
    assert _token(doc, "Klymenko").head.text == "Ihor" and _token(doc, "Ihor").dep_ == "obj"


def test_a_title_and_its_name_are_one_subject(fr, cues) -> None:
    from tocsin.coding.repairs import title_and_name_taken_for_two_arguments

    doc = fr("Le chef de la diplomatie lituanienne Kęstutis Budrys a dénoncé la décision.")
    chef, name = _token(doc, "chef"), _token(doc, "Kęstutis")
    assert chef.dep_ == name.dep_ == "nsubj"  # the model's reading
    repair_parse(doc[:], cues)
    assert name.head == chef and name.dep_ == "appos"
    assert title_and_name_taken_for_two_arguments(doc[:]) == 0
    doc = fr("Le défenseur Jules Koundé a inscrit un but.")
    repair_parse(doc[:], cues)
    assert _token(doc, "Koundé").head.text == "Jules" and _token(doc, "Koundé").dep_ == "flat:name"


def test_a_noun_after_et_coordinated_with_the_verb_joins_the_object(fr, cues, engine) -> None:
    from tocsin.coding.repairs import conjunct_noun_hung_on_the_verb

    text = "Le Japon a remercié la Norvège et les Pays-Bas pour leur aide."
    doc = fr(text)
    pays_bas = _token(doc, "Pays-Bas")
    assert pays_bas.head.text == "remercié"  # the model's reading
    repair_parse(doc[:], cues)
    assert pays_bas.head.text == "Norvège" and pays_bas.dep_ == "conj"
    assert conjunct_noun_hung_on_the_verb(doc[:]) == 0
    targets = {t for _, _, t in triples(code(engine, text))}
    assert {"NOR", "NLD"} <= targets


def test_a_coordinated_subject_taken_for_the_root_is_the_subject(fr, cues) -> None:
    from tocsin.coding.repairs import coordinated_subject_taken_for_root

    doc = fr("Les insurgés et le Niger ont accepté lundi à Lomé un cessez-le-feu immédiat.")
    insurges, niger, accepte = _token(doc, "insurgés"), _token(doc, "Niger"), _token(doc, "accepté")
    assert insurges.dep_ == "ROOT" and niger.head == accepte  # the model's reading
    repair_parse(doc[:], cues)
    assert accepte.dep_ == "ROOT" and insurges.head == accepte and insurges.dep_ == "nsubj"
    assert niger.head == insurges and niger.dep_ == "conj"
    assert doc[-1].head == accepte
    assert coordinated_subject_taken_for_root(doc[:]) is False
    # a first phrase holding a verb is a clause of its own, not a subject
    doc = fr("Le chef a démissionné et le gouvernement a nommé un successeur.")
    before = [(t.i, t.head.i, t.dep_) for t in doc]
    coordinated_subject_taken_for_root(doc[:])
    assert [(t.i, t.head.i, t.dep_) for t in doc] == before


def test_a_noun_tagged_as_a_verb_after_its_determiner_is_a_noun(fr, cues) -> None:
    from tocsin.coding.repairs import noun_tagged_as_verb

    doc = fr("Le Mali a rejeté mardi l'offre de médiation du Sénégal.")
    offre = _token(doc, "offre")
    assert offre.pos_ == "VERB" and offre.lemma_ == "offrir"  # the tagger's reading
    repair_parse(doc[:], cues)
    assert offre.pos_ == "NOUN" and offre.lemma_ == "offre" and offre.dep_ == "obj"
    assert noun_tagged_as_verb(doc[:]) == 0
    doc = fr("La Hongrie a menacé de bloquer toute nouvelle aide européenne à la Moldavie.")
    repair_parse(doc[:], cues)
    assert (_token(doc, "aide").pos_, _token(doc, "aide").lemma_) == ("NOUN", "aide")
    # a participle after an object clitic keeps its tag: "la jugeant" is a verb
    doc = fr("Le Mali a rejeté la proposition, la jugeant inacceptable.")
    repair_parse(doc[:], cues)
    assert _token(doc, "jugeant").pos_ == "VERB"


def test_a_resumptive_noun_coordinated_without_et_is_an_apposition(fr, cues, engine) -> None:
    from tocsin.coding.repairs import resumptive_noun_taken_for_a_conjunct

    text = "Le Maroc et l'Algérie vont rouvrir un poste-frontière, une décision saluée par l'Union africaine."
    doc = fr(text)
    decision = _token(doc, "décision")
    assert decision.dep_ == "conj"  # the model's reading
    repair_parse(doc[:], cues)
    assert decision.dep_ == "appos"
    assert resumptive_noun_taken_for_a_conjunct(doc[:], cues.resumptive_nouns) == 0
    support = {(s, t) for ty, s, t in triples(code(engine, text)) if ty == "SUPPORT"}
    assert support == {("IGOAU", "MAR"), ("IGOAU", "DZA")}
    # a true list keeps its conjuncts
    doc = fr("Le sommet a adopté une déclaration, une décision et un plan d'action.")
    repair_parse(doc[:], cues)
    assert _token(doc, "décision").dep_ != "appos"


def test_a_name_read_as_an_adjective_of_its_title_is_its_apposition(fr, cues) -> None:
    from tocsin.coding.repairs import name_taken_for_an_adjective

    doc = fr("L'opposant biélorusse Ales Bialiatski a entamé une grève de la faim.")
    ales = _token(doc, "Ales")
    assert ales.dep_ == "amod"  # the model's reading
    repair_parse(doc[:], cues)
    assert ales.dep_ == "appos" and ales.head.text == "opposant"
    assert name_taken_for_an_adjective(doc[:]) == 0
    # a lower-case adjective after a name keeps its label
    doc = fr("L'Arabie saoudite a rouvert sa frontière.")
    saoudite = _token(doc, "saoudite")
    label = saoudite.dep_
    name_taken_for_an_adjective(doc[:])
    assert saoudite.dep_ == label
@pytest.mark.parametrize(("text", "expected"), [
    ("Londres sanctionne trois oligarques russes", ("SANCTION", "GBR", "RUSBUS")),
    ("Le Trésor américain sanctionne trois banques russes", ("SANCTION", "USAGOV", "RUSBUS")),
    ("Kiev bombarde des positions russes près de Donetsk", ("ASSAULT", "UKR", "RUS")),
    ("La Pologne masse des troupes à la frontière biélorusse", ("MOBILIZE", "POL", "BLR")),
])
def test_headline_verb_read_as_a_noun_is_the_predicate(engine, text, expected) -> None:
    # with no verb in the headline the model reads "sanctionne", "bombarde", "masse" as nouns
    events = code(engine, text)
    assert [(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in events] == [expected]


def test_a_headline_noun_phrase_keeps_its_nouns(fr) -> None:
    for text in ("La masse des réfugiés à la frontière", "Arrestation d'un opposant au Sénégal"):
        doc = fr(text)
        tags = [t.pos_ for t in doc]
        assert headline_verb_taken_for_noun(doc[:]) is False
        assert [t.pos_ for t in doc] == tags


@pytest.mark.parametrize(("text", "expected"), [
    ("Kiev a plaidé auprès de Washington pour de nouvelles livraisons.", ("REQUEST", "UKR", "USA")),
    ("Le Maroc s'est excusé auprès de l'Espagne.", ("CONCEDE", "MAR", "ESP")),
    ("La Chine a protesté auprès du Japon contre la visite au sanctuaire.", ("ACCUSE", "CHN", "JPN")),
    ("Le Japon a élevé une protestation auprès de Pékin.", ("ACCUSE", "JPN", "CHN")),
])
def test_a_phrase_hung_on_aupres_is_the_recipient(engine, text, expected) -> None:
    # the model reads "auprès" as an adverb heading the name: the name is no argument of the verb
    events = code(engine, text)
    assert [(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in events] == [expected]


def test_aupres_becomes_the_preposition_of_its_name(fr) -> None:
    doc = fr("Le Maroc a protesté auprès de l'Algérie.")
    assert _token(doc, "Algérie").head.text == "auprès"  # the model's reading
    assert phrase_hung_on_prepositional_adverb(doc[:]) == 1
    assert _token(doc, "Algérie").head.text == "protesté"
    assert _token(doc, "auprès").dep_ == "case"
    assert phrase_hung_on_prepositional_adverb(doc[:]) == 0


def test_a_present_verb_left_unlemmatised_gets_its_infinitive(fr) -> None:
    doc = fr("Pyongyang tire un missile balistique en mer du Japon")
    assert _token(doc, "tire").lemma_ == "tire"  # the model's reading
    assert present_verb_without_lemma(doc[:]) == 1
    assert _token(doc, "tire").lemma_ == "tirer"
    assert present_verb_without_lemma(doc[:]) == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Pyongyang tire un missile balistique en mer du Japon", ("MOBILIZE", "PRK", None)),
    ("Washington dépêche un porte-avions en Méditerranée", ("MOBILIZE", "USA", None)),
])
def test_a_headline_launch_or_dispatch_is_read_with_its_infinitive(engine, text, expected) -> None:
    # a missile fired into the sea, at no one, is a test: MOBILIZE, not ASSAULT
    events = code(engine, text)
    assert [(e.type, e.source.code if e.source else None, e.target.code if e.target and e.target.resolved else None)
            for e in events] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("L'attaque du Hamas contre Israël a fait des centaines de morts.", ("ASSAULT", "PSEREB", "ISR")),
    ("L'offensive de l'armée soudanaise contre les FSR se poursuit.", ("ASSAULT", "SDNMIL", "SDNREB")),
])
def test_a_recipient_hung_on_the_genitive_goes_back_to_the_event_noun(engine, text, expected) -> None:
    # "contre Israël" hung on "Hamas" made one phrase "Hamas contre Israël": a self-dyad
    assert [(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in code(engine, text)] == [expected]


def test_recipient_repair_moves_only_the_phrase_after_a_genitive(fr) -> None:
    doc = fr("L'attaque du Hamas contre Israël a fait des centaines de morts.")
    assert _token(doc, "Israël").head.text == "Hamas"  # the model's reading
    assert recipient_hung_on_genitive_name(doc[:]) == 1
    assert _token(doc, "Israël").head.text == "attaque"
    assert _token(doc, "Hamas").head.text == "attaque"


def test_a_participle_after_avoir_tagged_as_adjective_becomes_the_verb(fr) -> None:
    doc = fr("L'UE a gelé les avoirs de la banque centrale russe.")
    assert _token(doc, "gelé").pos_ == "ADJ"  # the model's reading
    assert participle_taken_for_adjective(doc[:]) == 1
    assert _token(doc, "gelé").pos_ == "VERB" and _token(doc, "gelé").lemma_ == "geler"


def test_a_subject_hung_on_the_auxiliary_goes_to_the_participle(fr) -> None:
    doc = fr("La Suisse a gelé des fonds libyens.")
    assert _token(doc, "Suisse").head.text == "a"  # the model's reading
    assert subject_hung_on_auxiliary(doc[:]) == 1
    assert _token(doc, "Suisse").head.text == "gelé"


@pytest.mark.parametrize(("text", "expected"), [
    ("L'UE a gelé les avoirs de la banque centrale russe.", ("SANCTION", "IGOEU", "RUSBUS")),
    ("La Suisse a gelé des fonds libyens.", ("SANCTION", "CHE", "LBY")),
])
def test_freezing_assets_is_read_after_both_repairs(engine, text, expected) -> None:
    assert [(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in code(engine, text)] == [expected]


def test_first_word_of_a_name_hung_on_the_verb_starts_the_name(fr, engine) -> None:
    doc = fr("Boko Haram a attaqué une caserne dans l'État de Borno.")
    assert doc[0].dep_ == "advmod"  # the parser's reading this repair is for
    assert name_start_hung_on_the_verb(doc[:]) == 1
    assert (doc[0].head.text, doc[0].dep_) == ("Haram", "flat:name")
    assert name_start_hung_on_the_verb(doc[:]) == 0
    found = triples(code(engine, "Boko Haram a attaqué une caserne de l'armée nigériane."))
    assert ("ASSAULT", "NGAREB", "NGAMIL") in found
    # a first word that is not a name's start is left alone
    doc = fr("Hier soir, le Hamas a tiré des roquettes.")
    assert name_start_hung_on_the_verb(doc[:]) == 0


def test_name_tagged_as_a_participle_stays_in_its_phrase(engine) -> None:
    found = triples(code(engine, "Le ministre Séjourné a reçu son homologue géorgien."))
    assert any({s, t} == {"FRAGOV", "GEOGOV"} for _, s, t in found)
    found = triples(code(engine, "Le ministre Séjourné a critiqué la Hongrie."))
    assert ("ACCUSE", "FRAGOV", "HUN") in found


def test_surname_read_as_an_adverb_at_the_start_is_the_subject(fr, engine) -> None:
    doc = fr("Macron a critiqué la Turquie.")
    if doc[0].dep_ == "advmod":  # the parser's reading this repair is for
        assert name_taken_for_adverb_at_start(doc[:]) == 1
        assert doc[0].dep_ == "nsubj"
    assert ("ACCUSE", "FRAGOV", "TUR") in triples(code(engine, "Macron a critiqué la Turquie."))
    # a fronted adverb before an inverted subject stays an adverb
    doc = fr("Ainsi a été créée une commission d'enquête.")
    assert name_taken_for_adverb_at_start(doc[:]) == 0
    doc = fr("Hier a eu lieu une réunion.")
    assert name_taken_for_adverb_at_start(doc[:]) == 0


def test_indefinite_article_read_as_a_preposition_after_a_verb_of_force(fr, engine) -> None:
    doc = fr("Le PKK a attaqué des soldats turcs.")
    if doc[4].pos_ == "ADP":  # the parser's reading this repair is for
        assert object_taken_for_partitive_phrase(doc[:]) == 1
        assert doc[5].dep_ == "obj"
    assert ("ASSAULT", "TURREB", "TURMIL") in triples(code(engine, "Le PKK a attaqué des soldats turcs."))
    assert ("ASSAULT", "LBNREB", "ISRMIL") in triples(code(engine, "Le Hezbollah a attaqué des soldats israéliens."))
    # "se retirer des territoires": a reflexive verb keeps its "de"
    doc = fr("L'armée s'est retirée des villages occupés.")
    assert object_taken_for_partitive_phrase(doc[:]) == 0
