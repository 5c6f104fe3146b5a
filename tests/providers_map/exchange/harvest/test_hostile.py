"""Hostile feeds from a local server: each ends in bounded time and memory with a clear report, and nothing
harvested earlier is lost."""

import datetime as dt

import pytest

from providers_map.exchange.exporting import hsds_package
from providers_map.exchange.harvest.run import harvest_source
from providers_map.exchange.harvest.sources import register
from providers_map.exchange.models import FeedSource, HarvestedEntry, HarvestRun
from providers_map.models import Organisation
from tests.providers_map.exchange.harvest.hostile import MB
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, valid_inn

pytestmark = pytest.mark.django_db
MAX_BYTES = 2 * MB


def harvest(feed, scenario):
    source, _ = register(feed.url(scenario), scenario, allow_private=True)
    return harvest_source(source, trigger="test")


def seconds(run):
    return (run.finished_at - run.started_at).total_seconds()


def test_a_good_feed_then_every_hostile_answer_keeps_what_was_harvested(feed):
    good = harvest(feed, "good")  # our own API's answer: it passes the harvester's validation
    assert good.status == HarvestRun.Status.COMPLETE and good.added == good.valid == good.records == 3, good.report
    harvested = set(HarvestedEntry.objects.values_list("organisation_id", flat=True))
    source = FeedSource.objects.get(base_url=feed.url("good"))

    for scenario, words in {
        "slow": "слишком медленно",
        "silent": "не ответил",
        "huge": "больше 2.0 МБ",
        "invalid": "не JSON",
        "redirect": "другой адрес",
        "endless": "больше 5 страниц",
        "vanish": "не ответил",
    }.items():
        source.base_url = feed.url(scenario)
        source.save()
        run = harvest_source(source, trigger="test")
        assert run.status == HarvestRun.Status.FAILED, (scenario, run.report)
        assert words in run.error, (scenario, run.error)
        assert seconds(run) < 10, scenario
        assert run.bytes_read <= MAX_BYTES + 64 * 1024, scenario  # read no further than the limit
        source.refresh_from_db()
        assert source.stale, scenario
        assert Organisation.objects.filter(pk__in=harvested, live=True).count() == 3, scenario
        assert HarvestedEntry.objects.filter(missing_runs=0).count() == 3, scenario

    source.base_url = feed.url("good")
    source.save()
    assert harvest_source(source, trigger="test").status == HarvestRun.Status.COMPLETE
    source.refresh_from_db()
    assert not source.stale


def test_schema_invalid_records_are_rejected_with_reasons_and_the_rest_harvested(feed):
    run = harvest(feed, "schema")
    assert run.status == HarvestRun.Status.COMPLETE
    assert (run.records, run.valid, run.added, run.rejected) == (4, 2, 2, 2), run.report
    reasons = {item["id"]: " ".join(item["reasons"]) for item in run.report["rejected"]}
    assert "is not a 'uuid'" in reasons["not-a-uuid"] and "'description' is a required property" in reasons[
        "not-a-uuid"]  # fmt: skip
    assert any("is not of type 'string'" in text for text in reasons.values())


def test_a_private_address_needs_an_operator(feed):
    source, _ = register(feed.url("good"), "loopback")
    run = harvest_source(source, trigger="test")
    assert run.status == HarvestRun.Status.FAILED and "127.0.0.1" in run.error and run.requests == 0


def test_ndjson_is_read_as_a_stream(feed):
    run = harvest(feed, "ndjson")
    assert run.status == HarvestRun.Status.COMPLETE and (run.requests, run.added) == (1, 3)


def test_an_absent_entry_is_withdrawn_only_after_n_complete_harvests(feed):
    source, _ = register(feed.url("good"), "good", allow_private=True)
    harvest_source(source, trigger="test")
    feed.server.organizations = feed.server.organizations[1:]
    gone = HarvestedEntry.objects.get(name="Центр «Чужой-0»").organisation
    for number in (1, 2):
        run = harvest_source(source, trigger="test")
        assert run.withdrawn == 0 and Organisation.objects.get(pk=gone.pk).live, number
    source.base_url = feed.url("vanish")  # a failed harvest counts for nothing
    source.save()
    assert harvest_source(source, trigger="test").status == HarvestRun.Status.FAILED
    source.base_url = feed.url("good")
    source.save()
    run = harvest_source(source, trigger="test")
    assert run.withdrawn == 1 and run.report["withdrawn"] == ["Центр «Чужой-0»"]
    assert not Organisation.objects.get(pk=gone.pk).live
    entry = HarvestedEntry.objects.get(organisation=gone)
    assert entry.state == HarvestedEntry.State.WITHDRAWN and entry.last_seen < run.started_at - dt.timedelta(0)


def test_a_tabular_data_package_is_harvested_too(feed, client):
    organisation = OrganisationFactory(name="Центр «Пакетный»", inn=valid_inn(990))
    LocationFactory(organisation=organisation)
    ServiceFactory(organisation=organisation)
    feed.server.files = hsds_package.package_files(base_url="https://region.example")
    Organisation.objects.filter(pk=organisation.pk).delete()
    source, _ = register(feed.url("package") + "/datapackage.json", "Пакет", allow_private=True)
    assert source.kind == FeedSource.Kind.PACKAGE
    run = harvest_source(source, trigger="test")
    assert run.status == HarvestRun.Status.COMPLETE and (run.added, run.rejected) == (1, 0), run.report
    assert Organisation.objects.get(name="Центр «Пакетный»").live
