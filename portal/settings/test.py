"""Test settings: the real services come from DATABASE_URL / ELASTICSEARCH_URL (see scripts/test.sh)."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# Tests get their own indices ("<prefix>-test-…") so a test run never replaces the indices of a dev server that
# shares SEARCH_INDEX_PREFIX (load_demo in the test session rebuilds them from the test database).
SEARCH_INDEX_PREFIX = f"{os.environ.get('SEARCH_INDEX_PREFIX', 'portal')}-test"
# A fresh media directory per run (removed by tests/conftest.py at the end) unless MEDIA_ROOT is given.
TEST_MEDIA_ROOT_CREATED = None if os.environ.get("MEDIA_ROOT") else tempfile.mkdtemp(prefix="portal-test-media-")
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or TEST_MEDIA_ROOT_CREATED
# WhiteNoise looks into STATIC_ROOT at start-up; tests serve static files from the finders instead.
STATIC_ROOT = os.path.join(tempfile.gettempdir(), "portal-test-static")
os.makedirs(STATIC_ROOT, exist_ok=True)
WHITENOISE_USE_FINDERS = True
