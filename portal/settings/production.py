"""Production: refuses to start without SECRET_KEY, ALLOWED_HOSTS and WAGTAILADMIN_BASE_URL; HTTPS only.

Behind a TLS-terminating proxy that itself redirects http → https, set SECURE_SSL_REDIRECT=0 (the proxy must
pass X-Forwarded-Proto). HSTS: a year, subdomains included, preload on; PORTAL_HSTS_PRELOAD=0 or
PORTAL_HSTS_INCLUDE_SUBDOMAINS=0 turn those off (and silence Django's matching deploy warnings, since the
choice is then deliberate).
"""

import os
import warnings

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CACHES, EMAIL_SETTINGS, SECRET_KEY, WAGTAILADMIN_BASE_URL
from .cache_url import is_shared
from .email_url import delivers


class ProductionSettingsWarning(RuntimeWarning):
    """A production setting that works but should be changed (printed once at start-up)."""


def _flag(name, default):
    value = os.environ.get(name, "").strip().lower()
    return default if not value else value in {"1", "true", "yes", "on"}


if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment (comma-separated).")
if not WAGTAILADMIN_BASE_URL:
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set in the environment for production (the public https address of the "
        "site, used in links the admin sends), e.g. https://portal.example.org."
    )
if not is_shared(CACHES["default"]):
    warnings.warn(
        "CACHE_URL is not set: the cache is per process, so rate limits and the admin login lockout are "
        "multiplied by the number of worker processes. Set CACHE_URL to redis://… or memcached://….",
        ProductionSettingsWarning,
        stacklevel=1,
    )
if not delivers(EMAIL_SETTINGS):
    warnings.warn(
        "EMAIL_URL names no SMTP server: mail (verification requests to providers, import reports) is printed to the "
        "console and never delivered. Set EMAIL_URL to smtp+tls://user:password@host:587 or smtp://host:25.",
        ProductionSettingsWarning,
        stacklevel=1,
    )

DEBUG = False
PORTAL_PRODUCTION = True
PORTAL_DEMO_ADMIN = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("PORTAL_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _flag("PORTAL_HSTS_PRELOAD", True)

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
PORTAL_COOKIE_SECURE = True

# Deliberate choices made through the environment are not deploy warnings.
SILENCED_SYSTEM_CHECKS = [
    check
    for check, deliberate in (
        ("security.W008", not SECURE_SSL_REDIRECT),
        ("security.W005", not SECURE_HSTS_INCLUDE_SUBDOMAINS),
        ("security.W021", not SECURE_HSTS_PRELOAD),
    )
    if deliberate
]
