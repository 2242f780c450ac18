"""Texts the speed-shortcut tests run the plain and the fast computations on: sentences of the
bundled sample and of the gold corpus (held-out items left out), and date phrases."""

from __future__ import annotations


def texts_by_language() -> dict[str, list[str]]:
    """The French and English texts of :func:`date_texts`, by language."""
    by_lang: dict[str, list[str]] = {}
    for text, lang in date_texts():
        if lang in ("fr", "en"):
            by_lang.setdefault(lang, []).append(text)
    return by_lang


def date_texts() -> list[tuple[str, str]]:
    """Sentences of the bundled sample and gold texts, and date phrases in every form
    the patterns know, in both languages and several cases."""
    import json
    from pathlib import Path

    from tocsin.nlp.segment import split_sentences

    root = Path(__file__).resolve().parent
    texts: list[tuple[str, str]] = []
    files = [*sorted((root / "gold").glob("*.jsonl")),
             *sorted((root.parent / "src" / "tocsin" / "data" / "sample").glob("*.jsonl"))]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if item.get("split") == "test":
                continue  # held out
            text, lang = item.get("text") or "", item.get("language") or path.stem[:2]
            texts.extend((text[s.start:s.end], lang) for s in split_sentences(text))
    phrases = {
        "fr": ["le 3 mars 2024", "du 1er au 3 février", "le premier avril", "2024-03-05", "05/03/2024",
               "lundi dernier", "ce mardi", "avant-hier", "après demain", "aujourd’hui", "hier soir",
               "la semaine dernière", "cette semaine-ci", "le mois prochain", "ce mois-ci",
               "l'année dernière", "l’an passé", "cette année", "en mars", "début février 2023",
               "au mois d'août", "mi-juillet", "en 2022", "fin 2021", "depuis 2014", "DEMAIN", "LUNDI",
               "Mars", "courant décembre dernier", "DERNIÈRE", "rien de daté ici"],
        "en": ["on March 3, 2024", "the 3rd of March", "March 3rd-5th", "2024-03-05", "last Monday",
               "on Tuesday", "MONDAY", "monday", "yesterday", "the day before yesterday", "last night",
               "Tonight", "last week", "this month", "next year", "earlier this year", "in March",
               "early February 2023", "the end of May", "in 2022", "mid-2021", "March's budget",
               "nothing dated here", "TODAY", "Week"],
    }
    for lang, items in phrases.items():
        texts.extend((f"Il a parlé {p}." if lang == "fr" else f"He spoke {p}.", lang) for p in items)
        texts.extend((p, lang) for p in items)
    return texts
