"""Repairs of recurring parser errors, applied to a parsed sentence before it is coded.

The coder reads roles from the dependency tree; a few tree shapes that the
parser gets wrong again and again in news text are put right here, once, so
that every later rule (triggers, arguments, qualifiers) sees the sentence as it
reads. Each repair only moves a token under another head and relabels it; it
never changes words, and it leaves trees it does not recognise alone. This module holds
the table that runs them all (:data:`_REPAIRS`); the repairs live by what they mend:

* :mod:`tocsin.coding.word_repairs`: single words the tagger or lemmatiser misreads
  (parts of speech, lemmas, names cut in two);
* :mod:`tocsin.coding.time_repairs`: phrases taken by a weekday or a time of day;
* :mod:`tocsin.coding.speech_repairs`: quotations, speakers after the statement, that-clauses;
* :mod:`tocsin.coding.subject_repairs`: subjects hung on the wrong word, left unlabelled or
  read wrong;
* :mod:`tocsin.coding.party_repairs`: the parties and objects of two-sided acts;
* :mod:`tocsin.coding.clause_repairs`: objects, complements and clauses on the wrong head;
* :mod:`tocsin.coding.verb_form_repairs`: verbs read as participles, modifiers or passives.

Each repair returns a true value when it changed the tree, and has a row in
:data:`_REPAIRS`: a precondition on what the sentence holds (labels, parts of speech,
words, read once per sentence into :class:`~tocsin.coding.repair_words._Words`) that holds whenever the repair
could apply, then the repair. :func:`repair_parse` runs the rows in order and skips a
repair whose precondition fails, so a new repair is one function and one row.

The shapes mended, each with an example and its function, are listed in
docs/parse-repairs.md.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.parts_of_speech import (
    ADJ,
    ADP,
    AUX,
    NOUN,
    NUM,
    PRON,
    PROPN,
    SCONJ,
    VERB,
    X,
)
from spacy.strings import get_string_id
from spacy.tokens import Span

from tocsin.coding.adverbial_object_repairs import (
    object_after_adverbials_taken_for_one,
    object_hung_on_a_manner_phrase,
)
from tocsin.coding.agent_repairs import (
    agent_hung_on_the_adverbial,
    agent_of_a_participle_taken_for_circumstance,
)
from tocsin.coding.clause_repairs import (
    _FORCE_VERBS,
    _RECIPIENT_CASES,
    INSTRUMENT_NOUNS,
    LATTER_WORDS,
    MEANS_NOUNS,
    PLACE_ADVERBS,
    PLACEMENT_NOUNS,
    PREPOSITIONAL_ADVERBS,
    QUANTITY_ADVERBS,
    SEA_NOUNS,
    adjective_conjunct_hung_on_the_verb,
    agent_on_an_active_verb,
    clause_taken_by_fronted_phrase,
    complement_taken_by_agent_name,
    conjunct_noun_hung_on_the_verb,
    count_taken_by_quantity_adverb,
    country_of_a_sea_hung_elsewhere,
    infinitive_hung_on_the_object,
    name_after_control_verb_taken_for_adverb,
    object_hung_on_a_means_phrase,
    object_hung_on_a_placement,
    object_taken_by_adverbial_phrase,
    object_taken_by_instrument_phrase,
    object_taken_for_partitive_phrase,
    phrase_hung_on_prepositional_adverb,
    place_phrase_hung_on_its_adverb,
    recipient_hung_on_genitive_name,
    relative_clause_hung_on_the_verb,
    relative_clause_on_the_wrong_noun,
    resumptive_noun_taken_for_a_conjunct,
    sentence_term_on_a_noun,
    summary_taken_for_object,
)
from tocsin.coding.count_repairs import count_hung_above_its_verb
from tocsin.coding.fronted_clause_repairs import (
    infinitive_of_a_fronted_participle,
    subject_taken_for_apposition_of_fronted_object,
)
from tocsin.coding.participle_clauses import CLITICS as PARTICIPLE_CLITICS
from tocsin.coding.participle_clauses import (
    clitic_participle_read_as_noun,
    closing_participle_read_as_noun,
)
from tocsin.coding.party_name_repair_rows import PARTY_NAME_REPAIRS
from tocsin.coding.party_repairs import (
    between_phrase_after_a_noun_of_the_verb,
    between_phrase_hung_on_a_place,
    between_phrase_on_the_conduct_participle,
    between_phrase_on_the_verb,
    between_phrase_taken_for_a_conjunct,
    infinitive_of_a_decision_noun,
    object_hung_on_oblique_name_or_time,
    object_taken_as_apposition_of_a_place,
    second_party_hung_on_the_noun,
    second_party_taken_for_a_subject,
    subject_taken_by_fronted_phrase,
)
from tocsin.coding.qualifiers import Cues
from tocsin.coding.recipient_first_repairs import GIVING_VERBS, object_after_the_recipient
from tocsin.coding.repair_words import (
    _FUNCTION_LINK_IDS,
    _SUBJECT_LINK_IDS,
    _VERBAL_POS,
    _ids,
    _Words,
)
from tocsin.coding.speech_repairs import (
    _TELL_THAT_VERBS,
    RELATIVE_OPENERS,
    SPEECH_LINKS,
    conjunction_read_as_object,
    list_subject_split_by_inverted_speaker,
    object_taken_by_closing_speech_verb,
    relative_taken_for_that_clause,
    reroot_inverted_speech,
    reroot_unquoted_speech,
    that_clause_read_as_second_object,
    that_clause_taken_for_relative,
)
from tocsin.coding.subject_repairs import (
    _TITLE_PARTICIPLES,
    DATIVE_CLITICS,
    UNLABELLED,
    conjunct_hung_on_a_titles_name,
    coordinated_subject_taken_for_root,
    dative_clitic_taken_for_subject,
    latter_pronoun_hung_on_the_verb,
    list_subject_cut_after_first_name,
    name_hung_on_a_title_participle,
    personal_subject_taken_for_expletive,
    second_party_taken_for_subject,
    subject_hung_on_auxiliary,
    subject_left_unlabelled,
    subject_on_function_word,
    subject_taken_by_attribution,
    subject_taken_by_conjunction,
    subject_taken_by_its_relative_clause,
    subject_taken_for_adverbial,
    subjects_hung_on_attribution,
    that_clause_subject_taken_for_the_clause,
)
from tocsin.coding.time_repairs import (
    TIME_LINKS,
    TIME_UNITS,
    count_after_time_word,
    infinitive_taken_by_time_word,
    object_taken_by_time_phrase,
    object_without_preposition,
    place_taken_by_time_unit,
    reattach_after_time_noun,
    time_word_taken_for_object,
)
from tocsin.coding.trade_phrase_repairs import TRADE_NOUNS, trade_hung_on_the_verb
from tocsin.coding.ultimatum_repairs import (
    condition_conjunction_hung_on_the_subject,
    demanded_act_hung_on_its_consequence,
)
from tocsin.coding.verb_form_repairs import (
    active_subject_taken_for_passive,
    clause_after_topic_read_as_modifier,
    finite_verb_taken_for_participle,
    gerund_taken_for_modifier,
    headline_participle_taken_for_modifier,
    opening_participle_taken_for_adjective,
    participle_after_comma_taken_for_modifier,
    participle_coordinated_with_a_modifier,
    pronominal_verb_taken_for_passive,
)
from tocsin.coding.word_repairs import (
    _ARGUMENT_LINKS,
    _NOMINAL_LINKS,
    MISREAD_VERB_FORMS,
    NAME_AS_FUNCTION_LINKS,
    PARTITIVES,
    conditional_taken_for_indicative,
    headline_verb_after_topic_taken_for_noun,
    headline_verb_taken_for_noun,
    infinitive_left_unattached,
    name_after_the_verb_taken_for_function_word,
    name_split_by_tagger,
    name_split_into_two_arguments,
    name_start_hung_on_the_verb,
    name_taken_for_a_verb,
    name_taken_for_adverb_at_start,
    name_taken_for_an_adjective,
    noun_tagged_as_adposition,
    noun_tagged_as_verb,
    participle_taken_for_adjective,
    participle_taken_for_noun,
    participle_with_agent_taken_for_adjective,
    present_verb_without_lemma,
    title_and_name_taken_for_two_arguments,
    verb_taken_for_another_word,
)


def repair_parse(sent: Span, cues: Cues) -> None:
    """Apply every repair to ``sent`` in place, once per parse (the repairs are written for the
    parser's trees: on about one text in seventy a second pass would move a few more words).

    The repairs run in the order of :data:`_REPAIRS`, each on the tree the ones before
    left. A repair runs only when its precondition holds for the sentence's
    :class:`_Words` (labels, parts of speech and words present); a precondition only
    asks for what the repair cannot do without, so skipping it changes nothing. The
    table is read again after a repair that changed the tree.
    """
    words: _Words | None = None
    french = sent.doc.lang_ == "fr"
    for precondition, repair in _REPAIRS if french else _REPAIRS_NOT_FRENCH_ONLY:
        if words is None:
            words = _Words(sent, cues)
        if precondition(words) and repair(sent, cues):
            words = None  # labels or parts of speech changed: read them again
    if words is None and not french and _FRENCH_ONLY_AT_END:
        # a repair changed the tree at the last row run: the full table's next rows, French-only,
        # would have read the words again before the tests below
        words = _Words(sent, cues)
    if words is None or words.quote:
        if reroot_inverted_speech(sent):
            return
        words = None  # it may give a speaker back to the speech verb without rerooting
    if words is None:
        words = _Words(sent, cues)
    if words.fr and VERB in words.pos and not words.dep.isdisjoint(_SPEECH_LINK_IDS):
        if reroot_unquoted_speech(sent, cues.reporting_verbs | cues.inverted_speech_verbs):
            return
    words.hand_over()


# --------------------------------------------------------------------------- the order of the repairs
_TIME_LINK_IDS = _ids(*TIME_LINKS)
_EXPL_SUBJ_ID = get_string_id("expl:subj")
_QUANTITY_ADVERB_IDS = _ids(*QUANTITY_ADVERBS)
_PREPOSITIONAL_ADVERB_IDS = _ids(*PREPOSITIONAL_ADVERBS)
_PLACE_ADVERB_IDS = _ids(*PLACE_ADVERBS)
_ADVMOD_OR_DEP_IDS = _ids("advmod", "dep")
_BETWEEN_IDS = _ids("entre", "between")
_ATTRIBUTING_IDS = _ids("selon", "après", "according")
_SPEECH_LINK_IDS = _ids(*SPEECH_LINKS)
_NOUN_OR_VERB_POS = frozenset({NOUN, VERB})
_ROOT_ID = get_string_id("ROOT")
_MODIFIER_IDS = _ids("amod", "acl")
_MODIFIER_VERB = frozenset((d, VERB) for d in _MODIFIER_IDS)
_MODIFIER_OF_NAME = frozenset((d, p) for d in _MODIFIER_IDS for p in (NOUN, PROPN))
_NAME_ROOT = frozenset({(_ROOT_ID, NOUN), (_ROOT_ID, PROPN)})
_AUXILIARY_LEMMA_IDS = _ids("avoir", "être")
_OBL_MOD_ID = get_string_id("obl:mod")
_AUX_TENSE_IDS = _ids("aux", "aux:tense")
_AUX_LINK_IDS = _ids("aux", "aux:tense", "aux:pass")
_ADVMOD_ID = get_string_id("advmod")
_OBJ_ID = get_string_id("obj")
_PAR_ID = get_string_id("par")
_NMOD_OF_NAME = frozenset((get_string_id("nmod"), p) for p in (NOUN, PROPN))
_CONJ_OF_NAME = frozenset((get_string_id("conj"), p) for p in (NOUN, PROPN))
_XCOMP_ID = get_string_id("xcomp")
_AMOD_ID = get_string_id("amod")
_OBJECT_OF_VERB = frozenset((d, VERB) for d in _ids("obj", "dobj"))
_NMOD_CASE_IDS = _ids("nmod", "case")
_PARTITIVE_IDS = _ids(*PARTITIVES)
_EN_ID = get_string_id("en")
_A_ID = get_string_id("à")
_MARK_ID = get_string_id("mark")
_MARK_ON_NAME = frozenset({(_MARK_ID, NOUN), (_MARK_ID, PROPN)})
_NUMMOD_CASE_IDS = _ids("nummod", "case")
_CONJ_ID = get_string_id("conj")
_CLAUSE_AS_NAME = frozenset((get_string_id("ccomp"), p) for p in (NOUN, PROPN))
_CLAUSE_OF_NAME = frozenset((d, VERB) for d in _ids("acl:relcl", "relcl", "acl", "conj"))
_NOUN_ARGUMENT_AS_FUNCTION_WORD = frozenset((d, p) for d in _ids("obj", "nsubj", "nsubj:pass") for p in (ADP, ADJ))
_FLAT_NAME_ID = get_string_id("flat:name")
_COLON_ID = get_string_id(":")
_QUE_IDS = _ids("que", "qu'", "qu’")
_AVOIR_ID = get_string_id("avoir")
_NSUBJ_PASS_ID = get_string_id("nsubj:pass")
_CCOMP_ID = get_string_id("ccomp")
_QUI_ID = get_string_id("qui")
_COMMA_ID = get_string_id(",")
_DES_ID = get_string_id("des")
_CASE_ID = get_string_id("case")
_ACL_ID = get_string_id("acl")
_MISREAD_VERB_IDS = _ids(*MISREAD_VERB_FORMS)
_DEP_OF_VERB = frozenset({(get_string_id("dep"), VERB)})
_NAME_AS_FUNCTION_IDS = _ids(*NAME_AS_FUNCTION_LINKS)
_EXPL_PASS_ID = get_string_id("expl:pass")
_AUX_PASS_ID = get_string_id("aux:pass")
_SE_ID = get_string_id("se")
_RECIPIENT_CASE_IDS = _ids(*_RECIPIENT_CASES)
_RELATIVE_VERB = frozenset((get_string_id("acl:relcl"), p) for p in (VERB, AUX))
_CLAUSE_VERB = frozenset((d, p) for d in _ids("acl:relcl", "advcl", "conj", "parataxis") for p in (VERB, AUX))
_SPEECH_VERB = frozenset((d, VERB) for d in _SPEECH_LINK_IDS)
_SUBJECT_ON_AUXILIARY = frozenset((s, a) for s in _SUBJECT_LINK_IDS for a in _AUX_LINK_IDS)
_NAME_ARGUMENT = frozenset((d, PROPN) for d in _ids("nsubj", "nsubj:pass", "obj"))
_NAME_IN_ARGUMENTS = frozenset((d, p) for d in _ids(*_ARGUMENT_LINKS) for p in (PROPN, X))
_VERB_IN_NOUN_PLACE = frozenset((d, VERB) for d in _ids(*_NOMINAL_LINKS))
_UNLABELLED_SUBJECT = frozenset((get_string_id(d), p) for d in UNLABELLED for p in (PROPN, NOUN, PRON)
                                if d != "det" or p == PROPN)
_NMOD_ON_OBLIQUE = frozenset((get_string_id("nmod"), d) for d in _ids("obl:mod", "obl", "obl:arg"))
_AUXILIARY_OF_ADJECTIVE = frozenset((d, ADJ) for d in _AUX_TENSE_IDS)
_NMOD_ON_NMOD = (get_string_id("nmod"), get_string_id("nmod"))
_DES_DU_IDS = _ids("des", "du")
_APPOS_ID = get_string_id("appos")
_NMOD_ID = get_string_id("nmod")
_NOUN_OR_ADJ_POS = frozenset({NOUN, ADJ})
_QUOI_ID = get_string_id("quoi")
_SI_ID = get_string_id("si")


_REPAIRS: tuple[tuple[Callable[[_Words], bool], Callable[[Span, Cues], object]], ...] = (
    # lemmas and parts of speech first: the repairs below read them
    (lambda w: w.fr and VERB in w.pos and w.verb_spelt_as_its_lemma(), lambda sent, cues: present_verb_without_lemma(sent)),
    (lambda w: w.fr and not w.labelled.isdisjoint(_NOUN_ARGUMENT_AS_FUNCTION_WORD),
     lambda sent, cues: noun_tagged_as_adposition(sent)),
    (lambda w: w.fr and (_ROOT_ID, VERB) in w.labelled and (_FLAT_NAME_ID, VERB) in w.hung,
     lambda sent, cues: name_taken_for_a_verb(sent)),
    (lambda w: w.fr and w.conditional_spelling(), lambda sent, cues: conditional_taken_for_indicative(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_MISREAD_VERB_IDS), lambda sent, cues: verb_taken_for_another_word(sent)),
    (lambda w: w.fr and (not w.labelled.isdisjoint(_DEP_OF_VERB) or (_CCOMP_ID, VERB) in w.labelled and _SE_ID in w.lemma),
     lambda sent, cues: infinitive_left_unattached(sent)),
    (lambda w: w.fr and (_EXPL_PASS_ID in w.dep or _AUX_PASS_ID in w.dep and _SE_ID in w.lemma),
     lambda sent, cues: pronominal_verb_taken_for_passive(sent)),
    (lambda w: w.fr and _NSUBJ_PASS_ID in w.dep and _AVOIR_ID in w.lemma,
     lambda sent, cues: active_subject_taken_for_passive(sent)),
    (lambda w: w.fr and not w.labelled.isdisjoint(_RELATIVE_VERB) and not w.lower.isdisjoint(_QUE_IDS)
     and w.has_word(_TELL_THAT_VERBS),
     lambda sent, cues: that_clause_taken_for_relative(sent)),
    (lambda w: w.fr and w.has_word(RELATIVE_OPENERS), lambda sent, cues: relative_taken_for_that_clause(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_QUE_IDS), lambda sent, cues: conjunction_read_as_object(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_QUE_IDS), lambda sent, cues: that_clause_read_as_second_object(sent)),
    (lambda w: w.fr and _QUI_ID in w.lower and _COMMA_ID in w.lower and not w.labelled.isdisjoint(_CLAUSE_VERB),
     lambda sent, cues: relative_clause_hung_on_the_verb(sent)),
    (lambda w: w.fr and _QUI_ID in w.lower and _COMMA_ID in w.lower,
     lambda sent, cues: subject_taken_by_its_relative_clause(sent)),
    (lambda w: w.fr and _QUI_ID in w.lower and _COMMA_ID in w.lower,
     lambda sent, cues: relative_clause_on_the_wrong_noun(sent)),
    (lambda w: w.fr and _COMMA_ID in w.lower and not w.labelled.isdisjoint(_SPEECH_VERB)
     and w.has_word(w.cues.reporting_verbs),
     lambda sent, cues: object_taken_by_closing_speech_verb(sent, cues.reporting_verbs)),
    (lambda w: w.fr and ADJ in w.pos and not w.dep.isdisjoint(_AUX_TENSE_IDS) and _AVOIR_ID in w.lemma
     and not w.hung.isdisjoint(_AUXILIARY_OF_ADJECTIVE),
     lambda sent, cues: participle_taken_for_adjective(sent)),
    (lambda w: not w.dep.isdisjoint(_AUX_LINK_IDS) and not w.dep.isdisjoint(_SUBJECT_LINK_IDS)
     and not w.lemma.isdisjoint(_AUXILIARY_LEMMA_IDS) and not w.links.isdisjoint(_SUBJECT_ON_AUXILIARY),
     lambda sent, cues: subject_hung_on_auxiliary(sent)),
    (lambda w: w.time_word and not w.dep.isdisjoint(_TIME_LINK_IDS) and not w.pos.isdisjoint(_VERBAL_POS),
     reattach_after_time_noun),
    (lambda w: w.time_word and NOUN in w.pos,
     lambda sent, cues: count_after_time_word(sent, cues.time_nouns)),
    (lambda w: w.fr and PROPN in w.pos and w.has_word(TIME_UNITS), lambda sent, cues: place_taken_by_time_unit(sent)),
    (lambda w: w.fr and NUM in w.pos and VERB in w.pos, lambda sent, cues: count_hung_above_its_verb(sent)),
    (lambda w: w.fr and w.time_word and (_ACL_ID, VERB) in w.labelled,
     lambda sent, cues: infinitive_taken_by_time_word(sent, cues.time_nouns)),
    (lambda w: not w.labelled.isdisjoint(_MODIFIER_VERB) and not w.hung.isdisjoint(_MODIFIER_OF_NAME)
     and not w.labelled.isdisjoint(_NAME_ROOT),
     lambda sent, cues: finite_verb_taken_for_participle(sent)),
    (lambda w: w.fr and NOUN in w.pos and not w.lemma.isdisjoint(_AUXILIARY_LEMMA_IDS) and w.auxiliary_under_noun(),
     lambda sent, cues: participle_taken_for_noun(sent)),
    (lambda w: ((_OBL_MOD_ID, PROPN) in w.labelled or ((_OBL_MOD_ID, NOUN) in w.labelled and w.time_word))
     and (_OBL_MOD_ID, VERB) in w.hung or (((_XCOMP_ID, PROPN) in w.labelled or (_XCOMP_ID, X) in w.labelled)
                                          and (_XCOMP_ID, VERB) in w.hung)
     or ((_AMOD_ID, PROPN) in w.labelled and (_AMOD_ID, VERB) in w.hung),
     lambda sent, cues: object_without_preposition(sent, cues.time_nouns)),
    (lambda w: _NMOD_CASE_IDS <= w.dep and not w.lower.isdisjoint(_PARTITIVE_IDS)
     and (w.time_word or w.has_word(TIME_UNITS)) and not w.hung.isdisjoint(_OBJECT_OF_VERB),
     lambda sent, cues: object_taken_by_time_phrase(sent, cues.time_nouns)),
    (lambda w: PROPN in w.pos and w.title_after_name(),
     lambda sent, cues: name_split_by_tagger(sent, cues.time_nouns)),
    (lambda w: PROPN in w.pos and not w.dep.isdisjoint(_FUNCTION_LINK_IDS) and not w.labelled.isdisjoint(_NAME_ARGUMENT)
     and w.name_after_function_word(),
     lambda sent, cues: name_start_hung_on_the_verb(sent)),
    (lambda w: w.fr and not w.dep.isdisjoint(_FUNCTION_LINK_IDS),
     lambda sent, cues: name_taken_for_adverb_at_start(sent)),
    (lambda w: w.fr and _DES_ID in w.lower and (_CASE_ID, ADP) in w.labelled and w.has_word(_FORCE_VERBS),
     lambda sent, cues: object_taken_for_partitive_phrase(sent)),
    (lambda w: w.fr and w.has_word(PLACEMENT_NOUNS),
     lambda sent, cues: object_hung_on_a_placement(sent)),
    (lambda w: w.fr and w.has_word(GIVING_VERBS), lambda sent, cues: object_after_the_recipient(sent)),
    (lambda w: w.fr and w.has_word(TRADE_NOUNS), lambda sent, cues: trade_hung_on_the_verb(sent)),
    (lambda w: w.fr and w.has_word(INSTRUMENT_NOUNS) and not w.lower.isdisjoint(_PARTITIVE_IDS),
     lambda sent, cues: object_taken_by_instrument_phrase(sent)),
    (lambda w: w.fr and w.has_word(MEANS_NOUNS), lambda sent, cues: object_hung_on_a_means_phrase(sent)),
    (lambda w: w.fr and w.has_word(SEA_NOUNS), lambda sent, cues: country_of_a_sea_hung_elsewhere(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_BETWEEN_IDS), lambda sent, cues: second_party_taken_for_a_subject(sent)),
    (lambda w: w.fr and _EN_ID in w.lower and not w.pos.isdisjoint(_NOUN_OR_VERB_POS),
     lambda sent, cues: gerund_taken_for_modifier(sent)),
    (lambda w: w.fr and ADJ in w.pos, lambda sent, cues: opening_participle_taken_for_adjective(sent)),
    (lambda w: (_MARK_ID, SCONJ) in w.labelled and not w.hung.isdisjoint(_MARK_ON_NAME),
     lambda sent, cues: subject_taken_by_conjunction(sent)),
    (lambda w: w.fr and _NUMMOD_CASE_IDS <= w.dep and _A_ID in w.lower,
     lambda sent, cues: sentence_term_on_a_noun(sent)),
    (lambda w: w.fr and (_CONJ_ID, VERB) in w.labelled,
     lambda sent, cues: participle_coordinated_with_a_modifier(sent)),
    (lambda w: not w.labelled.isdisjoint(_CLAUSE_OF_NAME) and w.root_pos == PROPN,
     lambda sent, cues: list_subject_cut_after_first_name(sent)),
    (lambda w: not w.dep.isdisjoint(_SUBJECT_LINK_IDS) and w.subject_on_function_word(),
     lambda sent, cues: subject_on_function_word(sent)),
    (lambda w: not w.labelled.isdisjoint(_UNLABELLED_SUBJECT),
     lambda sent, cues: subject_left_unlabelled(sent)),
    (lambda w: _ADVMOD_ID in w.dep and not w.lower.isdisjoint(_QUANTITY_ADVERB_IDS),
     lambda sent, cues: count_taken_by_quantity_adverb(sent)),
    (lambda w: w.root_pos == NOUN, lambda sent, cues: clause_taken_by_fronted_phrase(sent)),
    (lambda w: not w.labelled.isdisjoint(_NMOD_OF_NAME) and not w.links.isdisjoint(_NMOD_ON_OBLIQUE)
     and w.nmod_on_oblique_of_verb(),
     lambda sent, cues: object_taken_by_adverbial_phrase(sent)),
    (lambda w: PROPN in w.pos and _PAR_ID in w.lower, lambda sent, cues: complement_taken_by_agent_name(sent, cues.time_nouns)),
    (lambda w: w.fr and _PAR_ID in w.lower, lambda sent, cues: agent_on_an_active_verb(sent)),
    (lambda w: w.fr and _PAR_ID in w.lower and (_ACL_ID, VERB) in w.labelled,
     lambda sent, cues: agent_of_a_participle_taken_for_circumstance(sent, cues.unplaced_groups)),
    (lambda w: w.fr and _PAR_ID in w.lower, lambda sent, cues: agent_hung_on_the_adverbial(sent)),
    (lambda w: w.fr, lambda sent, cues: object_after_adverbials_taken_for_one(sent, cues.time_nouns)),
    (lambda w: w.fr and _PAR_ID in w.lower, lambda sent, cues: object_hung_on_a_manner_phrase(sent, cues.time_nouns)),
    (lambda w: w.fr and (_ADVMOD_ID, ADJ) in w.labelled, lambda sent, cues: adjective_conjunct_hung_on_the_verb(sent)),
    (lambda w: w.fr and _PAR_ID in w.lower and ADJ in w.pos,
     lambda sent, cues: participle_with_agent_taken_for_adjective(sent)),
    (lambda w: w.fr and _COMMA_ID in w.lower, lambda sent, cues: summary_taken_for_object(sent)),
    (lambda w: w.fr and _COMMA_ID in w.lower, lambda sent, cues: subject_taken_for_apposition_of_fronted_object(sent)),
    (lambda w: w.fr and _COMMA_ID in w.lower and _MARK_ID in w.dep,
     lambda sent, cues: infinitive_of_a_fronted_participle(sent)),
    (lambda w: w.fr and (_ACL_ID, VERB) in w.labelled, lambda sent, cues: participle_after_comma_taken_for_modifier(sent)),
    (lambda w: w.fr and _COLON_ID in w.lower and not w.labelled.isdisjoint(_MODIFIER_VERB),
     lambda sent, cues: clause_after_topic_read_as_modifier(sent)),
    (lambda w: w.fr and w.no_verb(), lambda sent, cues: headline_verb_taken_for_noun(sent)),
    (lambda w: w.fr and w.root_pos == PROPN, lambda sent, cues: headline_verb_after_topic_taken_for_noun(sent)),
    (lambda w: w.fr and (_ACL_ID, VERB) in w.labelled, lambda sent, cues: headline_participle_taken_for_modifier(sent)),
    (lambda w: _ADVMOD_ID in w.dep and not w.lower.isdisjoint(_PREPOSITIONAL_ADVERB_IDS),
     lambda sent, cues: phrase_hung_on_prepositional_adverb(sent)),
    (lambda w: w.fr and not w.dep.isdisjoint(_ADVMOD_OR_DEP_IDS) and not w.lower.isdisjoint(_PLACE_ADVERB_IDS),
     lambda sent, cues: place_phrase_hung_on_its_adverb(sent)),
    (lambda w: w.fr and (_ACL_ID, VERB) in w.labelled and (_MARK_ID, VERB) in w.hung,
     lambda sent, cues: infinitive_hung_on_the_object(sent, cues.object_control_verbs)),
    (lambda w: (_ADVMOD_ID, PROPN) in w.labelled and (_ADVMOD_ID, VERB) in w.hung,
     lambda sent, cues: name_after_control_verb_taken_for_adverb(sent, cues.object_control_verbs)),
    (lambda w: not w.lower.isdisjoint(_BETWEEN_IDS) and not w.dep.isdisjoint(_SUBJECT_LINK_IDS),
     lambda sent, cues: second_party_taken_for_subject(sent)),
    (lambda w: not w.lower.isdisjoint(_ATTRIBUTING_IDS) and not w.dep.isdisjoint(_SUBJECT_LINK_IDS),
     lambda sent, cues: subject_taken_by_attribution(sent)),
    (lambda w: not w.lower.isdisjoint(_ATTRIBUTING_IDS) and not w.labelled.isdisjoint(_CONJ_OF_NAME),
     lambda sent, cues: subjects_hung_on_attribution(sent)),
    (lambda w: w.fr and (_CONJ_ID, VERB) in w.labelled and ((_CONJ_ID, PROPN) in w.hung or (_CONJ_ID, NOUN) in w.hung),
     lambda sent, cues: list_subject_split_by_inverted_speaker(sent)),
    (lambda w: w.fr and (_OBL_MOD_ID, PROPN) in w.labelled and _ADVMOD_ID in w.dep,
     lambda sent, cues: subject_taken_for_adverbial(sent, cues.time_nouns)),
    (lambda w: w.fr and not w.labelled.isdisjoint(_CLAUSE_AS_NAME) and _CONJ_ID in w.dep,
     lambda sent, cues: that_clause_subject_taken_for_the_clause(sent)),
    (lambda w: not w.labelled.isdisjoint(_NMOD_OF_NAME) and _NMOD_ON_NMOD in w.links
     and not w.lower.isdisjoint(_RECIPIENT_CASE_IDS),
     lambda sent, cues: recipient_hung_on_genitive_name(sent)),
    (lambda w: w.fr and w.time_word and (_OBJ_ID, NOUN) in w.labelled,
     lambda sent, cues: time_word_taken_for_object(sent, cues.time_nouns)),
    # again, once a weekday read as the object has given the place back: "doit recevoir jeudi au
    # Caire le roi de Jordanie"
    (lambda w: not w.labelled.isdisjoint(_NMOD_OF_NAME) and not w.links.isdisjoint(_NMOD_ON_OBLIQUE)
     and w.nmod_on_oblique_of_verb(),
     lambda sent, cues: object_taken_by_adverbial_phrase(sent)),
    (lambda w: w.fr and not w.labelled.isdisjoint(_NAME_IN_ARGUMENTS) and w.names_side_by_side(),
     lambda sent, cues: name_split_into_two_arguments(sent)),
    (lambda w: w.fr and not w.labelled.isdisjoint(_NAME_ARGUMENT),
     lambda sent, cues: title_and_name_taken_for_two_arguments(sent)),
    (lambda w: not w.labelled.isdisjoint(_CONJ_OF_NAME), lambda sent, cues: conjunct_noun_hung_on_the_verb(sent)),
    (lambda w: (_CONJ_ID, PROPN) in w.hung and not w.labelled.isdisjoint(_CONJ_OF_NAME),
     lambda sent, cues: conjunct_hung_on_a_titles_name(sent)),
    (lambda w: w.root_pos in (NOUN, PROPN), lambda sent, cues: coordinated_subject_taken_for_root(sent)),
    (lambda w: w.fr and not w.labelled.isdisjoint(_VERB_IN_NOUN_PLACE), lambda sent, cues: noun_tagged_as_verb(sent)),
    (lambda w: (_CONJ_ID, NOUN) in w.labelled,
     lambda sent, cues: resumptive_noun_taken_for_a_conjunct(sent, cues.resumptive_nouns)),
    (lambda w: w.fr and (_AMOD_ID, PROPN) in w.labelled, lambda sent, cues: name_taken_for_an_adjective(sent)),
    (lambda w: w.fr and VERB in w.pos and w.title_with_link(_NAME_AS_FUNCTION_IDS),
     lambda sent, cues: name_after_the_verb_taken_for_function_word(sent)),
    (lambda w: w.fr and _EXPL_SUBJ_ID in w.dep, lambda sent, cues: personal_subject_taken_for_expletive(sent)),
    (lambda w: w.fr and w.has_word(LATTER_WORDS), lambda sent, cues: latter_pronoun_hung_on_the_verb(sent)),
    (lambda w: w.fr and w.has_word(DATIVE_CLITICS), lambda sent, cues: dative_clitic_taken_for_subject(sent)),
    (lambda w: w.fr and PROPN in w.pos and w.has_word(_TITLE_PARTICIPLES),
     lambda sent, cues: name_hung_on_a_title_participle(sent)),
    (lambda w: w.fr and _COMMA_ID in w.lower and w.has_word(PARTICIPLE_CLITICS),
     lambda sent, cues: clitic_participle_read_as_noun(sent)),
    (lambda w: w.fr and _COMMA_ID in w.lower and not w.pos.isdisjoint(_NOUN_OR_ADJ_POS),
     lambda sent, cues: closing_participle_read_as_noun(sent)),
    (lambda w: w.fr and _QUOI_ID in w.lower, lambda sent, cues: demanded_act_hung_on_its_consequence(sent)),
    (lambda w: w.fr and _SI_ID in w.lower, lambda sent, cues: condition_conjunction_hung_on_the_subject(sent)),
    # the parties and objects of two-sided acts (party_repairs.py)
    (lambda w: not w.lower.isdisjoint(_BETWEEN_IDS) and _CONJ_ID in w.dep,
     lambda sent, cues: second_party_hung_on_the_noun(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_BETWEEN_IDS) and (_NMOD_ID, PROPN) in w.hung,
     lambda sent, cues: between_phrase_hung_on_a_place(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_BETWEEN_IDS) and (_CONJ_ID, NOUN) in w.hung,
     lambda sent, cues: between_phrase_taken_for_a_conjunct(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_BETWEEN_IDS) and (_ACL_ID, VERB) in w.labelled,
     lambda sent, cues: between_phrase_on_the_conduct_participle(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_BETWEEN_IDS) and not w.dep.isdisjoint(_SUBJECT_LINK_IDS),
     lambda sent, cues: between_phrase_on_the_verb(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_BETWEEN_IDS) and VERB in w.pos,
     lambda sent, cues: between_phrase_after_a_noun_of_the_verb(sent)),
    (lambda w: w.fr and not w.lower.isdisjoint(_DES_DU_IDS) and VERB in w.pos,
     lambda sent, cues: object_hung_on_oblique_name_or_time(sent)),
    (lambda w: w.fr and (_XCOMP_ID, VERB) in w.labelled and (_XCOMP_ID, VERB) in w.hung,
     lambda sent, cues: infinitive_of_a_decision_noun(sent)),
    (lambda w: w.fr and _COMMA_ID in w.lower and (_CONJ_ID, NOUN) in w.hung,
     lambda sent, cues: subject_taken_by_fronted_phrase(sent)),
    (lambda w: w.fr and (((_APPOS_ID, NOUN) in w.labelled and (_APPOS_ID, PROPN) in w.hung)
                         or (_NMOD_ID, NOUN) in w.labelled),
     lambda sent, cues: object_taken_as_apposition_of_a_place(sent)),
) + PARTY_NAME_REPAIRS


class _OtherLanguage:
    """The words of a sentence in another language than French, of which a precondition may
    read nothing but ``fr`` (any other attribute raises)."""

    fr = False

    def __getattr__(self, name: str) -> object:
        raise AttributeError(name)


def _french_only(precondition: Callable[[_Words], bool]) -> bool:
    """Whether ``precondition`` is false for every sentence not in French: false after reading
    only ``fr`` (``lambda w: w.fr and …``)."""
    try:
        return precondition(_OtherLanguage()) is False  # type: ignore[arg-type]
    except AttributeError:
        return False


#: the rows of :data:`_REPAIRS` that may run on a sentence not in French, in the same order
#: (the others' preconditions are false there: no need to ask them)
_REPAIRS_NOT_FRENCH_ONLY = tuple(row for row in _REPAIRS if not _french_only(row[0]))
#: whether the full table ends with French-only rows (after the last of the rows above)
_FRENCH_ONLY_AT_END = _french_only(_REPAIRS[-1][0])
