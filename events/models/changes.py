"""An exception to a series: one date cancelled, or moved to another day or time."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from events.choices import Change
from events.schedule import Exception_


class EventOccurrenceChange(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="occurrence_changes")
    original_date = models.DateField(
        _("date of the series"), help_text=_("The date the series gives this meeting, as it was announced.")
    )
    change = models.CharField(
        _("what happens"), max_length=16, choices=Change.choices, help_text=_("Cancelled, or moved elsewhere in time.")
    )
    new_date = models.DateField(
        _("new date"), null=True, blank=True, help_text=_("For a moved meeting; empty keeps the same day.")
    )
    new_start_time = models.TimeField(
        _("new start"), null=True, blank=True, help_text=_("For a moved meeting; empty keeps the same time.")
    )
    new_end_time = models.TimeField(
        _("new end"), null=True, blank=True, help_text=_("For a moved meeting; empty keeps the same length.")
    )
    note = models.CharField(
        _("note for readers"),
        max_length=200,
        blank=True,
        help_text=_("Why, in a few words, for example “the speaker is ill”."),
    )

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("change")]),
        FieldRowPanel([FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("change of one date")
        verbose_name_plural = _("changes of single dates")

    def clean(self):
        super().clean()
        moving = self.new_date or self.new_start_time or self.new_end_time
        if self.change == Change.MOVED and not moving:
            raise ValidationError({"new_date": _("Give the new date or the new time of the moved meeting.")})
        if self.change == Change.CANCELLED and moving:
            raise ValidationError({"new_date": _("A cancelled meeting has no new date or time: leave them empty.")})

    def as_exception(self):
        return Exception_(
            self.original_date, self.change, self.new_date, self.new_start_time, self.new_end_time, self.note
        )
