import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _import_settings(module, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _import_settings("portal.settings.production", ALLOWED_HOSTS="portal.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _import_settings("portal.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_to_start_without_wagtailadmin_base_url():
    result = _import_settings("portal.settings.production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="portal.example")
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be set" in result.stderr


def test_production_starts_with_all_three_set_and_warns_without_a_shared_cache():
    env = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "portal.example", "WAGTAILADMIN_BASE_URL": "https://portal.example"}
    result = _import_settings("portal.settings.production", **env, CACHE_URL="")
    assert result.returncode == 0, result.stderr
    assert "CACHE_URL is not set" in result.stderr
    shared = _import_settings("portal.settings.production", **env, CACHE_URL="redis://127.0.0.1:6379/0")
    assert shared.returncode == 0, shared.stderr
    assert "CACHE_URL" not in shared.stderr


def test_base_settings_are_production_safe():
    from portal.settings import base

    assert base.DEBUG is False
    assert base.LANGUAGE_CODE == "ru"
    assert base.TIME_ZONE == "Europe/Moscow"
    assert base.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert base.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "wagtail.search.backends.database"
