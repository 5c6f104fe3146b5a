"""Journey: entries that stay true (issue 26), in a real Chromium at 390×844.

An operator sends a round from the admin → the mail worker (django-tasks' `db_worker --backend mail`, in a thread)
delivers it to a real SMTP server on loopback → the provider opens the link read from the received message →
«Есть изменения»: a new phone number and a new age range → the operator reads the field-by-field diff and
publishes → the provider page, the finder, /api/v1/providers and the HSDS API show the new values and the
date of the organisation's confirmation. axe runs on each public verification page in the standard version and
in the visually-impaired colour schemes.
"""

import datetime as dt
import os
import threading
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.utils import formats, timezone

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from core.accessibility import COOKIE_NAME, Vision
from providers_map.models import Organisation
from providers_map.verification.models import Message, Round
from tests.e2e.conftest import admin_log_in, axe_violations, registry_operator
from tests.e2e.journeys import timed
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory
from tests.providers_map.verification.smtp import smtp_sink

pytestmark = pytest.mark.e2e

MOBILE = {"width": 390, "height": 844}
EMAIL = "priem@proverka.example.org"
NAME = "Центр ранней помощи «Проверка»"
NEW_PHONE, NEW_PHONE_STORED = "+7 383 299-00-11", "+73832990011"
SCHEMES = {
    "white on black": Vision(True, size=2, scheme="wb", spacing=1, images=True),
    "dark blue on light blue": Vision(True, size=1, scheme="blue", spacing=0, images=True),
    "brown on beige": Vision(True, size=1, scheme="brown", spacing=2, images=False),
}


@pytest.fixture(scope="module")
def verification_world(django_db_blocker, demo_server):
    """A due entry added to the committed demo, a real SMTP server, the mail worker and an operator who may
    publish; everything made here is removed afterwards (the demo's entries are asked too, and left as they were)."""
    with django_db_blocker.unblock(), smtp_sink() as sink:
        with override_settings(PORTAL_BASE_URL=demo_server.url):
            tasks_before = set(DBTaskResult.objects.values_list("pk", flat=True))
            organisation = OrganisationFactory(
                name=NAME, email=EMAIL, phones="+73832223344", live=False,
                verified_at=timezone.localdate() - dt.timedelta(days=300),
            )  # fmt: skip
            LocationFactory(organisation=organisation, latitude=Decimal("55.0400"), longitude=Decimal("82.9300"))
            ServiceFactory(organisation=organisation)
            organisation.save_revision().publish()
            user = registry_operator(django_db_blocker, "verifier", "verifier-pw")
            user.groups.add(Group.objects.get(name="Moderators"))
            worker = Worker(
                queue_names=["default"], interval=0.2, batch=False, backend_name="mail", startup_delay=False,
                max_tasks=None, worker_id=f"e2e-mail-worker-{os.getpid()}", excluded_queue_names=[],
            )  # fmt: skip

            def work():
                try:
                    worker.run()
                finally:
                    connection.close()

            thread = threading.Thread(target=work, daemon=True)
            thread.start()
            try:
                yield sink, organisation
            finally:
                worker.running = False
                thread.join(timeout=60)
                Round.objects.all().delete()  # with its messages (the demo's entries were asked too)
                Message.objects.all().delete()
                # One entry: deleting it takes it out of the search indices too (search's post_delete listener).
                Organisation.objects.get(pk=organisation.pk).delete()
                DBTaskResult.objects.exclude(pk__in=tasks_before).delete()
                user.delete()


def no_violations(page, where):
    violations = axe_violations(page)
    assert not violations, f"{where}: {violations}"


def schemes_pass(browser, urls_by_scheme):
    """axe on each URL in its visually-impaired colour scheme, at 390 px (each scheme covers other pages, so that
    every scheme and every verification page is checked without checking each pair)."""
    for name, urls in urls_by_scheme.items():
        context = browser.new_context(locale="ru-RU", viewport=MOBILE, bypass_csp=True)
        context.add_cookies([{"name": COOKIE_NAME, "value": SCHEMES[name].to_cookie(), "url": urls[0]}])
        page = context.new_page()
        for url in urls:
            page.goto(url)
            no_violations(page, f"{url} ({name})")
        context.close()


