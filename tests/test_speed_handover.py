"""Shortcuts of the seventh speed pass against the computations they replace: the word arrays
the parse repairs hand to the coder, what the resolver keeps with a phrase analysis, the
negation test reading a lemma only when needed, and place matching reading region words by
string id and a word's text once."""

from __future__ import annotations

from datetime import date

from spacy.attrs import DEP, LEMMA, LOWER, POS

from sample_texts import texts_by_language
from test_coder_speed import _dev_and_sample_articles
from tocsin.coding import coder as coder_module
from tocsin.coding import qualifiers
from tocsin.coding.repair_words import DEP_IDS_KEY, WORD_CODES_KEY, _Words
from tocsin.coding.repairs import repair_parse
from tocsin.places import match as match_module


def test_repairs_hand_over_the_arrays_of_the_repaired_tree(engine) -> None:
    """After the repairs, the parts of speech, lemmas, lower-case forms and labels the coder
    reads (left by the repairs when no repair changed the tree after they were read, read
    from the document otherwise) are those of the repaired document."""
    handed = total = 0
    for lang, texts in texts_by_language().items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, texts[:500]):
            repair_parse(doc[:], cues)
            handed += WORD_CODES_KEY in doc.user_data and DEP_IDS_KEY in doc.user_data
            total += 1
            rows = doc.to_array([POS, LEMMA, LOWER, DEP]).tolist() if len(doc) else []
            expected = tuple(list(column) for column in zip(*rows, strict=True)) or ([], [], [], [])
            assert coder_module._word_codes(doc) == expected[:3], doc.text
            assert coder_module._dep_ids(doc) == expected[3], doc.text
    assert total > 700 and handed > 0.9 * total, (handed, total)


def test_arrays_the_coder_already_holds_are_kept(engine) -> None:
    """The hand-over does not replace arrays a document already carries."""
    doc = next(iter(engine.pipelines.pipe("fr", ["La Russie a frappé Kharkiv lundi."])))
    held = ([1], [2], [3])
    doc.user_data[WORD_CODES_KEY] = held
    _Words(doc[:], engine.coder.languages["fr"].cues).hand_over()
    assert doc.user_data[WORD_CODES_KEY] is held
    assert doc.user_data[DEP_IDS_KEY] == [t.dep for t in doc]


def _phrases() -> list[tuple[str, str]]:
    """Noun phrases of the sample and gold sentences (held-out ones left out) and coordinated
    or directional phrases, both languages."""
    phrases = [("les ministres de la Défense de la Russie et de la Chine", "fr"),
               ("l'ambassadeur de Russie en Chine", "fr"), ("the US and its allies", "en"),
               ("Russia, China and Iran", "en"), ("le président Emmanuel Macron", "fr"),
               ("Vladimir Poutin", "fr"), ("le Conseil de sécurité", "fr"), ("Israeli-Palestinian talks", "en")]
    for lang, texts in texts_by_language().items():
        for text in texts[:250]:
            words = text.split()
            phrases.extend((" ".join(words[k:k + 4]), lang) for k in range(0, len(words), 3))
    return phrases


def test_resolution_with_the_analysis_memo_is_the_fresh_one(engine) -> None:
    """What the resolver keeps with a remembered analysis (main entities, coordinated group,
    sector, runs of capitalised words) gives the results of a fresh analysis, asked again
    with other dates and contexts."""
    resolver = engine.resolver
    phrases = _phrases()
    asks = [(None, ()), (date(2024, 5, 1), ("FRA",)), (date(2019, 1, 1), ("RUS", "UKR")), (None, ("USA",))]
    fresh = []
    for text, lang in phrases:
        for when, context in asks:
            resolver.clear_caches()
            fresh.append((resolver.resolve_many(text, lang=lang, when=when, context=context),
                          resolver.resolve_scored(text, lang=lang, when=when, context=context, guess_country=False)))
    resolver.clear_caches()
    for _ in range(2):  # the second time, every analysis and what is kept with it is remembered
        again = [(resolver.resolve_many(text, lang=lang, when=when, context=context),
                  resolver.resolve_scored(text, lang=lang, when=when, context=context, guess_country=False))
                 for text, lang in phrases for when, context in asks]
        assert again == fresh
    kept = sum(bool(resolver._analyse(text, lang).derived) for text, lang in phrases)
    assert len(phrases) > 500 and kept > 300, (len(phrases), kept)
    assert sum(bool(many) for many, _ in fresh) > 200
    for text, lang in phrases:
        a = resolver._analyse(text, lang)
        assert resolver._coordinated(a) == resolver._coordinated_uncached(a)
        assert resolver._name_runs(a) == resolver._name_runs_uncached(a)
        assert resolver._sector_of(a, lang) == resolver._pick_sector(a.sectors, lang)


