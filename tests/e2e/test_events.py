"""Events in a real Chromium on a phone (390×844), by keyboard only: a parent in Novosibirsk finds next month's
online seminar for parents of two-year-olds and adds it to the calendar; the .ics holds the seminar's time."""

import datetime as dt
import zoneinfo

from django.utils import timezone

import icalendar
import pytest

from tests.e2e.test_journey_6_keyboard_only import choose_with_arrows, expect_focus_shown, tab_to

pytestmark = pytest.mark.e2e

SEMINAR = "Онлайн-семинар для родителей: играем с малышом двух лет"


def test_a_parent_in_novosibirsk_finds_next_months_online_seminar_and_adds_it_to_the_calendar(browser, site_url):
    context = browser.new_context(
        locale="ru-RU", viewport={"width": 390, "height": 844}, timezone_id="Asia/Novosibirsk"
    )
    page = context.new_page()
    today = timezone.localdate()
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).strftime("%Y-%m")
    try:
        page.goto(site_url + "/events/")
        tab_to(page, "document.activeElement.matches('.events-filters__summary')")  # folded away on a phone
        page.keyboard.press("Enter")
        for control, value in [
            ("ef-region", "54"),
            ("ef-audience", "parents"),
            ("ef-format", "online"),
            ("ef-age", "2-3y"),
            ("ef-month", next_month),
        ]:
            tab_to(page, f"document.activeElement.id === '{control}'")
            choose_with_arrows(page, value, limit=100)
        tab_to(page, "document.activeElement.textContent.trim() === 'Показать события'")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/events/?*month={next_month}*")

        titles = page.locator(".event-card__title").all_inner_texts()
        assert SEMINAR in titles
        card = page.locator(".event-card", has_text=SEMINAR)
        assert "Новосибирск, МСК+4" in card.inner_text()
        tab_to(page, f"document.activeElement.textContent.trim() === '{SEMINAR}'")
        page.keyboard.press("Enter")
        page.wait_for_url("**/events/play-with-a-two-year-old-webinar/")

        tab_to(page, "document.activeElement.textContent.trim() === 'Добавить в календарь'")
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        expect_focus_shown(page)
        calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
        event = next(iter(calendar.walk("VEVENT")))
        start = event.decoded("DTSTART")
        assert str(event["SUMMARY"]) == SEMINAR
        assert start.astimezone(zoneinfo.ZoneInfo("Asia/Novosibirsk")).strftime("%Y-%m %H:%M") == f"{next_month} 19:00"

        # a webinar at 10:00 in Vladivostok: in the region the parent picked (the server writes it) …
        page.goto(site_url + "/events/functional-assessment-webinar/")
        reader = page.locator(".event-facts .event-when__reader")
        assert reader.inner_text() == "По вашему времени (Новосибирск, МСК+4): 07:00–08:30"
        # … and, for a reader who picked none, in the device's zone (the script adds it)
        context.clear_cookies()
        page.reload()
        assert reader.inner_text().startswith("По вашему времени (часовой пояс вашего устройства): ")
        assert reader.inner_text().endswith(", 07:00–08:30")
    finally:
        context.close()
