"""The rule-based sentence splitter that runs before parsing."""

from tocsin.nlp.segment import MAX_SENTENCE_CHARS, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_headline_without_full_stop_stands_alone() -> None:
    text = "Poutine reçoit le ministre chinois\nLe président russe a reçu mardi son invité."
    assert texts(text) == ["Poutine reçoit le ministre chinois", "Le président russe a reçu mardi son invité."]


def test_sentences_split_on_final_punctuation() -> None:
    assert texts("Ils se sont rencontrés. Rien n'a filtré ! Et ensuite ?") == [
        "Ils se sont rencontrés.", "Rien n'a filtré !", "Et ensuite ?"]


def test_initials_and_abbreviations_do_not_split() -> None:
    assert texts("Le président V. Poutine a reçu M. Xi. Ils ont parlé.") == [
        "Le président V. Poutine a reçu M. Xi.", "Ils ont parlé."]
    assert texts("U.S. officials met Mr. Wang in Beijing. Talks ended.") == [
        "U.S. officials met Mr. Wang in Beijing.", "Talks ended."]


def test_offsets_point_into_the_text_and_blank_lines_are_skipped() -> None:
    text = "  Titre\n\n\nPremière phrase. Deuxième phrase.  \n"
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == ["Titre", "Première phrase.", "Deuxième phrase."]


def test_very_long_run_is_cut_into_bounded_pieces() -> None:
    text = "mot " * 2000
    pieces = texts(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n \n") == []
