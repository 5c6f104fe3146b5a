"""The registry editor's location picker in a real Chromium: map click, marker drag, gazetteer suggestions.

Tiles come from PORTAL_MAP_TILE_URL; nothing here depends on tiles loading (the map works on a blank
background), so the test runs offline.
"""

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def editor(transactional_db, live_server, page):
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal import demo_core
    from providers_map.editor.setup import set_up_registry_editing
    from tests.providers_map.factories import LocationFactory, OrganisationFactory

    demo_core.ensure_taxonomies()
    set_up_registry_editing(apps.get_model)  # live-server tests flush what migrations created
    org = OrganisationFactory(short_name="Центр «Карта»")
    LocationFactory(organisation=org, latitude="55.030204", longitude="82.920430")
    user = get_user_model().objects.create_user("operator", "operator@example.org", "operator-pw")
    user.groups.add(Group.objects.get(name="Операторы реестра"))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "operator")
    page.fill("#id_password", "operator-pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/snippets/providers_map/organisation/edit/{org.pk}/")
    page.get_by_role("tab", name="Адреса").click()
    return org


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
