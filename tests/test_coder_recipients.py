"""Rules that find who acts and who undergoes in recurring news constructions
(tocsin.coding.arguments / triggers): requests attached to an act, resumptive nouns,
participles with an agent, targeting participles, quantities, durations, blockades."""

from __future__ import annotations

from datetime import date

from factories import coded_events
from factories import country_triples as triples
from tocsin.records import Event

PUBLISHED = date(2024, 3, 14)


def code(engine, text: str, lang: str) -> list[Event]:
    return coded_events(engine, text, lang, PUBLISHED)


def test_at_the_request_of_names_who_was_asked_fr(engine) -> None:
    events = code(engine, "Le Qatar a libéré deux otages américains à la demande de Washington.", "fr")
    assert ("REQUEST", "USA", "QAT") in triples(events)


def test_at_the_request_of_names_who_was_asked_en(engine) -> None:
    events = code(engine, "Jordan agreed to reopen its border crossing at Baghdad's request, officials said.", "en")
    assert ("REQUEST", "IRQ", "JOR") in triples(events)


def test_a_request_noun_as_object_keeps_its_own_recipient(engine) -> None:
    events = code(engine, "Le Liban a transmis une demande d'aide à la France.", "fr")
    assert all(e.target is None or e.target.country != "LBN" for e in events if e.type == "REQUEST")


def test_resumptive_noun_sends_praise_to_the_actor_of_the_clause_fr(engine) -> None:
    events = code(engine, "La Serbie et le Kosovo vont rouvrir un poste-frontière, une décision saluée par Bruxelles.", "fr")
    support = {(s, t) for ty, s, t in triples(events) if ty == "SUPPORT"}
    assert support == {("IGOEU", "SRB"), ("IGOEU", "XKX")}


def test_resumptive_noun_sends_criticism_to_the_actor_of_the_clause_en(engine) -> None:
    events = code(engine, "Hungary blocked the new aid package for Ukraine, a move that Poland sharply criticised.", "en")
    assert ("ACCUSE", "POL", "HUN") in triples(events)


def test_a_resumptive_noun_under_another_noun_is_left_alone(engine) -> None:
    events = code(engine, "La police turque a arrêté des centaines de personnes depuis le début du mouvement de contestation.", "fr")
    assert not [e for e in events if e.type == "PROTEST" and e.target is not None and e.target.sector == "COP"]


def test_agent_of_an_announcing_participle_acts_the_event_noun(engine) -> None:
    events = code(engine, "La suspension de l'aide au Niger, annoncée par le président français, a été saluée par le Mali.", "fr")
    found = triples(events)
    assert ("SANCTION", "FRA", "NER") in found
    assert ("SUPPORT", "MLI", "FRA") in found  # the praise goes to who acted, not to Niger


def test_event_noun_named_in_passing_takes_no_agent(engine) -> None:
    events = code(engine, "Les marchés ont reculé, les investisseurs redoutant les droits de douane annoncés par Pékin.", "fr")
    assert events == []


def test_targeting_participle_names_the_recipient_of_a_collocation(engine) -> None:
    events = code(engine, "Bruxelles a levé les restrictions visant les exportations biélorusses.", "fr")
    assert ("CONCEDE", "IGOEU", None) not in {(t, s, g) for t, s, g in triples(events)} or ("CONCEDE", None, "BLR") in triples(events)
    assert any(e.type == "CONCEDE" and e.target is not None and e.target.country == "BLR" for e in events)


def test_counted_noun_of_a_collocation_is_not_coded_again(engine) -> None:
    events = code(engine, "Londres a suspendu une partie des sanctions visant le Venezuela.", "fr")
    assert ("CONCEDE", "GBR", "VEN") in triples(events)
    assert not [e for e in events if e.type == "SANCTION"]


def test_nested_quantities_reach_the_counted_noun(engine) -> None:
    events = code(engine, "L'Azerbaïdjan a massé des centaines de milliers de soldats près de la frontière arménienne.", "fr")
    assert any(e.type == "MOBILIZE" and e.source.country == "AZE" for e in events)


def test_a_duration_is_not_the_actor_of_a_visit(engine) -> None:
    events = code(engine, "Le président brésilien est arrivé à Pékin pour une visite de trois jours.", "fr")
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult and all(e.source is None or "jours" not in e.source.text for e in consult)


def test_a_state_blocking_access_is_a_restriction_not_a_protest(engine) -> None:
    events = code(engine, "La Turquie a bloqué l'accès à Wikipédia.", "fr")
    assert any(e.type == "COERCE" for e in events)
    assert not [e for e in events if e.type == "PROTEST"]


def test_a_crowd_blocking_roads_is_still_a_protest(engine) -> None:
    events = code(engine, "Des milliers de manifestants ont bloqué les routes de Nairobi.", "fr")
    assert not [e for e in events if e.type == "COERCE"]


