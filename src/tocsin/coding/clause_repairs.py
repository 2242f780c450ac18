"""Parse repairs of clause structure: objects, complements and clauses hung on the wrong head
(a recipient hung on a genitive name, an object under the means of an act, a relative clause
hung on the verb, …); the subjects' repairs are in :mod:`tocsin.coding.subject_repairs`, verbs
read as participles or modifiers in :mod:`tocsin.coding.verb_form_repairs`. Each is described in docs/parse-repairs.md; the table of :mod:`tocsin.coding.repairs` runs them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.coding.syntax import RELATIVE_PRONOUNS, SUBJECT, morph_values
from tocsin.coding.verb_form_repairs import has_auxiliary
from tocsin.coding.word_repairs import PARTITIVES, VERBAL

#: links of a verb that heads a clause (not "l'opposant" tagged as a participle object)
_CLAUSE_LINKS = frozenset({"ROOT", "ccomp", "advcl", "conj", "xcomp", "parataxis", "acl:relcl"})


#: units of a prison term ("à dix mois de prison", "à trois ans")
_TERM_UNITS = frozenset({"an", "année", "mois", "semaine", "jour"})


def sentence_term_on_a_noun(sent: Span) -> int:
    """"condamné par un tribunal … à dix mois de prison", "a condamné l'opposant à 19 ans de
    prison": "à" + a number + a unit of time, hung on a noun (or on a noun tagged as a verb),
    belongs to the verb of the clause; returns how many were moved."""
    if sent.doc.lang_ != "fr":
        return 0
    moved = 0
    for term in sent:
        # (a head tagged as a verb but linked as an object is a noun: "l'opposant" read as "opposer")
        if (term.dep_ not in ("nmod", "dep") or (term.head.pos_ in VERBAL and term.head.dep_ not in ("obj", "nsubj:pass"))
                or term.lemma_.lower() not in _TERM_UNITS
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


#: verbs of force whose "des …" right after them is an indefinite object, never "de" + "les"
_FORCE_VERBS = frozenset({
    "attaquer", "tuer", "exécuter", "arrêter", "bombarder", "frapper", "enlever", "blesser",
    "capturer", "abattre", "cibler", "viser", "pilonner", "massacrer", "kidnapper", "détenir",
    "interpeller", "expulser", "égorger", "torturer",
    "libérer", "relâcher", "emprisonner", "déporter", "disperser",
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
                or verb.pos_ != "VERB" or verb.lemma_.lower() not in _FORCE_VERBS or not _next_but_for_a_date(verb, art)
                or any(c.dep_ in ("obj", "dobj", "expl:pv", "expl:comp") for c in verb.children)):
            continue
        noun.dep_ = "obj"
        art.dep_ = "det"
        art.pos_ = "DET"
        moved += 1
    return moved


def _next_but_for_a_date(verb: Token, art: Token) -> bool:
    """The article follows the verb, or only a short adverbial of the verb stands between
    ("a arrêté samedi des dizaines de manifestants", "a libéré jeudi soir des otages")."""
    between = verb.doc[verb.i + 1:art.i]
    return verb.i < art.i and len(between) <= 2 and all(
        t.pos_ in ("NOUN", "ADV") and (t.head.i == verb.i or t.head.i in range(verb.i + 1, art.i))
        and t.dep_ in ("obl:mod", "advmod", "nmod", "obl") for t in between)


#: adverbs of quantity that take a counted noun after "de" ("plus de 100 000 soldats")
QUANTITY_ADVERBS = frozenset({"plus", "moins", "près"})


def count_taken_by_quantity_adverb(sent: Span) -> int:
    """"La Russie a massé plus de 100 000 soldats": when the parser hangs the counted noun on
    the adverb of quantity ("plus", "moins", "près") and leaves the verb without an object,
    the noun is the verb's object and the adverb modifies it; returns how many were moved."""
    moved = 0
    for adverb in sent:
        if adverb.lower_ not in QUANTITY_ADVERBS or adverb.dep_ != "advmod":
            continue
        verb = adverb.head
        if verb.pos_ != "VERB" or verb.i > adverb.i or any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        noun = next((c for c in adverb.children if c.pos_ == "NOUN" and c.i > adverb.i
                     and any(g.lower_ in ("de", "d'", "d’") for g in c.children if g.dep_ == "case")), None)
        if noun is None:
            continue
        noun.head, noun.dep_ = verb, "obj"
        if adverb.lower_ == "plus" and any(c.lower_ in ("ne", "n'", "n’") for c in verb.children):
            # "ne fournira plus d'armes": "ne … plus" negates the verb, "d'armes" is its object
            for case in noun.children:
                if case.dep_ == "case" and case.lower_ in ("de", "d'", "d’"):
                    case.dep_ = "det"
        else:
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
                 and (has_auxiliary(c) or "Fin" in morph_values(c, "VerbForm"))), None)
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


