"""Admin login throttling (django-axes): locked per account and per address, in Russian, with an audit trail."""

import logging

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
from axes.models import AccessAttempt, AccessFailureLog

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD, is_superuser=True)


def attempt(username, password, address="203.0.113.5"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


def is_signed_in(response):
    return response.status_code == 302 and response["Location"].startswith("/admin/")


def test_the_right_password_signs_in(editor):
    assert is_signed_in(attempt("editor", PASSWORD))


def test_an_account_locks_after_five_wrong_passwords_from_anywhere(editor, settings, caplog):
    with caplog.at_level(logging.WARNING, logger="core.security"):
        statuses = [
            attempt("editor", "wrong", address=f"198.51.100.{number + 1}").status_code
            for number in range(settings.AXES_FAILURE_LIMIT)
        ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]  # the form again, then the lock
    locked = attempt("editor", PASSWORD, address="192.0.2.200")  # even the right password, from elsewhere
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Вход временно закрыт" in page
    assert "Вход закрыт на 30 минут" in page
    assert int(locked["Retry-After"]) == 30 * 60
    assert "Admin login locked: account 'editor'" in caplog.text
    assert AccessFailureLog.objects.filter(username="editor").count() >= settings.AXES_FAILURE_LIMIT
    assert AccessAttempt.objects.filter(username="editor").exists()


def test_an_address_locks_after_five_wrong_passwords_for_any_accounts(editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(f"guess{number}", "wrong", address="203.0.113.9")
    assert attempt("editor", PASSWORD, address="203.0.113.9").status_code == 429
    assert is_signed_in(attempt("editor", PASSWORD, address="203.0.113.10"))  # the account itself is not locked


def test_a_success_before_the_limit_resets_the_count(editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt("editor", "wrong")
    assert is_signed_in(attempt("editor", PASSWORD))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt("editor", "wrong")
    assert is_signed_in(attempt("editor", PASSWORD))


def test_forged_forwarded_addresses_neither_lock_others_nor_break_the_audit(editor, settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="<script>, not-an-ip").post(
            LOGIN, {"username": "nobody", "password": "wrong"}
        )
    assert set(AccessFailureLog.objects.values_list("ip_address", flat=True)) == {"10.0.0.1"}
