"""CACHE_URL → Django's CACHES entry, with Django's own backends only.

    redis://[:password@]host:6379/0, rediss://… (TLS)   → django.core.cache.backends.redis.RedisCache
    memcached://host:11211[,host2:11211]                  → django.core.cache.backends.memcached.PyMemcacheCache
    locmem:// (or empty)                                  → per-process memory (development and tests)

Rate limits and the admin login lockout count in this cache, so production needs a shared one (Redis or
Memcached) as soon as it runs more than one worker process.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
BACKENDS = {
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
    "pymemcache": "django.core.cache.backends.memcached.PyMemcacheCache",
    "locmem": LOCMEM,
}


def cache_config(url, key_prefix="portal"):
    """The CACHES["default"] dict for `url`; an unknown scheme stops start-up with a clear message."""
    if not url:
        return {"BACKEND": LOCMEM, "KEY_PREFIX": key_prefix}
    scheme = urlsplit(url).scheme.lower()
    if scheme not in BACKENDS:
        raise ImproperlyConfigured(f"CACHE_URL: unknown scheme {scheme!r}; use one of {', '.join(sorted(BACKENDS))}.")
    config = {"BACKEND": BACKENDS[scheme], "KEY_PREFIX": key_prefix}
    if scheme.startswith("redis"):
        config["LOCATION"] = url
    elif BACKENDS[scheme] != LOCMEM:
        config["LOCATION"] = [host for host in urlsplit(url).netloc.split(",") if host]
        if not config["LOCATION"]:
            raise ImproperlyConfigured("CACHE_URL: a memcached URL needs host:port, e.g. memcached://127.0.0.1:11211.")
    return config


def is_shared(config):
    return config["BACKEND"] != LOCMEM
