"""The fetch guard: which URLs tocsin may fetch.

Server-side request forgery is the risk: a feed or a page that redirects to
``http://169.254.169.254/`` (cloud metadata), ``http://127.0.0.1:…`` or a
machine on the private network would make tocsin fetch it. The guard refuses:

* schemes other than ``http`` and ``https`` (``file:``, ``ftp:``, ``gopher:``…);
* URLs without a host, or with a host name that does not resolve;
* any host whose resolved addresses include one that is not globally routable:
  loopback (127.0.0.0/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7),
  link-local (169.254/16, fe80::/10), carrier-grade NAT (100.64/10),
  unspecified, multicast, reserved and documentation ranges, and IPv4 addresses
  wrapped in IPv6 (``::ffff:127.0.0.1``).

The check runs on the address the host name resolves to (so ``localhost``,
``2130706433`` and a DNS name pointing at 10.0.0.5 are all refused), and the
fetcher runs it again on every redirect and connects to the very address that
was checked (no second DNS look-up an attacker could answer differently).

``URLPolicy(allow_private=True)`` lifts the address check (for a newsroom's own
intranet, and for tests against a local server); ``allow_networks`` lifts it for
listed networks only.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tocsin.ingest.errors import BlockedURLError, FetchError

__all__ = ["ALLOWED_SCHEMES", "Resolver", "Target", "URLPolicy", "check_url", "system_resolver"]

ALLOWED_SCHEMES = ("http", "https")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: ``resolver(host, port)`` → the addresses ``host`` resolves to, as strings.
Resolver = Callable[[str, int], Sequence[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses from the operating system's resolver (``getaddrinfo``)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]
        if address not in seen:
            seen.append(address)
    return seen


@dataclass(frozen=True, slots=True)
class URLPolicy:
    """What the guard lets through. The default refuses every non-public address."""

    allow_private: bool = False
    #: networks allowed even though they are not public, e.g. ``("127.0.0.1/32",)``
    allow_networks: tuple[str, ...] = ()
    resolver: Resolver = field(default=system_resolver, compare=False)

    def networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        return [ipaddress.ip_network(n, strict=False) for n in self.allow_networks]


@dataclass(frozen=True, slots=True)
class Target:
    """A URL that passed the guard: where to connect."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def _why_not_public(ip: IPAddress) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return _why_not_public(ip.ipv4_mapped)
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved or not ip.is_global:
        return "a reserved, non-public address"
    return None


def check_url(url: str, policy: URLPolicy | None = None) -> Target:
    """Check ``url`` against ``policy`` and return where to connect.

    Raises :class:`BlockedURLError` (E111) naming the URL and the reason, or
    :class:`FetchError` when the host name does not resolve.
    """
    policy = policy or URLPolicy()
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise BlockedURLError(f"not a valid URL ({exc})", source=url) from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "no scheme"
        raise BlockedURLError(
            f"refused: only http and https URLs are fetched, not {shown}", source=url
        )
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise BlockedURLError("refused: the URL has no host", source=url)
    port = port or (443 if scheme == "https" else 80)

    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = list(policy.resolver(host, port))
        except (OSError, UnicodeError) as exc:
            raise FetchError(
                f"cannot resolve host {host!r} ({exc})", source=url, transient=True
            ) from None
        if not addresses:
            raise FetchError(f"host {host!r} has no address", source=url, transient=True)

    if not policy.allow_private:
        allowed = policy.networks()
        for text in addresses:
            ip = ipaddress.ip_address(text)
            reason = _why_not_public(ip)
            if reason is not None and not any(ip in net for net in allowed):
                shown = host if literal is not None else f"{host} ({text})"
                raise BlockedURLError(
                    f"refused: {shown} is {reason}; set allow_private = true in the sources "
                    "file (or --allow-private) to fetch from it",
                    source=url,
                )
    return Target(url=url, scheme=scheme, host=host, port=port, address=addresses[0])
