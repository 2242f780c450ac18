"""The coder's shortcuts give the same answers as the plain computations they replace:
place keys and folding, the first-word test of place matching, the sector reach of
mention finding, conjuncts remembered per parsed sentence, the coder's word arrays and the
lexicon entries it remembers by word, and the people a name comes near in fuzzy matching."""

from __future__ import annotations

import unicodedata

import pytest

from tocsin.actors import resolver as resolver_module
from tocsin.actors.text import fold, normalise
from tocsin.coding import coder as coder_module
from tocsin.coding.phrases import _word_endings
from tocsin.coding.syntax import _conjuncts, conjuncts
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
    by_lang: dict[str, list[str]] = {}
    for text, lang in _date_texts():
        if lang in ("fr", "en"):
            by_lang.setdefault(lang, []).append(text)
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


def test_remembered_conjuncts_and_pos_codes_match_the_parse(engine) -> None:
    docs = list(engine.pipelines.pipe("fr", [
        "L'Espagne, l'Irlande et la Norvège ont reconnu l'État palestinien.",
        "La Russie et la Chine ont signé un accord avec l'Iran.",
    ]))
    for doc in docs:
        for tok in doc:
            expected = _conjuncts(tok)
            assert conjuncts(tok) == expected
            assert conjuncts(tok) == expected  # second call: from the memo
        assert coder_module._pos_codes(doc) == [t.pos for t in doc]
    assert [t.text for t in conjuncts(docs[1][1])] == ["Russie", "Chine"]


def _entries_reference(data, tok):
    """The lexicon look-up of a trigger candidate as first written, on the token itself."""
    pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "VERB"
    entries = data.by_lemma.get((tok.lemma_.lower(), pos)) or data.by_lemma.get((tok.lower_, pos))
    if not entries and pos == "VERB" and data.iso == "fr":
        lemma = tok.lemma_.lower()
        entries = data.by_lemma.get((lemma + "r", pos)) or data.by_lemma.get((lemma + "er", pos))
    if not entries and pos == "NOUN" and tok.lemma_.lower() == tok.lower_ and tok.lower_[-1:] in ("s", "x"):
        entries = data.by_lemma.get((tok.lower_[:-1], pos))
    return entries or ()


