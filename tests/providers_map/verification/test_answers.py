"""The link from the received message: «Всё верно», «Есть изменения» → moderation → published; hostile links."""

import re

from django.test import override_settings
from django.urls import reverse
from django.utils import formats, timezone

from wagtail.models import ModelLogEntry, Revision, WorkflowState

import pytest

from providers_map.models import Organisation
from providers_map.verification import rounds, tokens
from providers_map.verification.models import Answer, Message

from .conftest import entry

pytestmark = pytest.mark.django_db


def received_link(sink, organisation):
    rounds.run_round(rounds.start_round().pk)
    return sink.link(sink.to(organisation.email)[-1]).removeprefix("http://testserver")


def content(organisation):
    """The entry as published (revision content of the live row), without the verification dates."""
    data = Organisation.objects.get(pk=organisation.pk).serializable_data()
    return {k: v for k, v in data.items() if k not in ("verified_at", "confirmed_on", "updated_at")}


def form_data(client, url):
    """The «Есть изменения» form as the browser would send it unchanged (its prefilled values)."""
    html = client.get(url).content.decode()
    data = {"csrfmiddlewaretoken": ""}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?([^<]*)</textarea>', html):
        data[name] = value
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        data[name] = selected.group(1) if selected else ""
    data.pop("csrfmiddlewaretoken")
    return {key: value.replace("&#x27;", "'").replace("&quot;", '"') for key, value in data.items()}


def test_everything_is_correct_updates_the_verification_date_and_nothing_else(sink, client):
    organisation = entry(days=300)
    before, revisions = content(organisation), Revision.objects.count()
    link = received_link(sink, organisation)

    page = client.get(link)
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex, nofollow"
    assert page["Referrer-Policy"] == "same-origin" and "no-store" in page["Cache-Control"]
    assert organisation.display_name in page.content.decode() and "Всё верно" in page.content.decode()
    response = client.post(link + "confirm/", {"person": "Ирина Петрова, директор"})
    assert response.status_code == 303

    today = timezone.localdate()
    organisation.refresh_from_db()
    assert (organisation.verified_at, organisation.confirmed_on) == (today, today)
    assert content(organisation) == before and Revision.objects.count() == revisions
    answer = Answer.objects.get()
    assert (answer.kind, answer.person) == ("confirmed", "Ирина Петрова, директор")
    assert answer.message.email == organisation.email
    log = ModelLogEntry.objects.for_instance(organisation).get(action="providers_verification.confirm")
    assert log.data["message"] == answer.message_id and log.revision is None
    shown = f"Сведения подтверждены организацией {formats.date_format(today, 'j E Y')}"
    assert shown in client.get(organisation.get_absolute_url()).content.decode()
    assert shown in client.get(response["Location"]).content.decode()
    # A later publish of an older draft never takes the confirmation back.
    Revision.objects.filter(object_id=str(organisation.pk)).latest("created_at").publish()
    organisation.refresh_from_db()
    assert (organisation.verified_at, organisation.confirmed_on) == (today, today)


