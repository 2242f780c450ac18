"""Repairs of recurring parser errors, applied to a parsed sentence before it is coded.

The coder reads roles from the dependency tree; a few tree shapes that the
parser gets wrong again and again in news text are put right here, once, so
that every later rule (triggers, arguments, qualifiers) sees the sentence as it
reads. Each repair only moves a token under another head and relabels it; it
never changes words, and it leaves trees it does not recognise alone. Repairs of single
words the tagger or lemmatiser misreads (parts of speech, lemmas, names cut in two) live in
:mod:`tocsin.coding.word_repairs`; all run from this module's table (:data:`_REPAIRS`).

Each repair returns a true value when it changed the tree, and has a row in
:data:`_REPAIRS`: a precondition on what the sentence holds (labels, parts of speech,
words, read once per sentence into :class:`_Words`) that holds whenever the repair
could apply, then the repair. :func:`repair_parse` runs the rows in order and skips a
repair whose precondition fails, so a new repair is one function and one row.

* **A phrase hung on a weekday** (French pipelines): in "a entamé jeudi des
  manœuvres", "a décrété mercredi une mobilisation" or "a dénoncé dimanche Tokyo"
  the day that follows the verb takes the verb's object (or its inverted subject)
  as its own dependent. :func:`reattach_after_time_noun` gives it back to the verb:
  "des/du/une …" becomes the object, a bare name after a quoted statement the
  subject, a phrase with another preposition an oblique of the verb.
* **A headline verb taken for a participle**: "Le Niger expulse l'ambassadeur de France"
  (:func:`finite_verb_taken_for_participle`).
* **A name taken for an oblique**: "a menacé Séoul d'un désastre" — a name right
  after the verb with no preposition is its object (:func:`object_without_preposition`).
* **A gerund taken for a noun or a noun's modifier**: "Pékin a riposté en sanctionnant dix
  personnalités", "ont réaffirmé leur soutien à l'Ukraine, tout en condamnant l'agression" —
  the "en …ant" form is a verb of the clause (:func:`gerund_taken_for_modifier`).
* **A subject taken by its conjunction**: in "… si Séoul et Washington poursuivent leurs
  exercices" the parser hangs "si" and the names on the main verb and leaves the
  conditional verb without a subject (:func:`subject_taken_by_conjunction`).
* **A speaker after an unquoted statement taken for an object**: in "La Chine répondra
  fermement si …, a averti Pékin" the name after the closing speech verb is its subject and
  the statement its complement, as with a quotation (:func:`reroot_unquoted_speech`).
* **A prison term hung on the court**: in "a été condamné par un tribunal de Hong Kong à dix
  mois de prison" the term goes back to the verb, where "condamner à" reads it
  (:func:`sentence_term_on_a_noun`).
* **A coordinated participle hung on a participle modifier**: in "Le Qatar a envoyé un avion
  chargé d'aide à Beyrouth et promis de financer …" the second participle shares the
  auxiliary of "a envoyé", not the modifier "chargé" (:func:`participle_coordinated_with_a_modifier`).
* **A list of subjects cut after its first name**: in "L'Algérie, la Grèce et Israël ont
  dépêché …" the parser makes the first name the root and the verb a relative clause of it
  with "la Grèce et Israël" as subject; the first name rejoins the list
  (:func:`list_subject_cut_after_first_name`).
* **A count after a weekday**: "a gracié mercredi dix-huit prisonniers", "a abattu dans la
  nuit dix-huit missiles": the number and the noun it counts are the verb's object
  (:func:`count_after_time_word`).
* **A surname taken for a word of its own**: in "Emmanuel Macron a reçu …" the tagger can
  read "Macron" as an adverb hung on the verb; a capitalised leaf word right after a name,
  inside running text, is the rest of that name (:func:`name_split_by_tagger`); in "Boko Haram a
  enlevé …" the first word, hung on the verb by a function link, starts the name that follows
  (:func:`name_start_hung_on_the_verb`); "Macron a critiqué …" opened by a surname read as an
  adverb has it for subject (:func:`name_taken_for_adverb_at_start`); in "a attaqué des
  soldats turcs" the article read as "de" + "les" is put back (:func:`object_taken_for_partitive_phrase`).
* **A subject hung on a function word**: "Les Houthis ont de nouveau attaqué" — the
  subject goes to the verb (:func:`subject_on_function_word`).
* **A quotation taken for the main clause**: in "« Il doit être libéré », a exhorté
  Antony Blinken" the parser makes the quoted verb the root and the speech verb a
  dependent of it. :func:`reroot_inverted_speech` makes the speech verb the root and
  the quotation its complement, so the quoted act is read as content and its actors
  as the recipient ("exhorter" → REQUEST towards Niger).

Shapes counted over the French sentences of the benchmark corpus and the dev gold items
(one in ten French news sentences had a weekday read as the object):

* **A bare weekday read as the object**: "ont protesté mardi devant …" (:func:`time_word_taken_for_object`).
* **A name split into two arguments**: "Mikhaïl | Michoustine a dénoncé …", two subjects
  (:func:`name_split_into_two_arguments`); a title and its name as two subjects
  (:func:`title_and_name_taken_for_two_arguments`); a name read as an adjective of its title
  (:func:`name_taken_for_an_adjective`).
* **A noun after "et" coordinated with the verb**: "a remercié le Danemark et les Pays-Bas"
  (:func:`conjunct_noun_hung_on_the_verb`); a coordinated subject taken for the root: "Les
  insurgés et le Niger ont accepté …" (:func:`coordinated_subject_taken_for_root`).
* **A noun tagged as a verb after its determiner**: "l'offre de médiation", "toute nouvelle aide"
  (:func:`noun_tagged_as_verb`).
* **A resumptive noun read as a conjunct**: "…, une décision saluée par Bruxelles"
  (:func:`resumptive_noun_taken_for_a_conjunct`).
* **Words the tagger misreads, first of all**: a present verb left without its infinitive
  ("tire", "dépêche": :func:`present_verb_without_lemma`), a participle tagged as an adjective
  ("a gelé": :func:`participle_taken_for_adjective`), a subject hung on the auxiliary
  (:func:`subject_hung_on_auxiliary`), a headline verb taken for a noun ("Washington
  sanctionne des …": :func:`headline_verb_taken_for_noun`).
* **A phrase hung on a prepositional adverb**: "a plaidé auprès de X" gives X to the verb
  (:func:`phrase_hung_on_prepositional_adverb`); "l'attaque du Hamas contre Israël": the
  recipient hung on the genitive name goes back to the noun (:func:`recipient_hung_on_genitive_name`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import DEP, HEAD, IS_TITLE, LEMMA, LOWER, POS
from spacy.parts_of_speech import ADJ, ADP, ADV, AUX, DET, IDS, NOUN, PART, PROPN, SCONJ, VERB, X
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import RELATIVE_PRONOUNS, SUBJECT
from tocsin.coding.word_repairs import (
    FUNCTION_LINKS,
    PARTITIVES,
    SPLIT_NAME_TAGS,
    SUBJECT_LINKS,
    VERBAL,
    conditional_taken_for_indicative,
    headline_verb_taken_for_noun,
    name_split_by_tagger,
    name_split_into_two_arguments,
    name_start_hung_on_the_verb,
    name_taken_for_adverb_at_start,
    name_taken_for_an_adjective,
    noun_tagged_as_verb,
    participle_taken_for_adjective,
    participle_taken_for_noun,
    present_verb_without_lemma,
    title_and_name_taken_for_two_arguments,
)

#: the labels the parser gives to a weekday under the verb
_TIME_LINKS = frozenset({"obl:mod", "obl", "obj", "nmod", "obl:tmod"})
#: the labels it gives to the phrase it took
_TAKEN_LINKS = frozenset({"nmod", "appos", "obj", "flat:name"})
_OPEN_QUOTES = frozenset({"«", "“", '"', "‹"})
_CLOSE_QUOTES = frozenset({"»", "”", '"', "›"})
#: links by which a speech verb after a quotation hangs on the quoted clause
_SPEECH_LINKS = frozenset({"advcl", "parataxis", "conj", "ccomp", "parataxis:insert", "dep"})


def repair_parse(sent: Span, cues: Cues) -> None:
    """Apply every repair to ``sent`` in place (idempotent).

    The repairs run in the order of :data:`_REPAIRS`, each on the tree the ones before
    left. A repair runs only when its precondition holds for the sentence's
    :class:`_Words` (labels, parts of speech and words present); a precondition only
    asks for what the repair cannot do without, so skipping it changes nothing. The
    table is read again after a repair that changed the tree.
    """
    words: _Words | None = None
    for precondition, repair in _REPAIRS:
        if words is None:
            words = _Words(sent, cues)
        if precondition(words) and repair(sent, cues):
            words = None  # labels or parts of speech changed: read them again
    if words is None or words.quote:
        if reroot_inverted_speech(sent):
            return
        words = None  # it may give a speaker back to the speech verb without rerooting
    if words is None:
        words = _Words(sent, cues)
    if words.fr and VERB in words.pos and not words.dep.isdisjoint(_SPEECH_LINK_IDS):
        reroot_unquoted_speech(sent, cues.reporting_verbs | cues.inverted_speech_verbs)


class _Words:
    """What a sentence's document holds, read in one ``to_array`` call: the labels, the
    parts of speech, the lower-case forms and lemmas present, the (label, part of speech)
    of each word and the (label, part of speech of its head), whether a word of time
    ("jeudi", "la nuit") is among them and whether a title-case word follows a name.
    The whole document is read, so a repair that looks at a word's head or children
    outside a partial span still finds it."""

    __slots__ = ("sent", "dep", "pos", "lower", "lemma", "labelled", "fr", "quote",
                 "_pos", "_deps", "_heads", "_hung", "_titles", "_found", "_time_nouns", "_strings")

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
        self._titles = titles
        self._found: dict[frozenset[str], bool] = {}
        self._time_nouns = cues.time_nouns
        self._strings = doc.vocab.strings

    def _head_of(self, i: int) -> int:
        offset = self._heads[i]
        return i + (offset if offset < _SIGN else offset - _WRAP)

    @property
    def hung(self) -> set[tuple[int, int]]:
        """The (label, part of speech of the head) of every word."""
        if self._hung is None:
            pos = self._pos
            self._hung = {(dep, pos[self._head_of(i)]) for i, dep in enumerate(self._deps)}
        return self._hung

    def subject_on_function_word(self) -> bool:
        """A word with a subject's label hung on an adposition, adverb, particle or determiner."""
        pos = self._pos
        return any(dep in _SUBJECT_LINK_IDS and pos[self._head_of(i)] in _FUNCTION_POS
                   for i, dep in enumerate(self._deps))

    def title_after_name(self) -> bool:
        """A title-case word that the tagger did not read as part of a name, right after a
        title-case name ("Emmanuel Macron" with "Macron" read as an adverb)."""
        titles, pos, deps = self._titles, self._pos, self._deps
        for i in range(len(pos) - 1):
            if (pos[i] == PROPN and titles[i] and titles[i + 1]
                    and (pos[i + 1] in _SPLIT_NAME_POS or (pos[i + 1] == PROPN and deps[i + 1] in _FUNCTION_LINK_IDS))):
                return True
        return False

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
            ids, lemmas = _word_ids(words)
            found = not self.lower.isdisjoint(ids)
            if not found and words:
                for lemma in self.lemma:
                    known = lemmas.get(lemma)
                    if known is None:
                        known = lemmas[lemma] = self._strings[lemma].lower() in words
                    if known:
                        found = True
                        break
            self._found[words] = found
        return found

    @property
    def time_word(self) -> bool:
        """A word of time ("jeudi", "nuit"), by its lower-case form or its lemma."""
        return self.has_word(self._time_nouns)


