"""Rows of the parse-repair table (``repairs._REPAIRS``) for the parties of meetings, agreements
and praise: what one assures someone of, the recipient of qualified support, an object after a quoted
adverbial, a name ending in
a function word ("Kim Jong Un"), the middle name of a list of three, the adjective of a list's second name ("l'Arabie saoudite"),
and verbless headlines about two parties. Each row is a precondition on the words
``repair_words._Words`` reads from a sentence, and the repair; they run after the rows of
``repairs.py``, in this order.
"""

from __future__ import annotations

from spacy.parts_of_speech import ADJ, NOUN, PROPN, VERB
from spacy.strings import get_string_id

from tocsin.coding.headline_repairs import (
    joined_names_taken_for_a_word,
    topic_after_the_colon_taken_as_complement,
)
from tocsin.coding.name_repairs import (
    NAME_ENDINGS,
    adjective_of_a_conjunct_hung_on_the_first,
    middle_name_of_a_list_taken_for_a_complement,
    name_ending_taken_for_a_function_word,
)
from tocsin.coding.party_repairs import (
    assurance_hung_on_the_assured,
    recipient_of_support_hung_on_its_qualifier,
)
from tocsin.coding.speech_repairs import object_hung_on_a_quoted_adverbial

_ACL_ID = get_string_id("acl")
_AMOD_ID = get_string_id("amod")
_ASSURER_ID = get_string_id("assurer")
_COLON_ID = get_string_id(":")
_CONJ_ID = get_string_id("conj")
_FLAT_NAME_ID = get_string_id("flat:name")
_NMOD_ID = get_string_id("nmod")
_NAME_ENDING_IDS = frozenset(get_string_id(w) for w in NAME_ENDINGS)
_CLOSING_QUOTE_IDS = frozenset(get_string_id(q) for q in ("»", "\"", "”"))

PARTY_NAME_REPAIRS = (
    (lambda w: w.fr and _ASSURER_ID in w.lemma and (_NMOD_ID, NOUN) in w.labelled,
     lambda sent, cues: assurance_hung_on_the_assured(sent)),
    (lambda w: w.fr and (_ACL_ID, VERB) in w.labelled and (_ACL_ID, NOUN) in w.hung,
     lambda sent, cues: recipient_of_support_hung_on_its_qualifier(sent)),
    (lambda w: w.fr and PROPN in w.pos and not w.lower.isdisjoint(_NAME_ENDING_IDS),
     lambda sent, cues: name_ending_taken_for_a_function_word(sent)),
    (lambda w: w.fr and (_NMOD_ID, PROPN) in w.labelled and _CONJ_ID in w.dep,
     lambda sent, cues: middle_name_of_a_list_taken_for_a_complement(sent)),
    (lambda w: w.fr and ((_AMOD_ID, ADJ) in w.labelled or (_FLAT_NAME_ID, PROPN) in w.labelled)
     and _CONJ_ID in w.dep,
     lambda sent, cues: adjective_of_a_conjunct_hung_on_the_first(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_CLOSING_QUOTE_IDS) and (_NMOD_ID, NOUN) in w.labelled,
     lambda sent, cues: object_hung_on_a_quoted_adverbial(sent)),
    # verbless headlines about two parties (headline_repairs.py)
    (lambda w: w.fr and w.root_pos == NOUN, lambda sent, cues: joined_names_taken_for_a_word(sent)),
    (lambda w: w.fr and w.root_pos == NOUN and _COLON_ID in w.lower,
     lambda sent, cues: topic_after_the_colon_taken_as_complement(sent)),
)
