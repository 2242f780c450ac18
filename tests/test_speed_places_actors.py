"""Speed shortcuts of place matching, text folding, actor mentions and fuzzy names compute
exactly what the plain computations they replace compute (the coder's own shortcuts are in
test_coder_speed.py)."""

from __future__ import annotations

import unicodedata

import pytest

from sample_texts import texts_by_language
from tocsin.actors import resolver as resolver_module
from tocsin.actors.text import fold, normalise
from tocsin.places import find_places, load_gazetteer, place_key
from tocsin.places import match as match_module
from tocsin.places.gazetteer import _APOSTROPHES, _SPACES

WORDS = ["Kiïv", "KIIV", "Ivano-Frankivsk", "L'Ukraine", "l’armée", "U.S.", "St. Petersburg", " Œuvre ",
         "São Paulo", "Zürich", "İstanbul", "ß", "Straße", "Łódź", "Ærø", "x\u0301y", "…", "", " . ", "a`b",
         "Saint‐Jean–de–Luz", "Nouvelle-Orléans", "ﬁnance", "Ⅻ", "Ｔokyo"]


def _place_key_reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip(" .")


def _fold_reference(word: str) -> str:
    from tocsin.actors.text import _LIGATURES

    decomposed = unicodedata.normalize("NFKD", word.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@pytest.mark.parametrize("text", WORDS)
def test_place_key_and_fold_match_the_character_by_character_forms(text: str) -> None:
    assert place_key(text) == _place_key_reference(text)
    fold.cache_clear()
    assert fold(text) == _fold_reference(text)


def test_every_indexed_name_passes_the_first_word_test() -> None:
    """Each index key a look-up can reach (its own ``place_key``), split into words: its
    first word must pass, and for a key of several words the several-words test too."""
    gazetteer = load_gazetteer()
    checked = 0
    for key in gazetteer.index:
        words = key.split(" ")
        if place_key(key) != key:
            continue  # no text folds to it: never matched
        assert match_module._may_start_name(words[0], gazetteer), key
        if len(words) > 1:
            assert match_module._may_start_name(words[0], gazetteer, several=True), key
        checked += 1
    assert checked > 0.9 * len(gazetteer.index)
    assert not match_module._may_start_name("Macronville-sur-Zzyx", gazetteer)
    assert match_module._may_start_name("L'", gazetteer)  # glued to the next word: never ruled out


SENTENCES = {
    "fr": [
        "Des frappes ont visé la région de Kharkiv et les faubourgs de Saint-Pétersbourg mardi.",
        "Le ministre s'est rendu à Varsovie, puis à New Delhi et au Caire, selon l'AFP.",
        "L'Ukraine a accusé Moscou d'avoir bombardé Kiïv et Ivano-Frankivsk.",
        "Paris, Texas, n'est pas Paris ; la Garde nationale a quitté Port-au-Prince.",
    ],
    "en": [
        "Russian troops shelled the outskirts of Kherson and St. Petersburg, Florida, on Monday.",
        "The U.S. State Department said talks in Los Angeles and Rio de Janeiro would resume.",
        "George Washington did not visit Washington; the Washington Post reported it from Atlanta, Georgia.",
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_place_matching_finds_what_trying_every_ngram_finds(engine, lang: str, monkeypatch) -> None:
    gazetteer = engine.coder.gazetteer
    docs = list(engine.pipelines.pipe(lang, SENTENCES[lang]))
    fast = [find_places(doc[:], gazetteer) for doc in docs]
    monkeypatch.setattr(match_module, "_may_start_name", lambda *args, **kwargs: True)
    monkeypatch.setattr(match_module, "_widest", lambda texts, i, widest, gazetteer: widest)
    slow = [find_places(doc[:], gazetteer) for doc in docs]
    assert fast == slow
    assert sum(len(found) for found in fast) >= 4


def test_place_matching_on_the_dev_and_sample_texts(engine, monkeypatch) -> None:
    """The same places with and without the first-word and word-count shortcuts, over the
    sentences of the sample and gold texts (held-out ones left out)."""
    gazetteer = engine.coder.gazetteer
    by_lang = texts_by_language()
    docs = [doc for lang, texts in by_lang.items() for doc in engine.pipelines.pipe(lang, texts)]
    fast = [find_places(doc[:], gazetteer) for doc in docs]
    monkeypatch.setattr(match_module, "_may_start_name", lambda *args, **kwargs: True)
    monkeypatch.setattr(match_module, "_widest", lambda texts, i, widest, gazetteer: widest)
    slow = [find_places(doc[:], gazetteer) for doc in docs]
    assert fast == slow
    assert sum(len(found) for found in fast) >= 100


def test_widest_keeps_every_key_reachable() -> None:
    """Each index key a look-up can reach, cut into tokens the way spaCy may cut it
    (words, hyphens, apostrophes and dots apart) when that n-gram looks the key up: the
    n-gram of all its tokens is never ruled out."""
    import re

    gazetteer = load_gazetteer()
    checked = 0
    for key in list(gazetteer.index)[::7]:
        if place_key(key) != key or " " not in key:
            continue
        for texts in (key.split(" "), re.findall(r"\w+|[^\w\s]", key)):
            joined = " ".join(texts).replace("' ", "'").replace("’ ", "’")
            if place_key(joined) != key:
                continue  # this cut does not look the key up
            if not texts[0].endswith(("'", "’")) and place_key(texts[0]):
                assert match_module._widest(texts, 0, len(texts), gazetteer) == len(texts), (key, texts)
                checked += 1
    assert checked > 5000


@pytest.mark.parametrize(("text", "lang"), [
    ("Le porte-parole du ministère de la Défense de la Russie a rencontré l'armée ukrainienne, "
     "puis le président Emmanuel Macron et les forces armées du Royaume-Uni.", "fr"),
    ("Russia's defence ministry, Chinese troops and the US State Department met "
     "Ukrainian President Volodymyr Zelensky and the spokesman of the Pentagon.", "en"),
])
def test_mentions_are_the_same_without_the_sector_reach_shortcut(engine, text: str, lang: str,
                                                                  monkeypatch) -> None:
    resolver = engine.resolver
    fast = resolver.find_mentions(text, lang=lang)
    monkeypatch.setattr(resolver_module, "_out_of_reach", lambda *args: False)
    slow = resolver.find_mentions(text, lang=lang)
    assert fast == slow
    assert any(m.actor.sector for m in fast)


def test_connector_run_start() -> None:
    from tocsin.actors.text import tokenize

    tokens = tokenize("armée de la Russie's forces")
    assert resolver_module._connector_run_start(tokens, 3) == 1  # "de la" before "Russie"
    assert resolver_module._connector_run_start(tokens, 1) == 1  # "armée" is no connector
    assert resolver_module._connector_run_start(tokens, 5) == 5  # "s" stops the run


TOKEN_TEXTS = [
    "L'armée  ukrainienne a visé Kiïv, Ivano-Frankivsk et x\u0301y ; U.S. — Œuvre « São Paulo »…",
    "  Russia's defence ministry met N'Djamena's envoy: 3,5 % (2024) naïve coöperation",
    "", "   ", "…", "a", "İstanbul Straße Łódź ﬁnance Ⅻ Ｔokyo \u0301début",
]


@pytest.mark.parametrize("text", TOKEN_TEXTS)
def test_token_lists_read_like_tokenize(text: str) -> None:
    from tocsin.actors.text import Tokens, tokenize

    expected = tokenize(text)
    tokens = Tokens(text)
    assert len(tokens) == len(expected)
    assert tuple(tokens) == expected
    assert tuple(tokens[k] for k in range(len(tokens))) == expected
    assert tokens[1:3] == expected[1:3] and tokens[2:] == expected[2:]
    if expected:
        assert tokens[-1] == expected[-1]
    assert tokens.norms == [t.norm for t in expected]


MENTION_TEXTS = [
    ("Le porte-parole du ministère de la Défense de la Russie a rencontré l'armée ukrainienne, "
     "puis le président Emmanuel Macron et les forces armées du Royaume-Uni. Les États-Unis et "
     "l'OTAN ont salué l'accord ; le ministère des Affaires étrangères de la Chine a protesté.", "fr"),
    ("Russia's defence ministry, Chinese troops and the US State Department met Ukrainian "
     "President Volodymyr Zelensky and the spokesman of the Pentagon. Jordan Bardella and "
     "ISRAEL's army, the U.S. Navy and the South China Sea.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), MENTION_TEXTS)
def test_mentions_are_the_same_with_the_plain_scan(engine, text: str, lang: str, monkeypatch) -> None:
    """Without the first-word test of the scan and with every sector tried for every entity."""

    class Everything:
        def __contains__(self, word: object) -> bool:
            return word is not None

    resolver = resolver_module.Resolver(engine.knowledge_base)
    fast = resolver.find_mentions(text, lang=lang)
    fast_analysis = resolver._analyse_uncached(text, lang)
    monkeypatch.setattr(resolver_module.Resolver, "_first_words", lambda self, kinds, lang: Everything())
    monkeypatch.setattr(resolver_module, "bisect_left", lambda seq, x: 0)
    monkeypatch.setattr(resolver_module, "bisect_right", lambda seq, x: len(seq))
    resolver._analyses.clear()
    slow = resolver.find_mentions(text, lang=lang)
    slow_analysis = resolver._analyse_uncached(text, lang)
    assert fast == slow
    assert (fast_analysis.entities, fast_analysis.sectors, fast_analysis.covered) == (
        slow_analysis.entities, slow_analysis.sectors, slow_analysis.covered)
    assert len(fast) >= 5 and any(m.actor.sector for m in fast)


def _fuzzy_reference(resolver, runs, countries, when, sector):
    """Fuzzy person matching as first written: every candidate built, every (run, person)
    score sorted."""
    import numpy as np

    from tocsin.actors.fuzzy import _FUZZY_MARGIN, _FUZZY_THRESHOLD, _SECTOR_BONUS

    kb = resolver.kb
    candidates = {}
    for country in countries:
        for person in kb.people_by_country.get(country, ()):
            if person.key in candidates:
                continue
            roles = [r for r in person.roles if r.country == country and (when is None or r.valid_at(when))]
            if roles:
                roles.sort(key=lambda r: (r.sector == sector, r.start or __import__("datetime").date.min))
                candidates[person.key] = (person, roles[-1])
    if not candidates:
        return None
    keys = list(candidates)
    similarity = resolver._similarities(runs, resolver._candidates(tuple(countries), when, sector))
    bonus = np.array([_SECTOR_BONUS if sector is not None and candidates[k][1].sector == sector else 0.0
                      for k in keys])
    scored = [(float(v), keys[j]) for row in similarity + bonus for j, v in enumerate(row)]
    scored.sort(reverse=True)
    top, key = scored[0]
    runner_up = next((s for s, k in scored[1:] if k != key), 0.0)
    if top < _FUZZY_THRESHOLD or top - runner_up < _FUZZY_MARGIN:
        return None
    run = int(np.argmax(similarity[:, keys.index(key)]))
    if not resolver._surname_close(runs[run], key):
        return None
    person, role = candidates[key]
    return person, role, min(top, 1.0)


def test_fuzzy_matching_is_the_plain_sort(engine) -> None:
    from datetime import date

    import numpy as np

    resolver = resolver_module.Resolver(engine.knowledge_base)
    kb = resolver.kb
    countries_all = sorted(kb.people_by_country, key=lambda c: -len(kb.people_by_country[c]))[:6]
    names = [p.name for c in countries_all for p in kb.people_by_country[c][:4]]
    runs_list = [[normalise(n)] for n in names]
    runs_list += [[normalise(n)[:-1] + "x"] for n in names]  # misspelt
    runs_list += [["zzzz qqqq"], ["jean", "marie dupont"]]
    found = 0
    for runs in runs_list:
        for countries in (countries_all[:1], countries_all[:3], countries_all[2:5]):
            for when in (None, date(2024, 5, 1), date(1990, 1, 1)):
                for sector in (None, "GOV", "MIL"):
                    expected = _fuzzy_reference(resolver, runs, countries, when, sector)
                    got = resolver._fuzzy_runs(runs, tuple(countries), when, sector)
                    pool = resolver._candidates(tuple(countries), when, sector)
                    if pool.keys:
                        assert np.array_equal(resolver._pool_similarities(runs, pool),
                                              resolver._similarities(runs, pool))
                    assert got == expected, (runs, countries, when, sector)
                    found += got is not None
    assert found > 20


def test_near_people_are_those_whose_forms_reach_the_threshold(engine) -> None:
    """The people a name run comes near (the shortcut of ``_fuzzy_runs`` when none of them is
    a candidate), against each person's own range of name forms; and the shortcut is taken
    for misspelt names of one country looked up among the people of others."""
    from datetime import date

    from tocsin.actors.fuzzy import _FUZZY_THRESHOLD, _SECTOR_BONUS

    resolver = resolver_module.Resolver(engine.knowledge_base)
    kb = resolver.kb
    countries_all = sorted(kb.people_by_country, key=lambda c: -len(kb.people_by_country[c]))[:6]
    names = [p.name for c in countries_all[:2] for p in kb.people_by_country[c][:5]]
    runs = [normalise(n) for n in names] + [normalise(n)[:-1] + "x" for n in names] + ["zzzz qqqq"]
    _, _, where = resolver._all_forms()
    shortcut = 0
    for run in runs:
        scores = resolver._run_scores(run)[0]
        expected = {key for key, (start, end) in where.items()
                    if end > start and (scores[start:end] + _SECTOR_BONUS >= _FUZZY_THRESHOLD).any()}
        assert resolver._near_people(run) == expected
        if expected and not resolver._any_candidate(frozenset(expected), tuple(countries_all[3:6]),
                                                    date(2024, 5, 1)):
            shortcut += 1
            assert _fuzzy_reference(resolver, [run], countries_all[3:6], date(2024, 5, 1), None) is None
    assert any(resolver._near_people(run) for run in runs)
    assert shortcut > 0
