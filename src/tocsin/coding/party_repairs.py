"""Parse repairs of the parties and objects of two-sided acts in French news: the second party
of an "entre" phrase hung on the event noun, an "entre" phrase hung on the verb that says the
talks took place, a headline topic ("Kiev : …") read as a second subject, and the object of a
verb hung on the oblique name or time phrase before it ("a partagé avec Israël des
renseignements", "organiseront à l'automne des manœuvres"). Each is described in docs/parse-repairs.md; the table of :mod:`tocsin.coding.repairs` runs them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tocsin.coding.syntax import BETWEEN, SUBJECT, between_phrases
from tocsin.coding.word_repairs import PARTITIVES, VERBAL

#: verbs that say an event took place: its "entre" phrase names the event's two sides
#: ("un entretien a eu lieu mercredi entre X et Y", "des pourparlers se sont tenus entre …")
HAPPENING_VERBS = frozenset({"avoir", "tenir", "dérouler", "ouvrir", "débuter", "commencer", "reprendre",
                             "durer", "poursuivre", "achever", "terminer", "produire", "intervenir"})

#: time nouns a prepositional phrase of time is headed by ("à l'automne", "pour la première fois")
TIME_HEADS = frozenset({"automne", "printemps", "été", "hiver", "fois", "semaine", "mois", "année", "an",
                        "jour", "journée", "week-end", "matin", "soir", "nuit", "lundi", "mardi", "mercredi",
                        "jeudi", "vendredi", "samedi", "dimanche"})

#: subject links, passive included ("La trêve … est entrée en vigueur" is read as a passive)
_SUBJECT_LINKS = SUBJECT | {"nsubj:pass"}

#: words allowed between the first party of "entre" and its second: "et les", "et le président"
_BEFORE_SECOND = frozenset({"DET", "ADJ", "CCONJ"})


def second_party_hung_on_the_noun(sent: Span) -> int:
    """"Des négociations entre Kinshasa et les rebelles du M23 ont débuté", "Pas de rencontre entre
    Xi et Trump": the parser coordinates the second party with the event noun instead of the
    first party of "entre". The second party rejoins the first; returns how many."""
    moved = 0
    for first in between_phrases(sent):
        # the second party hung inside the first one's phrase ("entre le président turc Recep
        # Tayyip Erdogan et le chancelier allemand": on the name; "entre le chef de la diplomatie
        # iranienne et ses homologues": on the genitive)
        second = next((t for t in first.subtree if t.i != first.i and t.dep_ == "conj"
                       and t.pos_ in ("PROPN", "NOUN") and t.head.pos_ in ("PROPN", "NOUN")
                       and _after_and(t, sent)), None)
        if second is None:
            end = first.right_edge.i
            if end + 2 >= sent.end or sent.doc[end + 1].lower_ not in ("et", "and"):
                continue
            second = next((c for c in first.head.children if c.dep_ == "conj" and c.i > end + 1
                           and c.pos_ in ("PROPN", "NOUN")), None)
            if second is None or any(t.pos_ not in _BEFORE_SECOND for t in sent.doc[end + 1:second.i]):
                continue
        second.head = first
        moved += 1
    return moved


def _after_and(tok: Token, sent: Span) -> bool:
    """``tok`` follows "et"/"and" with only articles and adjectives between."""
    i = tok.i - 1
    while i > sent.start and sent.doc[i].pos_ in ("DET", "ADJ"):
        i -= 1
    return sent.doc[i].lower_ in ("et", "and")


def between_phrase_on_the_verb(sent: Span) -> int:
    """"Un entretien téléphonique a eu lieu mercredi entre Erdogan et le chancelier allemand",
    "Des pourparlers se sont tenus vendredi à Genève entre …": the "entre" phrase is hung on the
    verb that says the event took place, while it names the two sides of the event noun that is
    the verb's subject. The phrase goes to the noun; returns how many."""
    moved = 0
    for phrase in sent:
        verb = phrase.head
        for _ in range(2):  # "… à Rabat entre le roi du Maroc et …": hung on the place or the day
            if verb.pos_ in VERBAL or verb.dep_ not in ("obl", "obl:mod", "obl:arg", "xcomp") or verb.head.i == verb.i:
                break
            verb = verb.head
        if (phrase.dep_ not in ("obl", "obl:mod", "obl:arg", "nmod") or verb.pos_ not in VERBAL
                or verb.lemma_.lower() not in HAPPENING_VERBS or phrase.i < verb.i):
            continue
        if not any(c.dep_ == "case" and c.lower_ in BETWEEN for c in phrase.children):
            continue
        objects = [c for c in verb.children if c.dep_ in ("obj", "dobj")]
        if any(o.lemma_.lower() != "lieu" for o in objects) or (verb.lemma_.lower() == "avoir" and not objects):
            continue  # "avoir lieu" only; any other object is what the verb acts on
        event = next((c for c in verb.children if c.dep_ in SUBJECT and c.pos_ == "NOUN" and c.i < verb.i), None)
        if event is None or any(c.dep_ == "case" and c.lower_ in BETWEEN for g in event.children for c in g.children):
            continue
        phrase.head, phrase.dep_ = event, "nmod"
        moved += 1
    return moved


