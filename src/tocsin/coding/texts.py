"""A text speaks for whoever adopted it: "a adopté une résolution appelant à un cessez-le-feu",
"issued a statement condemning …", "une déclaration exigeant le retrait des troupes".

Two readings carry this rule, at two moments of :meth:`~tocsin.coding.arguments.ArgumentRules._arguments`,
and they are not one function because they answer differently:

- :func:`author_of_text` reads the source of a *verb* trigger that is a participle on a statement
  noun and has no subject of its own ("une résolution appelant à …"). It takes one step, to the
  text's own verb: that verb's subject when the text is its object, its agent when the text is its
  passive subject ("une résolution appelant à … a été adoptée par l'Assemblée"). The heads it returns are
  not resolved yet: they go through the clause's own source steps (ascription, time phrases,
  resolution) in :class:`~tocsin.coding.clause_roles.ClauseRoles`, before the subject the parser
  split off.
- :func:`climbs_through_a_text` is a waypoint of
  :meth:`~tocsin.coding.readings.RoleReadings._borrowed_subject`, which runs only when no source was
  found at all, for nouns too ("exigeant le retrait": the noun trigger is the participle's object).
  The climb to a governing subject passes from the participle to the text and goes on with the
  borrowed subject's own rules: a text that is its verb's object gives that verb's subject (or its
  agent phrase), a text that is a passive subject gives no one, and when the author found does not
  resolve the climb continues upwards (four steps at most).

Giving the borrowed climb the agent of a passive text, or stopping it at the text, would change
the events coded; so would the converse for the clause reading.
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import OBJECT, PASSIVE_SUBJECT, arguments, subjects


def author_of_text(text: Token, cues: Cues) -> list[Token]:
    """Who adopted, published or signed a text: the subject of the verb the text is the object
    of, or the agent of that verb when the text is its passive subject."""
    verb = text.head
    if verb.i == text.i or verb.pos_ not in ("VERB", "AUX"):
        return []
    if text.dep_ in OBJECT:
        return subjects(verb, cues.unaccusative_verbs)
    if text.dep_ in PASSIVE_SUBJECT:
        return [a.head for a in arguments(verb, cues.unaccusative_verbs) if a.role == "agent"]
    return []


def climbs_through_a_text(word: Token, cues: Cues) -> bool:
    """Whether the climb to a governing subject goes from ``word``, a participle on a text, to
    the text ("a adopté une résolution exigeant …": whoever adopted it demands), rather than
    reading the text as the noun a relative clause describes. Not for a text that is the root."""
    text = word.head
    return word.dep_ == "acl" and text.lemma_.lower() in cues.statement_nouns and text.head.i != text.i
