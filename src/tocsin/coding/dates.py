"""Find the date expression of a sentence and resolve it against the publication date.

``resolve_date(text, lang, published)`` looks for one date expression in a
French or English sentence and turns it into a calendar date with a precision
(``day``, ``month``, ``year``). It relies on hand-written patterns only: a
general date parser defaults missing years to the current clock, which is
wrong for news archives.

Resolution rules (``published`` is the article's publication date):

* An explicit full date ("19 avril 2023", "April 19, 2023", "2023-04-19") is
  taken as written, with or without ``published``.
* A day and month without a year ("le 19 avril", "April 19") takes the year
  that puts it closest to ``published``, but never more than about two months
  after it: news mostly reports past events, so "le 28 décembre" published on
  2024-01-03 is 2023-12-28. Explicit cues choose the direction: "le 19 avril
  dernier" is on or before publication, "le 19 avril prochain" on or after.
* A month without a year ("en mars", "in March", "fin mars") follows the same
  rule at month level (at most two months ahead); "mars dernier" / "last March"
  is strictly before the publication month, "mars prochain" / "next March"
  strictly after. "début"/"fin"/"mi-" ("early"/"late"/"mid-") keep month
  precision and resolve to the first day of the month.
* A bare weekday ("mardi", "on Tuesday", "Tuesday") is the most recent such
  day on or before publication (news is written in the past tense; a report
  published on a Tuesday saying "mardi" means that day). "mardi dernier" /
  "last Tuesday" is strictly before publication, "mardi prochain" /
  "next Tuesday" strictly after (the nearest such day).
* "hier"/"yesterday", "avant-hier", "aujourd'hui"/"today", "demain"/"tomorrow",
  "après-demain" are offsets from ``published``.
* Week expressions have no precision of their own: "la semaine dernière" /
  "last week" resolve to seven days before publication, "cette semaine" /
  "this week" to the publication date, "la semaine prochaine" / "next week" to
  seven days after, all with ``day`` precision (an approximation).
* "le mois dernier"/"last month", "ce mois-ci"/"this month"/"earlier this
  month", "le mois prochain"/"next month" give the first day of that month;
  "l'année dernière"/"last year", "cette année"/"this year", "en 2022"/"in 2022"
  give the first day of that year (``year`` precision).
* Without ``published``, anything that needs it (no year given, or a relative
  expression) gives ``DateMatch(date=None, precision="none", text=...)``: a year
  is never invented, and the current clock is never used.

When a sentence holds several expressions the most specific wins (day over
month over year), then the first one. A sentence without any expression gives
``NO_DATE``; the caller then uses the publication date.

English month and weekday names must be capitalised ("May 5", "in May"), so
the modal verb in "may attend" is never a month; a month name alone is read as
a month only after a cue ("in", "early", "last"…) or before a year. French is
matched without regard to case, but a month alone also needs a cue ("en mars",
"fin mars", "mars dernier", "mars 2022"), so "la planète Mars" is no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

from tocsin.records import DatePrecision

__all__ = ["MONTHS", "MONTH_ABBREVIATIONS", "NO_DATE", "WEEKDAYS", "DateMatch", "resolve_date"]

Precision = DatePrecision

#: How far after the publication date an expression without a year may fall
#: before the previous year is taken instead.
FUTURE_WINDOW_DAYS = 61
FUTURE_WINDOW_MONTHS = 2


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in a sentence and what it resolves to.

    ``start``/``end`` are character offsets of ``text`` in the sentence.
    """

    date: date | None
    precision: Precision
    text: str | None
    start: int | None
    end: int | None


#: The result for a sentence without any date expression.
NO_DATE = DateMatch(None, "none", None, None, None)

#: Weekday names (lower case) → ``date.weekday()`` number (Monday = 0), per language.
WEEKDAYS: Mapping[str, Mapping[str, int]] = MappingProxyType({
    "fr": MappingProxyType({
        "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3,
        "vendredi": 4, "samedi": 5, "dimanche": 6,
    }),
    "en": MappingProxyType({
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
        "friday": 4, "saturday": 5, "sunday": 6,
    }),
})