def complement_taken_by_agent_name(sent: Span, time_nouns: frozenset[str] = frozenset()) -> int:
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
        if noun.lemma_.lower() in time_nouns or noun.lower_ in time_nouns:
            continue  # "ont été tirés vendredi par la Corée du Nord": a day, no event noun
        complement = next((c for c in agent.children if c.dep_ == "nmod" and c.i > agent.i and any(
            g.dep_ == "case" and g.lower_ in PARTITIVES for g in c.children)), None)
        if complement is None:
            continue
        complement.head = noun
        if agent.head.i != noun.i:
            agent.head, agent.dep_ = noun, "nmod"
        moved += 1
    return moved


#: verbs that judge an act named by their object ("a dénoncé le bombardement de l'hôpital par
#: l'armée"): the "par" phrase after that object names who did the act
_JUDGING_VERBS = frozenset({
    "dénoncer", "condamner", "fustiger", "déplorer", "critiquer", "saluer", "regretter", "blâmer", "approuver",
})


def agent_on_an_active_verb(sent: Span) -> int:
    """"a dénoncé le franchissement de la ligne par des soldats nord-coréens": the parser hangs
    the "par …" phrase after the object of a verb of judging on the verb as its agent, but an
    active verb with a subject takes no agent; the phrase names who did the act the object
    names. Returns how many phrases were moved under their object."""
    moved = 0
    for agent in sent:
        if agent.dep_ != "obl:agent":
            continue
        verb = agent.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _JUDGING_VERBS:
            continue
        children = list(verb.children)
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in children) or not any(c.dep_ == "nsubj" for c in children):
            continue  # a passive, or a participle with no subject of its own ("repoussés par des tirs")
        obj = next((c for c in children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < agent.i), None)
        if obj is None or not names_a_party(agent):
            continue
        agent.head, agent.dep_ = obj, "nmod"
        moved += 1
    return moved


def names_a_party(phrase: Token) -> bool:
    """"par la Corée du Nord", "par l'armée israélienne", "par une trentaine de soldats
    nord-coréens": a name or a word of nationality in the phrase (not "par drones", "par la voix
    de son porte-parole", "par téléphone")."""
    return any(t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.dep_ == "amod" and t.head.pos_ == "NOUN")
               for t in phrase.subtree) and not any(
        t.lemma_.lower() in _NOT_A_PARTY for t in phrase.subtree if t.pos_ == "NOUN")


#: nouns of a "par" phrase that say how something is done or said, not who does it
_NOT_A_PARTY = frozenset({"voix", "biais", "intermédiaire", "voie", "drone", "missile", "téléphone", "courrier",
                          "communiqué", "lettre", "message", "force", "moyen", "décret"})


#: nouns that sum up the clause before them ("…, une décision saluée par Kiev")
SUMMARY_NOUNS = frozenset({"décision", "mesure", "initiative", "geste", "annonce", "démarche", "première", "étape",
                           "revirement", "choix", "signal"})


def summary_taken_for_object(sent: Span) -> int:
    """"L'Espagne a reconnu l'État de Palestine, une décision qualifiée de « honteuse » par
    Israël": after a comma, a noun that sums up the clause is read as a second object of its
    verb, and who judges the decision as a recipient of the act. It becomes an apposition to
    the clause; returns how many."""
    moved = 0
    for noun in sent:
        if noun.dep_ == "conj" and _opens_on_a_summary(noun):
            # "…, où il a été reçu par le président, une première depuis la chute d'Assad": the
            # summary read as a second agent or party
            noun.dep_ = "appos"
            moved += 1
            continue
        if (noun.dep_ == "obj" and noun.pos_ == "NOUN" and noun.i > noun.head.i and noun.left_edge.i > sent.start
                and sent.doc[noun.left_edge.i - 1].text == ","
                and any(c.dep_ in ("aux:tense", "aux:pass") and c.lemma_ == "être" for c in noun.head.children)):
            # "Poutine est arrivé à Pékin pour une visite d'État, son premier déplacement …": a verb
            # whose past is made with "être" takes no object
            noun.dep_ = "appos"
            moved += 1
            continue
        if noun.dep_ != "obj" or noun.lemma_.lower() not in SUMMARY_NOUNS or noun.i - 2 < sent.start:
            continue
        verb = noun.head
        comma = noun.left_edge.i - 1
        if sent.doc[comma].text != "," or not any(c.dep_ == "obj" and c.i < noun.i for c in verb.children):
            continue
        noun.dep_ = "appos"
        moved += 1
    return moved


