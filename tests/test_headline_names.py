"""Title Case lines keep the capitalised words of names the knowledge base knows whole."""

from __future__ import annotations

from tocsin.nlp.headline import sentence_case

NAMES = {"Poutine", "Kim Jong Un", "Vladimir Poutine"}


def is_name(word: str) -> bool:
    return word in NAMES


def test_words_of_a_known_name_stay_capitalised() -> None:
    assert sentence_case("Kim Jong Un a rencontré Vladimir Poutine.", is_name) == (
        "Kim Jong Un a rencontré Vladimir Poutine.")


def test_other_capitalised_words_are_lowered() -> None:
    assert sentence_case("Kim Jong Un Reçoit Le Président Russe", is_name) == "Kim Jong Un reçoit le président russe"


def test_a_line_in_sentence_case_is_left_alone() -> None:
    text = "Le président russe a reçu mardi son homologue."
    assert sentence_case(text, is_name) == text