#: prepositions of a place phrase ("à Ankara", "au Caire", "en Turquie")
_PLACE_CASES = frozenset({"à", "au", "aux", "en"})


def between_phrase_hung_on_a_place(sent: Span) -> int:
    """"l'accord conclu à Ankara entre l'Éthiopie et la Somalie", "ont signé à Doha entre …": the
    parser hangs the "entre" phrase on the place name before it. A place name takes no "entre"
    complement: the phrase goes to the verb the place belongs to; returns how many."""
    moved = 0
    for phrase in sent:
        place = phrase.head
        if (phrase.dep_ != "nmod" or place.pos_ != "PROPN" or place.i > phrase.i
                or place.dep_ not in ("obl", "obl:mod", "obl:arg") or place.head.pos_ not in VERBAL):
            continue
        if not any(c.dep_ == "case" and c.lower_ in BETWEEN for c in phrase.children):
            continue
        if not any(c.dep_ == "case" and c.lower_ in _PLACE_CASES for c in place.children):
            continue
        phrase.head, phrase.dep_ = place.head, "obl:mod"
        moved += 1
    return moved


#: nouns of acts with two sides, which an "entre" phrase right after them completes
TWO_SIDED_NOUNS = frozenset({"accord", "trêve", "cessez-le-feu", "compromis", "entente", "traité", "pacte",
                             "armistice", "négociation", "pourparler", "pourparlers", "discussion", "dialogue",
                             "rencontre", "entretien", "réunion", "sommet", "échange"})


def between_phrase_after_a_noun_of_the_verb(sent: Span) -> int:
    """"Les négociations se sont achevées sans accord entre Israël et le Hamas", "a annoncé
    mercredi un accord entre Israël et le Hamas": the parser hangs the "entre" phrase on the
    verb, right after a noun of a two-sided act the verb governs. The phrase completes that noun
    (what is between two parties is the agreement, not the announcing); returns how many."""
    moved = 0
    doc = sent.doc
    for phrase in sent:
        verb = phrase.head
        if phrase.dep_ not in ("obl", "obl:mod", "obl:arg") or verb.pos_ not in VERBAL or phrase.left_edge.i <= sent.start:
            continue
        if not any(c.dep_ == "case" and c.lower_ in BETWEEN and c.i == phrase.left_edge.i for c in phrase.children):
            continue
        before = doc[phrase.left_edge.i - 1]
        noun = next((c for c in verb.children if c.right_edge.i == before.i and c.i != phrase.i
                     and c.dep_ in ("obj", "obl", "obl:mod", "obl:arg") and c.pos_ == "NOUN"), None)
        if noun is None or noun.lemma_.lower() not in TWO_SIDED_NOUNS:
            continue
        if any(c.dep_ == "case" and c.lower_ in BETWEEN for g in noun.children for c in g.children):
            continue
        phrase.head, phrase.dep_ = noun, "nmod"
        moved += 1
    return moved


def between_phrase_taken_for_a_conjunct(sent: Span) -> int:
    """"a annoncé un cessez-le-feu « total » entre Israël et l'Iran": after a quoted word the
    parser makes the "entre" phrase a conjunct of the noun before it. A phrase that opens with
    "entre" is no conjunct: it completes that noun; returns how many."""
    moved = 0
    for phrase in sent:
        noun = phrase.head
        if phrase.dep_ != "conj" or noun.pos_ != "NOUN" or phrase.i < noun.i:
            continue
        case = next((c for c in phrase.children if c.dep_ == "case"), None)
        if case is None or case.lower_ not in BETWEEN or not all(
                t.is_punct for t in sent.doc[phrase.left_edge.i:case.i]):
            continue  # (a closing quote may hang on the phrase)
        if any(c.dep_ == "cc" and c.i < phrase.i for c in phrase.children):
            continue  # "… et entre X et Y": a second "entre" phrase coordinated with a first
        phrase.dep_ = "nmod"
        moved += 1
    return moved