def test_changes_go_through_moderation_with_a_field_by_field_diff(sink, client, moderator):
    organisation = entry(days=300, phones="+73832223344")
    link = received_link(sink, organisation)
    form = form_data(client, link + "changes/")
    assert form["entry-phones"] == "+73832223344" and form["svc0-age_max_months"] == "36"
    form.update({"entry-phones": "+7 383 299-00-11", "new0-service_type": "1", "new0-age_min_months": "36"})
    form.update({"new0-age_max_months": "84", "entry-person": "Ирина"})
    form["new0-service_type"] = str(Organisation.objects.get(pk=organisation.pk).services.get().service_type_id + 1)

    response = client.post(link + "changes/", form)
    assert response.status_code == 303, response.content.decode()[:3000]
    organisation.refresh_from_db()
    assert organisation.phones == "+73832223344"  # nothing public changes before an operator publishes
    assert WorkflowState.objects.for_instance(organisation).get().status == WorkflowState.STATUS_IN_PROGRESS
    answer = Answer.objects.get()
    assert answer.outcome == "pending" and answer.revision == organisation.latest_revision
    # The link carried its proposal: sending again through it is refused and changes nothing.
    again = client.post(link + "changes/", form)
    assert again.status_code == 409 and "уже отправлены" in again.content.decode()
    assert Answer.objects.count() == 1

    client.force_login(moderator)
    diff = client.get(reverse("providers_verification:proposal", args=[answer.pk])).content.decode()
    assert '<span class="deletion">73832223344</span><span class="addition">73832990011</span>' in diff
    assert "Добавлено" in diff and "<dt>До возраста, мес.</dt><dd>84</dd>" in diff
    published = client.post(reverse("providers_verification:proposal", args=[answer.pk]), {"action": "publish"})
    assert published.status_code == 302
    organisation.refresh_from_db()
    answer.refresh_from_db()
    assert organisation.phones == "+73832990011" and organisation.confirmed_on == timezone.localdate()
    assert sorted((s.age_min_months, s.age_max_months) for s in organisation.services.all()) == [(0, 36), (36, 84)]
    assert (answer.outcome, answer.decided_by) == ("published", moderator)


@pytest.fixture
def two_entries(sink):
    first, second = entry(days=300, email="a@example.org"), entry(days=300, email="b@example.org")
    rounds.run_round(rounds.start_round().pk)
    return first, second, sink.link(sink.to("a@example.org")[0]).removeprefix("http://testserver")


def test_hostile_links_are_refused_clearly_and_change_nothing(client, two_entries):
    first, second, link = two_entries
    token = link.rstrip("/").rsplit("/", 1)[1]
    before = (content(first), content(second), Revision.objects.count())
    forged = link.replace(token, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))
    other = f"/providers/{second.slug}/verify/{token}/"

    assert client.get(forged).status_code == 400
    assert client.post(forged + "confirm/").status_code == 400
    refused = client.get(other)
    assert refused.status_code == 403 and "для другой организации" in refused.content.decode()
    assert client.post(other + "changes/", {"entry-phones": "+73830000000"}).status_code == 403
    assert client.post(other + "confirm/").status_code == 403
    with override_settings(PORTAL_VERIFICATION_LINK_DAYS=0):
        expired = client.post(link + "confirm/")
        assert expired.status_code == 410 and "Срок действия ссылки истёк" in expired.content.decode()
    foreign = tokens.make(Message(pk=10**9, organisation_id=first.pk))
    assert client.get(f"/providers/{first.slug}/verify/{foreign}/").status_code == 400
    assert client.get(f"/providers/{first.slug}/verify/{'x' * 5000}/").status_code in (400, 404, 414)

    assert (content(first), content(second), Revision.objects.count()) == before
    assert not Answer.objects.exists()
    assert first.confirmed_on is None and Organisation.objects.get(pk=first.pk).confirmed_on is None


def test_oversized_or_script_bearing_fields_are_refused_with_a_message(client, two_entries):
    first, _second, link = two_entries
    form = form_data(client, link + "changes/")
    revisions = Revision.objects.count()
    cases = {
        "entry-how_to_get_help": "<script>alert(1)</script> Позвоните нам",
        "entry-website": "javascript:alert(1)",
        "entry-phones": "9" * 5000,
        "loc0-address": "ул. Ленина, 1" + "я" * 600,
        "svc0-age_max_months": "100000",
    }
    for field, value in cases.items():
        response = client.post(link + "changes/", {**form, field: value})
        page = response.content.decode()
        assert response.status_code == 400, field
        assert "Пожалуйста, исправьте форму" in page and 'role="alert"' in page
        assert "<script>alert(1)</script>" not in page
    assert Revision.objects.count() == revisions and not Answer.objects.exists()
    assert Message.objects.get(organisation=first).changes_sent_at is None
