import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone

import pytest

from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory

from .smtp import smtp_sink

# Tasks run at once in these tests (the mail worker's queue is exercised by the browser journey).
IMMEDIATE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}


@pytest.fixture
def sink():
    with smtp_sink() as server, override_settings(TASKS=IMMEDIATE_TASKS, PORTAL_BASE_URL="http://testserver"):
        yield server


def entry(days=None, email="info@rostok.example.org", live=True, **fields):
    """A published entry with one branch and one service, verified `days` ago (None: never), with a revision."""
    verified = timezone.localdate() - dt.timedelta(days=days) if days is not None else None
    organisation = OrganisationFactory(verified_at=verified, email=email, live=False, **fields)
    LocationFactory(organisation=organisation)
    ServiceFactory(organisation=organisation)
    revision = organisation.save_revision()
    if live:
        revision.publish()
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("moderator", "moderator@example.org", "pw")
    user.groups.add(Group.objects.get(name="Moderators"), Group.objects.get(name="Операторы реестра"))
    return user
