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

import numpy as np
from spacy.attrs import DEP, HEAD, LOWER, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.tokens import Doc, Token

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
#: dependents the walk below a phrase's first level leaves out
_INNER_CUT = frozenset({"acl:relcl", "relcl", "parataxis", "punct", "ccomp", "advcl", "acl"})


class Tree:
    """A parsed sentence's dependency tree as plain lists, by token index: each token's head,
    label and children (in order), and, read when first asked for, its part of speech, text,
    lower-case form and trailing space.

    Reading these makes no spaCy ``Token``; :func:`tree` builds them from ``Doc.to_array``.
    The coder reads a sentence after its parse repairs, the last changes made to its tree
    (the phrase and conjunct memos below rely on that too).
    """

    __slots__ = ("doc", "heads", "deps", "children", "_array", "_pos", "_text", "_lower", "_space")

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        self.doc = doc
        if n:
            array = self._array = doc.to_array(_ATTRIBUTES)
            heads = (array[:, 0].view(np.int64) + np.arange(n, dtype=np.int64)).tolist()
            labels = _LABELS
            strings = doc.vocab.strings
            deps = [labels[h] if h in labels else _label(strings, h) for h in array[:, 1].tolist()]
        else:
            self._array = None
            heads, deps = [], []
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
        self.heads: list[int] = heads
        self.deps: list[str] = deps
        self.children: list[list[int]] = children
        self._pos: list[str] | None = None
        self._text: list[str] | None = None
        self._lower: list[str] | None = None
        self._space: list[str] | None = None

    def _strings(self, column: int) -> list[str]:
        if self._array is None:
            return []
        strings = self.doc.vocab.strings
        return [strings[h] for h in self._array[:, column].tolist()]

    @property
    def pos(self) -> list[str]:
        if self._pos is None:
            self._pos = [] if self._array is None else [_POS_NAMES[p] for p in self._array[:, 2].tolist()]
        return self._pos

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = self._strings(3)
        return self._lower

    @property
    def text(self) -> list[str]:
        if self._text is None:
            self._text = self._strings(4)
        return self._text

    @property
    def space(self) -> list[str]:
        if self._space is None:
            self._space = [] if self._array is None else [" " if f else "" for f in self._array[:, 5].tolist()]
        return self._space


#: what :class:`Tree` reads of a parsed sentence, in one ``Doc.to_array`` call
_ATTRIBUTES = [HEAD, DEP, POS, LOWER, ORTH, SPACY]
#: dependency labels by their hash (a few dozen labels per pipeline)
_LABELS: dict[int, str] = {}


def _label(strings: object, h: int) -> str:
    found = _LABELS[h] = strings[h]  # type: ignore[index]
    return found


#: the last sentence read and its tree: the coder reads one sentence at a time, and keeping
#: one tree (not one per parsed sentence) leaves the garbage collector no more to walk
_last: list = [None, None]


def tree(doc: Doc) -> Tree:
    """The :class:`Tree` of ``doc`` (remembered for the last sentence read)."""
    if _last[0] is doc:
        return _last[1]
    found = Tree(doc)
    _last[0], _last[1] = doc, found
    return found


@dataclass(frozen=True, slots=True)
class Argument:
    """A dependent of a predicate: its role, the preposition before it, and its head token."""

    role: str  # subject | passive_subject | object | iobj | agent | oblique | possessive | modifier
    prep: str | None
    head: Token


def preposition_of(token: Token) -> str | None:
    """The preposition attached to a French/UD noun (``case`` child), lower-cased."""
    return _preposition_at(tree(token.doc), token.i)


def _preposition_at(t: Tree, i: int) -> str | None:
    deps, children = t.deps, t.children
    for c in children[i]:
        dep = deps[c]
        if dep == "case" or (dep == "fixed" and c < i and t.pos[c] == "ADP"):
            words = [t.text[c].lower()] + [t.text[g].lower() for g in children[c] if deps[g] == "fixed"]
            prep = " ".join(words).replace("' ", "'")
            return CONTRACTIONS.get(prep, prep)
    return None


def is_passive(token: Token, unaccusative: frozenset[str] = frozenset()) -> bool:
    """True for a real passive ("a été reçu par"); a French pronominal verb whose
    subject the parser labels passive ("se sont entretenus") is active."""
    # A passive needs its auxiliary ("été", "was"); a subject labelled passive without one
    # is a parser slip ("Le président a aussitôt menacé Madrid").
    # French verbs conjugated with "être" are active ("l'Arabie saoudite et l'Iran sont convenus").
    if token.lemma_.lower() in unaccusative:
        return False
    t = tree(token.doc)
    deps = t.deps
    return any(deps[c] in PASSIVE_AUX for c in t.children[token.i])


def subjects(token: Token, unaccusative: frozenset[str] = frozenset()) -> list[Token]:
    """The grammatical subjects of a verb (a passive subject only when the verb is not passive)."""
    passive = is_passive(token, unaccusative)
    doc = token.doc
    t = tree(doc)
    deps = t.deps
    found = [doc[c] for c in t.children[token.i]
             if deps[c] in SUBJECT or (deps[c] in PASSIVE_SUBJECT and not passive)]
    if not found and deps[token.i] == "ROOT":
        # "Pékin serait prêt …" split by the parser into two roots: the first is the subject
        pos = t.pos
        found = [doc[i] for i in range(token.i) if deps[i] == "ROOT" and pos[i] in ("PROPN", "NOUN")][:1]
    return found