def _opens_on_a_summary(noun: Token) -> bool:
    """The phrase of ``noun`` follows a comma and opens on "un"/"une" and a summary word
    ("une première depuis …", "une démarche inédite")."""
    first = noun.left_edge
    doc = noun.doc
    if first.text == "," and first.i + 1 < noun.i:
        first = doc[first.i + 1]  # the comma hung on the conjunct
    if any(c.dep_ == "cc" for c in noun.children) or any(
            c.dep_ == "conj" and c.i > noun.i and any(g.dep_ == "cc" for g in c.children) for c in noun.head.children):
        return False  # "une déclaration, une décision et un plan d'action": a true list
    if first.i < 1 or first.i + 1 >= len(doc) or doc[first.i - 1].text != ",":
        return False
    after = doc[first.i + 1]
    return first.lower_ in ("un", "une") and (after.lemma_.lower() in SUMMARY_NOUNS or after.lower_ in SUMMARY_NOUNS)


def adjective_conjunct_hung_on_the_verb(sent: Span) -> int:
    """"Des délégations russe et ukrainienne se sont rencontrées": the second of two coordinated
    adjectives after a noun is hung on the verb as an adverb (with the "et"), so the noun keeps
    one nationality. It becomes the conjunct of the first adjective; returns how many."""
    moved = 0
    for word in sent:
        if word.pos_ != "ADJ" or word.dep_ != "advmod" or word.i - 2 < sent.start:
            continue
        cc, first = sent.doc[word.i - 1], sent.doc[word.i - 2]
        if (cc.lower_ != "et" or first.pos_ != "ADJ" or first.dep_ != "amod" or first.head.pos_ != "NOUN"
                or word.head.pos_ != "VERB" or first.head.head.i != word.head.i):
            continue
        word.head, word.dep_ = first, "conj"
        cc.head = word
        moved += 1
    return moved


#: adverbs the French model reads as the head of their "de …" phrase ("auprès de Pékin")
PREPOSITIONAL_ADVERBS = frozenset({"auprès"})


def phrase_hung_on_prepositional_adverb(sent: Span) -> int:
    """"a protesté auprès de Pékin", "a plaidé auprès de Washington": the model makes "auprès"
    an adverb of the verb and the name its dependent, so the name is no argument of the verb
    and "auprès" no preposition of the name. The name goes to the verb, "auprès" becomes its
    preposition (the "de" stays after it); returns how many phrases were moved."""
    moved = 0
    for adverb in sent:
        if adverb.lower_ not in PREPOSITIONAL_ADVERBS or adverb.dep_ != "advmod":
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


def _number(tok: Token) -> str | None:
    """The grammatical number a verb agrees in, read on its auxiliary first ("qui a réclamé")."""
    for word in [c for c in tok.children if c.dep_.startswith("aux")] + [tok]:
        found = word.morph.get("Number")
        if found:
            return found[0]
    return None


def relative_clause_on_the_wrong_noun(sent: Span) -> int:
    """"aux demandes de la Cédéao, qui réclamait la libération du président": a relative clause
    after a comma hung on a noun whose number its verb does not agree with, while the noun right
    before the comma, inside that noun's phrase, agrees: the clause is that noun's. Returns how
    many were moved."""
    changed = 0
    for word in sent:
        if word.dep_ not in ("acl:relcl", "relcl") or word.pos_ not in ("VERB", "AUX"):
            continue
        head = word.head
        qui = next((c for c in word.children if c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ == "qui"), None)
        if (qui is None or head.pos_ not in ("NOUN", "PROPN") or qui.i - 2 < sent.start
                or sent.doc[qui.i - 1].text != ","):
            continue
        noun = sent.doc[qui.i - 2]
        while noun.dep_ == "flat:name" and noun.head.i < noun.i:
            noun = noun.head
        if noun.i == head.i or noun.pos_ not in ("NOUN", "PROPN") or head not in noun.ancestors:
            continue
        verb_number, head_number = _number(word), (head.morph.get("Number") or [None])[0]
        noun_number = (noun.morph.get("Number") or [None])[0]
        if verb_number is None or head_number is None or head_number == verb_number:
            continue
        if noun_number is not None and noun_number != verb_number:
            continue
        word.head = noun
        changed += 1
    return changed


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


#: nouns of the locutions that name the means of an act ("à coups de gaz lacrymogène", "à
#: l'aide de drones", "au moyen de canons à eau")
INSTRUMENT_NOUNS = frozenset({"coup", "coups", "aide", "moyen"})


