"""The import writes an entry's history in bulk, and it is what Wagtail itself would have written: the revision
holds the entry's serialised content (children included) and the reference index lists its references."""

import datetime as dt
import json
from unittest import mock

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from wagtail.models import ReferenceIndex, Revision

import pytest

from providers_map.exchange.importing.pipeline import run_import
from providers_map.exchange.importing.revision_data import serializable_data
from providers_map.models import Organisation
from tests.providers_map.exchange.importing.helpers import FIXTURES
from tests.providers_map.exchange.importing.registry_file import generate

pytestmark = pytest.mark.django_db
FROZEN = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def imported():
    run_import(generate(120), "registry.csv")
    run_import((FIXTURES / "registry_utf8_bom_comma.csv").read_bytes(), "utf8.csv")
    organisations = list(
        Organisation.objects.prefetch_related("locations", "services__concerns", "services__languages").order_by("pk")
    )
    assert len(organisations) > 50
    return organisations


def as_json(data):
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def test_revision_content_is_the_entrys_own_serialisation():
    for organisation in imported():
        revision = Revision.objects.get(pk=organisation.live_revision_id)
        assert organisation.latest_revision_id == revision.pk
        content = dict(revision.content)
        expected = as_json(organisation.serializable_data())
        assert content.pop("updated_at") and expected.pop("updated_at")  # auto_now: the moment of serialising
        # as in Wagtail's save_revision, the content is taken before the entry points at the new revision
        assert (content.pop("latest_revision"), content.pop("live_revision")) == (None, None)
        del expected["latest_revision"], expected["live_revision"]
        assert content == expected
        assert len(content["locations"]) == organisation.locations.count() >= 1
        restored = revision.as_object()
        assert [s.service_type_id for s in restored.services.all()] == [
            s.service_type_id for s in organisation.services.all()
        ]


def test_the_fast_serialisation_equals_modelclusters():
    with mock.patch.object(timezone, "now", return_value=FROZEN):
        for organisation in imported():
            assert serializable_data(organisation) == organisation.serializable_data()


def test_reference_index_rows_are_wagtails_extraction():
    paths = set()
    for organisation in imported():
        stored = set(
            ReferenceIndex.objects.filter(
                object_id=str(organisation.pk), base_content_type__model="organisation"
            ).values_list("to_content_type_id", "to_object_id", "model_path", "content_path")
        )
        assert stored == set(ReferenceIndex._extract_references_from_object(organisation))
        paths.update(model_path for _, _, model_path, _ in stored)
    assert {"locations.item.region", "services.item.service_type"} <= paths
