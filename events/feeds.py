"""The calendar files: /events/calendar.ics (every event), /events/calendar/<region|audience|topic>/<value>.ics
and /events/calendar/event-<id>.ics («Добавить в календарь»).

A feed holds the events that have not ended and those of the last 30 days (counted in whole days, so a feed is
the same all day); answers carry ETag (a hash of the body) and Last-Modified, and a conditional GET gets 304.
"""

import datetime as dt
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import PageLogEntry

from events.calendar import calendar_bytes
from events.feeds_links import FEED_KINDS
from events.filters import Vocabulary
from events.models import EventPage

WINDOW_DAYS = 30
CACHE_SECONDS = 900


def live_events():
    return (
        EventPage.objects.live()
        .public()
        .select_related("venue_region", "venue_organisation", "organiser_organisation", "image")
        .prefetch_related("regions", "topics", "age_groups", "occurrence_changes")
        .order_by("starts_at", "pk")
    )


def _today_utc(now):
    return dt.datetime.combine(now.astimezone(dt.UTC).date(), dt.time(), tzinfo=dt.UTC)


def _last_change(now):
    """The latest publish, unpublish, move or deletion of any event, and at least today's start (the window)."""
    logged = PageLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(EventPage)).aggregate(
        last=Max("timestamp")
    )["last"]
    published = EventPage.objects.aggregate(last=Max("last_published_at"))["last"]
    return max(moment for moment in (logged, published, _today_utc(now)) if moment is not None)


def _answer(request, body, last_modified, filename, attachment):
    etag = f'"{hashlib.sha256(body).hexdigest()[:40]}"'
    stamp = int(last_modified.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=stamp)
    if response is None:
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        disposition = "attachment" if attachment else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stamp)
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


@require_safe
def calendar_feed(request, kind=None, value=None):
    now = timezone.now()
    events = live_events().filter(ends_at__gte=_today_utc(now) - dt.timedelta(days=WINDOW_DAYS))
    name = _("Early care: events")
    if kind is not None:
        label = Vocabulary.load().choices(kind).get(value) if kind in FEED_KINDS else None
        if label is None:
            raise Http404(_("There is no such calendar."))
        name = f"{name} — {label}"
        if kind == "topic":
            events = events.filter(topics__slug=value)
        elif kind == "audience":
            events = events.filter(**{f"for_{value}": True})
    pages = [page for page in events if kind != "region" or page.serves_region(value)]
    body = calendar_bytes(pages, request.build_absolute_uri, name)
    filename = f"events-{kind}-{value}.ics" if kind else "events.ics"
    return _answer(request, body, _last_change(now), filename, attachment=False)


@require_safe
def event_file(request, page_id):
    page = live_events().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("There is no such event."))
    body = calendar_bytes([page], request.build_absolute_uri, page.title)
    changed = page.last_published_at or page.first_published_at or timezone.now()
    return _answer(request, body, changed, f"{page.slug}.ics", attachment=True)
