"""Moderation: an operator's draft is invisible; submitted for moderation; a moderator publishes it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from providers_map.models import Organisation

from .admin_forms import organisation_edit_post, organisation_post
from .factories import LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_providers_map_organisation:add"
EDIT_URL = "wagtailsnippets_providers_map_organisation:edit"


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def operator():
    return member_of("Операторы реестра", "operator")


@pytest.fixture
def moderator():
    return member_of("Moderators", "moderator")


def test_default_workflow_applies_to_organisations():
    workflow = Organisation.get_default_workflow()
    assert workflow is not None and workflow.name == "Moderators approval"


def test_draft_submit_approve_publish(client, operator, moderator):
    client.force_login(operator)
    response = client.post(reverse(ADD_URL), organisation_post())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    org = Organisation.objects.get(inn="5406011186")
    assert org.live is False
    assert org.phones == "+73832223344" and org.slug == "tsentr-berezka"
    assert org.locations.get().opening_hours["fri"] == [["09:00", "18:00"]]
    assert not Organisation.objects.public().filter(pk=org.pk).exists()
    assert client.get(org.get_absolute_url()).status_code == 404

    response = client.post(reverse(EDIT_URL, args=[org.pk]), organisation_edit_post(org, **{"action-submit": "Submit"}))
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(org).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    org.refresh_from_db()
    assert org.live is False

    client.force_login(moderator)
    task_state = state.current_task_state
    url = reverse("wagtailsnippets_providers_map_organisation:workflow_action", args=[org.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    org.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert org.live is True
    assert Organisation.objects.public().filter(pk=org.pk).exists()
    # the service's tags travelled through the draft revision and were saved on publication
    assert org.locations.count() == 1
    assert list(org.services.get().concerns.values_list("slug", flat=True)) == ["autism"]
    assert client.get(org.get_absolute_url()).status_code == 200


def test_editing_a_live_entry_keeps_the_published_version_until_approval(client, operator):
    org = OrganisationFactory(name="Старое название", short_name="")
    LocationFactory(organisation=org)
    org.save_revision().publish()
    client.force_login(operator)
    data = organisation_edit_post(org, name="Новое название", short_name="")
    response = client.post(reverse(EDIT_URL, args=[org.pk]), data)
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.name == "Старое название" and org.has_unpublished_changes
    assert org.latest_revision.as_object().name == "Новое название"


def test_unpublished_entry_leaves_the_public_site(client):
    org = OrganisationFactory()
    LocationFactory(organisation=org)
    org.save_revision().publish()
    assert client.get(org.get_absolute_url()).status_code == 200
    org.unpublish()
    assert not Organisation.objects.public().filter(pk=org.pk).exists()
    assert client.get(org.get_absolute_url()).status_code == 404


def test_rejected_entry_stays_unpublished(client, operator, moderator):
    client.force_login(operator)
    client.post(reverse(ADD_URL), organisation_post(**{"action-submit": "Submit"}))
    org = Organisation.objects.get(inn="5406011186")
    state = WorkflowState.objects.for_instance(org).get()
    client.force_login(moderator)
    url = reverse(
        "wagtailsnippets_providers_map_organisation:workflow_action",
        args=[org.pk, "reject", state.current_task_state.pk],
    )
    client.post(url, {"comment": "Проверьте адрес"})
    state.refresh_from_db()
    org.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert org.live is False


def test_locking_blocks_other_editors(client, operator):
    org = OrganisationFactory()
    LocationFactory(organisation=org)
    other = member_of("Операторы реестра", "other-operator")
    org.locked, org.locked_by = True, other
    org.save()
    client.force_login(operator)
    data = organisation_post(name="Попытка правки", inn=org.inn)
    client.post(reverse(EDIT_URL, args=[org.pk]), data)
    org.refresh_from_db()
    assert org.latest_revision is None or org.latest_revision.as_object().name != "Попытка правки"


def test_typed_coordinates_replace_an_import_provenance(client, operator):
    org = OrganisationFactory()
    location = LocationFactory(organisation=org, coordinates_source="import", coordinates_approximate=True)
    client.force_login(operator)
    data = organisation_post(inn=org.inn, slug=org.slug)
    data.update(
        {
            "locations-INITIAL_FORMS": "1",
            "locations-0-id": str(location.pk),
            "locations-0-latitude": "54.760000",
            "locations-0-longitude": "83.100000",
            "locations-0-coordinates_source": "import",
            "locations-0-coordinates_approximate": "on",
        }
    )
    assert client.post(reverse(EDIT_URL, args=[org.pk]), data).status_code == 302
    draft = Organisation.objects.get(pk=org.pk).latest_revision.as_object()
    moved = draft.locations.all()[0]
    assert moved.coordinates_source == "editor" and moved.coordinates_approximate is False
    assert str(moved.latitude) == "54.760000"


def test_gazetteer_provenance_set_by_the_map_script_is_kept(client, operator):
    client.force_login(operator)
    data = organisation_post(
        **{"locations-0-coordinates_source": "gazetteer", "locations-0-coordinates_approximate": "on"}
    )
    assert client.post(reverse(ADD_URL), data).status_code == 302
    location = Organisation.objects.get(inn="5406011186").locations.get()
    assert location.coordinates_source == "gazetteer" and location.coordinates_approximate is True


def test_service_tags_survive_a_revision_publish():
    from core.models import DevelopmentalConcern, ServiceType
    from providers_map.models import Service

    org = OrganisationFactory(live=False)
    LocationFactory(organisation=org)
    service = Service(service_type=ServiceType.objects.get(slug="iprp"))
    service.concerns = list(DevelopmentalConcern.objects.filter(slug__in=["autism", "hearing"]))
    org.services = [service]
    org.save_revision().publish()
    saved = Organisation.objects.get(pk=org.pk).services.get()
    assert sorted(saved.concerns.values_list("slug", flat=True)) == ["autism", "hearing"]
