"""Repairs of single words the French tagger and lemmatiser misread, applied before the
repairs of clauses (:mod:`tocsin.coding.repairs` runs them all from its table): a present
verb left without its infinitive, a participle tagged as an adjective or a noun, a noun
tagged as a verb, a headline verb taken for a noun, a conditional tagged as an indicative,
and names cut in two or read as other words (a surname taken for an adverb, an adjective,
a second argument; a title and its name taken for two arguments)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.coding.syntax import SUBJECT, morph_values

#: what a phrase taken from a weekday may hang on
VERBAL = frozenset({"VERB", "AUX"})

#: partitive and indefinite articles the parser reads as the preposition "de"
PARTITIVES = frozenset({"des", "du", "de", "d'", "d’"})

#: tags the tagger gives to a surname it does not know ("Macron" read as an adverb)
SPLIT_NAME_TAGS = frozenset({"ADV", "ADJ", "NOUN", "X"})

#: links no name can have: a name hung by one ("Netanyahu" as the "case" of a noun) is misread
FUNCTION_LINKS = frozenset({"case", "advmod", "amod", "det", "mark", "cc"})

#: endings of French past participles and the infinitive ending they come from
_PARTICIPLE_ENDINGS = (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"),
                       ("ies", "ir"), ("is", "ir"), ("ie", "ir"), ("i", "ir"),
                       # "s'est abstenue", "a obtenu", "a soutenu": the verbs in "-tenir", "-venir"
                       ("enues", "enir"), ("enus", "enir"), ("enue", "enir"), ("enu", "enir"))


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
        repaired += _read_as_participle(tok, "VerbForm=Part")
    return repaired


def _read_as_participle(tok: Token, morph: str) -> bool:
    """Make a word with a participle's ending ("gelé", "détruite") a participle of the verb
    its ending gives ("geler", "détruire"); False when no ending matches."""
    low = tok.lower_
    for ending, infinitive in _PARTICIPLE_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            tok.pos_ = "VERB"
            tok.lemma_ = low[: -len(ending)] + infinitive
            tok.set_morph(morph)
            return True
    return False


def name_split_by_tagger(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
    """"Emmanuel Macron a reçu": a capitalised word with no dependents, tagged as another part
    of speech (or as a name hung by a function link) and hung elsewhere, right after a name
    becomes part of that name. Words of a
    title-case headline ("Trump Again Threatens …") are left alone; returns how many."""
    moved = 0
    for tok in sent[1:]:
        name = tok.doc[tok.i - 1]
        if (name.pos_ != "PROPN" or not name.is_title or not tok.is_title or tok.is_upper
                or (tok.pos_ not in SPLIT_NAME_TAGS and not (tok.pos_ == "PROPN" and tok.dep_ in FUNCTION_LINKS))
                or tok.head.i == name.i or tok.is_sent_start
                or tok.lower_ in time_nouns or any(True for _ in tok.children)):
            continue
        after = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if after is not None and after.is_title:
            continue
        tok.head = name
        tok.dep_ = "flat:name"
        tok.pos_ = "PROPN"
        moved += 1
    return moved


def name_start_hung_on_the_verb(sent: Span) -> int:
    """"Boko Haram a enlevé …": the first word of a name, capitalised, with no dependents and
    hung by a function link on the head of the name that follows it (the verb it is the
    subject or object of), is the start of that name; returns how many."""
    moved = 0
    for tok in sent[:-1]:
        name = tok.doc[tok.i + 1]
        if (name.pos_ != "PROPN" or not name.is_title or not tok.is_title or tok.is_upper
                or tok.dep_ not in FUNCTION_LINKS or tok.pos_ not in SPLIT_NAME_TAGS | {"PROPN"}
                or tok.head.i != name.head.i or name.head.i == name.i
                or name.dep_ not in ("nsubj", "nsubj:pass", "obj") or any(True for _ in tok.children)):
            continue
        tok.head = name
        tok.dep_ = "flat:name"
        tok.pos_ = "PROPN"
        moved += 1
    return moved

#: the labels of a subject that :func:`subject_on_function_word` moves
SUBJECT_LINKS = SUBJECT | {"nsubj:pass"}

#: words that open a French sentence as adverbs before a verb with an inverted subject
_FRONTED_ADVERBS = frozenset({
    "ainsi", "aussi", "alors", "ensuite", "puis", "hier", "aujourd'hui", "demain", "désormais",
    "enfin", "encore", "déjà", "toujours", "jamais", "peut-être", "ici", "là", "seul", "seuls",
    "surtout", "maintenant", "bientôt", "pourtant", "cependant", "néanmoins", "également", "mais",
    "reste", "restent", "vient", "viennent", "suit", "suivent", "tant", "plus", "moins",
})


_AUX_LINKS = frozenset({"aux", "aux:tense", "aux:pass"})

#: clitics and negation words that may stand with the auxiliaries between a fronted subject and
#: its verb ("Lula et Zelensky ne se sont pas rencontrés")
_CLITICS_BEFORE_VERB = frozenset({"se", "s'", "ne", "n'", "pas", "plus", "jamais"})


def name_taken_for_adverb_at_start(sent: Span) -> int:
    """"Macron a critiqué la Russie", "Macron et Scholz ont rencontré Xi Jinping": a capitalised
    word that opens the sentence, read as an adverb of the verb that follows right after its
    auxiliaries, is the verb's subject when the verb has none before it; a subject the parser
    found after the verb, with no object, is then its object. Fronted adverbs ("Ainsi a été
    …", "Hier") are left alone; returns how many."""
    word = sent[0]
    if (word.dep_ != "advmod" or not word.is_title or word.is_upper
            or word.pos_ not in ("ADV", "NOUN", "ADJ", "X", "PROPN")
            or word.lower_ in _FRONTED_ADVERBS or word.lower_.endswith("ment") or len(word) < 3):
        return 0
    verb = word.head
    if verb.pos_ != "VERB" or verb.i <= word.i:
        return 0
    between = sent.doc[word.right_edge.i + 1:verb.i]
    if not between and not (word.pos_ == "PROPN" and word.right_edge.i + 1 == verb.i):
        return 0  # (but "Ankara rompt ses liens …": a name right before a present-tense verb)
    if any(t.head.i != verb.i or (t.dep_ not in _AUX_LINKS and t.lower_ not in _CLITICS_BEFORE_VERB
                                    and (t.dep_, t.pos_) != ("advmod", "ADV"))
           for t in between):
        return 0  # "Macron a …", "Macron ne s'est pas …": auxiliaries and clitics, nothing else, stand between
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_LINKS]
    if any(c.i < verb.i for c in subjects):
        return 0
    if subjects and (len(subjects) > 1 or any(c.dep_ in ("obj", "dobj") for c in verb.children)):
        return 0
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    for late in subjects:
        late.dep_ = "obj"
    word.dep_ = "nsubj:pass" if passive else "nsubj"
    word.pos_ = "PROPN"
    return 1