#: Full month names (lower case, with accent-less spellings) → month number, per language.
MONTHS: Mapping[str, Mapping[str, int]] = MappingProxyType({
    "fr": MappingProxyType({
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
        "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9,
        "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    }),
    "en": MappingProxyType({
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
        "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
        "december": 12,
    }),
})

#: Abbreviated month names, accepted only next to a day number ("3 janv.", "Jan. 3").
MONTH_ABBREVIATIONS: Mapping[str, Mapping[str, int]] = MappingProxyType({
    "fr": MappingProxyType({
        "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "sept": 9,
        "oct": 10, "nov": 11, "déc": 12, "dec": 12,
    }),
    "en": MappingProxyType({
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    }),
})

_RANK: Mapping[str, int] = MappingProxyType({"day": 3, "month": 2, "year": 1})

_YEAR = r"(?P<year>(?:18|19|20)\d\d)(?!\d)"


# --------------------------------------------------------------------------- calendar helpers


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_month_year(day: int, month: int, published: date, direction: str) -> date | None:
    """The year for a day and month written without one (see the module rules)."""
    candidates = [
        c for y in (published.year - 1, published.year, published.year + 1)
        if (c := _safe_date(y, month, day)) is not None
    ]
    if direction == "past":
        allowed = [c for c in candidates if c <= published]
    elif direction == "future":
        allowed = [c for c in candidates if c >= published]
    else:
        limit = published + timedelta(days=FUTURE_WINDOW_DAYS)
        allowed = [c for c in candidates if c <= limit]
    if not allowed:
        return None
    return min(allowed, key=lambda c: abs((c - published).days))


def _month_year(month: int, published: date, direction: str) -> date:
    """The year for a month written without one (see the module rules)."""
    pub_index = published.year * 12 + published.month - 1
    best: tuple[int, int] | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        diff = y * 12 + month - 1 - pub_index
        if direction == "past" and diff >= 0:
            continue
        if direction == "future" and diff <= 0:
            continue
        if direction == "" and diff > FUTURE_WINDOW_MONTHS:
            continue
        if best is None or abs(diff) < abs(best[1]):
            best = (y, diff)
    assert best is not None  # one of the three years always qualifies
    return date(best[0], month, 1)


def _weekday_date(weekday: int, published: date, direction: str) -> date:
    if direction == "future":
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if direction == "past" and back == 0:
        back = 7
    return published - timedelta(days=back)


# --------------------------------------------------------------------------- patterns


def _alternation(names: Iterable[str], *, cased: bool) -> str:
    """A regex alternation of ``names``, longest first.

    With ``cased`` each name is accepted only Capitalised or in UPPER CASE.
    """
    words = {n for n in names}
    if cased:
        words = {form for w in words for form in (w.capitalize(), w.upper())}
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


@dataclass(frozen=True, slots=True)
class _Found:
    """A candidate expression; its kind's precision decides which candidate wins."""

    precision: Precision
    start: int
    end: int
    resolve: Callable[[date | None], date | None]


_Handler = Callable[[re.Match[str]], "_Found | None"]


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    handler: _Handler
    #: parts every match of ``regex`` contains (same flags): where one is not found, the
    #: pattern is not tried (a digit, a month name, a weekday, "semaine"…); cheap ones first
    gates: tuple[re.Pattern[str], ...] = ()


#: the gate of the patterns that need a digit (a day, a year, a numeric date)
_DIGIT = re.compile(r"\d")


def _gate(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags | re.VERBOSE)




_PAST_WORDS = frozenset({
    "dernier", "dernière", "derniere", "passé", "passe", "passée", "passee", "last", "past",
})
_FUTURE_WORDS = frozenset({"prochain", "prochaine", "next"})


def _direction(word: str | None) -> str:
    """"past", "future" or "" for a cue word such as "dernier" or "next"."""
    if not word:
        return ""
    w = word.lower()
    if w in _PAST_WORDS:
        return "past"
    if w in _FUTURE_WORDS:
        return "future"
    return ""


def _month_number(lang: str, word: str) -> int | None:
    key = word.lower().rstrip(".")
    value = MONTHS[lang].get(key)
    return value if value is not None else MONTH_ABBREVIATIONS[lang].get(key)


def _needs(published: date | None, fn: Callable[[date], date | None]) -> date | None:
    return None if published is None else fn(published)


def _fixed(precision: Precision, m: re.Match[str], value: date) -> _Found:
    return _Found(precision, m.start(), m.end(), lambda _p: value)


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.&-]*\s+$")


def _follows_name(m: re.Match[str]) -> bool:
    """True when a Capitalised word directly precedes a Capitalised match.

    Used in English to skip names such as "Russia Today" or "Bloody Sunday".
    """
    return m.group(0)[:1].isupper() and _CAPITALISED_BEFORE.search(m.string, 0, m.start()) is not None


def _make_day_month(lang: str) -> _Handler:
    def handle(m: re.Match[str]) -> _Found | None:
        groups = m.groupdict()
        day = int(groups.get("day") or groups["day2"])
        month = _month_number(lang, groups.get("month") or groups["month2"])
        if month is None or not 1 <= day <= 31:
            return None
        if groups.get("year"):
            explicit = _safe_date(int(groups["year"]), month, day)
            return None if explicit is None else _fixed("day", m, explicit)
        if _safe_date(2024, month, day) is None:  # a leap year: "31 avril" exists in none
            return None
        direction = _direction(groups.get("rel"))
        return _Found(
            "day", m.start(), m.end(),
            lambda p: _needs(p, lambda q: _day_month_year(day, month, q, direction)),
        )

    return handle


def _numeric(m: re.Match[str]) -> _Found | None:
    explicit = _safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    return None if explicit is None else _fixed("day", m, explicit)


def _make_weekday(lang: str) -> _Handler:
    def handle(m: re.Match[str]) -> _Found | None:
        groups = m.groupdict()
        weekday = WEEKDAYS[lang].get(groups["wd"].lower())
        if weekday is None:
            return None
        cue = groups.get("rel") or groups.get("pre")
        if lang == "en" and not cue and _follows_name(m):
            return None
        direction = _direction(cue)
        return _Found(
            "day", m.start(), m.end(),
            lambda p: _needs(p, lambda q: _weekday_date(weekday, q, direction)),
        )

    return handle


def _offset(lang: str, days_by_word: Mapping[str, int]) -> _Handler:
    def handle(m: re.Match[str]) -> _Found | None:
        key = re.sub(r"[\s\-’']+", " ", m.group("rel").lower())
        days = days_by_word.get(key)
        if days is None or (lang == "en" and _follows_name(m)):
            return None
        return _Found(
            "day", m.start(), m.end(),
            lambda p: _needs(p, lambda q: q + timedelta(days=days)),
        )

    return handle


def _relative_period(unit: Literal["week", "month", "year"]) -> _Handler:
    def handle(m: re.Match[str]) -> _Found | None:
        shift = {"past": -1, "future": 1}.get(_direction(m.groupdict().get("rel")), 0)

        def resolve(q: date) -> date:
            if unit == "week":
                return q + timedelta(days=7 * shift)
            if unit == "month":
                y, mo = _add_months(q.year, q.month, shift)
                return date(y, mo, 1)
            return date(q.year + shift, 1, 1)

        precision: Precision = "day" if unit == "week" else unit
        return _Found(precision, m.start(), m.end(), lambda p: _needs(p, resolve))

    return handle


def _make_month(lang: str) -> _Handler:
    def handle(m: re.Match[str]) -> _Found | None:
        groups = m.groupdict()
        month = _month_number(lang, groups["month"])
        if month is None:
            return None
        if groups.get("year"):
            return _fixed("month", m, date(int(groups["year"]), month, 1))
        pre = groups.get("pre") or groups.get("pre2")
        rel = groups.get("rel")
        if not pre and not rel:
            return None  # a month name alone is too weak a cue
        direction = _direction(rel or pre)
        return _Found(
            "month", m.start(), m.end(),
            lambda p: _needs(p, lambda q: _month_year(month, q, direction)),
        )

    return handle


def _year(m: re.Match[str]) -> _Found | None:
    return _fixed("year", m, date(int(m.group("year")), 1, 1))


def _first_of_month(m: re.Match[str]) -> _Found | None:
    """French "le premier mars" (written out)."""
    month = _month_number("fr", m.group("month"))
    if month is None:
        return None
    return _Found(
        "day", m.start(), m.end(),
        lambda p: _needs(p, lambda q: _day_month_year(1, month, q, "")),
    )


_ISO = re.compile(r"(?<![\d/.-])(?P<year>(?:18|19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)")


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags | re.VERBOSE)


