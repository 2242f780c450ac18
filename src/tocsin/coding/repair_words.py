"""What a sentence holds, read once before the parse repairs run: labels, parts of speech,
words and lemmas from one ``to_array`` call (:class:`_Words`), and the id sets the
preconditions of :data:`tocsin.coding.repairs._REPAIRS` test against them. A precondition that
fails lets :func:`~tocsin.coding.repairs.repair_parse` skip its repair without walking the
sentence.
"""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, IS_TITLE, LEMMA, LOWER, POS
from spacy.parts_of_speech import (
    ADP,
    ADV,
    AUX,
    DET,
    IDS,
    NOUN,
    PART,
    PROPN,
    VERB,
    X,
)
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from tocsin.coding.qualifiers import Cues
from tocsin.coding.speech_repairs import (
    OPEN_QUOTES,
)
from tocsin.coding.word_repairs import (
    _ARGUMENT_LINKS,
    _CONDITIONAL_ENDINGS,
    FUNCTION_LINKS,
    SPLIT_NAME_TAGS,
    SUBJECT_LINKS,
)

#: ``Doc.user_data`` keys of the arrays the coder reads after the repairs (see
#: :meth:`_Words.hand_over`, ``coder._word_codes`` and ``coder._dep_ids``)
WORD_CODES_KEY = "tocsin.words"


DEP_IDS_KEY = "tocsin.deps"