#: participles that say who held talks or where, not what was done ("les discussions menées à
#: Pékin entre Riyad et Téhéran", "des pourparlers organisés à Doha entre …")
CONDUCT_PARTICIPLES = frozenset({"mener", "tenir", "organiser", "conduire", "engager", "entamer", "poursuivre",
                                 "ouvrir", "reprendre", "parrainer", "accueillir", "dérouler"})


def between_phrase_on_the_conduct_participle(sent: Span) -> int:
    """"Les discussions menées à Pékin entre Riyad et Téhéran ont débouché sur un accord": the
    "entre" phrase hangs on the participle that says the talks were held; it names the two
    sides of the noun the participle qualifies. The phrase goes to the noun; returns how many."""
    moved = 0
    for phrase in sent:
        part = phrase.head
        noun = part.head
        if (phrase.dep_ not in ("obl", "obl:mod", "obl:arg") or part.dep_ != "acl" or part.pos_ != "VERB"
                or part.lemma_.lower() not in CONDUCT_PARTICIPLES or noun.pos_ != "NOUN" or phrase.i < part.i):
            continue
        if not any(c.dep_ == "case" and c.lower_ in BETWEEN for c in phrase.children):
            continue
        if any(c.dep_ == "case" and c.lower_ in BETWEEN for g in noun.children if g.dep_ == "nmod" for c in g.children):
            continue  # the noun names its sides already
        phrase.head, phrase.dep_ = noun, "nmod"
        moved += 1
    return moved


def second_party_taken_for_a_subject(sent: Span) -> int:
    """"La trêve conclue entre Israël et le Hamas est entrée en vigueur": the parser ends the
    "entre" phrase at its first party and makes the second ("et le Hamas") a second subject of
    the main verb, beside the noun that is its real subject. A name or noun phrase right after
    "et" that closes the "entre" phrase, hung as a subject on a verb that has another subject
    before the phrase, is the phrase's second party; returns how many."""
    moved = 0
    for first in sent:
        if first.dep_ not in ("obl", "obl:mod", "obl:arg", "nmod") or any(c.dep_ == "conj" for c in first.children):
            continue
        if not any(c.dep_ == "case" and c.lower_ in BETWEEN for c in first.children):
            continue
        after = first.right_edge.i + 1
        if after >= sent.end or sent.doc[after].lower_ != "et":
            continue
        # a capitalised word tagged as a pronoun mid-sentence is a name ("entre Moscou et Kiev")
        second = next((t for t in sent.doc[after + 1:min(after + 4, sent.end)]
                       if t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "PRON" and t.is_title)), None)
        if second is None or second.dep_ not in _SUBJECT_LINKS or not all(
                t.pos_ in _BEFORE_SECOND for t in sent.doc[after + 1:second.i]):
            continue
        verb = second.head
        if not any(c.dep_ in _SUBJECT_LINKS and c.i < first.i and c.i != second.i for c in verb.children):
            continue
        conjunction = sent.doc[after]
        second.head, second.dep_ = first, "conj"
        conjunction.head, conjunction.dep_ = second, "cc"
        moved += 1
    return moved


def headline_topic_taken_for_subject(sent: Span) -> int:
    """"Kiev : le chef de la diplomatie ukrainienne reçoit son homologue néerlandais": a name before
    a colon that opens a headline is its topic, not a second subject of the verb that already has
    one after the colon. It is left as a loose dependent; returns how many."""
    doc = sent.doc
    first = doc[sent.start]
    if sent.end - sent.start < 4 or first.dep_ not in SUBJECT or first.pos_ != "PROPN":
        return 0
    colon = doc[first.right_edge.i + 1] if first.right_edge.i + 1 < sent.end else None
    if colon is None or colon.text != ":":
        return 0
    verb = first.head
    if not any(c.dep_ in SUBJECT and c.i > colon.i and c.i < verb.i for c in verb.children):
        return 0
    first.dep_ = "dep"
    return 1


def _time_phrase(tok: Token) -> bool:
    return tok.lemma_.lower() in TIME_HEADS or tok.lower_ in TIME_HEADS


