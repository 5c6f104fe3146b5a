"""Local development: `make run`. Embedded SQLite and database search unless the env says otherwise."""

import os

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, STORAGES

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# The embedded SQLite database and uploads live under var/ (git-ignored).
from .base import STATIC_ROOT, VAR_DIR  # noqa: E402

VAR_DIR.mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise looks into it at start-up
