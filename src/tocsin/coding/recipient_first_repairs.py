"""Ditransitive verbs that name their recipient before the thing given.

French wire copy often puts the "à …" recipient right after a verb of giving and the thing
given last: "L'Allemagne a livré à l'Ukraine de nouveaux systèmes Iris-T", "Les États-Unis ont
fourni à Israël des bombes". The French model then hangs the thing given, a phrase opened by
the partitive article ("des", or "de" before an adjective), on the recipient as if it were
its genitive ("l'Ukraine de …"), and the verb is left with no object. A name or an actor
takes no partitive complement here: the phrase is the verb's object.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

#: verbs of giving and sending whose object may follow the "à …" recipient
GIVING_VERBS = frozenset({
    "livrer", "fournir", "envoyer", "expédier", "remettre", "octroyer", "accorder", "offrir",
    "donner", "verser", "vendre", "transférer", "apporter", "allouer", "acheminer", "promettre",
    "débloquer", "céder", "dépêcher", "prêter",
})
_RECIPIENT_LINKS = frozenset({"obl:arg", "obl", "obl:mod", "iobj", "nmod"})
_TO = frozenset({"à", "au", "aux"})
_OBJECT_LINKS = frozenset({"obj", "dobj"})


def _partitive(word: Token) -> bool:
    """"des bombes", "de nouveaux systèmes", "d'importantes quantités": the phrase opens with
    the partitive article rather than the genitive "de" + article ("de la défense")."""
    cases = [c for c in word.children if c.dep_ == "case" and c.i < word.i]
    if not cases or any(c.dep_ == "det" for c in word.children):
        return False
    case = cases[0].lower_
    if case == "des":
        return True
    if case in ("de", "d'"):
        # "de nouveaux systèmes", "de 900 kg de munitions": an adjective or a number before the noun
        return any(c.i < word.i and c.dep_ in ("amod", "nummod") for c in word.children)
    return False


def object_after_the_recipient(sent: Span) -> int:
    """Gives a verb of giving its object back from the recipient that took it (see the module
    docstring); returns how many objects were moved."""
    moved = 0
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in GIVING_VERBS:
            continue
        if any(c.dep_ in _OBJECT_LINKS for c in verb.children):
            continue
        for recipient in verb.children:
            if (recipient.i < verb.i or recipient.dep_ not in _RECIPIENT_LINKS
                    or recipient.pos_ not in ("PROPN", "NOUN")
                    or not any(c.dep_ == "case" and c.lower_ in _TO for c in recipient.children)):
                continue
            given = next((c for c in recipient.children if c.i > recipient.i and c.dep_ == "nmod"
                          and c.pos_ == "NOUN" and _partitive(c)), None)
            if given is None:
                continue
            given.head, given.dep_ = verb, "obj"
            moved += 1
            break
    return moved
