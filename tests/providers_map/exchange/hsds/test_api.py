"""/api/hsds/: every endpoint, every page and every filter answers objects valid against the official HSDS 3.0
schemas (zero errors), and the filters find what a family or a harvester asks for."""

import datetime as dt
import json
from decimal import Decimal

from django.utils import timezone

import pytest

from core.models import Region
from providers_map.exchange.hsds import ids
from providers_map.exchange.hsds import params as P
from providers_map.models import Organisation
from tests.providers_map.exchange.hsds.api_calls import DETAIL_SCHEMAS, Checker
from tests.providers_map.exchange.hsds.schemas import validate
from tests.providers_map.factories import (
    ErrorReportFactory,
    LocationFactory,
    OrganisationFactory,
    ServiceFactory,
    service_type,
)
from tests.providers_map.finder.data import fill_search_fallback

pytestmark = pytest.mark.django_db
ALWAYS_OPEN = {day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def point(lat, lon):
    return {"latitude": Decimal(lat), "longitude": Decimal(lon)}


@pytest.fixture
def registry():
    """Five published organisations (one closed, one without locations), a draft and an unpublished entry."""
    aist = OrganisationFactory(name="Центр «Аист»", cost="free")
    LocationFactory(organisation=aist, postcode="630099", opening_hours=ALWAYS_OPEN, **point("55.030204", "82.920430"))
    LocationFactory(
        organisation=aist,
        locality="Бердск",
        postcode="633010",
        opening_hours={},
        delivery_modes=["remote"],
        sort_order=1,
        **point("54.758300", "83.107500"),
    )
    s = {"aist-iprp": ServiceFactory(organisation=aist, concerns=["autism"])}
    s["aist-speech"] = ServiceFactory(organisation=aist, service_type=service_type("communication"), sort_order=1)
    bereg = OrganisationFactory(name="Фонд «Берег»", ownership="nonprofit", cost="paid")
    LocationFactory(organisation=bereg, postcode="630000", opening_hours={}, **point("54.980000", "82.900000"))
    s["bereg"] = ServiceFactory(organisation=bereg, age_min_months=12, age_max_months=84, concerns=["hearing"])
    vega = OrganisationFactory(name="Центр «Вега»", ownership="municipal", cost="mixed", status="closed")
    LocationFactory(
        organisation=vega, region=Region.objects.get(code="77"), locality="Москва", postcode="101000",
        opening_hours={}, **point("55.750000", "37.620000"),
    )  # fmt: skip
    s["vega"] = ServiceFactory(organisation=vega, concerns=["cerebral-palsy"])
    gamma = OrganisationFactory(name="Центр «Гамма»")
    s["gamma"] = ServiceFactory(organisation=gamma)
    el = OrganisationFactory(name="Центр «Ель»", ownership="commercial")
    LocationFactory(organisation=el, postcode="630000", opening_hours={}, **point("55.100000", "82.950000"))
    s["el-1"] = ServiceFactory(organisation=el)
    s["el-2"] = ServiceFactory(organisation=el, sort_order=1)
    draft = OrganisationFactory(name="Черновик «Дельта»", live=False)
    LocationFactory(organisation=draft)
    ServiceFactory(organisation=draft)
    withdrawn = OrganisationFactory(name="Снят «Омега»")
    ServiceFactory(organisation=withdrawn)
    withdrawn.unpublish()
    ErrorReportFactory(organisation=aist, message="ЖАЛОБА ПОСЕТИТЕЛЯ", handled_note="ЗАМЕТКА ОПЕРАТОРА")
    return {
        "services": {name: str(service.uuid) for name, service in s.items()},
        "aist": aist,
        "bereg": bereg,
        "vega": vega,
    }


def names(registry, items, key="id"):
    by_id = {uuid: name for name, uuid in registry["services"].items()}
    return sorted(by_id.get(item[key], item[key]) for item in items)


def test_every_endpoint_every_page_and_every_object_is_valid_hsds(client, registry):
    checker = Checker(client)
    root = checker.get("/api/hsds/").json()
    assert root["version"] == "3.0" and root["openapi_url"].endswith("/api/hsds/openapi.json")
    services = checker.walk("services", per_page=2)
    assert len(services) == 7
    checker.walk("services", "full=true", per_page=3, full=True)
    checker.walk("services", "minimal=true", per_page=4)
    links = checker.walk("service_at_locations", per_page=2)
    assert len(links) == 2 * 2 + 1 + 1 + 2  # Аист 2×2, Берег 1, Вега 1, Ель 2 (Гамма has no location)
    checker.walk("service_at_locations", "full=true", per_page=3, full=True)
    organizations = checker.walk("organizations", per_page=2)
    assert sorted(o["name"] for o in organizations)[0] == "Фонд «Берег»" and len(organizations) == 5
    checker.walk("organizations", "full=true", per_page=2, full=True)
    checker.walk("organizations", "full=true&full_service=true", per_page=2, full=True)
    taxonomies = checker.walk("taxonomies", per_page=4)
    terms = checker.walk("taxonomy_terms", per_page=20)
    checker.walk("taxonomy_terms", f"taxonomy_id={taxonomies[1]['id']}", per_page=5)
    for endpoint, items in (
        ("services", services),
        ("service_at_locations", links),
        ("organizations", organizations),
        ("taxonomies", taxonomies),
        ("taxonomy_terms", terms),
    ):
        for item in items:
            detail = checker.get(f"/api/hsds/{endpoint}/{item['id']}").json()
            assert detail["id"] == item["id"]
            checker.check(detail, DETAIL_SCHEMAS[endpoint], f"{endpoint}/{item['id']}")
    for endpoint in ("services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"):
        assert len(checker.ndjson(endpoint)) == {"services": 7, "service_at_locations": 8, "organizations": 5}.get(
            endpoint, len(taxonomies) if endpoint == "taxonomies" else len(terms)
        )
    checker.ndjson("services", "full=true")
    assert checker.errors == []
    assert checker.validated > 300 and checker.requests > 100
    print(f"\nHSDS endpoints: {checker.validated} objects validated, {checker.requests} requests, 0 errors")


def test_filters_validate_and_find_what_was_asked(client, registry):
    checker = Checker(client)
    s = registry["services"]
    iprp = ids.term_id("service-types", "iprp")
    concerns = ids.taxonomy_id("developmental-concerns")
    expectations = {
        "age_months=60": ["bereg"],
        "concern=autism": ["aist-iprp", "aist-speech", "el-1", "el-2", "gamma"],
        "concern=hearing,cerebral-palsy": ["aist-speech", "bereg", "el-1", "el-2", "gamma", "vega"],
        "free=true": ["aist-iprp", "aist-speech", "el-1", "el-2", "gamma", "vega"],
        "free=false": ["bereg"],
        "open_now=true": ["aist-iprp", "aist-speech"],
        "lat=54.76&lon=83.1&proximity=5000": ["aist-iprp", "aist-speech"],
        "region=77": ["vega"],
        "delivery_mode=remote": ["aist-iprp", "aist-speech"],
        f"taxonomy_term_id={iprp}": ["aist-iprp", "bereg", "el-1", "el-2", "gamma", "vega"],
        f"taxonomy_id={concerns}": ["aist-iprp", "bereg", "vega"],
        f"organization_id={registry['bereg'].uuid}": ["bereg"],
        f"taxonomy_term_id={ids.term_id('ownership', 'municipal')}": ["vega"],
        f"taxonomy_term_id={ids.term_id('accessibility', 'lift')}": sorted(k for k in s if k != "gamma"),
        f"taxonomy_term_id={ids.uuid.uuid4()}": [],
        "organization_id=not-a-uuid": [],
    }
    for query, expected in expectations.items():
        found = names(registry, checker.walk("services", query, per_page=2))
        assert found == sorted(expected), query
    nearest = checker.walk("services", "lat=55.75&lon=37.6", per_page=10)
    assert names(registry, nearest[:1]) == ["vega"]  # Moscow first, then Novosibirsk
    assert checker.errors == []


def test_search_understands_russian_like_the_site_search(client, registry, settings):
    """`search` runs through the portal's provider search (here its database side): word forms, case, places."""
    settings.ELASTICSEARCH_URL = ""
    fill_search_fallback()
    checker = Checker(client)
    expectations = {
        "search=Берег": ["bereg"],
        "search=берега": ["bereg"],
        "search=Бердск": ["aist-iprp", "aist-speech"],
        "search=центр аист": ["aist-iprp", "aist-speech"],
        "search=АИСТА": ["aist-iprp", "aist-speech"],
        "search=зюзюзюзя": [],
    }
    for query, expected in expectations.items():
        assert names(registry, checker.walk("services", query, per_page=2)) == sorted(expected), query
    organisations = checker.walk("organizations", "search=фонда берег", per_page=2)
    assert [o["name"] for o in organisations] == ["Фонд «Берег»"]
    assert checker.errors == []


def test_service_at_location_filters(client, registry):
    checker = Checker(client)
    aist = registry["aist"]
    main, berdsk = aist.locations.order_by("pk")
    cases = {
        "open_now=true": {str(main.uuid)},
        "delivery_mode=remote": {str(berdsk.uuid)},
        "postcode=633010": {str(berdsk.uuid)},
        "postcode=630099&proximity=1000": {str(main.uuid)},
        "lat=54.76&lon=83.1&proximity=5000": {str(berdsk.uuid)},
    }
    for query, locations in cases.items():
        links = checker.walk("service_at_locations", query, per_page=1)
        assert {link["location_id"] for link in links} == locations, query
        assert len(links) == 2, query  # both services of Аист at that location
        for link in links:
            assert link["id"] == ids.service_at_location_id(link["service_id"], link["location_id"])
    far = checker.walk("service_at_locations", "lat=55.03&lon=82.92", per_page=20)
    assert far[0]["location_id"] == str(main.uuid) and far[-1]["location"]["longitude"] == 37.62
    assert checker.errors == []


def test_modified_after_keeps_only_later_changes(client, registry):
    long_ago = timezone.now() - dt.timedelta(days=400)
    Organisation.objects.exclude(pk=registry["bereg"].pk).update(updated_at=long_ago)
    since = (timezone.now() - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")
    services = client.get(f"/api/hsds/services?modified_after={since}").json()["contents"]
    assert names(registry, services) == ["bereg"]
    organizations = client.get(f"/api/hsds/organizations?modified_after={since}Z").json()["contents"]
    assert [o["name"] for o in organizations] == ["Фонд «Берег»"]


def test_drafts_unpublished_reports_and_notes_never_appear(client, registry):
    checker = Checker(client)
    dumps = ""
    for endpoint in ("services", "service_at_locations", "organizations"):
        dumps += json.dumps(
            checker.ndjson(endpoint, "full=true" if endpoint != "organizations" else ""), ensure_ascii=False
        )
    dumps += json.dumps(
        client.get("/api/hsds/organizations?full=true&full_service=true&per_page=50").json(), ensure_ascii=False
    )
    for hidden in ("Черновик", "Снят «Омега»", "ЖАЛОБА ПОСЕТИТЕЛЯ", "ЗАМЕТКА ОПЕРАТОРА", "оператор реестра"):
        assert hidden not in dumps
    draft = Organisation.objects.get(name="Черновик «Дельта»")
    assert client.get(f"/api/hsds/organizations/{draft.uuid}").status_code == 404
    assert client.get(f"/api/hsds/services/{draft.services.get().uuid}").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/services?colour=red",
        "/api/hsds/services?page=0",
        "/api/hsds/services?page=two",
        "/api/hsds/services?per_page=501",
        "/api/hsds/services?page=1&page=2",
        "/api/hsds/services?full=maybe",
        "/api/hsds/services?lat=55",
        "/api/hsds/services?lat=91&lon=0",
        "/api/hsds/services?lat=nan&lon=1",
        "/api/hsds/services?proximity=100",
        "/api/hsds/services?concern=no-such-concern",
        "/api/hsds/services?region=99",
        "/api/hsds/services?modified_after=yesterday",
        "/api/hsds/services?format=xml",
        "/api/hsds/service_at_locations?postcode=12345",
        "/api/hsds/service_at_locations?postcode=999999&proximity=10",
        "/api/hsds/services/00000000-0000-0000-0000-000000000000?full=true",
        "/api/hsds/taxonomy_terms?top_only=perhaps",
        "/api/hsds/?x=1",
        "/api/hsds/services?search=a%00b",
        "/api/hsds/organizations?modified_after=0001-01-01T00:00:00%2B05:00",
        "/api/hsds/organizations?modified_after=1700000000",  # seconds since 1970 are not ISO 8601
    ],
)
def test_bad_parameters_are_a_json_400(client, registry, url):
    response = client.get(url)
    assert response.status_code == 400, response.content
    body = response.json()
    assert set(body) == {"error", "details"} and body["details"]
    assert body["error"] == "Неверные параметры запроса."


