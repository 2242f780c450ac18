"""The coder's shortcuts give the same answers as the plain computations they replace:
conjuncts remembered per parsed sentence, the coder's word arrays and the lexicon entries it
remembers by word, date gates, repairs by precondition, clause texts, the passive test,
phrase words, morphology (place matching, folding, mentions and fuzzy names:
test_speed_places_actors.py)."""

from __future__ import annotations

from sample_texts import date_texts, texts_by_language
from tocsin.coding import coder as coder_module
from tocsin.coding import repair_words
from tocsin.coding.phrases import _word_endings
from tocsin.coding.syntax import _conjuncts, conjuncts


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
        assert repair_words._word_codes(doc)[0] == [t.pos for t in doc]
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


def test_date_gates_do_not_change_what_is_found(monkeypatch) -> None:
    from dataclasses import replace
    from datetime import date

    from tocsin.coding import dates

    texts = date_texts()
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

    by_lang = texts_by_language()
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
    by_lang = texts_by_language()
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
    for text, lang in date_texts():
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

    by_lang = texts_by_language()
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
        _kept_in_phrase,
        _name_taken_for_participle,
    )

    keep = [head]
    skip = {t.i for t in _conjuncts(head) if t.i != head.i and t.dep_ == "appos"}
    stack = [c for c in head.children if (c.dep_ not in PHRASE_CUT or _kept_in_phrase(c)) and c.i not in skip]
    while stack:
        tok = stack.pop()
        if ((tok.pos_ in ("VERB", "AUX") or tok.dep_ == "pcomp") and not _name_taken_for_participle(tok)
                and not _kept_in_phrase(tok)):
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

    by_lang = texts_by_language()
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
    by_lang = texts_by_language()
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

    by_lang = texts_by_language()
    checked = 0
    for lang, texts in by_lang.items():
        cues = engine.coder.languages[lang].cues
        for doc in engine.pipelines.pipe(lang, texts[:300]):
            for span in (doc[:], doc[1:], doc[:-1], doc[2:-2]):
                if len(span):
                    assert _Words(span, cues).root_pos == span.root.pos, span.text
                    checked += 1
    assert checked > 1000, checked