def test_receiving_an_act_is_no_visit(engine) -> None:
    events = code(engine, "La Moldavie a reçu une nouvelle tranche d'aide de la Banque mondiale et de l'Union européenne.", "fr")
    assert not [e for e in events if e.type == "CONSULT"]


def test_withdrawing_from_an_organisation_is_a_sanction(engine) -> None:
    events = code(engine, "Le Nicaragua a annoncé son retrait de l'Otan.", "fr")
    assert any(e.type == "SANCTION" and e.target is not None and e.target.code == "IGONATO" for e in events)
    events = code(engine, "Les soldats tchadiens se sont retirés de la ville d'Abéché.", "fr")
    assert not [e for e in events if e.type == "SANCTION"]


def test_a_gulf_named_after_a_country_is_no_actor(engine) -> None:
    events = code(engine, "Les Gardiens de la révolution ont saisi un pétrolier grec dans le golfe d'Oman.", "fr")
    assert all(e.target is None or e.target.country != "OMN" for e in events)


def test_what_is_agreed_is_not_coded_apart(engine) -> None:
    events = code(engine, "Le Maroc et l'Algérie sont convenus de rouvrir leur frontière terrestre.", "fr")
    assert {e.type for e in events} == {"AGREE"}
    events = code(engine, "Serbia and Kosovo agreed to hold talks in Brussels next month.", "en")
    assert {e.type for e in events} == {"AGREE"}


def test_a_phrase_around_the_agreed_act_is_still_coded(engine) -> None:
    events = code(engine, "Egypt agreed to let more aid trucks through at Washington's request, officials said.", "en")
    assert ("REQUEST", "USA", "EGY") in triples(events)


def test_receiving_weapons_is_no_visit_receiving_a_leader_is(engine) -> None:
    assert not [e for e in code(engine, "La Pologne a reçu ses premiers chars sud-coréens.", "fr") if e.type == "CONSULT"]
    events = code(engine, "Le président sénégalais a reçu lundi son homologue mauritanien.", "fr")
    assert any(e.type == "CONSULT" and e.target is not None and e.target.country == "MRT" for e in events)


def test_talks_named_as_the_time_of_another_act_are_events(engine) -> None:
    events = code(engine, "Russia backs the peace plan, Sergei Lavrov said after talks with Wang Yi in Beijing.", "en")
    assert ("CONSULT", "RUS", "CHN") in triples(events)


def test_hazards_and_accidents_are_not_attacks(engine) -> None:
    for text, lang in [
        ("Wildfires destroyed hundreds of homes near Athens on Tuesday.", "en"),
        ("Two Nigerian ministers were killed when their helicopter crashed near Abuja.", "en"),
        ("Des inondations ont détruit des milliers de maisons au Pakistan, selon les autorités.", "fr"),
        ("Le ministre chilien a été tué lorsque son avion s'est écrasé dans les Andes.", "fr"),
    ]:
        assert "ASSAULT" not in {e.type for e in code(engine, text, lang)}, text


def test_an_attack_by_a_named_actor_is_kept_beside_a_hazard(engine) -> None:
    events = code(engine, "Russian forces shelled Kherson on Monday despite the storm.", "en")
    assert ("ASSAULT", "RUS", "UKR") in triples(events)


def test_a_protest_with_no_named_crowd_is_held_by_civilians_of_the_place(engine) -> None:
    assert ("PROTEST", "ARG", "ARG") in triples(code(engine, "Grève générale en Argentine contre les réformes de Javier Milei", "fr"))
    events = code(engine, "Thousands rallied in Nairobi on Tuesday against the finance bill.", "en")
    assert [(e.source.code, e.target.code) for e in events if e.type == "PROTEST"] == [("KENCVL", "KENGOV")]


def test_anti_government_names_what_is_protested_not_who_protests(engine) -> None:
    events = code(engine, "Anti-government protests spread across Serbia on Saturday.", "en")
    assert [(e.source.code, e.target.code) for e in events if e.type == "PROTEST"] == [("SRBCVL", "SRBGOV")]


def test_a_protest_about_another_country_is_not_aimed_at_its_own_government(engine) -> None:
    events = code(engine, "Des manifestants propalestiniens ont défilé samedi à Londres pour réclamer l'arrêt des "
                          "bombardements sur Gaza.", "fr")
    assert [(e.type, e.source.code, e.target) for e in events] == [("PROTEST", "GBRCVL", None)]


def test_a_country_named_in_a_relative_clause_is_not_the_target(engine) -> None:
    events = code(engine, "Tens of thousands of people marched through central Tbilisi on Sunday against a draft "
                          "law that critics say mirrors Russian legislation.", "en")
    assert [(e.source.code, e.target.code) for e in events if e.type == "PROTEST"] == [("GEOCVL", "GEOGOV")]


def test_a_participle_tagged_as_a_noun_after_its_auxiliary_is_a_verb(engine) -> None:
    events = code(engine, "Des milliers de Géorgiens ont de nouveau défilé dimanche soir devant le Parlement à "
                          "Tbilissi pour dénoncer la suspension des négociations d'adhésion à l'UE.", "fr")
    assert [(e.type, e.source.code) for e in events] == [("PROTEST", "GEOCVL")]  # the purpose is not an ACCUSE


