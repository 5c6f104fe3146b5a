"""Indexing: rebuild behind aliases, the publishing lifecycle, pending updates and sync."""

from django.core.management import call_command

import pytest

from search import drift, indexing, registry
from search.client import get_client, index_name
from search.models import PendingUpdate, SearchRecord
from tests.home.builders import make_guidance, make_hub
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def es_ids(kind_name):
    client = get_client()
    client.indices.refresh(index=index_name(kind_name))
    result = client.search(index=index_name(kind_name), query={"match_all": {}}, size=100, _source=["title"])
    return {hit["_id"]: hit["_source"]["title"] for hit in result["hits"]["hits"]}


def test_rebuild_swaps_the_alias_to_a_new_index_and_drops_the_old(index_prefix, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        hub = make_hub()
        page = make_guidance(hub, title="Как понять, что малыш плохо слышит")
    kind = registry.get("guidance")
    first = indexing.rebuild(kind)["index"]
    second = indexing.rebuild(kind)["index"]
    client = get_client()
    assert list(client.indices.get_alias(name=index_name("guidance"))) == [second]
    assert not client.indices.exists(index=first)
    assert es_ids("guidance")[str(page.pk)] == "Как понять, что малыш плохо слышит"
    assert SearchRecord.objects.get(kind="guidance", key=str(page.pk)).title_terms == " понять малыш плохо слышать "


def test_publish_and_unpublish_update_the_index_and_the_fallback(index_prefix, django_capture_on_commit_callbacks):
    kind = registry.get("guidance")
    indexing.rebuild(kind)
    with django_capture_on_commit_callbacks(execute=True):
        hub = make_hub()
        page = make_guidance(hub, title="Малыш не говорит в два года")
    assert es_ids("guidance")[str(page.pk)] == "Малыш не говорит в два года"
    assert SearchRecord.objects.filter(kind="guidance", key=str(page.pk)).exists()
    assert not PendingUpdate.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert str(page.pk) not in es_ids("guidance")
    assert not SearchRecord.objects.filter(kind="guidance", key=str(page.pk)).exists()


def test_moving_a_page_reindexes_its_new_address(index_prefix, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        hub = make_hub()
        other = make_hub(title="Ещё советы", slug="more-advice")
        page = make_guidance(hub, title="Права семьи", slug="rights")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(other, pos="last-child")
    record = SearchRecord.objects.get(kind="guidance", key=str(page.pk))
    assert record.url.endswith("/more-advice/rights/")


def test_private_pages_leave_the_index(index_prefix, django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    with django_capture_on_commit_callbacks(execute=True):
        hub = make_hub()
        page = make_guidance(hub, title="Закрытая страница")
    assert SearchRecord.objects.filter(key=str(page.pk)).exists()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=hub, restriction_type="login")
    assert not SearchRecord.objects.filter(key__in=[str(page.pk), str(hub.pk)]).exists()
    assert str(page.pk) not in es_ids("guidance")


def test_provider_publish_lifecycle(index_prefix, django_capture_on_commit_callbacks):
    kind = registry.get("providers")
    indexing.rebuild(kind)
    with django_capture_on_commit_callbacks(execute=True):
        org = OrganisationFactory(name="Центр «Капелька»", live=False)
        LocationFactory(organisation=org, locality="Бердск")
        ServiceFactory(organisation=org)
    assert str(org.pk) not in es_ids("providers")
    with django_capture_on_commit_callbacks(execute=True):
        org.save_revision().publish()
    assert es_ids("providers")[str(org.pk)] == "Центр «Капелька»"
    assert "бердск" in SearchRecord.objects.get(kind="providers", key=str(org.pk)).place_terms
    with django_capture_on_commit_callbacks(execute=True):
        org.delete()
    assert str(org.pk) not in es_ids("providers")


def test_a_batch_of_deletions_leaves_the_index_in_one_update_per_kind(
    index_prefix, django_capture_on_commit_callbacks, monkeypatch
):
    kind, finder = registry.get("providers"), registry.get("provider-locations")
    with django_capture_on_commit_callbacks(execute=True):
        kept = OrganisationFactory(name="Центр «Остаётся»")
        gone = [OrganisationFactory(name=f"Центр «Уходит» {n}") for n in range(3)]
        for org in [kept, *gone]:
            LocationFactory(organisation=org)
            ServiceFactory(organisation=org)
    indexing.rebuild(kind)
    indexing.rebuild(finder)
    kept_branches = {str(pk) for pk in kept.locations.values_list("pk", flat=True)}
    gone_pks = sorted(org.pk for org in gone)
    applied, lookups = [], []
    monkeypatch.setattr(
        indexing, "apply", lambda kind, keys, real=indexing.apply: applied.append(kind.name) or real(kind, keys)
    )
    real_lookup = type(finder).indexed_keys
    monkeypatch.setattr(type(finder), "indexed_keys", lambda self, ids: lookups.append(ids) or real_lookup(self, ids))
    with django_capture_on_commit_callbacks(execute=True), indexing.batched():
        for org in gone:
            org.delete()
        assert applied == [] and lookups == []  # nothing asked or sent while the batch is open
    assert sorted(applied) == sorted(set(applied))  # one update per kind, not one per object
    assert lookups == [gone_pks]  # the finder asked Elasticsearch once for the batch's indexed branches
    assert set(es_ids("providers")) == {str(kept.pk)}
    get_client().indices.refresh(index=index_name("provider-locations"))
    finder_ids = get_client().search(index=index_name("provider-locations"), size=100, source=False)["hits"]["hits"]
    assert {hit["_id"] for hit in finder_ids} == kept_branches  # the deleted branches left the finder too
    assert list(SearchRecord.objects.filter(kind="providers").values_list("key", flat=True)) == [str(kept.pk)]


def test_a_failing_elasticsearch_never_breaks_a_save_and_sync_repairs_it(
    index_prefix, settings, django_capture_on_commit_callbacks, capsys
):
    from search.client import breaker

    kind = registry.get("guidance")
    indexing.rebuild(kind)
    working_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9/"
    with django_capture_on_commit_callbacks(execute=True):
        hub = make_hub()
        page = make_guidance(hub, title="Сохранено без Elasticsearch")
    pending = set(PendingUpdate.objects.filter(kind="guidance").values_list("key", flat=True))
    assert str(page.pk) in pending
    assert PendingUpdate.objects.get(kind="guidance", key=str(page.pk)).last_error
    assert SearchRecord.objects.filter(kind="guidance", key=str(page.pk)).exists()  # the fallback is current

    settings.ELASTICSEARCH_URL = working_url
    breaker.succeeded()
    assert drift.status(kind)["es"].total >= 1
    call_command("search_index", "--sync")
    assert not PendingUpdate.objects.exists()
    assert drift.status(kind)["es"].total == 0
    assert es_ids("guidance")[str(page.pk)] == "Сохранено без Elasticsearch"
    call_command("search_index", "--status")
    out = capsys.readouterr().out
    assert "guidance: database" in out and "pending 0" in out


def test_sync_removes_documents_of_deleted_objects_and_repairs_the_fallback(index_prefix):
    org = OrganisationFactory(name="Фонд «Лучик»")
    LocationFactory(organisation=org)
    kind = registry.get("providers")
    indexing.rebuild(kind)
    type(org).objects.filter(pk=org.pk).update(live=False)  # behind search's back: no signal
    SearchRecord.objects.filter(kind="providers").delete()
    report = drift.status(kind)
    assert report["es"].extra == {str(org.pk)}
    summary = drift.sync(kind)
    assert summary["fixed_es"] == 1
    assert str(org.pk) not in es_ids("providers")
    assert drift.status(kind)["fallback"].total == 0


def test_status_without_elasticsearch_reports_the_fallback(settings, capsys):
    settings.ELASTICSEARCH_URL = ""
    call_command("search_index", "--rebuild", "--no-progress")
    call_command("search_index", "--status")
    out = capsys.readouterr().out
    assert "Search runs on the database" in out
    assert "guidance: database" in out and "fallback" in out
