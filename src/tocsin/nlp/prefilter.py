"""A cheap sentence pre-filter: skip sentences that cannot hold an event before parsing.

Parsing is most of tocsin's cost, and most news sentences (sport, weather,
markets, statistics) hold no political event. An event needs a predicate trigger
from the lexicon (``lang/<iso>/predicates.tsv``) and at least one actor the coder
can resolve, so a sentence is parsed only when it has

(a) a **predicate cue**: a word that may be an inflected form of a lexicon lemma
    (verbs and event nouns). Each lemma gives word-form stems — ``rencontrer`` →
    ``rencontr``, ``accuse`` → ``accus``, ``deny`` → ``den``… — plus listed
    irregular forms (``tenir`` → ``tien``/``tinr``, ``meet`` → ``met``,
    ``withdraw`` → ``withdrew``/``withdrawn``); a word matches when it starts with
    a stem (stems of three letters or fewer match whole inflected forms only).
    A lemma whose every lexicon entry needs a given object (``signer`` +
    ``accord``, ``lift`` + ``sanction``) counts only when one of those objects
    is in the sentence too; and
(b) an **actor cue**: a knowledge-base alias of any kind (country, capital,
    adjective, person, organisation, sector word — on the base's own folded
    tokens and case rules), a coreference pronoun or pair phrase from
    ``lang/<iso>/cues.json``, or a capitalised word that is not the first word
    of the sentence (a possible unknown or misspelt name; the first word counts
    unless it is a common sentence opener).

A reporting verb with a report-back subject ("Cela a été confirmé par…",
"This was reported by…") is kept as well: it can date or attribute the events
of the sentence before it.

The test is generous on purpose: it only has to throw away filler, never an
event. Everything is built once per language and matched in one pass over the
sentence's folded tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from threading import Lock

from tocsin.actors.kb import CASE_ANY, CASE_CAPITAL, CASE_UPPER, KnowledgeBase
from tocsin.actors.text import ARTICLES, fold
from tocsin.lang import NAME_OBJECT, LanguageData

__all__ = ["IRREGULAR_FORMS", "Prefilter", "SentenceTest", "stems_for"]

#: ``(text) -> bool``: may this sentence hold an event?
SentenceTest = Callable[[str], bool]

#: Irregular word forms (folded) of frequent verbs and nouns, by language and lemma.
#: Forms of four letters or more are prefixes; shorter ones whole forms (inflected).
IRREGULAR_FORMS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "fr": {
        "tenir": ("tien", "tinr", "tint", "ten"),
        "venir": ("vien", "vinr", "vint", "ven"),
        "prendre": ("prend", "prenn", "pren", "pri", "prir"),
        "mettre": ("met", "mis", "mirent"),
        "battre": ("bat",),
        "recevoir": ("recev", "recoi", "recu"),
        "voir": ("voi", "voy", "vu", "vi", "verr"),
        "conquerir": ("conquer", "conqui", "conquier"),
        "requerir": ("requer", "requi", "requier"),
        "offrir": ("offr", "offert"),
        "ouvrir": ("ouvr", "ouvert"),
        "couvrir": ("couvr", "couvert"),
        "envoyer": ("envoi", "enverr"),
        "dire": ("di", "dis", "dit"),
        "faire": ("fai", "fais", "fit", "fer", "fon"),
        "satisfaire": ("satisf",),
        "dissoudre": ("disso", "dissol"),
        "poursuivre": ("poursui",),
        "suivre": ("sui", "suiv"),
        "ecrire": ("ecri", "ecriv"),
        "reconnaitre": ("reconn",),
        "connaitre": ("conn",),
        "rompre": ("romp",),
        "interrompre": ("interromp",),
        "acquerir": ("acquer", "acqui", "acquier"),
        "joindre": ("joint", "joign"),
    },
    "en": {
        "meet": ("met",), "hold": ("held",), "strike": ("struck", "stricken"),
        "seek": ("sought",), "fight": ("fought",), "lead": ("led",),
        "withdraw": ("withdrew", "withdrawn"), "sell": ("sold",), "send": ("sent",),
        "bring": ("brought",), "give": ("gave", "given"), "take": ("took", "taken"),
        "begin": ("began", "begun"), "shoot": ("shot",), "break": ("broke", "broken"),
        "beat": ("beaten",), "forgive": ("forgave", "forgiven"), "freeze": ("froze", "frozen"),
        "lend": ("lent",), "speak": ("spoke", "spoken"), "stand": ("stood",),
        "find": ("found",), "buy": ("bought",), "catch": ("caught",), "tell": ("told",),
        "say": ("said",), "think": ("thought",), "swear": ("swore", "sworn"),
        "steal": ("stole", "stolen"), "drive": ("drove", "driven"), "fly": ("flew", "flown"),
        "rise": ("rose", "risen"), "shake": ("shook", "shaken"), "win": ("won",),
        "run": ("ran",), "throw": ("threw", "thrown"), "overthrow": ("overthrew", "overthrown"),
        "hide": ("hid", "hidden"), "keep": ("kept",), "leave": ("left",), "lose": ("lost",),
        "deal": ("dealt",), "build": ("built",), "choose": ("chose", "chosen"),
        "forbid": ("forbade", "forbidden"), "undertake": ("undertook", "undertaken"),
        "withhold": ("withheld",), "uphold": ("upheld",), "write": ("wrote", "written"),
        "tie": ("tying",),
        "man": ("men",), "woman": ("women",), "person": ("people",), "child": ("children",),
        "sit": ("sat",),
        "sink": ("sank", "sunk"),
        "slay": ("slew", "slain"),
        "lay": ("laid",),
        "go": ("went", "gone"),
        "blow": ("blew", "blown"),
    },
}

#: Endings that make whole inflected forms of a short stem (folded, per language).
_SUFFIXES: Mapping[str, tuple[str, ...]] = {
    "fr": ("", "e", "es", "ent", "er", "ons", "ez", "ee", "ees", "ais", "ait", "aient", "ant", "a",
           "as", "ai", "erent", "era", "eras", "erons", "erez", "eront", "erai", "erais", "erait",
           "eraient", "ions", "iez", "s", "x", "t", "u", "ue", "us", "ues", "is", "it", "ir", "re",
           "issent", "issant", "isse", "i", "ie", "ies", "se", "ses", "rent", "ssent", "sent"),
    "en": ("", "s", "es", "ed", "d", "ing", "er", "ers", "en", "y", "ies", "ied", "ying"),
}

#: Words that begin with a predicate stem but are no form of its lemma (folded): "according to"
#: opens a source, never an accord.
_NOT_FORMS: Mapping[str, frozenset[str]] = {
    "en": frozenset({"according", "accordingly"}),
}

#: First words that are not names (sentence openers), folded.
_OPENERS = frozenset(
    "le la les l un une des de du d au aux ce cet cette ces il ils elle elles on nous vous je "
    "en dans sur pour par selon apres avant depuis pendant lors mais et ou donc or ni car si "
    "quand alors ainsi aussi enfin puis c qu que qui tout tous toute toutes plus moins pres "
    "deja cela ceci ca a son sa ses leur leurs notre votre mon ma mes y "
    "the a an this that these those it its he she they we i you there here in on at by for "
    "from with after before since during as but and or so yet if when while although though "
    "meanwhile however also then still of to his her their our my no not one some many most "
    "more less all both each every other such what which who".split()
)
#: Capitalised words that are never names (English months and weekdays), folded.
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday i".split()
)
#: Function words never used as the stem of a hyphenated lemma.
_PARTS_SKIP = frozenset("le la les de du des en a l d au aux sous sur the of in on".split())

_TOKEN = re.compile(r"[^\W_]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss"})
_COMBINING = re.compile(r"[\u0300-\u036f]+")


def _plain(text: str) -> str:
    """``text`` without accents or ligatures, case kept (tokens then fold like the KB's)."""
    text = text.translate(_LIGATURES)
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _head_part(lemma: str) -> str:
    """The word of a hyphenated lemma to match on (``cessez-le-feu`` → ``cessez``)."""
    parts = [p for p in _TOKEN.findall(fold(lemma)) if p not in _PARTS_SKIP]
    if not parts:
        return fold(lemma)
    return max(parts, key=len)


def stems_for(lemma: str, pos: str, lang: str) -> dict[str, bool]:
    """Word-form stems (folded) that inflected forms of ``lemma`` start with.

    The value says whether the stem is itself a word form (``met``, ``tir``) or
    only a stem (``rencontr``, ``tu`` of ``tuer``).
    """
    word = _head_part(lemma)
    irregular = IRREGULAR_FORMS.get(lang, {})
    out: dict[str, bool] = {word: True}

    def stem(s: str) -> None:
        if s and s not in out:
            out[s] = False

    if lang == "fr":
        if pos == "VERB":
            if word.endswith("er"):
                stem(word[:-2])
                if word[:-2].endswith(("oy", "uy", "ay")):
                    stem(word[:-3] + "i")  # emploie, appuie, paie
            elif word.endswith("oir"):
                stem(word[:-3])
            elif word.endswith("ir"):
                stem(word[:-2])
                if word.endswith("ntir"):
                    stem(word[:-3])  # consentir → consens
            elif word.endswith("re"):
                stem(word[:-2])
                if word.endswith("ttre"):
                    stem(word[:-3])  # battre → bat
                elif word.endswith("ndre") and word[-5:-4] in ("i", "o"):
                    stem(word[:-4])  # contraindre → contrai(gn|nt), dissoudre → disso
                elif word.endswith("aitre"):
                    stem(word[:-5])  # reconnaitre → reconn
                elif word.endswith("vre"):
                    stem(word[:-3])  # poursuivre → poursui(t)
        elif word.endswith("al"):
            out.setdefault(word[:-2] + "aux", True)
        elif word.endswith("eu"):
            out.setdefault(word + "x", True)
    else:
        if word.endswith("e"):
            stem(word[:-1])  # accuse → accus(ed|ing)
        if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
            stem(word[:-1])  # deny → den(ied|ies), inquiry → inquir(ies)
    # an irregular form is a word of its own even when a stem above has the same letters
    # ("met" of "mettre", "bat" of "battre": "Moscou met en garde Varsovie")
    for form in irregular.get(word, ()):
        out[form] = True
    if pos == "VERB":
        # verbs built on an irregular one: détenir, soutenir, remettre, combattre, forgive…
        for base, forms in irregular.items():
            if word != base and word.endswith(base) and len(base) >= 4:
                for form in forms:
                    out[word[: -len(base)] + form] = True
    return out


@dataclass(frozen=True, slots=True)
class _Cue:
    """What a word-form stem signals."""

    #: a trigger with no object condition
    trigger: bool = False
    #: object stems one of which must be present for this trigger
    needs: frozenset[str] = frozenset()
    #: the object stem this is (for conditional triggers)
    provides: str | None = None
    #: a reporting verb (report-back sentences)
    reporting: bool = False

    def merge(self, other: _Cue) -> _Cue:
        return _Cue(self.trigger or other.trigger, self.needs | other.needs,
                    self.provides or other.provides, self.reporting or other.reporting)


@dataclass(frozen=True, slots=True)
class _LanguageIndex:
    """The per-language tables of the pre-filter."""

    prefix_cues: Mapping[str, _Cue]
    prefix_lengths: tuple[int, ...]
    exact_cues: Mapping[str, _Cue]
    #: actor keys (folded token tuples) → weakest case rule among its entries
    actor_keys: Mapping[tuple[str, ...], int]
    actor_prefixes: frozenset[tuple[str, ...]]
    max_actor_tokens: int
    report_back_subjects: frozenset[str]
    #: words that look like forms of a lemma and are none
    not_forms: frozenset[str] = frozenset()


class Prefilter:
    """Per-language sentence tests built from the lexicons and the knowledge base.

    ``require_actor=False`` keeps every sentence with a predicate cue (for runs that
    keep events with unresolved actors).
    """

    def __init__(self, languages: Mapping[str, LanguageData], kb: KnowledgeBase, *,
                 require_actor: bool = True) -> None:
        self._languages = dict(languages)
        self._kb = kb
        self._require_actor = require_actor
        self._tests: dict[str, SentenceTest] = {}
        self._indexes: dict[str, _LanguageIndex] = {}
        self._lock = Lock()

    def for_language(self, lang: str) -> SentenceTest:
        """The test for sentences in ``lang`` (built on first use, then cached)."""
        with self._lock:
            test = self._tests.get(lang)
            if test is None:
                index = self._build(lang)
                self._indexes[lang] = index
                test = self._make_test(index)
                self._tests[lang] = test
            return test

    def keep(self, text: str, lang: str) -> bool:
        """Whether the sentence ``text`` in ``lang`` may hold an event."""
        return self.for_language(lang)(text)

    # ------------------------------------------------------------------ building
    def _build(self, lang: str) -> _LanguageIndex:
        data = self._languages[lang]
        prefix: dict[str, _Cue] = {}
        exact: dict[str, _Cue] = {}
        suffixes = _SUFFIXES.get(lang, ("",))

        def add(stems: Mapping[str, bool], cue: _Cue) -> None:
            for stem, whole in stems.items():
                if len(stem) >= 4:
                    prefix[stem] = prefix[stem].merge(cue) if stem in prefix else cue
                    continue
                forms = {stem + s for s in suffixes if s or whole}
                forms.update(stem + stem[-1] + s for s in suffixes if s and stem[-1] not in "aeiouy")
                for form in forms:
                    exact[form] = exact[form].merge(cue) if form in exact else cue

        by_lemma: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        for pred in data.predicates:
            by_lemma.setdefault((pred.lemma, pred.pos), []).append(pred.object)
        conditional: dict[str, set[str]] = {}
        plain: set[tuple[str, str]] = set()
        for (lemma, pos), objects in by_lemma.items():
            # (an object met by a proper name, NAME_OBJECT, is spelt by no word: no condition)
            if all(objects) and not any(NAME_OBJECT in obj for obj in objects):
                conditional.setdefault(lemma, set()).update(o for obj in objects for o in obj)
            else:
                plain.add((lemma, pos))
        plain_lemmas = {lemma for lemma, _ in plain}
        for lemma, pos in plain:
            add(stems_for(lemma, pos, lang), _Cue(trigger=True))
        for (lemma, pos), _objects in by_lemma.items():
            if lemma in plain_lemmas or lemma not in conditional:
                continue
            needs: set[str] = set()
            for obj in sorted(conditional[lemma]):
                obj_stems = stems_for(obj, "NOUN", lang)
                needs.update(obj_stems)
                for s, whole in obj_stems.items():
                    add({s: whole}, _Cue(provides=s))
            add(stems_for(lemma, pos, lang), _Cue(needs=frozenset(needs)))

        cues = data.cues
        for verb in cues.get("reporting_verbs", ()):
            if " " not in verb:
                add(stems_for(verb, "VERB", lang), _Cue(reporting=True))

        actor_keys: dict[tuple[str, ...], int] = {}
        for key, entries in self._kb.index.items():
            cases = [e.case for e in entries
                     if e.kind != "blocker" and (not e.lang or e.lang == lang)]
            if cases:
                actor_keys[key] = min(cases)
        for name in ("pronouns_singular", "pronouns_plural", "pair_phrases"):
            for phrase in cues.get(name, ()):
                key = tuple(_TOKEN.findall(fold(phrase)))
                if len(key) > 1 and key[0] in ARTICLES:
                    key = key[1:]
                if key:
                    actor_keys[key] = CASE_ANY
        prefixes = frozenset(k[:i] for k in actor_keys for i in range(1, len(k)))
        return _LanguageIndex(
            prefix_cues=prefix,
            prefix_lengths=tuple(sorted({len(s) for s in prefix})),
            exact_cues=exact,
            actor_keys=actor_keys,
            actor_prefixes=prefixes,
            max_actor_tokens=max((len(k) for k in actor_keys), default=1),
            report_back_subjects=frozenset(fold(w) for w in cues.get("report_back_subjects", ())),
            not_forms=_NOT_FORMS.get(lang, frozenset()),
        )

    # ------------------------------------------------------------------ matching
    def _make_test(self, ix: _LanguageIndex) -> SentenceTest:
        require_actor = self._require_actor
        prefix_cues, lengths, exact_cues = ix.prefix_cues, ix.prefix_lengths, ix.exact_cues
        actor_keys, actor_prefixes, max_len = ix.actor_keys, ix.actor_prefixes, ix.max_actor_tokens
        rb_subjects = ix.report_back_subjects
        not_forms = ix.not_forms
        token_re = _TOKEN

        def actor_at(raw: list[str], norm: list[str], i: int, relaxed: bool) -> bool:
            key: tuple[str, ...] = ()
            for j in range(i, min(len(norm), i + max_len)):
                key = (*key, norm[j])
                case = actor_keys.get(key)
                if case == CASE_ANY:
                    return True
                if case == CASE_CAPITAL and (relaxed or raw[i][:1].isupper()):
                    return True
                if case == CASE_UPPER and all(t.isupper() for t in raw[i:j + 1]):
                    return True
                if key not in actor_prefixes:
                    return False
            return False

        def test(text: str) -> bool:
            raw = token_re.findall(_plain(text))
            if not raw:
                return False
            norm = [t.casefold() for t in raw]
            relaxed = text == text.lower()
            trigger = reporting = rb_subject = False
            actor = not require_actor
            needs: set[str] = set()
            provided: set[str] = set()
            for i, tok in enumerate(norm):
                if not trigger and tok not in not_forms:
                    cue = exact_cues.get(tok)
                    if cue is not None:
                        trigger = cue.trigger
                        reporting = reporting or cue.reporting
                        needs.update(cue.needs)
                        if cue.provides:
                            provided.add(cue.provides)
                    n = len(tok)
                    for length in lengths:
                        if length > n:
                            break
                        cue = prefix_cues.get(tok[:length])
                        if cue is None:
                            continue
                        if cue.trigger:
                            trigger = True
                        reporting = reporting or cue.reporting
                        if cue.needs:
                            needs.update(cue.needs)
                        if cue.provides:
                            provided.add(cue.provides)
                    if tok in rb_subjects:
                        rb_subject = True
                if not actor:
                    first = raw[i][:1]
                    if first.isupper() and len(tok) > 1 and tok not in _NOT_NAMES and (i > 0 or tok not in _OPENERS):
                        actor = True
                    elif (tok,) in actor_keys or (tok,) in actor_prefixes:
                        actor = actor_at(raw, norm, i, relaxed)
                if trigger and actor:
                    return True
            if reporting and rb_subject:
                return True  # may date or attribute the events of the sentence before
            return actor and bool(needs & provided)

        return test
