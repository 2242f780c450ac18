"""Parse repairs of subjects: a subject taken by its conjunction, hung on a function word or
on the auxiliary, left unlabelled, cut off a list of names, taken for the root, a second party
or a "selon" phrase read as the subject, an impersonal "il" that is a person, "ce dernier"
and a dative clitic read wrong. Each is described in docs/parse-repairs.md; the table of :mod:`tocsin.coding.repairs` runs them.
"""

from __future__ import annotations

from spacy.tokens import Span

from tocsin.coding.clause_repairs import _LATTER_ADJECTIVES
from tocsin.coding.syntax import RELATIVE_PRONOUNS, SUBJECT, between_phrases
from tocsin.coding.word_repairs import SUBJECT_LINKS, VERBAL


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


def subject_left_unlabelled(sent: Span) -> int:
    """"Moscou et Pékin ont mis leur veto …", "Ankara menace de bloquer …": a noun phrase hung
    on the verb that follows it by the bare label ``dep`` (a name: or ``det``), when the verb has no subject and only its auxiliaries and adverbs
    ("n'", "ne … pas") stand between, is the verb's subject (passive when the verb is)."""
    moved = 0
    for word in sent:
        if word.dep_ not in UNLABELLED or word.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if word.dep_ == "det" and word.pos_ != "PROPN":
            continue
        verb = word.head
        if verb.pos_ not in VERBAL or verb.i <= word.i:
            continue
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_LINKS), None)
        if subject is not None:
            # "Le Japon et l'Australie ont condamné …" with "Japon" unlabelled and "Australie" the
            # subject: the first name heads the list of subjects
            conjunction = sent.doc[word.right_edge.i + 1] if word.right_edge.i + 1 < verb.i else None
            if (word.pos_ == "PROPN" and conjunction is not None and conjunction.lower_ in ("et", "and")
                    and conjunction.head.i == verb.i and subject.left_edge.i == conjunction.i + 1
                    and subject.pos_ in ("PROPN", "NOUN") and subject.i < verb.i
                    and all(t.head.i == verb.i and t.dep_ in _BEFORE_VERB
                            for t in sent.doc[subject.right_edge.i + 1:verb.i])):
                word.dep_ = subject.dep_
                subject.head, subject.dep_ = word, "conj"
                conjunction.head = subject
                moved += 1
            continue
        between = sent.doc[word.right_edge.i + 1:verb.i]
        if any(t.head.i != verb.i or t.dep_ not in _BEFORE_VERB for t in between):
            continue
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        word.dep_ = "nsubj:pass" if passive else "nsubj"
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


def second_party_taken_for_subject(sent: Span) -> int:
    """"L'entretien téléphonique entre Donald Trump et Xi Jinping a duré une heure", "Les
    pourparlers entre les talibans et le Pakistan ont repris": the parser ends the "entre"
    phrase at its first name and makes the second the subject of the verb that follows. The
    second name rejoins the first as its conjunct; when the event noun was left as the root
    with the verb coordinated to it, the verb becomes the root with the noun as its subject.
    Returns how many."""
    moved = 0
    for first in between_phrases(sent):
        end = first.right_edge.i
        if end + 2 >= sent.end or sent.doc[end + 1].lower_ not in ("et", "and"):
            continue
        conjunction = sent.doc[end + 1]
        second = next((t for t in sent.doc[end + 2:min(end + 6, sent.end)]
                       if t.dep_ in SUBJECT and t.pos_ in ("PROPN", "NOUN")), None)
        if second is None or second.head.pos_ not in VERBAL or second.head.i < second.i:
            continue
        if any(t.pos_ not in ("DET", "ADJ", "PROPN", "NOUN") and t.i != second.i
               for t in sent.doc[end + 2:second.i]):
            continue
        verb, event = second.head, first.head
        second.head, second.dep_ = first, "conj"
        conjunction.head, conjunction.dep_ = second, "cc"
        if event.dep_ == "ROOT" and verb.dep_ == "conj" and verb.head.i == event.i:
            verb.head, verb.dep_ = verb, "ROOT"
            event.head, event.dep_ = verb, "nsubj"
        moved += 1
    return moved


def subject_taken_by_attribution(sent: Span) -> int:
    """"Selon l'agence Reuters, le Qatar a versé …": the parser makes the "selon" phrase the
    subject and hangs the real subject, after the comma, on it. The "selon" phrase becomes an
    adverbial of the verb and the name after the comma its subject; returns how many."""
    moved = 0
    for source in sent:
        if source.dep_ not in SUBJECT or source.head.pos_ not in VERBAL:
            continue
        if not any(c.dep_ == "case" and c.lower_ in _ATTRIBUTING for c in source.children):
            continue
        comma = next((c for c in source.children if c.lower_ == "," and c.i > source.i), None)
        if comma is None:
            continue
        subject = next((c for c in source.children if c.i > comma.i and c.dep_ in ("nmod", "appos")
                        and c.pos_ in ("PROPN", "NOUN") and not any(g.dep_ == "case" for g in c.children)), None)
        if subject is None or subject.i > source.head.i:
            continue
        verb = source.head
        source.dep_ = "obl:mod"
        comma.head = verb
        subject.head, subject.dep_ = verb, "nsubj"
        moved += 1
    return moved


