"""Fetching a result file over HTTP: the only network access kl-wahl has, for a URL the user gave.

Standard-library `urllib`: one GET with a timeout, a size cap and a User-Agent naming kl-wahl;
conditional headers (If-None-Match / If-Modified-Since) for polling. No extra dependency is
needed for that, and it keeps every other command free of an HTTP client's import cost.
"""

from __future__ import annotations

from typing import NamedTuple

from .. import __version__
from ..problems import UserError

USER_AGENT = f"kl-wahl/{__version__} (election results; +https://pypi.org/project/kl-wahl/)"


class Response(NamedTuple):
    status: int
    """200, or 304 when the server says nothing changed"""
    body: bytes
    etag: str | None
    last_modified: str | None


def get(
    url: str,
    timeout: float,
    limit: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Response:
    """GET `url`; UserError (one line) for refused connections, timeouts, HTTP errors, huge files."""
    import urllib.error
    import urllib.request

    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(limit + 1)
            if len(body) > limit:
                raise UserError("fetch_failed", url=url, reason=f"more than {limit} bytes")
            return Response(
                response.status,
                body,
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Response(304, b"", etag, last_modified)
        raise UserError("fetch_failed", url=url, reason=f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise UserError("fetch_failed", url=url, reason=str(reason)) from None
