"""Knowledge-base entries added for recurring news actors: their codes and dates."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.actors import Resolver, load_knowledge_base


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_knowledge_base())


@pytest.mark.parametrize(("text", "lang", "when", "expected"), [
    ("le FSB", "fr", date(2023, 3, 30), "RUSCOP"),            # internal security is police (guideline)
    ("the SVR", "en", date(2024, 1, 10), "RUSSPY"),           # foreign intelligence stays SPY
    ("Kim Yo-jong", "fr", date(2024, 10, 1), "PRKGOV"),
    ("Kim Yo Jong", "en", date(2023, 7, 11), "PRKGOV"),
    ("Mohamed Bazoum", "fr", date(2022, 5, 2), "NERGOV"),
    ("Gustavo Petro", "fr", date(2024, 5, 1), "COLGOV"),
    ("Hun Sen", "en", date(2021, 2, 7), "KHMGOV"),
    ("Alexeï Navalny", "fr", date(2021, 4, 1), "RUSOPP"),
    ("Evan Gershkovich", "en", date(2023, 4, 1), "USAMED"),
    ("Facebook", "fr", date(2022, 3, 4), "USABUS"),
    ("la Minusma", "fr", date(2023, 6, 16), "IGOUN"),
    ("la Monusco", "fr", date(2023, 9, 1), "IGOUN"),
    ("la Finul", "fr", date(2024, 10, 10), "IGOUN"),
    ("le Shin Bet", "fr", date(2024, 2, 1), "ISRCOP"),         # internal security is police (guideline)
    ("le Mossad", "fr", date(2024, 2, 1), "ISRSPY"),
    ("le SBU", "fr", date(2024, 2, 1), "UKRCOP"),
    ("la DGSI", "fr", date(2024, 2, 1), "FRACOP"),
    ("le porte-parole du département d'État", "fr", date(2024, 2, 1), "USAGOV"),
    ("le commissaire européen au Commerce", "fr", date(2024, 2, 1), "IGOEU"),
    ("le chef de la diplomatie européenne", "fr", date(2024, 2, 1), "IGOEU"),
    ("Jake Sullivan", "fr", date(2023, 5, 10), "USAGOV"),
    ("John Bolton", "en", date(2019, 1, 10), "USAGOV"),
    ("le patriarche Kirill", "fr", date(2022, 5, 1), "RUSREL"),
    ("la junte nigérienne", "fr", date(2024, 1, 5), "NERGOV"),
    ("Myanmar's junta", "en", date(2024, 1, 5), "MMRGOV"),
    ("Viktor Orban", "fr", date(2024, 7, 5), "HUNGOV"),
    ("Ilham Aliev", "fr", date(2023, 9, 20), "AZEGOV"),
    ("Nikol Pachinian", "fr", date(2023, 9, 20), "ARMGOV"),
    ("Nikol Pachinyan", "fr", date(2023, 11, 1), "ARMGOV"),
    ("Yahya Sinouar", "fr", date(2024, 8, 7), "PSEREB"),
    ("Hassan Nasrallah", "en", date(2023, 11, 3), "LBNREB"),
    ("Hemedti", "fr", date(2024, 1, 2), "SDNREB"),
    ("Hemedti", "fr", date(2021, 1, 2), "SDNGOV"),        # before the war he sat in the Sovereign Council
    ("Imran Khan", "en", date(2021, 1, 2), "PAKGOV"),
    ("Imran Khan", "en", date(2023, 5, 9), "PAKOPP"),
    ("Abou Mohammed al-Joulani", "fr", date(2024, 11, 30), "SYRREB"),
    ("Ahmed al-Charaa", "fr", date(2025, 3, 10), "SYRGOV"),
    ("Tedros Adhanom Ghebreyesus", "en", date(2022, 5, 1), "IGOWHO"),
    ("l'ELN", "fr", date(2024, 2, 1), "COLREB"),
    ("Hayat Tahrir al-Cham", "fr", date(2024, 12, 1), "SYRREB"),
    ("la classe politique libanaise", "fr", date(2019, 10, 29), "LBNGOV"),   # the governing class
    ("Lebanon's political class", "en", date(2019, 10, 29), "LBNGOV"),
])
def test_added_actor_resolves(resolver, text, lang, when, expected) -> None:
    actor = resolver.resolve(text, lang=lang, when=when)
    assert actor is not None and actor.code == expected


def test_a_former_president_keeps_his_country(resolver) -> None:
    # Bazoum's role ended with the 2023 coup: later mentions still place him in Niger
    actor = resolver.resolve("Mohamed Bazoum", lang="fr", when=date(2024, 8, 1))
    assert actor is not None and actor.country == "NER"
