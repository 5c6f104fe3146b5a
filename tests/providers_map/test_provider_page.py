"""The public provider page /providers/<slug>/."""

import datetime as dt
import json
import re
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.formats import date_format

import pytest

from providers_map import presentation
from providers_map.models import Organisation
from providers_map.wording import age_phrase, age_range
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, service_type

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def jsonld_of(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html(response), re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def at_utc(*args):
    moment = dt.datetime(*args, tzinfo=dt.UTC)
    return lambda: moment


@pytest.fixture
def organisation():
    org = OrganisationFactory(name="Областной центр ранней помощи", short_name="Центр «Радуга»")
    LocationFactory(organisation=org, name="Главный офис", address="ул. Ленина, д. 5", locality="Новосибирск")
    ServiceFactory(organisation=org, age_min_months=6, age_max_months=36, concerns=["autism", "down-syndrome"])
    ServiceFactory(organisation=org, service_type=service_type("parent-groups"), age_min_months=0, age_max_months=12)
    return org


def test_live_organisation_page_shows_summary_services_and_contacts(client, organisation):
    response = client.get(f"/providers/{organisation.slug}/")
    assert response.status_code == 200
    page = html(response)
    assert "<h1>Центр «Радуга»</h1>" in page
    assert "Областной центр ранней помощи" in page
    assert organisation.description in page
    assert "Разработка индивидуальной программы ранней помощи (ИПРП)" in page
    assert "от 6 месяцев до 3 лет" in page
    assert "от рождения до 1 года" in page
    assert "Расстройства аутистического спектра (РАС); Синдром Дауна" in page
    assert "с любыми особенностями развития" in page  # the parent-groups service has no concerns listed
    assert '<a href="tel:+73832223344">+7 383 222-33-44</a>' in page
    assert '<a href="mailto:info@rostok.example.org">' in page
    assert 'href="https://rostok.example.org/"' in page
    assert "Свидетельство о рождении ребёнка" in page
    assert "Бесплатно" in page
    assert "В официальном региональном реестре" in page


def test_breadcrumbs_lead_back_to_the_registry(client, organisation):
    page = html(client.get(organisation.get_absolute_url()))
    crumbs = page[page.index('class="breadcrumbs"') : page.index("</nav>", page.index('class="breadcrumbs"'))]
    assert '<a href="/providers/">Реестр поставщиков услуг</a>' in crumbs
    assert '<span aria-current="page">Центр «Радуга»</span>' in crumbs


def test_unpublished_and_unknown_organisations_are_not_found(client, organisation):
    draft = OrganisationFactory(live=False)
    assert client.get(f"/providers/{draft.slug}/").status_code == 404
    assert client.get(f"/providers/{draft.slug}/report/").status_code == 404
    assert client.get("/providers/no-such-provider/").status_code == 404
    organisation.live = False
    organisation.save()
    response = client.get(f"/providers/{organisation.slug}/")
    assert response.status_code == 404
    assert "Страница не найдена" in html(response)


@pytest.mark.parametrize(
    ("status", "banner"),
    [
        (Organisation.Status.CLOSED, "Организация закрыта."),
        (Organisation.Status.TEMPORARILY_CLOSED, "Организация временно не работает."),
    ],
)
def test_closed_organisations_stay_visible_with_a_status_banner(client, status, banner):
    org = OrganisationFactory(status=status)
    response = client.get(org.get_absolute_url())
    assert response.status_code == 200
    assert banner in html(response)


def test_active_organisation_has_no_closed_banner(client, organisation):
    page = html(client.get(organisation.get_absolute_url()))
    assert "provider-status" not in page
    assert "Организация закрыта." not in page
    assert "временно не работает" not in page


def test_open_now_is_computed_in_the_locations_own_time(client, organisation, monkeypatch):
    # Monday 03:30 UTC = 10:30 in Novosibirsk (open) but 06:30 in Moscow.
    monkeypatch.setattr(presentation.timezone, "now", at_utc(2026, 11, 23, 3, 30))
    page = html(client.get(organisation.get_absolute_url()))
    assert "Сейчас открыто" in page
    assert "местное время 10:30" in page
    # Monday 12:30 UTC = 19:30 in Novosibirsk (closed) but 15:30 in Moscow, when a Moscow clock says open.
    monkeypatch.setattr(presentation.timezone, "now", at_utc(2026, 11, 23, 12, 30))
    page = html(client.get(organisation.get_absolute_url()))
    assert "Сейчас закрыто" in page
    assert "Сейчас открыто" not in page


def test_opening_hours_table_marks_today_and_days_off(client, organisation, monkeypatch):
    monkeypatch.setattr(presentation.timezone, "now", at_utc(2026, 11, 28, 5, 0))  # Saturday in Novosibirsk
    page = html(client.get(organisation.get_absolute_url()))
    table = page[page.index('<table class="hours">') : page.index("</table>")]
    assert "<caption>Часы работы</caption>" in table
    assert re.search(r"Понедельник</th>\s*<td>09:00–18:00</td>", table)
    assert re.search(r'<tr class="hours__today">\s*<th scope="row">Суббота <span[^>]*>\(сегодня\)</span></th>', table)
    assert re.search(r"Воскресенье</th>\s*<td>выходной</td>", table)


def test_location_without_hours_says_so_instead_of_open_or_closed(client):
    org = OrganisationFactory()
    LocationFactory(organisation=org, opening_hours={})
    page = html(client.get(org.get_absolute_url()))
    assert "Часы работы не указаны" in page
    assert "Сейчас открыто" not in page and "Сейчас закрыто" not in page


def test_accessibility_and_delivery_modes_are_listed_in_words(client, organisation):
    page = html(client.get(organisation.get_absolute_url()))
    assert "вход без ступенек или пандус" in page
    assert "лифт" in page
    assert "в центре, на дому" in page


def test_verified_date_is_shown_and_old_data_gets_a_gentle_note(client):
    checked = timezone.localdate() - dt.timedelta(days=10)
    fresh = OrganisationFactory(verified_at=checked)
    stale = OrganisationFactory(verified_at=timezone.localdate() - dt.timedelta(days=400))
    never = OrganisationFactory(verified_at=None)
    page = html(client.get(fresh.get_absolute_url()))
    with translation.override("ru"):
        assert f"Сведения проверены {date_format(checked, 'j E Y')}." in page
    assert "больше года назад" not in page
    assert "больше года назад" in html(client.get(stale.get_absolute_url()))
    assert "ещё не проверял эти сведения" in html(client.get(never.get_absolute_url()))


def test_official_registry_badge_only_for_registry_members(client):
    outsider = OrganisationFactory(in_official_registry=False, ownership=Organisation.Ownership.NONPROFIT)
    page = html(client.get(outsider.get_absolute_url()))
    assert "В официальном региональном реестре" not in page
    assert "Некоммерческая организация" in page


def test_map_assets_and_points_only_when_there_are_coordinates(client, organisation):
    page = html(client.get(organisation.get_absolute_url()))
    assert "leaflet/leaflet.js" in page and "leaflet/leaflet.css" in page
    assert 'id="provider-map"' in page and "hidden" in page[page.index('id="provider-map"') :][:400]
    points = json.loads(re.search(r'id="provider-map-points" type="application/json">(.*?)</script>', page).group(1))
    assert points == [
        {
            "name": "Главный офис",
            "address": "Новосибирск, ул. Ленина, д. 5",
            "lat": 55.030204,
            "lon": 82.92043,
            "approximate": False,
        }
    ]
    no_point = OrganisationFactory()
    LocationFactory(organisation=no_point, latitude=None, longitude=None)
    page = html(client.get(no_point.get_absolute_url()))
    assert "leaflet" not in page
    assert "ул. Ленина" in page  # the address is always in the text


def test_approximate_coordinates_are_said_so(client):
    org = OrganisationFactory()
    LocationFactory(organisation=org, coordinates_approximate=True, coordinates_source="gazetteer")
    page = html(client.get(org.get_absolute_url()))
    assert "Точка на карте приблизительная" in page


def test_jsonld_describes_the_organisation_for_search_engines(client, organisation):
    data = jsonld_of(client.get(organisation.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Областной центр ранней помощи"
    assert data["alternateName"] == "Центр «Радуга»"
    assert data["telephone"] == "+73832223344"
    assert data["url"] == "https://rostok.example.org/"
    assert data["mainEntityOfPage"] == f"http://testserver/providers/{organisation.slug}/"
    assert data["address"]["addressLocality"] == "Новосибирск"
    assert data["address"]["addressRegion"] == "Новосибирская область"
    place = data["location"][0]
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 55.030204, "longitude": 82.92043}
    monday = place["openingHoursSpecification"][0]
    assert monday == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "18:00",
    }
    assert len(place["openingHoursSpecification"]) == 5


def test_health_sector_is_a_medical_organization(client):
    org = OrganisationFactory(sector=Organisation.Sector.HEALTH)
    assert jsonld_of(client.get(org.get_absolute_url()))["@type"] == "MedicalOrganization"


def test_hostile_text_in_registry_data_is_escaped_everywhere(client):
    payload = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
    org = OrganisationFactory(name=payload, description=payload, how_to_get_help=payload)
    LocationFactory(organisation=org, name=payload, address=payload)
    response = client.get(org.get_absolute_url())
    page = html(response)
    assert response.status_code == 200
    assert '<script>alert("x")' not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page
    assert jsonld_of(response)["name"] == payload  # the JSON-LD still carries the exact text, safely encoded


def test_privacy_policy_link_is_the_page_chosen_in_the_portal_settings(client, organisation):
    from wagtail.models import Page, Site

    from core.models import PortalSettings
    from home.models import StandardPage

    cache.clear()  # Wagtail caches site root paths; earlier tests may have left another site's there
    parent = Page.objects.get(depth=2)
    parent.add_child(instance=StandardPage(title="Старая политика", slug="privacy", body=[]))
    page = html(client.get(organisation.get_absolute_url()))
    assert "Как мы обращаемся с персональными данными" not in page  # a page called «privacy» is not the choice

    chosen = parent.add_child(instance=StandardPage(title="Политика обработки ПД", slug="personal-data", body=[]))
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = chosen
    settings.save()
    page = html(client.get(organisation.get_absolute_url()))
    assert re.search(r'<a href="[^"]*/personal-data/">Как мы обращаемся с персональными данными</a>', page)

    chosen.unpublish()
    assert "Как мы обращаемся с персональными данными" not in html(client.get(organisation.get_absolute_url()))


def test_query_count_does_not_grow_with_locations_and_services(client, django_assert_max_num_queries):
    small = OrganisationFactory()
    LocationFactory(organisation=small)
    ServiceFactory(organisation=small, concerns=["autism"])
    big = OrganisationFactory()
    for _ in range(5):
        LocationFactory(organisation=big)
        ServiceFactory(organisation=big, concerns=["autism", "hearing"], languages=["tatar"])
    client.get(small.get_absolute_url())  # warm the per-process caches (content types, site)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small_queries:
        client.get(small.get_absolute_url())
    with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as big_queries:
        assert client.get(big.get_absolute_url()).status_code == 200
    assert len(big_queries) == len(small_queries)


def test_editor_preview_renders_the_public_layout(rf, organisation):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    organisation.description = "Черновое описание для предпросмотра."
    response = organisation.serve_preview(request, organisation.default_preview_mode)
    page = response.render().content.decode() if hasattr(response, "render") else response.content.decode()
    assert "Предпросмотр" in page
    assert "Черновое описание для предпросмотра." in page
    assert "от 6 месяцев до 3 лет" in page


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (0, 36, "от рождения до 3 лет"),
        (6, 36, "от 6 месяцев до 3 лет"),
        (1, 12, "от 1 месяца до 1 года"),
        (3, 18, "от 3 месяцев до 18 месяцев"),
        (12, 24, "от 1 года до 2 лет"),
        (24, 84, "от 2 лет до 7 лет"),
        (0, 252, "от рождения до 21 года"),
    ],
)
def test_age_ranges_read_as_natural_russian(low, high, text):
    class Range:
        age_min_months, age_max_months = low, high

    assert age_range(Range()) == text


def test_age_phrase_genitive_forms():
    assert [age_phrase(m) for m in (1, 2, 5, 11, 21, 22)] == [
        "1 месяца",
        "2 месяцев",
        "5 месяцев",
        "11 месяцев",
        "21 месяца",
        "22 месяцев",
    ]
    assert age_phrase(Decimal("24")) == "2 лет"


def test_organisation_slugs_never_shadow_the_open_data_section():
    from django.urls import resolve

    assert resolve("/providers/open-data/").view_name == "providers:open_data"
    assert resolve("/providers/open-data-centre/").view_name == "providers:detail"