_SIGN = 1 << 63
_WRAP = 1 << 64

#: label id → whether it is an auxiliary's ("aux", "aux:pass", "aux:tense", …)
_AUXILIARY_LINK: dict[int, bool] = {}
_WORD_IDS: dict[frozenset[str], tuple[frozenset[int], dict[int, bool]]] = {}


def _word_ids(words: frozenset[str]) -> tuple[frozenset[int], dict[int, bool]]:
    """The string ids of ``words``, and a memo of which lemma ids are one of them once lower-cased."""
    known = _WORD_IDS.get(words)
    if known is None:
        known = _WORD_IDS[words] = (frozenset(get_string_id(w) for w in words), {})
    return known


def _ids(*names: str) -> frozenset[int]:
    return frozenset(get_string_id(n) for n in names)


def reattach_after_time_noun(sent: Span, cues: Cues) -> int:
    """Give the phrase a weekday took back to the verb; returns how many were moved."""
    moved = 0
    for time in sent:
        if time.dep_ not in _TIME_LINKS:
            continue  # the cheapest test first: most words have other labels
        if time.lemma_.lower() not in cues.time_nouns and time.lower_ not in cues.time_nouns:
            continue
        verb = time.head
        if verb.pos_ not in VERBAL or verb.i > time.i:
            continue
        for taken in [c for c in time.children if c.i > time.i and c.dep_ in _TAKEN_LINKS]:
            if taken.pos_ not in ("NOUN", "PROPN"):
                continue
            case = next((c for c in taken.children if c.dep_ == "case"), None)
            if case is None or (case.lower_ in PARTITIVES and case.i == time.i + 1):
                quoted_subject = _quoted_subject(verb)
                has_subject = any(c.dep_ in SUBJECT for c in verb.children)
                if taken.pos_ == "PROPN" and case is None and (quoted_subject is not None or not has_subject):
                    # "« … », a dénoncé dimanche Tokyo": the name after the day speaks
                    if quoted_subject is not None:
                        quoted_subject.dep_ = "ccomp"
                    taken.head, taken.dep_ = verb, "nsubj"
                elif not any(c.dep_ == "obj" and c.i != time.i for c in verb.children):
                    if case is not None:
                        case.dep_ = "det"  # "des manœuvres": an article, not "de"
                    taken.head, taken.dep_ = verb, "obj"
                else:
                    continue
            else:
                taken.head, taken.dep_ = verb, "obl:mod"
            if time.dep_ == "obj":
                time.dep_ = "obl:mod"
            moved += 1
    return moved


#: nouns of time that stay obliques ("la semaine dernière", "trois jours")
_TIME_UNITS = frozenset({"heure", "jour", "journée", "semaine", "mois", "an", "année", "fois", "minute",
                         "hour", "day", "week", "month", "year", "time"})


#: labels the parser gives to an object with no preposition ("xcomp" for a name followed by
#: "à" + infinitive: "a exhorté Washington à cesser …")
_OBJECT_MISREAD = frozenset({"obl:mod", "xcomp"})


def object_without_preposition(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"a menacé Séoul d'un désastre", "a renvoyé mardi douze agents consulaires": a phrase
    after the verb (a weekday may stand between), with no preposition, labelled as an oblique,
    is the verb's object. Only names, or nouns when a weekday stood between (the parser's usual
    slip there)."""
    moved = 0
    for word in sent:
        if word.dep_ not in _OBJECT_MISREAD or word.pos_ not in ("PROPN", "NOUN") or word.i == 0:
            continue
        if word.dep_ == "xcomp" and (word.pos_ != "PROPN" or word.i != word.head.i + 1):
            continue  # "a exhorté Washington à cesser": only a name right after the verb
        verb = word.head
        if verb.pos_ != "VERB" or verb.i >= word.i or any(c.dep_ == "case" for c in word.children):
            continue
        lemma = word.lemma_.lower()
        if lemma in time_nouns or lemma in _TIME_UNITS or word.lower_ in time_nouns:
            continue
        between = [t for t in sent.doc[verb.i + 1:word.left_edge.i]]
        skipped_time = bool(between) and all(t.lemma_.lower() in time_nouns or t.lower_ in time_nouns for t in between)
        if between and not skipped_time:
            continue
        if word.pos_ == "NOUN" and not skipped_time:
            continue
        if any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        word.dep_ = "obj"
        moved += 1
    return moved


def object_taken_by_time_phrase(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"aurait massé ces derniers jours des blindés et de l'artillerie": a time phrase read as
    the verb's object, and the real object, after a partitive article read as the preposition
    "de", hung under it. The object becomes the verb's, the time phrase an oblique."""
    moved = 0
    for time in sent:
        if time.dep_ not in ("obj", "dobj") or time.head.pos_ != "VERB":
            continue
        lemma = time.lemma_.lower()
        if lemma not in _TIME_UNITS and lemma not in time_nouns:
            continue
        taken = [c for c in time.children if c.dep_ == "nmod" and c.i > time.i and any(
            g.dep_ == "case" and g.lower_ in PARTITIVES for g in c.children)]
        if not taken:
            continue
        verb, phrase = time.head, taken[0]
        phrase.head, phrase.dep_ = verb, "obj"
        time.dep_ = "obl:mod"
        for case in phrase.children:
            if case.dep_ == "case" and case.lower_ in PARTITIVES:
                case.dep_ = "det"
        moved += 1
    return moved