def test_the_nationality_of_what_is_acted_on_names_the_recipient(engine) -> None:
    assert ("ASSAULT", "POL", "RUS") in triples(code(engine, "Polish jets shot down three Russian drones over eastern Poland.", "en"))
    assert ("COERCE", "USA", "IRN") in triples(code(engine, "The US Navy seized an Iranian oil tanker in the Gulf of Oman.", "en"))


def test_an_arrest_with_no_agent_is_made_by_the_state_where_it_happens(engine) -> None:
    events = code(engine, "Trois journalistes ont été arrêtés à Minsk.", "fr")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("COERCE", "BLRGOV", "BLRMED")]
    events = code(engine, "Plus de 1 300 personnes ont été interpellées mercredi soir à travers la Russie.", "fr")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("COERCE", "RUSGOV", "RUSCVL")]
    events = code(engine, "Two French citizens were arrested in Tehran.", "en")
    assert [(e.type, e.source.code, e.target.country) for e in events] == [("COERCE", "IRNGOV", "FRA")]


def test_a_threat_is_made_against_the_actor_named_in_what_is_threatened(engine) -> None:
    found = triples(code(engine, "Donald Trump a menacé d'imposer des droits de douane sur les produits importés du "
                                 "Mexique et du Canada.", "fr"))
    assert {("THREATEN", "USA", "MEX"), ("THREATEN", "USA", "CAN")} <= found
    found = triples(code(engine, "Iran threatened to close the Strait of Hormuz to American tankers.", "en"))
    assert ("THREATEN", "IRN", "USA") in found


def test_a_participial_reaction_is_aimed_at_the_recipient_of_the_act_it_hangs_on(engine) -> None:
    found = triples(code(engine, "La Bolivie a rompu mardi ses relations diplomatiques avec Israël, dénonçant une "
                                 "offensive « agressive et disproportionnée » dans la bande de Gaza.", "fr"))
    assert ("ACCUSE", "BOL", "ISR") in found
    found = triples(code(engine, "Colombia broke off diplomatic relations with Israel, denouncing the offensive in Gaza.", "en"))
    assert ("ACCUSE", "COL", "ISR") in found


def test_the_condition_of_a_threat_is_not_an_event(engine) -> None:
    events = code(engine, "Trump threatened Russia with severe tariffs unless a ceasefire deal is reached within 50 days.", "en")
    assert {e.type for e in events} == {"THREATEN"}
    events = code(engine, "Donald Trump a menacé lundi Moscou de nouvelles sanctions si la Russie n'acceptait pas "
                          "de cessez-le-feu.", "fr")
    assert {e.type for e in events} == {"THREATEN"}


def test_a_question_commits_no_one(engine) -> None:
    assert code(engine, "Et si la Chine envahissait Taïwan ?", "fr") == []
    assert code(engine, "What would a Chinese blockade of Taiwan cost the world economy?", "en") == []


def test_a_deployment_meant_as_a_warning_is_aimed_at_whom_it_warns(engine) -> None:
    events = code(engine, "Le Pentagone a dépêché samedi un second groupe aéronaval en Méditerranée orientale, afin de "
                          "dissuader l'Iran et le Hezbollah d'élargir le conflit avec Israël.", "fr")
    assert {(e.type, e.target.code) for e in events} == {("MOBILIZE", "IRN"), ("MOBILIZE", "LBNREB")}


def test_dispatching_a_carrier_is_a_mobilisation(engine) -> None:
    events = code(engine, "Pete Hegseth dispatched the USS Gerald R. Ford aircraft carrier to the Caribbean on Friday.", "en")
    assert ("MOBILIZE", "USA") in {(e.type, e.source.country) for e in events}


def test_a_shared_first_name_is_no_fuzzy_match(engine) -> None:
    events = code(engine, "Le journaliste Roman Protassevitch a été gracié par Alexandre Loukachenko.", "fr")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("CONCEDE", "BLRGOV", "BLRMED")]


def test_a_capitalised_plural_in_a_headline_is_still_an_event_noun(engine) -> None:
    found = triples(code(engine, "Frappes américaines et britanniques contre les Houthis au Yémen", "fr"))
    assert {("ASSAULT", "USA", "YEM"), ("ASSAULT", "GBR", "YEM")} <= found


def test_sending_diplomats_home_is_an_expulsion(engine) -> None:
    found = triples(code(engine, "Paris a renvoyé mardi douze agents consulaires algériens.", "fr"))
    assert ("SANCTION", "FRA", "DZA") in found


def test_a_thing_that_kills_is_no_attacker(engine) -> None:
    events = code(engine, "Students demanded accountability for the collapse of a railway station canopy in Novi Sad "
                          "that killed 15 people.", "en")
    assert "ASSAULT" not in {e.type for e in events}


