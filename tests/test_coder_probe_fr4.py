"""French news constructions written from the annotation guideline (actors as French
news names them, nominal events, coordinated actors, passives, inverted speakers), each
once coded wrongly: who acts and who undergoes, and the parse repairs they needed."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_events
from factories import country_triples as triples
from tocsin.coding.word_repairs import name_taken_for_a_verb, noun_tagged_as_adposition
from tocsin.nlp.pipelines import load_pipeline
from tocsin.records import Article

PUBLISHED = date(2025, 6, 10)
code = partial(coded_events, published=PUBLISHED)


@pytest.fixture(scope="module")
def fr():
    return load_pipeline("fr")


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


# ---------------------------------------------------------------- attacks named by a noun

def test_armed_forces_in_the_de_phrase_of_an_attack_are_its_author(engine) -> None:
    found = triples(code(engine, "L'offensive de l'armée russe dans la région de Kharkiv se poursuit."))
    assert found == {("ASSAULT", "RUS", "UKR")}
    found = triples(code(engine, "Les frappes des forces russes sur Kharkiv ont tué six civils."))
    assert ("ASSAULT", "RUS", "UKR") in found


def test_an_attack_on_armed_forces_keeps_them_as_its_recipient(engine) -> None:
    # the "par" phrase names the author: the forces in the "de" phrase undergo the attack
    # (the jihadists are Mali's rebels: the army is never the author)
    coded = code(engine, "L'attaque de l'armée malienne par les jihadistes a fait dix morts.")
    assert not any(e.source is not None and e.source.code == "MLIMIL" for e in coded)
    assert any(e.target is not None and e.target.code == "MLIMIL" for e in coded)
    # a kind of weapon is no author
    found = triples(code(engine, "Malgré des tirs d'artillerie près de la centrale de Zaporijjia, les inspecteurs sont entrés."))
    assert not any(s == "RUS" for _, s, _ in found)


def test_a_group_name_shared_by_a_town_is_no_place(engine) -> None:
    events = code(engine, "Israël a frappé des positions du Hamas.")
    assert triples(events) == {("ASSAULT", "ISR", "PSE")}
    assert all(e.location is None or e.location.country != "DEU" for e in events)


def test_rebels_taking_a_town_of_their_own_country_act_against_its_state(engine) -> None:
    assert triples(code(engine, "Les rebelles du M23 ont pris le contrôle de la ville d'Uvira.")) == {("COERCE", "COD", "COD")}
    events = code(engine, "Les paramilitaires des FSR ont assiégé la ville d'El-Fasher.")
    assert [(e.source.code, e.target.code) for e in events] == [("SDNREB", "SDNGOV")]


# ---------------------------------------------------------------- texts that speak for their authors

def test_a_participle_on_an_adopted_text_speaks_for_who_adopted_it(engine) -> None:
    found = triples(code(engine, "Le Conseil de sécurité de l'ONU a adopté une résolution appelant à un cessez-le-feu au Soudan."))
    assert {s for ty, s, _ in found if ty == "REQUEST"} == {"IGOUN"}
    found = triples(code(engine, "Le G7 a publié un communiqué condamnant les essais nucléaires nord-coréens."))
    assert ("ACCUSE", "IGOG7", "PRK") in found
    found = triples(code(engine, "La France et l'Allemagne ont signé une déclaration exhortant Moscou à retirer ses troupes."))
    assert {("REQUEST", "FRA", "RUS"), ("REQUEST", "DEU", "RUS")} <= found
    found = triples(code(engine, "Le ministère chinois des Affaires étrangères a publié un communiqué dénonçant l'ingérence américaine."))
    assert found == {("ACCUSE", "CHN", "USA")}


def test_a_participle_on_a_published_statement_en(engine) -> None:
    events = engine.code_article(Article(id="t", text="The G7 issued a statement condemning North Korea's missile launches.",
                                         language="en", published=PUBLISHED))
    assert ("ACCUSE", "IGOG7", "PRK") in triples(events)


# ---------------------------------------------------------------- recipients hung on the author

def test_the_recipient_of_an_event_noun_hung_on_its_author(engine) -> None:
    assert triples(code(engine, "La visite du président français au Maroc a débuté lundi.")) == {("CONSULT", "FRA", "MAR")}
    assert triples(code(engine, "La visite d'État du roi Charles III en France a débuté mercredi.")) == {
        ("CONSULT", "GBR", "FRA")}
    assert triples(code(engine, "L'attaque des rebelles houthis contre un pétrolier grec a provoqué une marée noire.")) == {
        ("ASSAULT", "YEM", "GRC")}
    assert triples(code(engine, "Le retrait des troupes françaises du Sénégal s'est achevé jeudi.")) == {
        ("RETREAT", "FRA", "SEN")}
    assert triples(code(engine, "Le retrait des troupes américaines d'Irak doit s'achever en 2026.")) == {
        ("RETREAT", "USA", "IRQ")}


# ---------------------------------------------------------------- transliterated given names

def test_a_given_name_ending_in_an_article_stays_one_word(fr, engine) -> None:
    from tocsin.nlp.pipelines import hyphenated_word

    assert "Jong-un" in [t.text for t in fr("Kim Jong-un a supervisé un tir.")]
    assert hyphenated_word("Jong-un")
    for word in ("Peut-on", "Dit-elle", "Est-ce", "Allez-y", "Ching-teh"):
        assert not hyphenated_word(word), word
    found = triples(code(engine, "La rencontre entre Vladimir Poutine et Kim Jong-un a eu lieu à Vladivostok."))
    assert found == {("CONSULT", "RUS", "PRK")}


# ---------------------------------------------------------------- "par" agents of event nouns

def test_an_agent_hung_on_the_de_phrase_of_an_event_noun(engine) -> None:
    # the announcer is no agent of the release: the "par" phrase is
    found = triples(code(engine, "Le Qatar a annoncé la libération de deux otages par le Hamas."))
    assert found == {("RETREAT", "PSE", None)}
    found = triples(code(engine, "La France a annoncé l'expulsion par l'Algérie de douze agents."))
    assert {s for _, s, _ in found} == {"DZA"}


def test_a_condemned_act_with_a_par_agent_sends_the_condemnation_to_its_author(engine) -> None:
    found = triples(code(engine, "L'expulsion de l'ambassadeur de France par le Niger a été condamnée par l'Union européenne."))
    assert ("ACCUSE", "IGOEU", "NER") in found
    assert not any(t == "FRA" for ty, _, t in found if ty == "ACCUSE")


# ---------------------------------------------------------------- adjectives of an organisation

def test_european_sanctions_are_the_european_unions(engine) -> None:
    assert triples(code(engine, "Le Kremlin a dénoncé les nouvelles sanctions européennes.")) == {("ACCUSE", "RUS", "IGOEU")}
    assert triples(code(engine, "La Serbie et le Kosovo ont rejeté le plan européen.")) == {
        ("REJECT", "SRB", "IGOEU"), ("REJECT", "XKX", "IGOEU")}
    # countries called European are a group no code names
    assert not any(t == "IGOEU" for _, _, t in triples(code(engine, "Moscou a critiqué les pays européens.")))


# ---------------------------------------------------------------- offers and calls of an act between two parties

def test_an_offer_or_a_call_of_an_act_between_two_parties_goes_to_each(engine) -> None:
    found = triples(code(engine, "D'après Al-Jazeera, l'Égypte a proposé une nouvelle trêve entre Israël et le Hamas."))
    assert {("AGREE", "EGY", "ISR"), ("AGREE", "EGY", "PSE")} <= found
    found = triples(code(engine, "Le pape a appelé à un cessez-le-feu entre l'Inde et le Pakistan."))
    assert {("REQUEST", "VAT", "IND"), ("REQUEST", "VAT", "PAK")} <= found
    found = triples(code(engine, "L'ONU a appelé à des négociations entre Kiev et Moscou."))
    assert {("REQUEST", "IGOUN", "UKR"), ("REQUEST", "IGOUN", "RUS")} <= found


# ---------------------------------------------------------------- lists of nationality adjectives

def test_a_list_of_nationality_adjectives_hung_on_its_first_adjective(engine) -> None:
    found = triples(code(engine, "Le ministre Araqchi a rencontré à Genève ses homologues français, allemand et britannique."))
    assert found == {("CONSULT", "IRN", "FRA"), ("CONSULT", "IRN", "DEU"), ("CONSULT", "IRN", "GBR")}
    found = triples(code(engine, "Le Qatar et l'Égypte ont reçu des délégations israélienne et palestinienne."))
    assert found == {("CONSULT", a, b) for a in ("QAT", "EGY") for b in ("ISR", "PSE")}
    # a thing accepted is no partner, whatever is named inside it
    found = triples(code(engine, "Les talibans et le Pakistan ont accepté samedi un cessez-le-feu immédiat, "
                                 "au terme de pourparlers sous médiation qatarie et turque."))
    assert not any(t == "QAT" for _, _, t in found)


# ---------------------------------------------------------------- drones brought down over a country

def test_drones_brought_down_over_a_country_were_brought_down_by_it(fr, engine) -> None:
    from tocsin.coding.clause_repairs import place_phrase_hung_on_its_adverb

    doc = fr("Deux drones russes ont été interceptés au-dessus de la Pologne.")
    poland, verb = _token(doc, "Pologne"), _token(doc, "interceptés")
    assert poland.dep_ == "dep" and poland.head.text == "au-dessus"  # the model's reading this repair is for
    assert place_phrase_hung_on_its_adverb(doc[:]) == 1
    assert (poland.head.i, poland.dep_, _token(doc, "au-dessus").dep_) == (verb.i, "obl:mod", "case")
    assert place_phrase_hung_on_its_adverb(doc[:]) == 0
    assert triples(code(engine, "Deux drones russes ont été interceptés au-dessus de la Pologne.")) == {("ASSAULT", "POL", "RUS")}
    assert triples(code(engine, "Un drone ukrainien a été abattu au-dessus de la région de Koursk.")) == {
        ("ASSAULT", "RUS", "UKR")}
    # the country flown over is who brings them down, never their recipient
    assert triples(code(engine, "Trois drones ont été abattus au-dessus de la Roumanie.")) == {("ASSAULT", "ROU", None)}


# ---------------------------------------------------------------- the second party of "entre", a report as subject

def test_the_second_party_of_entre_taken_for_the_next_verbs_subject(fr, engine) -> None:
    from tocsin.coding.subject_repairs import second_party_taken_for_subject

    doc = fr("Les pourparlers entre les talibans et le Pakistan ont repris à Istanbul.")
    talks, talibans, pakistan, verb = (_token(doc, w) for w in ("pourparlers", "talibans", "Pakistan", "repris"))
    assert pakistan.dep_ == "nsubj" and talks.dep_ == "ROOT"  # the model's reading this repair is for
    assert second_party_taken_for_subject(doc[:]) == 1
    assert (pakistan.head.i, pakistan.dep_) == (talibans.i, "conj")
    assert (verb.dep_, talks.head.i, talks.dep_) == ("ROOT", verb.i, "nsubj")
    assert second_party_taken_for_subject(doc[:]) == 0
    assert triples(code(engine, "Les pourparlers entre les talibans et le Pakistan ont repris à Istanbul.")) == {
        ("CONSULT", "AFG", "PAK")}
    assert triples(code(engine, "L'entretien téléphonique entre Donald Trump et Xi Jinping a duré une heure et demie.")) == {
        ("CONSULT", "USA", "CHN")}


def test_a_selon_phrase_taken_for_the_subject(fr, engine) -> None:
    from tocsin.coding.subject_repairs import subject_taken_by_attribution

    text = "Selon l'agence Reuters, le Qatar a versé 100 millions de dollars à la Syrie."
    doc = fr(text)
    agency, qatar, verb = _token(doc, "agence"), _token(doc, "Qatar"), _token(doc, "versé")
    assert agency.dep_ == "nsubj" and qatar.head.i == agency.i  # the model's reading this repair is for
    assert subject_taken_by_attribution(doc[:]) == 1
    assert (qatar.head.i, qatar.dep_, agency.dep_) == (verb.i, "nsubj", "obl:mod")
    assert subject_taken_by_attribution(doc[:]) == 0
    events = code(engine, text)
    assert triples(events) == {("AID", "QAT", "SYR")}
    assert events[0].attribution is not None and events[0].attribution.name == "Reuters"


# ---------------------------------------------------------------- names after control verbs, lexicon rows

def test_a_name_after_appeler_read_as_an_adverb_is_its_object(fr, engine) -> None:
    from tocsin.coding.clause_repairs import name_after_control_verb_taken_for_adverb

    text = "Macron et Merz ont appelé Trump à maintenir son soutien à l'Ukraine."
    doc = fr(text)
    trump = _token(doc, "Trump")
    assert trump.dep_ == "advmod"  # the model's reading this repair is for
    assert name_after_control_verb_taken_for_adverb(doc[:], frozenset({"appeler"})) == 1
    assert trump.dep_ == "obj"
    assert triples(code(engine, text)) == {("REQUEST", "FRA", "USA"), ("REQUEST", "DEU", "USA")}


def test_exchanged_accusations_and_talking_to_each_other(engine) -> None:
    found = triples(code(engine, "Israël et le Hamas ont échangé des accusations sur l'échec des négociations."))
    assert found == {("ACCUSE", "ISR", "PSE"), ("ACCUSE", "PSE", "ISR")}
    found = triples(code(engine, "D'après le Kremlin, Poutine et Trump se sont parlé pendant deux heures."))
    assert found == {("CONSULT", "RUS", "USA")}
    assert code(engine, "Le ministre a parlé de la guerre.") == []


# ---------------------------------------------------------------- killed in an attack

def test_people_killed_in_an_attack_were_killed_by_its_author(engine) -> None:
    assert triples(code(engine, "Dix civils ont été tués dans une frappe israélienne à Gaza.")) == {("ASSAULT", "ISR", "PSE")}
    assert triples(code(engine, "Deux enfants ont été tués par une frappe russe à Kharkiv.")) == {("ASSAULT", "RUS", "UKR")}
    assert triples(code(engine, "Plusieurs civils ont été tués dans un bombardement russe à Zaporijjia.")) == {
        ("ASSAULT", "RUS", "UKR")}
    assert triples(code(engine, "Trois soldats israéliens ont été tués dans une attaque du Hamas.")) == {
        ("ASSAULT", "PSE", "ISR")}


def test_the_agent_of_a_passive_is_not_read_inside_its_subject(engine) -> None:
    found = triples(code(engine, "La condamnation à mort d'un opposant par un tribunal iranien a été dénoncée par Paris."))
    assert found == {("ACCUSE", "FRA", "IRN")}
    events = code(engine, "La condamnation à mort d'un opposant par un tribunal iranien a été dénoncée par Paris.")
    assert events[0].target.sector == "JUD"  # the court that sentenced, not the one sentenced


# ---------------------------------------------------------------- denials of any act

def test_denying_any_act_is_a_negated_act(engine) -> None:
    events = code(engine, "L'Élysée a démenti toute livraison de missiles à l'Ukraine.")
    assert [(e.type, e.source.country, e.target.country, e.negated) for e in events] == [("AID", "FRA", "UKR", True)]
    events = code(engine, "L'Élysée a démenti tout contact avec les autorités de facto de Kaboul.")
    assert [(e.type, e.source.country, e.target.country, e.negated) for e in events] == [("CONSULT", "FRA", "AFG", True)]
    # any act to come is still no act; the response it would draw is a threat (guideline §4),
    # aimed at no one when the act's author is not named (Kiev would receive, not deliver)
    assert [(e.type, e.source.country, e.target) for e in code(engine, "Moscou répondra à toute livraison "
                                                                       "d'armes à Kiev.")] == [("THREATEN", "RUS", None)]
    assert code(engine, "Le groupe de contact sur l'Ukraine se réunit lundi.") == []


def test_calling_something_unacceptable_is_a_criticism(engine) -> None:
    found = triples(code(engine, "Le ministre Sergueï Lavrov a qualifié d'inacceptables les déclarations de Berlin."))
    assert found == {("ACCUSE", "RUS", "DEU")}
    found = triples(code(engine, "Pékin a qualifié de provocation la visite du président taïwanais aux États-Unis."))
    assert ("ACCUSE", "CHN", "TWN") in found
    assert code(engine, "Le gouvernement a qualifié le projet de prioritaire.") == []


# ---------------------------------------------------------------- subjects, agents and titles the parser cut

def test_the_first_of_two_subjects_left_unlabelled(engine) -> None:
    found = triples(code(engine, "Le Japon et l'Australie ont condamné les essais de missiles nord-coréens."))
    assert found == {("ACCUSE", "JPN", "PRK"), ("ACCUSE", "AUS", "PRK")}


def test_the_agent_of_a_light_verb_read_as_an_adverbial(engine) -> None:
    assert triples(code(engine, "Les sanctions contre la Biélorussie ont été prolongées par l'UE.")) == {
        ("SANCTION", "IGOEU", "BLR")}


def test_a_president_elect_keeps_his_country(engine) -> None:
    assert triples(code(engine, "Le président élu sud-coréen a appelé Pyongyang à reprendre le dialogue.")) == {
        ("REQUEST", "KOR", "PRK")}


def test_an_offer_to_host_talks_between_two_parties(engine) -> None:
    found = triples(code(engine, "Le président Erdogan a proposé d'accueillir des pourparlers entre la Russie et l'Ukraine."))
    assert {("AGREE", "TUR", "RUS"), ("AGREE", "TUR", "UKR")} <= found


# ---------------------------------------------------------------- more lexicon rows and repairs

def test_dissolving_parties_killing_a_commander_freezing_membership(engine) -> None:
    found = triples(code(engine, "La junte malienne a annoncé la dissolution de tous les partis politiques."))
    assert found == {("COERCE", "MLI", "MLI")}
    assert code(engine, "Macron a annoncé la dissolution de l'Assemblée nationale.") == []
    found = triples(code(engine, "Les forces de défense israéliennes ont annoncé l'élimination d'un commandant du Hamas."))
    assert found == {("ASSAULT", "ISR", "PSE")}
    assert code(engine, "Le gouvernement vise l'élimination de la pauvreté.") == []
    assert triples(code(engine, "Erevan a annoncé le gel de sa participation à l'OTSC.")) == {("SANCTION", "ARM", "IGOCSTO")}


def test_a_second_party_hung_on_the_first_ones_name(fr, engine) -> None:
    from tocsin.coding.subject_repairs import conjunct_hung_on_a_titles_name

    text = ("Le Premier ministre hongrois Viktor Orban et le président serbe Aleksandar Vucic "
            "ont signé un partenariat stratégique.")
    doc = fr(text)
    second, first = _token(doc, "président"), _token(doc, "ministre")
    assert second.head.text == "Viktor"  # the model's reading this repair is for
    assert conjunct_hung_on_a_titles_name(doc[:]) == 1
    assert second.head.i == first.i
    assert triples(code(engine, text)) == {("AGREE", "HUN", "SRB")}


def test_an_infinitive_hung_on_the_object_of_appeler(fr, engine) -> None:
    from tocsin.coding.clause_repairs import infinitive_hung_on_the_object

    text = "Le président français a appelé son homologue algérien à libérer l'écrivain Boualem Sansal."
    doc = fr(text)
    free = _token(doc, "libérer")
    assert free.dep_ == "acl" and free.head.text == "homologue"  # the model's reading this repair is for
    assert infinitive_hung_on_the_object(doc[:], frozenset({"appeler"})) == 1
    assert (free.head.text, free.dep_) == ("appelé", "xcomp")
    assert triples(code(engine, text)) == {("REQUEST", "FRA", "DZA")}


def test_exercises_around_taiwan_and_sentences_in_a_capital(fr, engine) -> None:
    from tocsin.coding.clause_repairs import place_phrase_hung_on_its_adverb

    doc = fr("La Chine a lancé des manœuvres militaires autour de Taïwan.")
    taiwan = _token(doc, "Taïwan")
    assert taiwan.head.text == "autour"  # the model's reading this repair is for
    assert place_phrase_hung_on_its_adverb(doc[:]) == 1
    assert (taiwan.head.text, taiwan.dep_) == ("manœuvres", "nmod")
    assert triples(code(engine, "La Chine a lancé des manœuvres militaires autour de Taïwan.")) == {("MOBILIZE", "CHN", "TWN")}
    # a prison sentence with no court named, where it is passed, is passed by that state
    assert triples(code(engine, "Un opposant a été condamné à huit ans de prison à Minsk.")) == {("SANCTION", "BLR", "BLR")}


def test_rain_and_storms_strike_no_one(engine) -> None:
    assert code(engine, "De fortes pluies ont frappé le nord du Pakistan, faisant une dizaine de morts.") == []
    assert code(engine, "Des orages violents ont frappé la région de Kiev.") == []
    assert triples(code(engine, "L'armée russe a frappé la région de Kiev.")) == {("ASSAULT", "RUS", "UKR")}
