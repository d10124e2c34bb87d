"""Fetching a result file over HTTP: the only network access kl-wahl has, for a URL the user gave.

Standard-library `urllib`: one GET with a timeout per network operation and a deadline for the
whole request (a server trickling a byte every few seconds cannot hold kl-wahl), a size cap and a
User-Agent naming kl-wahl; conditional headers (If-None-Match / If-Modified-Since) for polling.
Redirects are followed only on the host the user gave (http -> https there too); any other
target is refused and named, so the user can decide to give that address. No extra dependency is
needed, and every other command stays free of an HTTP client's import cost.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from .. import __version__
from ..base.record import Record
from ..core.problems import UserError, msg

USER_AGENT = f"kl-wahl/{__version__} (election results)"
TIMEOUT = 20
"""seconds per network operation (connect, each read), for `import` and each poll of `watch`"""
DEADLINE = 60
"""seconds for a whole request, however the server paces its bytes"""
MAX_HEADER_SECONDS = 10**9
"""a Retry-After or max-age longer than ~30 years is damage; longer numbers are not read"""


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

    def __init__(
        self,
        url: str,
        reason: object,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__("fetch_failed", url=url, reason=reason)
        self.retry_after = retry_after
        self.status = status
        """the HTTP status of an error answer (404 …), None when there was none"""


def seconds(value: str | None, prefix: str = "") -> float | None:
    """'max-age=60' (with prefix 'max-age=') or '120' -> seconds; None for anything else (a
    date, '²', a number of 31 digits)."""
    for part in (value or "").split(","):
        part = part.strip().lower()
        digits = part[len(prefix) :]
        if part.startswith(prefix) and digits.isascii() and digits.isdigit() and len(digits) < 10:
            return float(min(int(digits), MAX_HEADER_SECONDS))
    return None


def check_url(url: str) -> None:
    """A usage error for an address urllib cannot even take apart (`http://[::1`)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is no number
    except ValueError as exc:
        from ..base.exitcodes import USAGE

        raise UserError("bad_url", url=url, reason=str(exc), exit_code=USAGE) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        from ..base.exitcodes import USAGE

        raise UserError("bad_url", url=url, reason=msg("not_http"), exit_code=USAGE)


def _same_site(url: str, target: str) -> bool:
    """A redirect stays where the user pointed: the same host and port, or http -> https on the
    same host with the default ports."""
    from urllib.parse import urlsplit

    a, b = urlsplit(url), urlsplit(target)
    if (a.hostname or "").lower() != (b.hostname or "").lower() or b.scheme not in (
        "http",
        "https",
    ):
        return False
    if a.scheme == b.scheme:
        return a.port == b.port
    return (
        a.scheme == "http"
        and b.scheme == "https"
        and a.port in (None, 80)
        and b.port in (None, 443)
    )


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
    import time
    import urllib.error
    import urllib.request

    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)

    class StayOnSite(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self, req: Any, fp: Any, code: int, phrase: str, hdrs: Any, newurl: str
        ) -> Any:
            if not _same_site(req.full_url, newurl):
                raise FetchError(url, msg("redirect_off_site", target=newurl))
            return super().redirect_request(req, fp, code, phrase, hdrs, newurl)

    opener = urllib.request.build_opener(StayOnSite)
    deadline = time.monotonic() + DEADLINE
    try:
        with opener.open(request, timeout=timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read1(65536):
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, msg("more_bytes", n=limit))
                if time.monotonic() > deadline:
                    raise FetchError(url, msg("too_slow", n=DEADLINE))
            body = b"".join(chunks)
            head = response.headers
            expected = head.get("Content-Length", "")
            if expected.isdigit() and len(body) < int(expected):
                raise FetchError(url, msg("closed_early"))
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
        raise FetchError(url, f"HTTP {exc.code} {exc.reason}", retry, exc.code) from None
    except http.client.IncompleteRead:
        raise FetchError(url, msg("closed_early")) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = str(getattr(exc, "reason", None) or exc) or type(exc).__name__
        raise FetchError(url, reason) from None
