"""tocsin: multilingual news → political event database and early warnings."""

from tocsin.version import CODER_NAME, __version__

__all__ = ["CODER_NAME", "__version__"]
