import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from core.models import Region
from providers_map.models import ErrorReport, Location, Organisation, Service

from .factories import LocationFactory, OrganisationFactory, ServiceFactory, service_type, valid_inn

pytestmark = pytest.mark.django_db


def errors_of(instance):
    with pytest.raises(ValidationError) as exc:
        instance.full_clean()
    return exc.value.message_dict


def test_inn_or_ogrn_is_required():
    org = OrganisationFactory.build(inn="", ogrn="")
    assert "ИНН или ОГРН" in errors_of(org)["inn"][0]
    OrganisationFactory.build(inn="", ogrn="1027700132195").full_clean()


@pytest.mark.parametrize(
    ("field", "value"),
    [("inn", "7707083894"), ("inn", "123"), ("ogrn", "1027700132196"), ("ogrn", "10277001321")],
)
def test_identifier_check_digits_are_enforced(field, value):
    org = OrganisationFactory.build(**{field: value})
    assert field in errors_of(org)


def test_duplicate_identifiers_get_a_friendly_message_not_a_crash():
    OrganisationFactory(inn="7707083893", ogrn="1027700132195")
    twin = OrganisationFactory.build(inn="", ogrn="1027700132195")
    assert "другой записи" in errors_of(twin)["ogrn"][0]
    same_inn = OrganisationFactory.build(inn="7707083893", ogrn="")
    assert "другой записи" in errors_of(same_inn)["inn"][0]


def test_phones_are_normalised_on_clean_and_bad_lines_reported():
    org = OrganisationFactory.build(phones="8 (383) 222-33-44\n+7 913 123 45 67")
    org.full_clean()
    assert org.phones == "+73832223344\n+79131234567"
    org = OrganisationFactory.build(phones="8 (383) 222-33-44\nзвоните")
    assert "phones" in errors_of(org)


def test_verified_date_cannot_be_in_the_future():
    org = OrganisationFactory.build(verified_at=timezone.localdate() + dt.timedelta(days=1))
    assert "verified_at" in errors_of(org)


def test_slug_is_transliterated_and_unique():
    first = OrganisationFactory(name="Центр «Щедрый ёжик»", short_name="")
    second = OrganisationFactory(name="Центр «Щедрый ёжик»", short_name="")
    assert first.slug == "tsentr-shchedryy-ezhik"
    assert second.slug == "tsentr-shchedryy-ezhik-2"
    short = OrganisationFactory(name="Государственное бюджетное учреждение", short_name="КЦСОН Кировского района")
    assert short.slug == "ktsson-kirovskogo-rayona"
    assert short.get_absolute_url() == "/providers/ktsson-kirovskogo-rayona/"


def test_import_key_is_ogrn_else_inn():
    with_ogrn = OrganisationFactory(inn="7707083893", ogrn="1027700132195")
    only_inn = OrganisationFactory(inn=valid_inn(777), ogrn="")
    assert with_ogrn.import_key == "1027700132195"
    assert only_inn.import_key == valid_inn(777)
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=only_inn.pk).update(import_key="1027700132195")


def test_public_means_live_and_closed_entries_stay_public():
    live = OrganisationFactory()
    draft = OrganisationFactory(live=False)
    closed = OrganisationFactory(status=Organisation.Status.CLOSED)
    public = set(Organisation.objects.public())
    assert live in public and closed in public
    assert draft not in public


def test_stale_is_unverified_or_older_than_a_year():
    today = timezone.localdate()
    fresh = OrganisationFactory(verified_at=today - dt.timedelta(days=365))
    old = OrganisationFactory(verified_at=today - dt.timedelta(days=366))
    never = OrganisationFactory(verified_at=None)
    assert set(Organisation.objects.stale()) == {old, never}
    assert not fresh.is_stale and old.is_stale and never.is_stale


