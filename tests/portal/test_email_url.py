"""EMAIL_URL → Django's mail settings (portal/settings/email_url.py); production's warning is in test_settings."""

from django.core.exceptions import ImproperlyConfigured

import pytest

from portal.settings.email_url import CONSOLE, SMTP, delivers, email_settings


def test_smtp_with_starttls_and_a_percent_encoded_login():
    config = email_settings(
        "smtp+tls://portal%40example.org:p%3Ass@smtp.example.org:587?timeout=5&from=noreply@example.org"
    )
    assert config == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "portal@example.org",
        "EMAIL_HOST_PASSWORD": "p:ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 5.0,
        "DEFAULT_FROM_EMAIL": "noreply@example.org",
    }
    assert delivers(config)


def test_plain_relay_tls_from_the_start_and_default_ports():
    relay = email_settings("smtp://mail.internal:2525")
    assert (relay["EMAIL_HOST"], relay["EMAIL_PORT"], relay["EMAIL_USE_TLS"], relay["EMAIL_TIMEOUT"]) == (
        "mail.internal", 2525, False, 10,
    )  # fmt: skip
    assert email_settings("smtp://mail.internal")["EMAIL_PORT"] == 25
    ssl = email_settings("smtp+ssl://u:p@mail.example.org")
    assert (ssl["EMAIL_PORT"], ssl["EMAIL_USE_SSL"], ssl["EMAIL_USE_TLS"]) == (465, True, False)


def test_console_in_development_and_when_unset():
    assert email_settings("") == {"EMAIL_BACKEND": CONSOLE} == email_settings("console://")
    assert not delivers(email_settings(""))


@pytest.mark.parametrize(
    "url, words",
    [
        ("smpt://host:25", "unknown scheme 'smpt'"),
        ("smtp://host:99999", "port"),
        ("smtp+tls://user:pass@:587", "needs a host"),
        ("smtp://host:25?timeout=-1", "timeout"),
    ],
)
def test_a_malformed_url_stops_start_up_with_a_clear_message(url, words):
    with pytest.raises(ImproperlyConfigured, match=words):
        email_settings(url)
