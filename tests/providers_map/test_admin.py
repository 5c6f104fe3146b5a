"""The registry in the Wagtail admin: operators' permissions, listing filters, queue, dashboard, endpoints."""

import datetime as dt
import json
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from core.models import Region
from providers_map.models import ErrorReport, Organisation

from .admin_forms import organisation_post
from .factories import ErrorReportFactory, LocationFactory, OrganisationFactory, ServiceFactory, service_type

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_providers_map_organisation:list"
REPORTS_URL = "wagtailsnippets_providers_map_errorreport:list"


@pytest.fixture
def operator():
    user = get_user_model().objects.create_user("operator", "operator@example.org", "pw")
    user.groups.add(Group.objects.get(name="Операторы реестра"))
    return user


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw"))
    return client


def listed_names(response):
    html = response.content.decode()
    return {org.display_name for org in Organisation.objects.all() if f">{org.display_name}<" in html}


def entry(name, region="54", **kwargs):
    org = OrganisationFactory(short_name=name, **kwargs)
    LocationFactory(organisation=org, region=Region.objects.get(code=region))
    return org


# --- Operators' group -------------------------------------------------------------------------------------


def test_operators_group_has_exactly_the_registry_permissions():
    group = Group.objects.get(name="Операторы реестра")
    codenames = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert codenames == {
        "wagtailadmin.access_admin",
        "providers_map.add_organisation",
        "providers_map.change_organisation",
        "providers_map.view_organisation",
        "providers_map.publish_organisation",
        "providers_map.lock_organisation",
        "providers_map.unlock_organisation",
        "providers_map.change_errorreport",
        "providers_map.view_errorreport",
    }


def test_operator_can_open_the_registry(client, operator):
    entry("Центр «Ладушки»")
    client.force_login(operator)
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert "Центр «Ладушки»" in listed_names(response)
    add_form = client.get(reverse("wagtailsnippets_providers_map_organisation:add"))
    assert add_form.status_code == 200
    # Region and service are plain selects: operators have no rights on the taxonomy snippets' choosers.
    html = add_form.content.decode()
    assert '<select name="locations-__prefix__-region"' in html or '<select name="locations-0-region"' in html
    assert "Новосибирская область</option>" in html
    assert client.get(reverse(REPORTS_URL)).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/portal/topic/",
        "/admin/snippets/portal/region/",
        "/admin/settings/",
        "/admin/workflows/list/",
    ],
)
def test_operator_cannot_reach_anything_else(client, operator, url):
    client.force_login(operator)
    response = client.get(url)
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert not response.url.startswith(url)


def test_operator_cannot_delete_entries(client, operator):
    org = entry("Центр «Ладушки»")
    client.force_login(operator)
    url = reverse("wagtailsnippets_providers_map_organisation:delete", args=[org.pk])
    assert client.post(url).status_code in (302, 403)
    assert Organisation.objects.filter(pk=org.pk).exists()


# --- Listing: filters and search ------------------------------------------------------------------------


@pytest.fixture
def registry():
    today = timezone.localdate()
    state = entry("Центр «Ладушки»", ownership="state", sector="social")
    ServiceFactory(organisation=state, service_type=service_type("iprp"))
    muni = entry("КЦСОН «Радуга»", ownership="municipal", sector="social", verified_at=today - dt.timedelta(days=400))
    ServiceFactory(organisation=muni, service_type=service_type("respite"))
    ngo = entry("Фонд «Дети»", region="42", ownership="nonprofit", sector="other", verified_at=None)
    closed = entry("Поликлиника №3", ownership="state", sector="health", status=Organisation.Status.CLOSED, live=False)
    return {"state": state, "muni": muni, "ngo": ngo, "closed": closed}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=54", {"Центр «Ладушки»", "КЦСОН «Радуга»", "Поликлиника №3"}),
        ("region=42", {"Фонд «Дети»"}),
        ("ownership=municipal", {"КЦСОН «Радуга»"}),
        ("sector=health", {"Поликлиника №3"}),
        ("service=respite", {"КЦСОН «Радуга»"}),
        ("status=closed", {"Поликлиника №3"}),
        ("stale=yes", {"КЦСОН «Радуга»", "Фонд «Дети»"}),
        ("stale=no", {"Центр «Ладушки»", "Поликлиника №3"}),
        ("publication=draft", {"Поликлиника №3"}),
        ("region=54&ownership=state", {"Центр «Ладушки»", "Поликлиника №3"}),
        ("q=Радуга", {"КЦСОН «Радуга»"}),
    ],
)
def test_listing_filters(admin_client, registry, query, expected):
    response = admin_client.get(reverse(LIST_URL) + "?" + query)
    assert response.status_code == 200
    assert listed_names(response) == expected


