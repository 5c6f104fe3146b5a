"""Fixtures of the harvest tests: small limits, a local feed of three organisations another portal publishes."""

import pytest

from providers_map.models import Organisation
from tests.providers_map.exchange.harvest.hostile import MB, HostileFeed
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, valid_inn


@pytest.fixture
def limits(settings):
    settings.HARVEST_RESPONSE_SECONDS = 1.5
    settings.HARVEST_READ_TIMEOUT = 1.0
    settings.HARVEST_MAX_BYTES = 2 * MB
    settings.HARVEST_MAX_PAGES = 5
    settings.HARVEST_REQUEST_INTERVAL = 0


@pytest.fixture
def feed(client, limits):
    """Three organisations as another portal publishes them (made here, read from our API, then removed)."""
    made = []
    for number in range(3):
        organisation = OrganisationFactory(name=f"Центр «Чужой-{number}»", inn=valid_inn(900 + number))
        LocationFactory(organisation=organisation)
        ServiceFactory(organisation=organisation)
        made.append(organisation.pk)
    organizations = client.get("/api/hsds/organizations?full=true&full_service=true").json()["contents"]
    Organisation.objects.filter(pk__in=made).delete()
    server = HostileFeed(organizations)
    yield server
    server.close()
