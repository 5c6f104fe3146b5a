"""«Это ваша организация?» and where the public sees the organisation's confirmation."""

from django.utils import formats, timezone

import pytest

from providers_map.verification import answers, rounds
from providers_map.verification.models import Message
from tests.providers_map.exchange.hsds.schemas import validate
from tests.providers_map.factories import OrganisationFactory
from tests.providers_map.finder.data import use_backend

from .conftest import entry

pytestmark = pytest.mark.django_db


def claim(client, organisation, **data):
    return client.post(f"/providers/{organisation.slug}/claim/", data)


def test_a_fresh_link_goes_only_to_the_address_in_the_entry(client, sink):
    organisation = entry(days=300, email="centre@example.org")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Это ваша организация?" in page and f'action="/providers/{organisation.slug}/claim/"' in page

    response = claim(client, organisation, email="attacker@example.net", to="attacker@example.net")
    answer = response.content.decode()
    assert response.status_code == 200 and "Мы отправили ссылку на адрес электронной почты" in answer
    assert "centre@example.org" not in answer
    assert [message["To"] for message in sink.messages] == ["centre@example.org"]
    link = sink.link(sink.messages[0]).removeprefix("http://testserver")
    assert "запросили ссылку" in sink.text(sink.messages[0])
    assert client.get(link).status_code == 200


def test_a_flood_of_requests_is_refused_and_sends_no_more_mail(client, sink):
    organisation = entry(days=300, email="centre@example.org")
    statuses = [claim(client, organisation).status_code for _ in range(6)]
    assert statuses == [200, 200, 200, 429, 429, 429]
    refused = claim(client, organisation)
    assert "уже несколько раз" in refused.content.decode() and refused["Retry-After"]
    assert len(sink.messages) == 3 and Message.objects.count() == 3
    others = [OrganisationFactory(email=f"other{n}@example.org") for n in range(8)]
    assert [claim(client, other).status_code for other in others] == [200] * 7 + [429]  # 10 per client an hour


def test_an_entry_without_an_address_gets_a_clear_answer_and_no_mail(client, sink):
    organisation = entry(days=300, email="")
    response = claim(client, organisation)
    assert response.status_code == 200 and "В записи нет адреса электронной почты" in response.content.decode()
    assert not sink.messages and not Message.objects.exists()


def test_the_confirmation_date_on_the_page_in_the_finder_the_api_and_hsds(client, sink, settings):
    organisation = entry(days=300, email="centre@example.org")
    message = rounds.single_link(organisation, Message.Kind.CLAIM)
    answers.confirm(organisation, message)
    today = timezone.localdate()
    shown = f"Сведения подтверждены организацией {formats.date_format(today, 'j E Y')}"

    assert shown in client.get(organisation.get_absolute_url()).content.decode()
    use_backend(settings, "database")
    finder = client.get("/providers/").content.decode()
    assert shown in finder[finder.index(f'id="place-{organisation.locations.get().pk}"') :]
    api = client.get(f"/api/v1/providers/{organisation.pk}").json()
    assert api["verified_at"] == today.isoformat()

    hsds = client.get(f"/api/hsds/organizations/{organisation.uuid}").json()
    assert validate(hsds, "compiled/organization.json", strict=True) == []
    [metadata] = hsds["metadata"]
    assert (metadata["last_action_type"], metadata["last_action_date"]) == ("verified", today.isoformat())
    assert metadata["updated_by"] == "сама организация" and metadata["resource_id"] == str(organisation.uuid)
    service = client.get(f"/api/hsds/services/{organisation.services.get().uuid}").json()
    assert service["assured_date"] == today.isoformat() and service["organization"]["metadata"] == [metadata]


def test_an_entry_another_registry_keeps_is_left_to_its_source(client, sink):
    """A harvested entry is corrected at the registry that publishes it: no round mails it, «Это ваша организация?»
    and its links send the provider there, and nothing is changed or mailed here."""
    from providers_map.exchange.models import FeedSource, HarvestedEntry
    from providers_map.verification import freshness

    harvested, own = entry(days=300, email="kept@example.org"), entry(days=300, email="own@example.org")
    source = FeedSource.objects.create(name="Реестр Томской области", base_url="https://registry.example.org/api/")
    HarvestedEntry.objects.create(source=source, feed_id="org-1", organisation=harvested)
    assert set(freshness.due()) == {own}
    message = rounds.single_link(harvested, Message.Kind.CLAIM)  # as a link sent before the entry was harvested

    page = client.get(harvested.get_absolute_url()).content.decode()
    assert "Реестр Томской области" in page and "/claim/" not in page
    for response in (claim(client, harvested), client.get(sink_link(message, harvested))):
        text = response.content.decode()
        assert response.status_code == 409 and "Реестр Томской области" in text and "исправьте их там" in text
    assert not sink.messages
    harvested.refresh_from_db()
    assert harvested.verified_at == entry_day(300)


def sink_link(message, organisation):
    from providers_map.verification import tokens

    return f"/providers/{organisation.slug}/verify/{tokens.make(message)}/"


def entry_day(days):
    import datetime as dt

    return timezone.localdate() - dt.timedelta(days=days)
