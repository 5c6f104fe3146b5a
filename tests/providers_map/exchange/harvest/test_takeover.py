"""A harvested entry cannot be changed in the editor by any other door (unpublish, revert, bulk delete); a registry
editor may take it over instead, and from then on the local entry wins over the feed."""

from django.contrib.auth.models import Permission

import pytest

from providers_map.exchange.harvest.run import harvest_source
from providers_map.exchange.harvest.sources import register
from providers_map.exchange.models import HarvestedEntry
from providers_map.models import Organisation
from tests.providers_map.admin_forms import organisation_edit_post, organisation_post

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets/providers_map/organisation"
TAKE_OVER = "Сделать записью нашего реестра"


@pytest.fixture
def harvested(feed):
    source, _ = register(feed.url("good"), "Кузбасс", allow_private=True)
    harvest_source(source, trigger="test")
    return HarvestedEntry.objects.select_related("organisation", "source").get(name="Центр «Чужой-1»")


def test_unpublish_revert_and_bulk_delete_leave_a_harvested_entry_as_the_feed_has_it(client, operator, harvested):
    organisation = harvested.organisation
    refused = client.post(f"{SNIPPETS}/unpublish/{organisation.pk}/").content.decode()
    assert "Её нельзя снять с публикации здесь" in refused and "получена из источника «Кузбасс»" in refused
    revision = organisation.latest_revision
    assert revision is not None  # the harvest writes revisions, so «Вернуть эту версию» is offered in history
    revert_url = f"{SNIPPETS}/history/{organisation.pk}/revisions/{revision.pk}/revert/"
    assert 'name="how_to_get_help"' not in client.get(revert_url).content.decode()
    client.post(revert_url, organisation_edit_post(organisation, description="Подмена", **{"action-publish": "1"}))
    client.post(f"/admin/bulk/providers_map/organisation/delete/?id={organisation.pk}")
    organisation.refresh_from_db()
    assert organisation.live and organisation.description != "Подмена"
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_an_editor_takes_a_harvested_entry_over_and_the_local_edit_survives_later_harvests(
    client, operator, feed, harvested, django_user_model
):
    organisation, source = harvested.organisation, harvested.source
    first_seen, record = harvested.first_seen, feed.server.organizations[1]
    # A local entry with the same INN is refused, and the message names the way out
    clash = client.post(f"{SNIPPETS}/add/", organisation_post(inn=organisation.inn)).content.decode()
    assert "Центр «Чужой-1»" in clash and f"выберите «{TAKE_OVER}»" in clash
    assert Organisation.objects.filter(inn=organisation.inn).count() == 1
    # Someone who may not edit the registry cannot take it over
    viewer = django_user_model.objects.create_user("viewer", password="x")
    viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(viewer)
    refused = client.post(f"/admin/feeds/entries/{harvested.pk}/take-over/")
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's answer to a denied permission
    assert HarvestedEntry.objects.get(pk=harvested.pk).state == HarvestedEntry.State.ACTIVE
    client.force_login(operator)
    edit_url = f"{SNIPPETS}/edit/{organisation.pk}/"
    assert TAKE_OVER in client.get(edit_url).content.decode()
    confirm = client.get(f"/admin/feeds/entries/{harvested.pk}/take-over/").content.decode()
    assert "Да, сделать записью нашего реестра" in confirm
    response = client.post(f"/admin/feeds/entries/{harvested.pk}/take-over/")
    assert response.status_code == 302 and response.url == edit_url
    harvested.refresh_from_db()
    assert (harvested.state, harvested.organisation_id, harvested.same_as_id) == ("local", None, organisation.pk)
    assert (harvested.source_id, harvested.feed_id, harvested.first_seen) == (source.pk, record["id"], first_seen)
    assert "Сделано записью нашего реестра" in client.get(f"{SNIPPETS}/history/{organisation.pk}/").content.decode()
    # Editable now: the local edit is published
    assert 'name="how_to_get_help"' in client.get(edit_url).content.decode()
    data = organisation_edit_post(organisation, description="Наше описание.", **{"action-publish": "1"})
    assert client.post(edit_url, data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.live and organisation.description == "Наше описание."
    # The feed changes the record: the local edit stands, and the run counts the record as held locally
    record["description"] = "Изменено в источнике."
    run = harvest_source(source, trigger="test")
    assert (run.added, run.changed, run.duplicates, run.report["local"]) == (0, 0, 1, 1), run.report
    organisation.refresh_from_db()
    assert organisation.live and organisation.description == "Наше описание."
    assert Organisation.objects.filter(inn=organisation.inn).count() == 1
    report = client.get(f"/admin/feeds/runs/{run.pk}/").content.decode()
    assert "Заменены местными записями: 1" in report and "(местная запись)" in report
    assert '<th scope="col">Заменены местными записями</th>' in client.get("/admin/feeds/").content.decode()
    runs = client.get(f"/admin/feeds/{source.pk}/runs/").content.decode()
    assert "Местные записи заменяют 1 запись этого источника" in runs
    # Nor does the feed withdraw it when the record goes
    source.withdraw_after = 1
    source.save()
    feed.server.organizations = [o for o in feed.server.organizations if o is not record]
    harvest_source(source, trigger="test")
    organisation.refresh_from_db()
    assert organisation.live and organisation.description == "Наше описание."
