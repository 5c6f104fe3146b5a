"""Editors keep the checklists in the admin: revisions, the moderation workflow, preview, the readability check."""

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

import pytest

from selfcheck.wagtail_hooks import warn_when_hard_to_read
from tests.selfcheck.builders import make_checklist, make_warning_signs

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw"))
    return client


def test_checklists_are_moderated_snippets_with_revisions_and_the_readability_panel(admin_client):
    checklist = make_checklist(24)
    make_warning_signs()
    assert checklist.revisions.count() == 1 and checklist.live
    assert checklist.get_workflow().name == "Moderators approval"
    listing = admin_client.get("/admin/snippets/selfcheck/milestonechecklist/").content.decode()
    assert "Как развивается ребёнок в 2 года" in listing
    edit = admin_client.get(f"/admin/snippets/selfcheck/milestonechecklist/edit/{checklist.pk}/").content.decode()
    assert "Проверка ясного языка" in edit and "Говорит два слова вместе." in edit
    assert "Moderators approval" in edit  # «Отправить на …»: the workflow's action is offered
    signs = admin_client.get("/admin/snippets/selfcheck/warningsignlist/").content.decode()
    assert "Тревожные признаки" in signs


def test_the_preview_shows_the_checklist_as_parents_see_it():
    checklist = make_checklist(24)
    checklist.intro = "Черновик вступления."
    response = checklist.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200 and "Черновик вступления." in html and "Бегает." in html


def test_publishing_a_hard_text_warns_the_editor_and_publishes_anyway():
    checklist = make_checklist(24, intro="Непосредственно взаимодействующий дошкольник систематически интересуется.")
    request = RequestFactory().get("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    warn_when_hard_to_read(request, checklist)
    (message,) = get_messages(request)
    assert "читается труднее" in str(message)
    assert checklist.live
