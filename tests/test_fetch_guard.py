"""The fetch guard and the fetcher, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import pytest

from localserver import LocalServer, Route
from tocsin.ingest.errors import (
    BlockedURLError,
    ContentTypeError,
    FetchError,
    ResponseTooLargeError,
    TooManyRedirectsError,
)
from tocsin.ingest.fetch import Fetcher, FetchOptions
from tocsin.ingest.guard import URLPolicy, check_url
from tocsin.ingest.pages import is_page_type

PUBLIC = "93.184.215.14"  # a globally routable address (no request is made to it)


def fake_resolver(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"unknown host {host}")
        return table[host]
    return resolve


# --------------------------------------------------------------------------- the guard alone


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.0.0.1:8080/admin", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/", "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.5.4/",
    "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://100.64.0.1/",
    "http://2130706433/",  # 127.0.0.1 written as one number
])
def test_guard_refuses_non_public_addresses(url: str) -> None:
    with pytest.raises(BlockedURLError) as info:
        check_url(url, URLPolicy())
    assert info.value.code == "E111"
    assert info.value.source == url
    assert "allow_private" in info.value.message


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "javascript:alert(1)",
    "data:text/html,hi", "//example.org/no-scheme", "http:///no-host",
])
def test_guard_refuses_other_schemes_and_hostless_urls(url: str) -> None:
    with pytest.raises(BlockedURLError):
        check_url(url, URLPolicy())


def test_guard_checks_the_resolved_address() -> None:
    policy = URLPolicy(resolver=fake_resolver({
        "news.example": [PUBLIC], "intranet.example": ["10.0.0.5"],
        "mixed.example": [PUBLIC, "127.0.0.1"],
    }))
    assert check_url("https://news.example/a", policy).address == PUBLIC
    with pytest.raises(BlockedURLError, match=r"intranet.example \(10.0.0.5\) is a private address"):
        check_url("https://intranet.example/a", policy)
    with pytest.raises(BlockedURLError, match="loopback"):
        check_url("https://mixed.example/a", policy)
    with pytest.raises(FetchError, match="cannot resolve") as info:
        check_url("https://nowhere.example/", policy)
    assert info.value.transient


def test_guard_refuses_localhost_through_the_system_resolver() -> None:
    with pytest.raises(BlockedURLError, match="loopback"):
        check_url("http://localhost/", URLPolicy())


def test_guard_settings_allow_private_or_listed_networks() -> None:
    assert check_url("http://127.0.0.1:9/", URLPolicy(allow_private=True)).address == "127.0.0.1"
    listed = URLPolicy(allow_networks=("127.0.0.1/32",))
    assert check_url("http://127.0.0.1:9/", listed).port == 9
    with pytest.raises(BlockedURLError):
        check_url("http://127.0.0.2/", listed)
    with pytest.raises(BlockedURLError):
        check_url("http://169.254.169.254/", listed)


# --------------------------------------------------------------------------- the fetcher


@pytest.fixture(scope="module")
def server():
    routes = {
        "/page.html": Route(b"<html><body><p>hello</p></body></html>", etag='"v1"'),
        "/missing": Route(b"gone", status=404),
        "/broken": Route(b"oops", status=500),
        "/image": Route(b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        "/big-announced": Route(b"x" * 5000),
        "/big-unsized": Route(b"y" * 5000, unsized=True),
        "/slow": Route(b"late", delay=2.0),
        "/drip": Route(b"z" * 1024, drip=0.2),
        "/loop-a": Route(status=302, headers={"Location": "/loop-b"}),
        "/loop-b": Route(status=302, headers={"Location": "/loop-a"}),
        "/chain": Route(status=301, headers={"Location": "/page.html"}),
        "/dated.xml": Route(b"<rss/>", content_type="application/rss+xml",
                            last_modified="Tue, 05 Mar 2024 08:00:00 GMT"),
        "/to-metadata": Route(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}),
        "/to-loopback": Route(status=307, headers={"Location": "http://127.0.0.2:9/admin"}),
        "/to-file": Route(status=302, headers={"Location": "file:///etc/passwd"}),
    }
    with LocalServer(routes) as srv:
        yield srv


def fetcher(**kw) -> Fetcher:
    policy = kw.pop("policy", URLPolicy(allow_private=True))
    options = FetchOptions(timeout=kw.pop("timeout", 1.0), deadline=kw.pop("deadline", 5.0),
                           max_bytes=kw.pop("max_bytes", 1_000_000), policy=policy, **kw)
    return Fetcher(options)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://169.254.169.254/", "http://[::1]/", "file:///etc/passwd",
])
def test_fetch_refuses_private_targets_by_default(url: str) -> None:
    with Fetcher(FetchOptions(timeout=1.0)) as f, pytest.raises(BlockedURLError):
        f.fetch(url)


def test_fetch_refuses_the_local_server_unless_allowed(server: LocalServer) -> None:
    with Fetcher(FetchOptions(timeout=1.0)) as f, pytest.raises(BlockedURLError):
        f.fetch(server.url("/page.html"))
    with fetcher() as f:
        assert f.fetch(server.url("/page.html")).body.startswith(b"<html>")


@pytest.mark.parametrize(("path", "target"), [
    ("/to-metadata", "169.254.169.254"), ("/to-loopback", "127.0.0.2"), ("/to-file", "file:"),
])
def test_fetch_refuses_a_redirect_to_a_private_address(server: LocalServer, path: str, target: str) -> None:
    only_the_server = URLPolicy(allow_networks=("127.0.0.1/32",))
    before = len(server.hits)
    with fetcher(policy=only_the_server) as f, pytest.raises(BlockedURLError) as info:
        f.fetch(server.url(path))
    assert target in info.value.source
    assert server.paths_hit()[before:] == [path]  # the redirect target was never requested


def test_fetch_follows_redirects_and_conditional_requests(server: LocalServer) -> None:
    with fetcher() as f:
        first = f.fetch(server.url("/chain"))
        assert first.url == server.url("/page.html") and first.etag == '"v1"'
        again = f.fetch(server.url("/page.html"), etag='"v1"')
        assert again.not_modified and again.status == 304 and again.body == b""
    assert server.hits[-1] == ("/page.html", '"v1"')
    with fetcher() as f:
        first = f.fetch(server.url("/dated.xml"))
        assert first.last_modified == "Tue, 05 Mar 2024 08:00:00 GMT" and first.body == b"<rss/>"
        again = f.fetch(server.url("/dated.xml"), last_modified=first.last_modified)
        assert again.not_modified
    assert server.hits[-1] == ("/dated.xml", "Tue, 05 Mar 2024 08:00:00 GMT")


@pytest.mark.parametrize(("path", "error", "transient"), [
    ("/missing", FetchError, False),
    ("/broken", FetchError, True),
    ("/loop-a", TooManyRedirectsError, False),
    ("/big-announced", ResponseTooLargeError, False),
    ("/big-unsized", ResponseTooLargeError, False),
    ("/slow", FetchError, True),
    ("/drip", FetchError, True),
])
def test_fetch_failures_are_named_errors(server: LocalServer, path: str, error: type, transient: bool) -> None:
    with fetcher(max_bytes=4000, deadline=0.5) as f, pytest.raises(error) as info:
        f.fetch(server.url(path))
    assert type(info.value) is error
    assert info.value.transient is transient
    assert server.url(path) in (info.value.source or "")


def test_fetch_refuses_wrong_content_types_before_reading(server: LocalServer) -> None:
    with fetcher() as f, pytest.raises(ContentTypeError, match="image/png"):
        f.fetch(server.url("/image"), expect=is_page_type, expected="an HTML page")


def test_fetch_connects_to_the_checked_address_with_the_original_host(server: LocalServer) -> None:
    # "news.test" exists only in this resolver: the request can only reach the server
    # if the fetcher connects to the address the guard resolved and checked
    policy = URLPolicy(allow_networks=("127.0.0.1/32",),
                       resolver=fake_resolver({"news.test": ["127.0.0.1"]}))
    with fetcher(policy=policy) as f:
        result = f.fetch(f"http://news.test:{server.port}/page.html")
    assert result.status == 200 and result.url == f"http://news.test:{server.port}/page.html"
    assert server.hosts[-1] == f"news.test:{server.port}"
    rebinding = URLPolicy(resolver=fake_resolver({"news.test": ["10.0.0.7"]}))
    with fetcher(policy=rebinding) as f, pytest.raises(BlockedURLError, match="10.0.0.7"):
        f.fetch(f"http://news.test:{server.port}/page.html")