@pytest.mark.parametrize(
    ("lat", "lon", "ok"),
    [
        ("55.030204", "82.920430", True),  # Novosibirsk
        ("54.710426", "20.452214", True),  # Kaliningrad
        ("64.733333", "177.516667", True),  # Anadyr
        ("66.000000", "-171.000000", True),  # Chukotka east of the antimeridian
        ("82.920430", "55.030204", False),  # swapped
        ("40.500000", "45.000000", False),  # south of Russia
        ("55.750000", "-37.620000", False),  # sign error
        ("55.750000", "-167.000000", False),
    ],
)
def test_coordinates_must_be_inside_russia(lat, lon, ok):
    location = LocationFactory.build(organisation=OrganisationFactory(), latitude=Decimal(lat), longitude=Decimal(lon))
    if ok:
        location.full_clean()
    else:
        assert "за пределами России" in errors_of(location)["latitude"][0]


def test_latitude_and_longitude_go_together():
    location = LocationFactory.build(organisation=OrganisationFactory(), longitude=None)
    assert "latitude" in errors_of(location)


def test_no_coordinates_means_no_provenance():
    location = LocationFactory.build(
        organisation=OrganisationFactory(), latitude=None, longitude=None, coordinates_approximate=True
    )
    location.full_clean()
    assert location.coordinates_source == "" and location.coordinates_approximate is False


def test_postcode_and_hours_and_codes_are_validated():
    org = OrganisationFactory()
    assert "postcode" in errors_of(LocationFactory.build(organisation=org, postcode="6300"))
    assert "opening_hours" in errors_of(
        LocationFactory.build(organisation=org, opening_hours={"mon": [["18:00", "09:00"]]})
    )
    assert "accessibility" in errors_of(LocationFactory.build(organisation=org, accessibility=["teleport"]))
    assert "delivery_modes" in errors_of(LocationFactory.build(organisation=org, delivery_modes=["mail"]))


def test_location_labels_and_timezone():
    location = LocationFactory(accessibility=["lift", "step_free"], delivery_modes=["remote"])
    assert [str(label) for label in location.accessibility_labels()] == ["лифт", "вход без ступенек или пандус"]
    assert [str(label) for label in location.delivery_mode_labels()] == ["дистанционно"]
    assert str(location.timezone()) == "Asia/Novosibirsk"
    assert location.full_address == "630099, Новосибирская область, Новосибирск, " + location.address


def test_hours_form_field_edits_text_and_stores_the_dict():
    field = Location._meta.get_field("opening_hours").formfield()
    assert field.prepare_value({"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]]}) == "Пн-Вт 09:00-18:00"
    assert field.clean("Пн-Пт 09:00-18:00")["fri"] == [["09:00", "18:00"]]
    with pytest.raises(ValidationError, match="Не удалось"):
        field.clean("по будням с утра")


@pytest.mark.parametrize(("low", "high"), [(12, 12), (24, 6), (0, 300)])
def test_service_age_range_rules(low, high):
    service = ServiceFactory.build(organisation=OrganisationFactory(), age_min_months=low, age_max_months=high)
    assert "age_max_months" in errors_of(service)


def test_service_age_range_is_a_database_constraint_too():
    service = ServiceFactory(organisation=OrganisationFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.filter(pk=service.pk).update(age_max_months=0)


def test_service_serves_age():
    service = ServiceFactory(service_type=service_type("communication"), age_min_months=6, age_max_months=36)
    assert service.serves_age(6) and service.serves_age(36) and not service.serves_age(3)


def test_error_report_email_needs_consent():
    org = OrganisationFactory()
    report = ErrorReport(organisation=org, topic="outdated", message="Сменился телефон", email="mama@example.org")
    assert "consent_given" in errors_of(report)
    report.consent_given = True
    report.full_clean()
    anonymous = ErrorReport(organisation=org, topic="other", message="Нет пандуса", consent_given=True)
    anonymous.full_clean()
    assert anonymous.consent_given is False


def test_error_report_message_length_is_limited():
    report = ErrorReport(organisation=OrganisationFactory(), topic="other", message="я" * 2001)
    assert "message" in errors_of(report)


def test_region_is_protected_from_deletion():
    LocationFactory()
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Region.objects.get(code="54").delete()
