"""The registry editor's location picker in a real Chromium: map click, marker drag, gazetteer suggestions.

Tiles come from PORTAL_MAP_TILE_URL; nothing here depends on tiles loading (the map works on a blank
background), so the test runs offline.
"""

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def _picker_org(demo_server, django_db_blocker):
    """An organisation with one placed branch and a registry operator, added to the committed demo for this
    module's tests and removed afterwards (nothing here saves the form)."""
    from tests.e2e.conftest import registry_operator, registry_restored
    from tests.providers_map.factories import LocationFactory, OrganisationFactory

    with django_db_blocker.unblock(), registry_restored():
        org = OrganisationFactory(short_name="Центр «Карта»")
        LocationFactory(organisation=org, latitude="55.030204", longitude="82.920430")
        user = registry_operator(django_db_blocker, "picker-operator", "operator-pw")
        try:
            yield org
        finally:
            user.delete()


@pytest.fixture
def editor(_picker_org, site_url, page):
    """The operator on the organisation's edit form, on its «Адреса» tab."""
    from tests.e2e.conftest import admin_log_in

    admin_log_in(page, site_url, "picker-operator", "operator-pw")
    page.goto(f"{site_url}/admin/snippets/providers_map/organisation/edit/{_picker_org.pk}/")
    page.get_by_role("tab", name="Адреса").click()
    return _picker_org


def field(page, name):
    return page.locator(f"#id_locations-0-{name}")


def test_click_and_drag_set_the_coordinates(page, editor):
    map_box = page.locator(".location-picker__map").first
    map_box.scroll_into_view_if_needed()
    page.wait_for_selector(".leaflet-marker-icon")
    box = map_box.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.2)
    lat, lon = float(field(page, "latitude").input_value()), float(field(page, "longitude").input_value())
    assert lat > 55.030204 and lon > 82.920430  # north-east of the old point
    assert field(page, "coordinates_source").input_value() == "editor"

    marker = page.locator(".leaflet-marker-icon").first.bounding_box()
    page.mouse.move(marker["x"] + marker["width"] / 2, marker["y"] + marker["height"] - 4)
    page.mouse.down()
    page.mouse.move(marker["x"] - 80, marker["y"] + 60, steps=8)
    page.mouse.up()
    dragged = float(field(page, "longitude").input_value())
    assert dragged < lon


def test_typing_a_locality_proposes_gazetteer_coordinates(page, editor):
    field(page, "locality").fill("Бердск")
    suggestion = page.locator(".location-picker__suggestions button").first
    suggestion.wait_for()
    assert "Бердск" in suggestion.text_content()
    suggestion.press("Enter")  # reachable and usable by keyboard
    assert 54.7 < float(field(page, "latitude").input_value()) < 54.8
    assert 83.0 < float(field(page, "longitude").input_value()) < 83.2
    assert field(page, "coordinates_source").input_value() == "gazetteer"
    assert field(page, "coordinates_approximate").is_checked()


def test_a_location_added_in_the_editor_gets_its_own_picker(page, editor):
    page.get_by_role("button", name="Добавить адрес").click()
    page.wait_for_selector("#id_locations-1-longitude")
    assert page.locator("[data-location-picker][data-ready]").count() == 2


def test_editor_with_the_picker_passes_axe(page, editor):
    from tests.e2e.conftest import axe_violations

    page.locator(".location-picker__map").first.scroll_into_view_if_needed()
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-marker-icon").first.get_attribute("alt") == "Место на карте"
    assert axe_violations(page) == []
