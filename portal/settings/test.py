"""Test settings: the real services come from DATABASE_URL / ELASTICSEARCH_URL (see scripts/test.sh)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

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
# shares SEARCH_INDEX_PREFIX (load_demo in the test session rebuilds them from the test database); each parallel
# worker (pytest-xdist) gets its own too, as pytest-django gives it its own database.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
SEARCH_INDEX_PREFIX = "-".join(filter(None, [os.environ.get("SEARCH_INDEX_PREFIX", "portal"), "test", _WORKER]))
# A fresh folder per process (test run, parallel worker, `manage.py check` in lint, subprocess) for media and
# import uploads, removed when that process ends, unless MEDIA_ROOT is given.
TEST_MEDIA_ROOT_CREATED = None if os.environ.get("MEDIA_ROOT") else tempfile.mkdtemp(prefix="portal-test-media-")
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or TEST_MEDIA_ROOT_CREATED
PROVIDER_IMPORT_DIR = Path(tempfile.mkdtemp(prefix="portal-test-imports-"))
for _folder in filter(None, [TEST_MEDIA_ROOT_CREATED, PROVIDER_IMPORT_DIR]):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)
# WhiteNoise looks into STATIC_ROOT at start-up (an empty folder here). Browser tests' live server serves static
# files from the finders itself; WhiteNoise's own finder scan would run again for every test client.
STATIC_ROOT = os.path.join(tempfile.gettempdir(), "portal-test-static")
os.makedirs(STATIC_ROOT, exist_ok=True)
WHITENOISE_USE_FINDERS = False