def test_remembered_lexicon_entries_match_the_token_look_up(engine) -> None:
    """The lexicon entries remembered by (lemma, lower case, part of speech) against the
    look-up on each token, for every verb, noun, name and adjective of the sample texts and
    of headline forms ("Frappes", a verb lemmatised as a noun)."""
    import json
    from pathlib import Path

    from tocsin.nlp.segment import split_sentences

    root = Path(__file__).resolve().parents[1]
    texts: dict[str, list[str]] = {
        "fr": ["Frappes américaines contre les Houthis", "Il demande à Téhéran de libérer les otages."],
        "en": ["Strikes on Houthis", "The army attacked the town and the ministers met."]}
    for path in sorted((root / "src" / "tocsin" / "data" / "sample").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            text, lang = item.get("text") or "", item.get("language") or path.stem[:2]
            if lang in texts:
                texts[lang].extend(text[s.start:s.end] for s in split_sentences(text))
    checked = found = 0
    for lang, sentences in texts.items():
        data = engine.coder.languages[lang].data
        for doc in engine.pipelines.pipe(lang, sentences):
            pos, lemmas, lowers = coder_module._word_codes(doc)
            assert pos == [t.pos for t in doc] and lemmas == [t.lemma for t in doc]
            assert lowers == [t.lower for t in doc]
            for tok in doc:
                if tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
                    continue
                got = coder_module._lexicon_entries(data, tok.lemma_, tok.lower_, tok.pos)
                assert got == _entries_reference(data, tok), tok.text
                checked += 1
                found += bool(got)
    assert checked > 300 and found > 30


def test_word_endings() -> None:
    phrases = ("les deux pays", "both")
    assert _word_endings(phrases) == (" les deux pays", " both")
    low = "selon les deux pays"
    assert low.endswith(_word_endings(phrases)) and not "both".endswith(_word_endings(phrases))


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


def _date_texts() -> list[tuple[str, str]]:
    """Sentences of the bundled sample and gold texts, and date phrases in every form
    the patterns know, in both languages and several cases."""
    import json
    from pathlib import Path

    from tocsin.nlp.segment import split_sentences

    root = Path(__file__).resolve().parent
    texts: list[tuple[str, str]] = []
    files = [*sorted((root / "gold").glob("*.jsonl")),
             *sorted((root.parent / "src" / "tocsin" / "data" / "sample").glob("*.jsonl"))]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if item.get("split") == "test":
                continue  # held out
            text, lang = item.get("text") or "", item.get("language") or path.stem[:2]
            texts.extend((text[s.start:s.end], lang) for s in split_sentences(text))
    phrases = {
        "fr": ["le 3 mars 2024", "du 1er au 3 février", "le premier avril", "2024-03-05", "05/03/2024",
               "lundi dernier", "ce mardi", "avant-hier", "après demain", "aujourd’hui", "hier soir",
               "la semaine dernière", "cette semaine-ci", "le mois prochain", "ce mois-ci",
               "l'année dernière", "l’an passé", "cette année", "en mars", "début février 2023",
               "au mois d'août", "mi-juillet", "en 2022", "fin 2021", "depuis 2014", "DEMAIN", "LUNDI",
               "Mars", "courant décembre dernier", "DERNIÈRE", "rien de daté ici"],
        "en": ["on March 3, 2024", "the 3rd of March", "March 3rd-5th", "2024-03-05", "last Monday",
               "on Tuesday", "MONDAY", "monday", "yesterday", "the day before yesterday", "last night",
               "Tonight", "last week", "this month", "next year", "earlier this year", "in March",
               "early February 2023", "the end of May", "in 2022", "mid-2021", "March's budget",
               "nothing dated here", "TODAY", "Week"],
    }
    for lang, items in phrases.items():
        texts.extend((f"Il a parlé {p}." if lang == "fr" else f"He spoke {p}.", lang) for p in items)
        texts.extend((p, lang) for p in items)
    return texts


def test_date_gates_do_not_change_what_is_found(monkeypatch) -> None:
    from dataclasses import replace
    from datetime import date

    from tocsin.coding import dates

    texts = _date_texts()
    assert len(texts) > 400
    published = date(2024, 5, 15)
    gated = [dates.resolve_date(text, lang, published) for text, lang in texts]
    plain = {lang: tuple(replace(p, gates=()) for p in dates._patterns(lang)) for lang in ("fr", "en")}
    assert all(p.gates for ps in (dates._patterns("fr"), dates._patterns("en")) for p in ps)
    monkeypatch.setattr(dates, "_patterns", lambda lang: plain.get(lang, ()))
    ungated = [dates.resolve_date(text, lang, published) for text, lang in texts]
    assert gated == ungated
    assert sum(m.date is not None for m in gated) > 100


def test_each_date_gate_is_written_inside_its_pattern() -> None:
    """A gate is a piece of its own pattern (a digit, a word or an alternation),
    compiled with the pattern's flags."""
    from tocsin.coding import dates

    for lang in ("fr", "en"):
        for p in dates._patterns(lang):
            assert p.gates
            for gate in p.gates:
                if gate is dates._DIGIT:
                    assert "\\d" in p.regex.pattern
                    continue
                assert gate.flags == p.regex.flags
                for word in gate.pattern.split("|"):
                    word = word.removeprefix("(?:").removesuffix(")")
                    assert word.lower() in p.regex.pattern.lower(), (word, p.regex.pattern[:80])


def _dev_and_sample_articles():
    from pathlib import Path

    from tocsin.evaluation.gold import load_gold
    from tocsin.evaluation.runner import articles_for
    from tocsin.ingest import read_inputs
    from tocsin.records import Article

    root = Path(__file__).resolve().parent
    articles = articles_for(load_gold([root / "gold"], split="dev"))
    sample = sorted((root.parent / "src" / "tocsin" / "data" / "sample").glob("*.jsonl"))
    articles += [a for a in read_inputs(sample) if isinstance(a, Article)]
    return articles


def test_conjunct_actors_read_once_per_sentence_give_the_same_events(engine, monkeypatch) -> None:
    """The per-sentence memo of ``Coder._actors_for_conjunct`` against resolving every time."""
    from tocsin.coding.coder import Coder
    from tocsin.coding.phrases import PhraseActors

    articles = _dev_and_sample_articles()
    assert len(articles) > 200

    def events() -> list[dict]:
        engine.resolver.clear_caches()
        return [e.to_dict() for outcome in engine.code(articles) for e in outcome.events]

    remembered = events()
    monkeypatch.setattr(Coder, "_actors_for_conjunct", PhraseActors._actors_for_conjunct)
    plain = events()
    assert remembered == plain
    assert len(plain) > 200


def test_country_roles_give_the_plain_candidates(engine) -> None:
    """The people fuzzy matching compares with, from the per-country role tables, against
    filtering every person's roles for each query."""
    from datetime import date

    resolver = engine.resolver
    kb = resolver.kb
    countries = sorted(kb.people_by_country, key=lambda c: -len(kb.people_by_country[c]))[:12]
    queries = [(tuple(countries[k:k + 3]), when, sector)
               for k in range(0, 12, 3)
               for when in (None, date(2022, 3, 1), date(2024, 6, 30), date(1990, 1, 1))
               for sector in (None, "GOV", "MIL")]
    for key in queries:
        found = resolver._candidates(*key)
        country_list, when, sector = key
        expected = {}
        for country in country_list:
            for person in kb.people_by_country.get(country, ()):
                if person.key in expected:
                    continue
                roles = [r for r in person.roles if r.country == country and (when is None or r.valid_at(when))]
                if roles:
                    roles.sort(key=lambda r: (r.sector == sector, r.start or date.min))
                    expected[person.key] = (person, roles[-1])
        assert found.candidates == expected
        assert found.keys == list(expected)
    assert any(resolver._candidates(*key).keys for key in queries)


def _plain_repairs(sent, cues) -> None:
    """Every repair on every sentence, in the order of the table, with no precondition."""
    from tocsin.coding import repairs

    for _, repair in repairs._REPAIRS:
        repair(sent, cues)
    if not repairs.reroot_inverted_speech(sent):
        repairs.reroot_unquoted_speech(sent, cues.reporting_verbs | cues.inverted_speech_verbs)


def test_repairs_with_preconditions_leave_the_trees_of_every_repair_run(engine) -> None:
    """The parse repairs skip a sentence that lacks what a repair needs (labels, parts of
    speech, words); over the sentences of the sample and gold texts (held-out ones left out)
    the repaired trees are those of running every repair on every sentence."""
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS

    from tocsin.coding.repairs import repair_parse

    by_lang: dict[str, list[str]] = {}
    for text, lang in _date_texts():
        if lang in ("fr", "en"):
            by_lang.setdefault(lang, []).append(text)
    attrs = [HEAD, DEP, POS, LEMMA, MORPH]
    compared = changed = 0
    for lang, texts in by_lang.items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, texts):
            before = doc.to_array(attrs)
            plain = doc.copy()
            _plain_repairs(plain[:], cues)
            repair_parse(doc[:], cues)
            assert (doc.to_array(attrs) == plain.to_array(attrs)).all(), doc.text
            compared += 1
            changed += not (before == plain.to_array(attrs)).all()
    assert compared > 800 and changed > 50, (compared, changed)