def test_operator_round_provider_changes_operator_publishes_everyone_sees_it(browser, verification_world, site_url):
    sink, organisation = verification_world
    operator_context = browser.new_context(locale="ru-RU", viewport=MOBILE, bypass_csp=True)
    provider_context = browser.new_context(locale="ru-RU", viewport=MOBILE, bypass_csp=True)
    operator, provider = operator_context.new_page(), provider_context.new_page()
    with timed("verification: round → provider's changes → publish"):
        # The operator sends a round; the worker sends it while the progress page follows it.
        admin_log_in(operator, site_url, "verifier", "verifier-pw")
        operator.goto(site_url + "/admin/verification/")
        operator.get_by_role("button", name="Отправить").click()
        operator.get_by_text("Завершена").wait_for(timeout=60_000)
        assert int(operator.locator('[data-count="refused"]').inner_text()) == 0

        # The provider follows the link from the message the SMTP server received.
        [message] = sink.to(EMAIL)
        link = sink.link(message)
        assert link.startswith(site_url) and "Всё верно" in sink.text(message)
        provider.goto(link)
        assert provider.get_by_role("heading", level=1).first.inner_text() == "Проверьте запись вашей организации"
        no_violations(provider, "link page")
        provider.get_by_role("link", name="Есть изменения").click()
        no_violations(provider, "changes form")
        schemes_pass(browser, {"white on black": [link], "dark blue on light blue": [provider.url]})
        provider.get_by_label("Телефоны").fill(NEW_PHONE)
        new_service = provider.get_by_role("group", name="Новая услуга 1 (необязательно)")
        new_service.get_by_label("Услуга").select_option(label="Консультирование семьи")
        new_service.get_by_label("С возраста, мес.").fill("36")
        new_service.get_by_label("До возраста, мес.").fill("84")
        provider.get_by_label("Ваше имя и должность (необязательно)").fill("Ирина Петрова, директор")
        provider.get_by_role("button", name="Отправить изменения").click()
        provider.get_by_text("Изменения отправлены оператору реестра").wait_for()
        no_violations(provider, "thanks page")
        assert NEW_PHONE not in provider.request.get(site_url + organisation.get_absolute_url()).text()

        # The operator reads the diff and publishes.
        operator.goto(site_url + "/admin/verification/")
        operator.get_by_role("link", name=NAME).first.click()
        diff = operator.locator("table.listing")
        assert "73832223344" in diff.inner_text() and "73832990011" in diff.inner_text()
        assert "84" in diff.locator(".addition").all_inner_texts()[-1] or "84" in diff.inner_text()
        operator.get_by_role("button", name="Опубликовать").click()
        operator.get_by_text("Изменения опубликованы").wait_for()

        # Everyone sees the new values and the date of the organisation's confirmation.
        today = timezone.localdate()
        confirmed = f"Сведения подтверждены организацией {formats.date_format(today, 'j E Y')}"
        provider.goto(site_url + organisation.get_absolute_url())
        body = provider.locator("main").inner_text()
        assert confirmed in body
        assert "+7 383 299-00-11" in body and "от 3 лет до 7 лет" in body
        provider.goto(site_url + "/providers/?q=" + "Проверка")
        card = provider.locator(".finder-card", has_text="Проверка")
        assert confirmed in card.inner_text()
        api = provider.request.get(f"{site_url}/api/v1/providers/{organisation.pk}").json()
        assert api["phones"] == [NEW_PHONE_STORED] and api["verified_at"] == today.isoformat()
        assert {(s["age_min_months"], s["age_max_months"]) for s in api["services"]} == {(0, 36), (36, 84)}
        hsds = provider.request.get(f"{site_url}/api/hsds/organizations/{organisation.uuid}").json()
        assert [phone["number"] for phone in hsds["phones"]] == [NEW_PHONE_STORED]
        assert hsds["metadata"][0]["last_action_date"] == today.isoformat()
        assert {service["assured_date"] for service in hsds["services"]} == {today.isoformat()}
    # After the proposal the link's form is refused (409): that page, and «Это ваша организация?», in the schemes.
    schemes_pass(browser, {"brown on beige": [link + "changes/", f"{site_url}/providers/{organisation.slug}/claim/"]})
    operator_context.close()
    provider_context.close()