def _french() -> tuple[_Pattern, ...]:
    wd = _alternation(WEEKDAYS["fr"], cased=False)
    full = _alternation(MONTHS["fr"], cased=False)
    abbreviated = _alternation(MONTH_ABBREVIATIONS["fr"], cased=False)
    any_month = rf"(?:{full}(?!\w)|{abbreviated}(?!\w)\.?)"
    ci = re.IGNORECASE
    day_range = r"(?:\s*(?:-|–|et|au|à)\s*(?:le\s+)?[0-3]?\d(?:er)?)?"
    rel_day = r"(?:dernier|prochain|pass[ée])"
    rel_month = r"(?:dernier|derni[eè]re|pass[ée]e?|prochaine?)"
    return (
        _Pattern(_compile(rf"""
            (?:\b(?:le|du|ce)\s+)?
            (?:(?P<wd>{wd})\s+)?
            (?<![\d,.])(?P<day>[0-3]?\d)(?:er)?(?!\d)
            {day_range}
            \s+(?P<month>{any_month})
            (?:\s+{_YEAR})?
            (?:\s+(?P<rel>{rel_day})(?!\w))?
            """, ci), _make_day_month("fr"),
                 (_DIGIT, _gate(f"{full}|{abbreviated}", ci))),
        _Pattern(_compile(rf"(?:\b(?:le|du)\s+)?\bpremier\s+(?P<month>{any_month})", ci),
                 _first_of_month, (_gate("premier", ci),)),
        _Pattern(_ISO, _numeric, (_DIGIT,)),
        _Pattern(_compile(rf"(?<![\d/.-])(?P<day>[0-3]?\d)[/.](?P<mon>[01]?\d)[/.]{_YEAR}"),
                 _numeric, (_DIGIT,)),
        _Pattern(_compile(rf"""
            (?:\b(?:le|ce)\s+)?
            \b(?P<wd>{wd})(?!\w)
            (?:\s+(?P<rel>{rel_day})(?!\w))?
            """, ci), _make_weekday("fr"), (_gate(wd, ci),)),
        _Pattern(_compile(r"""
            \b(?P<rel>avant[-\s]hier|apr[èe]s[-\s]demain|aujourd['’]\s?hui|hier|demain)(?!\w)
            """, ci), _offset("fr", MappingProxyType({
                "avant hier": -2, "hier": -1, "aujourd hui": 0,
                "demain": 1, "après demain": 2, "apres demain": 2,
            })), (_gate("hier|demain|aujourd", ci),)),
        _Pattern(_compile(r"""
            \b(?:la\s+semaine\s+(?P<rel>derni[eè]re|pass[ée]e|prochaine)|cette\s+semaine(?:-ci)?)
            (?!\w)
            """, ci), _relative_period("week"), (_gate("semaine", ci),)),
        _Pattern(_compile(r"""
            \b(?:le\s+mois\s+(?P<rel>dernier|pass[ée]|prochain)|ce\s+mois(?:-ci)?)(?!\w)
            """, ci), _relative_period("month"), (_gate("mois", ci),)),
        _Pattern(_compile(r"""
            (?:\bl['’]\s?(?:ann[ée]e|an)\s+(?P<rel>derni[eè]re?|pass[ée]e?|prochaine?)
               |\bcette\s+ann[ée]e)(?!\w)
            """, ci), _relative_period("year"), (_gate("derni|pass|prochain|cette", ci),)),
        _Pattern(_compile(rf"""
            (?:\b(?P<pre>en|d[ée]but|fin|courant|mi)(?:\s+|-)
                 (?:(?:du\s+)?mois\s+d(?:e\s+|['’]\s?))?
              |\b(?P<pre2>(?:au\s+)?mois\s+d)(?:e\s+|['’]\s?))?
            \b(?P<month>{full})(?!\w)
            (?:\s+{_YEAR}|\s+(?P<rel>{rel_month})(?!\w))?
            """, ci), _make_month("fr"), (_gate(full, ci),)),
        _Pattern(_compile(rf"""
            \b(?:en|d[ée]but|fin|courant|mi|(?:au\s+cours\s+de\s+)?l['’]\s?ann[ée]e)(?:\s+|-)
            {_YEAR}
            """, ci), _year, (_DIGIT,)),
    )


