"""Fixed-window rate limits kept in Django's cache (shared across workers when CACHE_URL names Redis/Memcached).

A limit counts events per key inside a time window; `exceeded()` asks before doing the work, `hit()` records
an event afterwards. Keys are hashed so client addresses never appear in cache key names or logs verbatim.
"""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the address a trusted proxy put in X-Forwarded-For.

    `PORTAL_TRUSTED_PROXY_COUNT` (default 0) says how many proxies in front of the app append to the header;
    without it the header is ignored, since clients can forge it. Whatever is not an IP address is ignored.
    """
    proxies = int(getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and _valid_ip(forwarded[-proxies]):
            return _valid_ip(forwarded[-proxies])
    return _valid_ip(request.META.get("REMOTE_ADDR", "") or "") or "unknown"


def axes_client_ip(request):
    """The address django-axes locks out (AXES_CLIENT_IP_CALLABLE): the same one the rate limits count."""
    address = client_ip(request)
    return None if address == "unknown" else address


def anonymised(value):
    """A short stable digest for logs and cache keys (not reversible without the secret key)."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()
    return digest[:16]


class RateLimit:
    """At most `limit` events per `window` seconds for each key, e.g. RateLimit("report", 5, 600)."""

    def __init__(self, scope, limit, window):
        self.scope = scope
        self.limit = limit
        self.window = window

    def _cache_key(self, *parts, now=None):
        bucket = int((time.time() if now is None else now) // self.window)
        ident = anonymised("|".join(str(part) for part in parts))
        return f"ratelimit:{self.scope}:{ident}:{bucket}"

    def count(self, *parts, now=None):
        return cache.get(self._cache_key(*parts, now=now), 0)

    def exceeded(self, *parts, now=None):
        return self.count(*parts, now=now) >= self.limit

    def hit(self, *parts, now=None):
        """Record one event; returns the number of events in the current window."""
        key = self._cache_key(*parts, now=now)
        cache.add(key, 0, timeout=self.window + 1)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=self.window + 1)
            return 1

    def retry_after(self, now=None):
        """Seconds until the current window ends (for the Retry-After header)."""
        now = time.time() if now is None else now
        return int(self.window - (now % self.window)) + 1
