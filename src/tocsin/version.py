"""The one place tocsin's version strings live."""

__version__ = "0.1.0"

#: Name and version of the rule-based coder; stored on every event.
CODER_NAME = "tocsin.patterns.v1"
