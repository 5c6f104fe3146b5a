"""The import's bulk writes store every value exactly as a normal save would (COPY on PostgreSQL)."""

import uuid
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType

from wagtail.models import ModelLogEntry

import pytest

from core.db_copy import create_objects, insert_rows
from core.models import Region
from providers_map.models import Location, Organisation
from tests.providers_map.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
AWKWARD = "Tab\there, a back\\slash \\N, line\nbreak\r\nand «ёлка» \\t"


def test_new_objects_keep_awkward_text_json_decimals_and_get_keys():
    organisation = OrganisationFactory()
    region = Region.objects.get(code="54")
    made = [
        Location(
            organisation_id=organisation.pk,
            name=AWKWARD,
            address=f"ул. Ленина, {n}",
            region=region,
            locality="Новосибирск",
            latitude=Decimal("55.030204"),
            longitude=None,
            opening_hours={"mon": [["09:00", "18:00"]], "note": AWKWARD},
            accessibility=["lift"],
            delivery_modes=[],
            sort_order=n,
        )
        for n in range(3)
    ]
    create_objects(Location, made)
    assert all(location.pk and not location._state.adding for location in made)
    for location in made:
        stored = Location.objects.get(pk=location.pk)
        assert (stored.name, stored.latitude, stored.longitude) == (AWKWARD, Decimal("55.030204"), None)
        assert stored.opening_hours["note"] == AWKWARD and stored.accessibility == ["lift"]
        assert stored.uuid == location.uuid
    # the sequence stays ahead: an ordinary save afterwards gets a new key
    later = Location.objects.create(organisation=organisation, address="другой", region=region, locality="Обь")
    assert later.pk > max(location.pk for location in made)


def test_rows_without_keys_keep_json_and_nulls():
    organisation = Organisation.objects.get(pk=OrganisationFactory().pk)
    content_type = ContentType.objects.get_for_model(Organisation)
    run = uuid.uuid4()
    insert_rows(
        ModelLogEntry,
        (
            "content_type",
            "label",
            "action",
            "timestamp",
            "data",
            "uuid",
            "user",
            "content_changed",
            "deleted",
            "object_id",
        ),  # fmt: skip
        [
            (
                content_type.pk,
                AWKWARD,
                "wagtail.edit",
                organisation.created_at,
                {"x": AWKWARD},
                run,
                None,
                True,
                False,
                str(organisation.pk),
            )
        ],  # fmt: skip
    )
    entry = ModelLogEntry.objects.get(object_id=str(organisation.pk), uuid=run)
    assert (entry.label, entry.data, entry.user_id, entry.timestamp, entry.deleted) == (
        AWKWARD,
        {"x": AWKWARD},
        None,
        organisation.created_at,
        False,
    )