def test_any_utc_offset_is_accepted(client, registry):
    response = client.get("/api/hsds/services?modified_after=0445-01-26T02:35:29.1-23:00")
    assert response.status_code == 200 and response.json()["total_items"] == 7


def test_unknown_objects_and_methods_answer_json(client, registry):
    for path in (
        "services/not-a-uuid",
        f"services/{ids.uuid.uuid4()}",
        f"service_at_locations/{ids.uuid.uuid4()}",
        "organizations/123",
        f"taxonomies/{ids.uuid.uuid4()}",
        "taxonomy_terms/iprp",
        "programs",
    ):
        response = client.get(f"/api/hsds/{path}")
        assert response.status_code == 404, path
        assert set(response.json()) == {"error", "details"}
    response = client.post("/api/hsds/services")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert set(response.json()) == {"error", "details"}


def test_pages_beyond_the_last_are_empty_and_say_so(client, registry):
    body = client.get("/api/hsds/services?page=99&per_page=5").json()
    assert body["contents"] == [] and body["empty"] and body["last_page"] and body["total_items"] == 7
    assert body["total_pages"] == 2 and not body["first_page"]


def test_list_pages_take_a_bounded_number_of_queries(client, registry, django_assert_max_num_queries):
    for _ in range(3):
        organisation = OrganisationFactory()
        LocationFactory(organisation=organisation)
        ServiceFactory(organisation=organisation, concerns=["autism"], languages=["tatar"])
    with django_assert_max_num_queries(16):
        assert len(client.get("/api/hsds/services?full=true&per_page=50").json()["contents"]) == 10
    with django_assert_max_num_queries(16):
        assert len(client.get("/api/hsds/service_at_locations?full=true&per_page=50").json()["contents"]) == 11


