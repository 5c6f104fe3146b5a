"""Which entries are due for verification, and how fresh the registry is per region.

An entry's verification date is `verified_at`: an operator's check, or the organisation's own confirmation
(which moves it forward and is also kept as `confirmed_on`). Entries are due when that date is older than
PORTAL_VERIFICATION_MONTHS (or missing) and nobody was asked within the lifetime of a link.
"""

import calendar
import datetime as dt

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from providers_map import kept_elsewhere
from providers_map.models import Location, Organisation

from .models import Answer, Message
from .tokens import link_days

SHARE_MONTHS = (6, 12)


def due_months():
    return int(getattr(settings, "PORTAL_VERIFICATION_MONTHS", 6))


def months_ago(months, today=None):
    """The same day `months` calendar months earlier (the month's last day when it has fewer days)."""
    today = today or timezone.localdate()
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(today.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def not_verified_since(queryset, months, today=None):
    cutoff = months_ago(months, today)
    return queryset.filter(Q(verified_at__isnull=True) | Q(verified_at__lt=cutoff))


def recently_asked_ids(now=None):
    """Organisations with a request still waiting within its link's lifetime (queued or delivered)."""
    since = (now or timezone.now()) - dt.timedelta(days=link_days())
    return Message.objects.filter(
        created_at__gte=since, status__in=[Message.Status.QUEUED, Message.Status.SENT]
    ).values("organisation_id")


def due(months=None, today=None):
    """Published, not closed entries not verified for `months`, not asked lately, and not at an address known
    to refuse mail (the operator fixes it first), with or without an e-mail address."""
    months = due_months() if months is None else months
    entries = Organisation.objects.public().exclude(status=Organisation.Status.CLOSED)
    entries = entries.exclude(kept_elsewhere.condition())  # corrected at their source registry, not here
    entries = not_verified_since(entries, months, today).exclude(pk__in=recently_asked_ids())
    return entries.exclude(pk__in=undeliverable().values("pk"))


def latest_message(field):
    newest = Message.objects.filter(organisation=OuterRef("pk")).order_by("-created_at", "-pk")
    return Subquery(newest.values(field)[:1])


def undeliverable():
    """Entries whose latest message to their current address was refused or returned: the operator must fix it."""
    return (
        Organisation.objects.annotate(last_status=latest_message("status"), last_email=latest_message("email"))
        .filter(last_status__in=Message.UNDELIVERABLE)
        .exclude(email="")
        .filter(email=F("last_email"))
    )


def region_table(since, today=None):
    """Per region (of an entry's branches): published entries, verified within 6 and 12 months (count and
    share), asked, answered, proposed changes since `since`, and undeliverable addresses now."""
    today = today or timezone.localdate()
    cutoffs = {months: months_ago(months, today) for months in SHARE_MONTHS}
    asked = Message.objects.filter(created_at__gte=since).values("organisation_id")
    answered = Answer.objects.filter(created_at__gte=since).values("organisation_id")
    proposed = Answer.objects.filter(created_at__gte=since, kind=Answer.Kind.PROPOSED).values("organisation_id")
    bounced = undeliverable().values("pk")
    org = "organisation"
    rows = (
        Location.objects.filter(organisation__live=True)
        .values("region__code", "region__name")
        .annotate(
            total=Count(org, distinct=True),
            fresh_6=Count(org, distinct=True, filter=Q(organisation__verified_at__gte=cutoffs[6])),
            fresh_12=Count(org, distinct=True, filter=Q(organisation__verified_at__gte=cutoffs[12])),
            asked=Count(org, distinct=True, filter=Q(organisation_id__in=asked)),
            answered=Count(org, distinct=True, filter=Q(organisation_id__in=answered)),
            proposed=Count(org, distinct=True, filter=Q(organisation_id__in=proposed)),
            bounced=Count(org, distinct=True, filter=Q(organisation_id__in=bounced)),
        )
        .order_by("region__code")
    )
    table = []
    for row in rows:
        total = row["total"] or 1
        table.append(
            {
                "code": row["region__code"],
                "name": row["region__name"],
                **{key: row[key] for key in ("total", "fresh_6", "fresh_12", "asked", "answered", "proposed")},
                "bounced": row["bounced"],
                "share_6": round(100 * row["fresh_6"] / total),
                "share_12": round(100 * row["fresh_12"] / total),
            }
        )
    return table