def finite_verb_taken_for_participle(sent: Span) -> bool:
    """"Le Niger expulse l'ambassadeur de France": a present-tense verb of a headline read as a
    participle modifying the name before it. The verb becomes the root, the name its subject,
    the phrase after it its object."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.dep_ not in ("amod", "acl"):
            continue
        lemma = verb.lemma_.lower()
        finite = "Fin" in verb.morph.get("VerbForm")
        present_form = lemma.endswith("er") and verb.lower_ in (lemma[:-2] + "e", lemma[:-2] + "ent")
        if not finite and not ("Part" in verb.morph.get("VerbForm") and present_form):
            continue
        subject = verb.head
        if subject.dep_ != "ROOT" or subject.pos_ not in ("NOUN", "PROPN") or subject.i > verb.i:
            continue
        after = [c for c in subject.children if c.i > verb.i and c.dep_ in ("nmod", "obj", "appos")]
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head, subject.dep_ = verb, "nsubj"
        for phrase in after:
            has_case = any(c.dep_ == "case" for c in phrase.children)
            phrase.head = verb
            if not has_case and not any(c.dep_ == "obj" for c in verb.children):
                phrase.dep_ = "obj"
            else:
                phrase.dep_ = "obl:mod"
        return True
    return False


#: links of a verb that heads a clause (not "l'opposant" tagged as a participle object)
_CLAUSE_LINKS = frozenset({"ROOT", "ccomp", "advcl", "conj", "xcomp", "parataxis", "acl:relcl"})
#: units of a prison term ("à dix mois de prison", "à trois ans")
_TERM_UNITS = frozenset({"an", "année", "mois", "semaine", "jour"})
#: gerund endings and the infinitive ending they come from ("sanctionnant" → "sanctionner")
_GERUND_ENDINGS = (("issant", "ir"), ("ant", "er"))


def gerund_taken_for_modifier(sent: Span) -> int:
    """"en sanctionnant dix personnalités" tagged as a noun under another noun, or "tout en
    condamnant" hung on the object of the clause: the gerund becomes a verb (an "-er"/"-ir"
    infinitive as lemma when it was tagged otherwise) hung on the clause's verb, and a bare
    noun under it its object; returns how many were repaired."""
    if sent.doc.lang_ != "fr":
        return 0
    repaired = 0
    for tok in sent[1:]:
        marker = tok.doc[tok.i - 1]
        low = tok.lower_
        if marker.lower_ != "en" or not low.endswith("ant") or len(low) < 7 or tok.pos_ not in ("NOUN", "VERB"):
            continue
        if tok.pos_ == "VERB" and (tok.head.pos_ in VERBAL or tok.head.i == tok.i):
            continue
        verb = next((a for a in tok.ancestors if a.pos_ in VERBAL), None)
        if verb is None:
            continue
        if tok.pos_ == "NOUN":
            ending, infinitive = next((e, i) for e, i in _GERUND_ENDINGS if low.endswith(e))
            tok.pos_ = "VERB"
            tok.lemma_ = low[: -len(ending)] + infinitive
            tok.set_morph("VerbForm=Part|Tense=Pres")
            for child in tok.children:
                if child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN") and not any(
                        g.dep_ == "case" for g in child.children):
                    child.dep_ = "obj"
        tok.head = verb
        tok.dep_ = "advcl"
        marker.head = tok
        marker.dep_ = "mark"
        repaired += 1
    return repaired


def subject_taken_by_conjunction(sent: Span) -> int:
    """"si Séoul et Washington poursuivent …": a subordinating conjunction hung on a name that
    the next verb, a sister clause with no subject of its own, should have as its subject.
    The name becomes that verb's subject and the conjunction its marker; returns how many."""
    moved = 0
    for mark in sent:
        name = mark.head
        if mark.dep_ != "mark" or mark.pos_ != "SCONJ" or name.pos_ not in ("PROPN", "NOUN") or name.i < mark.i:
            continue
        last = max(t.i for t in name.subtree)
        verb = next((t for t in sent.doc[last + 1:min(last + 3, sent.end)] if t.pos_ in VERBAL), None)
        if (verb is None or verb.head.i != name.head.i or verb.dep_ not in ("advcl", "conj")
                or any(c.dep_ in SUBJECT or c.dep_ == "mark" for c in verb.children)):
            continue
        name.head = verb
        name.dep_ = "nsubj"
        mark.head = verb
        verb.dep_ = "advcl"
        moved += 1
    return moved


def sentence_term_on_a_noun(sent: Span) -> int:
    """"condamné par un tribunal … à dix mois de prison": "à" + a number + a unit of time,
    hung on a noun, belongs to the verb of the clause; returns how many were moved."""
    if sent.doc.lang_ != "fr":
        return 0
    moved = 0
    for term in sent:
        if (term.dep_ not in ("nmod", "dep") or term.head.pos_ in VERBAL or term.lemma_.lower() not in _TERM_UNITS
                or not any(c.dep_ == "case" and c.lower_ == "à" for c in term.children)
                or not any(c.dep_ == "nummod" for c in term.children)):
            continue
        verb = next((a for a in term.ancestors if a.pos_ in VERBAL and a.dep_ in _CLAUSE_LINKS), None)
        if verb is None:
            continue
        term.head = verb
        term.dep_ = "obl:arg"
        moved += 1
    return moved


def participle_coordinated_with_a_modifier(sent: Span) -> int:
    """"a envoyé un avion chargé d'aide … et promis de financer": a participle with no auxiliary
    coordinated with a participle that describes the object of a compound verb (or with a
    noun of its phrases) is that verb's conjunct; returns how many were moved."""
    if sent.doc.lang_ != "fr":
        return 0
    moved = 0
    for tok in sent:
        modifier = tok.head
        if (tok.dep_ == "conj" and tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm")
                and modifier.pos_ in ("NOUN", "PROPN") and not _has_auxiliary(tok)):
            moved += _participle_coordinated_with_a_noun(tok)
            continue
        if (tok.dep_ != "conj" or tok.pos_ != "VERB" or "Part" not in tok.morph.get("VerbForm")
                or modifier.dep_ != "acl" or modifier.pos_ != "VERB" or _has_auxiliary(tok) or _has_auxiliary(modifier)):
            continue
        noun = modifier.head
        verb = noun.head
        if noun.dep_ not in ("obj", "dobj") or verb.pos_ != "VERB" or not _has_auxiliary(verb) or verb.i > noun.i:
            continue
        tok.head = verb
        moved += 1
    return moved


def _participle_coordinated_with_a_noun(tok: Token) -> int:
    """"La police a dispersé un rassemblement de l'opposition à Conakry et interpellé une
    trentaine de militants": the participle hung on a noun is the compound verb's conjunct,
    and the phrase after it, hung on the same noun, its object."""
    noun = tok.head
    verb = next((a for a in noun.ancestors if a.pos_ == "VERB" and _has_auxiliary(a)), None)
    if verb is None or verb.i > tok.i:
        return 0
    obj = next((c for c in noun.children if c.i > tok.i and c.dep_ in ("appos", "nmod") and c.pos_ == "NOUN"
                and not any(g.dep_ == "case" for g in c.children)), None)
    tok.head = verb
    if obj is not None and not any(c.dep_ in ("obj", "dobj") for c in tok.children):
        obj.head, obj.dep_ = tok, "obj"
    return 1


def _has_auxiliary(verb: Token) -> bool:
    return any(c.dep_.startswith("aux") for c in verb.children)


