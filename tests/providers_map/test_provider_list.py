"""The public registry list /providers/ with GET filters."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from portal.models import Region
from providers_map.models import Organisation
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, service_type

pytestmark = pytest.mark.django_db


def names(response):
    """Organisation names in the result list, in order."""
    return [organisation.display_name for organisation in response.context["organisations"]]


def html(response):
    return response.content.decode()


@pytest.fixture
def registry():
    """A small registry: two regions, different services, concerns, ages and ownership."""
    moscow = Region.objects.get(code="77")
    raduga = OrganisationFactory(name="Центр «Радуга»", ownership=Organisation.Ownership.STATE)
    LocationFactory(organisation=raduga, locality="Новосибирск")
    ServiceFactory(organisation=raduga, service_type=service_type("iprp"), concerns=["autism"])
    ServiceFactory(organisation=raduga, service_type=service_type("parent-groups"), age_min_months=12)

    solnyshko = OrganisationFactory(
        name="Благотворительный фонд «Солнышко»",
        short_name="Фонд «Солнышко»",
        ownership=Organisation.Ownership.NONPROFIT,
    )
    LocationFactory(organisation=solnyshko, locality="Бердск")
    ServiceFactory(organisation=solnyshko, service_type=service_type("iprp"), concerns=[])  # any concern
    ServiceFactory(organisation=solnyshko, service_type=service_type("mobility"), concerns=["cerebral-palsy"])

    stolitsa = OrganisationFactory(name="Московский центр «Ёлочка»", ownership=Organisation.Ownership.COMMERCIAL)
    LocationFactory(organisation=stolitsa, region=moscow, locality="Москва")
    ServiceFactory(organisation=stolitsa, service_type=service_type("mobility"), age_min_months=24, age_max_months=84)

    OrganisationFactory(name="Черновик центра", live=False)
    return {"raduga": raduga, "solnyshko": solnyshko, "stolitsa": stolitsa}


def test_list_shows_published_organisations_with_count(client, registry):
    response = client.get("/providers/")
    assert response.status_code == 200
    assert names(response) == ["Фонд «Солнышко»", "Московский центр «Ёлочка»", "Центр «Радуга»"]
    page = html(response)
    assert "Найдено организаций: 3" in page
    assert "Черновик центра" not in page
    assert f'href="/providers/{registry["raduga"].slug}/"' in page


def test_filter_by_region_code(client, registry):
    assert names(client.get("/providers/?region=77")) == ["Московский центр «Ёлочка»"]
    assert len(names(client.get("/providers/?region=54"))) == 2


def test_filter_by_ownership(client, registry):
    assert names(client.get("/providers/?ownership=nonprofit")) == ["Фонд «Солнышко»"]


def test_service_and_concern_must_hold_for_the_same_service(client, registry):
    # Радуга offers ИПРП for autism; Солнышко offers ИПРП for any concern.
    assert names(client.get("/providers/?service=iprp&concern=autism")) == ["Фонд «Солнышко»", "Центр «Радуга»"]
    # Солнышко's cerebral-palsy service is mobility, not ИПРП; its ИПРП serves any concern, so it still matches.
    assert names(client.get("/providers/?service=iprp&concern=cerebral-palsy")) == ["Фонд «Солнышко»"]
    # Радуга has nothing for cerebral palsy; Москва's mobility service has no concerns listed (any).
    assert names(client.get("/providers/?service=mobility&concern=cerebral-palsy")) == [
        "Фонд «Солнышко»",
        "Московский центр «Ёлочка»",
    ]


def test_filter_by_age_in_months(client, registry):
    assert names(client.get("/providers/?age=60")) == ["Московский центр «Ёлочка»"]
    assert names(client.get("/providers/?age=6&service=parent-groups")) == []
    assert names(client.get("/providers/?age=12&service=parent-groups")) == ["Центр «Радуга»"]


def test_text_search_over_names_short_names_and_localities(client, registry):
    assert names(client.get("/providers/?q=Радуга")) == ["Центр «Радуга»"]
    assert names(client.get("/providers/?q=Фонд")) == ["Фонд «Солнышко»"]
    assert names(client.get("/providers/?q=Бердск")) == ["Фонд «Солнышко»"]
    assert names(client.get("/providers/?q=Елочка")) == ["Московский центр «Ёлочка»"]  # ё written as е


def test_text_search_ignores_letter_case_on_postgresql(client, registry, require_postgres):
    # SQLite folds the case of Latin letters only; PostgreSQL folds Cyrillic too.
    assert names(client.get("/providers/?q=радуга")) == ["Центр «Радуга»"]
    assert names(client.get("/providers/?q=елочка")) == ["Московский центр «Ёлочка»"]
    assert names(client.get("/providers/?q=БЕРДСК")) == ["Фонд «Солнышко»"]


def test_preset_filters_from_guidance_links_are_selected_in_the_form(client, registry):
    page = html(client.get("/providers/?service=iprp&concern=autism"))
    assert '<option value="iprp" selected>' in page
    assert '<option value="autism" selected>' in page
    assert "Сбросить фильтры" in page


@pytest.mark.parametrize(
    "query",
    [
        "region=zz",
        "service=no-such-service",
        "concern=%27%20OR%201%3D1%20--",
        "age=abc",
        "age=-3",
        "age=99999999999999999999",
        "ownership=alien",
        "q=" + "я" * 500,
    ],
)
def test_invalid_filters_get_a_friendly_message_and_are_ignored(client, registry, query):
    response = client.get(f"/providers/?{query}")
    assert response.status_code == 200
    page = html(response)
    assert "Некоторые условия поиска не распознаны" in page
    assert len(names(response)) == 3


def test_valid_filters_still_apply_next_to_invalid_ones(client, registry):
    response = client.get("/providers/?region=77&age=abc")
    assert names(response) == ["Московский центр «Ёлочка»"]
    assert "Возраст ребёнка, полных месяцев" in html(response).split("не распознаны")[1]


def test_control_characters_in_the_query_are_harmless(client, registry):
    response = client.get("/providers/?q=%00%01Радуга%7F")  # null bytes would otherwise upset PostgreSQL
    assert response.status_code == 200
    assert names(response) == ["Центр «Радуга»"]


def test_hostile_query_text_is_escaped(client, registry):
    response = client.get("/providers/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    page = html(response)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_empty_result_has_a_russian_explanation(client, registry):
    response = client.get("/providers/?q=Владивосток")
    assert names(response) == []
    page = html(response)
    assert "Найдено организаций: 0" in page
    assert "По этим условиям ничего не нашлось." in page


def test_closed_organisations_are_listed_last_with_their_status(client, registry):
    registry["solnyshko"].status = Organisation.Status.CLOSED
    registry["solnyshko"].save()
    response = client.get("/providers/")
    assert names(response)[-1] == "Фонд «Солнышко»"
    assert "<strong>Закрыта</strong>" in html(response)


def test_pagination_twenty_per_page_keeps_the_filters(client):
    for number in range(45):
        org = OrganisationFactory(name=f"Центр №{number:02d}")
        LocationFactory(organisation=org)
    first = client.get("/providers/?region=54")
    assert len(names(first)) == 20
    assert "Найдено организаций: 45" in html(first)
    assert "Страница 1 из 3" in html(first)
    assert re.search(r'href="\?region=54&amp;page=2" rel="next"', html(first))
    third = client.get("/providers/?region=54&page=3")
    assert names(third) == [f"Центр №{n}" for n in range(40, 45)]
    assert re.search(r'href="\?region=54&amp;page=2" rel="prev"', html(third))
    # Out-of-range or malformed page numbers show a valid page instead of an error.
    assert client.get("/providers/?page=999").status_code == 200
    assert client.get("/providers/?page=abc").status_code == 200


def test_query_count_does_not_grow_with_the_number_of_results(client, django_assert_max_num_queries):
    for _ in range(3):
        org = OrganisationFactory()
        LocationFactory(organisation=org)
        ServiceFactory(organisation=org)
    client.get("/providers/")
    with CaptureQueriesContext(connection) as few:
        client.get("/providers/?service=iprp")
    for _ in range(17):
        org = OrganisationFactory()
        LocationFactory(organisation=org)
        LocationFactory(organisation=org)
        ServiceFactory(organisation=org)
        ServiceFactory(organisation=org, service_type=service_type("mobility"))
    with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as many:
        response = client.get("/providers/?service=iprp")
    assert len(names(response)) == 20
    assert len(many) == len(few)