def test_a_warning_about_what_will_happen_is_no_threat(engine) -> None:
    events = code(engine, "The Bank of England kept interest rates at 5.25% and warned that they would stay high.", "en")
    assert "THREATEN" not in {e.type for e in events}


def test_people_named_by_what_they_are_remain_attackers(engine) -> None:
    events = code(engine, "Des hommes armés ont tué vingt villageois dans le nord du Burkina Faso.", "fr")
    assert [e.type for e in events] == ["ASSAULT"]
    events = code(engine, "Gunmen killed 26 tourists in Kashmir on Tuesday.", "en")
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_truce_between_two_sides_is_one_event_per_side(engine) -> None:
    found = triples(code(engine, "La trêve entre Israël et le Hamas est entrée en vigueur dimanche matin.", "fr"))
    assert {("RETREAT", "ISR", "PSE"), ("RETREAT", "PSE", "ISR")} <= found


def test_talks_that_led_to_an_agreement_were_held_by_its_parties(engine) -> None:
    found = triples(code(engine, "L'Arabie saoudite et l'Iran sont convenus vendredi, au terme de pourparlers organisés "
                                 "à Pékin, de rétablir leurs relations diplomatiques.", "fr"))
    assert {("AGREE", "SAU", "IRN"), ("CONSULT", "SAU", "IRN")} <= found


def test_a_match_report_is_no_war(engine) -> None:
    events = code(engine, "La Côte d'Ivoire a éliminé le Sénégal aux tirs au but en huitièmes de finale de la Coupe "
                          "d'Afrique des nations.", "fr")
    assert events == []


def test_a_time_phrase_is_no_recipient(engine) -> None:
    events = code(engine, "L'armée russe a pilonné cette nuit plusieurs villages de la région de Kharkiv.", "fr")
    assert all(e.target is None or e.target.text.lower() != "cette nuit" for e in events)


def test_a_reaction_coordinated_with_an_act_is_aimed_at_its_recipient(engine) -> None:
    found = triples(code(engine, "Rabat rappelle son ambassadrice à Berlin et dénonce une « attitude négative » sur le Sahara", "fr"))
    assert ("ACCUSE", "MAR", "DEU") in found


def test_joining_an_organisation_is_not_coded_as_cooperation(engine) -> None:
    events = code(engine, "Le débat sur l'adhésion de la Turquie à l'Union européenne n'a plus guère d'écho à Bruxelles.", "fr")
    assert events == []


def test_the_partner_of_a_call_hung_on_an_adverbial_noun(engine) -> None:
    events = code(engine, "Le chancelier Olaf Scholz et le président Emmanuel Macron se sont entretenus samedi pendant "
                          "près d'une heure et demie au téléphone avec Vladimir Poutine.", "fr")
    assert {(e.source.country, e.target.country) for e in events if e.type == "CONSULT"} == {("DEU", "RUS"), ("FRA", "RUS")}


def test_support_for_an_act_goes_to_whom_the_act_is_for(engine) -> None:
    found = triples(code(engine, "Les eurodéputés ont voté un soutien massif à l'octroi du statut de candidat à la Moldavie.", "fr"))
    assert ("SUPPORT", "IGOEU", "MDA") in found


def test_on_whose_call_is_not_an_act_of_its_own(engine) -> None:
    events = code(engine, "Des dizaines de milliers de manifestants ont défilé samedi à Paris à l'appel des syndicats "
                          "contre la réforme des retraites.", "fr")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("PROTEST", "FRACVL", "FRAGOV")]


def test_a_protest_in_the_crowds_own_country_is_kept_without_recipient(engine) -> None:
    events = code(engine, "Des milliers de manifestants ont bloqué lundi les principales routes de Bolivie à l'appel des partisans d'Evo Morales.", "fr")
    assert [(e.type, e.source.code, e.target) for e in events] == [("PROTEST", "BOLCVL", None)]


def test_a_mutual_accusation_is_one_event_per_side(engine) -> None:
    found = triples(code(engine, "Le cessez-le-feu entre l'Inde et le Pakistan est entré en vigueur samedi, mais les deux "
                                 "pays se sont mutuellement accusés de l'avoir violé dans la soirée.", "fr"))
    assert {("ACCUSE", "IND", "PAK"), ("ACCUSE", "PAK", "IND")} <= found


def test_a_vetoed_resolution_is_a_rejection_of_the_un(engine) -> None:
    found = triples(code(engine, "Moscou et Pékin ont mis leur veto vendredi à un projet de résolution américain "
                                 "appelant à un cessez-le-feu immédiat à Gaza.", "fr"))
    assert {("REJECT", "RUS", "IGOUN"), ("REJECT", "CHN", "IGOUN")} <= found
    assert ("REJECT", "RUS", "IGOUN") in triples(code(engine, "Russia vetoed a U.S. draft resolution on Ukraine.", "en"))


def test_a_retaliation_is_the_act_it_is_carried_out_by(engine) -> None:
    events = code(engine, "Iran retaliated by seizing a British tanker in the Strait of Hormuz.", "en")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("COERCE", "IRN", "GBR")]


