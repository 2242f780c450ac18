"""Text → actor: the resolver over a :class:`~tocsin.actors.kb.KnowledgeBase`.

How a noun phrase is resolved (:meth:`Resolver.resolve`):

1. the whole phrase as written, then normalised (case, accents, hyphens,
   apostrophes, leading article), is looked up among the aliases;
2. otherwise the phrase is scanned for known sub-phrases, longest first, on
   whole tokens: people, organisations, countries (names, aliases, capitals,
   adjectives and demonyms) and non-actor phrases that hide the words they
   cover (``South China Sea``); then, on the words left — skipping country words
   so that ``ministère russe de la Défense`` still reads as one phrase — sector
   phrases (``ministère de la Défense`` → MIL);
3. a known person wins: country and sector come from the role held at ``when``
   (see :meth:`Person.role_at`: the role valid at that date, else the latest
   earlier one with lower confidence); then a person found by fuzzy and
   phonetic matching (below); then an organisation (its own code); then a
   country, coded country + sector (``Russian troops`` → ``RUSMIL``);
4. a sector without a country takes the first country of ``context``
   (low confidence), else the actor has a sector and no code.

Entities introduced by a preposition of direction (``ambassador to China``,
``l'ambassadeur de Russie en Chine``, ``auprès de l'ONU``) give way to the others.
When a phrase holds phrases of several sectors, any sector other than GOV wins
over GOV, then the longest, then the head (first in French, last in English).

Fuzzy person matching looks only at capitalised words the scan left unknown,
and only at people who (a) held a role valid at ``when`` when it is given and
(b) belong to a country named in the phrase or listed in ``context``; people
whose role is in the phrase's sector are preferred. Without such a country it
does not run, so a misspelt name with no country around it stays unresolved.

Country actors carry no ``name``; organisations and people carry their
canonical name and ``entity_id``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import numpy as np

from tocsin.actors.fuzzy import FuzzyPeople, _Pool
from tocsin.actors.kb import (
    CASE_CAPITAL,
    CASE_EXACT,
    CASE_UPPER,
    AliasEntry,
    KnowledgeBase,
    Organisation,
    Person,
    Role,
)
from tocsin.actors.text import ARTICLES, Token, Tokens, _all_upper, _norms, _starts_raws
from tocsin.records import Actor

#: phrases whose analysis is remembered (the memo is emptied when full)
_ANALYSIS_CACHE_SIZE = 50_000

#: bodies that, named without a country (and not "national"), are the international one:
#: (words in the phrase, alias of the organisation in organisations.tsv)
_UNQUALIFIED_BODIES = (("conseil de sécurité", "UN Security Council"), ("security council", "UN Security Council"))

__all__ = ["Mention", "Resolution", "Resolver"]

_ENTITY_KINDS = frozenset({"blocker", "person", "organisation", "country"})
_SECTOR_KINDS = frozenset({"sector"})
#: Words that make a role a past one: "l'ancien président ivoirien" holds no office now.
_FORMER = frozenset({"ancien", "ancienne", "anciens", "anciennes", "ex", "former"})
#: Prefixes of a country word that name a stance, not a nationality ("pro-russes", "anti-Kremlin").
_STANCE_PREFIXES = frozenset({"pro", "anti"})
#: Tokens that may stand between a sector phrase and its country ("armée de l'Ukraine").
_CONNECTORS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "s"})
#: Tokens that coordinate actors ("la Russie et la Chine", "Russia, China and Iran").
_COORDINATORS = frozenset({"et", "and", "ou", "or", "ainsi", "que", "as", "well", "plus"})
#: Prepositions that introduce a destination or counterpart rather than the actor.
_DIRECTIONAL = frozenset({
    "to", "at", "in", "into", "with", "against", "toward", "towards",
    "en", "a", "au", "aux", "vers", "avec", "contre", "dans", "chez",
})
#: Single-word country names that are also first names ("Jordan Bardella", "Israel Katz").
_FIRST_NAME_KEYS = frozenset({
    ("jordan",), ("chad",), ("georgia",), ("israel",), ("salvador",), ("sofia",), ("lima",),
})


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mentioned in a text, ``text[start:end]``."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True, slots=True)
class Resolution:
    """An actor and how it was found: ``method`` is one of ``person``, ``fuzzy-person``,
    ``organisation``, ``country``, ``context`` or ``sector``."""

    actor: Actor
    confidence: float
    method: str


class _Match(NamedTuple):
    first: int  # token index
    last: int  # token index, inclusive
    entries: tuple[AliasEntry, ...]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


@dataclass(frozen=True, slots=True)
class _Analysis:
    text: str
    tokens: Sequence[Token]
    entities: tuple[_Match, ...]
    sectors: tuple[_Match, ...]
    covered: frozenset[int]
    #: what the resolver works out from the analysis alone (its main entities, its
    #: coordinated group, its sector, its runs of capitalised words), kept with it when first
    #: read: a remembered phrase is resolved again for each article, date and context
    derived: dict[object, object] = field(default_factory=dict, compare=False, repr=False, hash=False)


class Resolver(FuzzyPeople):
    """Resolves noun phrases and finds actor mentions; stateless apart from its knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._analyses: dict[tuple[str, str], _Analysis] = {}
        #: fuzzy matches by (name runs, countries, date, sector), and the people compared
        self._fuzzy_memo: dict[tuple, tuple[Person, Role, float] | None] = {}
        self._candidate_memo: dict[tuple, _Pool] = {}
        #: each name run's scores against every name form of the knowledge base
        self._run_memo: dict[str, tuple[np.ndarray, float]] = {}
        #: the people each name run comes near (see ``_near_people``), and the person of each
        #: name form (the forms' dict it was built from, the keys)
        self._near_memo: dict[str, frozenset[str]] = {}
        self._owners: tuple[object, list[str]] | None = None
        self._forms: tuple[object, list[str], list[str], dict[str, tuple[int, int]]] | None = None
        #: (the index they were taken from, first words of its keys by kinds and language):
        #: see :meth:`_first_words`
        self._starts: tuple[object, dict[tuple[frozenset[str], str], frozenset[str]]] = (None, {})
        #: (the index they were taken from, each country's people with their roles in that
        #: country): see :meth:`_country_roles`
        self._roles_by_country: tuple[object, dict[str, tuple[tuple[Person, tuple[Role, ...]], ...]]] = (None, {})

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb

    def clear_caches(self) -> None:
        """Forget remembered phrase analyses and fuzzy matches (results do not change)."""
        self._analyses.clear()
        self._fuzzy_memo.clear()
        self._candidate_memo.clear()
        self._run_memo.clear()
        self._near_memo.clear()

    # ------------------------------------------------------------------ public API

    def resolve(self, text: str, *, lang: str, when: date | None = None,
                context: Sequence[str] = (), guess_country: bool = True) -> Actor | None:
        """The actor a noun phrase names, or None when nothing in it is known.

        With ``guess_country=False`` a bare sector phrase ("le gouvernement") is not
        given the first country of ``context``; it comes back without a code.
        """
        found = self.resolve_scored(text, lang=lang, when=when, context=context, guess_country=guess_country)
        return found.actor if found else None

    def resolve_scored(self, text: str, *, lang: str, when: date | None = None,
                       context: Sequence[str] = (), guess_country: bool = True) -> Resolution | None:
        """As :meth:`resolve`, with a confidence in [0, 1] and the method used."""
        if not text or not text.strip():
            return None
        exact = self._exact(text.strip(), lang)
        if exact is not None:
            entry = self._choose(exact, context, when)
            if entry.kind == "blocker":
                return None
            if entry.kind != "sector":
                return self._from_entry(text, entry, None, when, context, ())
        a = self._analyse(text, lang)
        return self._resolve_analysis(a, lang, when, context, guess_country)

    def resolve_many(self, text: str, *, lang: str, when: date | None = None,
                     context: Sequence[str] = (), guess_country: bool = True) -> list[Actor]:
        """Every actor a coordinated phrase names under one head.

        ``les ministres de la défense de la Russie et de la Chine`` → ``[RUSMIL, CHNMIL]``;
        ``the US and its allies`` → ``[USA]``; an unknown phrase → ``[]``.
        """
        if not text or not text.strip():
            return []
        a = self._analyse(text, lang)
        group = self._coordinated(a)
        if len(group) >= 2:
            sector = self._sector_of(a, lang)
            phrase_countries = self._phrase_countries(a, context, when)
            actors: list[Actor] = []
            for m in group:
                entry = self._choose(m.entries, context, when)
                found = self._from_entry(text, entry, sector, when, context, phrase_countries)
                if found is not None and found.actor not in actors:
                    actors.append(found.actor)
            if len(actors) >= 2:
                return actors
        single = self._resolve_analysis(a, lang, when, context, guess_country)
        return [single.actor] if single else []

    def find_mentions(self, text: str, *, lang: str, when: date | None = None) -> list[Mention]:
        """All known actor mentions in ``text`` (a sentence or more), in order.

        People, organisations and countries are found on whole tokens; a sector
        phrase next to a country joins it (``l'armée ukrainienne`` → UKRMIL,
        ``Russia's defence ministry`` → RUSMIL), and such a descriptor right
        before a person's name joins the person (``Russian President Vladimir Putin``).
        No fuzzy matching is done here.
        """
        a = self._analyse(text, lang)
        tokens = a.tokens
        starts, raws = _starts_raws(tokens)
        used_sectors: set[int] = set()
        spans: list[tuple[int, int, Actor, str]] = []  # first token, last token, actor, kind
        sector_firsts = [s.first for s in a.sectors]
        sector_lasts = [s.last for s in a.sectors]
        # the actor of an entry with a sector is the same wherever the entry recurs in the text
        # (only its code, country, sector, name and entity are read below: the text is the mention's)
        built: dict[tuple[int, str | None], tuple[AliasEntry, Actor | None]] = {}
        for m in a.entities:
            entry = self._choose(m.entries, (), when)
            if entry.kind == "blocker":
                continue
            first, last = m.first, m.last
            sector: str | None = None
            reach = _connector_run_start(tokens, m.first)
            # sectors are in text order without overlap: only those from the first ending at
            # ``reach - 1`` or later to the last starting by ``m.last + 2`` can be in reach
            for si in range(bisect_left(sector_lasts, reach - 1), bisect_right(sector_firsts, m.last + 2)):
                s = a.sectors[si]
                if _out_of_reach(s, m, reach):
                    continue
                if si in used_sectors or not self._attached(a, s, m, entry.kind):
                    continue
                used_sectors.add(si)
                first, last = min(first, s.first), max(last, s.last)
                if entry.kind == "country":
                    sector = s.entries[0].ref
                break
            made = built.get((id(entry), sector))
            if made is None or made[0] is not entry:
                found = self._from_entry(text[starts[first]:starts[last] + len(raws[last])], entry, sector,
                                         when, (), ())
                made = built[(id(entry), sector)] = (entry, found.actor if found is not None else None)
            if made[1] is not None:
                spans.append((first, last, made[1], entry.kind))
        spans.sort(key=lambda s: s[0])
        merged: list[tuple[int, int, Actor, str]] = []
        for span in spans:
            if merged and span[3] == "person" and merged[-1][3] == "country":
                prev = merged[-1]
                gap = text[starts[prev[1]] + len(raws[prev[1]]):starts[span[0]]]
                if (not gap.strip(" ,") and prev[2].country == span[2].country
                        and prev[2].sector is not None):
                    merged[-1] = (prev[0], span[1], span[2], "person")
                    continue
            merged.append(span)
        out: list[Mention] = []
        for first, last, actor, _ in merged:
            start, end = starts[first], starts[last] + len(raws[last])
            out.append(Mention(start, end, text[start:end],
                               Actor(text[start:end], actor.code, actor.country, actor.sector,
                                     actor.name, actor.entity_id)))
        return out

    # ------------------------------------------------------------------ analysis

    def _exact(self, phrase: str, lang: str) -> tuple[AliasEntry, ...] | None:
        entries = self._kb.exact.get(phrase)
        if not entries:
            return None
        ok = tuple(e for e in entries if self._lang_ok(e, lang))
        return ok or None

    @staticmethod
    def _lang_ok(entry: AliasEntry, lang: str) -> bool:
        return not entry.lang or entry.lang == lang or lang not in ("en", "fr")

    @staticmethod
    def _case_ok(entry: AliasEntry, tokens: Sequence[Token], relaxed: bool) -> bool:
        if entry.case == CASE_UPPER:
            return all(t.upper for t in tokens)
        if entry.case == CASE_EXACT:
            return len(tokens) == 1 and tokens[0].raw == entry.form
        if entry.case == CASE_CAPITAL and not relaxed:
            return tokens[0].capitalised
        return True

    def _scan(self, words: Sequence[str | None], positions: Sequence[int], tokens: Sequence[Token],
              lang: str, relaxed: bool, kinds: frozenset[str]) -> list[_Match]:
        """Leftmost-longest matches over ``words`` (folded tokens, None as a wall);
        ``positions[k]`` is the token index of ``words[k]``."""
        index, prefixes, max_len = self._kb.index, self._kb.prefixes, self._kb.max_tokens
        starts = self._first_words(kinds, lang)
        out: list[_Match] = []
        n = len(words)
        i = 0
        while i < n:
            if words[i] not in starts:  # a wall (None) or a word no key starts with
                i += 1
                continue
            found: tuple[int, tuple[AliasEntry, ...], tuple[str, ...]] | None = None
            key: tuple[str, ...] = ()
            for j in range(i, min(n, i + max_len)):
                word = words[j]
                if word is None:
                    break
                key = (*key, word)
                entries = index.get(key)
                if entries:
                    ok = self._usable(entries, kinds, lang, relaxed, tokens, positions[i:j + 1])
                    if ok:
                        found = (j, ok, key)
                if key not in prefixes:
                    break
            if found is None:
                i += 1
                continue
            j, entries, found_key = found
            first, last = positions[i], positions[j]
            if (entries[0].kind == "country" and found_key in _FIRST_NAME_KEYS
                    and self._followed_by_name(tokens, last)):
                i += 1
                continue
            if _bare_number(found_key, tokens, first):
                i += 1
                continue
            out.append(_Match(first, last, entries))
            i = j + 1
        return out

    def _usable(self, entries: Sequence[AliasEntry], kinds: frozenset[str], lang: str, relaxed: bool,
                tokens: Sequence[Token], positions: Sequence[int]) -> tuple[AliasEntry, ...]:
        """The entries of a key found at ``positions`` whose kind, language and case rule
        hold (the tokens are read only for an entry with a case rule to test)."""
        ok: list[AliasEntry] = []
        for e in entries:
            if e.kind not in kinds or not self._lang_ok(e, lang):
                continue
            if e.case == CASE_EXACT and not self._case_ok(e, [tokens[k] for k in positions], relaxed):
                continue  # "AfD" is not "AFD"
            if e.case == CASE_UPPER or (e.case == CASE_CAPITAL and not relaxed):
                if isinstance(tokens, Tokens):  # the raw words, as Token.upper/.capitalised read them
                    raws = tokens.raws
                    if e.case == CASE_UPPER:
                        if not all(_all_upper(raws[k]) for k in positions):
                            continue
                    elif not raws[positions[0]][:1].isupper():
                        continue
                elif not self._case_ok(e, [tokens[k] for k in positions], relaxed):
                    continue
            ok.append(e)
        return tuple(ok)

    def _first_words(self, kinds: frozenset[str], lang: str) -> frozenset[str]:
        """The first words of the index keys that have an entry of one of ``kinds`` for
        ``lang`` (built once per index, kinds and language).

        A scan position whose word is not among them matches nothing: every key read
        from there starts with that word, and a key's entries of other kinds or
        languages are never kept."""
        index = self._kb.index
        held, words = self._starts
        if held is not index:
            words = {}
            self._starts = (index, words)
        found = words.get((kinds, lang))
        if found is None:
            found = words[(kinds, lang)] = frozenset(
                key[0] for key, entries in index.items()
                if key and any(e.kind in kinds and self._lang_ok(e, lang) for e in entries))
        return found

    @staticmethod
    def _followed_by_name(tokens: Sequence[Token], last: int) -> bool:
        if last + 1 >= len(tokens):
            return False
        nxt = tokens[last + 1]
        return nxt.start == tokens[last].end + 1 and nxt.capitalised and not nxt.upper

    def _analyse(self, text: str, lang: str) -> _Analysis:
        """The phrase's tokens and known matches; memoised, as coding asks for the same
        phrases again and again."""
        key = (text, lang)
        found = self._analyses.get(key)
        if found is None:
            if len(self._analyses) >= _ANALYSIS_CACHE_SIZE:
                self._analyses.clear()
            found = self._analyses[key] = self._analyse_uncached(text, lang)
        return found

    def _analyse_uncached(self, text: str, lang: str) -> _Analysis:
        tokens = Tokens(text)
        norms = tokens.norms
        relaxed = not any(c.isupper() for c in text)
        entities = self._scan(norms, range(len(norms)), tokens, lang, relaxed, _ENTITY_KINDS)
        # "des manifestants pro-palestiniens", "un média anti-Kremlin": a stance, not the actor's country
        entities = [m for m in entities if not _stance(tokens, m.first)]
        country_tokens: set[int] = set()
        walls: set[int] = set()
        for m in entities:
            target = country_tokens if m.kind == "country" else walls
            target.update(range(m.first, m.last + 1))
        # the words left for sector phrases: country words skipped, other entities as walls
        positions: Sequence[int] = range(len(norms))
        words: Sequence[str | None] = norms
        if country_tokens:
            positions = [i for i in positions if i not in country_tokens]
        if walls or country_tokens:
            words = [None if i in walls else norms[i] for i in positions]
        sectors = self._scan(words, positions, tokens, lang, True, _SECTOR_KINDS)
        # "l'ancien président ivoirien", "l'ex-ministre de la Défense": no office held now
        # (guideline: people take the country and sector they have on the publication date)
        kept = [s for s in sectors if not (s.first > 0 and norms[s.first - 1] in _FORMER)]
        former = len(kept) < len(sectors)
        sectors = kept
        covered = set(country_tokens) | walls
        for s in sectors:
            covered.update(range(s.first, s.last + 1))
        found = _Analysis(text, tokens, tuple(entities), tuple(sectors), frozenset(covered))
        if former:
            found.derived["former"] = True
        return found

    # ------------------------------------------------------------------ choosing

    def _entry_countries(self, entry: AliasEntry, when: date | None) -> set[str]:
        if entry.kind == "country":
            return {entry.ref}
        if entry.kind == "organisation":
            country = self._kb.organisations[entry.ref].coded_at(when)[1]
            return {country} if country else set()
        if entry.kind == "person":
            person = self._kb.people[entry.ref]
            return {r.country for r in person.roles
                    if r.country and (when is None or r.valid_at(when))}
        return set()

    def _choose(self, entries: Sequence[AliasEntry], context: Sequence[str],
                when: date | None) -> AliasEntry:
        """The best entry of one match: the strongest kind, then salience in ``context``."""
        top = [e for e in entries if e.kind == entries[0].kind]
        if len(top) == 1:
            return top[0]

        def score(item: tuple[int, AliasEntry]) -> tuple[int, int, int]:
            pos, e = item
            countries = self._entry_countries(e, when)
            salient = min((context.index(c) for c in countries if c in context), default=len(context))
            valid = 1
            if e.kind == "person" and when is not None:
                valid = 0 if any(r.valid_at(when) for r in self._kb.people[e.ref].roles) else 1
            return (valid, salient, pos)

        return min(enumerate(top), key=score)[1]

    @staticmethod
    def _pick_sector(sectors: Sequence[_Match], lang: str) -> str | None:
        if not sectors:
            return None
        pool = [s for s in sectors if s.entries[0].ref != "GOV"] or list(sectors)
        longest = max(s.last - s.first for s in pool)
        pool = [s for s in pool if s.last - s.first == longest]
        head = pool[0] if lang == "fr" else pool[-1]
        return head.entries[0].ref

    @staticmethod
    def _directional(tokens: Sequence[Token], first: int) -> bool:
        norms = _norms(tokens)
        i = first - 1
        while i >= 0 and norms[i] in ARTICLES:
            i -= 1
        if i < 0:
            return False
        if norms[i] in _DIRECTIONAL:
            return True
        return (norms[i] in {"de", "d", "du", "des"} and i > 0
                and norms[i - 1] in {"aupres", "pres"})

    def _sector_of(self, a: _Analysis, lang: str) -> str | None:
        """:meth:`_pick_sector` of the analysis's sector phrases, remembered with it."""
        key = ("sector", lang)
        derived = a.derived
        if key in derived:
            return derived[key]  # type: ignore[return-value]
        found = derived[key] = self._pick_sector(a.sectors, lang)
        return found

    def _primary(self, a: _Analysis) -> list[_Match]:
        """The entities not introduced by a preposition of direction (all of them when every
        one is), remembered with the analysis; the list is not to be changed."""
        found = a.derived.get("primary")
        if found is None:
            entities = [m for m in a.entities if m.kind != "blocker"]
            primary = [m for m in entities if not self._directional(a.tokens, m.first)]
            found = a.derived["primary"] = primary or entities
        return found  # type: ignore[return-value]

    def _phrase_countries(self, a: _Analysis, context: Sequence[str],
                          when: date | None) -> tuple[str, ...]:
        out: list[str] = []
        for m in a.entities:
            if m.kind in ("country", "organisation"):
                for c in sorted(self._entry_countries(self._choose(m.entries, context, when), when)):
                    if c not in out:
                        out.append(c)
        return tuple(out)

    # ------------------------------------------------------------------ building actors

    @staticmethod
    def _country_code(country: str | None, sector: str | None) -> str | None:
        if country is None:
            return None
        return country + (sector or "")

    def _person_actor(self, text: str, person: Person, role: Role) -> Actor:
        code = role.code or self._country_code(role.country, role.sector) or role.sector
        return Actor(text, code, role.country, role.sector, person.name, person.entity_id)

    @staticmethod
    def _org_actor(text: str, org: Organisation, when: date | None = None) -> Actor:
        code, country, sector = org.coded_at(when)
        return Actor(text, code, country, sector, org.name, org.entity_id)

    def _from_entry(self, text: str, entry: AliasEntry, sector: str | None, when: date | None,
                    context: Sequence[str], phrase_countries: Sequence[str],
                    former: str | None = None) -> Resolution | None:
        if entry.kind == "person":
            person = self._kb.people[entry.ref]
            role, confidence = person.role_at(when, sector)
            actor = self._person_actor(text, person, role)
            if when is not None and role.end is not None and role.end < when and role.country and not role.code:
                # a role that ended before the article: the person keeps the country, not the office,
                # unless the phrase gives the office itself ("le président Bazoum", "l'opposant Navalny")
                actor = Actor(text, self._country_code(role.country, sector), role.country, sector,
                              person.name, person.entity_id)
            return Resolution(actor, 0.95 * confidence, "person")
        if entry.kind == "organisation":
            return Resolution(self._org_actor(text, self._kb.organisations[entry.ref], when), 0.9,
                              "organisation")
        if entry.kind == "country":
            code = self._country_code(entry.ref, sector)
            return Resolution(Actor(text, code, entry.ref, sector, former), 0.85 if sector else 0.8,
                              "country")
        return None

    def _resolve_analysis(self, a: _Analysis, lang: str, when: date | None,
                          context: Sequence[str], guess_country: bool = True) -> Resolution | None:
        text = a.text
        sector = self._sector_of(a, lang)
        primary = self._primary(a)
        phrase_countries = self._phrase_countries(a, context, when)
        persons = [m for m in primary if m.kind == "person"]
        if persons:
            entry = self._choose(persons[0].entries, tuple(phrase_countries) + tuple(context), when)
            return self._from_entry(text, entry, sector, when, context, phrase_countries)
        fuzzy = self._fuzzy(a, [*phrase_countries, *(c for c in context if c not in phrase_countries)],
                            when, sector)
        if fuzzy is not None:
            person, role, score = fuzzy
            return Resolution(self._person_actor(text, person, role), round(0.85 * score, 3),
                              "fuzzy-person")
        for kind in ("organisation", "country"):
            found = [m for m in primary if m.kind == kind]
            if found:
                entry = self._choose(found[0].entries, context, when)
                return self._from_entry(text, entry, sector, when, context, phrase_countries,
                                        self._former_name(a))
        if sector is None:
            if a.derived.get("former"):
                # "un ancien ministre": a person out of office, country unknown (the coder may place it)
                return Resolution(Actor(text, None, None, None, self._former_name(a)), 0.3, "former")
            return None
        if context and guess_country:
            return Resolution(Actor(text, context[0] + sector, context[0], sector), 0.5, "context")
        low = a.text.lower()
        for phrase, alias in _UNQUALIFIED_BODIES:
            if phrase in low and sector == "GOV" and "nationa" not in low:
                # "le Conseil de sécurité" with no country named is the UN's in news text
                entry = self._exact(alias, lang)
                if entry:
                    return self._from_entry(text, self._choose(entry, context, when), None, when, context, ())
        return Resolution(Actor(text, None, None, sector), 0.3, "sector")

    @staticmethod
    def _former_name(a: _Analysis) -> str | None:
        """A person who held a role named in the phrase ("l'ancien président ivoirien Laurent
        Gbagbo"): the name as written, else the phrase; None when the phrase names no past role.
        The name keeps the person apart from the office they left (:func:`same_actor`)."""
        if not a.derived.get("former"):
            return None
        words = [t.raw for i, t in enumerate(a.tokens) if i not in a.covered and t.capitalised and i > 0]
        return " ".join(words) or a.text

    # ------------------------------------------------------------------ coordination

    def _coordinated(self, a: _Analysis) -> list[_Match]:
        """The coordinated entities the phrase starts with (remembered with the analysis; the
        list is not to be changed)."""
        found = a.derived.get("coordinated")
        if found is None:
            found = a.derived["coordinated"] = self._coordinated_uncached(a)
        return found  # type: ignore[return-value]

    def _coordinated_uncached(self, a: _Analysis) -> list[_Match]:
        entities = [m for m in a.entities if m.kind != "blocker"]
        if len(entities) < 2:
            return []
        start = next((k for k, m in enumerate(entities)
                      if not self._directional(a.tokens, m.first)), 0)
        group = [entities[start]]
        for m in entities[start + 1:]:
            prev = group[-1]
            gap_tokens = a.tokens[prev.last + 1:m.first]
            gap_text = a.text[a.tokens[prev.last].end:a.tokens[m.first].start]
            words = {t.norm for t in gap_tokens}
            # "la Russie et la Chine", "Russia, China", "Israeli-Palestinian", "russe-turques"
            coordinated = bool(words & _COORDINATORS) or any(ch in gap_text for ch in ",&/") or gap_text == "-"
            allowed = words <= (_COORDINATORS | _CONNECTORS)
            if coordinated and allowed:
                group.append(m)
            else:
                break
        return group

    @staticmethod
    def _attached(a: _Analysis, sector: _Match, entity: _Match, kind: str) -> bool:
        """Whether a sector phrase describes the entity next to (or, for a country, inside) it.

        Countries and organisations take a sector phrase before them, with only
        connectors between (``armée de l'Ukraine``, ``porte-parole du Pentagone``),
        or right after them (``Russian troops``, ``Russia's defence ministry``);
        a person takes only a title right before the name (``le président Emmanuel Macron``).
        """
        norms = _norms(a.tokens)
        if kind == "country" and sector.first <= entity.first and entity.last <= sector.last:
            return True
        if sector.last < entity.first:
            gap = norms[sector.last + 1:entity.first]
            if kind == "person":
                starts, raws = _starts_raws(a.tokens)
                end = starts[sector.last] + len(raws[sector.last])
                return not gap and not a.text[end:starts[entity.first]].strip()
            return all(n in _CONNECTORS and n != "s" for n in gap)
        if entity.last < sector.first and kind != "person":
            gap = norms[entity.last + 1:sector.first]
            return all(n == "s" for n in gap) and len(gap) <= 1
        return False