def test_listing_search_by_locality_lists_each_entry_once(admin_client, registry):
    LocationFactory(organisation=registry["ngo"], locality="Новокузнецк")
    LocationFactory(organisation=registry["ngo"], locality="Новокузнецк")
    response = admin_client.get(reverse(LIST_URL), {"q": "Новокузнецк"})
    assert listed_names(response) == {"Фонд «Дети»"}
    assert response.content.decode().count(">Фонд «Дети»<") == 1


def test_listing_search_by_inn(admin_client, registry):
    response = admin_client.get(reverse(LIST_URL), {"q": registry["ngo"].inn})
    assert listed_names(response) == {"Фонд «Дети»"}


def test_listing_marks_stale_and_unpublished_entries(admin_client, registry):
    html = admin_client.get(reverse(LIST_URL)).content.decode()
    assert html.count("устарело") == 2
    assert len(re.findall(r'<span class="w-status">\s*черновик\s*</span>', html)) == 1  # the unpublished entry
    assert "Добавить организацию" in html


def test_bad_filter_value_is_not_an_error(admin_client, registry):
    response = admin_client.get(reverse(LIST_URL) + "?region=999&stale=maybe")
    assert response.status_code == 200


# --- Editor: form errors, location picker, preview ----------------------------------------------------------


def test_invalid_entry_gets_russian_errors_not_a_crash(admin_client):
    data = organisation_post(inn="5406011187", **{"locations-0-latitude": "82.9", "locations-0-longitude": "55.0"})
    data["locations-0-opening_hours"] = "по будням"
    response = admin_client.post(reverse("wagtailsnippets_providers_map_organisation:add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "контрольная цифра ИНН" in html
    assert "за пределами России" in html
    assert "Не удалось разобрать" in html
    assert not Organisation.objects.exists()


def test_location_picker_loads_leaflet_only_in_the_editor(admin_client, registry):
    edit = admin_client.get(reverse("wagtailsnippets_providers_map_organisation:edit", args=[registry["state"].pk]))
    html = edit.content.decode()
    assert "leaflet/leaflet" in html and "location_picker" in html
    assert "data-location-picker" in html and 'data-tile-url="https://tile.openstreetmap.org/' in html
    listing = admin_client.get(reverse(LIST_URL)).content.decode()
    assert "leaflet/leaflet" not in listing


def test_tile_url_comes_from_settings(admin_client, registry, settings):
    settings.PORTAL_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = admin_client.get(reverse("wagtailsnippets_providers_map_organisation:add")).content.decode()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html


def test_preview_renders_the_public_layout_with_unsaved_data(admin_client):
    url = reverse("wagtailsnippets_providers_map_organisation:preview_on_add")
    data = organisation_post(short_name="Центр «Предпросмотр»")
    assert admin_client.post(url, data).json()["is_valid"] is True
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Центр «Предпросмотр»" in html and "Бердск" in html
    assert not Organisation.objects.exists()


def test_history_view(admin_client, registry):
    org = registry["state"]
    org.save_revision().publish()
    response = admin_client.get(reverse("wagtailsnippets_providers_map_organisation:history", args=[org.pk]))
    assert response.status_code == 200


# --- Gazetteer endpoint for the picker --------------------------------------------------------------------


def test_gazetteer_lookup_proposes_coordinates(client, operator):
    client.force_login(operator)
    url = reverse("providers_map_admin:gazetteer_lookup")
    results = client.get(url, {"q": "г. Бердск", "region": "54"}).json()["results"]
    assert results[0]["name"] == "Бердск" and results[0]["region_code"] == "54"
    assert 54 < results[0]["lat"] < 55 and 82 < results[0]["lon"] < 84
    region_id = Region.objects.get(code="54").pk
    assert client.get(url, {"q": "бердск", "region_id": region_id}).json()["results"][0]["name"] == "Бердск"


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({}, "q"),
        ({"q": "x" * 101}, "q"),
        ({"q": "Бердск", "region": "99"}, "region"),
        ({"q": "Бердск", "region": "ab"}, "region"),
    ],
)
def test_gazetteer_lookup_bad_input_is_400_json(client, operator, params, detail):
    client.force_login(operator)
    response = client.get(reverse("providers_map_admin:gazetteer_lookup"), params)
    assert response.status_code == 400
    assert response.json()["details"] == [detail] and response.json()["error"]