def test_an_extradition_is_cooperation_between_the_two_states(engine) -> None:
    found = triples(code(engine, "L'ancien président hondurien Juan Orlando Hernández a été extradé jeudi vers les "
                                 "États-Unis.", "fr"))
    assert ("COOPERATE", "HND", "USA") in found
    found = triples(code(engine, "A former Honduran president was extradited to the United States on Thursday.", "en"))
    assert ("COOPERATE", "HND", "USA") in found


def test_a_summit_named_as_a_venue_is_no_meeting_of_its_own(engine) -> None:
    events = code(engine, "Belgian farmers drove hundreds of tractors into Brussels as EU leaders gathered for a summit.", "en")
    assert "CONSULT" not in {e.type for e in events}
    found = triples(code(engine, "Xi Jinping et Vladimir Poutine ont tenu un sommet mardi à Moscou.", "fr"))
    assert ("CONSULT", "CHN", "RUS") in found


def test_a_reaction_drawn_from_someone_is_theirs_and_aimed_at_who_drew_it(engine) -> None:
    found = triples(code(engine, "Australian and Philippine warships held a joint patrol in the South China Sea, drawing "
                                 "a rebuke from China's military.", "en"))
    assert {("ACCUSE", "CHN", "AUS"), ("ACCUSE", "CHN", "PHL")} <= found
    found = triples(code(engine, "Gustavo Petro a refusé l'atterrissage des avions, s'attirant aussitôt la menace de "
                                 "droits de douane de la part de Donald Trump.", "fr"))
    assert ("THREATEN", "USA", "COL") in found


def test_not_ruling_out_force_is_a_threat(engine) -> None:
    events = code(engine, "President-elect Donald Trump refused to rule out using military or economic coercion to gain "
                          "control of Greenland and the Panama Canal.", "en")
    assert {(e.type, e.target.country, e.negated) for e in events} == {("THREATEN", "GRL", False), ("THREATEN", "PAN", False)}
    events = code(engine, "Donald Trump n'a pas exclu mardi de recourir à la force militaire pour prendre le contrôle "
                          "du Groenland.", "fr")
    assert [(e.type, e.target.country, e.negated) for e in events] == [("THREATEN", "GRL", False)]
    events = code(engine, "Putin ruled out the use of force against Finland.", "en")
    assert [(e.type, e.negated) for e in events] == [("THREATEN", True)]


def test_not_ruling_out_strikes_is_a_threat_fr(engine) -> None:
    # the struck-at act is what is not ruled out: no asserted assault, no expulsion (exclure X de)
    events = code(engine, "Israël n'exclut pas de frapper l'Iran.", "fr")
    assert [(e.type, e.target.country, e.negated) for e in events] == [("THREATEN", "IRN", False)]
    events = code(engine, "Le ministre israélien de la Défense n'a pas exclu de nouvelles frappes contre les installations nucléaires "
                          "iraniennes si Téhéran reconstruisait son programme.", "fr")
    assert [(e.type, e.target.country, e.negated) for e in events] == [("THREATEN", "IRN", False)]


def test_the_condition_of_an_act_named_as_an_object_is_no_event(engine) -> None:
    events = code(engine, "Washington is prepared to impose further sanctions on Russia's oil sector if Moscow refuses "
                          "a ceasefire.", "en")
    assert "REJECT" not in {e.type for e in events}


def test_people_a_state_acts_on_at_home_are_its_civilians(engine) -> None:
    events = code(engine, "Belarusian leader Alexander Lukashenka pardoned 18 people convicted of what rights groups "
                          "describe as politically motivated offences.", "en")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("CONCEDE", "BLRGOV", "BLRCVL")]


def test_protests_a_decision_triggered_are_aimed_at_the_government(engine) -> None:
    events = code(engine, "Armenia handed control of four border villages to Azerbaijan on Friday, completing a "
                          "demarcation deal that has triggered weeks of protests in Yerevan.", "en")
    assert ("PROTEST", "ARMCVL", "ARMGOV") in {(e.type, e.source.code, e.target.code if e.target else None) for e in events}


def test_what_a_participle_describes_is_its_object(engine) -> None:
    found = triples(code(engine, "Deux cent mille doses du vaccin Sinopharm, offertes par Pékin, sont arrivées mercredi "
                                 "soir à Dakar.", "fr"))
    assert ("AID", "CHN", "SEN") in found


def test_attributing_an_attack_is_an_accusation(engine) -> None:
    found = triples(code(engine, "Kyiv attributed the attack on the power plant to Russian military intelligence.", "en"))
    assert ("ACCUSE", "UKR", "RUS") in found


def test_an_object_relative_clause_acts_on_the_noun_it_describes(engine) -> None:
    found = triples(code(engine, "Le chancelier Olaf Scholz et le président Emmanuel Macron se sont entretenus samedi au "
                                 "téléphone avec Vladimir Poutine, qu'ils ont exhorté à un cessez-le-feu immédiat.", "fr"))
    assert {("REQUEST", "DEU", "RUS"), ("REQUEST", "FRA", "RUS")} <= found


