"""How long `watch` waits before the next request: polite by default, patient after failures.

Pure functions (the random source is passed in), so the schedule is tested without sleeping.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from urllib.parse import urlsplit

DEFAULT_INTERVAL = 60.0
MIN_REMOTE_INTERVAL = 10.0
"""never poll someone else's server more often than this"""
MAX_BACKOFF = 600.0
MAX_INTERVAL = 3600.0
MAX_SERVER_WAIT = 600.0
"""a server's Retry-After or max-age is honoured up to 10 minutes (and the cap is said)"""


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def next_delay(
    interval: float,
    failures: int,
    max_age: float | None,
    retry_after: float | None,
    jitter: Callable[[], float],
) -> float:
    """Seconds until the next request.

    After a success: the interval, or the server's Cache-Control max-age if that is longer.
    After failures: exponential backoff (interval x 2^failures, at most 10 minutes) with ±10 %
    jitter so that many watchers do not hit a recovering server at once; a Retry-After wins when
    it asks for more.
    """
    if failures == 0:
        return max(interval, min(max_age or 0.0, MAX_SERVER_WAIT))
    backoff = min(interval * 2.0**failures, MAX_BACKOFF) * (0.9 + 0.2 * jitter())
    return max(backoff, min(retry_after or 0.0, MAX_SERVER_WAIT))
