"""The one JSON error shape of the API, and the exception that carries it.

Every error answered under ``/api`` has this body, whatever raised it (a
route, request validation, an unknown path, the size limit, a crash)::

    {"error": {"status": 404, "code": "not_found",
               "message": "no event 'abc'", "details": []}}

``code`` is stable and meant for programs; ``message`` is for people;
``details`` lists ``{"field": …, "message": …}`` for invalid parameters.
"""

from __future__ import annotations

from typing import Any

#: HTTP status → default error code.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error answered to the client with the shape above."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 details: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message
        self.details = details or []
        self.headers = headers


def error_body(status: int, code: str, message: str,
               details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


def bad_parameter(field: str, message: str) -> ApiError:
    return ApiError(422, f"{field}: {message}", details=[{"field": field, "message": message}])
