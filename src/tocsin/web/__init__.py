"""tocsin's web server: a JSON API under ``/api`` and a dashboard, in one FastAPI app.

::

    web/
      app.py        create_app(settings): routes, middleware, error handlers
      settings.py   ServeSettings (one options object) and token loading
      problems.py   ApiError and the one JSON error shape
      security.py   security headers (CSP), request size limit
      database.py   one read-write (or read-only) store; a reader per thread; the write lock
      auth.py       bearer tokens for the API, signed-in sessions for the dashboard
      params.py     event filters from query parameters (the filters of ``tocsin events``)
      evidence.py   where the trigger and actors are in a sentence (highlighting)
      analysis.py   dyad series, top dyads and alerts (tocsin.analysis) with fallbacks
      coding.py     submitted articles coded by one lazily loaded engine
      charts.py     server-rendered SVG charts
      api/          JSON routes        pages.py  HTML routes (Jinja2, autoescaped)

Nothing in the rest of tocsin imports this package; it needs the ``web`` extra
(FastAPI, Jinja2, uvicorn).
"""

from __future__ import annotations

from tocsin.web.app import create_app
from tocsin.web.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
