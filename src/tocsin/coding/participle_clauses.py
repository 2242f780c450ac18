"""Participle clauses hung on a verb of meeting or summoning: "Le ministre a convoqué
l'ambassadeur de France, l'accusant d'ingérence", "a reçu le président érythréen, le remerciant
pour son soutien", "a appelé son homologue russe, l'exhortant à reprendre les négociations".

The clause's object clitic ("l'", "le", "lui") stands for the one the main verb acts on, and the
clause's agent is the main verb's subject. The parser may also read "le remerciant" as a
determiner and a noun; :func:`clitic_participle_read_as_noun` re-reads it as a clitic and a
present participle.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

#: object clitics of a participle ("l'accusant", "lui reprochant", "les appelant")
CLITICS = frozenset({"le", "la", "l'", "l’", "les", "lui", "leur"})
#: links of a participle clause to what it hangs on
_CLAUSE_LINKS = frozenset({"advcl", "acl", "conj", "parataxis", "xcomp"})
_OBJECT_LINKS = frozenset({"obj", "dobj"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def present_participle(tok: Token) -> bool:
    return tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")


def participle_host_object(clitic: Token) -> Token | None:
    """The noun an object clitic of a present-participle clause stands for: the main verb's
    direct object, else its "à" object ("a téléphoné au président, l'invitant à …"); for a
    clause hung on a noun ("l'ambassadeur, l'accusant"), that noun. None when the clitic is not
    in such a clause."""
    verb = clitic.head
    if clitic.lower_ not in CLITICS or not present_participle(verb) or verb.dep_ not in _CLAUSE_LINKS:
        return None
    if clitic.i > verb.i:
        return None
    host = verb.head
    if host.i == verb.i:
        return None
    if host.pos_ in _NOUNS and verb.dep_ == "acl":
        return host if host.i < clitic.i else None
    if host.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in host.children if c.dep_ in _OBJECT_LINKS and c.pos_ in _NOUNS and c.i < clitic.i]
    if not objects:
        objects = [c for c in host.children if c.dep_ in ("iobj", "obl:arg", "obl") and c.pos_ in _NOUNS
                   and c.i < clitic.i and any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children)]
    return objects[0] if objects else None


@lru_cache(maxsize=1)
def _lexicon_verbs() -> frozenset[str]:
    """The verb lemmas of the French predicate lexicon."""
    path = Path(__file__).resolve().parents[1] / "lang" / "fr" / "predicates.tsv"
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 2 and not line.startswith("#") and cells[2] == "VERB":
            out.add(cells[1])
    return frozenset(out)


def _infinitive(form: str) -> str | None:
    """The lexicon verb a present participle is of ("remerciant" → "remercier", "menaçant" →
    "menacer", "exigeant" → "exiger", "avertissant" → "avertir")."""
    if not form.endswith("ant") or len(form) < 6:
        return None
    stem = form[:-3]
    candidates = [stem.replace("ç", "c") + "er", stem + "er"]
    if stem.endswith("ge"):
        candidates.append(stem[:-1] + "er")
    if stem.endswith("iss"):
        candidates.append(stem[:-2] + "r")
    verbs = _lexicon_verbs()
    return next((c for c in candidates if c in verbs), None)


def clitic_participle_read_as_noun(sent: Span) -> int:
    """", le remerciant pour son soutien", ", la félicitant": after a comma, an object clitic and
    a present participle of a lexicon verb are read as a determiner and a noun (or adjective) hung
    on the main verb; they are the clitic object and the participle of a clause hung on that verb.
    Returns how many were re-read."""
    moved = 0
    for tok in sent:
        if tok.pos_ not in ("NOUN", "ADJ") or tok.i < sent.start + 2 or tok.i + 1 > sent.end:
            continue
        clitic = tok.doc[tok.i - 1]
        comma = tok.doc[tok.i - 2]
        if clitic.lower_ not in CLITICS or comma.text != "," or clitic.i <= sent.start:
            continue
        lemma = _infinitive(tok.lower_)
        if lemma is None:
            continue
        host = tok.head
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        if host.pos_ not in ("VERB", "AUX") or host.i > tok.i or any(a.i == tok.i for a in host.ancestors):
            continue
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VERB", lemma
        tok.set_morph("Tense=Pres|VerbForm=Part")
        tok.head, tok.dep_ = host, "advcl"
        clitic.pos_, clitic.head = "PRON", tok
        clitic.dep_ = "iobj" if clitic.lower_ in ("lui", "leur") else "obj"
        comma.head = tok
        moved += 1
    return moved


#: words that open what a participle of speech says ("menaçant de …", "avertissant que …")
_COMPLEMENT_OPENERS = frozenset({"de", "d'", "d’", "que", "qu'", "qu’"})


def closing_participle_read_as_noun(sent: Span) -> int:
    """"…, menaçant d'annexer ce territoire", "…, avertissant que les troupes seraient des
    cibles": after a comma, a present participle of a lexicon verb followed by "de" or "que"
    is read as a noun or an adjective hung on the noun before it. It becomes the verb of a
    clause hung on the main verb (whose subject it shares); an infinitive after its "de" read
    as a noun becomes the verb of its complement, and a "que" clause read as a modifier its
    clause. Returns how many were re-read."""
    moved = 0
    doc = sent.doc
    for tok in sent:
        if (tok.pos_ not in ("NOUN", "ADJ", "VERB") or tok.i < sent.start + 2 or tok.i + 2 >= sent.end
                or doc[tok.i - 1].text != "," or doc[tok.i + 1].lower_ not in _COMPLEMENT_OPENERS):
            continue
        if any(c.dep_ == "det" for c in tok.children):
            continue  # "…, le commandant de la région"
        lemma = _infinitive(tok.lower_)
        if lemma is None or (tok.pos_ == "VERB" and tok.dep_ not in ("acl", "advcl")):
            continue
        host = tok.head
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        if host.pos_ not in ("VERB", "AUX") or host.i > tok.i:
            continue
        host = _clause_verb(host)
        if tok.pos_ == "VERB" and tok.head.i == host.i:
            continue  # already said of the clause's subject
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VERB", lemma
        tok.set_morph("Tense=Pres|VerbForm=Part")
        tok.head, tok.dep_ = host, "advcl"
        doc[tok.i - 1].head = tok
        for child in list(tok.children):
            if child.i < tok.i:
                continue
            _complement_of_the_participle(child)
        moved += 1
    return moved


def _clause_verb(verb: Token) -> Token:
    """The verb of the clause an infinitive or a complement belongs to: "a exhorté Pyongyang à
    retirer …, avertissant", "a sommé les partis de cesser …, menaçant", "a ordonné un siège de
    la bande de Gaza, menaçant": the one who exhorts, summons or orders speaks."""
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children) or verb.head.i == verb.i:
            return verb
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ not in ("VERB", "AUX") or head.i > verb.i:
            return verb
        verb = head
    return verb


def _complement_of_the_participle(child: Token) -> None:
    """"d'annexer ce territoire" read as a noun with a modifier: the infinitive becomes the
    participle's complement and the noun after it its object; a "que" clause hung as a modifier
    becomes the participle's clause."""
    opener = next((g for g in child.children if g.dep_ in ("case", "mark") and g.i < child.i), None)
    if opener is None or opener.lower_ not in _COMPLEMENT_OPENERS:
        return
    if opener.lower_.startswith("qu"):
        child.dep_ = "ccomp"
        return
    low = child.lower_
    if child.pos_ == "NOUN" and low == child.lemma_.lower() and low.endswith(("er", "ir", "re")) and len(low) > 4:
        child.pos_, child.tag_ = "VERB", "VERB"
        child.set_morph("VerbForm=Inf")
        child.dep_ = "xcomp"
        opener.dep_ = "mark"
        for noun in child.children:
            if noun.dep_ == "amod" and noun.pos_ == "NOUN" and noun.i > child.i:
                noun.dep_ = "obj"
                break
    elif child.pos_ == "VERB":
        child.dep_ = "xcomp"
