"""Reading inputs: every bad input is reported and the batch goes on."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from tocsin.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedRecordError,
)
from tocsin.ingest import decode_bytes, parse_article, read_inputs
from tocsin.ingest.readers import parse_date
from tocsin.records import Article, InputProblem

PUB = date(2023, 4, 20)
FRENCH = "La Russie et la Chine ont signé un accord de défense à Moscou.\n"


def articles(items: list[Article | InputProblem]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def problems(items: list[Article | InputProblem]) -> list[InputProblem]:
    return [i for i in items if isinstance(i, InputProblem)]


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- decode_bytes


def test_decode_utf8_with_bom_crlf_and_nfc() -> None:
    data = "\ufeffLa de\u0301fense\r\nsuite\rfin".encode()
    assert decode_bytes(data, "a.txt") == "La défense\nsuite\nfin"


def test_decode_cp1252_french() -> None:
    data = "Le ministère de la défense a réagi : « c’est inacceptable ».".encode("cp1252")
    assert decode_bytes(data, "a.txt") == "Le ministère de la défense a réagi : « c’est inacceptable »."
    assert decode_bytes("défense".encode("cp1252"), "a.txt") == "défense"


def test_decode_utf16_with_and_without_bom() -> None:
    assert decode_bytes(FRENCH.encode("utf-16"), "a.txt") == FRENCH
    assert decode_bytes(FRENCH.encode("utf-16-le"), "a.txt") == FRENCH


def test_decode_other_single_byte_encoding() -> None:
    text = "Президент России заявил сегодня о новых переговорах с Китаем."
    assert decode_bytes(text.encode("cp1251"), "ru.txt") == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff".encode()])
def test_decode_empty(data: bytes) -> None:
    with pytest.raises(EmptyInputError) as info:
        decode_bytes(data, "empty.txt")
    assert info.value.code == "E101" and info.value.source == "empty.txt"


@pytest.mark.parametrize(("data", "kind"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    (b"\x7fELF\x02\x01\x01", "ELF"),
    (b"text then \x00\x00\x01\x02 binary", "NUL"),
    (bytes(range(1, 9)) * 50 + b"some text", "control bytes"),
])
def test_decode_binary(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryInputError) as info:
        decode_bytes(data, "x.bin")
    assert info.value.code == "E102"
    assert "looks like a binary file" in info.value.message and kind in info.value.message


def test_decode_undetectable_bytes() -> None:
    # High bytes only, several of them undefined in Windows-1252: no encoding
    # reads them as text, so the input is refused rather than guessed.
    with pytest.raises(EncodingError) as info:
        decode_bytes(bytes(range(0x80, 0x100)) * 10, "odd.txt")
    assert info.value.code == "E103" and "odd.txt" in info.value.message


# --------------------------------------------------------------------------- text files


def test_text_file_is_one_article(tmp_path: Path) -> None:
    text = "Titre court\nLe corps de l'article.\n"
    path = write(tmp_path / "a.txt", text)
    [article] = list(read_inputs([path], published=PUB, language="fr"))
    assert isinstance(article, Article)
    assert article.text == text and article.title is None
    assert article.id == Article.make_id(text)
    assert (article.published, article.language, article.origin) == (PUB, "fr", str(path))


def test_bad_files_reported_and_batch_goes_on(tmp_path: Path) -> None:
    paths = [
        write(tmp_path / "empty.txt", b""),
        write(tmp_path / "blank.txt", b"  \n \n"),
        write(tmp_path / "nul.txt", b"abc\x00\x00def\x00"),
        write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        write(tmp_path / "odd.txt", bytes(range(0x80, 0x100)) * 4),
        tmp_path / "missing.txt",
        write(tmp_path / "cp1252.txt", FRENCH.encode("cp1252")),
        write(tmp_path / "good.md", "# Titre\n\nUn texte.\n"),
    ]
    items = list(read_inputs(paths))
    assert [type(i).__name__ for i in items] == ["InputProblem"] * 6 + ["Article"] * 2
    codes = [(Path(p.source).name, p.code) for p in problems(items)]
    assert codes == [("empty.txt", "E101"), ("blank.txt", "E101"), ("nul.txt", "E102"),
                     ("image.txt", "E102"), ("odd.txt", "E103"), ("missing.txt", "E100")]
    assert "PNG" in problems(items)[3].message
    assert "no such file" in problems(items)[5].message
    assert articles(items)[0].text == FRENCH
    assert "défense" in articles(items)[0].text


def test_large_text_file_is_read(tmp_path: Path) -> None:
    body = ("Le Conseil de sécurité s'est réuni d'urgence à New York. " * 90_000)
    path = write(tmp_path / "big.txt", body)
    assert path.stat().st_size > 5_000_000
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article) and article.text == body


def test_file_over_the_limit_is_reported(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", "x" * 2_000)
    small = write(tmp_path / "small.txt", "Un petit texte.")
    items = list(read_inputs([big, small], max_bytes=1_000))
    assert isinstance(items[0], InputProblem)
    assert items[0].message == "file too large: 2000 bytes; limit 1000"
    assert items[0].code == InputError.code
    assert isinstance(items[1], Article)


# --------------------------------------------------------------------------- JSON lines


def test_jsonl_malformed_lines_reported_with_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Premier article.", "published": "2023-04-19"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a4", "title": "no text"}),
        json.dumps({"id": "a5", "text": 42}),
        json.dumps({"id": "a6", "text": "   "}),
        json.dumps({"id": "a7", "text": "Date invalide.", "published": "19/04/2023"}),
        json.dumps({"id": "a8", "text": "Autre date.", "date": "yesterday"}),
        json.dumps({"id": 9, "text": "Dernier article.", "language": "EN"}),
        "   ",
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs([path], published=PUB, language="fr"))
    good = articles(items)
    assert [a.id for a in good] == ["a1", "9"]
    assert good[0].published == date(2023, 4, 19) and good[0].language == "fr"
    assert good[1].published == PUB and good[1].language == "en"
    assert good[0].origin == f"{path}:1" and good[1].origin == f"{path}:10"
    bad = problems(items)
    assert [(p.line, p.code) for p in bad] == [
        (2, "E104"), (4, "E104"), (5, "E104"), (6, "E104"), (7, "E104"), (8, "E104"), (9, "E104"),
    ]
    assert all(p.source == str(path) for p in bad)
    assert "invalid JSON" in bad[0].message
    assert "JSON object" in bad[1].message
    assert "field 'text' is missing" in bad[2].message
    assert "field 'text'" in bad[3].message and "string" in bad[3].message
    assert "field 'text' is empty" in bad[4].message
    assert "field 'published'" in bad[5].message
    assert "field 'date'" in bad[6].message
    assert bad[5].article_id == "a7"
    assert str(bad[0]) == f"{path}:2: {bad[0].message} [E104]"


def test_jsonl_date_alias_defaults_and_derived_ids(tmp_path: Path) -> None:
    lines = [
        {"text": "Sans date ni id.", "url": "https://example.org/a"},
        {"text": "Avec date.", "date": "2022-02-24T05:00:00Z"},
        {"text": "Publié.", "published": "2021-01-06 10:00", "date": "1999-01-01"},
        {"text": "Tout.", "id": "x", "title": "T", "outlet": "AFP", "language": "fr-FR",
         "split": "dev", "tags": ["ignored"]},
    ]
    path = write(tmp_path / "b.ndjson", "".join(json.dumps(d) + "\n" for d in lines))
    a, b, c, d = list(read_inputs([path], published=PUB))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert isinstance(c, Article) and isinstance(d, Article)
    assert a.published == PUB and a.id == Article.make_id(a.text, "https://example.org/a")
    assert b.published == date(2022, 2, 24) and b.id == Article.make_id("Avec date.")
    assert c.published == date(2021, 1, 6)
    assert (d.id, d.title, d.outlet, d.language) == ("x", "T", "AFP", "fr")


def test_json_list_file(tmp_path: Path) -> None:
    data = [{"id": "j1", "text": "Un."}, {"id": "j2"}, {"id": "j3", "text": "Trois."}]
    path = write(tmp_path / "list.json", json.dumps(data, indent=2))
    items = list(read_inputs([path]))
    assert [a.id for a in articles(items)] == ["j1", "j3"]
    [bad] = problems(items)
    assert bad.code == "E104" and "item [1]" in bad.message and bad.article_id == "j2"


# --------------------------------------------------------------------------- folders


def test_folder_walk_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Texte B.")
    write(tmp_path / "a.md", "Texte A.")
    write(tmp_path / ".hidden.txt", "caché")
    write(tmp_path / "notes.csv", "not,read")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "c.jsonl", json.dumps({"id": "c", "text": "Texte C."}) + "\n")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "d.txt", "caché")
    items = list(read_inputs([tmp_path]))
    assert [a.text for a in articles(items)] == ["Texte A.", "Texte B.", "Texte C."]
    assert problems(items) == []


def test_folder_with_unreadable_file_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, where chmod 000 does not stop reading: make the
    # open itself fail as it would for another user.
    write(tmp_path / "a.txt", "Lisible A.")
    locked = write(tmp_path / "b.txt", "Illisible.")
    write(tmp_path / "c.txt", "Lisible C.")
    real_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded_open)
    items = list(read_inputs([tmp_path]))
    assert [a.text for a in articles(items)] == ["Lisible A.", "Lisible C."]
    [bad] = problems(items)
    assert bad.source == str(locked) and "permission denied" in bad.message
    assert bad.code == "E100"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_folder_with_chmod_000_file(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Lisible A.")
    locked = write(tmp_path / "b.txt", "Illisible.")
    locked.chmod(0)
    try:
        items = list(read_inputs([tmp_path]))
    finally:
        locked.chmod(0o644)
    assert [a.text for a in articles(items)] == ["Lisible A."]
    assert "permission denied" in problems(items)[0].message


def test_folder_with_broken_link_and_fifo(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Lisible A.")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "c.txt")
    write(tmp_path / "d.txt", "Lisible D.")
    items = list(read_inputs([tmp_path]))  # must not block on the pipe
    assert [a.text for a in articles(items)] == ["Lisible A.", "Lisible D."]
    bad = problems(items)
    assert Path(bad[0].source).name == "b.txt" and "broken symbolic link" in bad[0].message
    if hasattr(os, "mkfifo"):
        assert Path(bad[1].source).name == "c.txt" and "not a regular file" in bad[1].message


# --------------------------------------------------------------------------- stdin


def test_stdin_text() -> None:
    stdin = io.StringIO("Hier, Moscou a annoncé des manœuvres.\r\nSuite.")
    [article] = list(read_inputs(["-"], stdin=stdin, published=PUB, language="fr"))
    assert isinstance(article, Article)
    assert article.text == "Hier, Moscou a annoncé des manœuvres.\nSuite."
    assert (article.origin, article.published, article.language) == ("-", PUB, "fr")


def test_stdin_bytes_cp1252() -> None:
    stdin = io.BytesIO(FRENCH.encode("cp1252"))
    [article] = list(read_inputs(["-"], stdin=stdin))
    assert isinstance(article, Article) and article.text == FRENCH


def test_stdin_jsonl() -> None:
    data = "\n" + json.dumps({"id": "s1", "text": "Un."}) + "\nnot json\n" + \
        json.dumps({"id": "s2", "text": "Deux.", "date": "2023-01-02"}) + "\n"
    items = list(read_inputs(["-"], stdin=io.BytesIO(data.encode())))
    assert [a.id for a in articles(items)] == ["s1", "s2"]
    assert articles(items)[1].published == date(2023, 1, 2)
    assert articles(items)[0].origin == "-:2"
    [bad] = problems(items)
    assert (bad.source, bad.line, bad.code) == ("-", 3, "E104")


def test_stdin_empty_then_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Texte.")
    items = list(read_inputs(["-", path], stdin=io.StringIO("  \n")))
    assert isinstance(items[0], InputProblem) and items[0].code == "E101"
    assert items[0].source == "-"
    assert isinstance(items[1], Article)


def test_default_stdin_is_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Texte depuis stdin."))
    [article] = list(read_inputs(["-"]))
    assert isinstance(article, Article) and article.text == "Texte depuis stdin."


# --------------------------------------------------------------------------- records


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-04-20", date(2023, 4, 20)),
    ("2023-04-20T10:00:00Z", date(2023, 4, 20)),
    ("2023-04-20T23:30:00-05:00", date(2023, 4, 20)),
    ("2023-04-20 10:00", date(2023, 4, 20)),
    (" 2023-04-20 ", date(2023, 4, 20)),
])
def test_parse_date(value: str, expected: date) -> None:
    assert parse_date(value, "published") == expected


@pytest.mark.parametrize("value", ["", "20/04/2023", "2023-13-01", "yesterday", 20230420])
def test_parse_date_errors_name_the_field(value: object) -> None:
    with pytest.raises(MalformedRecordError) as info:
        parse_date(value, "date")  # type: ignore[arg-type]
    assert info.value.message.startswith("field 'date'")


@pytest.mark.parametrize(("obj", "field"), [
    ({"text": "x", "title": 3}, "title"),
    ({"text": "x", "url": ["u"]}, "url"),
    ({"text": "x", "id": {"a": 1}}, "id"),
    ({"text": "x", "language": "français!"}, "language"),
    ({"text": "x", "published": 2023}, "published"),
])
def test_parse_article_errors_name_the_field(obj: dict[str, object], field: str) -> None:
    with pytest.raises(MalformedRecordError) as info:
        parse_article(obj, source="f.jsonl", line=7)
    assert f"field '{field}'" in info.value.message
    assert (info.value.source, info.value.line) == ("f.jsonl", 7)


def test_parse_article_record_values_win_over_defaults() -> None:
    a = parse_article({"text": "x", "published": "2020-01-01", "language": "en"},
                      source="s", line=None, published=PUB, language="fr")
    assert (a.published, a.language, a.origin) == (date(2020, 1, 1), "en", "s")
    b = parse_article({"text": "x"}, source="s", line=3, published=PUB, language="fr")
    assert (b.published, b.language, b.origin) == (PUB, "fr", "s:3")