#: endings of French present-tense verbs of the first group, 3rd person ("sanctionne", "bombardent")
_PRESENT_ENDINGS = (("ent", "er"), ("e", "er"))


def headline_verb_taken_for_noun(sent: Span) -> bool:
    """"Washington sanctionne des responsables iraniens", "La Pologne masse des troupes à la
    frontière": in a French headline with no verb, a present-tense verb the tagger does not know
    (or knows only as a noun: "une masse", "la finance") is read as a noun, either the root with
    the name before it as subject or determiner, or a modifier of that name. When the word ends
    like a present tense and follows the capitalised name that heads the sentence, it becomes
    the root verb (lemma: the infinitive), the name its subject, a partitive phrase after it its
    object."""
    if sent.doc.lang_ != "fr" or any(t.pos_ in VERBAL for t in sent):
        return False
    for word in sent:
        if word.pos_ != "NOUN" or word.i == sent.start or not word.text.islower():
            continue
        name = sent.doc[word.i - 1]
        while name.pos_ == "ADJ" and name.dep_ == "amod" and sent.start <= name.head.i < name.i:
            name = name.head  # "Le Trésor américain sanctionne …"
        if name.pos_ not in ("PROPN", "NOUN") or not name.text[:1].isupper():
            continue
        if word.dep_ == "ROOT" and name.head.i == word.i and name.dep_ in ("nsubj", "det", "dep", "compound"):
            subject = name
        elif word.head.i == name.i and word.dep_ in ("amod", "nmod", "appos", "acl") and name.dep_ == "ROOT":
            subject = name
        else:
            continue
        if any(c.dep_ == "case" for c in subject.children) or subject.left_edge.i != sent.start:
            continue  # the name must open the headline: "Arrestation à Istanbul …" has no subject
        infinitive = next((word.lower_[: -len(end)] + inf for end, inf in _PRESENT_ENDINGS
                           if word.lower_.endswith(end) and len(word.lower_) > len(end) + 3), None)
        if infinitive is None:
            continue
        word.pos_, word.lemma_ = "VERB", infinitive
        word.set_morph("Mood=Ind|Tense=Pres|VerbForm=Fin|Person=3")
        if word.dep_ != "ROOT":
            for phrase in [c for c in subject.children if c.i > word.i]:
                phrase.head = word
            word.head, word.dep_ = word, "ROOT"
        subject.head, subject.dep_ = word, "nsubj"
        has_object = any(c.dep_ == "obj" for c in word.children)
        for phrase in [c for c in word.children if c.i > word.i and c.dep_ in ("nmod", "obl:mod", "obl")]:
            case = next((c for c in phrase.children if c.dep_ == "case"), None)
            if not has_object and case is not None and case.lower_ in PARTITIVES and case.i == word.i + 1:
                case.dep_ = "det"  # "des responsables": an article, not "de"
                phrase.dep_ = "obj"
                has_object = True
            elif not has_object and case is None and phrase.left_edge.i == word.i + 1:
                phrase.dep_ = "obj"  # "trois banques russes"
                has_object = True
            elif phrase.dep_ == "nmod":
                phrase.dep_ = "obl:mod"
        return True
    return False