def list_subject_cut_after_first_name(sent: Span) -> bool:
    """"L'Algérie, la Grèce et Israël ont dépêché …" read as "Algérie" (root) described by the
    clause "la Grèce et Israël ont dépêché", or "La Russie et l'Ukraine ont procédé …" read as
    "Russie" coordinated with a clause: a relative or coordinated clause with no relative
    pronoun, whose subject follows the root name and a comma or "et", is the sentence, with
    the root name as the first of its subjects."""
    root = sent.root
    if root.pos_ != "PROPN" or root.i > sent.start + 1:
        return False
    for verb in root.children:
        if verb.dep_ not in ("acl:relcl", "relcl", "acl", "conj") or verb.pos_ != "VERB" or verb.i < root.i:
            continue
        if any(c.lower_ in RELATIVE_PRONOUNS or c.lower_ in ("dont", "où", "où") for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ in SUBJECT and c.i < verb.i), None)
        if subject is None or subject.pos_ != "PROPN":
            continue
        between = sent.doc[root.i + 1:min(t.i for t in subject.subtree)]
        if [t.lower_ for t in between] not in ([","], ["et"], ["and"]):
            continue  # "L'Algérie, la Grèce …", "La Russie et l'Ukraine ont procédé …"
        for word in between:
            if word.dep_ == "cc":
                word.head = subject
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        for other in [c for c in subject.children if c.dep_ == "conj"]:
            other.head = root  # conjuncts hang on the first of the list
        subject.head, subject.dep_ = root, "conj"
        return True
    return False


def count_after_time_word(sent: Span, time_nouns: frozenset[str]) -> int:
    """"a gracié mercredi dix-huit prisonniers politiques": a number right after the weekday
    (or "la nuit") and the noun it counts, with no preposition, are the object of the verb
    the weekday hangs on, when that verb has none; returns how many were moved."""
    moved = 0
    for time in sent:
        if time.lower_ not in time_nouns or time.i + 2 >= sent.end:
            continue
        number, noun = time.doc[time.i + 1], time.doc[time.i + 2]
        verb = time.head
        if (not number.like_num or noun.pos_ != "NOUN" or verb.pos_ not in VERBAL or verb.i > time.i
                or any(c.dep_ == "case" for c in noun.children)
                or any(c.dep_ in ("obj", "dobj") and c.i != noun.i for c in verb.children)):
            continue
        noun.head, noun.dep_ = verb, "obj"
        number.head, number.dep_ = noun, "nummod"
        moved += 1
    return moved


def subject_on_function_word(sent: Span) -> int:
    """"Les Houthis ont de nouveau attaqué …": a subject the parser hung on an adverbial
    locution or a preposition belongs to the verb that word depends on (an auxiliary or a
    copula may head a clause of its own: "delegations were due to meet")."""
    moved = 0
    for subject in sent:
        if subject.dep_ not in SUBJECT_LINKS:
            continue  # the label first: no head is looked up for the other words
        head = subject.head
        if head.i == subject.i:
            continue
        if head.pos_ in ("ADP", "ADV", "PART", "DET") and head.head.pos_ in VERBAL and head.head.i != head.i:
            subject.head = head.head
            moved += 1
    return moved


def reroot_inverted_speech(sent: Span) -> bool:
    """"« … », a exhorté X": make the speech verb the root and the quotation its complement."""
    root = sent.root
    if root.pos_ not in VERBAL and root.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    span = _quotation_around(sent, root)
    if span is None:
        return _quotation_as_complement(sent, root)
    _, close = span
    for verb in list(root.children):
        if verb.dep_ not in _SPEECH_LINKS or verb.pos_ != "VERB" or verb.i < close or not _between_is_comma(sent, close, verb):
            continue
        if not any(c.dep_ in SUBJECT for c in verb.children):
            # "« … », a tranché samedi Volodymyr Zelensky": the speaker hung on the quoted verb
            speaker = next((c for c in root.children if c.dep_ in SUBJECT and c.i > verb.i), None)
            if speaker is not None:
                speaker.head = verb
        _speaker_taken_for_object(verb)
        if any(c.dep_ in SUBJECT and c.i > verb.i for c in verb.children):
            verb.head, verb.dep_ = verb, "ROOT"
            root.head, root.dep_ = verb, "ccomp"
            return True
    return False


def _speaker_taken_for_object(verb: Token) -> None:
    """"« … », a exhorté mardi Rishi Sunak": after a quotation the name after the speech verb
    is its subject, whatever label the parser gave it."""
    if any(c.dep_ in SUBJECT for c in verb.children):
        return
    name = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ in ("PROPN", "NOUN") and c.i > verb.i), None)
    if name is not None:
        name.dep_ = "nsubj"


def _quotation_as_complement(sent: Span, verb: Token) -> bool:
    """The speech verb is already the root: its quotation is its complement, not an adverbial
    clause ("« Le Venezuela doit libérer … », a exhorté mercredi Antony Blinken")."""
    if verb.pos_ != "VERB":
        return False
    changed = False
    for child in verb.children:
        if child.dep_ in _SPEECH_LINKS and child.dep_ != "ccomp" and child.i < verb.i:
            span = _quotation_around(sent, child)
            if span is not None and span[1] < verb.i and _between_is_comma(sent, span[1], verb):
                child.dep_ = "ccomp"
                changed = True
    if changed:
        _speaker_taken_for_object(verb)
    return changed


def _quoted_subject(verb: Token) -> Token | None:
    """The verb's subject when it is a quotation before the verb ("« Une violation … », a dénoncé")."""
    for child in verb.children:
        if child.dep_ in SUBJECT and child.i < verb.i and _quotation_around(child.sent, child) is not None:
            return child
    return None


def _quotation_around(sent: Span, token: Token) -> tuple[int, int] | None:
    """The token indices of the «…» that holds ``token``, if any."""
    open_at = None
    for t in sent:
        if t.i > token.i:
            break
        if t.text in _OPEN_QUOTES and (t.text != '"' or open_at is None):
            open_at = t.i
        elif t.text in _CLOSE_QUOTES and open_at is not None and t.i < token.i:
            open_at = None
    if open_at is None:
        return None
    for t in sent.doc[token.i + 1:sent.end]:
        if t.text in _CLOSE_QUOTES:
            return open_at, t.i
    return None


def _between_is_comma(sent: Span, close: int, verb: Token) -> bool:
    """Only a comma, auxiliaries and adverbs between the closing quote and the verb."""
    between = sent.doc[close + 1:verb.i]
    return (len(between) > 0 and between[0].text == ","
            and all(t.pos_ in ("AUX", "ADV", "PUNCT", "PART") for t in between))


def reroot_unquoted_speech(sent: Span, speech_verbs: frozenset[str]) -> bool:
    """"X répondra fermement si …, a averti Pékin": a verb of speech after a comma, closing
    the sentence, with no subject and a name right after it, is the main verb: the name its
    subject, the statement before the comma its complement."""
    root = sent.root
    if root.pos_ not in VERBAL or sent.doc.lang_ != "fr":
        return False
    for verb in list(root.children):
        if (verb.dep_ not in _SPEECH_LINKS or verb.pos_ != "VERB" or verb.i < root.i
                or verb.lemma_.lower() not in speech_verbs or any(c.dep_ in SUBJECT for c in verb.children)
                or not (any(c.dep_.startswith("aux") for c in verb.children) or "Fin" in verb.morph.get("VerbForm"))):
            continue  # a participle ("…, dénonçant une offensive") has no subject to invert
        # (the comma before the verb may hang on it)
        first = min(t.i for t in verb.subtree if not (t.is_punct and t.head.i == verb.i and t.i < verb.i))
        if first == 0 or sent.doc[first - 1].text != "," or max(t.i for t in verb.subtree) < sent.end - 2:
            continue
        name = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ in ("PROPN", "NOUN")
                     and c.i > verb.i and not any(g.dep_ == "case" for g in c.children)), None)
        if name is None or any(c.dep_ in ("obj", "dobj", "ccomp") and c.i < verb.i for c in verb.children):
            continue
        name.dep_ = "nsubj"
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "ccomp"
        return True
    return False


#: words that may stand between a subject and its verb
_BEFORE_VERB = frozenset({"aux", "aux:tense", "aux:pass", "advmod", "expl:comp", "punct"})


#: labels a subject before its verb gets when the parser does not see it as one ("det" for a
#: name read as the determiner of a verb taken for a noun: "Ankara menace de …")
_UNLABELLED = frozenset({"dep", "det"})


def subject_left_unlabelled(sent: Span) -> int:
    """"Moscou et Pékin ont mis leur veto …", "Ankara menace de bloquer …": a noun phrase hung
    on the verb that follows it by the bare label ``dep`` (a name: or ``det``), when the verb has no subject and only its auxiliaries and adverbs
    ("n'", "ne … pas") stand between, is the verb's subject (passive when the verb is)."""
    moved = 0
    for word in sent:
        if word.dep_ not in _UNLABELLED or word.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if word.dep_ == "det" and word.pos_ != "PROPN":
            continue
        verb = word.head
        if verb.pos_ not in VERBAL or verb.i <= word.i:
            continue
        if any(c.dep_ in SUBJECT_LINKS for c in verb.children):
            continue
        between = sent.doc[word.right_edge.i + 1:verb.i]
        if any(t.head.i != verb.i or t.dep_ not in _BEFORE_VERB for t in between):
            continue
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        word.dep_ = "nsubj:pass" if passive else "nsubj"
        moved += 1
    return moved


