"""French news sentences written from the annotation guideline, one PLOVER type at a time
(varied verbs and nouns of wire copy, negated and future variants, non-events): the lexicon
rows, modality and parse repairs they needed, on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_events
from factories import countries_of as countries
from factories import readings_of as summary
from tocsin.coding.repairs import (
    finite_verb_taken_for_participle,
    infinitive_left_unattached,
    name_after_the_verb_taken_for_function_word,
    name_taken_for_adverb_at_start,
    pronominal_verb_taken_for_passive,
    verb_taken_for_another_word,
)
from tocsin.nlp.pipelines import load_pipeline

PUBLISHED = date(2026, 3, 10)
code = partial(coded_events, published=PUBLISHED)


@pytest.fixture(scope="module")
def fr():
    return load_pipeline("fr")


# ---------------------------------------------------------------------- lexicon rows
@pytest.mark.parametrize(("text", "expected"), [
    # sending weapons or relief by "expédier", as "envoyer"
    ("Séoul a expédié des munitions vers l'Ukraine.", ("AID", "KOR", "UKR")),
    ("Le Japon a expédié des vivres aux Philippines.", ("AID", "JPN", "PHL")),
    ("Washington a livré des bombes de 900 kilos à Israël.", ("AID", "USA", "ISR")),
    # a quantity noun ("des tonnes de vivres") stands for what it counts
    ("La France a acheminé des tonnes de vivres au Liban.", ("AID", "FRA", "LBN")),
    # removing duties or sanctions concedes, the duty is not a new sanction
    ("Pékin a supprimé les taxes sur l'orge australienne.", ("CONCEDE", "CHN", "AUS")),
    ("Washington a supprimé les droits de douane sur certains produits chinois.", ("CONCEDE", "USA", "CHN")),
    # pushing back demands is a refusal, the demand is its content
    ("Erevan a repoussé les exigences de Bakou.", ("REJECT", "ARM", "AZE")),
    ("Téhéran a repoussé les demandes américaines.", ("REJECT", "IRN", "USA")),
    # begging another state to act
    ("Tokyo a conjuré Pyongyang de libérer les otages japonais.", ("REQUEST", "JPN", "PRK")),
    # calling an act unacceptable condemns it
    ("Moscou a qualifié d'« inacceptables » les propos du président américain.", ("ACCUSE", "RUS", "USA")),
    # a sit-in
    ("Des partisans d'Imran Khan ont organisé un sit-in devant le Parlement à Islamabad.", ("PROTEST", "PAK", "PAK")),
    # raising the alert level mobilises
    ("Israël a relevé son niveau d'alerte dans le nord.", ("MOBILIZE", "ISR", None)),
    # restrictions on trade are a sanction
    ("Tokyo a imposé des restrictions commerciales à Moscou.", ("SANCTION", "JPN", "RUS")),
    # ramming a ship
    ("Un navire chinois a éperonné un bateau de ravitaillement philippin.", ("ASSAULT", "CHN", "PHL")),
    # approving an offer accepts it, approving a sale of weapons gives them
    ("Athènes a approuvé la proposition turque de reprendre les pourparlers.", ("AGREE", "GRC", "TUR")),
    ("Washington a approuvé une vente d'armes de 2 milliards de dollars à Taïwan.", ("AID", "USA", "TWN")),
    # handing captured soldiers back releases them
    ("L'Azerbaïdjan a rendu à l'Arménie quatre soldats capturés.", ("RETREAT", "AZE", "ARM")),
])
def test_wire_verbs_and_nouns_of_each_type(engine, text, expected) -> None:
    assert expected in countries(code(engine, text))


def test_resumed_talks_are_talks_not_support(engine) -> None:
    found = countries(code(engine, "Washington et Pékin ont repris le dialogue."))
    assert ("CONSULT", "USA", "CHN") in found or ("CONSULT", "CHN", "USA") in found
    assert all(t != "SUPPORT" for t, _, _ in found)
    # resumed relations stay a show of support
    assert ("SUPPORT", "BOL", "ISR") in countries(code(engine, "La Bolivie a repris ses relations avec Israël."))


def test_a_trial_of_people_is_coded_but_a_judgement_is_not(engine) -> None:
    assert ("ACCUSE", "RUS", "USA") in countries(code(engine, "Moscou va juger un ressortissant américain pour espionnage."))
    assert code(engine, "Le tribunal a jugé que la loi était conforme à la Constitution.") == []


def test_suspended_cooperation_is_no_cooperation(engine) -> None:
    found = countries(code(engine, "Le Mali suspend sa coopération militaire avec la France."))
    assert ("SANCTION", "MLI", "FRA") in found
    assert all(t != "COOPERATE" for t, _, _ in found)


def test_a_suspended_treaty_is_no_agreement(engine) -> None:
    found = countries(code(engine, "New Delhi a suspendu le traité sur les eaux de l'Indus avec le Pakistan."))
    assert found == [("SANCTION", "IND", "PAK")]


def test_a_stock_index_falling_back_is_the_economy(engine) -> None:
    assert code(engine, "Le Nikkei a reculé de 3 % à la Bourse de Tokyo.") == []


def test_a_people_named_in_the_plural_protests_as_civilians(engine) -> None:
    found = summary(code(engine, "Des Mexicains ont manifesté devant l'ambassade des États-Unis à Mexico."))
    assert [(t, s) for t, s, *_ in found] == [("PROTEST", "MEXCVL")]


def test_forces_put_on_alert_are_the_actors_own(engine) -> None:
    found = summary(code(engine, "L'armée russe a mis en alerte ses forces nucléaires."))
    assert found == [("MOBILIZE", "RUSMIL", None, False, "asserted")]
    found = countries(code(engine, "Washington a placé ses forces en état d'alerte maximale."))
    assert found == [("MOBILIZE", "USA", None)]


def test_what_is_negotiated_is_the_content_of_the_talks(engine) -> None:
    found = countries(code(engine, "Moscou et Kiev ont négocié un échange de prisonniers."))
    assert found and all(t == "CONSULT" for t, _, _ in found)
    assert {s for _, s, _ in found} | {t for _, _, t in found} == {"RUS", "UKR"}


def test_a_player_suspended_for_matches_is_sport(engine) -> None:
    assert code(engine, "Le joueur serbe a été suspendu quatre matches pour insultes.") == []


# ---------------------------------------------------------------------- modality
@pytest.mark.parametrize("text", [
    "Washington et Manille mèneront des exercices conjoints en avril.",
    "Moscou et Pékin organiseront des patrouilles communes.",
])
def test_a_future_ending_the_tagger_reads_as_present_is_future(engine, text) -> None:
    found = summary(code(engine, text))
    assert found and all(m == "future" for *_, m in found)


def test_a_present_tense_stays_asserted(engine) -> None:
    found = summary(code(engine, "Washington et Manille mènent des exercices conjoints."))
    assert found and all(m == "asserted" for *_, m in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Paris compte livrer des canons Caesar supplémentaires à l'Ukraine.", ("AID", "FRA", "UKR")),
    ("Washington compte sanctionner les acheteurs de pétrole iranien.", ("SANCTION", "USA", "IRN")),
    ("Tokyo compte fournir des patrouilleurs aux Philippines.", ("AID", "JPN", "PHL")),
])
def test_compter_with_an_infinitive_is_an_intention(engine, text, expected) -> None:
    found = [(e.type, e.source.country if e.source else None, e.target.country if e.target else None, e.modality)
             for e in code(engine, text)]
    assert (*expected, "intended") in found


def test_the_misread_verb_repair(fr) -> None:
    doc = fr("Paris compte livrer des canons à l'Ukraine.")
    assert verb_taken_for_another_word(doc[:])
    compte = doc[1]
    assert (compte.lemma_, compte.pos_) == ("compter", "VERB")
    assert doc[2].head.i == compte.i and doc[2].dep_ == "xcomp"
    assert doc[0].head.i == compte.i and doc[0].dep_ == "nsubj"
    # "le compte à rebours", "compte désormais trois députés": left alone
    assert not verb_taken_for_another_word(fr("Le compte à rebours a commencé pour la mission.")[:])
    assert not verb_taken_for_another_word(fr("Le parti compte désormais trois députés.")[:])


def test_not_ruling_out_an_act_makes_it_possible(engine) -> None:
    assert summary(code(engine, "Berlin n'a pas exclu de livrer des missiles Taurus à Kiev.")) == [
        ("AID", "DEU", "UKR", False, "conditional")]
    assert summary(code(engine, "Berlin a exclu de livrer des missiles Taurus à Kiev.")) == [
        ("AID", "DEU", "UKR", True, "asserted")]
    # excluding a member from an organisation stays a sanction
    assert summary(code(engine, "L'Union africaine a exclu le Niger de ses instances.")) == [
        ("SANCTION", "IGOAU", "NER", False, "asserted")]


def test_abstaining_from_condemning_negates_the_condemnation(engine, fr) -> None:
    doc = fr("Le Brésil s'est abstenu de condamner Moscou.")
    assert infinitive_left_unattached(doc[:]) == 1
    assert doc[6].dep_ == "xcomp" and doc[6].head.i == 4
    assert summary(code(engine, "Le Brésil s'est abstenu de condamner Moscou.")) == [
        ("ACCUSE", "BRA", "RUS", True, "asserted")]


# ---------------------------------------------------------------------- present-tense headlines
def test_rompt_read_as_a_participle_is_the_headline_verb(engine, fr) -> None:
    doc = fr("Niamey rompt ses relations diplomatiques avec Paris.")
    assert finite_verb_taken_for_participle(doc[:])
    assert doc[1].dep_ == "ROOT" and doc[0].head.i == 1
    assert countries(code(engine, "Niamey rompt ses relations diplomatiques avec Paris.")) == [("SANCTION", "NER", "FRA")]


def test_a_name_before_a_present_tense_verb_is_its_subject(engine, fr) -> None:
    doc = fr("Ankara rompt ses liens commerciaux avec Israël.")
    if doc[0].dep_ == "advmod":  # the model's reading
        assert name_taken_for_adverb_at_start(doc[:]) == 1
        assert doc[0].dep_ == "nsubj"
    assert ("SANCTION", "TUR", "ISR") in countries(code(engine, "Ankara rompt ses liens commerciaux avec Israël."))


def test_a_name_right_after_the_verb_read_as_a_function_word_is_its_object(engine, fr) -> None:
    doc = fr("Moscou a prévenu Helsinki qu'il prendrait des mesures de rétorsion.")
    if doc[3].dep_ != "obj":  # the model's reading: a conjunction of the clause after it
        assert name_after_the_verb_taken_for_function_word(doc[:]) == 1
        assert (doc[3].dep_, doc[3].head.i) == ("obj", 2)
    assert countries(code(engine, "Moscou a prévenu Helsinki qu'il prendrait des mesures de rétorsion.")) == [
        ("THREATEN", "RUS", "FIN")]
    assert summary(code(engine, "Erdogan n'a pas rencontré Poutine lors du sommet.")) == [
        ("CONSULT", "TURGOV", "RUSGOV", True, "asserted")]
    # a speaker after the statement has no subject before its verb: left alone
    doc = fr("« Nous riposterons », a averti Pékin lundi.")
    assert name_after_the_verb_taken_for_function_word(doc[:]) == 0


# ---------------------------------------------------------------------- negation and denial
def test_ne_plus_negates_the_verb(engine) -> None:
    assert summary(code(engine, "Washington ne fournira plus d'armes à l'Ukraine.")) == [
        ("AID", "USA", "UKR", True, "future")]
    # "plus de" as a count stays a count
    found = summary(code(engine, "La Russie a massé plus de 100 000 soldats à la frontière."))
    assert found and all(t == "MOBILIZE" and not neg for t, _, _, neg, _ in found)


def test_refraining_from_condemning_negates_it(engine) -> None:
    assert summary(code(engine, "New Delhi s'est gardé de condamner Moscou.")) == [
        ("ACCUSE", "IND", "RUS", True, "asserted")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscou dément avoir frappé un hôpital ukrainien.", ("ASSAULT", "RUS", "UKR")),
    ("L'armée israélienne dément avoir bombardé l'hôpital de Gaza.", ("ASSAULT", "ISR", "PSE")),
    ("Le Kremlin dément toute frappe contre des civils ukrainiens.", ("ASSAULT", "RUS", "UKR")),
    ("Le Kremlin a démenti toute frappe contre des civils ukrainiens.", ("ASSAULT", "RUS", "UKR")),
])
def test_a_denial_is_a_negated_act(engine, text, expected) -> None:
    events = code(engine, text)
    assert [(e.type, e.source.country, e.target.country, e.negated) for e in events] == [(*expected, True)]


def test_any_act_that_might_happen_is_still_not_coded(engine) -> None:
    # only the threat of a response to it is (guideline §4), not the delivery
    events = code(engine, "Moscou répondra à toute livraison d'armes à Kiev.")
    assert [e.type for e in events] == ["THREATEN"]


def test_the_misread_denial_verb_repair(fr) -> None:
    doc = fr("Moscou dément avoir frappé un hôpital.")
    assert verb_taken_for_another_word(doc[:])
    dement = doc[1]
    assert (dement.lemma_, dement.pos_, dement.dep_) == ("démentir", "VERB", "ROOT")
    assert (doc[3].head.i, doc[3].dep_) == (1, "xcomp")
    assert (doc[0].head.i, doc[0].dep_) == (1, "nsubj")


# ---------------------------------------------------------------------- amounts, sentences, bans
def test_an_amount_of_money_stands_for_the_aid_it_counts(engine) -> None:
    assert ("AID", "GBR", "UKR") in countries(code(engine, "Londres va fournir 100 millions de livres d'aide militaire à Kiev."))


def test_a_prison_term_after_a_noun_read_as_a_verb_is_a_sentence(engine) -> None:
    found = countries(code(engine, "Un tribunal russe a condamné l'opposant à 19 ans de prison."))
    assert found == [("SANCTION", "RUS", "RUS")]


def test_a_banned_protest_did_not_take_place(engine) -> None:
    found = countries(code(engine, "Les autorités russes ont interdit la manifestation de l'opposition à Moscou."))
    assert found == [("COERCE", "RUS", "RUS")]
    # a protest that is dispersed did take place
    found = countries(code(engine, "La police a dispersé une manifestation de l'opposition à Conakry."))
    assert ("PROTEST", "GIN", "GIN") in found


# ---------------------------------------------------------------------- faits divers
@pytest.mark.parametrize("text", [
    "Un homme a tué sa compagne à Nantes.",
    "Un homme a agressé un passant à Lyon.",
])
def test_an_attack_by_a_private_person_is_a_fait_divers(engine, text) -> None:
    assert code(engine, text) == []


def test_an_attack_on_a_states_forces_stays_an_event(engine) -> None:
    assert ("ASSAULT", None, "MLI") in countries(code(engine, "Un homme armé a tué trois soldats au Mali."))
    assert ("ASSAULT", None, "FRA") in countries(code(engine, "Des hommes armés ont enlevé trois humanitaires français au Niger."))


# ---------------------------------------------------------------------- conditions
def test_an_act_announced_in_case_of_another_is_a_threat(engine) -> None:
    assert summary(code(engine, "En cas d'attaque, Pyongyang frappera Séoul.")) == [
        ("THREATEN", "PRK", "KOR", False, "asserted")]
    assert summary(code(engine, "Washington imposera des sanctions à Moscou en cas d'invasion de l'Ukraine.")) == [
        ("THREATEN", "USA", "RUS", False, "asserted")]


# ---------------------------------------------------------------------- present-tense headlines, praise
def test_met_en_garde_in_the_present_passes_the_prefilter(engine) -> None:
    assert countries(code(engine, "Moscou met en garde Varsovie.")) == [("THREATEN", "RUS", "POL")]


def test_an_irregular_form_is_a_word_form_of_its_verb() -> None:
    from tocsin.nlp.prefilter import stems_for
    assert stems_for("mettre", "VERB", "fr")["met"] is True
    assert stems_for("remettre", "VERB", "fr")["remet"] is True


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington presse Pékin d'user de son influence.", ("REQUEST", "USA", "CHN")),
    ("Berlin presse Téhéran de libérer les otages.", ("REQUEST", "DEU", "IRN")),
    ("Moscou balaie le plan de paix de Kiev.", ("REJECT", "RUS", "UKR")),
    ("Berlin a remis à Kiev un nouveau système de défense antiaérienne.", ("AID", "DEU", "UKR")),
    ("Kiev a remis à Moscou trois soldats capturés.", ("RETREAT", "UKR", "RUS")),
])
def test_more_wire_verbs(engine, text, expected) -> None:
    assert expected in countries(code(engine, text))


def test_presse_as_the_press_stays_a_noun(engine) -> None:
    assert countries(code(engine, "La presse iranienne accuse Washington.")) == [("ACCUSE", "IRN", "USA")]


def test_praise_of_something_that_is_no_actor_is_no_event(engine) -> None:
    assert code(engine, "Le gouvernement français salue les résultats du baccalauréat.") == []
    assert ("SUPPORT", "FRA", "UKR") in countries(code(engine, "Paris a salué le courage du peuple ukrainien."))


def test_forces_leaving_a_country_withdraw(engine) -> None:
    assert countries(code(engine, "Les derniers soldats français ont quitté le Mali.")) == [("RETREAT", "FRA", "MLI")]
    assert summary(code(engine, "Les troupes américaines quitteront l'Irak d'ici 2026.")) == [
        ("RETREAT", "USAMIL", "IRQ", False, "future")]
    # a leader or diplomats leaving a city do not withdraw
    assert code(engine, "Emmanuel Macron a quitté Paris pour Berlin.") == []
    assert code(engine, "Les diplomates américains ont quitté Kaboul.") == []


def test_a_pronominal_verb_read_as_a_passive_keeps_its_subject(engine, fr) -> None:
    doc = fr("L'armée ukrainienne s'est retirée d'Avdiïvka.")
    if any(t.dep_ == "expl:pass" for t in doc):  # the model's reading
        assert pronominal_verb_taken_for_passive(doc[:]) == 1
        assert doc[1].dep_ == "nsubj" and doc[3].dep_ == "expl:comp"
    found = summary(code(engine, "L'armée ukrainienne s'est retirée d'Avdiïvka."))
    assert [(t, s) for t, s, *_ in found] == [("RETREAT", "UKRMIL")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Macron et Scholz ont discuté de l'aide à l'Ukraine lors d'un dîner à Berlin.", {"CONSULT"}),
    ("Israël a laissé entrer des camions d'aide à Gaza.", {"RETREAT"}),
])
def test_an_event_noun_with_no_actor_inside_another_act_is_part_of_it(engine, text, expected) -> None:
    assert {e.type for e in code(engine, text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("L'artillerie russe a canonné Kherson toute la nuit.", ("ASSAULT", "RUS", None)),
    ("Pékin et Brasília ont conclu une vingtaine d'accords commerciaux.", ("AGREE", "CHN", "BRA")),
])
def test_shelling_and_a_count_of_agreements(engine, text, expected) -> None:
    found = countries(code(engine, text))
    assert expected in found or (expected[0], expected[1], "UKR") in found
