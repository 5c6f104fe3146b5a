"""The events' choices (models, filters, the API, search and calendars share them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Format(models.TextChoices):
    IN_PERSON = "in-person", _("in person")
    ONLINE = "online", _("online")
    MIXED = "mixed", _("in person and online")


class Status(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("event status", "scheduled")
    CANCELLED = "cancelled", pgettext_lazy("event status", "cancelled")
    POSTPONED = "postponed", pgettext_lazy("event status", "postponed to a new date")
    MOVED_ONLINE = "moved-online", pgettext_lazy("event status", "moved online")


class Repeat(models.TextChoices):
    NONE = "", _("does not repeat")
    WEEKLY = "weekly", _("every week on the same weekday")
    BIWEEKLY = "biweekly", _("every two weeks on the same weekday")
    MONTHLY = "monthly", _("every month on the same weekday (e.g. the second Tuesday)")


class Change(models.TextChoices):
    CANCELLED = "cancelled", _("this date is cancelled")
    MOVED = "moved", _("this date is moved")


# (URL value, model field, label): an event may serve several audiences.
AUDIENCES = [
    ("parents", "for_parents", _("parents")),
    ("specialists", "for_specialists", _("specialists")),
    ("managers", "for_managers", _("managers")),
]