def headline_verb_after_topic_taken_for_noun(sent: Span) -> bool:
    """"Birmanie : la junte bombarde un monastère dans la région de Sagaing": in a headline
    opened by a topic and a colon, a present-tense verb right after the noun phrase that
    follows the colon ("la junte") is read as a modifier of that noun, and its object and
    place as the noun's complements. The word becomes a verb describing the noun, as the
    parser reads "Niger : la junte expulse l'ambassadeur de France", with the first phrase
    after it as its object and the others as its obliques."""
    if sent.doc.lang_ != "fr" or len(sent) < 5:
        return False
    topic, colon = sent[0], sent[1]
    if topic.pos_ != "PROPN" or topic.dep_ != "ROOT" or colon.lower_ != ":":
        return False
    comma = next((t.i for t in sent if t.lower_ == ","), sent.end)
    if any(t.pos_ in VERBAL for t in sent.doc[sent.start:comma]):
        return False  # a verb in the headline's first clause: nothing was misread
    for word in sent.doc[sent.start + 3:comma]:
        name = word.doc[word.i - 1]
        if (word.pos_ != "NOUN" or not word.text.islower() or word.head.i != name.i
                or word.dep_ not in ("amod", "nmod", "appos", "dep") or name.pos_ != "NOUN"
                or name.head.i != topic.i or name.left_edge.i != colon.i + 1
                or not any(c.dep_ == "det" for c in name.children)):
            continue
        infinitive = next((word.lower_[: -len(end)] + inf for end, inf in _PRESENT_ENDINGS
                           if word.lower_.endswith(end) and len(word.lower_) > len(end) + 3), None)
        if infinitive is None:
            return False
        word.pos_, word.lemma_, word.dep_ = "VERB", infinitive, "acl"
        word.set_morph("Mood=Ind|Tense=Pres|VerbForm=Fin|Person=3")
        has_object = False
        for phrase in [c for c in name.children if c.i > word.i and c.dep_ in ("nmod", "appos", "obl:mod")]:
            phrase.head = word
            if not has_object and not any(g.dep_ == "case" for g in phrase.children):
                phrase.dep_ = "obj"
                has_object = True
            else:
                phrase.dep_ = "obl:mod"
        return True
    return False


