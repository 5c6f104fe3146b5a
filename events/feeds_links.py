"""Addresses of the subscribable calendars: all events, and one per region, audience and topic."""

from django.urls import reverse
from django.utils.translation import gettext as _

FEED_KINDS = ("region", "audience", "topic")


def feed_url(kind=None, value=None):
    if kind is None:
        return reverse("events:feed")
    return reverse("events:feed_for", kwargs={"kind": kind, "value": value})


def feeds_for_filters(filters):
    """[{"title", "url"}]: every event, then the calendars of the region, audience and topic chosen."""
    found = [{"title": _("All events"), "url": feed_url()}]
    for kind in FEED_KINDS:
        value = getattr(filters, kind)
        if value:
            label = filters.vocabulary.choices(kind).get(value, value)
            found.append({"title": _("Events: %(what)s") % {"what": label}, "url": feed_url(kind, value)})
    return found


def feeds_for_event(page):
    """The calendars this event appears in (for «subscribe to similar events»)."""
    found = [{"title": _("All events"), "url": feed_url()}]
    found += [
        {"title": _("Events for %(audience)s") % {"audience": label}, "url": feed_url("audience", value)}
        for value, label in zip(page.audience_values(), page.audience_labels(), strict=True)
    ]
    found += [
        {"title": _("Events: %(what)s") % {"what": topic.name}, "url": feed_url("topic", topic.slug)}
        for topic in page.topics.all()
    ]
    return found
