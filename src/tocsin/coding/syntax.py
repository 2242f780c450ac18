"""Language-neutral reading of spaCy dependency parses.

French pipelines use Universal Dependencies labels (``nsubj:pass``,
``obl:agent``, ``case``), English ones ClearNLP labels (``nsubjpass``,
``agent``, ``prep``/``pobj``). The helpers here hide the difference: each
argument is returned as a role, the preposition that introduces it (if any),
and the head token of the phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from spacy.tokens import Span, Token

SUBJECT = frozenset({"nsubj", "csubj", "expl:subj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass", "csubjpass", "csubj:pass"})
PASSIVE_AUX = frozenset({"aux:pass", "auxpass"})
OBJECT = frozenset({"obj", "dobj"})
INDIRECT_OBJECT = frozenset({"iobj", "dative"})
AGENT = frozenset({"obl:agent", "agent"})
OBLIQUE = frozenset({"obl", "obl:arg", "obl:mod", "nmod", "nmod:poss", "obl:tmod", "iobj"})
POSSESSIVE = frozenset({"poss", "nmod:poss"})
MODIFIER = frozenset({"amod", "compound", "nmod"})
CLAUSAL = frozenset({"xcomp", "ccomp", "advcl", "acl", "csubj"})
#: dependents that never belong to the phrase of an argument head
PHRASE_CUT = frozenset({
    "conj", "cc", "acl:relcl", "relcl", "acl", "advcl", "parataxis", "punct", "ccomp",
    "case", "mark", "cop", "dep", "parataxis:insert",
})
#: French contracted prepositions
CONTRACTIONS = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de"}
RELATIVE_PRONOUNS = frozenset({"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles", "who", "which", "that", "whom"})


@dataclass(frozen=True, slots=True)
class Argument:
    """A dependent of a predicate: its role, the preposition before it, and its head token."""

    role: str  # subject | passive_subject | object | iobj | agent | oblique | possessive | modifier
    prep: str | None
    head: Token


def preposition_of(token: Token) -> str | None:
    """The preposition attached to a French/UD noun (``case`` child), lower-cased."""
    for child in token.children:
        if child.dep_ == "case" or (child.dep_ == "fixed" and child.i < token.i and child.pos_ == "ADP"):
            # "au nouveau président": an adjective the parser fixed to "au" is no part of the preposition
            words = [child.text.lower()] + [g.text.lower() for g in child.children
                                            if g.dep_ == "fixed" and g.pos_ != "ADJ"]
            prep = " ".join(words).replace("' ", "'")
            return CONTRACTIONS.get(prep, prep)
    if token.dep_ in ("obl", "obl:arg", "obl:mod"):
        # "se félicite de l'accord": an oblique's "de l'" / "des" read as a partitive article
        for child in token.children:
            if child.dep_ == "det" and child.i < token.i and (
                    child.lower_ == "des" or (child.lower_ == "de" and any(g.dep_ == "fixed" for g in child.children))):
                return "de"
    return None


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """``token.morph.get(field)`` as a tuple, remembered by morphological analysis and field:
    spaCy parses the analysis string on every ``get`` (about 20 times the cost of a look-up
    here), and a sentence holds few distinct analyses."""
    key = (token.morph.key, field)
    found = _MORPH_VALUES.get(key)
    if found is None:
        found = _MORPH_VALUES[key] = tuple(token.morph.get(field))
    return found


#: (analysis hash, field) → the field's values; analyses are few (hundreds per language)
_MORPH_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}


def is_passive(token: Token, unaccusative: frozenset[str] = frozenset()) -> bool:
    """True for a real passive ("a été reçu par"); a French pronominal verb whose
    subject the parser labels passive ("se sont entretenus") is active.

    Remembered per parsed sentence (``Doc.user_data``, as :func:`phrase_text`): the
    argument rules ask again and again about the same verbs of a repaired tree."""
    user_data = token.doc.user_data
    memo = user_data.get("tocsin.passive")
    if memo is None:
        memo = user_data["tocsin.passive"] = {}
    key = (token.i, unaccusative)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _is_passive(token, unaccusative)
    return found


def _is_passive(token: Token, unaccusative: frozenset[str]) -> bool:
    # A passive needs its auxiliary ("été", "was"); a subject labelled passive without one
    # is a parser slip ("Le président a aussitôt menacé Madrid").
    # French verbs conjugated with "être" are active ("l'Arabie saoudite et l'Iran sont convenus").
    if token.lemma_.lower() in unaccusative:
        return False
    if (token.dep_ in ("ROOT", "parataxis") and "Part" in morph_values(token, "VerbForm") and "Past" in morph_values(token, "Tense")
            and any(c.dep_ in PASSIVE_SUBJECT for c in token.children)
            and not any(c.dep_.startswith("aux") for c in token.children)):
        return True  # "Mali : deux soldats tués dans une attaque": a headline's bare participle
    if any(c.dep_ in PASSIVE_AUX for c in token.children):
        return True
    return _made_to_undergo(token)


#: the reflexive pronoun of "se faire + infinitive"
_REFLEXIVE = frozenset({"se", "s'", "s’"})


def _made_to_undergo(token: Token) -> bool:
    """"Les rebelles se sont fait bombarder par l'aviation américaine", "s'est fait arrêter": the
    French causative passive, an infinitive with "se" and "faire" before it, whose subject
    undergoes the act and whose "par" phrase is the agent."""
    if token.pos_ != "VERB" or "Inf" not in morph_values(token, "VerbForm"):
        return False
    children = [c for c in token.children if c.i < token.i]
    return (any(c.lemma_ == "faire" for c in children) and any(c.lower_ in _REFLEXIVE for c in children)
            and any(c.dep_ in PASSIVE_SUBJECT or c.dep_ in SUBJECT for c in children))


def subjects(token: Token, unaccusative: frozenset[str] = frozenset()) -> list[Token]:
    """The grammatical subjects of a verb (a passive subject only when the verb is not passive)."""
    passive = is_passive(token, unaccusative)
    found = [c for c in token.children if c.dep_ in SUBJECT or (c.dep_ in PASSIVE_SUBJECT and not passive)]
    if not found and token.dep_ == "ROOT":
        # "Pékin serait prêt …" split by the parser into two roots: the first is the subject
        found = [t for t in token.doc[:token.i] if t.dep_ == "ROOT" and t.pos_ in ("PROPN", "NOUN")][:1]
    return found


def arguments(token: Token, unaccusative: frozenset[str] = frozenset()) -> Iterator[Argument]:
    """The arguments of a predicate token, in both label schemes."""
    passive = is_passive(token, unaccusative)
    for child in token.children:
        dep = child.dep_
        if dep in SUBJECT or (dep in PASSIVE_SUBJECT and not passive):
            yield Argument("subject", None, child)
        elif dep in PASSIVE_SUBJECT:
            yield Argument("passive_subject", None, child)
        elif dep in OBJECT:
            yield Argument("object", None, child)
        elif dep == "dative" and child.pos_ == "ADP":  # English: "sent weapons to Ukraine", to -> pobj
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield Argument("oblique", child.lower_, pobj)
        elif dep == "dative":
            yield Argument("iobj", None, child)
        elif dep == "agent":  # English: by -> pobj
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield Argument("agent", "by", pobj)
        elif dep == "obl:agent":
            yield Argument("agent", "par", child)
        elif dep == "prep":  # English: prep -> pobj
            prep = child.text.lower()
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield Argument("oblique", prep, grandchild)
                elif grandchild.dep_ == "prep" and prep == "according":
                    for pobj in grandchild.children:
                        if pobj.dep_ == "pobj":
                            yield Argument("oblique", "according to", pobj)
        elif dep in POSSESSIVE:
            yield Argument("possessive", None, child)
        elif dep in OBLIQUE:
            prep = preposition_of(child)
            if prep is not None:
                yield Argument("oblique", prep, child)
            elif dep == "iobj":
                yield Argument("iobj", None, child)
            elif dep == "nmod":
                yield Argument("modifier", None, child)
        elif dep in ("amod", "compound", "appos", "flat:name"):
            yield Argument("modifier", None, child)


#: words of the venue of an act, which the parser may hang on the noun before them ("son
#: homologue russe en marge du sommet des BRICS"): where they met, not who the counterpart is
BETWEEN = frozenset({"entre", "between"})


def between_phrases(sent: Span) -> Iterator[Token]:
    """Heads of the "entre X …" / "between X …" phrases of a sentence the parser left with no
    conjunct of their own: where a parse repair looks for the second party of a two-sided act."""
    for first in sent:
        if first.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg") or any(c.dep_ == "conj" for c in first.children):
            continue
        if any(c.dep_ == "case" and c.lower_ in BETWEEN for c in first.children):
            yield first


VENUE_WORDS = frozenset({"marge", "marges", "sidelines", "lors"})


def is_venue(tok: Token) -> bool:
    """"en marge du sommet", "lors du sommet", "on the sidelines of the G20": a venue phrase."""
    if tok.dep_ not in ("nmod", "obl", "obl:mod", "prep", "pobj"):
        return False
    if tok.lower_ in VENUE_WORDS and tok.dep_ != "prep":
        return True
    return any(c.lower_ in VENUE_WORDS and c.dep_ in ("case", "pobj") for c in tok.children)


def phrase_tokens(head: Token) -> list[Token]:
    """Tokens of the noun phrase headed by ``head``, without conjuncts and clauses."""
    keep = [head]
    skip = coordinated_appositions(head)
    stack = [c for c in head.children if (c.dep_ not in PHRASE_CUT or _kept_in_phrase(c)) and c.i not in skip]
    while stack:
        tok = stack.pop()
        if (tok.pos_ in ("VERB", "AUX") or tok.dep_ == "pcomp") and not _name_taken_for_participle(tok) and not _kept_in_phrase(tok):
            continue  # a clause inside the phrase ("with Blinken calling it …") is not part of the name
        if tok.dep_ == "prep" and not any(c.dep_ == "pobj" for c in tok.children):
            continue
        keep.append(tok)
        if tok.lower_ in _ARMED and tok.pos_ in ("VERB", "ADJ") and tok.dep_ in ("acl", "amod"):
            continue  # "des hommes armés dans le centre du Mali": where they were is no part of who
        stack.extend(c for c in tok.children if c.dep_ not in ("acl:relcl", "relcl", "parataxis", "punct", "ccomp", "advcl", "acl"))
    if len(keep) == 1:
        return keep
    have = {t.i for t in keep}
    first, last = min(have), max(have)
    if last - first + 1 > len(have):
        # a particle inside a name, left unlabelled by the parser ("Ursula von der Leyen",
        # "Lula da Silva"): a word between two words of the name, hung on one of them (only
        # where the words kept leave a gap)
        # (the words of the gap alone are read: no span, no token for the words kept)
        doc = head.doc
        keep.extend(t for t in (doc[i] for i in range(first, last + 1) if i not in have)
                    if t.dep_ == "dep" and t.head.i in have and t.head.pos_ == "PROPN"
                    and t.is_lower and t.is_alpha)
    return sorted(keep, key=_index)


_index = attrgetter("i")


#: the participle that makes people an armed group ("des hommes armés")
_ARMED = frozenset({"armé", "armés", "armée", "armées"})


def _kept_in_phrase(tok: Token) -> bool:
    """A word the parser hangs on the noun as a clause or a participle that still belongs to the
    phrase: the French locution "au pouvoir" ("la junte au pouvoir à Niamey": who holds power
    where), an adjective hung as a clause right after its noun ("le président élu sud-coréen"),
    "armés" ("des hommes armés"), a participle ending a name ("des Nations unies") and a holder
    glued by a hyphen ("rebel-held areas")."""
    if tok.lower_ in _ARMED and tok.pos_ in ("VERB", "ADJ") and tok.i == tok.head.i + 1 and tok.head.pos_ == "NOUN":
        return True  # "des hommes armés": who they are, not a clause
    if _of_the_name_before(tok) or _hyphenated_holder(tok):
        return True
    if tok.dep_ != "acl":
        return False
    if tok.pos_ == "ADJ" and tok.i == tok.head.i + 1:
        return True
    return tok.lower_ == "pouvoir" and tok.i == tok.head.i + 2 and tok.doc[tok.i - 1].lower_ == "au"


def _hyphenated_holder(tok: Token) -> bool:
    """"rebel-held areas of Idlib", "Houthi-controlled ports": a participle glued by a hyphen to
    the word before it says who holds the place, and stays in the phrase."""
    return (tok.dep_ == "amod" and tok.pos_ == "VERB" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-"
            and not tok.doc[tok.i - 2].whitespace_ and tok.doc[tok.i - 2].head.i == tok.i)


def _of_the_name_before(tok: Token) -> bool:
    """"l'Assemblée générale des Nations unies": a participle with no dependents, hung on the
    noun as a clause or a modifier right after a name that the noun governs, which does not agree with the
    noun in number or gender, is the end of that name ("des soldats de l'ONU tués" agrees with
    "soldats": a clause)."""
    if (tok.dep_ not in ("acl", "amod") or tok.pos_ not in ("VERB", "ADJ") or tok.i == 0
            or any(True for _ in tok.children)):
        return False
    before, noun = tok.doc[tok.i - 1], tok.head
    if before.pos_ != "PROPN" or before.head.i != noun.i or before.i <= noun.i:
        return False
    return any(mine and theirs and mine != theirs
               for mine, theirs in ((tok.morph.get(f), noun.morph.get(f)) for f in ("Number", "Gender")))


def _name_taken_for_participle(tok: Token) -> bool:
    """"le ministre Séjourné": a capitalised word inside the sentence, right after the noun it
    modifies and with no dependents, tagged as a participle, is a name."""
    return (tok.pos_ == "VERB" and tok.dep_ in ("amod", "acl") and tok.is_title and not tok.is_sent_start
            and tok.i == tok.head.i + 1 and not any(True for _ in tok.children))


def phrase_text(head: Token) -> str:
    """The words of the noun phrase headed by ``head``, as written (remembered per parsed sentence)."""
    user_data = head.doc.user_data
    memo = user_data.get("tocsin.phrase_text")
    if memo is None:
        memo = user_data["tocsin.phrase_text"] = {}
    found = memo.get(head.i)
    if found is None:
        found = memo[head.i] = _phrase_text(head)
    return found


def _phrase_text(head: Token) -> str:
    tokens = phrase_tokens(head)
    venues = [c for c in head.children if is_venue(c)]
    if venues:  # "son homologue russe en marge du sommet des BRICS": the counterpart, not the venue
        cut = {t.i for v in venues for t in v.subtree}
        tokens = [t for t in tokens if t.i not in cut]
    tokens.extend(_trailing_name(tokens))
    tokens = _glued(tokens)
    parts: list[str] = []
    for k, t in enumerate(tokens):
        parts.append(t.text)
        if k + 1 < len(tokens):
            parts.append(t.whitespace_ or (" " if tokens[k + 1].i != t.i + 1 else ""))
    return " ".join("".join(parts).split())


def _glued(tokens: list[Token]) -> list[Token]:
    """Add the pieces of a hyphenated name the tokenizer split ("Royaume - Uni")."""
    doc = tokens[0].doc
    have = {t.i for t in tokens}
    first, last = min(have), max(have)
    glued = False
    while first >= 2 and doc[first - 1].text in ("-", "‑") and not doc[first - 2].whitespace_:
        first -= 2
        have.update({first, first + 1})
        glued = True
    while last + 2 < len(doc) and doc[last + 1].text in ("-", "‑") and not doc[last].whitespace_:
        last += 2
        have.update({last - 1, last})
        glued = True
    if not glued and len(have) == len(tokens) and all(a.i < b.i for a, b in zip(tokens, tokens[1:], strict=False)):
        return tokens  # nothing added, already in order: the same tokens
    return [doc[i] for i in sorted(have)]


def _trailing_name(tokens: list[Token]) -> list[Token]:
    """A proper name written right after a role phrase but attached elsewhere by the parser
    ("le chef du ministère de la Défense de Chine Lee Shanfe n'ont pas …")."""
    inside = {t.i for t in tokens}
    doc = tokens[-1].doc
    run: list[Token] = []
    i = tokens[-1].i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        run.append(doc[i])
        i += 1
    if not run or run[0].head.i in inside or any(t.dep_ in ("conj", "appos") for t in run):
        return []
    return run


def conjuncts(head: Token) -> list[Token]:
    """``head`` and the tokens coordinated with it, in order.

    A list of names parsed as an apposition ("L'Espagne, l'Irlande et la Norvège")
    counts as coordination too.
    """
    doc = head.doc
    return [doc[i] for i in _conjunct_indices(head)]


def _conjunct_indices(head: Token) -> tuple[int, ...]:
    """The indices of :func:`conjuncts`, remembered per parsed sentence."""
    memo = head.doc.user_data.get("tocsin.conjuncts")
    if memo is None:
        memo = head.doc.user_data["tocsin.conjuncts"] = {}
    found = memo.get(head.i)
    if found is None:
        found = memo[head.i] = tuple(t.i for t in _conjuncts(head))
    return found


def _conjuncts(head: Token) -> list[Token]:
    members = {head, *head.conjuncts}
    if not any(c.dep_ == "case" for c in head.children):
        # "La Russie et l'Ukraine ont procédé à un échange …, sous médiation des Émirats": a phrase
        # set off by a comma, with a preposition and no "et", that the parser coordinates with a
        # bare noun phrase is no list member
        members = {m for m in members if m.i == head.i or not (
            any(c.dep_ == "case" and c.pos_ == "ADP" and c.i < m.i for c in m.children)
            and any(c.dep_ == "punct" and c.lower_ == "," and c.i < m.i for c in m.children)
            and not any(c.dep_ == "cc" for c in m.children))}
    if head.pos_ == "PROPN":
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and (child.conjuncts or child.i > head.i):
                if any(c.dep_ == "conj" for c in child.children) or any(t.dep_ == "cc" for t in child.subtree):
                    members.update({child, *child.conjuncts})
    return sorted(members, key=lambda t: t.i)


def coordinated_appositions(head: Token) -> set[int]:
    """Indices of apposed names that :func:`conjuncts` treats as coordinated members."""
    found = _conjunct_indices(head)
    if len(found) == 1:
        return set()  # the head alone
    doc = head.doc
    return {i for i in found if i != head.i and doc[i].dep_ == "appos"}


#: the French prepositions of an infinitive clause on a noun ("à l'armée de frapper …")
INFINITIVE_MARKERS = frozenset({"de", "d'", "d’", "à"})


def text_without_relatives(tok: Token) -> str:
    """The words under ``tok`` without its relative clauses: "the plan presented by Beijing"
    keeps its agent, "a law that critics say mirrors Russian legislation" loses "Russian";
    nor its infinitive clauses: "a ordonné à l'armée de frapper des cibles à Beyrouth" names
    the army, not where it is to strike."""
    cut: set[int] = set()
    for child in tok.subtree:
        if child.i == tok.i or child.i in cut:
            continue
        relative = child.dep_ in ("relcl", "acl:relcl") or (
            child.dep_ == "acl" and any(g.lower_ in RELATIVE_PRONOUNS for g in child.children if g.i < child.i)) or (
            child.dep_ == "acl" and child.head.i == tok.i and "Inf" in child.morph.get("VerbForm")
            and any(g.dep_ == "mark" and g.lower_ in INFINITIVE_MARKERS for g in child.children)) or (
            child.head.i == tok.i and is_venue(child))
        if relative:
            cut.update(t.i for t in child.subtree)
    return " ".join("".join(t.text_with_ws for t in tok.subtree if t.i not in cut).split())


#: units of time: "de deux jours" after an event noun says how long it lasts
DURATION_UNITS = frozenset({
    "heure", "jour", "journée", "semaine", "mois", "an", "année", "minute",
    "hour", "day", "week", "month", "year",
})


def is_duration(tok: Token) -> bool:
    """"deux jours", "three-day", "quatre heures": a counted unit of time."""
    return tok.lemma_.lower() in DURATION_UNITS and any(c.dep_ == "nummod" or c.like_num for c in tok.children)


def main_verb_of_relative(verb: Token) -> Token | None:
    """The verb of the clause that a "qui" relative clause hangs on, through the noun it
    qualifies (and up to two nouns that noun hangs on): "X a reçu Y, qui lui a …" → "reçu".
    None when the clause has no "qui" subject or no verb is found."""
    if verb.dep_ not in ("acl:relcl", "relcl") or not any(
            c.lower_ == "qui" and c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        return None
    current = verb.head
    for _ in range(3):
        if current.pos_ in ("VERB", "AUX"):
            return current if current.i < verb.i else None
        if current.head.i == current.i or current.pos_ not in ("NOUN", "PROPN"):
            return None
        current = current.head
    return None
