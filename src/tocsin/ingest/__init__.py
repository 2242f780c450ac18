"""tocsin.ingest: read files, folders, JSON lines and stdin into Article records.

Bad inputs become :class:`~tocsin.records.InputProblem` records in the stream;
the rest of the batch is still read.
"""

from tocsin.ingest.decode import decode_bytes, normalize_text
from tocsin.ingest.readers import parse_article, parse_date, read_inputs

__all__ = ["decode_bytes", "normalize_text", "parse_article", "parse_date", "read_inputs"]
