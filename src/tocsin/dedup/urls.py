"""Canonical URLs: one address per article, whatever link led to it.

:func:`canonical_url` lower-cases the scheme and host, drops default ports,
fragments, tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``xtor``…)
and AMP variants (``/amp`` path segments, ``.amp.html``, ``?amp=1``,
``amp.`` hosts and Google AMP cache addresses), sorts the remaining query
parameters and drops a trailing slash. Two links to the same article give the
same string; the article id is a hash of it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["TRACKING_PARAMETERS", "canonical_url"]

#: Query parameters that only track where a reader came from.
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "_ga", "_gl", "ref", "ref_src", "ref_url", "referrer", "cmpid", "xtor", "ocid", "spm",
    "ito", "icid", "s_cid", "smid", "share", "via", "rss",
    "amp", "outputtype", "amp_js_v", "usqp", "__twitter_impression", "ns_mchannel",
    "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "at_medium", "at_campaign",
    "at_custom1", "at_custom2", "at_custom3", "at_custom4", "wt_mc", "wt.mc_id",
})
_TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "oly_", "vero_")
_AMP_CACHE = re.compile(r"^(?:[a-z0-9-]+\.)?cdn\.ampproject\.org$")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(key: str) -> bool:
    k = key.lower()
    return k in TRACKING_PARAMETERS or k.startswith(_TRACKING_PREFIXES)


def _amp_cache_target(host: str, path: str) -> str | None:
    """``https://x-com.cdn.ampproject.org/c/s/x.com/a`` → ``https://x.com/a``."""
    if not _AMP_CACHE.match(host):
        return None
    match = re.match(r"^/(?:[a-z])/(s/)?(.+)$", path)
    if not match:
        return None
    return ("https://" if match.group(1) else "http://") + match.group(2)


def _strip_amp_path(path: str) -> str:
    segments = [s for s in path.split("/")]
    kept = [s for s in segments if s.lower() != "amp"]
    path = "/".join(kept) or "/"
    path = re.sub(r"\.amp(\.html?)$", r"\1", path, flags=re.I)
    path = re.sub(r"(?<=[^/])\.amp$", "", path, flags=re.I)
    path = re.sub(r"-amp(\.html?)$", r"\1", path, flags=re.I)
    return path


def canonical_url(url: str) -> str:
    """The canonical form of ``url`` (see the module documentation)."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    target = _amp_cache_target(host, parts.path)
    if target is not None:
        return canonical_url(target + (f"?{parts.query}" if parts.query else ""))
    if host.startswith("amp."):
        host = host[4:]
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    path = _strip_amp_path(parts.path or "/")
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))