def _clause_text_reference(trigger, sent) -> str:
    """The date clause of a trigger as first written: every word of the sentence read."""
    chars = list(sent.text)
    start = sent.start_char
    above = {trigger.i, *(t.i for t in trigger.ancestors)}
    for tok in sent:
        if tok.dep_ == "acl" and not any(c.dep_ in ("obl:agent", "agent", "nsubj") for c in tok.children):
            continue
        if tok.dep_ in coder_module.CLAUSE_DEPS and tok.i not in above:
            for t in tok.subtree:
                for k in range(t.idx - start, min(t.idx - start + len(t.text), len(chars))):
                    chars[k] = " "
    return "".join(chars).rstrip()


def test_clause_text_read_from_the_label_array_is_the_plain_one(engine) -> None:
    """The clause text that dates an event, with the clause words found from the sentence's
    label array, against the walk over every word, for every verb and noun as trigger."""
    by_lang: dict[str, list[str]] = {}
    for text, lang in _date_texts():
        if lang in ("fr", "en"):
            by_lang.setdefault(lang, []).append(text)
    checked = blanked = 0
    for lang, texts in by_lang.items():
        for doc in engine.pipelines.pipe(lang, texts[:300]):
            sent = doc[:]
            for tok in doc:
                if tok.pos_ in ("VERB", "NOUN"):
                    expected = _clause_text_reference(tok, sent)
                    assert coder_module._clause_text(tok, sent) == expected
                    checked += 1
                    blanked += expected != sent.text.rstrip()
    assert checked > 1000 and blanked > 100, (checked, blanked)


