"""EMAIL_URL → Django's e-mail settings, with Django's own backends only.

    smtp://host:25                          → SMTP without encryption (a relay on a private network)
    smtp+tls://user:pass@host:587           → SMTP with STARTTLS and a login
    smtp+ssl://user:pass@host:465           → SMTP over TLS from the first byte
    console://                              → messages printed to the console (development)
    locmem://                               → kept in memory (tests)
    (empty)                                 → console: nothing leaves the machine

User name and password are percent-decoded (`%40` for "@"). `?timeout=SECONDS` bounds each SMTP operation
(default 10, so a stalled server never holds a worker); `?from=address` sets DEFAULT_FROM_EMAIL.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
SCHEMES = {"smtp": (False, False), "smtp+tls": (True, False), "smtp+ssl": (False, True)}
OTHER_BACKENDS = {"console": CONSOLE, "locmem": LOCMEM}
DEFAULT_PORTS = {"smtp": 25, "smtp+tls": 587, "smtp+ssl": 465}
DEFAULT_TIMEOUT = 10


def email_settings(url):
    """A dict of Django settings (EMAIL_BACKEND, EMAIL_HOST, …) for `url`; a malformed URL stops start-up."""
    if not url:
        return {"EMAIL_BACKEND": CONSOLE}
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in OTHER_BACKENDS:
        return {"EMAIL_BACKEND": OTHER_BACKENDS[scheme]}
    if scheme not in SCHEMES:
        known = ", ".join(sorted([*SCHEMES, *OTHER_BACKENDS]))
        raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme {scheme!r}; use one of {known}.")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError as exc:
        raise ImproperlyConfigured(f"EMAIL_URL: the port is not a number between 0 and 65535 ({exc}).") from exc
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL needs a host, e.g. smtp+tls://user:password@smtp.example.org:587.")
    query = parse_qs(parts.query)
    use_tls, use_ssl = SCHEMES[scheme]
    config = {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": _timeout(query.get("timeout", [""])[-1]),
    }
    if query.get("from"):
        config["DEFAULT_FROM_EMAIL"] = query["from"][-1]
    return config


def _timeout(value):
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if seconds <= 0:
        raise ImproperlyConfigured(f"EMAIL_URL: timeout must be a positive number of seconds, not {value!r}.")
    return seconds


def delivers(config):
    """Whether mail configured so actually leaves the machine (SMTP, not the console or memory)."""
    return config["EMAIL_BACKEND"] == SMTP
