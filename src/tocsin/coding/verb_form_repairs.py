"""Parse repairs of verbs read as something else: a finite verb or a headline's verb read as a
participle or a modifier, a gerund read as a modifier, a participle coordinated with a
modifier or a noun, a clause after a topic or a closing participle after a comma hung on a
noun, a pronominal verb read as a passive. Each is described in docs/parse-repairs.md; the table of :mod:`tocsin.coding.repairs` runs them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.coding.syntax import morph_values
from tocsin.coding.word_repairs import VERBAL


def finite_verb_taken_for_participle(sent: Span) -> bool:
    """"Le Niger expulse l'ambassadeur de France", "Israeli air strikes killed 20 people": a
    present-tense (or, in English, past) verb read as a participle modifying the name before it. The verb becomes the root, the name its subject,
    the phrase after it its object."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.dep_ not in ("amod", "acl"):
            continue
        lemma = verb.lemma_.lower()
        finite = "Fin" in morph_values(verb, "VerbForm")
        stem = lemma[:-2]
        # "sanctionne", "bombardent"; "rompt", "suspend", "rompent" (no participle of "-pre" or
        # "-dre" verbs has these forms: "rompu", "suspendu")
        present_form = (lemma.endswith("er") and verb.lower_ in (stem + "e", stem + "ent")) or (
            lemma.endswith(("pre", "dre")) and verb.lower_ in (stem + "t", stem, stem + "ent"))
        # "Israeli air strikes killed 20 people": an English past form read as a participle that
        # modifies the noun, though a modifying participle takes no direct object
        past_with_object = verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children)
        if not finite and not ("Part" in morph_values(verb, "VerbForm") and present_form) and not past_with_object:
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


def participle_coordinated_with_a_modifier(sent: Span) -> int:
    """"a envoyé un avion chargé d'aide … et promis de financer": a participle with no auxiliary
    coordinated with a participle that describes the object of a compound verb (or with a
    noun of its phrases) is that verb's conjunct; returns how many were moved."""
    if sent.doc.lang_ != "fr":
        return 0
    moved = 0
    for tok in sent:
        modifier = tok.head
        if (tok.dep_ == "conj" and tok.pos_ == "VERB" and "Part" in morph_values(tok, "VerbForm")
                and modifier.pos_ in ("NOUN", "PROPN") and not has_auxiliary(tok)):
            moved += _participle_coordinated_with_a_noun(tok)
            continue
        if (tok.dep_ != "conj" or tok.pos_ != "VERB" or "Part" not in morph_values(tok, "VerbForm")
                or modifier.dep_ != "acl" or modifier.pos_ != "VERB" or has_auxiliary(tok) or has_auxiliary(modifier)):
            continue
        noun = modifier.head
        verb = noun.head
        if noun.dep_ not in ("obj", "dobj") or verb.pos_ != "VERB" or not has_auxiliary(verb) or verb.i > noun.i:
            continue
        tok.head = verb
        moved += 1
    return moved


def _participle_coordinated_with_a_noun(tok: Token) -> int:
    """"La police a dispersé un rassemblement de l'opposition à Conakry et interpellé une
    trentaine de militants": the participle hung on a noun is the compound verb's conjunct,
    and the phrase after it, hung on the same noun, its object."""
    noun = tok.head
    verb = next((a for a in noun.ancestors if a.pos_ == "VERB" and has_auxiliary(a)), None)
    if verb is None or verb.i > tok.i:
        return 0
    obj = next((c for c in noun.children if c.i > tok.i and c.dep_ in ("appos", "nmod") and c.pos_ == "NOUN"
                and not any(g.dep_ == "case" for g in c.children)), None)
    tok.head = verb
    if obj is not None and not any(c.dep_ in ("obj", "dobj") for c in tok.children):
        obj.head, obj.dep_ = tok, "obj"
    return 1


def has_auxiliary(verb: Token) -> bool:
    return any(c.dep_.startswith("aux") for c in verb.children)