def _stance(tokens: Sequence[Token], first: int) -> bool:
    """Whether the entity at ``first`` is hyphened to "pro"/"anti" ("pro-russes")."""
    if first == 0:
        return False
    before = tokens[first - 1]
    return before.norm in _STANCE_PREFIXES and tokens[first].start == before.end + 1


def _connector_run_start(tokens: Sequence[Token], first: int) -> int:
    """The start of the run of connector words right before token ``first`` (``first``
    when there is none): a sector phrase ending before it is never attached (see
    ``Resolver._attached``: only connectors, "s" excepted, may stand between)."""
    norms = _norms(tokens)
    k = first
    while k > 0 and norms[k - 1] in _CONNECTORS and norms[k - 1] != "s":
        k -= 1
    return k


def _out_of_reach(sector: _Match, entity: _Match, reach: int) -> bool:
    """True when ``Resolver._attached`` cannot hold: the sector phrase starts more than one
    token after the entity, or ends before ``reach`` (:func:`_connector_run_start`)."""
    return sector.first > entity.last + 2 or sector.last + 1 < reach



def _bare_number(key: tuple[str, ...], tokens: Sequence[Token], first: int) -> bool:
    """A key that is only a number ("27": the EU) is a name only after "les", "des", "the"."""
    return (len(key) == 1 and key[0].isdigit()
            and (first == 0 or tokens[first - 1].norm not in ("les", "des", "aux", "the")))
