"""A harvested entry cannot be changed in the editor by any other door (unpublish, revert, bulk delete)."""

import pytest

from providers_map.exchange.harvest.run import harvest_source
from providers_map.exchange.harvest.sources import register
from providers_map.exchange.models import HarvestedEntry
from providers_map.models import Organisation
from tests.providers_map.admin_forms import organisation_edit_post

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets/providers_map/organisation"


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
