"""Turn the bytes of an input into text, or say clearly why they are not text.

Order of decisions in :func:`decode_bytes`:

1. nothing but whitespace → :class:`EmptyInputError` (E101);
2. a UTF-32/UTF-16 byte-order mark → that encoding;
3. a known binary signature (PDF, ZIP and Office files, PNG, JPEG, GIF, gzip,
   bzip2, xz, 7-Zip, ELF…), NUL bytes (unless the bytes read as UTF-16
   without a mark) or many control bytes → :class:`BinaryInputError` (E102);
4. UTF-8, with or without a byte-order mark;
5. Windows-1252 when the result reads as Western European text (French and
   English news saved by older tools): every non-ASCII character is a Latin
   letter, a French punctuation mark or a common symbol, and such characters
   are a small share of the letters. Text in another single-byte encoding
   (Cyrillic cp1251, Greek…) fails the second test;
6. charset-normalizer's best guess, when its mess ratio is low;
7. otherwise :class:`EncodingError` (E103).

The text is returned with newlines normalised to ``\\n`` and in Unicode NFC.
"""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

from tocsin.errors import BinaryInputError, EmptyInputError, EncodingError

__all__ = ["decode_bytes", "normalize_text"]

#: Leading bytes of common binary formats → a name for the message.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh9", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
)

#: Share of control bytes above which an input is taken for binary.
MAX_CONTROL_RATIO = 0.05
#: Mess ratio (0 = clean) above which charset-normalizer's guess is refused.
MAX_CHAOS = 0.2
#: In text read as Windows-1252, non-ASCII characters above this share of the
#: letters mean the bytes are in some other single-byte encoding.
MAX_NON_ASCII_SHARE = 0.3

_SAMPLE = 65_536
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN_EXTRA = frozenset(
    "œŒ€«»‘’‚“”„–—…•†‡‰‹›™°·§©®ªº²³¹½¼¾¿¡\u00a0\u202f\u2009£¥¢µ¶"
)


def normalize_text(text: str) -> str:
    """Newlines as ``\\n`` and Unicode NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _is_western(text: str) -> bool:
    """Whether ``text`` (read as Windows-1252) looks like Western European prose."""
    letters = 0
    non_ascii = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
        if ord(ch) < 0x80:
            continue
        non_ascii += 1
        if ch in _WESTERN_EXTRA:
            continue
        if not ("\u00c0" <= ch <= "\u00ff" and ch not in "×÷"):
            return False
    return letters > 0 and non_ascii <= MAX_NON_ASCII_SHARE * letters


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes sit in every other position."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _finish(text: str, source: str) -> str:
    text = normalize_text(text)
    if not text.strip():
        raise EmptyInputError("empty input: no text to code", source=source)
    return text


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source`` (a file name, ``-`` for stdin) into text.

    Raises :class:`EmptyInputError`, :class:`BinaryInputError` or
    :class:`EncodingError` (all carrying ``source``); see the module documentation.
    """
    if not data.strip():
        raise EmptyInputError("empty input: no text to code", source=source)

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(encoding), source)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{source} starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} ({exc.reason} at byte {exc.start})",
                    source=source,
                ) from None

    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise BinaryInputError(f"looks like a binary file ({kind})", source=source)

    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        encoding = _utf16_without_bom(sample)
        if encoding is not None:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                text = None
            if text is not None and not any(c in text for c in "\x00\x01\x02\x03"):
                return _finish(text, source)
        raise BinaryInputError("looks like a binary file (contains NUL bytes)", source=source)
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_RATIO * len(sample):
        raise BinaryInputError(
            f"looks like a binary file ({controls} control bytes in the first {len(sample)})",
            source=source,
        )

    try:
        return _finish(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError:
        pass

    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _is_western(western):
        return _finish(western, source)

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.chaos <= MAX_CHAOS:
        return _finish(str(best), source)
    raise EncodingError(
        f"cannot tell the text encoding of {source}: not UTF-8, UTF-16 or Windows-1252; "
        "convert it to UTF-8",
        source=source,
    )