def object_taken_by_instrument_phrase(sent: Span) -> int:
    """"La police a dispersé à coups de gaz lacrymogène des manifestants": the parser reads the
    partitive article of the object as the preposition "de" and hangs the object under the
    means the act was done with. A partitive phrase at the end of "à coups de …" / "à l'aide
    de …", before which the verb has no object, is the verb's object."""
    moved = 0
    for means in sent:
        if means.lemma_.lower() not in INSTRUMENT_NOUNS or means.dep_ not in ("obl:mod", "obl", "obl:arg"):
            continue
        verb = means.head
        if verb.pos_ != "VERB" or verb.i > means.i or any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        # the means' own "de" phrase ("de gaz") is hung on it; the object is deeper ("à coups de
        # canons à eau des milliers de partisans")
        taken = next((t for t in means.subtree if t.i > means.i and t.dep_ == "nmod" and t.pos_ == "NOUN"
                      and t.head.i != means.i and any(g.dep_ == "case" and g.lower_ in PARTITIVES
                                                      and g.i == t.left_edge.i for g in t.children)), None)
        if taken is None:
            continue
        taken.head, taken.dep_ = verb, "obj"
        for case in taken.children:
            if case.dep_ == "case" and case.lower_ in PARTITIVES:
                case.dep_ = "det"
        moved += 1
    return moved


#: nouns of seas and straits named after a country ("mer de Chine méridionale", "golfe
#: d'Oman"): the country name after them is part of the place
SEA_NOUNS = frozenset({"mer", "golfe", "détroit", "océan", "baie"})


def country_of_a_sea_hung_elsewhere(sent: Span) -> int:
    """"des manœuvres conjointes avec l'Inde en mer de Chine méridionale": the parser hangs
    "de Chine" on the event noun instead of on "mer", so China reads as who holds the
    manœuvres. A name right after "mer de" / "golfe d'" hung on another word goes back to
    the sea noun; returns how many."""
    moved = 0
    for name in sent:
        if name.pos_ != "PROPN" or name.i < sent.start + 2:
            continue
        case, sea = name.doc[name.i - 1], name.doc[name.i - 2]
        if case.lower_ not in ("de", "d'", "d’") or case.head.i != name.i or sea.lemma_.lower() not in SEA_NOUNS:
            continue
        if name.head.i == sea.i or sea.pos_ != "NOUN" or name.head.i == name.i:
            continue
        name.head, name.dep_ = sea, "nmod"
        moved += 1
    return moved


#: nouns of "par téléphone", "par visioconférence" …: how an act was done, never its recipient
MEANS_NOUNS = frozenset({"téléphone", "visioconférence", "vidéoconférence", "courrier", "lettre", "message",
                         "écrit", "communiqué", "vidéo"})


def object_hung_on_a_means_phrase(sent: Span) -> int:
    """"Emmanuel Macron a félicité par téléphone le nouveau chancelier allemand": the parser hangs
    the object that follows "par téléphone" on the means noun as an apposition, so the act
    loses its recipient. A noun phrase with its own determiner (or a name) hung that way on a
    "par …" means phrase of a verb with no object is the verb's object; returns how many."""
    moved = 0
    for means in sent:
        if means.lemma_.lower() not in MEANS_NOUNS or means.dep_ not in ("obl:mod", "obl", "obl:arg"):
            continue
        if not any(c.dep_ == "case" and c.lower_ == "par" for c in means.children):
            continue
        verb = means.head
        if verb.pos_ != "VERB" or verb.i > means.i or any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        taken = next((c for c in means.children if c.i > means.i and c.dep_ in ("appos", "obj", "dep", "nmod")
                      and c.pos_ in ("NOUN", "PROPN") and not any(g.dep_ == "case" for g in c.children)
                      and (c.pos_ == "PROPN" or any(g.dep_ == "det" for g in c.children))), None)
        if taken is None:
            continue
        taken.head, taken.dep_ = verb, "obj"
        moved += 1
    return moved


#: French adverbs that open a place phrase with "de" ("au-dessus de la Pologne")
PLACE_ADVERBS = frozenset({"au-dessus", "au-delà", "en-dessous", "au-dessous", "autour", "près"})