def test_readiness_to_meet_is_an_agreement_and_its_condition_no_event(engine) -> None:
    events = code(engine, "Le président colombien Gustavo Petro serait prêt à reprendre les négociations de paix avec "
                          "l'ELN, à condition que la guérilla renonce aux enlèvements.", "fr")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("AGREE", "COLGOV", "COLREB")]


def test_violence_by_a_crowd_is_a_riot(engine) -> None:
    events = code(engine, "Protesters set fire to Nepal's parliament building in Kathmandu on Tuesday.", "en")
    assert [(e.type, e.source.code) for e in events] == [("PROTEST", "NPLCVL")]


def test_a_private_persons_threat_is_no_political_act(engine) -> None:
    events = code(engine, "A man who threatened to blow up a bus in central Berlin was detained by police.", "en")
    assert "THREATEN" not in {e.type for e in events}


def test_an_opponent_arrested_with_no_place_named_is_arrested_by_their_state(engine) -> None:
    events = code(engine, "Le maire d'Istanbul, Ekrem İmamoğlu, principal rival du président Erdogan, a été placé en "
                          "garde à vue mercredi à l'aube.", "fr")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("COERCE", "TURGOV", "TUROPP")]


def test_a_measure_imposed_on_someone_names_the_recipient_of_its_lifting(engine) -> None:
    found = triples(code(engine, "Pékin va lever à compter de vendredi les restrictions imposées depuis 2020 sur les "
                                 "importations de vin australien.", "fr"))
    assert ("CONCEDE", "CHN", "AUS") in found
    assert ("CONCEDE", "CHN", "AUS") in triples(code(engine, "Beijing lifted the tariffs imposed on Australian wine in 2020.", "en"))


def test_an_agreement_to_act_is_aimed_at_whom_the_act_concerns(engine) -> None:
    found = triples(code(engine, "The EU agreed on Thursday to open accession talks with Ukraine.", "en"))
    assert ("AGREE", "IGOEU", "UKR") in found


def test_their_talk_on_which_a_request_was_made_is_a_meeting_of_the_two(engine) -> None:
    # "leur"/"their" names the subject and the one addressed; the talk is the occasion of the
    # request, not what was requested
    found = triples(code(engine, "Joe Biden a demandé mercredi à Benjamin Netanyahu une désescalade à Gaza, "
                                 "lors de leur quatrième entretien téléphonique.", "fr"))
    assert {("REQUEST", "USA", "ISR"), ("CONSULT", "USA", "ISR")} <= found
    found = triples(code(engine, "Biden urged Netanyahu to scale back the offensive during their phone call "
                                 "on Monday.", "en"))
    assert ("CONSULT", "USA", "ISR") in found


def test_their_talks_held_at_a_place_are_not_talks_with_the_place(engine) -> None:
    found = triples(code(engine, "Les délégations russe et américaine se sont retrouvées mardi à Riyad pour "
                                 "leurs premiers pourparlers de haut niveau.", "fr"))
    consult = {(s, t) for ty, s, t in found if ty == "CONSULT"}
    assert consult and all("SAU" not in pair for pair in consult)


def test_in_retaliation_for_names_no_event_of_its_own(engine) -> None:
    events = code(engine, "L'Iran a tiré plus d'une dizaine de missiles balistiques sur deux bases irakiennes, "
                          "en représailles à l'assassinat du général Soleimani.", "fr")
    assert "THREATEN" not in {e.type for e in events}
    events = code(engine, "Israël a menacé de représailles massives contre le Hezbollah.", "fr")
    assert ("THREATEN", "ISR", "LBN") in triples(events)


def test_a_cup_final_decided_on_penalties_is_sport(engine) -> None:
    events = code(engine, "L'Argentine a battu la France aux tirs au but en finale du Mondial, dimanche à Lusail.", "fr")
    assert events == []


def test_what_protesters_demand_is_their_protest(engine) -> None:
    found = triples(code(engine, "Des milliers de manifestants ont réclamé samedi à Belgrade la démission du "
                                 "gouvernement.", "fr"))
    assert found == {("PROTEST", "SRB", "SRB")}  # against their government; the resignation is the demand
    events = code(engine, "Thousands of protesters demanded the resignation of the government in Belgrade.", "en")
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("PROTEST", "SRBCVL", "SRBGOV")]
    events = code(engine, "Des manifestants ont dénoncé à Paris les frappes israéliennes sur Gaza.", "fr")
    assert ("PROTEST", "FRACVL", None) in {(e.type, e.source.code, e.target and e.target.code) for e in events}


