"""The harvest's admin screens and what a harvested entry looks like to editors, parents and other portals."""

import pytest

from providers_map.exchange.harvest.run import harvest_source
from providers_map.exchange.harvest.sources import register
from providers_map.exchange.models import DuplicatePair, FeedSource, HarvestedEntry, TermMapping
from providers_map.models import Organisation
from tests.providers_map.exchange.hsds.schemas import validate
from tests.providers_map.exchange.importing.helpers import run_import_tasks
from tests.providers_map.factories import LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_register_check_and_harvest_from_the_admin(client, operator, feed):
    form = {"name": "Кузбасс", "base_url": feed.url("good"), "schedule": "daily", "contact": "Оператор, op@example.org",
            "allow_private": "on", "withdraw_after": 3, "active": "on"}  # fmt: skip
    checked = client.post("/admin/feeds/add/", {**form, "check": "1"}).content.decode()
    assert "Центр «Чужой-0»" in checked and "3 проходят проверку по схемам HSDS 3.0" in checked
    assert not FeedSource.objects.exists()  # «Проверить» saves nothing
    assert client.post("/admin/feeds/add/", form).status_code == 302
    source = FeedSource.objects.get()
    assert source.next_harvest_at is not None and source.kind == "api"
    client.post(f"/admin/feeds/{source.pk}/harvest/")
    assert run_import_tasks() == 1
    assert Organisation.objects.filter(harvested__source=source, live=True).count() == 3
    dashboard = client.get("/admin/feeds/").content.decode()
    assert "Кузбасс" in dashboard and "100 %" in dashboard and "0.3 × availability" in dashboard
    run = source.runs.get()
    assert "Центр «Чужой-1»" in client.get(f"/admin/feeds/runs/{run.pk}/").content.decode()


def test_harvested_entries_are_read_only_except_a_note_and_say_where_they_come_from(client, operator, feed):
    source, _ = register(feed.url("good"), "Кузбасс", allow_private=True)
    harvest_source(source, trigger="test")
    entry = HarvestedEntry.objects.get(name="Центр «Чужой-1»")
    organisation = entry.organisation
    edit_url = f"/admin/snippets/providers_map/organisation/edit/{organisation.pk}/"
    screen = client.get(edit_url).content.decode()
    assert "получена из источника «Кузбасс»" in screen and 'name="how_to_get_help"' not in screen
    client.post(edit_url, {"local_note": "Принимает и семьи из Томской области.", "description": "Подмена"})
    organisation.refresh_from_db()
    entry.refresh_from_db()
    assert entry.local_note == "Принимает и семьи из Томской области." and organisation.description != "Подмена"
    delete_url = f"/admin/snippets/providers_map/organisation/delete/{organisation.pk}/"
    client.post(delete_url)
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Данные получены из реестра «Кузбасс»" in page and "Принимает и семьи из Томской области." in page
    nested = client.get(f"/api/hsds/organizations/{organisation.uuid}").json()
    assert [m["last_action_type"] for m in nested["metadata"]] == ["harvested", "checked against the source"]
    assert nested["metadata"][0]["updated_by"].startswith("Кузбасс (http://127.0.0.1:")
    assert validate(nested, "compiled/organization.json", strict=True) == []


def test_a_local_entry_wins_and_uncertain_pairs_wait_for_an_operator(client, operator, feed):
    local = OrganisationFactory(
        name="Центр «Чужой-0»", inn=feed.server.organizations[0]["organization_identifiers"][0]["identifier"]
    )
    LocationFactory(organisation=local)
    look_alike = OrganisationFactory(name="Центр «Чужой-2» для малышей", inn="")
    look_alike.inn, look_alike.ogrn = "", "1024200000018"
    look_alike.save()
    address = feed.server.organizations[2]["locations"][0]["addresses"][0]["address_1"]
    LocationFactory(organisation=look_alike, address=address.replace("ул.", "улица").replace("д. ", ""))
    source, _ = register(feed.url("good"), "Кузбасс", allow_private=True)
    run = harvest_source(source, trigger="test")
    assert (run.added, run.duplicates) == (2, 1), run.report
    assert HarvestedEntry.objects.get(name="Центр «Чужой-0»").state == HarvestedEntry.State.LOCAL
    assert Organisation.objects.filter(name="Центр «Чужой-0»").count() == 1  # only the local one
    pair = DuplicatePair.objects.get()
    assert {pair.left_name, pair.right_name} == {"Центр «Чужой-2»", "Центр «Чужой-2» для малышей"}
    assert "Центр «Чужой-2» для малышей" in client.get("/admin/feeds/duplicates/").content.decode()
    client.post("/admin/feeds/duplicates/", {"pair": pair.pk, "decision": "same"})
    harvested = HarvestedEntry.objects.get(name="Центр «Чужой-2»")
    assert harvested.state == HarvestedEntry.State.LOCAL and not harvested.organisation.live
    again = harvest_source(source, trigger="test")  # the decision holds
    assert again.duplicates == 2 and not HarvestedEntry.objects.get(name="Центр «Чужой-2»").organisation.live


def test_unknown_terms_wait_for_review_and_the_next_harvest_applies_the_crosswalk(client, operator, feed):
    service = feed.server.organizations[0]["services"][0]
    foreign = {"id": "7f0b7d0e-0000-4000-8000-000000000001", "code": "EI-01", "name": "Ранняя диагностика",
               "description": "Их термин", "taxonomy": "Их классификатор"}  # fmt: skip
    service["attributes"].append({"id": "7f0b7d0e-0000-4000-8000-0000000000aa", "link_id": service["id"],
                                  "link_type": "service_type", "link_entity": "service",
                                  "taxonomy_term_id": foreign["id"], "taxonomy_term": foreign})  # fmt: skip
    source, _ = register(feed.url("good"), "Кузбасс", allow_private=True)
    run = harvest_source(source, trigger="test")
    assert [term["name"] for term in run.report["unknown_terms"]] == ["Ранняя диагностика"]
    mapping = TermMapping.objects.get()
    assert mapping.pending and "Ранняя диагностика" in client.get("/admin/feeds/terms/").content.decode()
    client.post("/admin/feeds/terms/", {"mapping": mapping.pk, "target": "developmental-concerns/autism"})
    mapping.refresh_from_db()
    assert mapping.target == "developmental-concerns/autism"
    harvest_source(source, trigger="test")
    entry = HarvestedEntry.objects.get(feed_id=feed.server.organizations[0]["id"])
    assert entry.organisation.services.filter(concerns__slug="autism").exists()
