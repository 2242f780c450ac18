"""tocsin's exception hierarchy.

::

    TocsinError                     base of everything tocsin raises on purpose
    ├── InputError                  an input (file, line, field) cannot be read or used
    │   ├── EmptyInputError         E101 nothing to code
    │   ├── BinaryInputError        E102 looks like a binary file
    │   ├── EncodingError           E103 text in an undetectable encoding
    │   ├── MalformedRecordError    E104 a JSONL line that is not a valid article
    │   └── UnsupportedLanguageError E105 language not coded by this version
    ├── ModelError                  E201 a spaCy pipeline is missing or broken
    ├── CoderError                  E202 the coder failed on one article (a defect: please report it)
    ├── DataFileError               E301 a bundled or user data file is malformed
    ├── StoreError                  E401 the database cannot be opened or written
    └── ScaleError                  E500 distributed coding failed
        ├── ParquetDatasetError     E501 a Parquet dataset cannot be read or written
        └── ClusterError            E502 the Dask cluster cannot be reached or started

Every error carries a stable ``code`` and, where known, the ``source`` (file
name, ``-`` for stdin) and ``line`` at fault, so the CLI can print one clear line.
"""

from __future__ import annotations


class TocsinError(Exception):
    """Base class of tocsin's errors."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def where(self) -> str:
        if self.source is None:
            return ""
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class InputError(TocsinError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class MalformedRecordError(InputError):
    code = "E104"


class UnsupportedLanguageError(InputError):
    code = "E105"


class ModelError(TocsinError):
    code = "E201"


class CoderError(TocsinError):
    code = "E202"


class DataFileError(TocsinError):
    code = "E301"


class StoreError(TocsinError):
    code = "E401"


class ScaleError(TocsinError):
    code = "E500"


class ParquetDatasetError(ScaleError):
    code = "E501"


class ClusterError(ScaleError):
    code = "E502"
