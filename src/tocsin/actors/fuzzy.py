"""Fuzzy matching of person names: a run of capitalised words against the name forms of
the knowledge base's people ("Lee Shanfe" → Li Shangfu, "Poutin" → Putin).

:class:`FuzzyPeople` is mixed into :class:`tocsin.actors.resolver.Resolver`, whose
``__init__`` holds the memos it uses (``_fuzzy_memo``, ``_candidate_memo``, ``_run_memo``,
``_near_memo``, ``_forms``, ``_owners``, ``_roles_by_country``) and whose phrase analyses it reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import jellyfish
import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler
from rapidfuzz.process import cdist

from tocsin.actors.kb import Person, Role
from tocsin.actors.text import Tokens

if TYPE_CHECKING:
    from tocsin.actors.resolver import _Analysis

#: fuzzy matches remembered (by name runs, countries, date and sector)
_MATCH_CACHE_SIZE = 50_000
#: candidate sets of fuzzy matching remembered (by countries, date and sector)
_CANDIDATE_CACHE_SIZE = 2_000
#: name runs whose scores against every person's name forms are remembered
_RUN_CACHE_SIZE = 2_000

#: Capitalised words that are never part of a person's name.
_FUZZY_STOP = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "the", "a", "an", "of",
    "and", "mr", "mrs", "ms", "m", "mme", "mlle", "dr", "sir", "monsieur", "madame", "lord",
    "gen", "general", "col", "lt", "adm", "president", "chef", "head", "ce", "cette", "this",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "janvier", "fevrier", "mars", "avril", "mai", "juin",
    "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "selon", "according", "said", "says",
})
_FUZZY_THRESHOLD = 0.75
_FUZZY_MARGIN = 0.04
_SECTOR_BONUS = 0.03

#: how alike the last words must be for a fuzzy person match (transliterations such as
#: "Shanfe"/"Shangfu" or "Pachinian"/"Pashinyan" score 0.8 and more, unrelated surnames under 0.5)
_SURNAME_THRESHOLD = 0.6


@dataclass(frozen=True, slots=True)
class _Pool:
    """The people fuzzy matching compares a name with, for given countries, date and sector."""

    candidates: dict[str, tuple[Person, Role]]  # person key → (person, role it would hold)
    keys: list[str]
    forms: list[str]  # every name form of every person, person after person
    phones: list[str]  # the metaphone of each form
    starts: list[int]  # where each person's forms start in ``forms``
    bonus: np.ndarray  # the sector bonus of each person
    columns: np.ndarray  # where ``forms`` lie among all the knowledge base's forms (_all_forms)


class FuzzyPeople:
    """Fuzzy person matching over the knowledge base (see the module docstring)."""

    def _name_runs(self, a: _Analysis) -> list[str]:
        """The runs of capitalised words left unknown by the scan, joined (at most four words
        each), remembered with the analysis; the list is not to be changed."""
        found = a.derived.get("name_runs")
        if found is None:
            found = a.derived["name_runs"] = self._name_runs_uncached(a)
        return found  # type: ignore[return-value]

    def _name_runs_uncached(self, a: _Analysis) -> list[str]:
        tokens = a.tokens
        if isinstance(tokens, Tokens):
            raws, norms, starts = tokens.raws, tokens.norms, tokens.starts
        else:
            raws, norms, starts = [t.raw for t in tokens], [t.norm for t in tokens], [t.start for t in tokens]
        covered, text = a.covered, a.text
        runs: list[list[int]] = []
        current: list[int] = []
        for i, norm in enumerate(norms):
            ok = (i not in covered and raws[i][:1].isupper() and len(norm) >= 2
                  and norm not in _FUZZY_STOP and not norm.isdigit())
            if ok and current:
                last = current[-1]
                if text[starts[last] + len(raws[last]):starts[i]].strip(" -"):
                    runs.append(current)
                    current = []
            if ok:
                current.append(i)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        out = []
        for run in runs:
            joined = " ".join(norms[i] for i in run[:4])
            if len(joined.replace(" ", "")) >= 4:
                out.append(joined)
        return out

    def _similarities(self, runs: Sequence[str], pool: _Pool) -> np.ndarray:
        """How much each run of capitalised words looks like each person of ``pool``: the
        best, over the person's name forms, of the mean of edit ratio, Jaro-Winkler and
        Jaro-Winkler of the metaphone keys. Rows are ``runs``, columns ``pool.keys``;
        computed in bulk."""
        run_phones = [_metaphone(run) for run in runs]
        scores = (cdist(runs, pool.forms, scorer=fuzz.ratio, dtype=np.float64) / 100
                  + cdist(runs, pool.forms, scorer=JaroWinkler.normalized_similarity, dtype=np.float64)
                  + cdist(run_phones, pool.phones, scorer=JaroWinkler.normalized_similarity,
                          dtype=np.float64)) / 3
        best = np.maximum.reduceat(scores, pool.starts, axis=1)
        return best

    def _surname_close(self, run: str, key: str) -> bool:
        """The last word of the run looks like the last word of one of the person's name forms
        (same measure as :meth:`_similarities`, on the surnames alone)."""
        last = run.rsplit(" ", 1)[-1]
        phone = _metaphone(last)
        for form, _ in self._kb.person_forms[key]:
            other = form.rsplit(" ", 1)[-1]
            score = (fuzz.ratio(last, other) / 100 + JaroWinkler.normalized_similarity(last, other)
                     + JaroWinkler.normalized_similarity(phone, _metaphone(other))) / 3
            if score >= _SURNAME_THRESHOLD:
                return True
        return False

    def _pool_similarities(self, runs: Sequence[str], pool: _Pool) -> np.ndarray:
        """:meth:`_similarities`, read from each run's scores against every name form of the
        knowledge base (computed once per run: each score depends on its two strings only)."""
        rows = [self._run_scores(run)[0][pool.columns] for run in runs]
        return np.maximum.reduceat(np.vstack(rows), pool.starts, axis=1)

    def _all_forms(self) -> tuple[list[str], list[str], dict[str, tuple[int, int]]]:
        """Every person's name forms and their metaphones, person after person, and where
        each person's forms lie in those lists (built once per knowledge base)."""
        held = self._forms
        if held is None or held[0] is not self._kb.person_forms:
            forms: list[str] = []
            phones: list[str] = []
            where: dict[str, tuple[int, int]] = {}
            for key, pairs in self._kb.person_forms.items():
                start = len(forms)
                for form, phone in pairs:
                    forms.append(form)
                    phones.append(phone)
                where[key] = (start, len(forms))
            held = self._forms = (self._kb.person_forms, forms, phones, where)
        return held[1], held[2], held[3]

    def _form_owners(self) -> list[str]:
        """The person (key) of each name form of :meth:`_all_forms`, in the same order."""
        _, _, where = self._all_forms()
        held = self._owners
        if held is None or held[0] is not where:
            owners = [""] * sum(end - start for start, end in where.values())
            for key, (start, end) in where.items():
                owners[start:end] = [key] * (end - start)
            held = self._owners = (where, owners)
        return held[1]

    def _run_scores(self, run: str) -> tuple[np.ndarray, float]:
        """The run's score against every name form (:meth:`_all_forms`), and the best of them."""
        memo = self._run_memo
        found = memo.get(run)
        if found is None:
            forms, phones, _ = self._all_forms()
            scores = ((cdist([run], forms, scorer=fuzz.ratio, dtype=np.float64) / 100
                       + cdist([run], forms, scorer=JaroWinkler.normalized_similarity, dtype=np.float64)
                       + cdist([_metaphone(run)], phones, scorer=JaroWinkler.normalized_similarity,
                               dtype=np.float64)) / 3)[0]
            found = (scores, float(scores.max()) if len(scores) else -1.0)
            if len(memo) >= _RUN_CACHE_SIZE:
                memo.clear()
            memo[run] = found
        return found

    def _fuzzy(self, a: _Analysis, countries: Sequence[str], when: date | None,
               sector: str | None) -> tuple[Person, Role, float] | None:
        if not countries:
            return None
        runs = self._name_runs(a)
        if not runs:
            return None
        key = (tuple(runs), tuple(countries), when, sector)
        memo = self._fuzzy_memo
        if key in memo:
            return memo[key]
        if len(memo) >= _MATCH_CACHE_SIZE:
            memo.clear()
        found = memo[key] = self._fuzzy_runs(runs, key[1], when, sector)
        return found

    def _candidates(self, countries: tuple[str, ...], when: date | None, sector: str | None) -> _Pool:
        """The people fuzzy matching compares with, the role each would hold and their
        name forms (remembered: an article asks again and again with the same countries
        and date)."""
        key = (countries, when, sector)
        found = self._candidate_memo.get(key)
        if found is not None:
            return found
        candidates: dict[str, tuple[Person, Role]] = {}
        for country in countries:
            for person, held in self._country_roles(country):
                if person.key in candidates:
                    continue
                roles = list(held) if when is None else [r for r in held if r.valid_at(when)]
                if roles:
                    roles.sort(key=lambda r: (r.sector == sector, r.start or date.min))
                    candidates[person.key] = (person, roles[-1])
        keys = list(candidates)
        forms: list[str] = []
        phones: list[str] = []
        starts: list[int] = []
        for person_key in keys:  # every person in the knowledge base has at least one name form
            starts.append(len(forms))
            for form, phone in self._kb.person_forms[person_key]:
                forms.append(form)
                phones.append(phone)
        bonus = np.array([_SECTOR_BONUS if sector is not None and candidates[k][1].sector == sector
                          else 0.0 for k in keys])
        _, _, where = self._all_forms()
        columns = np.array([k for key in keys for k in range(*where[key])], dtype=np.intp)
        found = _Pool(candidates, keys, forms, phones, starts, bonus, columns)
        if len(self._candidate_memo) >= _CANDIDATE_CACHE_SIZE:
            self._candidate_memo.clear()
        self._candidate_memo[key] = found
        return found

    def _country_roles(self, country: str) -> tuple[tuple[Person, tuple[Role, ...]], ...]:
        """The people of ``country`` (knowledge base order) that hold a role there, each with
        those roles in their own order; people with no role in the country are left out
        (fuzzy matching would skip them). Built once per country and knowledge base."""
        index, table = self._roles_by_country
        if index is not self._kb.people_by_country:
            table = {}
            self._roles_by_country = (self._kb.people_by_country, table)
        found = table.get(country)
        if found is None:
            pairs = []
            for person in self._kb.people_by_country.get(country, ()):
                roles = tuple(r for r in person.roles if r.country == country)
                if roles:
                    pairs.append((person, roles))
            found = table[country] = tuple(pairs)
        return found

    def _near_people(self, run: str) -> frozenset[str]:
        """The people (keys) with a name form that reaches the threshold against ``run`` with
        the sector bonus: only they can be the best match of a phrase with this run
        (remembered, as the run's scores are)."""
        memo = self._near_memo
        found = memo.get(run)
        if found is None:
            scores = self._run_scores(run)[0]
            owners = self._form_owners()
            found = frozenset(owners[k] for k in np.flatnonzero(scores + _SECTOR_BONUS >= _FUZZY_THRESHOLD))
            if len(memo) >= _RUN_CACHE_SIZE:
                memo.clear()
            memo[run] = found
        return found

    def _any_candidate(self, keys: frozenset[str], countries: tuple[str, ...], when: date | None) -> bool:
        """Whether one of the people ``keys`` is among :meth:`_candidates` for ``countries``
        and ``when`` (the same test: a role in one of the countries, valid at ``when``)."""
        for country in countries:
            for person, held in self._country_roles(country):
                if person.key in keys and (when is None or any(r.valid_at(when) for r in held)):
                    return True
        return False

    def _fuzzy_runs(self, runs: list[str], countries: tuple[str, ...], when: date | None,
                    sector: str | None) -> tuple[Person, Role, float] | None:
        if max(self._run_scores(run)[1] for run in runs) + _SECTOR_BONUS < _FUZZY_THRESHOLD:
            # no person of the knowledge base comes near, with the sector bonus: whoever the
            # candidates, the best score stays under the threshold
            return None
        near = frozenset().union(*(self._near_people(run) for run in runs))
        if not self._any_candidate(near, countries, when):
            # the people who come near are none of the candidates: every candidate's best score,
            # with any bonus, stays under the threshold (no pool needs to be built and scored)
            return None
        pool = self._candidates(countries, when, sector)
        candidates, keys = pool.candidates, pool.keys
        if not candidates:
            return None
        similarity = self._pool_similarities(runs, pool)
        bonus = pool.bonus
        # the best (score, key) pair over every run and person (ties: the greatest key), and
        # the best score of any other person: the same as sorting every pair
        best = (similarity + bonus).max(axis=0)
        top = float(best.max())
        j_top = max((j for j in np.flatnonzero(best == top)), key=lambda j: keys[j])
        key = keys[j_top]
        runner_up = float(np.delete(best, j_top).max()) if len(keys) > 1 else 0.0
        run = int(np.argmax(similarity[:, j_top]))  # the run that scored the top pair
        if top < _FUZZY_THRESHOLD or top - runner_up < _FUZZY_MARGIN:
            return None
        if not self._surname_close(runs[run], key):
            return None  # "Roman Protassevitch" is not "Roman Golovchenko": a shared first name is not enough
        person, role = candidates[key]
        return person, role, min(top, 1.0)


@lru_cache(maxsize=8192)
def _metaphone(run: str) -> str:
    return jellyfish.metaphone(run)