def _english() -> tuple[_Pattern, ...]:
    wd = _alternation(WEEKDAYS["en"], cased=True)
    full = _alternation(MONTHS["en"], cased=True)
    abbreviated = _alternation(MONTH_ABBREVIATIONS["en"], cased=True)
    any_month = rf"(?:{full}(?!\w)|{abbreviated}(?!\w)\.?)"
    ci = re.IGNORECASE
    suffix = r"(?:st|nd|rd|th)?"
    day_range = rf"(?:\s*(?:-|–|(?i:and|to))\s*[0-3]?\d{suffix})?"
    return (
        _Pattern(_compile(rf"""
            (?:\b(?i:on)\s+)?
            (?:(?P<wd>{wd}),?\s+)?
            (?:
              (?:(?i:the)\s+)?(?<![\d,.])(?P<day>[0-3]?\d){suffix}(?!\d){day_range}
                \s+(?:(?i:of)\s+)?(?P<month>{any_month})
            | (?P<month2>{any_month})\s+(?:(?i:the)\s+)?
                (?P<day2>[0-3]?\d){suffix}(?![\d,.]\d)(?!\d){day_range}
            )
            (?:,?\s+{_YEAR})?
            """), _make_day_month("en"),
                 (_DIGIT, _gate(f"{full}|{abbreviated}"))),
        _Pattern(_ISO, _numeric, (_DIGIT,)),
        _Pattern(_compile(rf"""
            (?:\b(?P<pre>(?i:last|next|this|on|past))\s+)?
            \b(?P<wd>{wd})(?!\w)
            """), _make_weekday("en"), (_gate(wd),)),
        _Pattern(_compile(r"""
            \b(?P<rel>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow
                |yesterday|today|tomorrow|tonight|last\s+night)(?!\w)
            """, ci), _offset("en", MappingProxyType({
                "the day before yesterday": -2, "yesterday": -1, "last night": -1,
                "today": 0, "tonight": 0, "tomorrow": 1, "the day after tomorrow": 2,
            })), (_gate("yesterday|today|tomorrow|tonight|night", ci),)),
        _Pattern(_compile(r"\b(?:(?:earlier|later)\s+)?(?P<rel>last|next|this)\s+week(?!\w)", ci),
                 _relative_period("week"), (_gate("week", ci),)),
        _Pattern(_compile(r"\b(?:(?:earlier|later)\s+)?(?P<rel>last|next|this)\s+month(?!\w)", ci),
                 _relative_period("month"), (_gate("month", ci),)),
        _Pattern(_compile(r"\b(?:(?:earlier|later)\s+)?(?P<rel>last|next|this)\s+year(?!\w)", ci),
                 _relative_period("year"), (_gate("year", ci),)),
        _Pattern(_compile(rf"""
            (?:\b(?P<pre>(?i:in|during|early|late|mid|last|next|this|earlier\s+in|later\s+in
                 |(?:the\s+)?(?:end|beginning|start|middle)\s+of))(?:\s+|-))?
            \b(?P<month>{full})(?!\w)(?!['’]s)
            (?:,?\s+{_YEAR})?
            """), _make_month("en"), (_gate(full),)),
        _Pattern(_compile(rf"""
            \b(?i:in|during|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)
            (?:\s+|-){_YEAR}
            """), _year, (_DIGIT,)),
    )


@lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[_Pattern, ...]:
    if lang == "fr":
        return _french()
    if lang == "en":
        return _english()
    return ()


# --------------------------------------------------------------------------- entry point


def resolve_date(text: str, lang: str, published: date | None) -> DateMatch:
    """The most specific (then first) date expression of ``text``, resolved.

    ``lang`` is an ISO 639-1 code; languages other than ``fr`` and ``en`` give
    ``NO_DATE``. See the module documentation for the rules.
    """
    if isinstance(published, datetime):
        published = published.date()
    patterns = _patterns((lang or "").lower()[:2])
    found: list[_Found] = []
    gates: dict[re.Pattern[str], bool] = {}
    for pattern in patterns:
        for gate in pattern.gates:
            seen = gates.get(gate)
            if seen is None:
                seen = gates[gate] = gate.search(text) is not None
            if not seen:
                break  # a part every match needs is missing: no match
        else:
            for m in pattern.regex.finditer(text):
                candidate = pattern.handler(m)
                if candidate is not None:
                    found.append(candidate)
    if not found:
        return NO_DATE
    best = min(found, key=lambda f: (-_RANK[f.precision], f.start, -(f.end - f.start)))
    resolved = best.resolve(published)
    span = text[best.start:best.end]
    if resolved is None:
        return DateMatch(None, "none", span, best.start, best.end)
    return DateMatch(resolved, best.precision, span, best.start, best.end)