def arguments(token: Token, unaccusative: frozenset[str] = frozenset()) -> Iterator[Argument]:
    """The arguments of a predicate token, in both label schemes."""
    passive = is_passive(token, unaccusative)
    doc = token.doc
    t = tree(doc)
    deps, children = t.deps, t.children
    for c in children[token.i]:
        dep = deps[c]
        if dep in SUBJECT or (dep in PASSIVE_SUBJECT and not passive):
            yield Argument("subject", None, doc[c])
        elif dep in PASSIVE_SUBJECT:
            yield Argument("passive_subject", None, doc[c])
        elif dep in OBJECT:
            yield Argument("object", None, doc[c])
        elif dep == "dative":
            yield Argument("iobj", None, doc[c])
        elif dep == "agent":  # English: by -> pobj
            for g in children[c]:
                if deps[g] == "pobj":
                    yield Argument("agent", "by", doc[g])
        elif dep == "obl:agent":
            yield Argument("agent", "par", doc[c])
        elif dep == "prep":  # English: prep -> pobj
            prep = t.text[c].lower()
            for g in children[c]:
                if deps[g] == "pobj":
                    yield Argument("oblique", prep, doc[g])
                elif deps[g] == "prep" and prep == "according":
                    for p in children[g]:
                        if deps[p] == "pobj":
                            yield Argument("oblique", "according to", doc[p])
        elif dep in POSSESSIVE:
            yield Argument("possessive", None, doc[c])
        elif dep in OBLIQUE:
            prep = _preposition_at(t, c)
            if prep is not None:
                yield Argument("oblique", prep, doc[c])
            elif dep == "iobj":
                yield Argument("iobj", None, doc[c])
            elif dep == "nmod":
                yield Argument("modifier", None, doc[c])
        elif dep in ("amod", "compound", "appos", "flat:name"):
            yield Argument("modifier", None, doc[c])


def phrase_tokens(head: Token) -> list[Token]:
    """Tokens of the noun phrase headed by ``head``, without conjuncts and clauses."""
    doc = head.doc
    return [doc[i] for i in _phrase_indices(head, tree(doc))]


def _phrase_indices(head: Token, t: Tree) -> list[int]:
    deps, pos, children = t.deps, t.pos, t.children
    keep = [head.i]
    skip = coordinated_appositions(head)
    stack = [c for c in children[head.i] if deps[c] not in PHRASE_CUT and c not in skip]
    while stack:
        i = stack.pop()
        if pos[i] in ("VERB", "AUX") or deps[i] == "pcomp":
            continue  # a clause inside the phrase ("with Blinken calling it …") is not part of the name
        if deps[i] == "prep" and not any(deps[c] == "pobj" for c in children[i]):
            continue
        keep.append(i)
        stack.extend(c for c in children[i] if deps[c] not in _INNER_CUT)
    keep.sort()
    return keep


def phrase_text(head: Token) -> str:
    """The words of the noun phrase headed by ``head``, as written (remembered per parsed sentence)."""
    memo = head.doc.user_data.setdefault("tocsin.phrase_text", {})
    found = memo.get(head.i)
    if found is None:
        found = memo[head.i] = _phrase_text(head)
    return found


def _phrase_text(head: Token) -> str:
    t = tree(head.doc)
    indices = _phrase_indices(head, t)
    indices.extend(_trailing_name(indices, t))
    indices = _glued(indices, t)
    text, space = t.text, t.space
    parts: list[str] = []
    last = len(indices) - 1
    for k, i in enumerate(indices):
        parts.append(text[i])
        if k < last:
            parts.append(space[i] or (" " if indices[k + 1] != i + 1 else ""))
    return " ".join("".join(parts).split())


def _glued(indices: list[int], t: Tree) -> list[int]:
    """Add the pieces of a hyphenated name the tokenizer split ("Royaume - Uni"); the
    indices in order."""
    text, space = t.text, t.space
    n = len(text)
    have = set(indices)
    first, last = min(have), max(have)
    while first >= 2 and text[first - 1] in ("-", "‑") and not space[first - 2]:
        first -= 2
        have.update({first, first + 1})
    while last + 2 < n and text[last + 1] in ("-", "‑") and not space[last]:
        last += 2
        have.update({last - 1, last})
    return sorted(have)


def _trailing_name(indices: list[int], t: Tree) -> list[int]:
    """A proper name written right after a role phrase but attached elsewhere by the parser
    ("le chef du ministère de la Défense de Chine Lee Shanfe n'ont pas …")."""
    text, pos = t.text, t.pos
    n = len(text)
    run: list[int] = []
    i = indices[-1] + 1
    while i < n and pos[i] == "PROPN" and text[i][:1].isupper():
        run.append(i)
        i += 1
    if not run or t.heads[run[0]] in indices or any(t.deps[j] in ("conj", "appos") for j in run):
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
    """The indices of :func:`conjuncts` (remembered per parsed sentence)."""
    memo = head.doc.user_data.setdefault("tocsin.conjuncts", {})
    found = memo.get(head.i)
    if found is None:
        found = memo[head.i] = tuple(t.i for t in _conjuncts(head))
    return found


def _conjuncts(head: Token) -> list[Token]:
    members = {head, *head.conjuncts}
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
    deps = tree(head.doc).deps
    return {i for i in found if i != head.i and deps[i] == "appos"}
