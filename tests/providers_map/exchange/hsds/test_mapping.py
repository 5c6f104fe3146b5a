"""The model → HSDS 3.0 mapping: every record valid against the official schemas, every field where HSDS wants it."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from providers_map.exchange import hsds
from providers_map.exchange.hsds import decoding, ids, texts
from providers_map.models import Organisation, Service
from tests.providers_map.exchange.hsds.schemas import validate
from tests.providers_map.factories import (
    ErrorReportFactory,
    LocationFactory,
    OrganisationFactory,
    ServiceFactory,
    valid_inn,
)

pytestmark = pytest.mark.django_db

SPLIT_HOURS = {
    **{day: [["09:00", "13:00"], ["14:00", "18:00"]] for day in ("mon", "tue", "wed", "thu")},
    "fri": [["09:00", "16:00"]],
    "sat": [["10:00", "14:00"]],
    "sun": [],
}
BASE = "https://портал.example"


@pytest.fixture
def centre():
    organisation = OrganisationFactory(
        name="Государственное бюджетное учреждение «Центр „Радуга“»",
        short_name="Центр «Радуга»",
        inn=valid_inn(777),
        ogrn="1025401234567",
        website="https://радуга.рф/о-нас?язык=ru",
        phones="+73832223344\n+73832223355",
        documents="Свидетельство о рождении ребёнка\nПолис ОМС",
        cost=Organisation.Cost.MIXED,
        cost_note="Первая консультация бесплатно",
        referral_required=Organisation.Referral.YES,
        status=Organisation.Status.TEMPORARILY_CLOSED,
        data_source="выгрузка оператора №17",
    )
    LocationFactory(organisation=organisation, name="Главный корпус", opening_hours=SPLIT_HOURS, sort_order=0)
    LocationFactory(
        organisation=organisation,
        name="",
        locality="Бердск",
        postcode="",
        coordinates_approximate=True,
        accessibility=["tactile"],
        delivery_modes=["remote"],
        opening_hours={},
        sort_order=1,
    )
    ServiceFactory(organisation=organisation, age_min_months=7, age_max_months=36, concerns=["autism", "hearing"])
    ServiceFactory(organisation=organisation, languages=["tatar", "russian-sign"], description="Занятия в группе.")
    ErrorReportFactory(organisation=organisation, message="СЕКРЕТНАЯ ЖАЛОБА", handled_note="ЗАМЕТКА ОПЕРАТОРА")
    return Organisation.objects.get(pk=organisation.pk)


def bundle_of(organisation, base=BASE):
    return hsds.Mapper(base).organisation(hsds.public_organisations().get(pk=organisation.pk))


def test_every_flat_record_is_valid_against_its_hsds_table_schema(centre):
    bundle = bundle_of(centre)
    checked = 0
    for table, records in bundle.tables.items():
        for record in records:
            assert validate(record, f"{table}.json", strict=True) == [], (table, record)
            checked += 1
    vocabulary = hsds.Vocabulary("https://example.org/api/hsds")
    for record in vocabulary.taxonomies():
        assert validate(record, "taxonomy.json", strict=True) == []
    for record in vocabulary.terms():
        assert validate(record, "taxonomy_term.json", strict=True) == []
    assert checked > 30


def test_nested_objects_are_valid_against_the_compiled_schemas(centre):
    bundle = bundle_of(centre)
    nester = hsds.Nester(hsds.Vocabulary())
    service_id = bundle.tables["service"][0]["id"]
    link_id = bundle.tables["service_at_location"][0]["id"]
    cases = [
        (nester.service(bundle, service_id), "compiled/service.json"),
        (nester.service_list_item(bundle, service_id), "compiled/service_list.json"),
        (nester.service_minimal(bundle, service_id), "compiled/service_list.json"),
        (nester.organization(bundle), "compiled/organization.json"),
        (nester.organization(bundle, full_service=True), "compiled/organization.json"),
        (nester.organization_summary(bundle), "compiled/organization_list.json"),
        (nester.service_at_location(bundle, link_id), "compiled/service_at_location.json"),
        (nester.service_at_location_list_item(bundle, link_id), "compiled/service_at_location_list.json"),
    ]
    for instance, schema in cases:
        assert validate(instance, schema, strict=True) == [], schema


def test_identifiers_phones_and_organisation_fields(centre):
    bundle = bundle_of(centre)
    organization = bundle.tables["organization"][0]
    assert organization["id"] == str(centre.uuid)
    assert organization["alternate_name"] == "Центр «Радуга»"
    assert organization["legal_status"] == "государственная"
    assert (
        organization["website"]
        == "https://xn--80aaid2dua.xn--p1ai/%D0%BE-%D0%BD%D0%B0%D1%81?%D1%8F%D0%B7%D1%8B%D0%BA=ru"
    )
    assert organization["uri"] == f"https://xn--80awhdgm.example/providers/{centre.slug}/"
    identifiers = {
        r["identifier_scheme"]: (r["identifier_type"], r["identifier"])
        for r in bundle.tables["organization_identifier"]
    }
    assert identifiers == {"RU-INN": ("ИНН", centre.inn), "RU-OGRN": ("ОГРН", "1025401234567")}
    assert [p["number"] for p in bundle.tables["phone"]] == ["+73832223344", "+73832223355"]
    codes = decoding.codes_by_taxonomy(bundle.records("attribute", link_id=str(centre.uuid)), hsds.Vocabulary())
    assert codes == {"ownership": ["state"], "sectors": ["social"], "registry-marks": ["official-registry"]}


def test_locations_addresses_schedules_and_accessibility(centre):
    bundle = bundle_of(centre)
    main, branch = bundle.tables["location"]
    assert main["name"] == "Главный корпус" and "name" not in branch
    assert (main["latitude"], main["longitude"]) == (55.030204, 82.92043)
    address = bundle.first("address", location_id=branch["id"])
    assert address["city"] == "Бердск" and address["state_province"] == "Новосибирская область"
    assert address["postal_code"] == "" and address["country"] == "RU"
    schedules = bundle.records("schedule", location_id=main["id"])
    rules = [(s["byday"], s["opens_at"], s["closes_at"], s["timezone"]) for s in schedules]
    assert rules == [
        ("MO,TU,WE,TH", "09:00+07:00", "13:00+07:00", 7),
        ("FR", "09:00+07:00", "16:00+07:00", 7),
        ("SA", "10:00+07:00", "14:00+07:00", 7),
        ("MO,TU,WE,TH", "14:00+07:00", "18:00+07:00", 7),
    ]
    assert schedules[0]["description"] == "Пн-Чт 09:00-13:00"
    assert decoding.hours_from_schedules(schedules) == SPLIT_HOURS
    assert bundle.records("schedule", location_id=branch["id"]) == []
    accessibility = bundle.records("accessibility", location_id=branch["id"])
    assert [a["description"] for a in accessibility] == ["Тактильные указатели"]
    vocabulary = hsds.Vocabulary()
    assert decoding.codes_by_taxonomy(bundle.records("attribute", link_id=accessibility[0]["id"]), vocabulary) == {
        "accessibility": ["tactile"]
    }
    branch_codes = decoding.codes_by_taxonomy(bundle.records("attribute", link_id=branch["id"]), vocabulary)
    assert branch_codes == {"delivery-modes": ["remote"], "registry-marks": ["approximate-coordinates"]}


def test_services_ages_cost_languages_documents_and_status(centre):
    bundle = bundle_of(centre)
    first, second = bundle.tables["service"]
    assert first["status"] == second["status"] == "temporarily closed"
    assert first["minimum_age"] == 0.5833 and first["maximum_age"] == 3
    assert texts.months(first["minimum_age"]) == 7
    assert first["eligibility_description"].startswith("Дети от 7 месяцев до 3 лет.")
    assert (
        "Нарушения слуха" in first["eligibility_description"]
        and "Направление: нужно" in first["eligibility_description"]
    )
    assert second["description"] == "Занятия в группе."
    assert first["fees_description"] == "Бесплатно и платно. Первая консультация бесплатно"
    assert first["assured_date"] == centre.verified_at.isoformat()
    assert first["last_modified"].endswith("Z") and len(first["last_modified"]) == 24
    options = bundle.records("cost_option", service_id=first["id"])
    assert [(o["option"], o.get("amount"), o["currency"]) for o in options] == [
        ("Бесплатно", 0, "RUB"),
        ("Платно", None, "RUB"),
    ]
    assert [(lang["name"], lang["code"]) for lang in bundle.records("language", service_id=first["id"])] == [
        ("Русский", "ru")
    ]
    second_languages = [lang["code"] for lang in bundle.records("language", service_id=second["id"])]
    assert sorted(second_languages) == ["rsl", "tt"]
    documents = [d["document"] for d in bundle.records("required_document", service_id=first["id"])]
    assert documents == ["Свидетельство о рождении ребёнка", "Полис ОМС"]
    codes = decoding.codes_by_taxonomy(bundle.records("attribute", link_id=first["id"]), hsds.Vocabulary())
    assert codes == {
        "service-types": ["iprp"],
        "developmental-concerns": ["autism", "hearing"],
        "cost": ["mixed"],
        "referral": ["yes"],
    }
    assert len(bundle.tables["service_at_location"]) == 4  # 2 services × 2 locations


def test_closed_organisations_are_defunct(centre):
    Organisation.objects.filter(pk=centre.pk).update(status=Organisation.Status.CLOSED)
    assert {s["status"] for s in bundle_of(centre).tables["service"]} == {"defunct"}


def test_identifiers_are_stable_and_a_service_at_location_leads_back_to_its_service(centre):
    first, again = bundle_of(centre), bundle_of(centre)
    assert json.dumps(first.tables, sort_keys=True) == json.dumps(again.tables, sort_keys=True)
    every_id = [r["id"] for records in first.tables.values() for r in records]
    assert len(every_id) == len(set(every_id))
    for link in first.tables["service_at_location"]:
        low, high = ids.service_uuid_range(link["id"])
        assert list(Service.objects.filter(uuid__gte=low, uuid__lte=high).values_list("uuid", flat=True)) == [
            ids.as_uuid(link["service_id"])
        ]
        assert ids.service_at_location_id(link["service_id"], link["location_id"]) == link["id"]
    assert ids.service_uuid_range("not-a-uuid") is None


def test_nothing_internal_is_published(centre):
    text = json.dumps(bundle_of(centre).tables, ensure_ascii=False)
    for secret in ("СЕКРЕТНАЯ ЖАЛОБА", "ЗАМЕТКА ОПЕРАТОРА", "выгрузка оператора", "editor", "gazetteer"):
        assert secret not in text


def test_registry_records_cover_only_published_entries_in_few_queries(centre):
    draft = OrganisationFactory(name="Черновик", live=False)
    ServiceFactory(organisation=draft)
    for _ in range(5):
        organisation = OrganisationFactory()
        LocationFactory(organisation=organisation)
        ServiceFactory(organisation=organisation, concerns=["autism"], languages=["tatar"])
    with CaptureQueriesContext(connection) as queries:
        records = list(hsds.registry_records(BASE))
    assert len(queries) <= 12
    organizations = [r["name"] for table, r in records if table == "organization"]
    assert len(organizations) == 6 and "Черновик" not in organizations
    tables = [table for table, _ in records]
    assert tables[0] == "taxonomy" and tables.index("taxonomy_term") < tables.index("organization")
    assert len([t for t in tables if t == "taxonomy"]) == len(hsds.TAXONOMIES)


def test_ages_survive_the_round_trip_through_years():
    assert all(texts.months(texts.years(m)) == m for m in range(0, 217))
    assert texts.age_range(0, 36) == "Дети от рождения до 3 лет"
    assert texts.age_range(6, 21) == "Дети от 6 месяцев до 21 месяца"
    assert texts.age_range(12, 252) == "Дети от 1 года до 21 года"


def test_taxonomy_terms_are_our_codes_with_stable_ids():
    vocabulary = hsds.Vocabulary()
    term = vocabulary.term("developmental-concerns", "autism")
    assert term["id"] == ids.term_id("developmental-concerns", "autism")
    assert term["name"] == "Расстройства аутистического спектра (РАС)"
    assert vocabulary.lookup(term["id"]) == ("developmental-concerns", "autism")
    assert vocabulary.lookup("nonsense") is None
    assert [t["code"] for t in vocabulary.terms("cost")] == ["free", "paid", "mixed"]
