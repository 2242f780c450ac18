"""Predicate lexicons and their loader."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tocsin.errors import DataFileError, UnsupportedLanguageError
from tocsin.lang import (
    PREDICATE_COLUMNS,
    SUPPORTED_LANGUAGES,
    LanguageData,
    Predicate,
    load_cues_file,
    load_language,
    load_predicates_file,
)
from tocsin.ontology import load_ontology

HEADER = "\t".join(PREDICATE_COLUMNS)


@pytest.mark.parametrize("iso", SUPPORTED_LANGUAGES)
def test_every_row_valid(iso):
    onto = load_ontology()
    data = load_language(iso)
    assert data.iso == iso
    for pred in data.predicates:
        onto.validate(pred.type, pred.mode, pred.cameo)
        assert pred.pos in ("VERB", "NOUN")
        assert pred.id.startswith(f"{iso}.")
        assert pred.lemma == pred.lemma.lower() and " " not in pred.lemma
        assert pred.mode is None or pred.mode


@pytest.mark.parametrize("iso", SUPPORTED_LANGUAGES)
def test_size_and_coverage(iso):
    data = load_language(iso)
    assert len(data.predicates) >= 250
    counts = Counter(p.type for p in data.predicates)
    for ptype in load_ontology().types:
        assert counts[ptype] >= 8, f"{iso}: {ptype} has {counts[ptype]} entries"


@pytest.mark.parametrize("iso", SUPPORTED_LANGUAGES)
def test_ids_unique(iso):
    ids = [p.id for p in load_language(iso).predicates]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("iso", SUPPORTED_LANGUAGES)
def test_index_covers_every_predicate(iso):
    data = load_language(iso)
    indexed = [p for preds in data.by_lemma.values() for p in preds]
    assert sorted(p.id for p in indexed) == sorted(p.id for p in data.predicates)
    for (lemma, pos), preds in data.by_lemma.items():
        assert all(p.lemma == lemma and p.pos == pos for p in preds)


def test_load_language_cached_and_checked():
    assert load_language("en") is load_language("EN")
    with pytest.raises(UnsupportedLanguageError):
        load_language("de")


def test_english_entries():
    data = load_language("en")
    talks = data.lookup("talk", "NOUN")  # spaCy's lemma of "talks"
    assert any(p.type == "CONSULT" and p.symmetric for p in talks)
    assert any(p.type == "SANCTION" for p in data.lookup("sanction", "NOUN"))
    fire = [p for p in data.lookup("open", "VERB") if "fire" in p.object]
    assert fire and fire[0].type == "ASSAULT"
    lift = [p for p in data.lookup("lift", "VERB") if "sanction" in p.object]
    assert lift and lift[0].type == "CONCEDE"  # as in French and in the annotation guideline
    call_on = [p for p in data.lookup("call", "VERB") if p.particle == "on"]
    assert call_on and call_on[0].type == "REQUEST"
    visit = data.lookup("visit", "VERB")[0]
    assert (visit.type, visit.mode, visit.cameo) == ("CONSULT", "visit", "042")
    # over-general verbs are not bare predicates
    for lemma in ("say", "go", "make", "have", "give", "hold"):
        assert all(p.object or p.particle for p in data.lookup(lemma, "VERB")), lemma


def _write(path: Path, *rows: str) -> Path:
    text = "# format: test lexicon\n# version: 1\n# provenance: test\n" + HEADER + "\n"
    path.write_text(text + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


GOOD = "en.v.parley\tparley\tVERB\tCONSULT\t\t040\t\t\twith\t1\tuser entry"


def test_user_file_loads(tmp_path):
    preds = load_predicates_file(_write(tmp_path / "mine.tsv", GOOD), "en")
    assert preds == (
        Predicate(id="en.v.parley", lemma="parley", pos="VERB", type="CONSULT", mode=None,
                  cameo="040", object=(), particle=None, target=("with",), symmetric=True,
                  note="user entry"),
    )
    data = load_language("en").with_predicates(preds)
    assert data.lookup("parley", "VERB") == preds
    assert load_language("en").lookup("parley", "VERB") == ()


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("en.v.hug\thug\tVERB\tHUG\t\t040\t\t\t\t0\t", "PLOVER type"),
        ("en.v.hug\thug\tVERB\tCONSULT\t\t0999\t\t\t\t0\t", "CAMEO"),
        ("en.v.hug\thug\tADJ\tCONSULT\t\t040\t\t\t\t0\t", "pos"),
        ("en.v.hug\thug\tVERB\tCONSULT\triot\t040\t\t\t\t0\t", "mode"),
        ("en.v.hug\thug\tVERB\tCONSULT\t\t040\t\t\t\tyes\t", "symmetric"),
        ("en.v.hug\tHug Me\tVERB\tCONSULT\t\t040\t\t\t\t0\t", "lemma"),
        ("fr.v.hug\thug\tVERB\tCONSULT\t\t040\t\t\t\t0\t", "id"),
        ("en.v.parley\tparley\tVERB\tCONSULT\t\t040\t\t\t\t0\t", "duplicate"),
        ("en.v.hug\thug\tVERB\tCONSULT\t\t040\t\t\t\t0\tnote\textra", "cells"),
    ],
)
def test_malformed_user_file_names_line(tmp_path, bad_row, message):
    path = _write(tmp_path / "bad.tsv", GOOD, bad_row)
    with pytest.raises(DataFileError, match=message) as info:
        load_predicates_file(path, "en")
    err = info.value
    assert err.line == 6  # three header comments, the header row, the good row, then this
    assert err.source is not None and err.source.endswith("bad.tsv")
    assert "bad.tsv:6" in str(err)


def test_bad_header_is_reported(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("id\tlemma\tpos\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="header") as info:
        load_predicates_file(path, "en")
    assert info.value.line == 1


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError):
        load_predicates_file(tmp_path / "nope.tsv", "en")


def test_cues(tmp_path):
    assert dict(load_cues_file(tmp_path / "absent.json")) == {}
    good = tmp_path / "cues.json"
    good.write_text('{"negation": ["not", "never"], "nested": {"a": [1]}}', encoding="utf-8")
    cues = load_cues_file(good)
    assert cues["negation"] == ("not", "never")
    assert cues["nested"]["a"] == (1,)
    with pytest.raises(TypeError):
        cues["negation"] = ()  # type: ignore[index]
    bad = tmp_path / "bad.json"
    bad.write_text('{\n"negation": [\n}', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_cues_file(bad)
    assert info.value.line == 3


def test_build_indexes():
    pred = Predicate(id="en.n.parley", lemma="parley", pos="NOUN", type="CONSULT", mode=None,
                     cameo="040")
    data = LanguageData.build("en", [pred])
    assert data.by_lemma[("parley", "NOUN")] == (pred,)
    assert dict(data.cues) == {}
