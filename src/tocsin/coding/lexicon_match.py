"""Which lexicon entry a word triggers: the most specific row whose ``object`` and ``particle``
constraints hold in the parse (rows with constraints win over plain rows; between two
collocations the one on the direct object wins; a pronominal verb's row wins over a
collocation found only on its obliques), and the words those constraints are tested on.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tocsin.coding.syntax import morph_values
from tocsin.lang import NAME_OBJECT, Predicate

#: object words that name a person: a proper name satisfies them
PERSON_ROLES = frozenset({
    "president", "minister", "leader", "counterpart", "premier", "chancellor", "king", "envoy",
    "président", "ministre", "dirigeant", "homologue", "chef", "émissaire", "chancelier", "roi",
})

#: links from a noun to a proper name that names it
_NAME_LINKS = frozenset({"compound", "flat:name", "appos"})

COLLOCATION_DEPS = frozenset({
    "obj", "dobj", "obl:arg", "obl", "obl:mod", "nmod", "nsubj:pass", "nsubjpass", "pobj", "attr", "xcomp",
    "compound", "amod", "oprd", "acomp",
})


PARTICLE_FORMS = {"s'": "se", "s’": "se", "au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de",
                  "qu'": "que", "qu’": "que"}


def best_entry(tok: Token, entries: Sequence[Predicate],
               quantifiers: frozenset[str] = frozenset()) -> tuple[Predicate, frozenset[int]] | None:
    """The most specific lexicon entry whose constraints hold, and the tokens it uses.

    ``object`` constraints look at the direct object and at obliques/noun modifiers
    ("mis en garde", "levée des sanctions") and their determiners ("respond to any …"), and
    :data:`~tocsin.lang.NAME_OBJECT` at a proper name given to the trigger noun ("the Varuna
    exercise"); ``particle`` constraints at the
    children of the trigger and the prepositions of its dependents ("appeler à",
    reflexive "se").
    """
    # the trigger's objects and particles are read once, and only when some entry has
    # such a constraint (most entries have none)
    objects: list[Token] = []
    words: list[tuple[Token, Token, str, str]] = []  # (object, word of its phrase, lemma, lower case)
    if any(entry.object for entry in entries):
        objects = _collocation_objects(tok)
        words = [(o, c, c.lemma_.lower(), c.lower_) for o in objects for c in object_words(o, quantifiers)]
    particles = _particles(tok) if any(entry.particle for entry in entries) else set()
    best: tuple[tuple[float, bool], Predicate, frozenset[int]] | None = None
    for entry in entries:
        score = 0.0
        direct = False
        used: frozenset[int] = frozenset()
        if entry.object:
            matched = [(o, c) for o, c, lemma, lower in words if lemma in entry.object or lower in entry.object]
            hits = [o for o, _ in matched]
            if not hits and PERSON_ROLES.intersection(entry.object):
                # "received Volodymyr Zelensky": a name stands for the visitor the row asks for
                hits = [o for o in objects if o.pos_ == "PROPN" and o.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass")]
            if not hits and NAME_OBJECT in entry.object:
                # "the Varuna exercise", "their Balikatan exercises": a name given to the noun
                # makes it a military exercise, as "military" or "naval" do
                hits = _proper_name_modifiers(tok)
            if not hits:
                continue
            score += 2
            # between two collocations, the one on the direct object wins ("a donné son feu vert
            # au survol … par des avions turcs": the green light, not a gift of planes)
            direct = any(o.dep_ in _DIRECT_OBJECTS for o in hits)
            if not direct and "se" in particles:
                # a pronominal verb's object is "se": a collocation found only on its obliques
                # yields to the row of the pronominal verb ("se sont entraînés avec l'armée
                # britannique" is joint training, not training given to an army)
                score -= 1.5
            # "une partie des sanctions": the counted noun is part of the collocation too
            used = frozenset(o.i for o in hits) | frozenset(c.i for o, c in matched
                                                            if o.lemma_.lower() in quantifiers or c.dep_ == "appos")
        if entry.particle:
            if entry.particle.lower() not in particles:
                continue
            if entry.mode == "convict" and not _names_a_penalty(tok, entry.particle.lower()):
                continue
            score += 1
        if best is None or (score, direct) > best[0]:
            best = ((score, direct), entry, used)
    return (best[1], best[2]) if best else None


_DIRECT_OBJECTS = frozenset({"obj", "dobj"})


def _proper_name_modifiers(tok: Token) -> list[Token]:
    """The proper names the trigger noun is called by ("the Varuna exercise", "the Freedom Shield
    exercise"), not a name introduced by a preposition ("an exercise with India")."""
    if tok.pos_ != "NOUN":
        return []
    return [c for c in tok.children if c.pos_ == "PROPN" and c.dep_ in _NAME_LINKS
            and not any(g.dep_ in ("case", "prep") for g in c.children)]


def _collocation_objects(tok: Token) -> list[Token]:
    """The words an ``object`` constraint of the trigger's entries is tested on."""
    objects = [c for c in tok.children if c.dep_ in COLLOCATION_DEPS and not _circumstance(c)]
    if tok.pos_ == "NOUN" and any(c.dep_ == "cop" for c in tok.children):
        # "toutes les options sont sur la table": a predicate noun's subject completes the collocation
        objects += [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
    objects += [g for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ not in CIRCUMSTANCE_PREPOSITIONS
                for g in c.children if g.dep_ == "pobj"]
    if passive_participle(tok) and tok.head.pos_ in ("NOUN", "PROPN"):
        objects.append(tok.head)  # "des doses offertes par Pékin": the noun described is what is given
    objects += _complement_hung_on_the_verb(tok)
    return objects


def _complement_hung_on_the_verb(tok: Token) -> list[Token]:
    """"a annoncé la reprise de la ville de Wad Madani": the "de" phrase right after an object
    noun, which the parser hung on the verb, completes the noun."""
    if tok.pos_ != "NOUN" or tok.dep_ not in _DIRECT_OBJECTS:
        return []
    return [c for c in tok.head.children if c.dep_ in ("obl:arg", "obl") and c.left_edge.i == tok.right_edge.i + 1
            and any(g.dep_ == "case" and g.lower_ in ("de", "d'", "du", "des") for g in c.children)]


#: prepositions of time and circumstance: the phrase they open sets the scene of the act and
#: never completes a collocation ("a menacé les États-Unis … après les frappes américaines":
#: the strikes are not what is threatened)
CIRCUMSTANCE_PREPOSITIONS = frozenset({
    "après", "avant", "depuis", "pendant", "durant", "malgré",
    "after", "before", "since", "during", "despite", "following", "amid",
    # the source or the rule an act follows: "retireront leurs troupes, selon un accord conclu
    # avec Bagdad" withdraws no one from the agreement
    "selon", "conformément",
})


def _circumstance(phrase: Token) -> bool:
    """Whether an oblique is opened by a preposition of time or circumstance."""
    return phrase.dep_ in ("obl", "obl:mod") and any(
        c.dep_ == "case" and c.lower_ in CIRCUMSTANCE_PREPOSITIONS for c in phrase.children)


def _names_a_penalty(tok: Token, particle: str) -> bool:
    """Whether the phrase a sentence's particle opens names a penalty, not a place: "condamné à
    cinq ans de prison" is a sentence, "a condamné l'incendie de son ambassade à Bagdad" a
    condemnation (a place name is never the penalty)."""
    return any(c.pos_ != "PROPN" and any(g.dep_ in ("case", "mark") and g.lower_ == particle for g in c.children)
               for c in tok.children)


def _particles(tok: Token) -> set[str]:
    """The words a ``particle`` constraint is tested on: the trigger's children and the
    prepositions and markers of its dependents."""
    particles: set[str] = set()
    for child in tok.children:
        particles.add(PARTICLE_FORMS.get(child.lower_, child.lower_))
        for grandchild in child.children:
            if grandchild.dep_ in ("case", "mark", "fixed"):
                particles.add(PARTICLE_FORMS.get(grandchild.lower_, grandchild.lower_))
            elif child.dep_ in _DIRECT_OBJECTS and _infinitive_clause(grandchild):
                # "a appelé lundi l'armée et les rebelles à cesser les combats": the verb's
                # infinitive clause, which the parser hung on its object
                particles.update(PARTICLE_FORMS.get(m.lower_, m.lower_) for m in grandchild.children if m.dep_ == "mark")
    if tok.pos_ == "VERB" and _quoted_speech(tok):
        # "« Ils paieront très cher », a prévenu le ministre": the verb introduces a quotation,
        # which a ``«`` particle asks for (warning, not preventing)
        particles.add("«")
    if tok.pos_ == "NOUN" and tok.dep_ in ("obj", "dobj") and tok.head.lemma_.lower() in _HAVING_VERBS:
        # "a eu un « échange franc » avec l'envoyé américain": the phrase hung on "avoir"
        for child in tok.head.children:
            if child.dep_ in ("obl", "obl:mod", "obl:arg") and child.i > tok.i:
                particles.update(PARTICLE_FORMS.get(g.lower_, g.lower_) for g in child.children if g.dep_ == "case")
    return particles


def _infinitive_clause(tok: Token) -> bool:
    """An infinitive hung on a noun as its clause ("l'armée … à cesser")."""
    return tok.dep_ == "acl" and tok.pos_ == "VERB" and "Inf" in morph_values(tok, "VerbForm")


_OPENING_QUOTES = frozenset({"«", "\"", "“"})
_QUOTE_LINKS = frozenset({"ccomp", "parataxis", "obj", "dobj", "xcomp"})


def _quoted_speech(tok: Token) -> bool:
    """Whether the verb reports a quotation: a clause of it opens with a quotation mark
    ("a averti : « … »"), or the verb is the inverted speech verb hung on the quotation
    ("« … », a prévenu X")."""
    doc = tok.doc
    if any(c.dep_ in _QUOTE_LINKS and doc[c.left_edge.i].lower_ in _OPENING_QUOTES for c in tok.children):
        return True
    head = tok.head
    return (tok.dep_ in ("parataxis", "ccomp", "conj") and head.i < tok.i
            and doc[head.left_edge.i].lower_ in _OPENING_QUOTES)


#: verbs a meeting noun is had with ("avoir un échange avec")
_HAVING_VERBS = frozenset({"avoir"})


def object_words(obj: Token, quantifiers: frozenset[str] = frozenset()) -> list[Token]:
    """The object and the nominal words of its phrase ("Prime Minister Viktor Orban"), and
    the complement of a quantity noun ("une partie des sanctions", "a series of agreements")."""
    words = [obj, *obj.conjuncts]
    words += [c for c in obj.children if c.dep_ in ("compound", "amod", "appos", "flat:name", "nmod") and c.i < obj.i + 1]
    # "respond to any deployment", "répondra à toute provocation": a row may ask for the determiner
    words += [c for c in obj.children if c.dep_ == "det" and c.i < obj.i]
    # "a déclaré l'ambassadeur persona non grata": a word after the object that the parser made
    # its adjective, though it is none, is the attribute the verb gives the object
    words += [c for c in obj.children if c.dep_ == "amod" and c.pos_ in ("NOUN", "VERB") and c.i > obj.i
              and "Part" not in morph_values(c, "VerbForm")]
    if not any(c.dep_ == "det" for c in obj.children):
        # a bare noun and its adjective make one locution: "a fait marche arrière"
        words += [c for c in obj.children if c.dep_ == "amod" and c.i == obj.i + 1]
    # "n'a pas donné suite à la proposition": the parser reads "suite à" as one preposition, whose
    # noun is the object of the locution
    words += [c for c in obj.children if c.dep_ == "case" and c.pos_ == "NOUN" and c.lower_ == "suite"]
    # "ont signé mardi à la Maison Blanche un accord": the object the parser hung as an apposition
    words += [c for c in obj.children if c.dep_ == "appos" and c.i > obj.i and c.pos_ == "NOUN"]
    quantity, depth = obj, 0
    while quantity is not None and quantity.lemma_.lower() in quantifiers and depth < 3:
        # "des dizaines de milliers de soldats": through every quantity noun to the counted one
        inner = None
        for c in quantity.children:
            if c.dep_ == "nmod":
                words.append(c)
                inner = inner or c
            elif c.dep_ == "prep":
                words.extend(g for g in c.children if g.dep_ == "pobj")
        quantity, depth = inner, depth + 1
    return words


def passive_participle(tok: Token) -> bool:
    """A past participle modifying a noun ("les entreprises accusées", "troops deployed")."""
    return tok.dep_ in ("acl", "amod") and "Part" in morph_values(tok, "VerbForm") and "Pres" not in morph_values(tok, "Tense") or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")
