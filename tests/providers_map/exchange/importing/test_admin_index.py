"""The import's bulk entries in the Wagtail admin's search are exactly what Wagtail's own indexing writes."""

from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest
from modelsearch.backends.database.postgres.postgres import IndexEntry

from providers_map.exchange.importing.admin_index import add_to_admin_search
from providers_map.models import Organisation
from tests.providers_map.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def entries():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT content_type_id, object_id, title::text, autocomplete::text, body::text, title_norm, "
            f"title_text, body_text FROM {IndexEntry._meta.db_table} ORDER BY content_type_id, object_id"  # noqa: S608
        )
        return cursor.fetchall()


def organisations():
    return [
        OrganisationFactory(name="Центр «Радуга»", short_name="Радуга", description="Логопед и дефектолог."),
        OrganisationFactory(name="  Служба ранней помощи  ", short_name="", description="Занятия дома.\nИ онлайн."),
        OrganisationFactory(name="КЦСОН «Исток»", short_name="   ", description=""),
        OrganisationFactory(name="Семейный центр", short_name="СЦ", description="Консультации психолога"),
    ]


def test_bulk_entries_equal_wagtails_and_the_admin_search_finds_them(require_postgres):
    created = organisations()
    IndexEntry.objects.all().delete()
    add_to_admin_search(Organisation, created)
    ours = entries()
    assert len(ours) == len(created)

    IndexEntry.objects.all().delete()
    get_search_backend().add_bulk(Organisation, created)
    assert ours == entries()

    IndexEntry.objects.all().delete()
    add_to_admin_search(Organisation, created)
    found = get_search_backend().search("дефектолог", Organisation)
    assert [organisation.pk for organisation in found] == [created[0].pk]
    found = get_search_backend().autocomplete("Семей", Organisation)
    assert [organisation.pk for organisation in found] == [created[3].pk]


def test_a_changed_entry_replaces_its_old_text(require_postgres):
    organisation = OrganisationFactory(name="Центр «Улыбка»", description="Логопед.")
    add_to_admin_search(Organisation, [organisation])
    organisation.description = "Психолог и дефектолог."
    add_to_admin_search(Organisation, [organisation])
    backend = get_search_backend()
    assert [o.pk for o in backend.search("дефектолог", Organisation)] == [organisation.pk]
    assert list(backend.search("логопед", Organisation)) == []
