"""Production-safe base settings: DEBUG off, no default secret, everything from the environment."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from whitenoise.compress import Compressor

from .cache_url import cache_config
from .csp import admin_directives, public_directives
from .email_url import email_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "core",
    "home",
    "materials",
    "providers_map",
    "providers_map.finder",
    "providers_map.exchange",
    "providers_map.verification",
    "providers_map.coverage",
    "events",
    "search",
    "selfcheck",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "leaflet",
    "axes",
    "csp",
    "ninja",  # serves the API docs page's Swagger UI from our static files (the CSP allows no CDN)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Malformed requests (URL length, Content-Length, undecodable or oversized form bodies) end here, kindly.
    "core.middleware.requests.RequestSanityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.compression.CompressionMiddleware",
    "core.middleware.cookies.CookiePolicyMiddleware",
    "core.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.errors.FriendlyErrorMiddleware",
    # Before anything asks Wagtail for the request's site (redirects, pages, settings, menus).
    "core.sites.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.redirects.PageRedirectMiddleware",
    "core.accessibility.VisionVaryMiddleware",
    # Must be last: answers locked-out login attempts (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.accessibility",
            ],
        },
    },
]

# Database: DATABASE_URL (PostgreSQL in production); the embedded default is a SQLite file under var/.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses locked-out accounts and addresses before the password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Русский"))]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский")]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Static files: hashed names (cache-busting, served with a one-year max-age) and gzip + Brotli copies made by
# collectstatic; WhiteNoise serves them from the application, so no proxy configuration is needed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Source maps are read by developer tools only: compressing them (half of the collected bytes) took half of
# collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The cache: CACHE_URL (redis://…, rediss://…, memcached://host:port) for a cache shared by all workers; rate
# limits and the admin login lockout count there. Without it each process has its own (production warns).
# CACHE_KEY_PREFIX starts every key, so several sites (or test runs) can share one Redis.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {"default": cache_config(CACHE_URL, key_prefix=os.environ.get("CACHE_KEY_PREFIX") or "portal")}

# Mail: EMAIL_URL (smtp://host:port, smtp+tls://user:pass@host:587, smtp+ssl://…; portal/settings/email_url.py)
# sets EMAIL_BACKEND, EMAIL_HOST, … Without it mail is printed to the console (production warns).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
EMAIL_SETTINGS = email_settings(EMAIL_URL)
globals().update(EMAIL_SETTINGS)
# The sender of the portal's mail (EMAIL_URL's ?from= gives it too).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or EMAIL_SETTINGS.get(
    "DEFAULT_FROM_EMAIL", "webmaster@localhost"
)

# Wagtail
WAGTAIL_SITE_NAME = "Ранняя помощь"
# The admin's public address for links in e-mails; production refuses to start without it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
# The admin reaches no third party: no Gravatar lookups (editors' e-mail digests) and no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's own (admin) search stays on the database backend: its Elasticsearch backend needs
# analysis modules (edge_ngram, asciifolding) that our index design deliberately avoids.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "mp4", "webm", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Plain-language targets for guidance pages (home/readability.py): Flesch reading ease with Oborneva's
# coefficients for Russian, words per sentence, share of words with four syllables or more.
READABILITY_THRESHOLDS = {"min_reading_ease": 55, "max_avg_sentence_length": 10, "max_long_word_share": 0.25}

# Background tasks (django-tasks): Wagtail's own small tasks run at once ("default"); registry imports go
# to the database queue "imports", run by `manage.py db_worker --backend imports` (`make run` starts it).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    # Verification rounds and their reminders (providers_map/verification): `db_worker --backend mail`.
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Verification (providers_map/verification): entries not verified for PORTAL_VERIFICATION_MONTHS are asked in a
# round; links work for PORTAL_VERIFICATION_LINK_DAYS; a reminder follows after PORTAL_VERIFICATION_REMINDER_DAYS.
PORTAL_VERIFICATION_MONTHS = int(os.environ.get("PORTAL_VERIFICATION_MONTHS", "6"))
PORTAL_VERIFICATION_LINK_DAYS = int(os.environ.get("PORTAL_VERIFICATION_LINK_DAYS", "30"))
PORTAL_VERIFICATION_REMINDER_DAYS = int(os.environ.get("PORTAL_VERIFICATION_REMINDER_DAYS", "14"))
# Coverage monitoring recomputes this many seconds after a change to the registry; changes meanwhile join the wait.
COVERAGE_RECOMPUTE_DELAY = float(os.environ.get("COVERAGE_RECOMPUTE_DELAY", "20"))
# Uploaded registry files wait here between upload, check and import (private: not under MEDIA_ROOT).
PROVIDER_IMPORT_DIR = Path(os.environ.get("PROVIDER_IMPORT_DIR", VAR_DIR / "imports"))

# Public search: the project's own Elasticsearch indices (search/). Without ELASTICSEARCH_URL the
# public search runs on the database.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "") or None
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "portal")
# A public search waits at most SEARCH_QUERY_TIMEOUT seconds for Elasticsearch; after a failure the cluster is
# skipped for SEARCH_BREAKER_COOLDOWN seconds (the database fallback answers), then tried again.
SEARCH_QUERY_TIMEOUT = float(os.environ.get("SEARCH_QUERY_TIMEOUT", "2"))
SEARCH_BREAKER_COOLDOWN = float(os.environ.get("SEARCH_BREAKER_COOLDOWN", "15"))

# Map tiles for the editor's location picker and the provider pages (any XYZ template, e.g. a regional server);
# the Content-Security-Policy allows images from this host.
PORTAL_MAP_TILE_URL = os.environ.get("PORTAL_MAP_TILE_URL", "") or "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# The tile server's credit line (HTML: OpenStreetMap's licence asks for a link to its copyright page).
PORTAL_MAP_TILE_ATTRIBUTION = (
    os.environ.get("PORTAL_MAP_TILE_ATTRIBUTION", "")
    or '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
# The finder's «Маршрут» links: "yandex" (Yandex Maps), "2gis" or "osm" (OpenStreetMap).
PORTAL_DIRECTIONS_PROVIDER = os.environ.get("PORTAL_DIRECTIONS_PROVIDER", "yandex")
# Who answers the finder: "auto" (Elasticsearch when its index is there, else the database), "elasticsearch"
# (never fall back) or "database".
PORTAL_FINDER_BACKEND = os.environ.get("PORTAL_FINDER_BACKEND", "auto")
# On the database back end, filter options about services are counted only up to this many matching locations.
FINDER_DB_FACET_LIMIT = int(os.environ.get("FINDER_DB_FACET_LIMIT", "20000"))
# How many reverse proxies in front of Django append to X-Forwarded-For (0: use REMOTE_ADDR); rate limits rely on it.
PORTAL_TRUSTED_PROXY_COUNT = int(os.environ.get("PORTAL_TRUSTED_PROXY_COUNT", "0"))
# The canonical address of the portal (scheme + host, no trailing slash) for the sitemap and links in open data;
# empty: the default Wagtail site's hostname and port.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "")

LEAFLET_CONFIG = {
    "TILES": [
        (
            "",
            PORTAL_MAP_TILE_URL,
            {"attribution": PORTAL_MAP_TILE_ATTRIBUTION, "maxZoom": 18},
        )
    ],
    "DEFAULT_CENTER": (55.0, 82.9),
    "DEFAULT_ZOOM": 5,
    "MIN_ZOOM": 2,
    "MAX_ZOOM": 18,
    "RESET_VIEW": False,
    "ATTRIBUTION_PREFIX": "Leaflet",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # The audit trail of admin sign-in lockouts (django-axes keeps every attempt in the database too).
    "loggers": {"core.security": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# robots.txt forbids everything (a staging copy): ROBOTS_DISALLOW_ALL=1.
ROBOTS_DISALLOW_ALL = os.environ.get("ROBOTS_DISALLOW_ALL", "").lower() in {"1", "true", "yes"}
# load_demo creates the published demo admin login only under DEBUG or with PORTAL_DEMO_ADMIN=1, and never
# with production settings (they force it off).
PORTAL_DEMO_ADMIN = os.environ.get("PORTAL_DEMO_ADMIN", "").lower() in {"1", "true", "yes"}
# True only in portal/settings/production.py: refuses demo logins and other local-only conveniences.
PORTAL_PRODUCTION = False

# Hostile requests (portal/middleware/requests.py): longer URLs get 414, far beyond any real page's.
PORTAL_MAX_URL_LENGTH = int(os.environ.get("PORTAL_MAX_URL_LENGTH", "4096"))
# Guidance "was this page helpful?" votes per client address: per page and in total, per day.
PORTAL_VOTES_PER_PAGE = int(os.environ.get("PORTAL_VOTES_PER_PAGE", "3"))
PORTAL_VOTES_PER_DAY = int(os.environ.get("PORTAL_VOTES_PER_DAY", "60"))

# Cookies (portal/cookies.py): every cookie the portal sets gets these flags; production makes them Secure.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
PORTAL_COOKIE_SECURE = False
PORTAL_COOKIE_SAMESITE = "Lax"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

# Admin login throttling (django-axes): after PORTAL_LOGIN_FAILURE_LIMIT wrong passwords for one account, or
# from one address, further attempts are refused for PORTAL_LOGIN_COOLOFF_MINUTES; every attempt is recorded.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("PORTAL_LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "core.security.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.axes_client_ip"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False

# Content-Security-Policy (portal/middleware/csp.py, portal/csp.py): no inline script or style on public pages;
# Wagtail's admin (inline scripts of its own) gets a looser policy of its own, under its URL only.
PORTAL_CSP_FRAME_SRC = [src for src in os.environ.get("PORTAL_CSP_FRAME_SRC", "https:").split() if src]
PORTAL_CSP_REPORT_URI = os.environ.get("PORTAL_CSP_REPORT_URI", "")
_CSP_SOURCES = {
    "tile_url": PORTAL_MAP_TILE_URL,
    "static_url": STATIC_URL,
    "media_url": MEDIA_URL,
    "frame_src": PORTAL_CSP_FRAME_SRC,
    "report_uri": PORTAL_CSP_REPORT_URI,
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_directives(**_CSP_SOURCES)}
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": admin_directives(**_CSP_SOURCES)}

# /.well-known/security.txt (RFC 9116): answered only when a contact is set (mailto:… or https://…, several
# separated by spaces); Expires defaults to a year after the start of the process.
PORTAL_SECURITY_CONTACT = [c for c in os.environ.get("PORTAL_SECURITY_CONTACT", "").split() if c]
PORTAL_SECURITY_EXPIRES = os.environ.get("PORTAL_SECURITY_EXPIRES", "")
PORTAL_SECURITY_POLICY_URL = os.environ.get("PORTAL_SECURITY_POLICY_URL", "")

# Public API (/api/v1/, /api/hsds/): CORS for reading from any origin, per-client rate limits, ETag and
# Last-Modified with conditional GETs (portal/api_http.py). API_RATE_LIMIT is "requests/seconds" per client.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "300/60")
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
INSTALLED_APPS += ["corsheaders"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"), "corsheaders.middleware.CorsMiddleware"
)
# Innermost, but before a middleware that must stay last (django-axes), if there is one.
_LAST = [name for name in MIDDLEWARE if name.startswith("axes.")]
MIDDLEWARE.insert(MIDDLEWARE.index(_LAST[0]) if _LAST else len(MIDDLEWARE), "core.api_http.ApiHttpMiddleware")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "accept-language", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = (
    "ETag",
    "Last-Modified",
    "Retry-After",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
)
CORS_PREFLIGHT_MAX_AGE = 86400
