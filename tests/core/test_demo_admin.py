"""The demo's admin login (its password is published in the README) exists only for local use."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest

from core import demo_core

pytestmark = pytest.mark.django_db


def test_the_committed_demo_under_test_settings_has_no_demo_admin(demo_site):
    assert not get_user_model().objects.filter(username=demo_core.ADMIN_USERNAME).exists()


@pytest.mark.parametrize(
    ("debug", "flag", "requested", "production", "allowed"),
    [
        (True, False, False, False, True),  # make run
        (False, True, False, False, True),  # PORTAL_DEMO_ADMIN=1 on a staging copy
        (False, False, True, False, True),  # load_demo --create-admin
        (False, False, False, False, False),
        (True, True, True, True, False),  # production settings: never
    ],
)
def test_demo_admin_only_under_debug_or_an_explicit_flag(settings, debug, flag, requested, production, allowed):
    settings.DEBUG, settings.PORTAL_DEMO_ADMIN, settings.PORTAL_PRODUCTION = debug, flag, production
    assert demo_core.demo_admin_allowed(requested) is allowed


def test_load_demo_refuses_to_create_the_admin_with_production_settings(settings):
    settings.PORTAL_PRODUCTION = True
    with pytest.raises(CommandError, match="never created with production settings"):
        call_command("load_demo", "--create-admin", stdout=StringIO())
    assert not get_user_model().objects.exists()
