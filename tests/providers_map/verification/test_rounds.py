"""Rounds over a real SMTP server on loopback: who is asked, what the message says, refusals, reminders."""

import datetime as dt

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from providers_map.verification import bounces, freshness, rounds, tasks
from providers_map.verification.models import Answer, Message, Round

from .conftest import entry

pytestmark = pytest.mark.django_db


def test_a_round_asks_every_entry_due_at_its_own_address_and_flags_refusals(sink):
    due = entry(days=200, email="due@example.org", name="Центр «Старый»")
    entry(days=30, email="fresh@example.org")
    never = entry(days=None, email="never@example.org")
    no_email = entry(days=400, email="")
    gone = entry(days=400, email="gone@example.org")
    entry(days=400, email="draft@example.org", live=False)
    sink.refuse.add("gone@example.org")

    round_ = rounds.start_round()
    tasks.send_round.enqueue(round_.pk)
    round_.refresh_from_db()

    assert (round_.status, round_.total, round_.sent, round_.refused, round_.without_email) == ("done", 3, 2, 1, 1)
    assert sorted(message["To"] for message in sink.messages) == ["due@example.org", "never@example.org"]
    assert Message.objects.get(organisation=gone).status == Message.Status.REFUSED
    assert "550" in Message.objects.get(organisation=gone).error
    assert list(freshness.undeliverable()) == [gone]
    assert not Message.objects.filter(organisation=no_email).exists()

    message = sink.to("due@example.org")[0]
    assert "Центр «Старый»" in message["Subject"] and message["Auto-Submitted"] == "auto-generated"
    text, html = sink.text(message), sink.html(message)
    link = sink.link(message)
    assert link.startswith(f"http://testserver/providers/{due.slug}/verify/")
    assert "Всё верно" in text and "Есть изменения" in text and link in text
    assert f'href="{link}"' in html and "Откройте запись" in html
    # A second round leaves alone the entries asked within a link's lifetime.
    assert freshness.due().filter(pk__in=[due.pk, never.pk]).count() == 0
    assert rounds.queue_round(rounds.start_round()) == 0


def test_the_operator_starts_a_round_from_the_admin_and_follows_its_progress(sink, client, moderator):
    entry(days=300, email="due@example.org")
    client.force_login(moderator)
    overview = client.get(reverse("providers_verification:overview"))
    assert overview.status_code == 200 and "Отправить 1 запрос" in overview.content.decode()

    response = client.post(reverse("providers_verification:round_start"))
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("providers_verification:round", args=[round_.pk])
    status = client.get(reverse("providers_verification:round_status", args=[round_.pk])).json()
    assert (status["status"], status["running"], status["done"], status["total"]) == ("done", False, 1, 1)
    assert [message["To"] for message in sink.messages] == ["due@example.org"]
    assert client.post(reverse("providers_verification:round_start"), {}).status_code == 302


def test_reminder_after_two_weeks_only_without_an_answer_then_the_monthly_schedule(sink):
    silent = entry(days=300, email="silent@example.org")
    answered = entry(days=300, email="answered@example.org")
    call_command("verification_schedule", stdout=open("/dev/null", "w"))
    assert Round.objects.filter(scheduled=True).count() == 1 and len(sink.messages) == 2
    two_weeks_ago = timezone.now() - dt.timedelta(days=15)
    Message.objects.update(sent_at=two_weeks_ago, created_at=two_weeks_ago)
    Answer.objects.create(
        organisation=answered, message=Message.objects.get(organisation=answered), kind=Answer.Kind.CONFIRMED
    )

    call_command("verification_schedule", stdout=open("/dev/null", "w"))

    reminder = Message.objects.get(kind=Message.Kind.REMINDER)
    assert reminder.organisation == silent and reminder.status == Message.Status.SENT
    assert [m["To"] for m in sink.messages[2:]] == ["silent@example.org"]
    assert sink.messages[2]["Subject"].strip().startswith("Напоминание:")
    assert Round.objects.filter(scheduled=True).count() == 1  # one monthly round per month
    call_command("verification_schedule", stdout=open("/dev/null", "w"))
    assert Message.objects.filter(kind=Message.Kind.REMINDER).count() == 1


DSN = b"""From: MAILER-DAEMON@mx.example.org
To: portal@example.org
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain

The mailbox does not exist.
--b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; Later@Example.org
Action: failed
Status: 5.1.1

Final-Recipient: rfc822; busy@example.org
Action: delayed
Status: 4.2.2
--b--
"""


def test_asynchronous_bounces_fed_in_flag_the_address(sink):
    later = entry(days=300, email="later@example.org")
    busy = entry(days=300, email="busy@example.org")
    rounds.run_round(rounds.start_round().pk)
    assert bounces.failed_recipients(DSN) == ["later@example.org"]
    assert bounces.flag(bounces.failed_recipients(DSN)) == 1
    assert Message.objects.get(organisation=later).status == Message.Status.BOUNCED
    assert Message.objects.get(organisation=busy).status == Message.Status.SENT
    assert list(freshness.undeliverable()) == [later]
