"""Date expressions: finding them in a sentence and resolving them."""

from __future__ import annotations

from datetime import date, datetime
from types import MappingProxyType

import pytest

from tocsin.coding.dates import MONTHS, NO_DATE, WEEKDAYS, DateMatch, resolve_date

THU = date(2023, 4, 20)  # a Thursday

CASES = [
    # French: day and month
    ("le 19 avril", "fr", THU, date(2023, 4, 19), "day", "le 19 avril"),
    ("Cela a été signalé le 19 avril par Global Times.", "fr", THU, date(2023, 4, 19), "day", "le 19 avril"),
    ("19 avril 2023", "fr", THU, date(2023, 4, 19), "day", "19 avril 2023"),
    ("La réunion a eu lieu le 1er mars à Pékin.", "fr", THU, date(2023, 3, 1), "day", "le 1er mars"),
    ("Le ministre s'est exprimé mardi 18 avril.", "fr", THU, date(2023, 4, 18), "day", "mardi 18 avril"),
    ("le 28 décembre", "fr", date(2024, 1, 3), date(2023, 12, 28), "day", "le 28 décembre"),
    ("le 10 juin", "fr", THU, date(2023, 6, 10), "day", "le 10 juin"),  # within two months ahead
    ("le 30 juin", "fr", THU, date(2022, 6, 30), "day", "le 30 juin"),  # too far ahead: last year
    ("le 2 janvier", "fr", date(2023, 12, 28), date(2024, 1, 2), "day", "le 2 janvier"),
    ("le 19 avril prochain", "fr", date(2023, 5, 1), date(2024, 4, 19), "day", "le 19 avril prochain"),
    ("le 5 mai dernier", "fr", date(2023, 5, 1), date(2022, 5, 5), "day", "le 5 mai dernier"),
    ("du 19 au 21 avril", "fr", THU, date(2023, 4, 19), "day", "du 19 au 21 avril"),
    ("entre le 3 et le 5 avril", "fr", THU, date(2023, 4, 3), "day", "le 3 et le 5 avril"),
    ("le 5 déc. 2022, à Kiev", "fr", None, date(2022, 12, 5), "day", "le 5 déc. 2022"),
    ("le 10/04/2023", "fr", None, date(2023, 4, 10), "day", "10/04/2023"),
    # French: weekdays and relative days
    ("mardi dernier", "fr", THU, date(2023, 4, 18), "day", "mardi dernier"),
    ("jeudi dernier", "fr", THU, date(2023, 4, 13), "day", "jeudi dernier"),
    ("Moscou a réagi mardi.", "fr", THU, date(2023, 4, 18), "day", "mardi"),
    ("Moscou a réagi jeudi.", "fr", THU, date(2023, 4, 20), "day", "jeudi"),  # on or before
    ("lundi prochain", "fr", THU, date(2023, 4, 24), "day", "lundi prochain"),
    ("Il l'a dit hier soir.", "fr", THU, date(2023, 4, 19), "day", "hier"),
    ("avant-hier", "fr", THU, date(2023, 4, 18), "day", "avant-hier"),
    ("aujourd'hui", "fr", THU, THU, "day", "aujourd'hui"),
    ("aujourd’hui", "fr", THU, THU, "day", "aujourd’hui"),
    ("Ils se rencontreront demain.", "fr", THU, date(2023, 4, 21), "day", "demain"),
    ("la semaine dernière", "fr", THU, date(2023, 4, 13), "day", "la semaine dernière"),
    # French: months and years
    ("le mois dernier", "fr", THU, date(2023, 3, 1), "month", "le mois dernier"),
    ("en mars", "fr", THU, date(2023, 3, 1), "month", "en mars"),
    ("en mars 2022", "fr", THU, date(2022, 3, 1), "month", "en mars 2022"),
    ("début avril", "fr", THU, date(2023, 4, 1), "month", "début avril"),
    ("fin mars", "fr", THU, date(2023, 3, 1), "month", "fin mars"),
    ("mi-mars", "fr", THU, date(2023, 3, 1), "month", "mi-mars"),
    ("au mois d'août", "fr", THU, date(2022, 8, 1), "month", "au mois d'août"),
    ("depuis mars dernier", "fr", THU, date(2023, 3, 1), "month", "mars dernier"),
    ("en juin", "fr", THU, date(2023, 6, 1), "month", "en juin"),
    ("en juillet", "fr", THU, date(2022, 7, 1), "month", "en juillet"),
    ("en 2021", "fr", THU, date(2021, 1, 1), "year", "en 2021"),
    ("en 2022", "fr", None, date(2022, 1, 1), "year", "en 2022"),
    ("l'an dernier", "fr", THU, date(2022, 1, 1), "year", "l'an dernier"),
    # English: day and month
    ("April 19", "en", THU, date(2023, 4, 19), "day", "April 19"),
    ("The drills began on 19 April near Taiwan.", "en", THU, date(2023, 4, 19), "day", "on 19 April"),
    ("April 19, 2023", "en", None, date(2023, 4, 19), "day", "April 19, 2023"),
    ("the 19th of April", "en", THU, date(2023, 4, 19), "day", "the 19th of April"),
    ("Tuesday, April 18", "en", THU, date(2023, 4, 18), "day", "Tuesday, April 18"),
    ("Talks are due on May 5.", "en", THU, date(2023, 5, 5), "day", "on May 5"),
    ("Jan. 5", "en", THU, date(2023, 1, 5), "day", "Jan. 5"),
    ("2023-04-19", "en", None, date(2023, 4, 19), "day", "2023-04-19"),
    # English: weekdays and relative days
    ("The minister spoke on Tuesday.", "en", THU, date(2023, 4, 18), "day", "on Tuesday"),
    ("Russia said Tuesday it would respond.", "en", THU, date(2023, 4, 18), "day", "Tuesday"),
    ("last Tuesday", "en", THU, date(2023, 4, 18), "day", "last Tuesday"),
    ("last Thursday", "en", THU, date(2023, 4, 13), "day", "last Thursday"),
    ("next Monday", "en", THU, date(2023, 4, 24), "day", "next Monday"),
    ("Officials met yesterday.", "en", THU, date(2023, 4, 19), "day", "yesterday"),
    ("today", "en", THU, THU, "day", "today"),
    ("tomorrow", "en", THU, date(2023, 4, 21), "day", "tomorrow"),
    ("last week", "en", THU, date(2023, 4, 13), "day", "last week"),
    # English: months and years
    ("last month", "en", THU, date(2023, 3, 1), "month", "last month"),
    ("earlier this month", "en", THU, date(2023, 4, 1), "month", "earlier this month"),
    ("in March", "en", THU, date(2023, 3, 1), "month", "in March"),
    ("in March 2022", "en", THU, date(2022, 3, 1), "month", "in March 2022"),
    ("in May 2022", "en", THU, date(2022, 5, 1), "month", "in May 2022"),
    ("in May", "en", THU, date(2023, 5, 1), "month", "in May"),
    ("last March", "en", THU, date(2023, 3, 1), "month", "last March"),
    ("in 2022", "en", THU, date(2022, 1, 1), "year", "in 2022"),
    ("mid-2022", "en", THU, date(2022, 1, 1), "year", "mid-2022"),
    # the most specific expression wins, then the first
    ("En 2022, l'armée a lancé le 3 mars une offensive.", "fr", THU, date(2023, 3, 3), "day", "le 3 mars"),
    ("Lundi, Moscou a évoqué la réunion du 19 avril.", "fr", THU, date(2023, 4, 17), "day", "Lundi"),
    ("In March 2022, the army moved in 2021 units.", "en", THU, date(2022, 3, 1), "month", "In March 2022"),
]


