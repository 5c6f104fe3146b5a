"""Journey 4. An editor writes a guidance page and submits it; a moderator approves it; the page is public and
the site's search finds it within seconds."""

import re
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.conftest import admin_log_in
from tests.e2e.journeys import timed

pytestmark = pytest.mark.e2e

TITLE = "Малыш плохо спит по ночам"
POINT = "Короткий сон и частые пробуждения бывают у многих малышей."
TEXT = "Малыш часто просыпается ночью. Так бывает. Спросите врача, если малыш плохо спит каждую ночь."
SEARCH_WAIT = 10  # seconds the public search may take to show a newly published page


@pytest.fixture
def newsroom(transactional_db, live_server):
    """The site with the parents' hub, an editor and a moderator, and Wagtail's moderation workflow.

    The database is empty when this test runs alone, and holds the committed demo (whose home page already has
    the parents' hub) when it runs after the tests that use it: the hub is reused then.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage

    from core import demo_core
    from home import demo_site
    from home.models import GuidanceIndexPage

    demo_core.ensure_taxonomies()
    home = demo_site.ensure_site()
    hub = GuidanceIndexPage.objects.child_of(home).filter(slug="parents").first()
    if hub is None:
        hub = GuidanceIndexPage(title="Родителям", slug="parents", intro="Советы о развитии малыша.")
        home.add_child(instance=hub)
        hub.save_revision().publish()
    root = Page.get_first_root_node()
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = {}
    for name, rights in (
        ("Editors", ["add_page", "change_page"]),
        ("Moderators", ["add_page", "change_page", "publish_page"]),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access)
        for codename in rights:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=Permission.objects.get(codename=codename)
            )
        groups[name] = group
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval")
    task, _ = GroupApprovalTask.objects.get_or_create(name="Moderators approval")
    task.groups.set([groups["Moderators"]])
    workflow.workflow_tasks.get_or_create(task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
    User = get_user_model()
    for username, group in (("editor", "Editors"), ("moderator", "Moderators")):
        user = User.objects.create_user(username, f"{username}@example.org", f"{username}-pw")
        user.groups.add(groups[group])
    return hub


def log_in(page, base, username):
    admin_log_in(page, base, username, f"{username}-pw")


def admin_message(page, title):
    """The admin's message about this page once the form has been sent: waiting for it rides out the redirect
    (reading the page at once raced with it, in a fast run). When the form was refused, fail with its errors."""
    message = page.locator(".messages li", has_text=title).first
    try:
        message.wait_for(timeout=30_000)
    except PlaywrightTimeoutError:
        refused = page.locator(".error-message").all_inner_texts()
        raise AssertionError(f"no message about the page; the admin's form errors: {refused}") from None
    return message.inner_text()


def test_editor_writes_moderator_approves_and_search_finds_the_page(page, live_server, newsroom):
    from home.models import GuidancePage

    page.set_viewport_size({"width": 1280, "height": 1000})
    with timed("4. Editor writes → moderator approves → public and found by search"):
        log_in(page, live_server.url, "editor")
        page.goto(f"{live_server.url}/admin/pages/add/home/guidancepage/{newsroom.pk}/")
        # The slug is copied from the title by an admin controller that starts after the page's scripts load; a
        # title typed earlier leaves the slug empty and the form is refused (it was, once, on a busy machine).
        page.wait_for_function("() => window.wagtail?.app?.queryController('w-sync')")
        page.fill("#id_title", TITLE)
        page.press("#id_title", "Tab")  # leaving the field copies the title into the slug
        page.wait_for_function("() => document.getElementById('id_slug').value !== ''")
        page.locator("[data-contentpath=summary] button.c-sf-add-button").first.click()
        page.fill("#summary-0-value", POINT)
        page.locator("[data-contentpath=body] button.c-sf-add-button").first.click()
        page.get_by_role("option", name="Абзац").click()
        page.locator("[data-contentpath=body] .public-DraftEditor-content").first.click()
        page.keyboard.type(TEXT)
        # Draftail copies the text into the form's hidden field a moment after typing; submit only then.
        page.wait_for_function(
            "text => (document.getElementById('body-0-value').value || '').includes(text)", arg=TEXT.split(".")[0]
        )
        page.get_by_role("button", name="Больше действий").click()
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("Отправить в")).click()
        assert "отправлена на модерацию" in admin_message(page, TITLE)
        draft = GuidancePage.objects.get(title=TITLE)
        assert not draft.live and draft.current_workflow_state.status == "in_progress"
        hub = page.context.request.get(live_server.url + newsroom.url)
        assert hub.ok and TITLE not in hub.text()

        log_in(page, live_server.url, "moderator")
        page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
        page.get_by_role("button", name="Больше действий").click()
        with page.expect_navigation():
            page.get_by_role("button", name="Одобрить и Опубликовать").click()
        assert admin_message(page, TITLE)
        draft.refresh_from_db()
        assert draft.live

        page.context.clear_cookies()  # a visitor from now on
        page.goto(live_server.url + draft.url)
        assert page.get_by_role("heading", level=1).inner_text() == TITLE
        assert POINT in page.locator(".guidance-summary").inner_text()

        deadline = time.monotonic() + SEARCH_WAIT
        while True:
            page.goto(live_server.url + "/search/?q=плохо+спит+по+ночам")
            if page.get_by_role("link", name=TITLE).count():
                break
            assert time.monotonic() < deadline, "the published page is not found by search"
            time.sleep(0.5)
        page.get_by_role("link", name=TITLE).first.click()
        page.wait_for_url("**" + draft.url)
