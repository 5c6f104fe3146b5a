"""An event page: a seminar, a webinar, a meeting for parents, a club that meets as a series."""

import hashlib
import json

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.models import TaxonomyMixin
from events import zones
from events.blocks import EventBodyBlock, EventMaterialsBlock
from events.choices import Format, Repeat, Status
from events.models.facts import EventFacts
from events.presentation import event_context
from events.reader import remember_region


class EventPage(EventFacts, TaxonomyMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three short sentences in plain words: what will happen and whom it helps."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("A wide picture (at least 1200 px) for the page and for search engines; optional."),
    )
    # --- when: wall-clock time in the event's own zone ---
    start_date = models.DateField(_("date"), help_text=_("The day of the event (of its first meeting for a series)."))
    start_time = models.TimeField(_("start"), help_text=_("Local time of the event's zone, for example 10:00."))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Only for an event over several days; empty = same day.")
    )
    end_time = models.TimeField(_("end"), help_text=_("Local time of the event's zone."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        blank=True,
        choices=zones.zone_field_choices,
        help_text=_(
            "Empty: the zone of the venue's federal subject, or of the only region chosen below, or Moscow time."
        ),
    )
    repeat = models.CharField(
        _("repeats"),
        max_length=16,
        blank=True,
        choices=Repeat.choices,
        help_text=_("For a club or a course: the meetings follow the first date."),
    )
    repeat_until = models.DateField(
        _("repeats until"), null=True, blank=True, help_text=_("The last possible date of the series (inclusive).")
    )
    # --- status ---
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_("Never delete a cancelled event: mark it, so readers and subscribed calendars learn of it."),
    )
    previous_start_date = models.DateField(
        _("previous date"),
        null=True,
        blank=True,
        help_text=_("For a postponed event: the date it was announced for. Enter the new date above."),
    )
    previous_start_time = models.TimeField(
        _("previous start"), null=True, blank=True, help_text=_("For a postponed event: the time announced before.")
    )
    status_note = models.CharField(
        _("note on the status"),
        max_length=300,
        blank=True,
        help_text=_("Shown beside the status, for example why the event was cancelled."),
    )
    # --- where ---
    format = models.CharField(
        _("format"), max_length=16, choices=Format.choices, help_text=_("In person, online, or both at once.")
    )
    venue_organisation = models.ForeignKey(
        "providers_map.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        verbose_name=_("venue from the registry"),
        help_text=_("When the event takes place at a provider's address (its first address is shown)."),
    )
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("Otherwise: the place, for example “Конференц-зал”.")
    )
    venue_address = models.CharField(
        _("street address"), max_length=300, blank=True, help_text=_("Street, building, floor or room.")
    )
    venue_locality = models.CharField(_("locality"), max_length=120, blank=True, help_text=_("City or village."))
    venue_region = models.ForeignKey(
        "core.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("venue's federal subject"),
        help_text=_("Also gives the event's time zone when none is chosen."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, help_text=_("For example 55.030199.")
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, help_text=_("For example 82.920430.")
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Where to watch or join. Empty when the link is sent after registration."),
    )
    # --- for whom ---
    for_parents = models.BooleanField(_("for parents"), default=False, help_text=_("Parents and relatives."))
    for_specialists = models.BooleanField(
        _("for specialists"), default=False, help_text=_("Specialists of early-care services.")
    )
    for_managers = models.BooleanField(
        _("for managers"), default=False, help_text=_("Heads of organisations and regional authorities.")
    )
    regions = ParentalManyToManyField(
        "core.Region",
        blank=True,
        related_name="events",
        verbose_name=_("regions"),
        help_text=_("Whose residents the event is for. Online events are shown to every region anyway."),
    )
    all_russia = models.BooleanField(
        _("all of Russia"), default=False, help_text=_("For every region (a federal event).")
    )
    # --- registration ---
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("A form of the organiser's. The portal keeps no data of the people who register."),
    )
    is_free = models.BooleanField(_("free of charge"), default=True, help_text=_("Participation costs nothing."))
    price = models.DecimalField(
        _("price, roubles"), max_digits=9, decimal_places=2, null=True, blank=True, help_text=_("When it is paid.")
    )
    # --- who ---
    organiser_organisation = models.ForeignKey(
        "providers_map.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        verbose_name=_("organiser from the registry"),
        help_text=_("The event is then listed on the provider's page."),
    )
    organiser_name = models.CharField(
        _("organiser"), max_length=300, blank=True, help_text=_("Otherwise: the organiser's name.")
    )
    organiser_url = models.URLField(_("organiser's website"), blank=True, help_text=_("Optional."))
    speakers = models.CharField(
        _("speakers"),
        max_length=300,
        blank=True,
        help_text=_("Names separated by commas, for example “Иванова А. А., Петров Б. Б.”."),
    )
    body = StreamField(EventBodyBlock(), blank=True, verbose_name=_("programme"), help_text=_("The details."))
    # --- afterwards ---
    recording = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recorded_events",
        verbose_name=_("recording"),
        help_text=_("After the event: its video in the library (the library page links back here)."),
    )
    materials = StreamField(
        EventMaterialsBlock(),
        blank=True,
        verbose_name=_("materials"),
        help_text=_("After the event: slides, handouts, library pages."),
    )
    # --- kept by the portal, not edited ---
    zone_name = models.CharField(max_length=40, editable=False, default=zones.DEFAULT_TIMEZONE)
    starts_at = models.DateTimeField(null=True, editable=False, db_index=True)
    ends_at = models.DateTimeField(null=True, editable=False, db_index=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    published_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("speakers"),
        index.SearchField("organiser_name"),
        index.FilterField("status"),
        index.FilterField("format"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("time_zone")]),
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_until")]),
                InlinePanel("occurrence_changes", heading=_("Single dates cancelled or moved"), label=_("Change")),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("previous_start_date"), FieldPanel("previous_start_time")]),
                FieldPanel("status_note"),
            ],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_organisation"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_locality"), FieldPanel("venue_region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("for_parents"), FieldPanel("for_specialists"), FieldPanel("for_managers")]),
                *TaxonomyMixin.taxonomy_panels(age_groups=_("Leave empty if the event is useful at any age.")),
                FieldPanel("all_russia"),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("For whom"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")])],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser_organisation"),
                FieldRowPanel([FieldPanel("organiser_name"), FieldPanel("organiser_url")]),
                FieldPanel("speakers"),
            ],
            heading=_("Organiser and speakers"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [PageChooserPanel("recording", page_type="materials.MaterialPage"), FieldPanel("materials")],
            heading=_("After the event"),
        ),
    ]
    parent_page_types = ["events.EventsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = self.schedule_errors()
        if not (self.for_parents or self.for_specialists or self.for_managers):
            errors["for_parents"] = _("Choose at least one audience: parents, specialists or managers.")
        if self.format != Format.ONLINE and not (self.venue_organisation_id or self.venue_address):
            errors["venue_address"] = _("An event in person needs its address, or a venue from the registry.")
        if self.is_online and not (self.online_url or self.registration_url):
            errors["online_url"] = _("An online event needs its link, or a registration link that sends it.")
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = _("Enter both the latitude and the longitude, or leave both empty.")
        if not self.is_free and self.price is None:
            errors["price"] = _("Give the price of a paid event.")
        if errors:
            raise ValidationError(errors)

    def schedule_errors(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        elif self.start_time and self.end_time and not self.end_date and self.end_time <= self.start_time:
            errors["end_time"] = _("The end is before the start. For an event over several days give its end date.")
        if self.repeat and not self.repeat_until:
            errors["repeat_until"] = _("A series needs its last possible date.")
        elif self.repeat and self.start_date and self.repeat_until <= self.start_date:
            errors["repeat_until"] = _("The series must end after its first date.")
        if self.status == Status.POSTPONED and not self.previous_start_date:
            errors["previous_start_date"] = _("Give the date the event was announced for; the new date goes above.")
        if self.status == Status.MOVED_ONLINE and not (self.online_url or self.registration_url):
            errors["online_url"] = _("An event moved online needs its link, or a registration link that sends it.")
        if not errors and self.start_date and self.start_time and self.end_time:
            dates = self.series_dates()
            wrong = [c.original_date for c in self.occurrence_changes.all() if c.original_date not in dates]
            if wrong:
                errors["repeat"] = _("The series has no meeting on %(dates)s: check the changes of single dates.") % {
                    "dates": ", ".join(day.strftime("%d.%m.%Y") for day in wrong)
                }
        return errors

    def save(self, *args, **kwargs):
        # What lists, filters and calendars query: the zone and the UTC span of all the meetings.
        self.zone_name = self.resolve_zone()
        found = self.occurrences()
        self.starts_at, self.ends_at = found[0].start, max(occurrence.end for occurrence in found)
        return super().save(*args, **kwargs)

    def schedule_fingerprint(self):
        """What a subscribed calendar must be told about: time, series, exceptions, status and place."""
        facts = [
            self.resolve_zone(),
            [(o.start.isoformat(), o.end.isoformat(), o.cancelled, o.key) for o in self.occurrences()],
            self.status,
            str(self.previous_start_date or ""),
            str(self.previous_start_time or ""),
            self.effective_format,
            self.venue_lines(),
            self.online_url,
        ]
        return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()

    def with_content_json(self, content):
        """A revision being published never brings back an older sequence: the counter lives on the live row."""
        page = super().with_content_json(content)
        page.sequence, page.published_fingerprint = self.sequence, self.published_fingerprint
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        return remember_region(request, super().serve(request, *args, **kwargs))