def subjects_hung_on_attribution(sent: Span) -> int:
    """"Selon l'agence KCNA, Pyongyang et Moscou ont convenu …", "D'après la télévision d'État,
    Téhéran et Riyad se sont engagés …": the parser hangs the names after the comma on the
    "selon" phrase as its conjuncts, and the verb is left with no subject. The names between the
    comma and the verb become its subject (the first, with the others as its conjuncts);
    returns how many sentences were changed."""
    moved = 0
    for source in sent:
        if source.dep_ in SUBJECT or source.pos_ not in ("PROPN", "NOUN"):
            continue
        if not any(c.dep_ == "case" and (c.lower_ in _ATTRIBUTING or any(
                f.dep_ == "fixed" and f.lower_ in _ATTRIBUTING for f in c.children)) for c in source.children):
            continue
        verb = source.head
        if verb.i <= source.i or verb.pos_ not in VERBAL:
            continue
        comma = next((t for t in sent.doc[source.i + 1:verb.i] if t.lower_ == ","), None)
        if comma is None:
            continue
        names = [t for t in source.subtree if t.dep_ in ("conj", "nmod", "appos") and comma.i < t.i < verb.i
                 and t.pos_ in ("PROPN", "NOUN") and t.head.i < comma.i
                 and not any(c.dep_ == "case" for c in t.children)]
        if not names:
            continue
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_LINKS), None)
        if subject is not None:
            # "…, Séoul et Tokyo ont convenu" with only "Tokyo" left as the subject
            joining = sent.doc[names[-1].right_edge.i + 1:subject.left_edge.i]
            if subject.i < names[-1].i or [t.lower_ for t in joining] not in (["et"], ["ou"]):
                continue
            names.append(subject)
            subject.dep_ = "conj"
        first = names[0]
        inside = {t.i for name in names for t in name.subtree}
        if any(t.i not in inside and t.dep_ not in _BEFORE_VERB and t.dep_ != "cc"
               for t in sent.doc[first.left_edge.i:verb.i]):
            continue  # something else stands between the names and the verb
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        first.head, first.dep_ = verb, "nsubj:pass" if passive else "nsubj"
        for other in names[1:]:
            other.head = first
        comma.head = verb
        moved += 1
    return moved


def subject_taken_for_adverbial(sent: Span, time_nouns: frozenset[str]) -> bool:
    """"Kiev et Washington ont finalement signé l'accord": with an adverb between the auxiliary
    and the verb, the parser reads the name list that opens the sentence as a bare adverbial
    (no preposition) of a verb that has no subject. It is the verb's subject, unless it is a
    word of time ("Lundi, …")."""
    first = next((t for t in sent if t.dep_ in ("obl:mod", "obl") and t.left_edge.i == sent.start), None)
    if first is None or first.pos_ not in ("PROPN", "NOUN") or first.lemma_.lower() in time_nouns:
        return False
    if any(c.dep_ == "case" for c in first.children) or any(t.like_num for t in first.subtree):
        return False
    verb = first.head
    if verb.i <= first.i or verb.pos_ not in VERBAL or any(c.dep_ in SUBJECT_LINKS for c in verb.children):
        return False
    between = sent.doc[first.right_edge.i + 1:verb.i]
    if not between or any(t.head.i != verb.i or t.dep_ not in _BEFORE_VERB for t in between):
        return False
    if not any(t.dep_ in ("aux", "aux:tense", "aux:pass") for t in between):
        return False  # a finite verb with its auxiliary: "Kiev et Washington ont …"
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    first.dep_ = "nsubj:pass" if passive else "nsubj"
    return True


