"""The coder on single sentences: triggers, arguments, negation, modality, attribution,
dates, coreference and the rules that keep precision (real spaCy models)."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.records import Article, Event

PUBLISHED = date(2023, 4, 20)  # a Thursday


def code(engine, text: str, lang: str, published: date | None = PUBLISHED) -> list[Event]:
    article = Article(id="t", text=text, language=lang, published=published)
    return engine.code_article(article)


def find(events: list[Event], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]


def pair(e: Event) -> tuple[str | None, str | None]:
    return (e.source.country if e.source else None, e.target.country if e.target else None)


@pytest.mark.parametrize(("text", "lang"), [
    ("Il fait beau à Lyon.", "fr"),
    ("La Russie a battu la Chine 3-1 en finale du tournoi de volley-ball.", "fr"),
    ("Le cours du blé russe a reculé de 2 % à la Bourse de Chicago.", "fr"),
    ("It was sunny in Lyon on Tuesday.", "en"),
    ("Russian wheat prices fell sharply on Monday.", "en"),
])
def test_no_event_in_non_political_text(engine, text: str, lang: str) -> None:
    assert code(engine, text, lang) == []


def test_meeting_of_two_ministers_is_a_consult_between_their_militaries(engine) -> None:
    events = code(engine, "Les ministres de la Défense de la Russie et de la Chine ont tenu une réunion à Moscou.", "fr")
    consult = find(events, "CONSULT")
    assert consult
    assert {consult[0].source.code, consult[0].target.code} == {"RUSMIL", "CHNMIL"}
    assert consult[0].pattern.startswith("fr.")
    assert consult[0].coder == "tocsin.patterns.v1"


def test_passive_agent_is_the_source(engine) -> None:
    events = code(engine, "Le ministre chinois des Affaires étrangères a été reçu par Vladimir Poutine.", "fr")
    consult = find(events, "CONSULT")
    assert consult and consult[0].source.code == "RUSGOV" and consult[0].target.code == "CHNGOV"
    assert consult[0].source.name == "Vladimir Putin"


def test_coordinated_sources_give_one_event_each(engine) -> None:
    events = code(engine, "France and Germany condemned Russia's attack on Kyiv.", "en")
    accuse = find(events, "ACCUSE")
    assert sorted(pair(e) for e in accuse) == [("DEU", "RUS"), ("FRA", "RUS")]


def test_negation_french_and_english(engine) -> None:
    fr = find(code(engine, "Les deux pays n'ont pas signé d'accord de coopération militaire.", "fr"), "SUPPORT")
    fr += find(code(engine, "Les deux pays n'ont pas signé d'accord de coopération militaire.", "fr"), "AGREE")
    en = find(code(engine, "China did not condemn Russia's invasion of Ukraine.", "en"), "ACCUSE")
    assert en and en[0].negated
    assert all(e.negated for e in fr)


def test_modality_future_and_conditional(engine) -> None:
    future = code(engine, "La Russie livrera des armes à la Serbie.", "fr")
    assert future and future[0].modality == "future"
    conditional = code(engine, "Pékin serait prêt à créer un partenariat stratégique avec la Russie.", "fr")
    assert conditional and conditional[0].modality == "conditional"
    intended = code(engine, "Japan plans to send troops to the Philippines.", "en")
    assert intended and intended[0].modality == "intended"


def test_attribution_by_preposition_and_reporting_verb(engine) -> None:
    selon = code(engine, "Selon l'agence TASS, la Russie a accusé l'Ukraine d'avoir bombardé Belgorod.", "fr")
    assert selon and selon[0].attribution is not None and selon[0].attribution.code == "RUSMED"
    said = code(engine, "North Korea fired a missile at Japan, the South Korean military said.", "en")
    assert said and said[0].attribution is not None and said[0].attribution.country == "KOR"


def test_inverted_speaker_is_attribution(engine) -> None:
    events = code(engine, "La Chine soutiendra toujours la Russie, a souligné Wang Yi.", "fr")
    support = find(events, "SUPPORT")
    assert support and support[0].attribution is not None
    assert support[0].attribution.text.startswith("Wang")


def test_relative_date_resolved_against_publication(engine) -> None:
    events = code(engine, "Le président français a rencontré mardi le chancelier allemand.", "fr")
    assert events and events[0].date == date(2023, 4, 18) and events[0].date_precision == "day"
    dated = code(engine, "Le 19 avril, la Pologne a expulsé un diplomate russe.", "fr")
    assert dated and dated[0].date == date(2023, 4, 19) and dated[0].date_text


def test_without_publication_date_no_year_is_invented(engine) -> None:
    events = code(engine, "Le 19 avril, la Pologne a expulsé un diplomate russe.", "fr", published=None)
    assert events and events[0].date is None and events[0].date_precision == "none"


def test_no_self_dyad(engine) -> None:
    events = code(engine, "La Russie a annoncé que la Chine a aidé la Chine à développer un système d'alerte.", "fr")
    assert not [e for e in events if e.source and e.target and e.source.code == e.target.code]


def test_both_sides_refers_to_the_document_pair(engine) -> None:
    text = ("Le président chinois est arrivé à Moscou pour rencontrer Vladimir Poutine.\n"
            "Les deux parties ont convenu d'approfondir leur coopération militaire.")
    agree = [e for e in code(engine, text, "fr") if e.sentence_index == 1 and e.type == "AGREE"]
    assert agree and set(pair(agree[0])) == {"CHN", "RUS"}


def test_transliteration_noise_resolved_with_context(engine) -> None:
    text = "Vladimir Poutine a reçu le chef du ministère de la Défense de Chine Lee Shanfe au Kremlin."
    consult = find(code(engine, text, "fr"), "CONSULT")
    assert consult
    actors = {a.name for e in consult for a in (e.source, e.target) if a}
    assert "Li Shangfu" in actors


def test_nominal_event_between_two_countries(engine) -> None:
    events = code(engine, "Talks between China and India on the border dispute resumed in Beijing.", "en")
    consult = find(events, "CONSULT")
    assert consult and set(pair(consult[0])) == {"CHN", "IND"}


def test_refusal_is_reject_not_a_negated_meeting(engine) -> None:
    events = code(engine, "Azerbaijan refused to meet Armenian officials in Granada.", "en")
    assert find(events, "REJECT")
    assert not find(events, "CONSULT")


def test_title_case_headline_is_coded(engine) -> None:
    events = code(engine, "Japan Sends Emergency Medical Team To Myanmar After Earthquake", "en")
    aid = find(events, "AID")
    assert aid and pair(aid[0]) == ("JPN", "MMR")
    assert aid[0].sentence.startswith("Japan Sends")  # shown as written


def test_negated_assessment_attributed_to_a_think_tank(engine) -> None:
    text = ("Selon l'Institute for the Study of War, la visite du ministre n'a pas renforcé "
            "la coopération entre Moscou et Pékin.")
    coop = find(code(engine, text, "fr"), "COOPERATE")
    assert coop and coop[0].negated
    assert set(pair(coop[0])) == {"RUS", "CHN"}
    assert coop[0].attribution is not None and coop[0].attribution.code == "USANGO"


def test_report_sentence_dates_and_attributes_the_sentence_before(engine) -> None:
    text = ("La Russie aidera la Chine à construire un radar d'alerte avancée.\n"
            "Cela a été rapporté le 18 avril par Global Times.")
    aid = find(code(engine, text, "fr"), "AID")
    assert aid and aid[0].date == date(2023, 4, 18) and aid[0].modality == "future"
    assert aid[0].attribution is not None and aid[0].attribution.code == "CHNMED"


def test_location_from_a_place_after_a_locative_preposition(engine) -> None:
    events = code(engine, "Le ministre chinois de la Défense a été reçu mardi à Moscou par Vladimir Poutine.", "fr")
    assert events and events[0].location is not None
    assert events[0].location.country == "RUS" and events[0].location.text == "Moscou"


def test_what_an_accusation_alleges_is_not_coded_as_the_accusers_act(engine) -> None:
    events = code(engine, "Pékin accuse Washington de livrer des armes à Taïwan.", "fr")
    assert find(events, "ACCUSE") and pair(find(events, "ACCUSE")[0]) == ("CHN", "USA")
    assert not [e for e in find(events, "AID") if pair(e)[0] == "CHN"]


def test_the_object_of_an_appeal_does_the_requested_act(engine) -> None:
    events = code(engine, "Les États-Unis exhortent la Russie à retirer ses troupes d'Ukraine.", "fr")
    request = find(events, "REQUEST")
    assert request and pair(request[0])[0] == "USA"
    assert not find(events, "RETREAT")  # the requested withdrawal is content, not an event


def test_an_exchange_goes_both_ways(engine) -> None:
    events = code(engine, "L'Inde et le Pakistan ont échangé des tirs d'artillerie au Cachemire.", "fr")
    pairs = {pair(e) for e in find(events, "ASSAULT")}
    assert {("IND", "PAK"), ("PAK", "IND")} <= pairs


def test_conditional_sanctions_are_a_threat(engine) -> None:
    events = code(engine, "The European Union will impose new sanctions on Iran if it sends missiles to Russia.", "en")
    threat = find(events, "THREATEN")
    assert threat and pair(threat[0])[0] is None or threat[0].source.code == "IGOEU"
    assert not find(events, "SANCTION")


def test_exercises_by_two_countries_are_cooperation(engine) -> None:
    events = code(engine, "Chinese and Russian warships began naval exercises in the Sea of Japan.", "en")
    coop = find(events, "COOPERATE")
    assert coop and set(pair(coop[0])) == {"CHN", "RUS"}
    assert not find(events, "MOBILIZE")


@pytest.mark.parametrize(("text", "lang", "kept"), [
    ("La Banque centrale européenne a promis jeudi de poursuivre ses achats d'obligations.", "fr", "AGREE"),
    ("The Kremlin rejected the accusations on Tuesday.", "en", "REJECT"),
    ("« C'est une provocation inacceptable », a dénoncé jeudi Manille.", "fr", "ACCUSE"),
])
def test_a_two_sided_act_with_no_recipient_is_left_out_unless_asked(engine, text: str, lang: str, kept: str) -> None:
    from tocsin.coding.model import CoderOptions
    from tocsin.pipeline import Engine, PipelineOptions

    assert find(code(engine, text, lang), kept) == []
    one_sided = Engine(PipelineOptions(coder=CoderOptions(keep_one_sided=True)))
    events = find(code(one_sided, text, lang), kept)
    assert events and all(e.target is None or not e.target.resolved for e in events)
    # with its counterpart named, the act stands
    assert pair(find(code(engine, "Le Maroc a signé un accord de coopération avec la Mauritanie.", "fr"),
                     "AGREE")[0]) == ("MAR", "MRT")


@pytest.mark.parametrize(("text", "expected"), [
    ("« Les États-Unis jouent avec le feu », a dénoncé jeudi Pékin.", ("CHN", "USA")),
    # the speaker after the quotation is the subject even when it is a common noun
    ("« Moscou ment », a accusé le ministre ukrainien des Affaires étrangères.", ("UKR", "RUS")),
])
def test_whom_a_quoted_accusation_is_about_is_its_target(engine, text: str, expected: tuple[str, str]) -> None:
    assert [pair(e) for e in find(code(engine, text, "fr"), "ACCUSE")] == [expected]


@pytest.mark.parametrize(("text", "lang"), [
    ("La Corée du Nord a tiré jeudi un missile balistique en mer du Japon.", "fr"),
    ("North Korea fired two cruise missiles off its west coast on Sunday.", "en"),
])
def test_a_missile_fired_at_no_one_is_a_test_not_an_attack(engine, text: str, lang: str) -> None:
    events = code(engine, text, lang)
    assert [(e.type, pair(e)) for e in events] == [("MOBILIZE", ("PRK", None))]
    # fired at someone, it is an attack
    hit = code(engine, "La Russie a tiré quarante missiles sur Kharkiv dans la nuit.", "fr")
    assert [(e.type, pair(e)) for e in hit] == [("ASSAULT", ("RUS", "UKR"))]


def test_what_a_state_concedes_at_home_it_concedes_to_its_people(engine) -> None:
    events = find(code(engine, "La junte malienne a levé le couvre-feu imposé à Bamako.", "fr"), "CONCEDE")
    assert [(e.source.code, e.target.code) for e in events] == [("MLIGOV", "MLICVL")]


def test_aid_promised_is_one_event_on_the_promise(engine) -> None:
    events = code(engine, "Le Japon a promis une aide de 500 millions de dollars à l'Ukraine.", "fr")
    assert [(e.type, pair(e)) for e in events] == [("AGREE", ("JPN", "UKR"))]
    events = code(engine, "Japan pledged $500 million in aid to Ukraine.", "en")  # aid under the object
    assert [(e.type, pair(e)) for e in events] == [("AGREE", ("JPN", "UKR"))]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Kremlin denied that Russian forces had struck a hospital in Kharkiv.", "en"),
    ("Le Kremlin a démenti que les forces russes aient frappé un hôpital à Kharkiv.", "fr"),
])
def test_an_act_denied_in_a_that_clause_is_negated(engine, text: str, lang: str) -> None:
    (event,) = find(code(engine, text, lang), "ASSAULT")
    assert event.negated and pair(event) == ("RUS", "UKR")


@pytest.mark.parametrize(("text", "lang", "source", "target"), [
    ("Iran denied any involvement in the attack on the Israeli embassy.", "en", "IRN", "ISR"),
    ("Hamas denied responsibility for the rocket attack on Israel.", "en", "PSE", "ISR"),
    ("L'Iran a démenti toute implication dans l'attaque contre l'ambassade d'Israël.", "fr", "IRN", "ISR"),
])
def test_denying_a_part_in_an_attack_is_the_attack_negated(engine, text: str, lang: str, source: str, target: str) -> None:
    events = code(engine, text, lang)
    assert [(e.type, pair(e), e.negated) for e in events] == [("ASSAULT", (source, target), True)]


def test_denying_an_accusation_is_still_a_rejection(engine) -> None:
    events = code(engine, "Moscow denied the British accusations of election meddling.", "en")
    assert [(e.type, e.negated) for e in events] == [("REJECT", False)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Niger's junta ordered French troops to leave the country.", "en"),
    ("La junte nigérienne a ordonné aux troupes françaises de quitter le pays.", "fr"),
])
def test_an_order_to_another_countrys_forces_is_a_demand_to_it(engine, text: str, lang: str) -> None:
    assert [pair(e) for e in find(code(engine, text, lang), "REQUEST")] == [("NER", "FRA")]
    assert not find(code(engine, text, lang), "MOBILIZE")
    # its own forces it mobilises
    assert find(code(engine, "Putin ordered troops to the border.", "en"), "MOBILIZE")


@pytest.mark.parametrize(("text", "lang", "giver"), [
    ("Ukraine received its first F-16 fighter jets from Denmark.", "en", "DNK"),
    ("L'Ukraine a reçu ses premiers F-16 du Danemark.", "fr", "DNK"),
    ("Kiev a reçu de l'Allemagne un nouveau lot de missiles Patriot.", "fr", "DEU"),
])
def test_aid_received_is_given_by_the_one_it_comes_from(engine, text: str, lang: str, giver: str) -> None:
    assert [pair(e) for e in code(engine, text, lang)] == [(giver, "UKR")]
    assert all(e.type == "AID" for e in code(engine, text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Thousands of Georgians rallied outside parliament against the foreign agents law.", "en", ("GEOCVL", "GEOGOV")),
    ("Des dizaines de milliers de Serbes ont défilé à Belgrade contre le gouvernement.", "fr", ("SRBCVL", "SRBGOV")),
])
def test_a_crowd_counted_in_a_countrys_people_protests_as_its_civilians(engine, text: str, lang: str,
                                                                         expected: tuple[str, str]) -> None:
    events = find(code(engine, text, lang), "PROTEST")
    assert [(e.source.code, e.target.code) for e in events] == [expected]


def test_a_counted_crowd_is_the_object_a_collocation_asks_for(engine) -> None:
    # "hundreds of demonstrators": the count stands for the crowd in "disperse … demonstrators"
    events = code(engine, "Georgian police used water cannon to disperse thousands of protesters.", "en")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("COERCE", "GEOCOP", "GEOCVL")]


def test_the_crowds_own_country_named_by_the_place_is_no_recipient(engine) -> None:
    # "à Bakou" names the crowd's country; what it contests is its government's act
    events = find(code(engine, "Des milliers d'Azerbaïdjanais sont descendus dans la rue à Bakou pour contester "
                               "la hausse des prix décidée par le gouvernement.", "fr"), "PROTEST")
    assert [(e.source.code, e.target.code) for e in events] == [("AZECVL", "AZEGOV")]


def test_the_sentence_before_a_pronoun_is_read_for_its_antecedent(engine) -> None:
    # the first sentence holds no event (the pre-filter would skip it) but names who "il" is
    events = code(engine, "Narendra Modi se trouve à Moscou depuis lundi. Il doit s'entretenir avec Vladimir Poutine "
                          "mardi.", "fr")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("CONSULT", "INDGOV", "RUSGOV")]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # what is eased or given up is no act of its own
    ("Les États-Unis ont assoupli les restrictions imposées à Cuba.", "fr", [("CONCEDE", ("USA", "CUB"))]),
    ("Israël a renoncé à frapper les installations pétrolières iraniennes.", "fr", [("CONCEDE", ("ISR", "IRN"))]),
    ("The EU suspended sanctions on Syria's banks.", "en", [("CONCEDE", ("IGOEU", "SYR"))]),
])
def test_what_a_concession_gives_up_is_its_content(engine, text: str, lang: str, expected: list) -> None:
    events = code(engine, text, lang)
    assert [(e.type, (e.source.code if e.source.code.startswith("IGO") else e.source.country, e.target.country))
            for e in events] == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Trump promet des droits de douane de 25 % sur les produits mexicains.", "fr"),
    ("Trump promised to impose 25% tariffs on Mexican goods.", "en"),
])
def test_a_promise_of_sanctions_is_a_threat(engine, text: str, lang: str) -> None:
    assert [(e.type, pair(e)) for e in code(engine, text, lang)] == [("THREATEN", ("USA", "MEX"))]
    # a promise of help stays one
    assert [e.type for e in code(engine, "Germany promised to keep supporting Ukraine.", "en")] == ["AGREE"]


@pytest.mark.parametrize(("text", "lang", "type_", "source", "target"), [
    ("« Nous condamnons fermement l'attaque russe contre Odessa », a déclaré le président français.",
     "fr", "ACCUSE", "FRAGOV", "RUS"),
    ("« Je condamne les frappes israéliennes au Liban », a déclaré le président iranien.", "fr", "ACCUSE", "IRNGOV", "ISR"),
    ("Le chancelier allemand a déclaré : « Nous allons livrer des chars à l'Ukraine ».", "fr", "AID", "DEUGOV", "UKR"),
    ("“We will send tanks to Ukraine,” Germany's chancellor said.", "en", "AID", "DEUGOV", "UKR"),
])
def test_first_person_inside_a_quotation_is_its_speaker(engine, text, lang, type_, source, target) -> None:
    events = find(code(engine, text, lang), type_)
    assert [(e.source.code if e.source else None, e.target.code if e.target else None) for e in events] == [(source, target)]


def test_first_person_outside_a_quotation_stays_unresolved(engine) -> None:
    events = find(code(engine, "Nous condamnons l'attaque russe contre Odessa.", "fr"), "ACCUSE")
    assert all(e.source is None or not e.source.resolved for e in events)


@pytest.mark.parametrize(("text", "type_", "modality"), [
    ("La France va livrer des canons Caesar à l'Arménie.", "AID", "future"),
    ("Les États-Unis vont imposer de nouvelles sanctions à l'Iran.", "SANCTION", "future"),
    ("L'armée russe aurait bombardé un hôpital à Kharkiv, selon Kiev.", "ASSAULT", "asserted"),
    ("Le président ukrainien se serait rendu à Washington, selon la presse américaine.", "CONSULT", "asserted"),
    ("L'Allemagne pourrait livrer des missiles Taurus à l'Ukraine.", "AID", "conditional"),
    ("Le ministre est allé rencontrer son homologue russe à Moscou.", "CONSULT", "asserted"),
])
def test_aller_is_future_and_the_journalistic_conditional_is_asserted(engine, text, type_, modality) -> None:
    # "va livrer" is parsed with "aller" as the governing verb, not as an auxiliary; "aurait
    # bombardé" reports an act (the guideline's journalistic conditional), "pourrait" does not
    events = find(code(engine, text, "fr"), type_)
    assert events and events[0].modality == modality, text


@pytest.mark.parametrize(("text", "lang", "source", "target"), [
    ("Des manifestants se sont rassemblés devant l'ambassade de France à Niamey.", "fr", "NERCVL", "FRAGOV"),
    ("Manifestation devant l'ambassade d'Israël à Amman", "fr", "JORCVL", "ISRGOV"),
    ("Des étudiants iraniens ont manifesté devant l'ambassade britannique à Téhéran.", "fr", "IRNEDU", "GBRGOV"),
    ("Hundreds of protesters rallied outside the US embassy in Baghdad.", "en", "IRQCVL", "USAGOV"),
])
def test_a_protest_at_an_embassy_targets_the_state_it_represents(engine, text, lang, source, target) -> None:
    # the crowd belongs to the country where the embassy stands, not to the embassy's
    events = find(code(engine, text, lang), "PROTEST")
    assert [(e.source.code if e.source else None, e.target.code if e.target else None) for e in events] == [(source, target)]


@pytest.mark.parametrize(("text", "lang", "source", "target"), [
    ("Des troupes russes ont été déployées en Biélorussie.", "fr", "RUSMIL", "BLR"),
    ("L'armée israélienne a été placée en état d'alerte maximale.", "fr", "ISRMIL", None),
    ("Russian troops were deployed to Belarus.", "en", "RUSMIL", "BLR"),
    ("Des troupes ont été déployées par la Russie à la frontière finlandaise.", "fr", "RUS", "FIN"),
])
def test_forces_deployed_in_a_passive_are_the_side_that_mobilises(engine, text, lang, source, target) -> None:
    events = find(code(engine, text, lang), "MOBILIZE")
    assert [(e.source.code if e.source else None, e.target.code if e.target else None) for e in events] == [(source, target)]


@pytest.mark.parametrize(("text", "type_", "source", "target"), [
    ("La Russie a arrêté des opposants russes.", "COERCE", "RUS", "RUSOPP"),
    ("Le Tchad a libéré des opposants tchadiens.", "RETREAT", "TCD", "TCDOPP"),
    ("Le Venezuela a repris les négociations avec l'opposition vénézuélienne.", "CONSULT", "VEN", "VENOPP"),
])
def test_a_state_acting_on_its_own_named_people_is_no_self_dyad(engine, text, type_, source, target) -> None:
    events = find(code(engine, text, "fr"), type_)
    assert [(e.source.code, e.target.code) for e in events] == [(source, target)]


def test_civilians_whose_country_is_only_guessed_stay_a_self_dyad(engine) -> None:
    events = code(engine, "Moscou a démenti avoir visé des civils lors de ses frappes.", "fr")
    assert not any(e.target is not None and e.target.code == "RUSCVL" for e in events)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Le président colombien a promis de négocier avec l'ELN.", "COLGOV", "COLREB"),
    ("Le gouvernement vénézuélien s'est engagé à dialoguer avec l'opposition vénézuélienne.", "VENGOV", "VENOPP"),
])
def test_rebels_or_opposition_of_the_promising_state_are_its_counterpart(engine, text, source, target) -> None:
    events = find(code(engine, text, "fr"), "AGREE")
    assert [(e.source.code, e.target.code) for e in events] == [(source, target)]


@pytest.mark.parametrize("text", [
    "Moscou et Kiev se sont mis d'accord sur un échange de prisonniers.",
    "Moscou et Kiev ont conclu un accord sur un échange de prisonniers.",
    "Moscou et Kiev se sont entendus sur un échange de prisonniers.",
])
def test_what_an_agreement_is_about_is_not_coded_apart(engine, text) -> None:
    events = code(engine, text, "fr")
    assert [e.type for e in events] == ["AGREE"]
    assert {pair(events[0])} <= {("RUS", "UKR"), ("UKR", "RUS")}


def test_an_act_already_coded_with_a_recipient_is_not_coded_again_without_one(engine) -> None:
    events = code(engine, "Thousands of Kenyans took to the streets to protest a finance bill.", "en")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("PROTEST", "KENCVL", "KENGOV")]
