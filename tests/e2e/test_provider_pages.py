"""Provider page, registry list and report form in a real Chromium: axe, keyboard, no JavaScript, zoom."""

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def _luchik(demo_server, django_db_blocker):
    """One published provider with two branches (one placed approximately) and three more, added to the committed
    demo for this module's tests and removed afterwards."""
    from search import indexing
    from tests.e2e.conftest import registry_restored
    from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, service_type

    with django_db_blocker.unblock(), registry_restored():
        # one search update per kind when the data is in place, not one per saved object
        with indexing.batched():
            org = OrganisationFactory(name="Центр ранней помощи «Лучик»", short_name="Центр «Лучик»")
            LocationFactory(organisation=org, name="Главный офис", address="ул. Ленина, д. 5")
            LocationFactory(
                organisation=org,
                name="Филиал в Бердске",
                locality="Бердск",
                address="ул. Мира, д. 1",
                latitude="54.758000",
                longitude="83.107000",
                coordinates_approximate=True,
            )
            ServiceFactory(organisation=org, age_min_months=6, concerns=["autism"])
            ServiceFactory(organisation=org, service_type=service_type("parent-groups"))
            others = [OrganisationFactory(name=f"Служба ранней помощи «Лучик» №{number + 1}") for number in range(3)]
            for other in others:
                LocationFactory(organisation=other)
        yield org


@pytest.fixture
def provider(_luchik, site_url):
    from providers_map.models import ErrorReport

    return {"url": site_url, "org": _luchik, "reports": ErrorReport.objects.filter(organisation=_luchik)}


@pytest.mark.parametrize("path", ["detail", "list", "filtered list", "report", "empty list"])
def test_registry_pages_pass_axe(page, provider, path):
    slug = provider["org"].slug
    url = {
        "detail": f"/providers/{slug}/",
        "list": "/providers/",
        "filtered list": "/providers/?service=iprp&concern=autism&age=abc",
        "report": f"/providers/{slug}/report/",
        "empty list": "/providers/?q=Владивосток",
    }[path]
    page.goto(provider["url"] + url)
    assert axe_violations(page) == []


def test_report_form_with_errors_passes_axe(page, provider):
    page.goto(provider["url"] + f"/providers/{provider['org'].slug}/report/")
    page.fill("#id_email", "mama@example.org")
    page.click(".report-form button[type=submit]")  # not the header's mode switch
    assert page.locator(".errorlist").count() >= 1
    assert axe_violations(page) == []


def test_report_form_can_be_filled_and_sent_with_the_keyboard_only(page, provider):
    page.goto(provider["url"] + f"/providers/{provider['org'].slug}/report/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "id_topic":
            break
    else:
        pytest.fail("the topic select is not reachable with Tab")
    page.keyboard.press("ArrowDown")  # second topic: the organisation is closed
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_message"
    page.keyboard.type("Центр переехал на ул. Мира, 1.")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_email"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_consent"
    page.keyboard.press("Tab")  # the demo's privacy policy, linked beside the consent
    assert page.evaluate("() => document.activeElement.textContent") == "Как мы обращаемся с персональными данными"
    page.keyboard.press("Tab")  # the honeypot is skipped: straight to the button
    assert page.evaluate("() => document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    page.wait_for_url("**/report/thanks/")
    assert page.locator("h1").inner_text() == "Спасибо за сообщение"
    report = provider["reports"].get()
    assert (report.topic, report.message) == ("closed", "Центр переехал на ул. Мира, 1.")


def test_provider_page_reads_fine_without_javascript(browser, provider):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(provider["url"] + provider["org"].get_absolute_url())
    assert page.locator("h1").inner_text() == "Центр «Лучик»"
    assert page.get_by_text("630099, Новосибирская область, Новосибирск, ул. Ленина, д. 5").is_visible()
    assert page.locator("table.hours").count() == 2
    assert page.locator(".open-status").first.is_visible()
    assert page.get_by_text("Точка на карте приблизительная").is_visible()
    assert not page.locator("#provider-map").is_visible()  # the map needs JavaScript and stays out of the way
    page.get_by_text("Сообщить об ошибке", exact=True).click()  # <details> opens without JavaScript
    assert page.locator("#id_message").is_visible()
    context.close()


def test_list_filters_work_without_javascript(browser, provider, settings):
    settings.PORTAL_FINDER_BACKEND = "database"  # this test's own rows, whatever the shared index holds
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(provider["url"] + "/providers/")
    page.locator("summary", has_text="Фильтры").click()
    page.fill("#finder-q", "Лучик")
    page.select_option("#finder-concern", "autism")
    page.get_by_role("button", name="Показать").click()
    assert "concern=autism" in page.url
    assert page.locator(".finder-card").count() == 2  # Лучик's two branches
    assert page.get_by_text("Найдено 2 места").is_visible()
    context.close()


def test_map_shows_a_marker_per_branch_with_javascript(page, provider):
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())  # no tiles offline: still works
    page.goto(provider["url"] + provider["org"].get_absolute_url())
    page.wait_for_selector("#provider-map .leaflet-marker-icon")
    assert page.locator("#provider-map").is_visible()
    assert page.locator("#provider-map .leaflet-marker-icon").count() == 2
    assert page.locator("#provider-map .leaflet-marker-icon").first.get_attribute("alt").startswith("Главный офис")


@pytest.mark.parametrize("path", ["detail", "list"])
def test_pages_reflow_at_200_percent_zoom(page, provider, path):
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(provider["url"] + (provider["org"].get_absolute_url() if path == "detail" else "/providers/"))
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