class _Words:
    """What a sentence's document holds, read in one ``to_array`` call: the labels, the
    parts of speech, the lower-case forms and lemmas present, the (label, part of speech)
    of each word, the (label, part of speech of its head) and (label, label of its head),
    the verbs' forms and lemmas, whether a word of time ("jeudi", "la nuit") or one of a
    repair's own words is among them, and word pairs side by side (a title-case word after a
    name, two names with one label). The sets of words and links are built when a
    precondition first asks for them. The whole document is read, so a repair that looks at
    a word's head or children outside a partial span still finds it (a test that needs the
    span itself, "no verb in the sentence", reads the span's own words)."""

    __slots__ = ("sent", "dep", "pos", "lower", "lemma", "labelled", "fr", "quote", "cues",
                 "_pos", "_deps", "_heads", "_hung", "_links", "_titles", "_lowers", "_lemmas", "_verbal",
                 "_found", "_time_nouns", "_strings", "_head_index")

    def __init__(self, sent: Span, cues: Cues) -> None:
        self.sent = sent
        doc = sent.doc
        rows = doc.to_array([DEP, POS, LOWER, LEMMA, IS_TITLE, HEAD])
        deps, pos, lower, lemma, titles, heads = rows.T.tolist() if len(rows) else ([], [], [], [], [], [])
        self.dep = set(deps)
        self.pos = set(pos)
        self.lower = set(lower)
        self.lemma = set(lemma)
        self.labelled = set(zip(deps, pos, strict=True))
        self.fr = doc.lang_ == "fr"
        self.quote = not self.lower.isdisjoint(_OPEN_QUOTE_IDS)
        self._pos = pos
        self._deps = deps
        self._heads = heads  # offsets to the head, negative ones read as unsigned 64-bit numbers
        self._hung: set[tuple[int, int]] | None = None
        self._head_index: list[int] | None = None
        self._links: set[tuple[int, int]] | None = None
        self._titles = titles
        self._lowers = lower
        self._lemmas = lemma
        self._verbal: list[tuple[int, int, int]] | None = None
        self.cues = cues
        self._found: dict[frozenset[str], bool] = {}
        self._time_nouns = cues.time_nouns
        self._strings = doc.vocab.strings

    def hand_over(self) -> None:
        """Leave the arrays read here to the coder (parts of speech, lemmas, lower-case forms
        and labels of every word), which would read them again from the document: called
        when no repair changed the tree since they were read, so they are the repaired
        sentence's. Arrays the coder already holds are left as they are."""
        user_data = self.sent.doc.user_data
        if WORD_CODES_KEY not in user_data:
            user_data[WORD_CODES_KEY] = (self._pos, self._lemmas, self._lowers)
        if DEP_IDS_KEY not in user_data:
            user_data[DEP_IDS_KEY] = self._deps

    @property
    def hung(self) -> set[tuple[int, int]]:
        """The (label, part of speech of the head) of every word."""
        if self._hung is None:
            self._read_heads()
        return self._hung  # type: ignore[return-value]

    @property
    def links(self) -> set[tuple[int, int]]:
        """The (label, label of the head) of every word."""
        if self._links is None:
            self._read_heads()
        return self._links  # type: ignore[return-value]

    def _read_heads(self) -> None:
        pos, deps = self._pos, self._deps
        heads = [i + (offset if offset < _SIGN else offset - _WRAP) for i, offset in enumerate(self._heads)]
        self._head_index = heads
        self._hung = {(dep, pos[h]) for dep, h in zip(deps, heads, strict=True)}
        self._links = {(dep, deps[h]) for dep, h in zip(deps, heads, strict=True)}

    def nmod_on_oblique_of_verb(self) -> bool:
        """A noun or name with a noun modifier's label hung on an oblique before it (an "obl" or
        "obl:mod", or a name as "obl:arg") that is hung on a verb before it: what
        ``object_taken_by_adverbial_phrase`` looks for first, read from the arrays."""
        if self._head_index is None:
            self._read_heads()
        heads, pos, deps = self._head_index, self._pos, self._deps
        for i, dep in enumerate(deps):
            if dep != _NMOD_ID or (pos[i] != NOUN and pos[i] != PROPN):
                continue
            h = heads[i]
            if h > i or not (deps[h] in _OBL_OR_MOD_IDS or (deps[h] == _OBL_ARG_ID and pos[h] == PROPN)):
                continue
            v = heads[h]
            if v < h and pos[v] == VERB:
                return True
        return False

    def subject_on_function_word(self) -> bool:
        """A word with a subject's label hung on an adposition, adverb, particle or determiner."""
        return not self.hung.isdisjoint(_SUBJECT_ON_FUNCTION_WORD)

    @property
    def verbal(self) -> list[tuple[int, int, int]]:
        """The (part of speech, lemma, lower-case form) of every verb and auxiliary."""
        if self._verbal is None:
            self._verbal = [(p, lemma, low) for p, lemma, low in zip(self._pos, self._lemmas, self._lowers, strict=True)
                            if p == VERB or p == AUX]
        return self._verbal

    def verb_spelt_as_its_lemma(self) -> bool:
        """A verb whose lemma, lower-cased, is its own lower-case form ("tire" left as "tire")."""
        strings = self._strings
        for p, lemma, low in self.verbal:
            if p == VERB:
                if lemma == low:
                    return True
                known = _SPELT_AS_LEMMA.get((lemma, low))
                if known is None:
                    known = _SPELT_AS_LEMMA[(lemma, low)] = strings[lemma].lower() == strings[low]
                if known:
                    return True
        return False

    def conditional_spelling(self) -> bool:
        """A verb or auxiliary whose form ends like a conditional ("retirerait", "riposteraient")."""
        strings = self._strings
        for _, _, low in self.verbal:
            known = _CONDITIONAL_FORM.get(low)
            if known is None:
                known = _CONDITIONAL_FORM[low] = strings[low].endswith(_CONDITIONAL_ENDINGS)
            if known:
                return True
        return False

    @property
    def root_pos(self) -> int:
        """The part of speech of ``sent.root``: the first word of the span that is its own head
        (as spaCy finds it), else spaCy's answer."""
        sent = self.sent
        if "root" in sent.doc.user_span_hooks:
            return sent.root.pos
        try:
            return self._pos[self._heads.index(0, sent.start, sent.end)]
        except ValueError:
            return sent.root.pos

    def no_verb(self) -> bool:
        """No verb or auxiliary within the sentence's own span."""
        sent = self.sent
        return _VERBAL_POS.isdisjoint(self._pos[sent.start:sent.end])

    def names_side_by_side(self) -> bool:
        """Two words side by side with one argument's label, a name (or unknown word) then a
        name, unknown word or noun ("Vladimir | Poutine" as two subjects)."""
        pos, deps = self._pos, self._deps
        for i in range(len(pos) - 1):
            if (deps[i] == deps[i + 1] and pos[i] in _NAME_POS and deps[i] in _ARGUMENT_LINK_IDS
                    and pos[i + 1] in _NAME_OR_NOUN_POS):
                return True
        return False

    def name_after_function_word(self) -> bool:
        """A title-case word hung by a function link right before a title-case name."""
        titles, pos, deps = self._titles, self._pos, self._deps
        for i in range(len(pos) - 1):
            if titles[i] and titles[i + 1] and pos[i + 1] == PROPN and deps[i] in _FUNCTION_LINK_IDS:
                return True
        return False

    def title_after_name(self) -> bool:
        """A title-case word that the tagger did not read as part of a name, right after a
        title-case name ("Emmanuel Macron" with "Macron" read as an adverb)."""
        titles, pos, deps = self._titles, self._pos, self._deps
        for i in range(len(pos) - 1):
            if (pos[i] == PROPN and titles[i] and titles[i + 1]
                    and (pos[i + 1] in _SPLIT_NAME_POS or (pos[i + 1] == PROPN and deps[i + 1] in _FUNCTION_LINK_IDS))):
                return True
        return False

    def title_with_link(self, links: frozenset[int]) -> bool:
        """A title-case word, not the document's first, hung by one of ``links``."""
        titles, deps = self._titles, self._deps
        return any(titles[i] and deps[i] in links for i in range(1, len(deps)))

    def auxiliary_under_noun(self) -> bool:
        """A word with an auxiliary's label hung on a noun ("ont défilé" read as a noun)."""
        strings = self._strings
        for dep, head_pos in self.hung:
            if head_pos == NOUN:
                known = _AUXILIARY_LINK.get(dep)
                if known is None:
                    known = _AUXILIARY_LINK[dep] = strings[dep].startswith("aux")
                if known:
                    return True
        return False

    def has_word(self, words: frozenset[str]) -> bool:
        """One of ``words`` is among the sentence's lower-case forms or lower-cased lemmas."""
        found = self._found.get(words)
        if found is None:
            ids, yes, no = _word_ids(words)
            found = not self.lower.isdisjoint(ids) or not self.lemma.isdisjoint(yes)
            if not found and words:
                for lemma in self.lemma - no:  # the lemmas not yet sorted (none, once the vocabulary is seen)
                    if self._strings[lemma].lower() in words:
                        yes.add(lemma)
                        found = True
                        break
                    no.add(lemma)
            self._found[words] = found
        return found

    @property
    def time_word(self) -> bool:
        """A word of time ("jeudi", "nuit"), by its lower-case form or its lemma."""
        return self.has_word(self._time_nouns)