def that_clause_subject_taken_for_the_clause(sent: Span) -> int:
    """"a déclaré que Jakarta et Paris avaient conclu un accord": the parser makes the first name
    the "que" clause itself and the verb a conjunct of the speech verb, with only the second name
    as its subject. The verb is the "que" clause and the first name the first of its subjects;
    returns how many."""
    moved = 0
    for first in sent:
        if first.dep_ != "ccomp" or first.pos_ not in ("PROPN", "NOUN"):
            continue
        mark = next((c for c in first.children if c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’")), None)
        if mark is None:
            continue
        cc = sent.doc[first.right_edge.i + 1] if first.right_edge.i + 1 < sent.end else None
        if cc is None or cc.lower_ not in ("et", "ou"):
            continue
        subject = next((t for t in sent.doc[cc.i + 1:min(cc.i + 6, sent.end)]
                        if t.dep_ in SUBJECT_LINKS and t.pos_ in ("PROPN", "NOUN")), None)
        if subject is None or subject.left_edge.i != cc.i + 1:
            continue
        verb = subject.head
        if (verb.pos_ not in VERBAL or verb.dep_ != "conj" or verb.head.i != first.head.i or verb.i < subject.i
                or any(c.dep_ == "mark" for c in verb.children)):
            continue
        verb.head, verb.dep_ = first.head, "ccomp"
        mark.head = verb
        first.head, first.dep_ = verb, subject.dep_
        subject.head, subject.dep_ = first, "conj"
        cc.head, cc.dep_ = subject, "cc"
        moved += 1
    return moved


def conjunct_hung_on_a_titles_name(sent: Span) -> int:
    """"Le Premier ministre hongrois Viktor Orban et le président serbe Aleksandar Vucic ont
    signé …": the parser hangs the second party on the first one's name (apposed to its title)
    instead of on the title, so the list of subjects reads as one person. A conjunct of a name
    with no preposition, itself hung on a title that is a subject or an object, joins the title.
    Returns how many."""
    moved = 0
    for name in sent:
        if name.pos_ != "PROPN" or name.dep_ not in ("nmod", "appos") or any(c.dep_ == "case" for c in name.children):
            continue
        title = name.head
        if title.pos_ != "NOUN" or title.i > name.i or title.dep_ not in SUBJECT_LINKS | {"obj"}:
            continue
        for conj in [c for c in name.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]:
            conj.head = title
            moved += 1
    return moved


def personal_subject_taken_for_expletive(sent: Span) -> int:
    """"Il lui a promis de livrer du gaz", "Il l'a félicité pour sa réélection": before an object
    clitic the parser can read a personal "il" as the expletive of an impersonal verb; with a
    verb in the compound past that is not impersonal ("il lui a fallu") it is the subject.
    Returns how many."""
    moved = 0
    for tok in sent:
        if tok.dep_ != "expl:subj" or tok.lower_ not in _PERSONAL_SUBJECTS:
            continue
        verb = tok.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() in IMPERSONAL_VERBS or verb.lower_ in IMPERSONAL_VERBS:
            continue
        children = list(verb.children)
        if (any((c.dep_ in SUBJECT and c.i != tok.i) or c.dep_ == "aux:pass" for c in children)
                or not any(c.dep_ in ("aux", "aux:tense") and c.lemma_ == "avoir" for c in children)
                or not any(c.dep_ in ("obj", "iobj") and c.pos_ == "PRON" and c.lower_ in _OBJECT_CLITICS
                           and c.i < verb.i for c in children)):
            continue
        tok.dep_ = "nsubj"
        moved += 1
    return moved


def latter_pronoun_hung_on_the_verb(sent: Span) -> int:
    """"Ce dernier lui a proposé de signer …": the parser can hang "ce" and "dernier" on the verb
    as a determiner and a modifier, and leave the verb without a subject; "ce dernier" is its
    subject. Returns how many."""
    moved = 0
    for tok in sent:
        if tok.lower_ not in _LATTER_ADJECTIVES or tok.dep_ not in ("amod", "det") or tok.i == sent.start:
            continue
        verb = tok.head
        det = tok.doc[tok.i - 1]
        if (verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i or det.lower_ not in _DEMONSTRATIVES
                or det.head.i != verb.i or any(c.dep_ in SUBJECT for c in verb.children)):
            continue
        tok.dep_ = "nsubj"
        det.head = tok
        moved += 1
    return moved


def dative_clitic_taken_for_subject(sent: Span) -> int:
    """"Jakarta lui a demandé des explications": after a subject the parser can read the dative
    clitic as a second subject; it is the indirect object. Returns how many."""
    moved = 0
    for tok in sent:
        if tok.lower_ not in DATIVE_CLITICS or tok.pos_ != "PRON" or tok.dep_ not in SUBJECT:
            continue
        verb = tok.head
        if verb.i > tok.i and any(c.dep_ in SUBJECT and c.i < tok.i for c in verb.children):
            tok.dep_ = "iobj"
            moved += 1
    return moved


#: words that may stand between a subject and its verb
_BEFORE_VERB = frozenset({"aux", "aux:tense", "aux:pass", "advmod", "expl:comp", "punct"})


#: labels a subject before its verb gets when the parser does not see it as one ("det" for a
#: name read as the determiner of a verb taken for a noun: "Ankara menace de …")
UNLABELLED = frozenset({"dep", "det"})


#: labels by which the verb of a cut subject list hangs on the list's first noun
_CUT_CLAUSE_LINKS = frozenset({"conj", "acl", "acl:relcl", "parataxis", "appos", "dep"})


#: prepositions of a dyad whose second member the parser can take for the next verb's subject


#: prepositions that attribute a report ("selon l'agence Reuters"): a phrase opened by one is never a subject
_ATTRIBUTING = frozenset({"selon", "après", "according"})


#: verbs whose "il" is impersonal ("il lui a fallu", "il lui appartient de", "il s'agit de")
IMPERSONAL_VERBS = frozenset({
    "falloir", "rester", "reste", "agir", "sembler", "paraître", "arriver", "manquer", "suffire",
    "convenir", "importer", "valoir", "exister", "avoir", "être", "plaire", "advenir", "appartenir",
    "incomber", "revenir", "tarder", "coûter", "déplaire", "répugner", "pleuvoir",
})


_PERSONAL_SUBJECTS = frozenset({"il", "elle", "ils", "elles"})


_OBJECT_CLITICS = frozenset({"l'", "l’", "le", "la", "les", "lui", "leur"})


_DEMONSTRATIVES = frozenset({"ce", "cette", "ces"})


DATIVE_CLITICS = frozenset({"lui", "leur"})


#: participles that qualify a title before the name of its holder ("le président élu Donald Trump")
_TITLE_PARTICIPLES = frozenset({"élu", "élue", "réélu", "réélue", "sortant", "sortante", "désigné", "désignée",
                                "nommé", "nommée", "déchu", "déchue", "destitué", "destituée", "investi", "investie"})


def name_hung_on_a_title_participle(sent: Span) -> int:
    """"Le président élu Donald Trump a menacé …": the name after a participle that qualifies a
    title is hung on the participle; it is the title's apposition (its holder), and a surname
    left beside it is the rest of the name. Returns how many were moved."""
    moved = 0
    for part in sent:
        if part.lower_ not in _TITLE_PARTICIPLES or part.dep_ not in ("amod", "acl") or part.head.pos_ != "NOUN":
            continue
        title = part.head
        names = [c for c in part.children if c.pos_ == "PROPN" and c.i == part.i + 1]
        if not names:
            continue
        first = names[0]
        first.head, first.dep_ = title, "appos"
        for rest in sent.doc[first.i + 1:]:
            if rest.pos_ != "PROPN" or not rest.is_title or rest.head.i not in (part.i, title.i, first.i):
                break
            rest.head, rest.dep_ = first, "flat:name"
        moved += 1
    return moved


def subject_taken_by_its_relative_clause(sent: Span) -> int:
    """"Le Hamas, qui détient encore des otages, a rejeté la proposition", "Le président turc, qui
    menace depuis des mois de …, a rencontré Vladimir Poutine": the parser gives the subject to the
    verb of the relative clause set between commas after it (beside "qui"), and leaves the main
    verb without one, or makes the relative verb the root with the main verb its conjunct (and the
    name after the main verb its subject). The subject goes back to the main verb, the relative
    clause to the subject, and a name read as the main verb's subject after it is its object.
    Returns how many were repaired."""
    doc = sent.doc
    repaired = 0
    for rel in sent:
        if rel.pos_ not in ("VERB", "AUX"):
            continue
        subjects_ = [c for c in rel.children if c.dep_ in ("nsubj", "nsubj:pass")]
        qui = next((c for c in subjects_ if c.lower_ == "qui"), None)
        noun = next((c for c in subjects_ if c.pos_ in ("NOUN", "PROPN") and qui is not None and c.i < qui.i), None)
        if qui is None or noun is None or qui.i - 1 <= noun.i or doc[qui.i - 1].text != ",":
            continue
        if noun.right_edge.i != qui.i - 2:
            continue
        if rel.dep_ != "ROOT" and rel.head.i > rel.i and rel.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubj:pass") for c in rel.head.children):
            main = rel.head
        elif rel.dep_ == "ROOT":
            main = next((c for c in rel.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > rel.i
                         and "," in (doc[c.left_edge.i].text, doc[c.left_edge.i - 1].text)
                         and any(a.dep_.startswith("aux") for a in c.children)),
                        None)
            if main is None:
                continue
            main.head, main.dep_ = main, "ROOT"
            for child in list(rel.children):
                if child.i > main.i:
                    child.head = main  # the final stop
            for child in list(main.children):
                if child.dep_ in ("nsubj", "nsubj:pass") and child.i > main.i and child.pos_ in ("PROPN", "NOUN"):
                    child.dep_ = "obj"  # "a rencontré Vladimir Poutine"
        else:
            continue
        noun.head, noun.dep_ = main, "nsubj"
        rel.head, rel.dep_ = noun, "acl:relcl"
        repaired += 1
    return repaired