def place_phrase_hung_on_its_adverb(sent: Span) -> int:
    """"Deux drones ont été interceptés au-dessus de la Pologne", "des manœuvres militaires autour
    de Taïwan": the parser reads "au-dessus" or "autour" as an adverb and hangs the place on it
    with an unlabelled link, so the coder finds no place phrase. The noun becomes an oblique of
    the verb (or a complement of the noun) the adverb hung on, with the adverb as its
    preposition; returns how many."""
    moved = 0
    for adverb in sent:
        if adverb.lower_ not in PLACE_ADVERBS or adverb.dep_ not in ("advmod", "dep") or adverb.head.i == adverb.i:
            continue
        place = next((c for c in adverb.children if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN")
                      and c.i > adverb.i), None)
        if place is None:
            continue
        governor = adverb.head
        place.head, place.dep_ = governor, ("nmod" if governor.pos_ in ("NOUN", "PROPN") else "obl:mod")
        adverb.head, adverb.dep_ = place, "case"
        moved += 1
    return moved


def name_after_control_verb_taken_for_adverb(sent: Span, control_verbs: frozenset[str]) -> int:
    """"Macron et Merz ont appelé Trump à maintenir son soutien": a name right after a verb
    that takes an object and an infinitive ("appeler X à", "exhorter X à", "accuser X de"),
    read as an adverb of it, is its object (not after a speech verb, where a name is the
    inverted speaker). Returns how many."""
    moved = 0
    for word in sent:
        if word.dep_ != "advmod" or word.pos_ != "PROPN" or word.i == sent.start:
            continue
        verb = word.head
        if verb.pos_ != "VERB" or word.i != verb.i + 1 or verb.lemma_.lower() not in control_verbs:
            continue
        if any(c.dep_ in ("obj", "dobj") for c in verb.children) or any(c.dep_ == "case" for c in word.children):
            continue
        if not any(c.dep_ in ("xcomp", "advcl") and c.i > word.i for c in verb.children):
            continue
        word.dep_ = "obj"
        moved += 1
    return moved


def infinitive_hung_on_the_object(sent: Span, control_verbs: frozenset[str]) -> int:
    """"Le président français a appelé son homologue algérien à libérer l'écrivain": after a verb
    that takes an object and an infinitive ("appeler X à", "exhorter X à", "accuser X de"), the
    parser can hang the infinitive on the object as a clause of the noun; it is the verb's
    complement. Returns how many."""
    moved = 0
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in control_verbs:
            continue
        if any(c.dep_ == "xcomp" for c in verb.children):
            continue
        objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i]
        # "a appelé l'Iran et ses alliés à cesser": or on the object's last conjunct
        # (which the parser may still hang on the verb)
        objects += [g for c in [*objects, verb] for g in c.children
                    if g.dep_ == "conj" and g.pos_ in ("NOUN", "PROPN") and objects and g.i > objects[0].i]
        for obj in objects:
            infinitive = next((c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB"
                               and "Inf" in morph_values(c, "VerbForm")
                               and any(m.dep_ == "mark" and m.lower_ in ("à", "de", "d'") for m in c.children)), None)
            if infinitive is not None:
                infinitive.head, infinitive.dep_ = verb, "xcomp"
                moved += 1
                break
    return moved


_LATTER_ADJECTIVES = frozenset({"dernier", "dernière", "derniers", "dernières"})
LATTER_WORDS = _LATTER_ADJECTIVES


#: states a person is put in or let out to ("placé en détention", "remis en liberté",
#: "assigné à résidence"): the people after them are the verb's object
PLACEMENT_NOUNS = frozenset({"détention", "garde", "vue", "liberté", "résidence", "prison"})


def object_hung_on_a_placement(sent: Span) -> int:
    """"a placé en détention des centaines de paysans", "a remis en liberté dix Américains":
    the parser hangs the people on the state they are put in; when the verb has no object they
    are its object (and a partitive "des" their article); returns how many."""
    moved = 0
    for noun in sent:
        state = noun.head
        verb = state.head
        if (noun.dep_ != "nmod" or noun.pos_ not in ("NOUN", "PROPN") or noun.i < state.i
                or state.lemma_.lower() not in PLACEMENT_NOUNS or state.dep_ not in ("obl:arg", "obl", "obl:mod")
                or verb.pos_ != "VERB" or state.i < verb.i
                or any(c.dep_ in ("obj", "dobj") for c in verb.children)):
            continue
        cases = [c for c in noun.children if c.dep_ == "case"]
        if cases and not all(c.lower_ in ("des", "du") and c.i == noun.i - 1 for c in cases):
            continue  # "en garde à vue à Moscou", "en détention de l'opposant" are no object
        if not cases and not any(c.dep_ in ("nummod", "det") for c in noun.children):
            continue
        noun.head = verb
        noun.dep_ = "obj"
        for case in cases:
            case.dep_ = "det"
            case.pos_ = "DET"
        moved += 1
    return moved
