"""The JSON API under ``/api`` (see docs/serve.md for every endpoint)."""