def test_coups_are_coded_against_the_government(engine) -> None:
    found = triples(code(engine, "Des militaires ont renversé le président Mohamed Bazoum au Niger.", "fr"))
    assert found == {("COERCE", "NER", "NER")}
    events = code(engine, "L'Union africaine a suspendu le Gabon de toutes ses activités, au lendemain du coup d'État "
                          "qui a renversé le président Ali Bongo.", "fr")
    coups = [(e.source, e.target.code) for e in events if e.type == "COERCE"]
    assert coups == [(None, "GABGOV")]  # one coup: the relative clause restates it
    events = code(engine, "Soldiers ousted President Mohamed Bazoum of Niger in a coup on Wednesday.", "en")
    assert ("COERCE", "NERMIL", "NERGOV") in {(e.type, e.source.code, e.target.code) for e in events}
    assert code(engine, "Le nouveau gouvernement veut renverser la tendance sur le chômage.", "fr") == []


def test_months_of_protests_against_the_regime_are_aimed_at_the_government(engine) -> None:
    events = code(engine, "L'armée soudanaise a destitué jeudi le président Omar Al-Bachir, après quatre mois de "
                          "manifestations contre son régime.", "fr")
    assert ("PROTEST", "SDNCVL", "SDNGOV") in {(e.type, e.source.code, e.target and e.target.code) for e in events}


def test_coordinated_adjectives_of_nationality_share_their_noun(engine) -> None:
    found = {(e.type, e.source.code, e.target.code) for e in code(
        engine, "Les armées malienne, burkinabè et nigérienne ont mené des opérations conjointes.", "fr")}
    assert found == {("COOPERATE", "MLIMIL", "BFAMIL"), ("COOPERATE", "MLIMIL", "NERMIL"),
                     ("COOPERATE", "BFAMIL", "NERMIL")}
    found = {(e.type, e.source.code, e.target.code) for e in code(
        engine, "Les ministres russe et chinois de la Défense se sont rencontrés à Pékin.", "fr")}
    assert found == {("CONSULT", "RUSMIL", "CHNMIL")}


def test_letting_aid_into_a_place_opens_it_for_its_country(engine) -> None:
    found = triples(code(engine, "Israël a laissé entrer lundi à Gaza neuf camions d'aide humanitaire.", "fr"))
    assert found == {("RETREAT", "ISR", "PSE")}


def test_who_acts_accuses_the_one_described_as_accused(engine) -> None:
    found = triples(code(engine, "Washington a placé sur liste noire une quinzaine d'entreprises chinoises accusées de "
                                 "fournir à l'armée russe des composants électroniques.", "fr"))
    assert ("ACCUSE", "USA", "CHN") in found
    found = triples(code(engine, "Niamey a rompu ses relations diplomatiques avec Kiev, accusé d'avoir soutenu les "
                                 "rebelles touareg.", "fr"))
    assert {("SANCTION", "NER", "UKR"), ("ACCUSE", "NER", "UKR")} <= found
    found = triples(code(engine, "Londres a gelé mardi les avoirs du ministre israélien de la Sécurité nationale, "
                                 "Itamar Ben Gvir, accusé d'inciter à la violence.", "fr"))
    assert ("ACCUSE", "GBR", "ISR") in found
    found = triples(code(engine, "Washington blacklisted fifteen Chinese companies accused of supplying drone parts "
                                 "to the Russian army.", "en"))
    assert ("ACCUSE", "USA", "CHN") in found
    # a plain modifier with nothing it accuses of stays a description
    assert "ACCUSE" not in {t for t, _, _ in triples(code(
        engine, "La police a relâché les trois hommes accusés, faute de preuves.", "fr"))}


def test_shooting_down_an_aircraft_named_as_a_noun_is_an_assault_on_its_owner(engine) -> None:
    found = triples(code(engine, "Les Houthis ont revendiqué samedi l'abattage d'un drone américain MQ-9 Reaper.", "fr"))
    assert found == {("ASSAULT", "YEM", "USA")}
    found = triples(code(engine, "The Houthis claimed the downing of a US MQ-9 Reaper drone.", "en"))
    assert found == {("ASSAULT", "YEM", "USA")}
    assert code(engine, "L'abattage de milliers de volailles a été ordonné.", "fr") == []


def test_what_an_attempt_or_a_plot_is_about_is_no_event(engine) -> None:
    found = triples(code(engine, "Le président érythréen a mis en garde Addis-Abeba contre toute tentative de "
                                 "s'emparer par la force du port d'Assab.", "fr"))
    assert found == {("THREATEN", "ERI", "ETH")}
    assert "ASSAULT" not in {t for t, _, _ in triples(code(engine, "Police foiled a plot to attack the parliament.",
                                                                "en"))}


def test_prizes_and_conferences_received_or_hosted_are_no_meetings(engine) -> None:
    assert code(engine, "La ville ouzbèke de Samarcande accueillera la conférence générale de l'Unesco.", "fr") == []
    assert code(engine, "La romancière française Annie Ernaux a reçu jeudi le prix Nobel de littérature.", "fr") == []


def test_under_a_mediation_names_no_talks_of_the_mediator(engine) -> None:
    events = code(engine, "La Russie et l'Ukraine ont procédé mardi à un échange de prisonniers, sous médiation des "
                          "Émirats arabes unis.", "fr")
    assert "CONSULT" not in {e.type for e in events}