def present_verb_without_lemma(sent: Span) -> int:
    """"Pyongyang tire un missile", "Washington dépêche un porte-avions": the French lemmatiser
    leaves some present-tense verbs as they are written (the lemma of a homograph noun: "un
    tire", "une dépêche"), so no lexicon row or verb list knows them. A finite present verb
    whose lemma is its own form in "-e" or "-ent" gets its infinitive; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    repaired = 0
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != verb.lower_:
            continue
        if "Fin" not in morph_values(verb, "VerbForm") or "Pres" not in morph_values(verb, "Tense"):
            continue
        low = verb.lower_
        stem = low[:-3] if low.endswith("ent") else low[:-1] if low.endswith("e") else None
        if stem is None or len(stem) < 3:
            continue
        if stem.endswith(("vr", "ffr")):
            infinitive = stem + "ir"  # "ouvre", "offre", "couvre"
        elif stem.endswith(("oi", "ui")):
            infinitive = stem[:-1] + "yer"  # "envoie", "appuie"
        else:
            infinitive = stem + "er"
        verb.lemma_ = infinitive
        repaired += 1
    return repaired


def participle_taken_for_adjective(sent: Span) -> int:
    """"L'UE a gelé les avoirs …": a past participle after the auxiliary "avoir", tagged as an
    adjective ("gelé" as in "un lac gelé"). "avoir" is no copula, so the word is the verb of a
    compound tense: it becomes a verb with the infinitive as lemma; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    repaired = 0
    for word in sent:
        if word.pos_ != "ADJ" or not any(
                c.dep_ in ("aux", "aux:tense") and c.lemma_ == "avoir" and c.i < word.i for c in word.children):
            continue
        repaired += _read_as_participle(word, "VerbForm=Part|Tense=Past")
    return repaired

