"""The proper name given to an act ("the Varuna exercise", "their Balikatan exercises") names
the act, never one of its actors.

A row whose ``object`` is :data:`~tocsin.lang.NAME_OBJECT` is met by such a name
(``lexicon_match``). Read as the noun's modifier, the name would be taken for the act's author
or, once a light verb's subject is the author, for its recipient; and an unknown name may
resolve to someone by a loose match of person names. :func:`drop_the_act_name` takes the
actors read from the name away again.
"""

from __future__ import annotations

from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.syntax import phrase_text
from tocsin.lang import NAME_OBJECT


def drop_the_act_name(reading: RoleReading) -> None:
    """No actor of the act is read from the proper name its row was met by."""
    trig = reading.trig
    if NAME_OBJECT not in trig.predicate.object or not trig.consumed:
        return
    doc = trig.token.doc
    names = {phrase_text(doc[i]) for i in trig.consumed}
    out = reading.out
    out.sources = [a for a in out.sources if a.text not in names]
    out.targets = [a for a in out.targets if a.text not in names]