def test_trigger_lemma_found_by_character_is_the_word_that_starts_there(engine) -> None:
    """The lemma the subject memory files an event under: the word found from the trigger's
    first character is the one the walk over the sentence finds, for every word, and an
    offset where no word starts falls back to the trigger's text."""
    from types import SimpleNamespace

    docs = list(engine.pipelines.pipe("fr", [
        "« Une violation », a dénoncé dimanche Tokyo, après que Pékin a lancé des manœuvres.",
        "Les Houthis ont de nouveau attaqué un navire en mer Rouge.",
    ]))
    checked = 0
    for doc in docs:
        sent = doc[:]
        for tok in doc:
            event = SimpleNamespace(trigger_span=(tok.idx - sent.start_char, tok.idx + len(tok.text)),
                                    trigger=tok.text)
            assert coder_module._trigger_lemma(sent, event) == tok.lemma_.lower()
            checked += 1
        inside = next(t for t in doc if len(t.text) > 3)
        event = SimpleNamespace(trigger_span=(inside.idx + 1, inside.idx + 2), trigger="XY")
        assert coder_module._trigger_lemma(sent, event) == "xy"
    assert checked > 20


def test_attribution_gate_rules_out_only_sentences_with_no_attribution_phrase(engine) -> None:
    """``may_hold_attribution`` lets the coder skip the walk of ``attribution_phrases``: over the
    sample and gold sentences (held-out ones left out) and sentences written to hold one, every
    sentence where the walk finds a "selon X"/"according to X" passes the gate, and most
    sentences without one are ruled out."""
    from tocsin.coding.qualifiers import attribution_phrases, may_hold_attribution

    written = {
        "fr": ["Selon l'AFP, Moscou a bombardé Kharkiv.", "D'après le Pentagone, la frappe a visé un dépôt.",
               "Suivant Reuters, les pourparlers reprendront.", "L'armée a tiré, selon des témoins."],
        "en": ["According to Reuters, Moscow struck Kharkiv.", "Per the Pentagon, the strike hit a depot."],
    }
    by_lang: dict[str, list[str]] = {lang: list(texts) for lang, texts in written.items()}
    for text, lang in _date_texts():
        if lang in by_lang:
            by_lang[lang].append(text)
    found = ruled_out = 0
    for lang, texts in by_lang.items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, texts):
            heads = attribution_phrases(doc[:], cues)
            if heads:
                assert may_hold_attribution(doc.text, cues), doc.text
                found += 1
            elif not may_hold_attribution(doc.text, cues):
                ruled_out += 1
    assert found >= len(written["fr"]) + len(written["en"]) and ruled_out > 500, (found, ruled_out)


def test_passive_remembered_per_sentence_is_the_plain_test(engine) -> None:
    """``is_passive`` remembers its answer per parsed sentence: for every word of the sample and
    gold sentences (held-out ones left out, repairs applied), with and without the language's
    unaccusative verbs, it is the plain test, asked first or again."""
    from tocsin.coding.repairs import repair_parse
    from tocsin.coding.syntax import _is_passive, is_passive

    by_lang: dict[str, list[str]] = {}
    for text, lang in _date_texts():
        if lang in ("fr", "en"):
            by_lang.setdefault(lang, []).append(text)
    checked = passive = 0
    for lang, texts in by_lang.items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, texts[:300]):
            repair_parse(doc[:], cues)
            for _ in range(2):
                for tok in doc:
                    for unaccusative in (cues.unaccusative_verbs, frozenset()):
                        expected = _is_passive(tok, unaccusative)
                        assert is_passive(tok, unaccusative) == expected
                        checked += 1
                        passive += expected
    assert checked > 10_000 and passive > 50, (checked, passive)