def test_drones_brought_down_by_the_account_of_an_army_were_brought_down_by_it(engine) -> None:
    found = triples(code(engine, "« 41 drones ukrainiens ont été interceptés et détruits au-dessus de la région de "
                                 "Koursk », a affirmé mardi le ministère russe de la Défense.", "fr"))
    assert ("ASSAULT", "RUS", "UKR") in found
    found = triples(code(engine, "Forty-one Ukrainian drones were intercepted and destroyed over the Kursk region, "
                                 "the Russian Defence Ministry said.", "en"))
    assert ("ASSAULT", "RUS", "UKR") in found
    found = triples(code(engine, "Plus de trente missiles russes ont été interceptés au-dessus de Kiev, selon l'armée "
                                 "ukrainienne.", "fr"))
    assert ("ASSAULT", "UKR", "RUS") in found
    # people killed are not claimed by whoever reports their death
    events = code(engine, "Des civils ont été tués à Koursk, a affirmé le ministère russe de la Défense.", "fr")
    assert all(e.source is None or e.source.country != "RUS" for e in events)


def test_delegations_that_met_again_held_talks_with_each_other(engine) -> None:
    found = triples(code(engine, "Des délégations américaine et ukrainienne se sont retrouvées mardi à Djeddah pour "
                                 "des pourparlers sur un éventuel cessez-le-feu avec la Russie.", "fr"))
    assert found == {("CONSULT", "USA", "UKR")}  # Russia is the other side of the ceasefire, not of the talks
    found = triples(code(engine, "Les chefs de la diplomatie indienne et chinoise se sont retrouvés jeudi soir à "
                                 "Moscou.", "fr"))
    assert found == {("CONSULT", "IND", "CHN")}
    assert code(engine, "La police a retrouvé le corps du journaliste.", "fr") == []


def test_military_operations_are_assaults_joint_ones_cooperation(engine) -> None:
    assert triples(code(engine, "Israel launched a ground operation in southern Lebanon.", "en")) == {
        ("ASSAULT", "ISR", "LBN")}
    assert triples(code(engine, "Les forces malienne et burkinabè ont mené une opération conjointe.", "fr")) == {
        ("COOPERATE", "MLI", "BFA")}
    assert code(engine, "The company announced a restructuring operation.", "en") == []


def test_words_of_an_organisations_name_are_no_acts(engine) -> None:
    events = code(engine, "The summit took place on the sidelines of the Asia-Pacific Economic Cooperation meeting.",
                  "en")
    assert "COOPERATE" not in {e.type for e in events}
    found = triples(code(engine, "Les Forces de soutien rapide ont attaqué un camp de déplacés au Darfour.", "fr"))
    assert "SUPPORT" not in {t for t, _, _ in found}


def test_words_of_war_naming_a_kind_of_weapon_are_no_acts(engine) -> None:
    found = triples(code(engine, "La France a livré des hélicoptères de combat et des drones d'attaque à l'Ukraine.",
                         "fr"))
    assert found == {("AID", "FRA", "UKR")}
    events = code(engine, "The Pentagon announced a package of weapons for Kyiv that includes artillery shells, "
                          "Bradley fighting vehicles and ammunition.", "en")
    assert "ASSAULT" not in {e.type for e in events}
    assert ("ASSAULT", "RUS", "UKR") in triples(code(engine, "Russian forces attacked a Ukrainian brigade near "
                                                             "Bakhmut.", "en"))


def test_a_news_outlet_that_reports_is_no_antecedent_of_he(engine) -> None:
    events = code(engine, "Chinese President Xi Jinping met Joe Biden, Xinhua reported. He also warned Washington "
                          "against arming Taiwan.", "en")
    assert ("THREATEN", "CHNGOV") in {(e.type, e.source.code) for e in events}
    events = code(engine, "Xi told Biden that the world was big enough for both countries, Chinese state media "
                          "reported. He also warned Washington against arming Taiwan.", "en")
    assert ("THREATEN", "CHNGOV") in {(e.type, e.source.code) for e in events}


def test_food_and_lots_of_arms_delivered_are_aid_and_delisting_a_concession(engine) -> None:
    assert triples(code(engine, "Le Japon a livré mercredi 4 000 tonnes de riz au Bangladesh.", "fr")) == {
        ("AID", "JPN", "BGD")}
    assert triples(code(engine, "La Turquie a livré à l'armée somalienne un lot de blindés et de drones armés.",
                        "fr")) == {("AID", "TUR", "SOM")}
    assert triples(code(engine, "Washington a retiré mardi Cuba de sa liste des États soutenant le terrorisme.",
                        "fr")) == {("CONCEDE", "USA", "CUB")}
    assert triples(code(engine, "Washington removed Cuba from its list of state sponsors of terrorism.", "en")) == {
        ("CONCEDE", "USA", "CUB")}
