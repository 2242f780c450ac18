"""Parse repairs around reported speech: quotations and the verb that closes them, a speaker
after an unquoted statement, a that-clause read as a relative.

French wire copy puts the speech verb after what is said ("« … », a exhorté X", "…, a
averti Pékin"); the parser then makes the quoted verb the root. These repairs make the
speech verb the root and the statement its complement, so that the statement is read as
content and the speaker as the source. They run from the table in :mod:`tocsin.coding.repairs`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.coding.syntax import SUBJECT, morph_values
from tocsin.coding.word_repairs import VERBAL

OPEN_QUOTES = frozenset({"«", "“", '"', "‹"})


_CLOSE_QUOTES = frozenset({"»", "”", '"', "›"})


#: links by which a speech verb after a quotation hangs on the quoted clause
SPEECH_LINKS = frozenset({"advcl", "parataxis", "conj", "ccomp", "parataxis:insert", "dep"})


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
        if verb.dep_ not in SPEECH_LINKS or verb.pos_ != "VERB" or verb.i < close or not _between_is_comma(sent, close, verb):
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
        if child.dep_ in SPEECH_LINKS and child.dep_ != "ccomp" and child.i < verb.i:
            span = _quotation_around(sent, child)
            if span is not None and span[1] < verb.i and _between_is_comma(sent, span[1], verb):
                child.dep_ = "ccomp"
                changed = True
    if changed:
        _speaker_taken_for_object(verb)
    return changed


def quoted_subject(verb: Token) -> Token | None:
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
        if t.text in OPEN_QUOTES and (t.text != '"' or open_at is None):
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
        if (verb.dep_ not in SPEECH_LINKS or verb.pos_ != "VERB" or verb.i < root.i
                or verb.lemma_.lower() not in speech_verbs or any(c.dep_ in SUBJECT for c in verb.children)
                or not (any(c.dep_.startswith("aux") for c in verb.children) or "Fin" in morph_values(verb, "VerbForm"))):
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
        if "Cnd" not in morph_values(word, "Mood") and "Fut" not in morph_values(word, "Tense"):
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


#: pronouns that open a relative clause, alone ("qu'il accuse") or after a preposition ("avec qui")
RELATIVE_OPENERS = frozenset({"que", "qu'", "qu’", "qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles"})


def relative_taken_for_that_clause(sent: Span) -> int:
    """"Le Niger a rompu avec l'Ukraine, qu'il accuse de soutenir …", "a reçu le président iranien,
    avec qui il a signé un traité": the French parser reads a relative clause after a comma as
    the main verb's "que" clause. A clause so labelled that opens with a relative pronoun (or a
    preposition and one) right after a comma, with a subject and (for "que") no object of its own,
    is a relative clause on the noun before the comma; "que" becomes its object."""
    changed = 0
    doc = sent.doc
    for word in sent:
        if word.dep_ != "ccomp" or word.pos_ not in ("VERB", "AUX") or word.i <= sent.start + 2:
            continue
        first = word.left_edge
        pronoun = first if first.lower_ in RELATIVE_OPENERS else None
        if pronoun is None and first.pos_ == "ADP" and first.i + 1 < word.i and doc[first.i + 1].lower_ in RELATIVE_OPENERS:
            pronoun = doc[first.i + 1]
        if pronoun is None or first.i - 2 < sent.start or doc[first.i - 1].text != ",":
            continue
        before = doc[first.i - 2]
        while before.pos_ == "ADJ" and before.head.i < before.i:
            before = before.head  # "les ministres serbe et kosovar, qu'il …": up to the noun
        noun = before if before.pos_ in ("NOUN", "PROPN") else None
        if noun is None or (pronoun is first and any(c.dep_ in ("obj", "ccomp") for c in word.children)):
            continue  # (after a preposition the pronoun is no object: "avec qui il a signé un traité")
        if not any(c.dep_ in ("nsubj", "nsubj:pass") and c.i != pronoun.i for c in word.children):
            continue  # "…, qui a …": a subject relative is read right by the parser as a rule
        if pronoun.lower_ in _QUE:
            pronoun.head, pronoun.dep_, pronoun.pos_ = word, "obj", "PRON"
        word.head, word.dep_ = noun, "acl:relcl"
        changed += 1
    return changed


def conjunction_read_as_object(sent: Span) -> int:
    """"L'Iran a prévenu Israël qu'il répondrait fermement": the "que" opening a verb's clause,
    with no comma before it, is its conjunction, not the object of the clause's verb (the
    relative read after a comma is :func:`relative_taken_for_that_clause`'s)."""
    changed = 0
    doc = sent.doc
    for word in sent:
        if word.dep_ != "ccomp" or word.pos_ not in ("VERB", "AUX"):
            continue
        que = word.left_edge
        if que.lower_ not in _QUE or que.dep_ != "obj" or que.head.i != word.i:
            continue
        if que.i > sent.start and doc[que.i - 1].text == ",":
            continue
        if not any(c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and c.i != que.i for c in word.children):
            continue
        que.dep_, que.pos_ = "mark", "SCONJ"
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
        if (verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_verbs or verb.dep_ not in SPEECH_LINKS
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


def that_clause_read_as_second_object(sent: Span) -> int:
    """"Poutine a averti Séoul qu'une livraison d'armes à l'Ukraine serait une grave erreur":
    the parser can read the subject of the "que" clause as a second object of the verb, with
    "qu'" as its adverb, so the clause's content is taken for the recipient. The noun opening
    with "que" after the verb's first object is the clause, not an object. Returns how many."""
    changed = 0
    for word in sent:
        if word.dep_ not in ("obj", "dobj") or word.pos_ not in ("NOUN", "PROPN"):
            continue
        que = word.left_edge
        if que.lower_ not in _QUE or que.dep_ not in ("advmod", "mark", "obj") or que.head.i != word.i:
            continue
        verb = word.head
        if verb.pos_ != "VERB" or not any(
                c.dep_ in ("obj", "dobj", "iobj") and c.i < que.i and c.i != word.i for c in verb.children):
            continue
        word.dep_ = "ccomp"
        que.dep_, que.pos_ = "mark", "SCONJ"
        changed += 1
    return changed


def list_subject_split_by_inverted_speaker(sent: Span) -> int:
    """"Moscou et Téhéran ont tenu des consultations …, a indiqué le ministère russe": the parser
    makes the first name a subject of the closing speech verb (which has its own subject after
    it), the reported verb a conjunct of that name, and the second name the reported verb's
    only subject. The two names are one subject list of the reported verb, which is what the
    speech verb reports. Returns how many were mended."""
    mended = 0
    for first in sent:
        if first.dep_ not in SUBJECT or first.pos_ not in ("PROPN", "NOUN"):
            continue
        speech = first.head
        if speech.pos_ != "VERB" or speech.i < first.i or not any(
                c.dep_ in SUBJECT and c.i > speech.i for c in speech.children):
            continue
        verb = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i < speech.i), None)
        if verb is None:
            continue
        second = next((c for c in verb.children if c.dep_ in SUBJECT and first.i < c.i < verb.i), None)
        cc = next((c for c in verb.children if c.dep_ == "cc" and c.lower_ in ("et", "ou") and first.i < c.i), None)
        if second is None or cc is None or cc.i > second.i:
            continue
        verb.head, verb.dep_ = speech, "ccomp"
        first.head, first.dep_ = verb, second.dep_
        second.head, second.dep_ = first, "conj"
        cc.head = second
        mended += 1
    return mended


_CLOSING_QUOTES = frozenset({"»", "\"", "”"})


def object_hung_on_a_quoted_adverbial(sent: Span) -> int:
    """"Washington soutient « sans réserve » le droit d'Israël": the object after a quoted
    adverbial is hung on it, with no preposition of its own; it is the verb's object."""
    doc = sent.doc
    moved = 0
    for tok in sent:
        if tok.dep_ != "nmod" or tok.pos_ != "NOUN" or any(c.dep_ == "case" for c in tok.children):
            continue
        edge = tok.left_edge.i
        if edge - 1 <= sent.start or doc[edge - 1].text not in _CLOSING_QUOTES:
            continue
        head = tok.head
        verb = head.head
        if (head.i > tok.i or head.dep_ not in ("obl", "obl:mod", "advmod") or verb.pos_ != "VERB"
                or any(c.dep_ in ("obj", "dobj") for c in verb.children)):
            continue
        tok.head, tok.dep_ = verb, "obj"
        moved += 1
    return moved
