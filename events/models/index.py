"""/events/: the calendar of events, upcoming by default, past ones behind a filter."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from events.listing import events_listing
from events.models.event import EventPage
from events.reader import remember_region


class EventsIndexPage(Page):
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences: which events are listed here and for whom."),
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("events calendar")

    def events(self):
        """The live, public events of this calendar, with what lists and filters read."""
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .select_related("venue_region", "venue_organisation", "organiser_organisation", "recording")
            .prefetch_related("regions", "topics", "age_groups", "occurrence_changes")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = events_listing(self, request)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return remember_region(request, response)
