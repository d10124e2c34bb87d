"""Fetching a result file over HTTP: the only network access kl-wahl has, for a URL the user gave.

Standard-library `urllib`: one GET with a timeout, a size cap and a User-Agent naming kl-wahl;
conditional headers (If-None-Match / If-Modified-Since) for polling. No extra dependency is
needed for that, and every other command stays free of an HTTP client's import cost.
"""

from __future__ import annotations

from datetime import datetime, timezone

from .. import __version__
from ..base.record import Record
from ..core.problems import UserError

USER_AGENT = f"kl-wahl/{__version__} (election results)"
TIMEOUT = 20
"""seconds per request, for `import` and each poll of `watch`"""


class Response(Record):
    status: int
    """200, or 304 when the server says nothing changed"""
    body: bytes
    etag: str | None
    last_modified: str | None
    max_age: float | None = None
    """Cache-Control: max-age, the server's word on how often polling makes sense"""


class FetchError(UserError):
    """A failed request; `retry_after` is the server's Retry-After in seconds, if it sent one."""

    def __init__(self, url: str, reason: str, retry_after: float | None = None) -> None:
        super().__init__("fetch_failed", url=url, reason=reason)
        self.retry_after = retry_after


def seconds(value: str | None, prefix: str = "") -> float | None:
    """'max-age=60' (with prefix 'max-age=') or '120' -> seconds; None for anything else."""
    for part in (value or "").split(","):
        part = part.strip().lower()
        if part.startswith(prefix) and part[len(prefix) :].isdigit():
            return float(part[len(prefix) :])
    return None


def http_date(value: str | None) -> datetime | None:
    """An HTTP date header ('Sun, 13 Sep 2020 17:44:00 GMT') as an aware moment; None when
    absent or unreadable (then the fetch time stands in)."""
    if not value:
        return None
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def get(
    url: str,
    timeout: float,
    limit: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Response:
    """GET `url`; FetchError (one line) for refused or dropped connections, timeouts, HTTP
    errors, bodies shorter than their Content-Length, and files over `limit` bytes."""
    import http.client
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
                raise FetchError(url, f"more than {limit} bytes")
            head = response.headers
            expected = head.get("Content-Length", "")
            if expected.isdigit() and len(body) < int(expected):
                raise FetchError(url, "the connection closed before the whole file arrived")
            return Response(
                response.status,
                body,
                head.get("ETag"),
                head.get("Last-Modified"),
                seconds(head.get("Cache-Control"), "max-age="),
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Response(304, b"", etag, last_modified)
        retry = seconds(exc.headers.get("Retry-After")) if exc.headers else None
        raise FetchError(url, f"HTTP {exc.code} {exc.reason}", retry) from None
    except http.client.IncompleteRead:
        raise FetchError(url, "the connection closed before the whole file arrived") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = str(getattr(exc, "reason", None) or exc) or type(exc).__name__
        raise FetchError(url, reason) from None