def participle_with_agent_taken_for_adjective(sent: Span) -> int:
    """"…, une décision qualifiée d'« antisémite » par le bureau du Premier ministre": a past
    participle after a noun, tagged as an adjective, whose "par …" phrase (and "de …"
    complement) the parser hung on the noun. An adjective takes no agent: the word becomes the
    participle of its verb, with the agent and the complement under it; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    repaired = 0
    for word in sent:
        noun = word.head
        if word.pos_ != "ADJ" or word.dep_ not in ("amod", "acl") or noun.pos_ != "NOUN" or noun.i > word.i:
            continue
        after = [c for c in noun.children if c.i > word.i and c.dep_ == "nmod"]
        agent = next((c for c in after if any(g.dep_ == "case" and g.lower_ == "par" for g in c.children)), None)
        if agent is None or not _read_as_participle(word, "VerbForm=Part|Tense=Past"):
            continue
        word.dep_ = "acl"
        agent.head, agent.dep_ = word, "obl:agent"
        for phrase in after:
            if phrase.i < agent.i and any(g.dep_ == "case" and g.lower_ in ("de", "d'", "d’") for g in phrase.children):
                phrase.head, phrase.dep_ = word, "obl:arg"  # "qualifiée de « honteuse »"
        repaired += 1
    return repaired


#: (precondition, repair) in the order the repairs run (the two speech repairs close the
#: list in :func:`repair_parse`). A precondition reads the sentence's :class:`_Words` and
#: holds whenever the repair could change something: a label, part of speech or word the
#: repair's own first tests require. A repair returns a true value when it changed the tree.
#: person endings of the French conditional, added to the future stem (the infinitive, less the
#: final "e" of "-re" verbs): "retirer" gives "retirerait", "rendre" gives "rendrait"
_CONDITIONAL_ENDINGS = ("aient", "ait", "ais", "ions", "iez")


def conditional_taken_for_indicative(sent: Span) -> int:
    """"La Russie a annoncé qu'elle retirerait ses troupes", "ont prévenu qu'ils riposteraient": the
    French tagger gives a conditional of a regular verb the indicative mood (imperfect or present),
    so the act read as done. A finite verb spelt as its infinitive plus a conditional ending
    ("retirer" + "ait") gets Mood=Cnd back; the imperfect ("retirait") has no "r" before the ending
    and keeps its tag."""
    changed = 0
    for word in sent:
        if word.pos_ not in ("VERB", "AUX") or "Ind" not in morph_values(word, "Mood"):
            continue
        lemma, form = word.lemma_.lower(), word.lower_
        if not lemma.endswith(("er", "ir", "re")) or len(lemma) < 4:
            continue
        stem = lemma[:-1] if lemma.endswith("re") else lemma
        ending = next((end for end in _CONDITIONAL_ENDINGS if form == stem + end), None)
        if ending is None:
            continue
        number = "Plur" if ending in ("aient", "ions", "iez") else "Sing"
        person = {"ais": "1", "ions": "1", "iez": "2"}.get(ending, "3")
        word.set_morph(f"Mood=Cnd|Number={number}|Person={person}|Tense=Pres|VerbForm=Fin")
        changed += 1
    return changed

#: links by which a verb takes an argument; a name cut in two ends up as two of them
_ARGUMENT_LINKS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:arg", "obl:agent", "obl:mod", "nmod", "appos"})


def name_split_into_two_arguments(sent: Span) -> int:
    """"Vladimir Poutine a ordonné …", "a félicité Heiko Maas …": the parser hangs the first name
    and the surname on the same head by the same label, as if they were two subjects or two
    objects. Two capitalised names side by side, siblings with one label, are one name: the
    second is the ``flat:name`` of the first (French labels); returns how many were joined."""
    if sent.doc.lang_ != "fr":
        return 0
    joined = 0
    for word in sent:
        if word.dep_ not in _ARGUMENT_LINKS or word.pos_ not in ("PROPN", "X"):
            continue
        after = word.i + 1
        if after >= sent.end or word.whitespace_ != " ":
            continue
        rest = sent.doc[after]
        if (rest.dep_ != word.dep_ or rest.head.i != word.head.i or rest.head.i == rest.i
                or rest.pos_ not in ("PROPN", "X", "NOUN") or not rest.text[:1].isupper() or not word.text[:1].isupper()):
            continue
        if any(c.dep_ == "case" for c in rest.children):
            continue  # "Paris, à Londres": the second has its own preposition
        rest.head, rest.dep_ = word, "flat:name"
        joined += 1
    return joined


def title_and_name_taken_for_two_arguments(sent: Span) -> int:
    """"Le président ukrainien Volodymyr Zelensky a félicité …", "L'attaquant Théo Rambert a
    inscrit …": the parser makes the title and the name after it two subjects (or two objects) of
    the verb. A name that follows its title's phrase directly, with the title's label and head,
    is the title's apposition (the rest of the name when the title already holds a first name
    in apposition: "Le défenseur Jules | Koundé"); French labels; returns how many were moved."""
    if sent.doc.lang_ != "fr":
        return 0
    moved = 0
    for name in sent:
        if name.pos_ != "PROPN" or name.dep_ not in ("nsubj", "nsubj:pass", "obj"):
            continue
        before = name.left_edge.i - 1
        if before < sent.start:
            continue
        title = next((c for c in name.head.children if c.dep_ == name.dep_ and c.i < name.i
                      and c.right_edge.i == before and c.pos_ == "NOUN"), None)
        if title is None:
            continue
        first = sent.doc[before]
        if first.pos_ == "PROPN" and first.dep_ in ("appos", "flat:name"):
            name.head, name.dep_ = first, "flat:name"  # "Le défenseur Jules | Koundé": the surname
        else:
            name.head, name.dep_ = title, "appos"
        moved += 1
    return moved

#: links of a word in a noun's place: a verb tagged so has its own determiner by mistake
_NOMINAL_LINKS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "nmod", "obl", "obl:mod", "obl:arg", "obl:agent", "appos"})

#: children only a verb has: a noun with one of these is really a verb ("qu'il l'aide à …")
_VERB_ONLY_CHILDREN = frozenset({"nsubj", "nsubj:pass", "aux", "aux:tense", "aux:pass", "cop", "obj", "expl:comp", "expl:pass", "mark"})


def noun_tagged_as_verb(sent: Span) -> int:
    """"l'offre de médiation", "toute nouvelle aide européenne", "l'opposant russe": the French
    tagger reads a noun that is also a verb form ("offre", "aide", "opposant") as a verb even with
    its determiner, so the coder looks it up among verbs ("offrir", "aider") and the noun's
    event or actor title is lost. A VERB in a noun's place (subject, object, complement) with a
    determiner before it and no subject, auxiliary or object of its own is a noun: its tag
    becomes NOUN and its lemma the word itself (singular). French only; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    changed = 0
    for word in sent:
        if word.pos_ != "VERB" or word.dep_ not in _NOMINAL_LINKS:
            continue
        if not any(c.dep_ == "det" and c.pos_ == "DET" and c.i < word.i for c in word.children):
            continue
        if any(c.dep_ in _VERB_ONLY_CHILDREN for c in word.children):
            continue
        lemma = word.lower_
        if "Plur" in morph_values(word, "Number") and lemma.endswith(("s", "x")) and len(lemma) > 3:
            lemma = lemma[:-1]
        word.pos_, word.tag_, word.lemma_ = "NOUN", "NOUN", lemma
        changed += 1
    return changed