_SIGN = 1 << 63


_WRAP = 1 << 64


def _word_ids(words: frozenset[str]) -> tuple[frozenset[int], set[int], set[int]]:
    """The string ids of ``words``, and the lemma ids seen so far that are one of them once
    lower-cased, and those that are not."""
    known = _WORD_IDS.get(words)
    if known is None:
        known = _WORD_IDS[words] = (frozenset(get_string_id(w) for w in words), set(), set())
    return known


def _ids(*names: str) -> frozenset[int]:
    return frozenset(get_string_id(n) for n in names)


_OPEN_QUOTE_IDS = _ids(*OPEN_QUOTES)


_VERBAL_POS = frozenset({VERB, AUX})


_SPLIT_NAME_POS = frozenset(IDS[tag] for tag in SPLIT_NAME_TAGS)


_FUNCTION_LINK_IDS = _ids(*FUNCTION_LINKS)


_SUBJECT_LINK_IDS = _ids(*SUBJECT_LINKS)
_FUNCTION_POS = frozenset({ADP, ADV, PART, DET})
_SUBJECT_ON_FUNCTION_WORD = frozenset((d, p) for d in _SUBJECT_LINK_IDS for p in _FUNCTION_POS)


_NMOD_ID = get_string_id("nmod")


_OBL_OR_MOD_IDS = _ids("obl:mod", "obl")


_OBL_ARG_ID = get_string_id("obl:arg")


_ARGUMENT_LINK_IDS = _ids(*_ARGUMENT_LINKS)


_NAME_POS = frozenset({PROPN, X})


_NAME_OR_NOUN_POS = frozenset({PROPN, X, NOUN})


#: (lemma id, lower-case id) → whether the lemma, lower-cased, is the lower-case form
_SPELT_AS_LEMMA: dict[tuple[int, int], bool] = {}
#: lower-case id → whether the form ends like a conditional
_CONDITIONAL_FORM: dict[int, bool] = {}


#: label id → whether it is an auxiliary's ("aux", "aux:pass", "aux:tense", …)
_AUXILIARY_LINK: dict[int, bool] = {}


_WORD_IDS: dict[frozenset[str], tuple[frozenset[int], set[int], set[int]]] = {}


def _word_codes(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """The part-of-speech id, lemma id and lower-case id of every token (``Token.pos``,
    ``Token.lemma``, ``Token.lower``), read once per parsed sentence (after its repairs)."""
    found = doc.user_data.get(WORD_CODES_KEY)  # left by the repairs when still current
    if found is None:
        rows = doc.to_array([POS, LEMMA, LOWER]) if len(doc) else None
        found = doc.user_data[WORD_CODES_KEY] = (
            (rows[:, 0].tolist(), rows[:, 1].tolist(), rows[:, 2].tolist()) if rows is not None else ([], [], []))
    return found


def _dep_ids(doc: Doc) -> list[int]:
    """The dependency label id of every token (``Token.dep``), read once per parsed sentence
    (after its repairs)."""
    found = doc.user_data.get(DEP_IDS_KEY)  # left by the repairs when still current
    if found is None:
        found = doc.user_data[DEP_IDS_KEY] = doc.to_array(DEP).tolist() if len(doc) else []
    return found