def headline_participle_taken_for_modifier(sent: Span) -> int:
    """"Mali : deux soldats tués dans une attaque jihadiste", "Tunisie : un opposant condamné à
    trois ans de prison": a French headline with no finite verb reports a passive act with a bare
    past participle, which the parser hangs on the noun as a modifier (the way it reads "les
    produits importés"), so the act is taken for a description. When the sentence has no finite
    verb and the noun opens it (or follows the "Pays :" prefix), the participle becomes the verb
    (under the prefix, as the prefix's verbs are) and the noun its passive subject."""
    if sent.doc.lang_ != "fr" or any(t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm") for t in sent):
        return 0
    for word in sent:
        if (word.pos_ != "VERB" or word.dep_ != "acl" or "Part" not in morph_values(word, "VerbForm")
                or "Past" not in morph_values(word, "Tense") or any(c.dep_.startswith("aux") for c in word.children)):
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


def clause_after_topic_read_as_modifier(sent: Span) -> int:
    """"Niger : la junte expulse le coordinateur de l'ONU": in a headline opened by a topic and
    a colon, the parser can read the clause after the colon as a noun phrase, its finite verb a
    modifier of its subject. The verb becomes the root, the noun before it its subject, the topic
    and the noun that follows the verb (its object) its dependents."""
    root = sent.root
    if root.pos_ not in ("PROPN", "NOUN") or root.i > sent.start + 4:
        return 0
    colon = next((t for t in sent[: min(len(sent), 7)] if t.text == ":" and t.i > root.i), None)
    if colon is None:
        return 0
    for verb in sent.doc[colon.i + 1:sent.end]:
        subject = verb.head
        if (verb.dep_ not in ("acl", "amod") or verb.pos_ != "VERB" or not _finite_in_form(verb)
                or subject.i < colon.i or subject.i > verb.i or subject.left_edge.i != colon.i + 1
                or subject.head.i != root.i or subject.pos_ not in ("NOUN", "PROPN")):
            continue
        taken = next((c for c in subject.children if c.i > verb.i and c.dep_ in ("nmod", "appos", "obj")
                      and c.pos_ in ("NOUN", "PROPN") and not any(g.dep_ == "case" for g in c.children)), None)
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head, subject.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "obl:mod"
        colon.head = verb
        if taken is not None:
            taken.head, taken.dep_ = verb, "obj"
        return 1
    return 0


def _finite_in_form(verb: Token) -> bool:
    """Finite by the tagger, or by its ending: a verb in "-er" ending in "-e" or "-ent" ("expulse",
    "libèrent") is in the present, whatever participle the tagger read."""
    if "Fin" in morph_values(verb, "VerbForm"):
        return True
    lower = verb.lower_
    return verb.lemma_.lower().endswith("er") and lower.endswith(("e", "ent")) and not lower.endswith(("ée", "ées"))


def participle_after_comma_taken_for_modifier(sent: Span) -> int:
    """"Le Tchad a mis fin à son accord avec la France, exigeant le départ des soldats français":
    a present participle after a comma that closes the sentence speaks of the clause's subject,
    as French news writes it; the parser hangs it on the noun before the comma. It goes to the
    verb of the clause as an adverbial clause."""
    doc = sent.doc
    for word in sent:
        if (word.dep_ != "acl" or word.pos_ != "VERB" or not word.lower_.endswith("ant")
                or word.i < sent.start + 2 or doc[word.i - 1].text != ","):
            continue
        noun = word.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i > word.i or noun.dep_ in ("nsubj", "nsubj:pass"):
            continue
        if max(t.i for t in word.subtree) < sent.end - 2:
            continue  # the clause goes on after the participle: it may describe the noun
        verb = noun.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        word.head, word.dep_ = verb, "advcl"
        comma = doc[word.i - 1]
        if comma.head.i == noun.i:
            comma.head = word
        return 1
    return 0


def pronominal_verb_taken_for_passive(sent: Span) -> int:
    """"L'armée ukrainienne s'est retirée d'Avdiïvka": "se" + "être" + participle is the
    compound past of a pronominal verb, but the parser can label it as a passive (``expl:pass``,
    ``aux:pass``, ``nsubj:pass``), so the army that withdrew would undergo its own withdrawal.
    The labels become those of the pronominal verb ("se" ``expl:comp``, "être" ``aux:tense``,
    the subject ``nsubj``). French only; returns how many verbs were relabelled."""
    if sent.doc.lang_ != "fr":
        return 0
    changed = 0
    for verb in sent:
        children = list(verb.children)
        # "Kiev et Moscou se sont mutuellement accusés": the clitic can also be read as the
        # pronominal one (``expl:comp``) with "être" still taken for the passive auxiliary
        if not any(c.dep_ in _PRONOMINAL_CLITIC_LINKS and c.lemma_.lower() == "se" for c in children):
            continue
        if not any(c.dep_ == "aux:pass" and c.lemma_.lower() == "être" for c in children):
            continue
        if any(c.dep_ in ("obl:agent", "agent") for c in children):
            continue  # a real agent: leave the passive alone
        for child in children:
            if child.dep_ in _PRONOMINAL_RELABEL:
                child.dep_ = _PRONOMINAL_RELABEL[child.dep_]
        changed += 1
    return changed


def active_subject_taken_for_passive(sent: Span) -> int:
    """"Le président turc a vivement critiqué jeudi la Suède": the parser can label the subject
    of a compound past built with "avoir" as a passive subject (``nsubj:pass``) although no
    passive "être" stands beside it, and the name after the weekday is then taken for the
    speaker. Such a subject becomes ``nsubj``. French only; returns how many were relabelled."""
    if sent.doc.lang_ != "fr":
        return 0
    changed = 0
    for verb in sent:
        children = list(verb.children)
        if not any(c.dep_ == "aux:tense" and c.lemma_.lower() == "avoir" for c in children):
            continue
        if any(c.dep_ in ("aux:pass", "expl:pass", "obl:agent") or c.lemma_.lower() == "être"
               for c in children):
            continue  # "a été critiqué", "s'est vu", "… par Ankara": a passive stays one
        for child in children:
            if child.dep_ == "nsubj:pass":
                child.dep_ = "nsubj"
                changed += 1
    return changed


#: gerund endings and the infinitive ending they come from ("sanctionnant" → "sanctionner")
_GERUND_ENDINGS = (("issant", "ir"), ("ant", "er"))


#: labels of "se" on a verb whose "être" the parser reads as a passive auxiliary
_PRONOMINAL_CLITIC_LINKS = frozenset({"expl:pass", "expl:comp", "expl:pv"})

#: labels of a passive clause and those of the pronominal verb it stands for
_PRONOMINAL_RELABEL = {"expl:pass": "expl:comp", "aux:pass": "aux:tense", "nsubj:pass": "nsubj"}


#: present-participle endings and the infinitive ending each gives ("menaçant" → "menacer")
_OPENING_PARTICIPLE_ENDINGS = (("issant", "ir"), ("geant", "ger"), ("çant", "cer"), ("ant", "er"))


def opening_participle_taken_for_adjective(sent: Span) -> int:
    """"Menaçant de représailles, le Hamas a accusé …", "Menaçant Kiev de représailles, Moscou
    a convoqué …": a present participle opening the sentence, tagged as an adjective, is a verb
    said of the clause's subject. It becomes a verb hung on the clause's verb; when the parser
    made it the root with the clause's verb as its conjunct, the clause's verb becomes the root.
    Returns how many were repaired."""
    if sent.doc.lang_ != "fr" or len(sent) < 5:
        return 0
    tok = sent[0]
    low = tok.lower_
    if tok.pos_ != "ADJ" or not low.endswith("ant") or len(low) < 7 or not tok.is_title:
        return 0
    if not any(t.lower_ == "," for t in sent[1:]):
        return 0
    if tok.dep_ == "advcl" and tok.head.pos_ in VERBAL and tok.head.i > tok.i:
        verb = tok.head
    elif tok.dep_ == "ROOT":
        verb = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and any(
            g.dep_ in ("nsubj", "nsubj:pass") for g in c.children)), None)
        if verb is None:
            return 0
        verb.head = verb
        verb.dep_ = "ROOT"
        tok.head = verb
        tok.dep_ = "advcl"
        for child in list(tok.children):
            if child.dep_ == "punct" and child.i > tok.i:
                child.head = verb
    else:
        return 0
    ending, infinitive = next((e, i) for e, i in _OPENING_PARTICIPLE_ENDINGS if low.endswith(e))
    tok.pos_ = "VERB"
    tok.lemma_ = low[: -len(ending)] + infinitive
    tok.set_morph("VerbForm=Part|Tense=Pres")
    return 1
