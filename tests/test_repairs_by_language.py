"""The parse repairs skip, on sentences not in French, the rows of the table whose precondition
is false there (``lambda w: w.fr and …``): same trees, same arrays handed to the coder."""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from sample_texts import texts_by_language
from tocsin.coding import repairs
from tocsin.coding.repair_words import DEP_IDS_KEY, WORD_CODES_KEY, _Words
from tocsin.coding.repairs import repair_parse

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


def test_french_only_rows_are_found():
    skipped = [row for row in repairs._REPAIRS if row not in repairs._REPAIRS_NOT_FRENCH_ONLY]
    assert len(skipped) > 30 and len(repairs._REPAIRS_NOT_FRENCH_ONLY) > 20
    # the kept rows are in the table's order
    kept = [repairs._REPAIRS.index(row) for row in repairs._REPAIRS_NOT_FRENCH_ONLY]
    assert kept == sorted(kept)
    # a precondition that reads more than the language is kept
    assert not repairs._french_only(lambda w: w.time_word and w.fr)
    assert repairs._french_only(lambda w: w.fr and w.time_word)


def test_skipped_preconditions_are_false_on_english_sentences(engine):
    cues = engine.coder.languages["en"].cues
    skipped = [row[0] for row in repairs._REPAIRS if row not in repairs._REPAIRS_NOT_FRENCH_ONLY]
    for doc in engine.pipelines.pipe("en", texts_by_language()["en"][:200]):
        words = _Words(doc[:], cues)
        assert not any(precondition(words) for precondition in skipped), doc.text


def test_english_repairs_same_with_the_full_table(engine, monkeypatch):
    """Every English sample and gold sentence (held-out ones left out), repaired with the rows
    kept and with the whole table: the same trees and the same arrays for the coder."""
    cues = engine.coder.languages["en"].cues
    nlp = engine.pipelines.get("en")
    parsed = [doc.to_bytes() for doc in engine.pipelines.pipe("en", texts_by_language()["en"])]
    assert len(parsed) > 200

    def repaired() -> list:
        out = []
        for data in parsed:
            doc = Doc(nlp.vocab).from_bytes(data)
            repair_parse(doc[:], cues)
            out.append((doc.to_array(COLUMNS).tolist(), doc.user_data.get(WORD_CODES_KEY),
                        doc.user_data.get(DEP_IDS_KEY), [t.is_sent_start for t in doc]))
        return out

    fast = repaired()
    monkeypatch.setattr(repairs, "_REPAIRS_NOT_FRENCH_ONLY", repairs._REPAIRS)
    monkeypatch.setattr(repairs, "_FRENCH_ONLY_AT_END", False)
    assert repaired() == fast
