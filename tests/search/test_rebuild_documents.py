"""A rebuild (plain rows, batch loading, orjson) indexes exactly what the publishing lifecycle indexes."""

import json

import pytest
from elastic_transport import JsonSerializer

from search import indexing, registry
from search.client import get_client, index_name
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _indexed(kind_name):
    client = get_client()
    client.indices.refresh(index=index_name(kind_name))
    hits = client.search(index=index_name(kind_name), query={"match_all": {}}, size=100)["hits"]["hits"]
    return {hit["_id"]: hit["_source"] for hit in hits}


def _as_json(source):
    """A document as the client's standard serialiser sends it (what a lifecycle update indexes)."""
    return json.loads(JsonSerializer().dumps(source))


def test_rebuilt_provider_documents_equal_those_of_publishing(index_prefix):
    first = OrganisationFactory(name="Центр «Капелька»\tдля детей", short_name="Капелька", cost="mixed")
    LocationFactory(organisation=first, locality="Бердск", delivery_modes=["home"], accessibility=["step_free"])
    LocationFactory(organisation=first, name="Филиал № 1", locality="Искитим", opening_hours={})
    ServiceFactory(organisation=first, description="Занятия с логопедом\nи психологом", concerns=["autism"])
    second = OrganisationFactory(name="Служба ранней помощи", status="temporarily_closed")
    LocationFactory(organisation=second, locality="Новосибирск", latitude=None, longitude=None)
    ServiceFactory(organisation=second)
    OrganisationFactory(name="Черновик", live=False)

    for name in ("providers", "provider-locations"):
        kind = registry.get(name)
        assert indexing.rebuild(kind)["documents"] == (2 if name == "providers" else 3)
        getattr(kind, "_shared", {}).clear()  # the finder kind's organisation parts: made again from models
        objects = list(kind.objects())
        kind.prepare_batch(objects)
        expected = {kind.key(obj): _as_json(kind.source(obj)) for obj in objects}
        assert _indexed(name) == expected
