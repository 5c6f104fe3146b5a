"""Rounds of requests, reminders and single links: queue the messages, then send them with progress.

A round first writes one queued message per entry due (in bulk), then sends them in batches over one SMTP
connection, writing each batch's outcome and the round's counters as it goes, so the admin's progress page
reads them while the round runs (always in a background task, never in a request).
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import freshness
from .mail import Sender
from .models import Answer, Message, Round

logger = logging.getLogger(__name__)
BATCH = 200
QUEUE_BATCH = 2000


def reminder_days():
    return int(getattr(settings, "PORTAL_VERIFICATION_REMINDER_DAYS", 14))


def start_round(user=None, scheduled=False, months=None):
    """A new round waiting for the worker (the caller enqueues `tasks.send_round`)."""
    return Round.objects.create(
        created_by=user, scheduled=scheduled, months=freshness.due_months() if months is None else months
    )


def queue_round(round_):
    """Write one queued message per entry due with an e-mail address; count those without one."""
    entries = freshness.due(round_.months)
    round_.without_email = entries.filter(email="").count()
    rows = entries.exclude(email="").order_by("pk").values_list("pk", "email")
    batch, total = [], 0
    for organisation_id, email in rows.iterator(chunk_size=QUEUE_BATCH):
        batch.append(Message(organisation_id=organisation_id, email=email, kind=Message.Kind.ROUND, round=round_))
        if len(batch) == QUEUE_BATCH:
            total += len(Message.objects.bulk_create(batch))
            batch = []
    total += len(Message.objects.bulk_create(batch))
    round_.total = total
    round_.save(update_fields=["without_email", "total"])
    return total


def run_round(round_id):
    """Queue and send a whole round (the background task's body)."""
    round_ = Round.objects.get(pk=round_id)
    if round_.status != Round.Status.QUEUED:
        return round_
    round_.status, round_.started_at = Round.Status.SENDING, timezone.now()
    round_.save(update_fields=["status", "started_at"])
    try:
        queue_round(round_)
        deliver(round_.messages.filter(status=Message.Status.QUEUED), round_)
    except Exception as exc:
        logger.exception("Verification round %s stopped", round_.pk)
        round_.status, round_.error = Round.Status.FAILED, str(exc)[:500]
    else:
        round_.status = Round.Status.DONE
    round_.finished_at = timezone.now()
    round_.save(update_fields=["status", "error", "finished_at"])
    return round_


def deliver(messages, round_=None):
    """Send the queued `messages` in batches; store each outcome and, for a round, its counters."""
    counts = {Message.Status.SENT: 0, Message.Status.REFUSED: 0, Message.Status.FAILED: 0}
    queryset = messages.select_related("organisation").order_by("pk")
    with Sender() as sender:
        while True:
            batch = list(queryset.filter(status=Message.Status.QUEUED)[:BATCH])
            if not batch:
                break
            now = timezone.now()
            for message in batch:
                message.status, message.error = sender.send(message)
                message.sent_at = now if message.status == Message.Status.SENT else None
                counts[message.status] += 1
            with transaction.atomic():
                Message.objects.bulk_update(batch, ["status", "error", "sent_at"])
                if round_ is not None:
                    round_.sent = counts[Message.Status.SENT]
                    round_.refused = counts[Message.Status.REFUSED]
                    round_.failed = counts[Message.Status.FAILED]
                    round_.save(update_fields=["sent", "refused", "failed"])
    return counts


def single_link(organisation, kind, reminder_for=None):
    """One message with a fresh link to the address in the entry (None when the entry has none)."""
    if not organisation.email:
        return None
    return Message.objects.create(
        organisation=organisation, email=organisation.email, kind=kind, reminder_for=reminder_for
    )


def reminders_due(now=None):
    """Round messages delivered at least PORTAL_VERIFICATION_REMINDER_DAYS ago, not answered since, not reminded,
    to the address the entry still has."""
    now = now or timezone.now()
    answered = Answer.objects.filter(organisation=OuterRef("organisation"), created_at__gte=OuterRef("sent_at"))
    return (
        Message.objects.filter(
            kind=Message.Kind.ROUND,
            status=Message.Status.SENT,
            sent_at__lte=now - dt.timedelta(days=reminder_days()),
            sent_at__gte=now - dt.timedelta(days=2 * reminder_days()),
            reminders__isnull=True,
            organisation__live=True,
        )
        .exclude(Exists(answered))
        .select_related("organisation")
    )


def queue_reminders(now=None):
    """Write the reminders due (queued); returns their ids. `deliver()` sends them."""
    reminders = [
        Message(
            organisation=message.organisation,
            email=message.organisation.email,
            kind=Message.Kind.REMINDER,
            reminder_for=message,
        )
        for message in reminders_due(now)
        if message.organisation.email == message.email
    ]
    return [message.pk for message in Message.objects.bulk_create(reminders)]


def scheduled_round_due(today=None):
    """The monthly round: due when no scheduled round has started this calendar month."""
    today = today or timezone.localdate()
    return not Round.objects.filter(scheduled=True, created_at__year=today.year, created_at__month=today.month).exists()