@pytest.mark.parametrize(("text", "lang", "published", "expected", "precision", "span"), CASES)
def test_resolve(text: str, lang: str, published: date | None, expected: date,
                 precision: str, span: str) -> None:
    m = resolve_date(text, lang, published)
    assert (m.date, m.precision, m.text) == (expected, precision, span)
    assert m.start is not None and m.end is not None
    assert text[m.start:m.end] == span


NO_EXPRESSION = [
    ("Le président a rencontré son homologue.", "fr"),
    ("19 missiles ont été tirés.", "fr"),
    ("La sonde s'est posée sur la planète Mars.", "fr"),
    ("Le lendemain, Kiev a répondu.", "fr"),
    ("The minister may attend the summit.", "en"),
    ("May attend the summit, officials said.", "en"),
    ("Critics of May's government protested.", "en"),
    ("Russia Today reported the strike.", "en"),
    ("The army fired 19 missiles.", "en"),
    ("They march on the capital.", "en"),
    ("le 31 avril", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), NO_EXPRESSION)
def test_no_expression(text: str, lang: str) -> None:
    assert resolve_date(text, lang, THU) == NO_DATE
    assert resolve_date(text, lang, THU) == DateMatch(None, "none", None, None, None)


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("le 19 avril", "fr", "le 19 avril"),
    ("Ils se sont rencontrés mardi dernier.", "fr", "mardi dernier"),
    ("hier", "fr", "hier"),
    ("en mars", "fr", "en mars"),
    ("la semaine dernière", "fr", "la semaine dernière"),
    ("April 19", "en", "April 19"),
    ("yesterday", "en", "yesterday"),
    ("on Tuesday", "en", "on Tuesday"),
    ("last month", "en", "last month"),
])
def test_without_publication_date_no_year_is_invented(text: str, lang: str, span: str) -> None:
    m = resolve_date(text, lang, None)
    assert m.date is None
    assert m.precision == "none"
    assert m.text == span


def test_datetime_publication_is_accepted() -> None:
    m = resolve_date("hier", "fr", datetime(2023, 4, 20, 10, 30))
    assert m.date == date(2023, 4, 19)
    assert type(m.date) is date


def test_unsupported_language_finds_nothing() -> None:
    assert resolve_date("am 19. April", "de", THU) == NO_DATE


def test_leap_day_without_year() -> None:
    assert resolve_date("le 29 février", "fr", date(2024, 3, 10)).date == date(2024, 2, 29)
    assert resolve_date("le 29 février", "fr", date(2023, 3, 10)).date is None


def test_tables_are_read_only() -> None:
    assert isinstance(MONTHS, MappingProxyType)
    assert isinstance(WEEKDAYS["fr"], MappingProxyType)
    assert MONTHS["fr"]["août"] == 8 and MONTHS["en"]["may"] == 5
    assert WEEKDAYS["en"]["monday"] == 0 and WEEKDAYS["fr"]["dimanche"] == 6
    with pytest.raises(TypeError):
        MONTHS["fr"]["mars"] = 4  # type: ignore[index]