#: verbs of force whose "des …" right after them is an indefinite object, never "de" + "les"
_FORCE_VERBS = frozenset({
    "attaquer", "tuer", "exécuter", "arrêter", "bombarder", "frapper", "enlever", "blesser",
    "capturer", "abattre", "cibler", "viser", "pilonner", "massacrer", "kidnapper", "détenir",
    "interpeller", "expulser", "égorger", "torturer",
})


def object_taken_for_partitive_phrase(sent: Span) -> int:
    """"Le PKK a attaqué des soldats turcs": the indefinite article "des" right after a verb of
    force, read as the preposition "de" + "les", makes the noun an oblique; when the verb has no
    object the noun is its object and "des" its article; returns how many."""
    moved = 0
    for art in sent:
        noun = art.head
        verb = noun.head
        if (art.lower_ != "des" or art.pos_ != "ADP" or art.dep_ != "case" or noun.i != art.i + 1
                or noun.pos_ != "NOUN" or noun.dep_ not in ("obl:arg", "obl", "obl:mod")
                or verb.pos_ != "VERB" or verb.lemma_.lower() not in _FORCE_VERBS or verb.i != art.i - 1
                or any(c.dep_ in ("obj", "dobj", "expl:pv", "expl:comp") for c in verb.children)):
            continue
        noun.dep_ = "obj"
        art.dep_ = "det"
        art.pos_ = "DET"
        moved += 1
    return moved


#: adverbs of quantity that take a counted noun after "de" ("plus de 100 000 soldats")
_QUANTITY_ADVERBS = frozenset({"plus", "moins", "près"})


def count_taken_by_quantity_adverb(sent: Span) -> int:
    """"La Russie a massé plus de 100 000 soldats": when the parser hangs the counted noun on
    the adverb of quantity ("plus", "moins", "près") and leaves the verb without an object,
    the noun is the verb's object and the adverb modifies it; returns how many were moved."""
    moved = 0
    for adverb in sent:
        if adverb.lower_ not in _QUANTITY_ADVERBS or adverb.dep_ != "advmod":
            continue
        verb = adverb.head
        if verb.pos_ != "VERB" or verb.i > adverb.i or any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        noun = next((c for c in adverb.children if c.pos_ == "NOUN" and c.i > adverb.i
                     and any(g.lower_ in ("de", "d'", "d’") for g in c.children if g.dep_ == "case")), None)
        if noun is None:
            continue
        noun.head, noun.dep_ = verb, "obj"
        adverb.head = noun
        moved += 1
    return moved


