"""French condemnations, accusations and sentences in fresh wire copy: a place after "à" is no
penalty, the "par" agent of a participle that sums up an act condemns its author, a phrase of
the same preposition read as a circumstance yields to the complement, a pronoun in a relative
clause stands for the actor above, and a condemnation drawn from someone is aimed at the actor
of the clause. Texts written for these tests, coded on the real model."""

from __future__ import annotations

from datetime import date
from functools import partial

from factories import coded_dyads_with_negation

events = partial(coded_dyads_with_negation, published=date(2024, 8, 1))


def test_a_place_after_a_is_no_penalty(engine) -> None:
    found = events(engine, "La Suède a condamné l'incendie de son ambassade à Bagdad par des manifestants partisans "
                           "de Moqtada Sadr, qui protestaient contre un autodafé du Coran prévu à Stockholm.",
                   published=date(2023, 7, 20))
    assert ("ACCUSE", "SWE", "IRQ", False) in found
    assert not any(t == "SANCTION" for t, *_ in found)


def test_a_penalty_after_a_is_a_sentence(engine) -> None:
    found = events(engine, "L'opposant a été condamné à mort par un tribunal militaire à Kinshasa.")
    assert ("SANCTION", "CODJUD", "CODOPP", False) in found


def test_a_verdict_denounced_par_a_capital_accuses_the_court(engine) -> None:
    found = events(engine, "Un tribunal russe a condamné vendredi le journaliste américain Evan Gershkovich à seize "
                           "ans de prison pour espionnage, un verdict dénoncé par Washington comme une « parodie de "
                           "justice ».", published=date(2024, 7, 19))
    assert ("ACCUSE", "USA", "RUSJUD", False) in found
    assert ("SANCTION", "RUSJUD", "USAMED", False) in found


def test_imputer_accuses_the_one_after_a_not_the_victim(engine) -> None:
    found = events(engine, "L'Iran a imputé jeudi à Israël l'assassinat à Téhéran du chef politique du Hamas, "
                           "Ismaïl Haniyeh, et promis une « punition sévère ».")
    accused = {(s, t) for ty, s, t, _ in found if ty == "ACCUSE"}
    assert accused == {("IRN", "ISR")}


def test_a_pronoun_in_a_relative_clause_is_the_actor_above(engine) -> None:
    found = events(engine, "Le président français Emmanuel Macron a dénoncé vendredi la mort en détention d'Alexeï "
                           "Navalny, dont il a imputé la responsabilité aux autorités russes.", published=date(2024, 2, 16))
    assert ("ACCUSE", "FRAGOV", "RUSGOV", False) in found
    assert not any(ty == "ACCUSE" and s and s.startswith("RUS") for ty, s, _, _ in found)


def test_a_pronoun_in_a_relative_clause_takes_the_agent_above(engine) -> None:
    found = events(engine, "Le Pakistan a accusé l'Inde d'avoir tué 26 civils dans des frappes nocturnes, lancées "
                           "par New Delhi en représailles à l'attentat de Pahalgam qu'elle impute à des groupes "
                           "basés au Pakistan.", published=date(2025, 5, 7))
    accused = {(s, t) for ty, s, t, _ in found if ty == "ACCUSE"}
    assert ("PAK", "IND") in accused
    assert ("IND", "PAK") in accused or ("IND", "PAKREB") in accused
    assert not any(s is None for s, _ in accused)


def test_tenir_pour_responsable_in_a_relative_clause(engine) -> None:
    found = events(engine, "La Russie a réclamé une réunion du Conseil de sécurité de l'ONU après les fuites sur les "
                           "gazoducs Nord Stream, dénonçant un « acte de terrorisme international » dont elle tient "
                           "Washington pour responsable.", published=date(2022, 9, 30))
    assert ("ACCUSE", "RUS", "USA", False) in found


