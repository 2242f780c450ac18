"""What a protest is aimed at when its verb names it in a phrase of protest.

"Thousands of doctors walked off the job in protest at government plans", "went on strike in
protest against the reform", "ont cessé le travail en signe de protestation contre la réforme":
the act of protest is the verb (a strike, a walkout), and what it is aimed at is the "at/against"
("contre") phrase of the protest noun that qualifies it ("walked off the job in a nationwide
strike against the pension plan"), or the "contre/against" phrase the parser hung under the
protest's place phrases ("ont manifesté à Bratislava et dans une trentaine d'autres villes contre
la politique du gouvernement"). The phrase is read as the recipient when
the clause names none.

:class:`ProtestAims` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`, whose
``_arguments`` runs its step among the readings of particular acts; it relies on the resolver
helper ``_resolve_heads`` of the class it is mixed into.
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.coding.clause_roles import RoleReading

#: nouns of protest that name the aim of the act they qualify ("in protest at", "in a strike against")
_PROTEST_NOUNS = frozenset({"protest", "strike", "walkout", "demonstration", "rally",
                            "protestation", "grève", "manifestation", "mobilisation"})
#: prepositions that open the aim of a protest noun
_AIM_PREPOSITIONS = frozenset({"at", "against", "over", "contre"})


class ProtestAims:
    """The step that reads a protest's aim from its phrase of protest (mixed into the coder)."""

    def _aim_named_in_protest(self, reading: RoleReading) -> None:
        """The recipient of a protest named in its "in protest at/against" phrase (module docstring)."""
        out = reading.out
        if reading.pred.type != "PROTEST" or any(a.resolved for a in out.targets + out.pair):
            return
        aims = _aims(reading.tok) or _aims_under_places(reading.tok)
        if aims:
            found = [a for a in self._resolve_heads(aims, reading.lang, reading.when, reading.ctx)  # type: ignore[attr-defined]
                     if a.resolved]
            if found:
                out.targets = found


def _aims(verb: Token) -> list[Token]:
    """The heads of the "at/against/contre" phrases of a protest noun in ``verb``'s clause (on
    the verb, or on a phrase of it), or, when the parser hung that phrase on the verb after the
    noun ("went on strike in protest at the plans", "en protestation contre la réforme"), the
    verb's own."""
    nouns = [n for n in _phrases_of(verb) if n.lemma_.lower() in _PROTEST_NOUNS and n.i != verb.i]
    aims = [a for noun in nouns for a in _aim_phrases(noun)]
    if nouns and not aims:
        first = min(n.i for n in nouns)
        aims = [a for a in _aim_phrases(verb) if a.i > first]
    return aims


def _aims_under_places(verb: Token) -> list[Token]:
    """"ont manifesté à Bratislava et dans une trentaine d'autres villes contre la politique du
    gouvernement": the "contre/against" phrase the parser hung under the protest's place phrases."""
    places = [c for c in verb.children if c.dep_ in ("obl", "obl:mod")]
    for _ in range(3):
        for place in places:
            aims = [a for a in _aim_phrases(place) if a.i > verb.i]
            if aims:
                return aims[:1]
        places = [c for p in places for c in p.children if c.dep_ in ("conj", "nmod")]
    return []


def _phrases_of(verb: Token) -> list[Token]:
    """The nouns of ``verb``'s phrases, and of the phrases these hang on them, two levels down."""
    found: list[Token] = []
    level = [verb]
    for _ in range(2):
        level = [_noun_of(c) for t in level for c in t.children if c.dep_ in _PHRASE_LINKS]
        found.extend(level)
    return found


def _noun_of(phrase: Token) -> Token:
    """The noun of a phrase: the object of an English preposition, else the phrase's head."""
    return next((g for g in phrase.children if g.dep_ == "pobj"), phrase) if phrase.dep_ == "prep" else phrase


def _aim_phrases(word: Token) -> list[Token]:
    """The heads of ``word``'s phrases opened by a preposition of aim."""
    aims: list[Token] = []
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ in _AIM_PREPOSITIONS:
            aims.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in _PHRASE_LINKS and child.dep_ != "prep" and any(
                g.dep_ == "case" and g.lower_ in _AIM_PREPOSITIONS for g in child.children):
            aims.append(child)
    return aims


#: links of a phrase to the word it qualifies
_PHRASE_LINKS = frozenset({"prep", "nmod", "obl", "obl:arg", "obl:mod"})
