"""The attribute ruler applied by table look-up (tocsin.nlp.fast_attributes) gives the words
exactly the annotations spaCy's own ``AttributeRuler`` gives them, with the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

from sample_texts import texts_by_language
from tocsin.nlp.fast_attributes import FastAttributeRuler, use_fast_attribute_ruler

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, NORM]

#: English sentences that reach the model's rarer patterns: contractions and spoken forms
#: (several words, regular expressions, a target after the first word), "there is", pronouns
#: by label, auxiliaries and runs of spaces
ENGLISH = [
    "Y'all gonna see it, he said, and we ain't got nothin' to lose.",
    "Let's go, c'mon, I'd say they'd better get 'em before it's too late.",
    "There are troops in the north and there was no ceasefire, it was said.",
    "I told you that she had been there; they've done it and he doesn't care.",
    "The minister, who'd gotta leave, gets a call   while   the   talks go on.\n\nMore later.",
    "Somebody said nobody could do anything, but everyone did something anyway.",
    "Is it true that the army is being moved?  Yes.  It is.",
    "We will not accept it, nor will they, because ours is the right and theirs the wrong.",
]

FRENCH = [
    "Le président a déclaré  mardi que   la France ne reculerait pas.\n\nSuite plus tard.",
    "« Nous n'accepterons jamais cela », a-t-il dit devant l'Assemblée nationale.",
]


def _state(doc: Doc) -> list[tuple]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.norm_, t.lower_) for t in doc]


def _annotate_both(nlp, texts):
    """Each text parsed up to the attribute ruler, then annotated by spaCy's ruler and by the
    fast one (and the model's lemmatizer after each): the two results, document by document."""
    fast = nlp.get_pipe("attribute_ruler")
    assert isinstance(fast, FastAttributeRuler)
    plain = AttributeRuler(nlp.vocab, validate=fast.validate)
    plain.add_patterns(fast.patterns)
    after = [name for name in nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") + 1:]]
    with nlp.select_pipes(disable=["attribute_ruler", *after]):
        parsed = [doc.to_bytes() for doc in nlp.pipe(texts)]
    spacy_docs = [plain(Doc(nlp.vocab).from_bytes(data)) for data in parsed]
    fast_docs = list(fast.pipe((Doc(nlp.vocab).from_bytes(data) for data in parsed), batch_size=16))
    for name in after:
        spacy_docs = list(nlp.get_pipe(name).pipe(spacy_docs))
        fast_docs = list(nlp.get_pipe(name).pipe(fast_docs))
    return spacy_docs, fast_docs


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_model_ruler_same_annotations(engine, lang):
    nlp = engine.pipelines.get(lang)
    texts = (ENGLISH if lang == "en" else FRENCH) + texts_by_language()[lang][:400]
    spacy_docs, fast_docs = _annotate_both(nlp, texts)
    assert len(fast_docs) == len(texts)
    changed = 0
    for a, b in zip(spacy_docs, fast_docs, strict=True):
        assert a.text == b.text
        assert _state(a) == _state(b), a.text
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all()
        changed += any(t.pos_ for t in a)
    assert changed == len(texts)  # the ruler did set parts of speech


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_model_ruler_keeps_the_models_patterns(engine, lang):
    nlp = engine.pipelines.get(lang)
    fast = nlp.get_pipe("attribute_ruler")
    assert isinstance(fast, FastAttributeRuler)
    from_model = AttributeRuler(nlp.vocab).from_disk(nlp.path / "attribute_ruler", exclude=["vocab"])
    assert fast.patterns == from_model.patterns
    assert len(fast.table.looked_up) >= len(fast.patterns) - 10  # nearly all looked up
    if lang == "en":
        # several words, regular expressions: left to spaCy's matcher
        assert 5 <= fast.table.matched <= 12


def test_english_rare_patterns_reached(engine):
    """The contractions of ENGLISH go through the patterns left to the matcher."""
    nlp = engine.pipelines.get("en")
    doc = nlp("Y'all gonna see, we ain't got nothin', let's go.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["nothin'"] == "nothing"


# ---------------------------------------------------------------- custom patterns

WORDS = ["The", "old", "big", "man", "in", "New", "York", "said", "  ", "that", "they",
         "ca", "n't", "go", "there", "."]
TAGS = ["DT", "JJ", "JJ", "NN", "IN", "NNP", "NNP", "VBD", "_SP", "IN", "PRP",
        "MD", "RB", "VB", "RB", "."]
DEPS = ["det", "amod", "amod", "nsubj", "prep", "compound", "pobj", "ROOT", "dep", "mark", "nsubj",
        "aux", "neg", "ccomp", "advmod", "punct"]
HEADS = [3, 3, 3, 7, 3, 6, 4, 7, 7, 13, 13, 13, 13, 7, 13, 7]
SPACES = [True, True, True, True, True, True, True, False, False, True, True, False, True, True, False, False]

PATTERNS = [
    {"patterns": [[{}]], "attrs": {"NORM": "any"}},  # every word
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "DT", "LOWER": {"IN": ["the", "a"]}}]], "attrs": {"POS": "DET", "MORPH": "Definite=Def"}},
    {"patterns": [[{"tag": {"not_in": ["NN", "NNP", ""]}, "dep": {"in": ["nsubj", "pobj"]}}]],
     "attrs": {"POS": "PRON"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    {"patterns": [[{"IS_SPACE": False, "TAG": "_SP"}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"TEXT": "York"}], [{"ORTH": "New"}]], "attrs": {"LEMMA": "NYC"}},
    {"patterns": [[{"LOWER": {"REGEX": "^th"}}]], "attrs": {"LEMMA": "th-word"}},  # a regular expression
    {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"POS": "PROPN"}, "index": -1},
    {"patterns": [[{"TAG": "JJ", "OP": "+"}, {"TAG": "NN"}]], "attrs": {"MORPH": "Degree=Pos"}},  # OP
    {"patterns": [[{"LOWER": "ca"}, {"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "can"}},
    {"patterns": [[{"LOWER": "ca"}, {"LOWER": "n't"}]], "attrs": {"LEMMA": "not"}, "index": 1},
    {"patterns": [[{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}]], "attrs": {"LEMMA": "one"}},  # morphology
    {"patterns": [[{"LENGTH": 4}]], "attrs": {"MORPH": "Foreign=Yes"}},  # an attribute not read by the table
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}},  # a later pattern wins on the same word
    {"patterns": [[{"DEP": "ROOT", "LOWER": "said"}]], "attrs": {"POS": "VERB", "LEMMA": "say"}},
    {"patterns": [[{"lower": "they", "DEP": "nsubj", "TAG": "PRP"}]], "attrs": {"MORPH": "Case=Nom|Number=Plur"}},
]


def _doc(nlp) -> Doc:
    return Doc(nlp.vocab, words=WORDS, spaces=SPACES, tags=TAGS, deps=DEPS, heads=HEADS)


def _rulers(patterns, *, vocab_of=None):
    """spaCy's ruler and the fast one with ``patterns``, each in its own blank English pipeline."""
    plain_nlp, fast_nlp = spacy.blank("en"), spacy.blank("en")
    plain = AttributeRuler(plain_nlp.vocab)
    plain.add_patterns(patterns)
    fast = FastAttributeRuler(fast_nlp.vocab)
    fast.add_patterns(patterns)
    return plain_nlp, plain, fast_nlp, fast


@pytest.mark.parametrize("every_word", [True, False])
def test_custom_patterns_same_as_spacy(every_word):
    """With and without a pattern that matches every word (through the matcher: then every
    word's attributes are merged from both kinds of matches)."""
    patterns = PATTERNS if every_word else PATTERNS[1:]
    plain_nlp, plain, fast_nlp, fast = _rulers(patterns)
    assert fast.patterns == plain.patterns
    # the one-word tests are looked up; several words, OP, REGEX, MORPH, LENGTH and a word with no
    # test at all are matched
    assert fast.table.matched == (8 if every_word else 7)
    assert len(fast.table.looked_up) == 10
    expected = _state(plain(_doc(plain_nlp)))
    assert _state(fast(_doc(fast_nlp))) == expected
    batch = list(fast.pipe([_doc(fast_nlp) for _ in range(5)], batch_size=2))
    assert [_state(doc) for doc in batch] == [expected] * 5
    # the patterns did act: order, several words with a later target, regular expressions
    by_word = {t.text: t for t in batch[0]}
    assert by_word["man"].pos_ == "PROPN"
    # every match is found before any attribute is set: the morphology the ruler gives "man"
    # does not make it match the morphology test
    assert str(by_word["man"].morph) == "Number=Sing" and by_word["man"].lemma_ == ""
    assert by_word["York"].pos_ == "PROPN" and by_word["York"].lemma_ == "NYC"
    assert by_word["ca"].lemma_ == "can" and by_word["n't"].lemma_ == "not"
    assert by_word["they"].pos_ == "PRON" and by_word["The"].lemma_ == "th-word"
    assert str(by_word["old"].morph) == "Degree=Pos"


def test_unknown_pattern_kinds_are_matched_by_spacy():
    """Patterns the table cannot test are all left to the matcher and give spaCy's result."""
    odd = [
        {"patterns": [[{"LOWER": {"FUZZY": "thier"}}]], "attrs": {"LEMMA": "their"}},
        {"patterns": [[{"ENT_TYPE": ""}]], "attrs": {"NORM": "x"}},
        {"patterns": [[{"LOWER": {"IN": ["the", 5]}}]], "attrs": {"LEMMA": "five"}},
        {"patterns": [[{"IS_SENT_START": True}]], "attrs": {"MORPH": "Start=Yes"}},
    ]
    plain_nlp, plain, fast_nlp, fast = _rulers(odd)
    assert not fast.table.looked_up and fast.table.matched == 4
    assert _state(fast(_doc(fast_nlp))) == _state(plain(_doc(plain_nlp)))


def test_lexeme_and_extension_attributes_applied_in_spacys_order():
    """A pattern that sets a lexeme attribute or an extension makes every match be applied
    one at a time, in spaCy's order."""
    if not Token.has_extension("tocsin_test_mark"):
        Token.set_extension("tocsin_test_mark", default=None)
    patterns = PATTERNS + [
        {"patterns": [[{"TAG": "RB"}]], "attrs": {"_": {"tocsin_test_mark": "adverb"}}},
        {"patterns": [[{"LOWER": "go"}]], "attrs": {"IS_STOP": True}},
    ]
    plain_nlp, plain, fast_nlp, fast = _rulers(patterns)
    assert not fast.table.word_only
    a, b = plain(_doc(plain_nlp)), fast(_doc(fast_nlp))
    assert _state(a) == _state(b)
    assert [t._.tocsin_test_mark for t in a] == [t._.tocsin_test_mark for t in b]
    assert [t.is_stop for t in a] == [t.is_stop for t in b]
    assert b[13].is_stop and b[12]._.tocsin_test_mark == "adverb"


def test_bad_index_fails_as_in_spacy():
    patterns = [{"patterns": [[{"LOWER": "the"}]], "attrs": {"LEMMA": "x"}, "index": 3}]
    plain_nlp, plain, fast_nlp, fast = _rulers(patterns)
    with pytest.raises(ValueError) as spacy_error:
        plain(_doc(plain_nlp))
    with pytest.raises(ValueError) as fast_error:
        fast(_doc(fast_nlp))
    assert str(fast_error.value) == str(spacy_error.value)
    with pytest.raises(ValueError):
        list(fast.pipe([_doc(fast_nlp)]))
    # an error handler that lets the pipeline go on gets the same documents
    for ruler in (plain, fast):
        ruler.set_error_handler(lambda name, component, docs, error: ("handled", len(docs)))
    assert list(plain.pipe([_doc(plain_nlp)] * 2)) == list(fast.pipe([_doc(fast_nlp)] * 2)) == [("handled", 1)] * 2


def test_patterns_added_later_are_used():
    _, _, fast_nlp, fast = _rulers(PATTERNS[:3])
    assert fast(_doc(fast_nlp))[3].pos_ == "NOUN"
    fast.add_patterns([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}}])
    assert fast(_doc(fast_nlp))[3].pos_ == "PROPN"
    fast.clear()
    assert fast(_doc(fast_nlp))[3].pos_ == ""


def test_replacement_in_a_pipeline():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    assert use_fast_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    fast = nlp.get_pipe("attribute_ruler")
    assert isinstance(fast, FastAttributeRuler) and fast.patterns == ruler.patterns
    plain_nlp, plain, _, _ = _rulers(PATTERNS)
    assert _state(fast(_doc(nlp))) == _state(plain(_doc(plain_nlp)))


def test_replacement_left_out():
    # no ruler
    assert not use_fast_attribute_ruler(spacy.blank("en"))
    # no pattern the table can look up: spaCy's ruler stays
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([{"patterns": [[{"LOWER": {"REGEX": "^a"}}]], "attrs": {"LEMMA": "a"}}])
    assert not use_fast_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler

    # a ruler of another kind under that name
    class OwnRuler(AttributeRuler):
        pass

    nlp = spacy.blank("en")
    nlp.add_pipe("tocsin_test_own_ruler", name="attribute_ruler")
    assert not use_fast_attribute_ruler(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "OwnRuler"


@spacy.Language.factory("tocsin_test_own_ruler")
def _own_ruler(nlp, name):
    class OwnRuler(AttributeRuler):
        pass

    own = OwnRuler(nlp.vocab, name)
    own.add_patterns([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}])
    return own
