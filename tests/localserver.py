"""A real HTTP server on 127.0.0.1 for the fetch, feed and watch tests.

``LocalServer`` serves a table of routes from a thread (``http.server``); a
route is a :class:`Route` (status, headers, body, optional ETag, delay before
answering, or a body sent slowly). Conditional requests get a 304 when the
route's ETag matches ``If-None-Match``. Every request is recorded in
``hits`` (path, If-None-Match) so tests can see what was fetched and when.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    #: a Last-Modified value; a request with the same If-Modified-Since gets a 304
    last_modified: str | None = None
    #: seconds to wait before answering
    delay: float = 0.0
    #: send the body in pieces with this pause between them (a slow server)
    drip: float = 0.0
    #: announce a Content-Length different from the body (truncated responses)
    content_length: int | None = None
    #: send no Content-Length: the body ends when the connection closes
    unsized: bool = False


class LocalServer:
    def __init__(self, routes: dict[str, Route] | None = None):
        self.routes: dict[str, Route] = dict(routes or {})
        self.hits: list[tuple[str, str | None]] = []
        #: the Host header of every request
        self.hosts: list[str | None] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def handle(self) -> None:
                try:
                    super().handle()
                except (ConnectionResetError, BrokenPipeError):
                    pass  # the client gave up (a timeout, a size cap): expected here

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                path = self.path.split("?", 1)[0].split("#", 1)[0]
                with server._lock:
                    server.hits.append((path, self.headers.get("If-None-Match")
                                        or self.headers.get("If-Modified-Since")))
                    server.hosts.append(self.headers.get("Host"))
                route = server.routes.get(path)
                if route is None:
                    route = Route(b"not found", status=404, content_type="text/plain")
                if route.delay:
                    time.sleep(route.delay)
                if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                        route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified):
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                if route.unsized:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                else:
                    length = route.content_length if route.content_length is not None else len(route.body)
                    self.send_header("Content-Length", str(length))
                if route.content_length is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                try:
                    if route.drip:
                        for i in range(0, len(route.body), 64):
                            self.wfile.write(route.body[i:i + 64])
                            self.wfile.flush()
                            time.sleep(route.drip)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if route.content_length is not None:
                    self.close_connection = True

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths_hit(self) -> list[str]:
        with self._lock:
            return [p for p, _ in self.hits]

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