def test_a_condemnation_drawn_from_two_capitals_is_aimed_at_the_actor(engine) -> None:
    found = events(engine, "L'Iran a exécuté jeudi un premier manifestant, condamné à mort pour avoir blessé un "
                           "paramilitaire, suscitant la condamnation de Berlin et de Londres.", published=date(2022, 12, 8))
    accused = {(s, t) for ty, s, t, _ in found if ty == "ACCUSE"}
    assert accused == {("DEU", "IRN"), ("GBR", "IRN")}


def test_a_condemned_death_accuses_whom_the_relative_clause_holds_responsible(engine) -> None:
    found = events(engine, "Le président français Emmanuel Macron a dénoncé vendredi la mort en détention d'Alexeï "
                           "Navalny, dont il a imputé la responsabilité aux autorités russes.", published=date(2024, 2, 16))
    assert {(ty, s, t) for ty, s, t, _ in found if ty == "ACCUSE"} == {("ACCUSE", "FRAGOV", "RUSGOV")}


def test_a_denounced_act_accuses_whom_the_relative_clause_holds_responsible(engine) -> None:
    found = events(engine, "La Russie a réclamé une réunion du Conseil de sécurité de l'ONU après les fuites sur les "
                           "gazoducs Nord Stream, dénonçant un « acte de terrorisme international » dont elle tient "
                           "Washington pour responsable.", published=date(2022, 9, 30))
    assert {(s, t) for ty, s, t, _ in found if ty == "ACCUSE"} == {("RUS", "USA")}


def test_a_passive_subordinate_clause_does_not_borrow_the_main_subject(engine) -> None:
    found = events(engine, "La tentative de coup d'État menée mercredi à La Paz par le général Juan José Zúñiga a été "
                           "condamnée par les gouvernements du Brésil et du Chili, tandis que l'officier était "
                           "arrêté.", published=date(2024, 6, 27))
    assert not any(ty == "COERCE" and s in ("BRAGOV", "CHLGOV") for ty, s, _, _ in found)
    assert any(ty == "ACCUSE" and s == "BRAGOV" for ty, s, _, _ in found)


def test_a_participle_of_accusing_with_its_agent_accuses_the_clause_subject(engine) -> None:
    found = events(engine, "Le maire d'Istanbul Ekrem Imamoglu, principal opposant au président Recep Tayyip Erdogan, "
                           "a été arrêté mercredi, accusé par le parquet de corruption et de soutien à une "
                           "organisation terroriste.", published=date(2025, 3, 19))
    assert ("ACCUSE", "TURJUD", "TUROPP", False) in found
    assert ("COERCE", "TURJUD", "TUROPP", False) in found


def test_a_condemned_assassination_with_no_author_does_not_accuse_the_victims_group(engine) -> None:
    found = events(engine, "Le Qatar a dénoncé l'assassinat à Téhéran du négociateur en chef du Hamas, qu'il juge "
                           "« dangereux » pour les pourparlers sur une trêve à Gaza, sans toutefois nommer Israël.",
                   published=date(2024, 7, 31))
    assert not any(ty == "ACCUSE" and t == "PSEREB" for ty, _, t, _ in found)


def test_a_par_phrase_inside_a_relative_clause_on_the_condemned_words_is_not_their_author(engine) -> None:
    found = events(engine, "Le Kremlin a qualifié d'« irresponsables » les déclarations du président finlandais "
                           "Alexander Stubb, qui avait appelé à lever les restrictions sur l'usage des armes "
                           "occidentales par Kiev.", published=date(2024, 9, 25))
    assert {(s, t) for ty, s, t, _ in found if ty == "ACCUSE"} == {("RUSGOV", "FINGOV")}


def test_a_par_phrase_of_a_participle_on_the_condemned_act_names_its_author(engine) -> None:
    found = events(engine, "Le président égyptien Abdel Fatah al-Sisi a dénoncé samedi la « punition collective » "
                           "infligée par Israël aux habitants de Gaza, à l'ouverture du sommet pour la paix du Caire.",
                   published=date(2023, 10, 21))
    assert ("ACCUSE", "EGYGOV", "ISR", False) in found