def test_gazetteer_lookup_needs_registry_permissions(client):
    user = get_user_model().objects.create_user("editor", "e@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    response = client.get(reverse("providers_map_admin:gazetteer_lookup"), {"q": "Бердск"})
    assert response.status_code == 403
    client.logout()
    assert client.get(reverse("providers_map_admin:gazetteer_lookup"), {"q": "Бердск"}).status_code == 302


# --- Error-report queue -----------------------------------------------------------------------------------


def test_error_report_queue_filters_and_handling(client, operator, registry):
    new = ErrorReportFactory(organisation=registry["state"], message="Сменился телефон")
    done = ErrorReportFactory(organisation=registry["muni"], message="Переехали", status=ErrorReport.Status.RESOLVED)
    client.force_login(operator)
    html = client.get(reverse(REPORTS_URL), {"status": "new"}).content.decode()
    assert "Центр «Ладушки»" in html and "КЦСОН «Радуга»" not in html
    edit_url = reverse("wagtailsnippets_providers_map_errorreport:edit", args=[new.pk])
    page = client.get(edit_url).content.decode()
    assert "Сменился телефон" in page
    org_edit = reverse("wagtailsnippets_providers_map_organisation:edit", args=[registry["state"].pk])
    assert f'href="{org_edit}" data-reported-entry-edit' in page
    assert f'href="{registry["state"].get_absolute_url()}"' in page
    response = client.post(edit_url, {"status": "in_progress", "handled_note": "Звоним в центр", "message": "подмена"})
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.status == "in_progress" and new.handled_note == "Звоним в центр"
    assert new.message == "Сменился телефон"  # read-only for operators
    assert done.status == "resolved"


def test_reports_cannot_be_added_in_the_admin(admin_client):
    assert admin_client.get(reverse("wagtailsnippets_providers_map_errorreport:add")).status_code in (302, 403)
    assert "errorreport/add/" not in admin_client.get(reverse(REPORTS_URL)).content.decode()


def test_menu_shows_the_number_of_new_reports(client, operator, registry):
    ErrorReportFactory(organisation=registry["state"])
    ErrorReportFactory(organisation=registry["muni"])
    ErrorReportFactory(organisation=registry["muni"], status=ErrorReport.Status.REJECTED)
    client.force_login(operator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert json.dumps("Сообщения об ошибках (2)")[1:-1] in html


# --- Dashboard panel --------------------------------------------------------------------------------------


def test_dashboard_panel_counts_and_links(client, operator, registry):
    ErrorReportFactory(organisation=registry["ngo"])
    client.force_login(operator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-stale-count="2"' in html
    assert 'data-new-reports="1"' in html
    list_url = reverse(LIST_URL)
    assert f'href="{list_url}?stale=yes"' in html
    # Novosibirsk region first (3 entries), then Kuzbass (1); state column of Novosibirsk = 2 with a filtered link
    rows = re.findall(r'<th scope="row"><a href="[^"]*\?region=(\d\d)">', html)
    assert rows == ["54", "42"]
    assert (
        f'href="{list_url}?region=54&amp;ownership=state" aria-label="Новосибирская область, государственная: 2"'
        in html
    )
    assert "4 записи в реестре" in html


def test_dashboard_panel_hidden_from_users_without_registry_rights(client):
    user = get_user_model().objects.create_user("editor", "e@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert "providers-registry" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_registry_set_up_is_repeatable_and_restores_what_a_flush_removed():
    from django.apps import apps

    from wagtail.models import Workflow, WorkflowContentType

    from providers_map.editor.setup import set_up_registry_editing

    group = Group.objects.get(name="Операторы реестра")
    before = set(group.permissions.values_list("codename", flat=True))
    set_up_registry_editing(apps.get_model)
    assert set(group.permissions.values_list("codename", flat=True)) == before
    assert WorkflowContentType.objects.filter(content_type__model="organisation").count() == 1

    group.delete()
    WorkflowContentType.objects.all().delete()
    Workflow.objects.all().delete()
    set_up_registry_editing(apps.get_model)
    assert set(Group.objects.get(name="Операторы реестра").permissions.values_list("codename", flat=True)) == before
    assert Organisation.get_default_workflow().name == "Moderators approval"
