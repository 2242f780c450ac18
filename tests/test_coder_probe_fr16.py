"""French wire copy of every kind, as a news feed mixes it: "se" standing for each other after a
list of subjects, an object the parser hangs on "par téléphone", the second party of "entre"
taken for a subject, sanctions imposed on a country and lifted, readiness, aid granted, damning
names, warnings voiced in a quotation, refusing to rule out any option, the weapon named in a
strike, civilians assaulting another country's people. Texts written for these tests, coded on
the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from factories import coded_dyads

PUBLISHED = date(2025, 11, 20)
dyads = partial(coded_dyads, published=PUBLISHED)


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Kiev et Moscou se sont mutuellement accusés d'avoir violé la trêve énergétique.", "UKR", "RUS"),
    ("L'Inde et le Pakistan se sont accusés de violer le cessez-le-feu.", "IND", "PAK"),
    ("Washington et Pékin se sont menacés de nouvelles sanctions.", "USA", "CHN"),
])
def test_se_after_a_list_of_subjects_is_each_other(engine, text, first, second) -> None:
    found = dyads(engine, text)
    kinds = {t for t, _, _ in found}
    assert len(kinds) == 1
    kind = kinds.pop()
    assert {(kind, first, second), (kind, second, first)} <= found
    assert not any(source is None for _, source, _ in found)


def test_a_pronominal_verb_keeps_its_own_reading(engine) -> None:
    found = dyads(engine, "La Russie et l'Ukraine se sont retirées des pourparlers.")
    assert not any(t == "RETREAT" and target in ("RUS", "UKR") for t, _, target in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Emmanuel Macron a félicité par téléphone le nouveau chancelier allemand.", ("SUPPORT", "FRAGOV", "DEUGOV")),
    ("Le président chinois a félicité par message Donald Trump.", ("SUPPORT", "CHNGOV", "USAGOV")),
    ("Le roi du Maroc a remercié par lettre le président français.", ("SUPPORT", "MARGOV", "FRAGOV")),
])
def test_the_object_after_the_means_is_the_recipient(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize("text", [
    "La trêve conclue entre Israël et le Hamas est entrée en vigueur vendredi à midi.",
    "La trêve conclue entre Israël et le Hamas tient depuis trois jours.",
])
def test_a_truce_concluded_between_two_sides_is_their_agreement(engine, text) -> None:
    found = dyads(engine, text)
    assert ("AGREE", "ISR", "PSEREB") in found or ("AGREE", "PSEREB", "ISR") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("L'Union européenne envisage la levée des sanctions imposées à l'Iran.", ("CONCEDE", "IGOEU", "IRN")),
    ("Le Conseil de sécurité a voté la levée de l'embargo sur les armes imposé à la Somalie.",
     ("CONCEDE", "IGOUN", "SOM")),
    ("Washington a annoncé la levée des sanctions imposées à la Syrie.", ("CONCEDE", "USA", "SYR")),
])
def test_sanctions_imposed_on_a_country_are_lifted_for_it(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(source == expected[2] for _, source, _ in found)


def test_the_author_of_lifted_sanctions_is_still_read_from_their_noun(engine) -> None:
    found = dyads(engine, "La Russie salue la levée des sanctions de l'UE contre la Biélorussie.")
    assert ("CONCEDE", "IGOEU", "BLR") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("L'Iran s'est dit prêt à négocier avec Washington.", ("AGREE", "IRN", "USA")),
    ("Le Japon a promis une aide de 50 millions de dollars à l'Ukraine.", ("AGREE", "JPN", "UKR")),
    ("Le FMI a accordé au Sénégal un décaissement de 300 millions de dollars.", ("AID", "IGOIMF", "SEN")),
])
def test_readiness_and_pledges(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le président colombien Gustavo Petro a qualifié Donald Trump de « tyran ».", ("ACCUSE", "COLGOV", "USAGOV")),
    ("Le ministre israélien des Affaires étrangères a qualifié d'« antisémite » la décision espagnole.",
     ("ACCUSE", "ISRGOV", "ESP")),
    ("Pyongyang a qualifié de « répétition d'invasion » les exercices conjoints américano-sud-coréens.",
     ("ACCUSE", "PRK", "USA")),
])
def test_a_damning_name_is_an_accusation(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("« Ils paieront très cher », a prévenu le ministre israélien de la Défense après les tirs de roquettes du "
     "Hezbollah.", ("THREATEN", "ISRMIL", "LBNREB")),
    ("« Toute attaque aura une réponse », a prévenu Téhéran.", ("THREATEN", "IRN", None)),
])
def test_a_warning_voiced_in_a_quotation_is_a_threat(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_preventing_is_no_warning(engine) -> None:
    assert not any(t == "THREATEN" for t, _, _ in dyads(
        engine, "Les médiateurs ont prévenu une nouvelle escalade entre les deux pays."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington n'exclut aucune option face à Caracas.", ("THREATEN", "USA", "VEN")),
    ("Le Kremlin n'a exclu aucune option contre l'Ukraine.", ("THREATEN", "RUSGOV", "UKR")),
])
def test_ruling_out_no_option_is_a_threat(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(t == "REJECT" for t, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Une frappe de missile russe sur un immeuble résidentiel de Dnipro a fait au moins douze morts.",
     ("ASSAULT", "RUS", "UKR")),
    ("Une attaque de drones ukrainiens contre une raffinerie de Saratov a provoqué un incendie.",
     ("ASSAULT", "UKR", "RUS")),
])
def test_the_weapon_of_a_strike_names_the_striker(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_a_drone_shot_down_is_still_the_target(engine) -> None:
    found = dyads(engine, "Les Houthis ont revendiqué samedi l'abattage d'un drone américain MQ-9 Reaper au-dessus "
                          "de la province de Marib.")
    assert ("ASSAULT", "YEMREB", "USA") in found


def test_settlers_assault_another_peoples_village(engine) -> None:
    found = dyads(engine, "Des colons israéliens ont attaqué un village palestinien près de Ramallah.")
    assert ("ASSAULT", "ISRCVL", "PSE") in found


def test_a_crowd_at_home_still_riots(engine) -> None:
    found = dyads(engine, "Des manifestants ont incendié le parlement kényan.")
    assert any(t == "PROTEST" for t, _, _ in found)
    assert not any(t == "ASSAULT" for t, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("La Russie et l'Ukraine ont procédé à un échange de prisonniers, le troisième ce mois-ci, sous médiation des "
     "Émirats arabes unis.", {("RETREAT", "RUS", "UKR"), ("RETREAT", "UKR", "RUS")}),
])
def test_a_mediator_set_off_by_a_comma_is_no_party(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected <= found
    assert not any("ARE" in (source, target) for _, source, target in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("L'Afrique du Sud a saisi la Cour internationale de justice contre Israël pour génocide.", ("ACCUSE", "ZAF", "ISR")),
    ("Le Tchad a fermé sa frontière avec le Soudan.", ("COERCE", "TCD", "SDN")),
    ("Le Programme alimentaire mondial a livré 2 000 tonnes de farine au nord de Gaza.", ("AID", "IGOUNWFP", "PSE")),
])
def test_recipients_named_by_their_preposition(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_an_unplaced_european_group_is_no_recipient(engine) -> None:
    found = dyads(engine, "Le ministre ukrainien des Affaires étrangères a exhorté les Européens à accélérer la livraison "
                          "de systèmes de défense antiaérienne.")
    assert ("REQUEST", "UKRGOV", None) in found
    assert not any(target == "UKRMIL" for _, _, target in found)


def test_a_sea_named_after_a_country_is_no_actor(engine) -> None:
    found = dyads(engine, "Le Vietnam a accueilli les premières manœuvres navales conjointes avec l'Inde en mer de "
                          "Chine méridionale.")
    assert not any("CHN" in (source, target) for _, source, target in found)


def test_options_on_the_table_threaten_for_the_speaker(engine) -> None:
    found = dyads(engine, "« Toutes les options sont sur la table », a déclaré le secrétaire d'État américain à "
                          "propos du Venezuela.")
    assert ("THREATEN", "USAGOV", None) in found


def test_a_proposal_on_the_table_is_no_threat(engine) -> None:
    assert not any(t == "THREATEN" for t, _, _ in dyads(engine, "La proposition est sur la table depuis une semaine."))


def test_weapons_brought_down_are_coded_once(engine) -> None:
    found = dyads(engine, "L'armée ukrainienne a abattu 45 drones lancés par la Russie.")
    assert ("ASSAULT", "UKRMIL", "RUS") in found
    assert not any(t == "ASSAULT" and source == "RUS" and target is None for t, source, target in found)


def test_weapons_that_strike_are_still_launched(engine) -> None:
    found = dyads(engine, "La Russie a lancé 60 drones sur l'Ukraine.")
    assert ("ASSAULT", "RUS", "UKR") in found


@pytest.mark.parametrize("text", [
    "Le président serbe a accusé des « services étrangers » d'orchestrer les manifestations.",
    "Le Premier ministre géorgien a accusé des puissances étrangères d'attiser les troubles.",
])
def test_foreign_powers_left_unnamed_are_no_recipient(engine, text) -> None:
    found = dyads(engine, text)
    assert any(t == "ACCUSE" and target is None for t, _, target in found)
    assert not any(target is not None for t, _, target in found if t == "ACCUSE")


@pytest.mark.parametrize(("text", "expected"), [
    ("Téhéran se refuse à toute négociation avec Washington.", ("REJECT", "IRN", "USA")),
    ("Kiev a opposé une fin de non-recevoir à la proposition russe.", ("REJECT", "UKR", "RUS")),
])
def test_refusals_in_set_phrases(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le président indien se rendra à Moscou pour des entretiens avec Vladimir Poutine.", ("CONSULT", "INDGOV", "RUSGOV")),
    ("Le Premier ministre hongrois s'est rendu à Pékin pour des entretiens avec Xi Jinping.",
     ("CONSULT", "HUNGOV", "CHNGOV")),
])
def test_a_visit_for_talks_is_one_meeting_with_the_host(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert len([t for t, _, _ in found if t == "CONSULT"]) == 1


def test_a_states_own_forces_mobilised_are_no_recipient(engine) -> None:
    found = dyads(engine, "Nicolas Maduro a ordonné la mobilisation de la milice bolivarienne.")
    assert ("MOBILIZE", "VENGOV", None) in found
    assert not any(t == "MOBILIZE" and target is not None for t, _, target in found)


def test_where_people_are_deported_to_is_not_who_undergoes_it(engine) -> None:
    found = dyads(engine, "La Tunisie a refoulé vers la frontière libyenne des centaines de migrants.")
    assert ("COERCE", "TUN", None) in found
    assert not any(target is not None and target.startswith("LBY") for _, _, target in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Un tribunal russe a condamné un journaliste américain pour espionnage.", ("SANCTION", "RUSJUD", "USAMED")),
])
def test_a_court_that_condemns_someone_convicts_them(engine, text, expected) -> None:
    found = dyads(engine, text)
    assert expected in found
    assert not any(t == "ACCUSE" for t, _, _ in found)


def test_a_government_that_condemns_still_accuses(engine) -> None:
    found = dyads(engine, "Le gouvernement français a condamné l'arrestation du journaliste par la Russie.")
    assert any(t == "ACCUSE" and source == "FRAGOV" for t, source, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Birmanie : la junte bombarde un monastère dans la région de Sagaing", ("ASSAULT", "MMRGOV", "MMRCVL")),
    ("Birmanie : la junte bombarde un monastère dans la région de Sagaing, au moins 20 civils tués selon des médias "
     "locaux", ("ASSAULT", "MMRGOV", "MMRCVL")),
])
def test_a_headline_verb_after_the_topic_read_as_a_noun(engine, text, expected) -> None:
    assert expected in dyads(engine, text)


def test_a_headline_with_its_verb_read_stays_as_it_is(engine) -> None:
    assert not dyads(engine, "Soudan : la guerre entre dans sa troisième année")


def test_a_simulated_blockade_is_no_blockade(engine) -> None:
    found = dyads(engine, "Pékin a mené de vastes manœuvres militaires autour de Taïwan, simulant un blocus de l'île.")
    assert ("MOBILIZE", "CHN", "TWN") in found
    assert not any(t == "COERCE" for t, _, _ in found)


def test_a_charge_that_goes_on_describing_a_lawsuit_keeps_its_recipient(engine) -> None:
    found = dyads(engine, "L'Afrique du Sud a saisi la Cour internationale de justice, accusant Israël de commettre "
                          "des actes de génocide dans la bande de Gaza.")
    assert ("ACCUSE", "ZAF", "ISR") in found
