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
    result = _import_settings("portal.settings.production", **env, CACHE_URL="", EMAIL_URL="")
    assert result.returncode == 0, result.stderr
    assert "CACHE_URL is not set" in result.stderr
    assert "EMAIL_URL names no SMTP server" in result.stderr  # mail would only reach the console
    shared = _import_settings(
        "portal.settings.production", **env, CACHE_URL="redis://127.0.0.1:6379/0", EMAIL_URL="smtp://mail:25"
    )
    assert shared.returncode == 0, shared.stderr
    assert "CACHE_URL" not in shared.stderr and "EMAIL_URL" not in shared.stderr


def test_base_settings_are_production_safe():
    from portal.settings import base

    assert base.DEBUG is False
    assert base.LANGUAGE_CODE == "ru"
    assert base.TIME_ZONE == "Europe/Moscow"
    assert base.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert base.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "wagtail.search.backends.database"


PRODUCTION_ENV = {
    "SECRET_KEY": "test-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
    "ALLOWED_HOSTS": "portal.example",
    "WAGTAILADMIN_BASE_URL": "https://portal.example",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
}


def _production_values(*names, **env):
    code = "from django.conf import settings as s; import django; django.setup(); " + "; ".join(
        f"print(repr(s.{name}))" for name in names
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "PORTAL_HSTS"))}
    clean.update(PRODUCTION_ENV, **env, DJANGO_SETTINGS_MODULE="portal.settings.production")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_production_is_https_only_with_a_year_of_hsts_and_secure_cookies():
    names = (
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "PORTAL_COOKIE_SECURE",
        "X_FRAME_OPTIONS",
        "PORTAL_DEMO_ADMIN",
        "SILENCED_SYSTEM_CHECKS",
    )
    assert _production_values(*names) == [
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "True",
        "True",
        "'DENY'",
        "False",
        "[]",
    ]


def test_behind_a_redirecting_tls_proxy_the_redirect_and_preload_can_be_turned_off():
    values = _production_values(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_PRELOAD",
        "SILENCED_SYSTEM_CHECKS",
        SECURE_SSL_REDIRECT="0",
        PORTAL_HSTS_PRELOAD="0",
    )
    assert values == ["False", "False", "['security.W008', 'security.W021']"]


def test_deploy_checks_pass_under_production_settings():
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set by tests/e2e only
    clean.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="portal.settings.production")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_setting_the_code_reads_is_declared_in_base():
    import re

    from portal.settings import base

    read = set()
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in {".venv", "tests", "node_modules", "var"} or "settings" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"getattr\(settings, \"([A-Z_]+)\"", source))
        read |= {
            name
            for name in re.findall(r"settings\.([A-Z][A-Z_]+)\b", source)
            if name.startswith(("PORTAL_", "ROBOTS_", "SEARCH_", "ELASTICSEARCH_", "READABILITY_"))
        }
    assert read, "found no settings reads"
    assert sorted(name for name in read if not hasattr(base, name)) == []