def _negated_token_reference(token, cues) -> bool:
    """The negation test of one word as first written: every child's lemma read."""
    for child in token.children:
        low = child.lower_
        lemma = child.lemma_.lower()
        if child.dep_ == "neg" or (child.dep_ == "advmod" and (low in cues.negation_adverbs or lemma in cues.negation_adverbs)):
            if low == "plus" and not any(c.lower_ in ("ne", "n'", "n’") for c in token.children):
                continue
            if low == "non" and child.i > token.i:
                continue
            return True
        if child.dep_ in ("det", "advmod") and low in cues.negation_determiners:
            return True
        if child.dep_ == "mark" and low in cues.negation_prepositions and token.pos_ in ("VERB", "AUX"):
            return True  # "sans condamner": a negating preposition as the infinitive's marker
    prep = qualifiers.preposition_of(token)
    if prep is not None and prep in cues.negation_prepositions:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in cues.negation_prepositions


def test_negation_and_place_word_tests_are_the_plain_ones(engine) -> None:
    """For every word of the sample and gold sentences (held-out ones left out): the negation
    test, the region word read by string id and the name-start test read from the word's
    text are the plain ones."""
    checked = negated = regions = 0
    for lang, texts in texts_by_language().items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, texts[:400]):
            for tok in doc:
                expected = _negated_token_reference(tok, cues)
                assert qualifiers._negated_token(tok, cues) == expected, (doc.text, tok.i)
                region = tok.lower_ in match_module.REGION_WORDS
                assert (tok.lower in match_module._REGION_WORD_IDS) == region
                assert match_module._text_starts_name(tok.text) == match_module._starts_name(tok)
                checked += 1
                negated += expected
                regions += region
    assert checked > 10_000 and negated > 20 and regions > 5, (checked, negated, regions)


def test_events_are_the_same_without_the_shortcuts(engine, monkeypatch) -> None:
    """The events of the dev gold and sample texts with the shortcuts of this pass, and with
    each one switched off: no hand-over of the repairs' arrays, nothing kept with a phrase
    analysis, the eager negation test."""
    from tocsin.actors.fuzzy import FuzzyPeople
    from tocsin.actors.resolver import Resolver

    articles = _dev_and_sample_articles()

    def events() -> list[dict]:
        engine.resolver.clear_caches()
        return [e.to_dict() for outcome in engine.code(articles) for e in outcome.events]

    fast = events()
    monkeypatch.setattr(_Words, "hand_over", lambda self: None)
    monkeypatch.setattr(Resolver, "_coordinated", Resolver._coordinated_uncached)
    monkeypatch.setattr(Resolver, "_sector_of", lambda self, a, lang: Resolver._pick_sector(a.sectors, lang))
    monkeypatch.setattr(FuzzyPeople, "_name_runs", FuzzyPeople._name_runs_uncached)
    monkeypatch.setattr(qualifiers, "_negated_token", _negated_token_reference)

    def primary(self, a):  # as first written, nothing kept
        entities = [m for m in a.entities if m.kind != "blocker"]
        return [m for m in entities if not self._directional(a.tokens, m.first)] or entities

    monkeypatch.setattr(Resolver, "_primary", primary)
    plain = events()
    assert plain == fast
    assert len(fast) > 200


def test_adverbial_phrase_precondition_holds_wherever_the_repair_moves_a_word(engine) -> None:
    """The array test before ``object_taken_by_adverbial_phrase`` holds on every sentence where
    the repair moves a word (sample and gold sentences, held-out ones left out, and written
    ones), and rules out part of the sentences that pass the label tests before it."""
    from tocsin.coding.clause_repairs import object_taken_by_adverbial_phrase
    from tocsin.coding.repairs import _NMOD_OF_NAME, _NMOD_ON_OBLIQUE

    texts = texts_by_language()
    texts["fr"] = ["Moscou a testé avec succès son nouveau missile.", "Le Hamas a libéré sans délai les otages.",
                   "Le président doit recevoir au Caire le roi de Jordanie.", *texts["fr"]]
    moved = labelled = ruled_out = 0
    for lang, sentences in texts.items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, sentences):
            words = _Words(doc[:], cues)
            holds = words.nmod_on_oblique_of_verb()
            if not words.labelled.isdisjoint(_NMOD_OF_NAME) and not words.links.isdisjoint(_NMOD_ON_OBLIQUE):
                labelled += 1
                ruled_out += not holds
            if object_taken_by_adverbial_phrase(doc.copy()[:]):
                assert holds, doc.text
                moved += 1
    assert moved >= 3 and ruled_out > labelled / 5, (moved, labelled, ruled_out)
