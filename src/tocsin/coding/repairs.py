"""Repairs of recurring parser errors, applied to a parsed sentence before it is coded.

The coder reads roles from the dependency tree; a few tree shapes that the
parser gets wrong again and again in news text are put right here, once, so
that every later rule (triggers, arguments, qualifiers) sees the sentence as it
reads. Each repair only moves a token under another head and relabels it; it
never changes words, and it leaves trees it does not recognise alone.

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
* **A subject hung on a function word**: "Les Houthis ont de nouveau attaqué" — the
  subject goes to the verb (:func:`subject_on_function_word`).
* **A quotation taken for the main clause**: in "« Il doit être libéré », a exhorté
  Antony Blinken" the parser makes the quoted verb the root and the speech verb a
  dependent of it. :func:`reroot_inverted_speech` makes the speech verb the root and
  the quotation its complement, so the quoted act is read as content and its actors
  as the recipient ("exhorter" → REQUEST towards Niger).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import SUBJECT

#: what a phrase taken from a weekday may hang on
_VERBAL = frozenset({"VERB", "AUX"})
#: the labels the parser gives to a weekday under the verb
_TIME_LINKS = frozenset({"obl:mod", "obl", "obj", "nmod", "obl:tmod"})
#: the labels it gives to the phrase it took
_TAKEN_LINKS = frozenset({"nmod", "appos", "obj", "flat:name"})
#: partitive and indefinite articles the parser reads as the preposition "de"
_PARTITIVES = frozenset({"des", "du", "de", "d'", "d’"})
_OPEN_QUOTES = frozenset({"«", "“", '"', "‹"})
_CLOSE_QUOTES = frozenset({"»", "”", '"', "›"})
#: links by which a speech verb after a quotation hangs on the quoted clause
_SPEECH_LINKS = frozenset({"advcl", "parataxis", "conj", "ccomp", "parataxis:insert", "dep"})


def repair_parse(sent: Span, cues: Cues) -> None:
    """Apply every repair to ``sent`` in place (idempotent)."""
    if cues.time_nouns:
        reattach_after_time_noun(sent, cues)
    finite_verb_taken_for_participle(sent)
    participle_taken_for_noun(sent)
    object_without_preposition(sent, cues.time_nouns)
    object_taken_by_time_phrase(sent, cues.time_nouns)
    subject_on_function_word(sent)
    reroot_inverted_speech(sent)


def reattach_after_time_noun(sent: Span, cues: Cues) -> int:
    """Give the phrase a weekday took back to the verb; returns how many were moved."""
    moved = 0
    for time in sent:
        if time.dep_ not in _TIME_LINKS:
            continue  # the cheapest test first: most words have other labels
        if time.lemma_.lower() not in cues.time_nouns and time.lower_ not in cues.time_nouns:
            continue
        verb = time.head
        if verb.pos_ not in _VERBAL or verb.i > time.i:
            continue
        for taken in [c for c in time.children if c.i > time.i and c.dep_ in _TAKEN_LINKS]:
            if taken.pos_ not in ("NOUN", "PROPN"):
                continue
            case = next((c for c in taken.children if c.dep_ == "case"), None)
            if case is None or (case.lower_ in _PARTITIVES and case.i == time.i + 1):
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


def object_without_preposition(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"a menacé Séoul d'un désastre", "a renvoyé mardi douze agents consulaires": a phrase
    after the verb (a weekday may stand between), with no preposition, labelled as an oblique,
    is the verb's object. Only names, or nouns when a weekday stood between (the parser's usual
    slip there)."""
    moved = 0
    for word in sent:
        if word.dep_ != "obl:mod" or word.pos_ not in ("PROPN", "NOUN") or word.i == 0:
            continue
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
            g.dep_ == "case" and g.lower_ in _PARTITIVES for g in c.children)]
        if not taken:
            continue
        verb, phrase = time.head, taken[0]
        phrase.head, phrase.dep_ = verb, "obj"
        time.dep_ = "obl:mod"
        for case in phrase.children:
            if case.dep_ == "case" and case.lower_ in _PARTITIVES:
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


#: endings of French past participles and the infinitive ending they come from
_PARTICIPLE_ENDINGS = (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"),
                       ("ies", "ir"), ("is", "ir"), ("ie", "ir"), ("i", "ir"))


def participle_taken_for_noun(sent: Span) -> int:
    """"Des milliers de Géorgiens ont défilé": a past participle after its auxiliary, tagged
    as a noun ("un défilé"). It becomes a verb with the infinitive as lemma; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    repaired = 0
    for tok in sent:
        if tok.pos_ != "NOUN" or not any(
                c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and c.i < tok.i for c in tok.children):
            continue
        low = tok.lower_
        for ending, infinitive in _PARTICIPLE_ENDINGS:
            if low.endswith(ending) and len(low) > len(ending) + 2:
                tok.pos_ = "VERB"
                tok.lemma_ = low[: -len(ending)] + infinitive
                tok.set_morph("VerbForm=Part")
                repaired += 1
                break
    return repaired


#: the labels of a subject that :func:`subject_on_function_word` moves
_SUBJECT_LINKS = SUBJECT | {"nsubj:pass"}


def subject_on_function_word(sent: Span) -> int:
    """"Les Houthis ont de nouveau attaqué …": a subject the parser hung on an adverbial
    locution or a preposition belongs to the verb that word depends on (an auxiliary or a
    copula may head a clause of its own: "delegations were due to meet")."""
    moved = 0
    for subject in sent:
        if subject.dep_ not in _SUBJECT_LINKS:
            continue  # the label first: no head is looked up for the other words
        head = subject.head
        if head.i == subject.i:
            continue
        if head.pos_ in ("ADP", "ADV", "PART", "DET") and head.head.pos_ in _VERBAL and head.head.i != head.i:
            subject.head = head.head
            moved += 1
    return moved


def reroot_inverted_speech(sent: Span) -> bool:
    """"« … », a exhorté X": make the speech verb the root and the quotation its complement."""
    root = sent.root
    if root.pos_ not in _VERBAL and root.pos_ not in ("NOUN", "PROPN", "ADJ"):
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
    name = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ == "PROPN" and c.i > verb.i), None)
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