def test_openapi_document_describes_every_endpoint_and_parameter(client, registry):
    document = client.get("/api/hsds/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    expected = {
        "/", "/services", "/services/{id}", "/service_at_locations", "/service_at_locations/{id}",
        "/organizations", "/organizations/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms",
        "/taxonomy_terms/{id}",
    }  # fmt: skip
    assert set(document["paths"]) == expected
    services = {p["name"] for p in document["paths"]["/services"]["get"]["parameters"]}
    spec = "search page per_page format taxonomy_term_id taxonomy_id organization_id modified_after minimal full"
    extensions = "age_months concern free open_now lat lon proximity region delivery_mode"
    assert set(f"{spec} {extensions}".split()) <= services
    at_locations = {p["name"] for p in document["paths"]["/service_at_locations"]["get"]["parameters"]}
    assert {"postcode", "proximity"} <= at_locations
    schema = document["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]
    assert schema["application/json"]["schema"]["$ref"].endswith("compiled/service_at_location.json")
    root = client.get("/api/hsds/").json()
    assert validate(root, "taxonomy.json") != []  # sanity: the validator does reject foreign objects


def test_openapi_document_is_generated_from_the_parameter_schemas(client, registry):
    """Each operation documents exactly what its schema accepts, so document and code cannot drift apart."""
    document = client.get("/api/hsds/openapi.json").json()
    assert document["servers"][0]["url"].endswith("/api/hsds")
    for path, schema in {
        "/services": P.Services,
        "/service_at_locations": P.ServiceAtLocations,
        "/organizations": P.Organizations,
        "/organizations/{id}": P.Organization,
        "/taxonomy_terms": P.TaxonomyTerms,
        "/services/{id}": P.NoParams,
    }.items():
        operation = document["paths"][path]["get"]
        query = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
        assert query == set(schema.model_fields), path
        assert all(p.get("description") for p in operation["parameters"]), path
        assert {"200", "304", "400", "429"} <= set(operation["responses"]), path
    ids_documented = [p for p in document["paths"]["/services/{id}"]["get"]["parameters"] if p["in"] == "path"]
    assert [p["name"] for p in ids_documented] == ["id"]
    operation_ids = [item["get"]["operationId"] for item in document["paths"].values()]
    assert len(set(operation_ids)) == len(operation_ids) == 11 and "getPaginatedListOfServices" in operation_ids


def test_refusals_name_the_parameter_in_russian(client, registry):
    details = client.get("/api/hsds/services?colour=red&page=1").json()["details"]
    assert details == [{"parameter": "colour", "message": "Неизвестный параметр."}]
    details = client.get("/api/hsds/services?per_page=501").json()["details"]
    assert details == [{"parameter": "per_page", "message": "Значение должно быть не больше 500."}]
    details = client.get("/api/hsds/services?page=1&page=2").json()["details"]
    assert details == [{"parameter": "page", "message": "Укажите этот параметр один раз."}]
    details = client.get("/api/hsds/services?lat=55").json()["details"]
    assert details[0]["parameter"] == "lon" and "вместе" in details[0]["message"]


def test_head_answers_like_get_without_a_body(client, registry):
    response = client.head("/api/hsds/services?per_page=1")
    assert response.status_code == 200 and response.content == b""
    assert response["Last-Modified"] and response["ETag"]
    assert client.head("/api/hsds/services?per_page=0").status_code == 400


def test_the_whole_demo_registry_is_valid_hsds_page_by_page(client, demo_site):
    checker = Checker(client)
    services = checker.walk("services", per_page=25)
    checker.walk("services", "full=true", per_page=25, full=True)
    checker.walk("service_at_locations", "full=true", per_page=25, full=True)
    organizations = checker.walk("organizations", "full=true&full_service=true", per_page=7, full=True)
    checker.walk("taxonomy_terms", per_page=25)
    for query in ("age_months=30", "concern=autism", "free=true", "region=54", "lat=55.03&lon=82.92&proximity=20000"):
        checker.walk("services", query, per_page=10)
        checker.walk("service_at_locations", query, per_page=10)
    assert len(services) > 20 and len(organizations) > 5
    assert checker.errors == []
    print(f"\nHSDS demo walk: {checker.validated} objects validated, {checker.requests} requests, 0 errors")
