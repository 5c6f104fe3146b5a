"""A real exchange over HTTP: a second portal (its own server process and database, Kuzbass's registry) serves
its HSDS API on loopback; this portal harvests it."""

import json
import urllib.request

import pytest

from providers_map.exchange.harvest.run import harvest_source
from providers_map.exchange.harvest.sources import register
from providers_map.exchange.models import HarvestedEntry, HarvestRun
from providers_map.models import Organisation
from tests.providers_map.exchange.harvest.peer import Peer

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
COUNT = 5
FIELDS = ("id", "name", "alternate_name", "email", "website", "description")


@pytest.fixture
def peer(django_db_blocker):
    with django_db_blocker.unblock():
        server = Peer(COUNT)
    yield server
    with django_db_blocker.unblock():
        server.close()


def fetch(url):
    with urllib.request.urlopen(url, timeout=20) as response:
        return json.loads(response.read())


def published(base, client=None):
    """{organisation id: the fully nested organisation} as an HSDS API publishes it."""
    url = "/api/hsds/organizations?full=true&full_service=true&per_page=100"
    body = client.get(url).json() if client else fetch(base + url)
    return {item["id"]: item for item in body["contents"]}


def essentials(organization):
    """What both registries must agree on: fields, identifiers, services, branches and their addresses."""
    return {
        **{key: organization.get(key) for key in FIELDS},
        "identifiers": sorted(
            (i["identifier_scheme"], i["identifier"]) for i in organization["organization_identifiers"]
        ),
        "phones": sorted(p["number"] for p in organization["phones"]),
        "services": sorted(
            (s["id"], s["name"], s.get("minimum_age"), s.get("maximum_age"), s["status"])
            for s in organization["services"]
        ),
        "locations": sorted(
            (p["id"], p["latitude"], p["longitude"], p["addresses"][0]["address_1"], p["addresses"][0]["city"])
            for p in organization["locations"]
        ),
        "schedules": sorted(
            (s["byday"], s["opens_at"], s["closes_at"])
            for place in organization["locations"]
            for s in place["schedules"]
        ),
    }


def test_harvesting_another_portal_agrees_and_follows_its_changes(peer, client, settings):
    settings.ELASTICSEARCH_URL = ""  # the site's search on its database records: this test is about the exchange
    source, created = register(f"{peer.base}/api/hsds", "Кузбасс", allow_private=True)
    source.withdraw_after = 2
    source.save()
    assert created and register(f"{peer.base}/api/hsds/", "Кузбасс")[1] is False

    run = harvest_source(source, trigger="test")
    assert run.status == HarvestRun.Status.COMPLETE, run.error or run.report
    assert (run.records, run.valid, run.added, run.rejected) == (COUNT, COUNT, COUNT, 0), run.report
    theirs, ours = published(peer.base), published(None, client)
    assert set(theirs) <= set(ours) and len(ours) == COUNT
    for organisation_id, organization in theirs.items():
        assert essentials(ours[organisation_id]) == essentials(organization)
    entry = HarvestedEntry.objects.get(source=source, feed_id=next(iter(theirs)))
    assert entry.organisation.live and entry.first_seen == entry.last_seen == entry.last_changed

    again = harvest_source(source, trigger="test")
    assert again.status == HarvestRun.Status.UNCHANGED, again.error  # If-Modified-Since: 304, nothing read
    assert (again.added, again.changed, again.withdrawn) == (0, 0, 0)
    assert published(None, client) == ours

    peer.manage("edit", "2", "Новое описание центра, опубликованное в Кузбассе.", "delete", "3")
    gone = Organisation.objects.get(name="Кузбасский центр ранней помощи № 3")
    third = harvest_source(source, trigger="test")
    assert third.status == HarvestRun.Status.COMPLETE, third.error
    assert (third.added, third.changed, third.withdrawn) == (0, 1, 0), third.report
    edited = Organisation.objects.get(name="Кузбасский центр ранней помощи № 2")
    assert edited.description == "Новое описание центра, опубликованное в Кузбассе." and edited.live
    assert Organisation.objects.get(pk=gone.pk).live  # absent once: kept
    fourth = harvest_source(source, trigger="test")
    assert fourth.withdrawn == 1 and fourth.report["withdrawn"] == [gone.name]
    assert not Organisation.objects.get(pk=gone.pk).live
    assert HarvestedEntry.objects.get(organisation=gone).state == HarvestedEntry.State.WITHDRAWN