def name_taken_for_an_adjective(sent: Span) -> int:
    """"le président hondurien Juan Orlando Hernández", "L'opposant biélorusse Ales Bialiatski",
    "du Burkina Faso": the French parser hangs a capitalised name on the noun before it as an
    adjective (``amod``). After a title (a common noun) the name is the title's apposition; right
    after another name it is the rest of that name (``flat:name``). French only; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    moved = 0
    for word in sent:
        if word.dep_ != "amod" or word.pos_ != "PROPN" or not word.text[:1].isupper() or word.i == sent.start:
            continue
        head = word.head
        if head.i > word.i:
            continue
        if head.pos_ == "PROPN" and word.i == head.i + 1:
            word.dep_ = "flat:name"
            moved += 1
        elif head.pos_ == "NOUN" and head.right_edge.i >= word.i - 1 and all(
                t.pos_ in ("ADJ", "ADP", "DET", "NOUN", "PROPN") for t in sent.doc[head.i + 1:word.i]):
            word.dep_ = "appos"
            moved += 1
    return moved


#: present-tense verbs the tagger reads as another word before what they govern: "compte"
#: (the noun) before an infinitive, "dément" (the adjective) before an infinitive or a noun
#: phrase; each form → (the verb's lemma, whether a noun phrase may follow it)
MISREAD_VERB_FORMS: dict[str, tuple[str, bool]] = {
    "compte": ("compter", False),
    "comptent": ("compter", False),
    "dément": ("démentir", True),
    "presse": ("presser", True),
    "pressent": ("presser", True),
}


def verb_taken_for_another_word(sent: Span) -> bool:
    """"Le président américain compte rencontrer Vladimir Poutine", "Macron compte appeler
    Poutine", "Paris compte livrer des canons", "Moscou dément avoir frappé un hôpital", "Le
    Kremlin dément toute frappe": the parser reads the present-tense verb as a noun, an adverb
    or a word hung on the name before it, so the intention or the denial is lost and what it
    governs becomes the main verb or noun. The word becomes the verb heading the clause, the
    infinitive after it its complement (``xcomp``) or the noun phrase its object ("L'ONU presse
    l'Iran de coopérer": and the infinitive after that its complement), the name before it its
    subject. A "compte" after a determiner or a preposition ("sur son compte",
    "le compte à rebours") is left alone."""
    if sent.doc.lang_ != "fr":
        return False
    doc = sent.doc
    for word in sent:
        entry = MISREAD_VERB_FORMS.get(word.lower_)
        if entry is None or word.i == sent.start or word.i + 1 >= sent.end:
            continue
        lemma, takes_noun = entry
        after, subject = doc[word.i + 1], doc[word.i - 1]
        if after.pos_ in ("VERB", "AUX") and "Inf" in morph_values(after, "VerbForm"):
            # "dément avoir frappé": the auxiliary's participle is what is denied
            complement = after.head if after.dep_.startswith("aux") and after.head.i > after.i else after
        elif takes_noun and after.dep_ == "det" and after.head.i > after.i and after.head.pos_ in ("NOUN", "PROPN"):
            complement = after.head  # "dément toute frappe", "presse l'Iran de coopérer"
        elif takes_noun and (after.pos_ == "PROPN" or (after.pos_ == "ADJ" and after.is_title)):
            complement = after  # "Berlin presse Téhéran de libérer les otages", "presse Israël de" (read as an adjective)
        else:
            continue
        if subject.pos_ in ("DET", "ADP", "PRON", "PUNCT") or (
                word.pos_ == "VERB" and complement.head.i == word.i and word.head.i == word.i):
            continue  # a noun after its article, or a tree already right
        while subject.dep_ == "amod" and sent.start <= subject.head.i < subject.i:
            subject = subject.head  # "Le président américain compte …"
        if not (subject.pos_ in ("NOUN", "PROPN") or subject.text[:1].isupper()):
            continue
        # the subject's phrase ("L'armée israélienne", on whose adjective "dément" may hang), the word
        # and its complement
        three = {*range(subject.left_edge.i, word.i), word.i, complement.i}
        tops = [t for t in (subject, word, complement) if t.head.i == t.i or t.head.i not in three]
        if len(tops) != 1:
            continue  # the three words do not form one phrase
        top = tops[0]
        head, dep = (word, "ROOT") if top.head.i == top.i else (top.head, top.dep_)
        for child in list(subject.children):
            if child.i <= complement.i:
                continue
            if child.pos_ == "VERB" and any(g.dep_ == "mark" and g.lower_ in ("de", "d'", "d’", "à") for g in child.children):
                child.head, child.dep_ = word, "xcomp"  # "presse l'Iran de coopérer": what it is urged to do
            else:
                child.head = complement  # what followed the complement is the complement's
        if top.i != word.i:
            for child in list(top.children):
                if child.dep_ == "punct" and child.i > complement.i:
                    child.head = word  # the final stop closes the clause of the verb
        word.head, word.dep_ = head, dep
        if subject.pos_ not in ("NOUN", "PROPN"):
            subject.pos_ = "PROPN"  # "Macron" read as an adverb or an adjective
        subject.head, subject.dep_ = word, "nsubj"
        complement.head = word
        if complement.pos_ == "ADJ":
            complement.pos_ = "PROPN"
        complement.dep_ = "xcomp" if complement.pos_ in ("VERB", "AUX") else "obj"
        if complement.dep_ == "obj":
            # "presse Téhéran de libérer les otages": the infinitive right after the object says
            # what it is urged to do
            mark = doc[complement.right_edge.i + 1] if complement.right_edge.i + 1 < sent.end else None
            verb = mark.head if mark is not None and mark.dep_ == "mark" and mark.lower_ in ("de", "d'", "d’") else None
            if (verb is not None and verb.pos_ == "VERB" and "Inf" in morph_values(verb, "VerbForm")
                    and verb.head.i != word.i and word.i not in {a.i for a in verb.subtree}):
                verb.head, verb.dep_ = word, "xcomp"
        for child in list(complement.children):
            if child.dep_ == "punct" and child.i == sent.end - 1:
                child.head = word
        word.pos_, word.tag_, word.lemma_ = "VERB", "VERB", lemma
        word.set_morph("Mood=Ind|Tense=Pres|VerbForm=Fin|Person=3")
        return True
    return False


def infinitive_left_unattached(sent: Span) -> int:
    """"Le Brésil s'est abstenu de condamner Moscou": an infinitive opened by "de" under a
    verb, left with the parser's catch-all label (``dep``), is that verb's complement
    (``xcomp``), through which it shares the subject and a negating verb negates it. The
    same holds for one read as a that-clause (``ccomp``) under a pronominal verb ("s'est
    abstenu de", "s'est gardé de"). French only; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    changed = 0
    for word in sent:
        if ((word.dep_ == "dep" or (word.dep_ == "ccomp" and _pronominal(word.head)))
                and word.pos_ == "VERB" and "Inf" in morph_values(word, "VerbForm")
                and word.head.pos_ == "VERB" and word.head.i < word.i
                and any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in word.children)):
            word.dep_ = "xcomp"
            changed += 1
    return changed


def _pronominal(verb: Token) -> bool:
    """True when ``verb`` carries the clitic "se" of a pronominal verb ("s'est abstenu")."""
    return any(c.dep_ in ("expl:comp", "expl:pv") and c.lemma_.lower() == "se" for c in verb.children)


#: links the parser gives a name right after a verb when it misses the object ("a prévenu
#: Helsinki qu'il …", "n'a pas rencontré Poutine lors du sommet")
NAME_AS_FUNCTION_LINKS = frozenset({"advmod", "mark"})


def name_after_the_verb_taken_for_function_word(sent: Span) -> int:
    """"Moscou a prévenu Helsinki qu'il prendrait des mesures", "Erdogan n'a pas rencontré
    Poutine lors du sommet": a capitalised word right after a verb that has a subject before it
    and no object, hung by an adverb's or a conjunction's link (on the verb or on the clause
    after it), is the verb's object. French only; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    doc = sent.doc
    moved = 0
    for word in sent:
        if (word.dep_ not in NAME_AS_FUNCTION_LINKS or word.i == sent.start or not word.is_title
                or word.pos_ not in ("PROPN", "SCONJ", "ADV", "X", "NOUN")):
            continue
        start = word
        while (start.i - 1 > sent.start and doc[start.i - 1].is_title and doc[start.i - 1].head.i == word.head.i
               and doc[start.i - 1].dep_ in _FIRST_NAME_LINKS and doc[start.i - 1].pos_ in ("PROPN", "X")):
            start = doc[start.i - 1]  # "a félicité jeudi Donald Trump": the first name as "dep"
        verb = doc[start.i - 1]
        if (verb.lower_ in _WEEKDAYS and verb.head.i == verb.i - 1 and start.i - 2 >= sent.start
                and word.head.i == verb.i - 1):
            verb = verb.head  # a weekday between the verb and the name
        if verb.pos_ != "VERB" or any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        if not any(c.dep_ in SUBJECT_LINKS and c.i < verb.i for c in verb.children):
            continue  # "…, a averti Pékin": a speaker after the statement, not an object
        if any(c.i != word.i for c in word.children if c.dep_ not in ("flat:name", "flat")):
            continue
        start.head, start.dep_, start.pos_ = verb, "obj", "PROPN"
        for rest in doc[start.i + 1:word.i + 1]:
            rest.head, rest.dep_ = start, "flat:name"
        moved += 1
    return moved


#: the link the parser gives a first name it does not know, before a surname it reads as an adverb
_FIRST_NAME_LINKS = frozenset({"dep", "advmod", "mark"})

_WEEKDAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier"})


#: the links of a noun that the tagger can give to a word it tags as a preposition or adjective
_NOUN_ARGUMENT_LINKS = frozenset({"obj", "nsubj", "nsubj:pass"})


def noun_tagged_as_adposition(sent: Span) -> int:
    """"a ordonné de nouvelles frappes sur le Liban", "a mené de violentes frappes": after "de"
    and an adjective the French tagger can read the noun as a preposition or an adjective while
    the parser still makes it the object or subject, so the coder finds no event noun. A word
    tagged ADP or ADJ with an object's or subject's link, an article and an adjective of its own
    before it, is a noun. French only; returns how many."""
    if sent.doc.lang_ != "fr":
        return 0
    changed = 0
    for word in sent:
        if word.pos_ not in ("ADP", "ADJ") or word.dep_ not in _NOUN_ARGUMENT_LINKS:
            continue
        before = [c for c in word.children if c.i < word.i]
        if not any(c.dep_ == "det" for c in before) or not any(c.dep_ == "amod" and c.pos_ == "ADJ" for c in before):
            continue
        word.pos_, word.tag_ = "NOUN", "NOUN"
        if not word.lemma_ or word.lemma_ == word.text:
            lemma = word.lower_
            word.lemma_ = lemma[:-1] if "Plur" in morph_values(word, "Number") and lemma.endswith("s") else lemma
        changed += 1
    return changed


#: links by which the parser hangs the real verb on a first name it took for the sentence's verb
_CLAUSE_UNDER_NAME = frozenset({"advcl", "conj", "ccomp", "xcomp", "acl", "parataxis", "obj"})


def name_taken_for_a_verb(sent: Span) -> bool:
    """"Le Premier ministre indien Narendra Modi s'est entretenu avec …": the French tagger
    reads an unknown first name as a verb ("narendrer") and makes it the root, with the
    surname as its ``flat:name``, the title as its subject and the real verb as a clause
    under it. A capitalised verb inside the sentence, followed by its own ``flat:name``
    and with a verb after the name hung on it, is the name: the title's apposition, and the
    verb after it the sentence's root with the title as subject. French only."""
    if sent.doc.lang_ != "fr":
        return False
    for word in sent:
        if word.pos_ != "VERB" or not word.is_title or word.i == sent.start or word.dep_ != "ROOT":
            continue
        names = [c for c in word.children if c.dep_ == "flat:name" and c.pos_ == "PROPN" and c.i == word.i + 1]
        if not names:
            continue
        end = max(c.i for c in word.children if c.dep_ == "flat:name")
        verb = next((c for c in word.children if c.dep_ in _CLAUSE_UNDER_NAME and c.pos_ == "VERB" and c.i > end), None)
        title = next((c for c in word.children if c.dep_ in SUBJECT and c.i < word.i and c.pos_ == "NOUN"), None)
        if verb is None or title is None:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        for child in [c for c in word.children if c.i > end and c.i != verb.i]:
            child.head = verb
        title.head, title.dep_ = verb, "nsubj"
        word.head, word.dep_, word.pos_, word.tag_ = title, "appos", "PROPN", "PROPN"
        word.lemma_ = word.text
        return True
    return False