def _phrase_tokens_reference(head) -> list:
    """The words of a noun phrase as first written: the particle test over every word between
    the first and the last word kept, sorted by a lambda."""
    from tocsin.coding.syntax import (
        _ARMED,
        PHRASE_CUT,
        _conjuncts,
        _in_power,
        _name_taken_for_participle,
    )

    keep = [head]
    skip = {t.i for t in _conjuncts(head) if t.i != head.i and t.dep_ == "appos"}
    stack = [c for c in head.children if (c.dep_ not in PHRASE_CUT or _in_power(c)) and c.i not in skip]
    while stack:
        tok = stack.pop()
        if ((tok.pos_ in ("VERB", "AUX") or tok.dep_ == "pcomp") and not _name_taken_for_participle(tok)
                and not _in_power(tok)):
            continue
        if tok.dep_ == "prep" and not any(c.dep_ == "pobj" for c in tok.children):
            continue
        keep.append(tok)
        if tok.lower_ in _ARMED and tok.pos_ in ("VERB", "ADJ") and tok.dep_ in ("acl", "amod"):
            continue  # "des hommes armés dans le centre du Mali"
        stack.extend(c for c in tok.children if c.dep_ not in ("acl:relcl", "relcl", "parataxis", "punct", "ccomp", "advcl", "acl"))
    have = {t.i for t in keep}
    keep.extend(t for t in head.doc[min(have):max(have) + 1]
                if t.i not in have and t.dep_ == "dep" and t.head.i in have and t.head.pos_ == "PROPN"
                and t.is_lower and t.is_alpha)
    return sorted(keep, key=lambda t: t.i)


def test_phrase_words_with_the_gap_shortcut_are_the_plain_ones(engine) -> None:
    """``phrase_tokens`` looks for a particle inside a name only where the words kept leave a
    gap, and reads coordinated appositions from the remembered conjunct indices: for every word
    of the sample and gold sentences (held-out ones left out) it gives the plain walk's words."""
    from tocsin.coding.syntax import coordinated_appositions, phrase_tokens

    by_lang: dict[str, list[str]] = {}
    for text, lang in _date_texts():
        if lang in ("fr", "en"):
            by_lang.setdefault(lang, []).append(text)
    checked = particles = 0
    for lang, texts in by_lang.items():
        for doc in engine.pipelines.pipe(lang, texts[:400]):
            for tok in doc:
                expected = [t.i for t in _phrase_tokens_reference(tok)]
                assert [t.i for t in phrase_tokens(tok)] == expected
                assert coordinated_appositions(tok) == {t.i for t in _conjuncts(tok) if t.i != tok.i and t.dep_ == "appos"}
                checked += 1
                particles += any(doc[i].dep_ == "dep" and i != tok.i for i in expected)
    assert checked > 10_000 and particles > 0, (checked, particles)


def test_morphology_values_remembered_by_analysis_are_spacys(engine) -> None:
    """``morph_values`` remembers a field's values by morphological analysis: for every word of
    the sample and gold sentences (held-out ones left out), repairs applied (some set a new
    analysis), each field reads as ``Token.morph.get`` does."""
    from tocsin.coding.repairs import repair_parse
    from tocsin.coding.syntax import morph_values

    fields = ("VerbForm", "Tense", "Mood", "Number", "Person", "Gender", "Nonexistent")
    by_lang: dict[str, list[str]] = {}
    for text, lang in _date_texts():
        if lang in ("fr", "en"):
            by_lang.setdefault(lang, []).append(text)
    checked = 0
    for lang, texts in by_lang.items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, texts[:300]):
            for repaired in (False, True):
                if repaired:
                    repair_parse(doc[:], cues)
                for tok in doc:
                    for field in fields:
                        assert morph_values(tok, field) == tuple(tok.morph.get(field)), (tok.text, field)
                        checked += 1
    assert checked > 50_000, checked


def test_root_read_from_the_head_offsets_is_spacys(engine) -> None:
    """The part of speech of a span's root, read by the repairs' preconditions from the head
    offsets, is that of ``Span.root`` for whole sentences and for spans cut at either end."""
    from tocsin.coding.repairs import _Words

    by_lang: dict[str, list[str]] = {}
    for text, lang in _date_texts():
        if lang in ("fr", "en"):
            by_lang.setdefault(lang, []).append(text)
    checked = 0
    for lang, texts in by_lang.items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, texts[:300]):
            for span in (doc[:], doc[1:], doc[:-1], doc[2:-2]):
                if len(span):
                    assert _Words(span, cues).root_pos == span.root.pos, span.text
                    checked += 1
    assert checked > 1000, checked