def object_hung_on_oblique_name_or_time(sent: Span) -> int:
    """"L'Égypte a partagé avec Israël des renseignements", "organiseront à l'automne des
    manœuvres communes", "ont tenu pour la première fois des exercices conjoints": a partitive
    object right after an oblique name or a phrase of time is read as that phrase's genitive
    ("des" as "de" + "les"). A name or a time takes no such complement: the phrase is the
    object of the verb, when the verb has none; returns how many were moved."""
    moved = 0
    for oblique in sent:
        verb = oblique.head
        if oblique.dep_ not in ("obl", "obl:mod", "obl:arg") or verb.pos_ != "VERB" or verb.i > oblique.i:
            continue
        if not any(c.dep_ == "case" for c in oblique.children):
            continue
        name = oblique.pos_ == "PROPN" or (oblique.is_title and oblique.i > sent.start)
        if not name and not _time_phrase(oblique):
            continue
        taken = next((c for c in oblique.children if c.dep_ == "nmod" and c.i > oblique.i and c.pos_ == "NOUN"
                      and any(g.dep_ == "case" and g.lower_ in PARTITIVES and g.lower_ in ("des", "du")
                              and g.i == c.left_edge.i for g in c.children)), None)
        if taken is None:
            continue
        if any(c.dep_ in ("obj", "dobj", "nsubj:pass", "aux:pass") for c in verb.children):
            continue
        if any(t.is_punct or t.pos_ in VERBAL for t in sent.doc[oblique.i:taken.left_edge.i]):
            continue
        taken.head, taken.dep_ = verb, "obj"
        for case in taken.children:
            if case.dep_ == "case" and case.lower_ in ("des", "du"):
                case.dep_ = "det"
        moved += 1
    return moved


#: nouns whose "de" + infinitive says what their author does ("la décision du Japon d'imposer …")
DECISION_NOUNS = frozenset({"décision", "engagement", "choix", "promesse", "initiative", "annonce", "feu",
                            "autorisation", "détermination", "disposition", "accord", "consentement"})


def infinitive_of_a_decision_noun(sent: Span) -> int:
    """"Le Canada s'est félicité de la décision du Mexique de rouvrir la frontière", "a salué
    l'engagement des talibans à autoriser …": the infinitive right after "la décision de X" is
    read as the verb's own complement, so the act would be the speaker's. It completes the noun,
    whose author does it; returns how many were moved."""
    moved = 0
    for infinitive in sent:
        verb = infinitive.head
        if infinitive.dep_ != "xcomp" or infinitive.pos_ != "VERB" or verb.pos_ != "VERB" or infinitive.i < verb.i:
            continue
        mark = next((c for c in infinitive.children if c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’", "à")), None)
        if mark is None or mark.i != infinitive.left_edge.i:
            continue
        noun = next((c for c in verb.children if c.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "nsubj:pass")
                     and c.pos_ == "NOUN" and c.lemma_.lower() in DECISION_NOUNS
                     and c.right_edge.i + 1 == mark.i), None)
        if noun is None or not any(g.dep_ == "nmod" or g.dep_ in ("det", "det:poss") and g.lower_ in _POSSESSIVES
                                   for g in noun.children):
            continue  # only a noun that names its author ("du Mexique", "sa décision")
        infinitive.head, infinitive.dep_ = noun, "acl"
        moved += 1
    return moved


_POSSESSIVES = frozenset({"sa", "son", "ses", "leur", "leurs"})



def subject_taken_by_fronted_phrase(sent: Span) -> int:
    """"Dans le cadre de leur partenariat stratégique, l'Inde et la France ont organisé …": the
    parser coordinates the subjects after the comma with the last noun of the fronted phrase
    and leaves the verb with no subject. The first of them becomes the verb's subject, the
    others its conjuncts; returns how many verbs got their subject back."""
    moved = 0
    doc = sent.doc
    for verb in sent:
        if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT or c.dep_ in ("expl:subj", "nsubj:pass") for c in verb.children):
            continue
        if "Inf" in verb.morph.get("VerbForm") or "Part" in verb.morph.get("VerbForm") and not any(
                c.dep_.startswith("aux") for c in verb.children):
            continue
        fronted = next((c for c in verb.children if c.dep_ in ("obl", "obl:mod", "advcl") and c.i < verb.i
                        and any(g.dep_ == "case" for g in c.children)), None)
        if fronted is None:
            continue
        first = next((t for t in fronted.subtree if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN")
                      and t.left_edge.i > sent.start
                      and (doc[t.left_edge.i].text == "," or doc[t.left_edge.i - 1].text == ",")
                      and t.right_edge.i < verb.i), None)
        if first is None:
            continue
        others = [t for t in first.head.children if t.dep_ == "conj" and t.i > first.i and t.i < verb.i]
        first.head, first.dep_ = verb, "nsubj"
        for other in others:
            other.head = first
        moved += 1
    return moved


