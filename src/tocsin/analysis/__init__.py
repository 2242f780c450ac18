"""Analytics over stored events: dyad time series and change alerts.

* :mod:`tocsin.analysis.intensity` — the PLOVER-based intensity scale (a data file);
* :mod:`tocsin.analysis.series` — ``dyad_series`` and ``top_dyads``;
* :mod:`tocsin.analysis.alerts` — ``detect_alerts`` and ``raise_alerts``.

The method and its assumptions are written out in docs/alerts.md.
"""