def clause_taken_by_fronted_phrase(sent: Span) -> bool:
    """"À l'appel de l'intersyndicale, plus d'un million de personnes ont défilé …": the parser
    makes the fronted prepositional phrase the root and the clause after the comma a modifier
    of its noun, with the clause's subject in apposition to that noun. A finite verb (it has an
    auxiliary or a finite form) after the comma is the root; the fronted phrase is its
    oblique and the phrase between the comma and the verb its subject."""
    root = sent.root
    if root.pos_ != "NOUN" or not any(c.dep_ == "case" and c.i < root.i for c in root.children):
        return False
    comma = next((c for c in root.children if c.dep_ == "punct" and c.text == "," and c.i > root.i), None)
    if comma is None:
        return False
    verb = next((c for c in root.children if c.dep_ in ("acl", "acl:relcl") and c.pos_ == "VERB" and c.i > comma.i
                 and (_has_auxiliary(c) or "Fin" in c.morph.get("VerbForm"))), None)
    if verb is None or any(c.dep_ in SUBJECT for c in verb.children) or any(
            t.lower_ in RELATIVE_PRONOUNS for t in sent.doc[comma.i + 1:verb.i]):
        return False
    subject = next((c for c in root.children if c.dep_ in ("appos", "nmod", "conj") and comma.i < c.i < verb.i
                    and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if subject is None:
        return False
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "obl:mod"
    subject.head, subject.dep_ = verb, "nsubj"
    comma.head = verb
    return True


def object_taken_by_adverbial_phrase(sent: Span) -> int:
    """"Moscou a testé avec succès son nouveau missile", "a libéré sans délai les otages": a bare
    adverbial phrase (a preposition and a noun with no article) right after the verb takes the
    verb's object, a phrase with its own determiner and no preposition, as its dependent. The
    phrase is the verb's object when the verb has none; returns how many were moved."""
    moved = 0
    for word in sent:
        if word.dep_ != "nmod" or word.pos_ not in ("NOUN", "PROPN"):
            continue
        locution = word.head
        verb = locution.head
        place = locution.dep_ == "obl:arg" and locution.pos_ == "PROPN"  # "doit recevoir au Caire le roi"
        if ((locution.dep_ not in ("obl:mod", "obl") and not place) or locution.i > word.i or verb.pos_ != "VERB"
                or verb.i > locution.i or locution.head.i == locution.i):
            continue
        if not any(c.dep_ == "case" for c in locution.children) or any(c.dep_ == "det" for c in locution.children):
            continue  # "avec succès", "sans délai": a preposition and a bare noun
        if any(c.dep_ == "case" for c in word.children) or not any(c.dep_ in ("det", "nummod") for c in word.children):
            continue  # the phrase taken has no preposition and a determiner of its own
        if any(c.dep_ in ("obj", "dobj") for c in verb.children) or any(
                t.pos_ in ("PUNCT", "VERB", "AUX") for t in sent.doc[verb.i + 1:word.left_edge.i]):
            continue
        word.head, word.dep_ = verb, "obj"
        moved += 1
    return moved


def complement_taken_by_agent_name(sent: Span) -> int:
    """"la reconnaissance par la France de l'État de Palestine", "l'expulsion par Alger de douze
    agents": after an event noun, the parser hangs the "de …" complement on the name in the
    "par …" phrase (or that phrase on the verb). A name takes no "de" complement here: both
    phrases belong to the noun before "par"; returns how many complements were moved."""
    moved = 0
    for agent in sent:
        if agent.pos_ != "PROPN" or not any(c.dep_ == "case" and c.lower_ == "par" for c in agent.children):
            continue
        before = agent.left_edge.i - 1
        if before < sent.start:
            continue
        noun = sent.doc[before]
        if noun.pos_ != "NOUN" or noun.i == agent.head.i and agent.dep_ not in ("nmod", "obl:agent"):
            continue
        complement = next((c for c in agent.children if c.dep_ == "nmod" and c.i > agent.i and any(
            g.dep_ == "case" and g.lower_ in PARTITIVES for g in c.children)), None)
        if complement is None:
            continue
        complement.head = noun
        if agent.head.i != noun.i:
            agent.head, agent.dep_ = noun, "nmod"
        moved += 1
    return moved


#: adverbs the French model reads as the head of their "de …" phrase ("auprès de Pékin")
_PREPOSITIONAL_ADVERBS = frozenset({"auprès"})

def phrase_hung_on_prepositional_adverb(sent: Span) -> int:
    """"a protesté auprès de Pékin", "a plaidé auprès de Washington": the model makes "auprès"
    an adverb of the verb and the name its dependent, so the name is no argument of the verb
    and "auprès" no preposition of the name. The name goes to the verb, "auprès" becomes its
    preposition (the "de" stays after it); returns how many phrases were moved."""
    moved = 0
    for adverb in sent:
        if adverb.lower_ not in _PREPOSITIONAL_ADVERBS or adverb.dep_ != "advmod":
            continue
        verb = adverb.head
        if verb.i == adverb.i or verb.pos_ not in ("VERB", "NOUN"):
            continue
        phrase = next((c for c in adverb.children if c.i > adverb.i and c.pos_ in ("PROPN", "NOUN", "PRON")
                       and any(g.dep_ == "case" and g.lower_ in PARTITIVES | {"des"} and g.i == adverb.i + 1
                               for g in c.children)), None)
        if phrase is None:
            continue
        for other in [c for c in adverb.children if c.i != phrase.i]:
            other.head = verb  # "… auprès du Japon contre la visite": the rest is the verb's
        phrase.head, phrase.dep_ = verb, "obl:arg"
        adverb.head, adverb.dep_, adverb.pos_ = phrase, "case", "ADP"
        moved += 1
    return moved


#: prepositions of a noun's recipient or partner, which a name in its genitive does not take
_RECIPIENT_CASES = frozenset({"contre", "envers", "vers", "sur", "à", "avec"})

def recipient_hung_on_genitive_name(sent: Span) -> int:
    """"L'attaque du Hamas contre Israël a fait …", "l'offensive de l'armée soudanaise contre les
    FSR se poursuit": the parser hangs the "contre/à/avec X" phrase of a noun on the actor in its
    "de …" genitive. The name X goes back to the first noun, whose complement it is (a place
    after a person, "la visite de Macron à Pékin", goes there too); returns how many moved."""
    moved = 0
    for phrase in sent:
        if phrase.dep_ != "nmod" or not (phrase.pos_ == "PROPN" or (phrase.pos_ == "NOUN" and phrase.text[:1].isupper())):
            continue  # a name, or a capitalised acronym the tagger reads as a noun ("les FSR")
        case = next((c for c in phrase.children if c.dep_ == "case"), None)
        if case is None or case.lower_ not in _RECIPIENT_CASES:
            continue
        name = phrase.head
        if name.pos_ not in ("PROPN", "NOUN") or name.dep_ != "nmod" or name.i > phrase.i:
            continue
        if not any(c.dep_ == "case" and c.lower_ in PARTITIVES for c in name.children):
            continue
        noun = name.head
        if noun.pos_ != "NOUN" or noun.i > name.i:
            continue
        phrase.head = noun
        moved += 1
    return moved


def subject_hung_on_auxiliary(sent: Span) -> int:
    """"La Suisse a gelé des fonds": the parser hangs the subject on the auxiliary "a" (tagged
    as a verb) instead of the participle the auxiliary belongs to; it goes to the participle
    when that has no subject of its own. Returns how many subjects were moved."""
    moved = 0
    for subject in sent:
        if subject.dep_ not in SUBJECT_LINKS:
            continue
        aux = subject.head
        if aux.i == subject.i or aux.dep_ not in ("aux", "aux:tense", "aux:pass") or aux.lemma_ not in ("avoir", "être"):
            continue
        verb = aux.head
        if verb.i == aux.i or any(c.dep_ in SUBJECT_LINKS for c in verb.children):
            continue
        subject.head = verb
        moved += 1
    return moved


# --------------------------------------------------------------------------- the order of the repairs

_TIME_LINK_IDS = _ids(*_TIME_LINKS)
_QUANTITY_ADVERB_IDS = _ids(*_QUANTITY_ADVERBS)
_PREPOSITIONAL_ADVERB_IDS = _ids(*_PREPOSITIONAL_ADVERBS)
_OPEN_QUOTE_IDS = _ids(*_OPEN_QUOTES)
_SPEECH_LINK_IDS = _ids(*_SPEECH_LINKS)
_SUBJECT_LINK_IDS = _ids(*SUBJECT_LINKS)
_VERBAL_POS = frozenset({VERB, AUX})
_NOUN_OR_VERB_POS = frozenset({NOUN, VERB})
_ROOT_ID = get_string_id("ROOT")
_MODIFIER_IDS = _ids("amod", "acl")
_MODIFIER_VERB = frozenset((d, VERB) for d in _MODIFIER_IDS)
_MODIFIER_OF_NAME = frozenset((d, p) for d in _MODIFIER_IDS for p in (NOUN, PROPN))
_NAME_ROOT = frozenset({(_ROOT_ID, NOUN), (_ROOT_ID, PROPN)})
_AUXILIARY_LEMMA_IDS = _ids("avoir", "être")
_OBL_MOD_ID = get_string_id("obl:mod")
_AUX_TENSE_IDS = _ids("aux", "aux:tense")
_AUX_LINK_IDS = _ids("aux", "aux:tense", "aux:pass")
_ADVMOD_ID = get_string_id("advmod")
_OBJ_ID = get_string_id("obj")
_PAR_ID = get_string_id("par")
_NMOD_OF_NAME = frozenset((get_string_id("nmod"), p) for p in (NOUN, PROPN))
_CONJ_OF_NAME = frozenset((get_string_id("conj"), p) for p in (NOUN, PROPN))
_XCOMP_ID = get_string_id("xcomp")
_UNLABELLED_IDS = _ids(*_UNLABELLED)
_SPLIT_NAME_POS = frozenset(IDS[tag] for tag in SPLIT_NAME_TAGS)
_FUNCTION_LINK_IDS = _ids(*FUNCTION_LINKS)
_OBJECT_OF_VERB = frozenset((d, VERB) for d in _ids("obj", "dobj"))
_NMOD_CASE_IDS = _ids("nmod", "case")
_PARTITIVE_IDS = _ids(*PARTITIVES)
_EN_ID = get_string_id("en")
_A_ID = get_string_id("à")
_MARK_ID = get_string_id("mark")
_MARK_ON_NAME = frozenset({(_MARK_ID, NOUN), (_MARK_ID, PROPN)})
_NUMMOD_CASE_IDS = _ids("nummod", "case")
_CONJ_ID = get_string_id("conj")
_CLAUSE_OF_NAME = frozenset((d, VERB) for d in _ids("acl:relcl", "relcl", "acl", "conj"))
_FUNCTION_POS = frozenset({ADP, ADV, PART, DET})


#: verbs that take a person as object and then a "que" clause: "a prévenu l'Iran qu'il riposterait"
_TELL_THAT_VERBS = frozenset({"prévenir", "avertir", "informer", "assurer", "menacer", "promettre", "garantir",
                              "rappeler", "répondre", "dire", "signifier"})
_QUE = frozenset({"que", "qu'", "qu’"})


def that_clause_taken_for_relative(sent: Span) -> int:
    """"Les États-Unis ont prévenu l'Iran qu'ils riposteraient": the French parser reads the
    "que" clause after the person warned as a relative clause on that person ("l'Iran qu'ils
    riposteraient"), so the warning loses its content and the content reads as an act of its own.
    A relative clause in the conditional or the future, with a subject of its own, on the object
    of a verb of telling or warning, becomes that verb's clause, and "que" its conjunction."""
    changed = 0
    for word in sent:
        if word.dep_ != "acl:relcl" or word.pos_ not in ("VERB", "AUX"):
            continue
        person, verb = word.head, word.head.head
        if person.dep_ not in ("obj", "iobj", "obl:arg") or verb.lemma_.lower() not in _TELL_THAT_VERBS:
            continue
        if "Cnd" not in word.morph.get("Mood") and "Fut" not in word.morph.get("Tense"):
            continue
        que = next((c for c in word.children if c.lower_ in _QUE and c.i < word.i), None)
        if que is None or que.dep_ not in ("obj", "nsubj", "mark", "dep") or que.i != word.left_edge.i:
            continue
        if not any(c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and c.i != que.i for c in word.children):
            continue
        que.dep_, que.pos_ = "mark", "SCONJ"
        word.head, word.dep_ = verb, "ccomp"
        for stray in [c for c in verb.children if c.dep_ == "obj" and c.i > word.i]:
            stray.head = word  # "… qu'elle bombarderait les positions kurdes": the clause's object
        changed += 1
    return changed


def headline_participle_taken_for_modifier(sent: Span) -> int:
    """"Mali : deux soldats tués dans une attaque jihadiste", "Tunisie : un opposant condamné à
    trois ans de prison": a French headline with no finite verb reports a passive act with a bare
    past participle, which the parser hangs on the noun as a modifier (the way it reads "les
    produits importés"), so the act is taken for a description. When the sentence has no finite
    verb and the noun opens it (or follows the "Pays :" prefix), the participle becomes the verb
    (under the prefix, as the prefix's verbs are) and the noun its passive subject."""
    if sent.doc.lang_ != "fr" or any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in sent):
        return 0
    for word in sent:
        if (word.pos_ != "VERB" or word.dep_ != "acl" or "Part" not in word.morph.get("VerbForm")
                or "Past" not in word.morph.get("Tense") or any(c.dep_.startswith("aux") for c in word.children)):
            continue
        noun = word.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i > word.i or any(c.dep_ == "case" for c in noun.children):
            continue
        if noun.dep_ == "ROOT":
            prefix = None
            if noun.left_edge.i != sent.start:
                continue
        else:
            prefix = noun.head
            colon = sent.doc[prefix.i + 1] if prefix.i + 1 < sent.end else None
            if (noun.dep_ not in ("nmod", "appos", "dep", "nsubj") or prefix.dep_ != "ROOT" or prefix.i != sent.start
                    or colon is None or colon.text != ":" or noun.left_edge.i != colon.i + 1):
                continue
        if prefix is None:
            word.head, word.dep_ = word, "ROOT"
        else:
            word.head, word.dep_ = prefix, "parataxis"
        noun.head, noun.dep_ = word, "nsubj:pass"
        return 1
    return 0


def relative_clause_hung_on_the_verb(sent: Span) -> int:
    """"Le Hezbollah a attaqué Israël, qui a bombardé le Liban", "… sur le nord d'Israël, qui a
    riposté": the French parser hangs a relative clause that opens with ", qui" on the main verb
    (as a relative or an adverbial clause), so its subject is lost, or the clause reads as the
    main act said again. The clause goes back to the noun right before the comma, its antecedent."""
    changed = 0
    for word in sent:
        if word.pos_ not in ("VERB", "AUX") or word.dep_ not in ("acl:relcl", "advcl", "conj", "parataxis"):
            continue
        head = word.head
        if head.pos_ not in ("VERB", "AUX") or head.i > word.i:
            continue
        qui = next((c for c in word.children if c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ == "qui"), None)
        if qui is None or qui.i == sent.start or qui.i - 2 < sent.start or sent.doc[qui.i - 1].text != ",":
            continue
        noun = sent.doc[qui.i - 2]
        while noun.dep_ == "flat:name" and noun.head.i < noun.i:
            noun = noun.head
        if noun.pos_ not in ("NOUN", "PROPN") or head.i == noun.i or noun.head.i == word.i:
            continue
        word.head, word.dep_ = noun, "acl:relcl"
        changed += 1
    return changed


def object_taken_by_closing_speech_verb(sent: Span, speech_verbs: frozenset[str]) -> int:
    """"Washington va fournir à l'Ukraine une nouvelle aide militaire, a annoncé le Pentagone":
    the parser makes the object before the comma the subject of the speech verb that closes the
    sentence (whose speaker comes after it), and hangs that verb on the act. The noun goes back
    to the act as its object and the speech verb to the root, where the rerooting of unquoted
    speech finds it."""
    root = sent.root
    for verb in sent:
        if (verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_verbs or verb.dep_ not in _SPEECH_LINKS
                or not any(c.dep_.startswith("aux") for c in verb.children)):
            continue
        aux_start = min([c.i for c in verb.children if c.dep_.startswith("aux")] + [verb.i])
        comma = aux_start - 1
        if comma < sent.start or sent.doc[comma].text != ",":
            continue
        noun = next((c for c in verb.children if c.dep_ in SUBJECT and c.i < comma and c.pos_ in ("NOUN", "PROPN")), None)
        act = verb.head
        if noun is None or act.pos_ != "VERB" or act.i > noun.i or any(c.dep_ in ("obj", "dobj") for c in act.children):
            continue
        if not any(c.dep_ in ("obj", "dobj") and c.i > verb.i for c in verb.children):
            continue  # the speaker, named after the verb
        noun.head, noun.dep_ = act, "obj"
        if verb.head.i != root.i:
            verb.head, verb.dep_ = root, "parataxis"
        for punct in [c for c in noun.children if c.dep_ == "punct" and c.i == comma]:
            punct.head = verb
        return 1
    return 0


_REPAIRS: tuple[tuple[Callable[[_Words], bool], Callable[[Span, Cues], object]], ...] = (
    # lemmas and parts of speech first: the repairs below read them
    (lambda w: w.fr and VERB in w.pos, lambda sent, cues: present_verb_without_lemma(sent)),
    (lambda w: w.fr, lambda sent, cues: conditional_taken_for_indicative(sent)),
    (lambda w: w.fr, lambda sent, cues: that_clause_taken_for_relative(sent)),
    (lambda w: w.fr, lambda sent, cues: relative_clause_hung_on_the_verb(sent)),
    (lambda w: w.fr, lambda sent, cues: object_taken_by_closing_speech_verb(sent, cues.reporting_verbs)),
    (lambda w: w.fr and ADJ in w.pos and not w.dep.isdisjoint(_AUX_TENSE_IDS),
     lambda sent, cues: participle_taken_for_adjective(sent)),
    (lambda w: not w.dep.isdisjoint(_AUX_LINK_IDS) and not w.dep.isdisjoint(_SUBJECT_LINK_IDS),
     lambda sent, cues: subject_hung_on_auxiliary(sent)),
    (lambda w: w.time_word and not w.dep.isdisjoint(_TIME_LINK_IDS) and not w.pos.isdisjoint(_VERBAL_POS),
     reattach_after_time_noun),
    (lambda w: w.time_word and NOUN in w.pos,
     lambda sent, cues: count_after_time_word(sent, cues.time_nouns)),
    (lambda w: not w.labelled.isdisjoint(_MODIFIER_VERB) and not w.hung.isdisjoint(_MODIFIER_OF_NAME)
     and not w.labelled.isdisjoint(_NAME_ROOT),
     lambda sent, cues: finite_verb_taken_for_participle(sent)),
    (lambda w: w.fr and NOUN in w.pos and not w.lemma.isdisjoint(_AUXILIARY_LEMMA_IDS) and w.auxiliary_under_noun(),
     lambda sent, cues: participle_taken_for_noun(sent)),
    (lambda w: ((_OBL_MOD_ID, PROPN) in w.labelled or ((_OBL_MOD_ID, NOUN) in w.labelled and w.time_word))
     and (_OBL_MOD_ID, VERB) in w.hung or ((_XCOMP_ID, PROPN) in w.labelled and (_XCOMP_ID, VERB) in w.hung),
     lambda sent, cues: object_without_preposition(sent, cues.time_nouns)),
    (lambda w: _NMOD_CASE_IDS <= w.dep and not w.lower.isdisjoint(_PARTITIVE_IDS)
     and (w.time_word or w.has_word(_TIME_UNITS)) and not w.hung.isdisjoint(_OBJECT_OF_VERB),
     lambda sent, cues: object_taken_by_time_phrase(sent, cues.time_nouns)),
    (lambda w: PROPN in w.pos and w.title_after_name(),
     lambda sent, cues: name_split_by_tagger(sent, cues.time_nouns)),
    (lambda w: PROPN in w.pos and not w.dep.isdisjoint(_FUNCTION_LINK_IDS),
     lambda sent, cues: name_start_hung_on_the_verb(sent)),
    (lambda w: w.fr and not w.dep.isdisjoint(_FUNCTION_LINK_IDS),
     lambda sent, cues: name_taken_for_adverb_at_start(sent)),
    (lambda w: w.fr and not w.dep.isdisjoint(_FUNCTION_LINK_IDS),
     lambda sent, cues: object_taken_for_partitive_phrase(sent)),
    (lambda w: w.fr and _EN_ID in w.lower and not w.pos.isdisjoint(_NOUN_OR_VERB_POS),
     lambda sent, cues: gerund_taken_for_modifier(sent)),
    (lambda w: (_MARK_ID, SCONJ) in w.labelled and not w.hung.isdisjoint(_MARK_ON_NAME),
     lambda sent, cues: subject_taken_by_conjunction(sent)),
    (lambda w: w.fr and _NUMMOD_CASE_IDS <= w.dep and _A_ID in w.lower,
     lambda sent, cues: sentence_term_on_a_noun(sent)),
    (lambda w: w.fr and (_CONJ_ID, VERB) in w.labelled,
     lambda sent, cues: participle_coordinated_with_a_modifier(sent)),
    (lambda w: not w.labelled.isdisjoint(_CLAUSE_OF_NAME) and w.sent.root.pos == PROPN,
     lambda sent, cues: list_subject_cut_after_first_name(sent)),
    (lambda w: not w.dep.isdisjoint(_SUBJECT_LINK_IDS) and w.subject_on_function_word(),
     lambda sent, cues: subject_on_function_word(sent)),
    (lambda w: not w.dep.isdisjoint(_UNLABELLED_IDS),
     lambda sent, cues: subject_left_unlabelled(sent)),
    (lambda w: _ADVMOD_ID in w.dep and not w.lower.isdisjoint(_QUANTITY_ADVERB_IDS),
     lambda sent, cues: count_taken_by_quantity_adverb(sent)),
    (lambda w: w.sent.root.pos == NOUN, lambda sent, cues: clause_taken_by_fronted_phrase(sent)),
    (lambda w: not w.labelled.isdisjoint(_NMOD_OF_NAME), lambda sent, cues: object_taken_by_adverbial_phrase(sent)),
    (lambda w: PROPN in w.pos and _PAR_ID in w.lower, lambda sent, cues: complement_taken_by_agent_name(sent)),
    (lambda w: w.fr, lambda sent, cues: headline_verb_taken_for_noun(sent)),
    (lambda w: w.fr, lambda sent, cues: headline_participle_taken_for_modifier(sent)),
    (lambda w: _ADVMOD_ID in w.dep and not w.lower.isdisjoint(_PREPOSITIONAL_ADVERB_IDS),
     lambda sent, cues: phrase_hung_on_prepositional_adverb(sent)),
    (lambda w: not w.labelled.isdisjoint(_NMOD_OF_NAME), lambda sent, cues: recipient_hung_on_genitive_name(sent)),
    (lambda w: w.fr and w.time_word and (_OBJ_ID, NOUN) in w.labelled,
     lambda sent, cues: time_word_taken_for_object(sent, cues.time_nouns)),
    # again, once a weekday read as the object has given the place back: "doit recevoir jeudi au
    # Caire le roi de Jordanie"
    (lambda w: not w.labelled.isdisjoint(_NMOD_OF_NAME), lambda sent, cues: object_taken_by_adverbial_phrase(sent)),
    (lambda w: w.fr and (PROPN in w.pos or X in w.pos), lambda sent, cues: name_split_into_two_arguments(sent)),
    (lambda w: w.fr and PROPN in w.pos, lambda sent, cues: title_and_name_taken_for_two_arguments(sent)),
    (lambda w: not w.labelled.isdisjoint(_CONJ_OF_NAME), lambda sent, cues: conjunct_noun_hung_on_the_verb(sent)),
    (lambda w: w.sent.root.pos in (NOUN, PROPN), lambda sent, cues: coordinated_subject_taken_for_root(sent)),
    (lambda w: w.fr and VERB in w.pos, lambda sent, cues: noun_tagged_as_verb(sent)),
    (lambda w: (_CONJ_ID, NOUN) in w.labelled,
     lambda sent, cues: resumptive_noun_taken_for_a_conjunct(sent, cues.resumptive_nouns)),
    (lambda w: w.fr, lambda sent, cues: name_taken_for_an_adjective(sent)),
)


#: labels the French parser gives to a bare weekday after the verb that are an argument's
_ARGUMENT_LINKS_OF_TIME = frozenset({"obj"})


def time_word_taken_for_object(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"Des manifestants ont protesté mardi devant l'ambassade", "a suspendu lundi une partie des
    sanctions": the French parser labels a bare weekday (or "soir", "matin") after the verb as the
    verb's object (one French news sentence in ten). A time word with no determiner is a time
    modifier (``obl:mod``), which leaves the object slot to the real object; returns how many."""
    if not time_nouns or sent.doc.lang_ != "fr":
        return 0
    moved = 0
    for word in sent:
        if word.dep_ not in _ARGUMENT_LINKS_OF_TIME or word.pos_ != "NOUN":
            continue
        if word.lower_ not in time_nouns and word.lemma_.lower() not in time_nouns:
            continue
        if word.head.pos_ not in VERBAL or word.head.i > word.i:
            continue
        if any(c.dep_ in ("det", "case", "nummod") for c in word.children):
            continue  # "a passé la nuit", "a fixé au lundi": a time word with an article is a noun
        word.dep_ = "obl:mod"
        moved += 1
    return moved


#: children that make a conjunct a clause of its own ("et la police a arrêté …")
_CLAUSE_CHILDREN = frozenset({"nsubj", "nsubj:pass", "obj", "aux", "aux:tense", "aux:pass", "cop", "mark", "xcomp"})
#: arguments of a verb a noun after "et" may be coordinated with
_COORDINABLE = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent"})


def conjunct_noun_hung_on_the_verb(sent: Span) -> int:
    """"a remercié le Danemark et les Pays-Bas", "une offensive contre Moscou et Jérusalem": the
    parser coordinates the noun after "et" with the verb instead of with the verb's argument that
    ends right before "et", so the second country is no argument at all. A noun or name
    coordinated with a verb, with no clause of its own (no subject, object, auxiliary), whose
    "et"/"ou" follows an argument of that verb, is that argument's conjunct; returns how many."""
    moved = 0
    for word in sent:
        if word.dep_ != "conj" or word.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = word.head
        if verb.pos_ not in VERBAL or verb.i > word.i:
            continue
        cc = sent.doc[word.left_edge.i]
        if cc.dep_ != "cc" or cc.head.i != word.i or cc.i - 1 < sent.start:
            continue
        if any(c.dep_ in _CLAUSE_CHILDREN for c in word.children):
            continue
        before = sent.doc[cc.i - 1]
        argument = next((a for a in [before, *before.ancestors] if a.head.i == verb.i and a.i != verb.i), None)
        if argument is None or argument.dep_ not in _COORDINABLE or argument.right_edge.i != before.i:
            continue
        word.head = argument
        moved += 1
    return moved


#: labels by which the verb of a cut subject list hangs on the list's first noun
_CUT_CLAUSE_LINKS = frozenset({"conj", "acl", "acl:relcl", "parataxis", "appos", "dep"})


def coordinated_subject_taken_for_root(sent: Span) -> bool:
    """"Vladimir Poutine et Xi Jinping ont signé …", "Les talibans et le Pakistan ont accepté …":
    the parser makes the first noun phrase the root and the verb a conjunct or modifier of it with
    only the second phrase as subject, so the first actor of the list drops out of the event. When
    the sentence opens with a noun phrase (no verb in it), then "et"/"ou", then the subject of a
    finite verb hung on that first noun, the verb is the root and the first phrase the first of its
    subjects. Complements :func:`list_subject_cut_after_first_name` (a bare first name, "X, Y et
    Z"); returns whether the sentence was changed."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.left_edge.i != sent.start:
        return False
    for verb in root.children:
        if verb.dep_ not in _CUT_CLAUSE_LINKS or verb.pos_ not in VERBAL or verb.i < root.i:
            continue
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_LINKS and c.i < verb.i), None)
        if subject is None or not (subject.pos_ in ("NOUN", "PROPN")
                                   or subject.pos_ == "PRON" and subject.text[:1].isupper()):
            continue
        cc = sent.doc[subject.left_edge.i - 1] if subject.left_edge.i > sent.start else None
        if cc is None or cc.lower_ not in ("et", "ou") or cc.i <= root.i:
            continue
        first = sent.doc[sent.start:cc.i]
        if any(t.pos_ in VERBAL or verb.is_ancestor(t) or t.i == verb.i for t in first):
            continue  # the first phrase must be a bare noun phrase ("Les talibans", "Vladimir Poutine")
        if any(t.lower_ in RELATIVE_PRONOUNS for t in sent.doc[cc.i:verb.i]):
            continue
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        for child in list(root.children):
            if child.i > cc.i and child.i != verb.i:
                child.head = verb  # the final full stop, a phrase after the verb
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj:pass" if passive else "nsubj"
        cc.head, cc.dep_ = subject, "cc"
        subject.head, subject.dep_ = root, "conj"
        return True
    return False


def resumptive_noun_taken_for_a_conjunct(sent: Span, resumptive_nouns: frozenset[str] = frozenset()) -> int:
    """"… vont rouvrir un poste-frontière, une décision saluée par Bruxelles": the parser
    coordinates the noun that sums up the clause ("décision", "geste", "mesure": the
    ``resumptive_nouns`` cue) with the object before the comma, although no "et"/"ou" joins
    them. With no conjunction in the list, it stands beside the clause: an apposition, which
    the coder reads as the clause's summary; returns how many were relabelled."""
    if not resumptive_nouns:
        return 0
    moved = 0
    for noun in sent:
        if noun.dep_ != "conj" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in resumptive_nouns:
            continue
        start = noun.left_edge.i
        if sent.doc[start].text != "," and (start <= sent.start or sent.doc[start - 1].text != ","):
            continue  # the comma may hang on the noun or before it
        head = noun.head
        if any(c.dep_ == "cc" for c in noun.children) or any(
                c.dep_ == "conj" and any(g.dep_ == "cc" for g in c.children) for c in head.children if c.i != noun.i):
            continue  # "X, une décision et …": a true list
        noun.dep_ = "appos"
        moved += 1
    return moved