def object_taken_as_apposition_of_a_place(sent: Span) -> int:
    """"Le président égyptien devrait recevoir dimanche au Caire le Premier ministre grec": the
    object after a place name, with no comma between, is read as an apposition of the place. A
    phrase with its own article right after a place is no apposition: it is the object of the
    verb, when the verb has none; returns how many were moved."""
    moved = 0
    for phrase in sent:
        place = phrase.head
        verb = place.head
        if (phrase.pos_ != "NOUN" or phrase.i < place.i or place.dep_ not in ("obl", "obl:mod", "obl:arg")
                or verb.pos_ != "VERB" or verb.i > place.i):
            continue
        if not ((phrase.dep_ == "appos" and place.pos_ == "PROPN") or _bare_complement(phrase, place)):
            continue
        if not any(c.dep_ == "case" for c in place.children):
            continue  # a place after a preposition only ("au Caire", "à Pékin")
        if not any(c.dep_ == "det" and c.i == phrase.left_edge.i for c in phrase.children):
            continue
        if any(t.is_punct for t in sent.doc[place.i:phrase.left_edge.i]):
            continue
        if any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        phrase.head, phrase.dep_ = verb, "obj"
        moved += 1
    return moved


def _bare_complement(phrase: Token, place: Token) -> bool:
    """"ont paraphé à la Maison Blanche une déclaration commune": a phrase with an article and
    no preposition of its own, read as the complement of a place phrase ("la Maison Blanche")
    that takes no such complement."""
    return (phrase.dep_ == "nmod" and place.pos_ in ("PROPN", "NOUN")
            and not any(c.dep_ in ("case", "mark") for c in phrase.children)
            and any(c.dep_ == "det" and c.lower_ in _ARTICLES for c in phrase.children))


#: articles that open an object ("une déclaration", "des armes")
_ARTICLES = frozenset({"un", "une", "des", "le", "la", "les", "l'", "l’"})


#: what one assures someone of ("a assuré Kiev de son soutien")
_ASSURED_NOUNS = frozenset({"soutien", "solidarité", "appui", "amitié", "engagement", "détermination"})


def assurance_hung_on_the_assured(sent: Span) -> int:
    """"Le chancelier a assuré le président ukrainien de son soutien": the parser hangs "de son
    soutien" on the person assured; it is the verb's complement ("assurer X de Y")."""
    moved = 0
    for noun in sent:
        if noun.dep_ != "nmod" or noun.lemma_.lower() not in _ASSURED_NOUNS:
            continue
        assured, verb = noun.head, noun.head.head
        if assured.dep_ != "obj" or verb.lemma_.lower() != "assurer" or verb.i > assured.i:
            continue
        if not any(c.dep_ == "case" and c.lower_ in ("de", "d'") for c in noun.children):
            continue
        noun.head, noun.dep_ = verb, "obl:arg"
        moved += 1
    return moved


#: participles that qualify support ("un soutien appuyé", "un appui renouvelé")
_SUPPORT_QUALIFIERS = frozenset({"appuyer", "renouveler", "réaffirmer", "réitérer", "marquer", "affirmer"})


def recipient_of_support_hung_on_its_qualifier(sent: Span) -> int:
    """"Ankara a apporté un soutien appuyé à l'Azerbaïdjan": the parser hangs "à l'Azerbaïdjan"
    on the participle that qualifies the support; it is the support's recipient."""
    moved = 0
    for part in sent:
        if (part.dep_ != "acl" or part.pos_ != "VERB" or part.lemma_.lower() not in _SUPPORT_QUALIFIERS
                or part.head.lemma_.lower() not in _ASSURED_NOUNS or part.head.i != part.i - 1):
            continue
        for obl in [c for c in part.children if c.dep_ in ("obl:arg", "obl", "obl:mod")]:
            if any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux", "envers") for g in obl.children):
                obl.head, obl.dep_ = part.head, "nmod"
                moved += 1
    return moved
