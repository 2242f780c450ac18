"""Language identification of an article.

tocsin codes French and English (:data:`SUPPORTED`). The detector also knows
a handful of languages often met in news feeds, so that a German or Russian
text is reported as such (and then refused by the caller as unsupported)
instead of being forced into French or English.

The lingua detector is built once per process, restricted to those languages
and in low-accuracy mode (trigram models only: about 30 MB instead of about
300 MB, and much faster). Low accuracy matters only for very short texts,
which get no answer anyway: :func:`detect_language` returns ``None`` for a
text with fewer than :data:`MIN_LETTERS` letters or when the best language's
confidence is below :data:`MIN_CONFIDENCE`.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

__all__ = ["DETECTED", "MAX_CHARS", "MIN_CONFIDENCE", "MIN_LETTERS", "SUPPORTED", "detect_language"]

#: Languages tocsin codes (ISO 639-1).
SUPPORTED = ("en", "fr")

#: Languages the detector chooses from (ISO 639-1).
DETECTED = ("en", "fr", "de", "es", "it", "pt", "ru", "ar", "zh", "uk", "nl", "tr")

#: Only the start of a text is looked at: enough to decide, and cheap.
MAX_CHARS = 2_000
#: Texts with fewer letters than this get no answer.
MIN_LETTERS = 10
#: Below this confidence (0–1) of the best language there is no answer.
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    codes = [IsoCode639_1.from_str(code) for code in DETECTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def _head(text: str) -> str:
    """The first :data:`MAX_CHARS` characters, cut at a space when there is one."""
    if len(text) <= MAX_CHARS:
        return text
    head = text[:MAX_CHARS]
    cut = head.rfind(" ")
    return head[:cut] if cut > MAX_CHARS // 2 else head


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or ``None`` when unclear.

    The answer is one of :data:`DETECTED`; only :data:`SUPPORTED` languages
    are coded by tocsin.
    """
    head = _head(text)
    if sum(ch.isalpha() for ch in head) < MIN_LETTERS:
        return None
    values = _detector().compute_language_confidence_values(head)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()
