"""What an event page knows beyond its fields: its zone, its meetings, its place, audiences and organiser.

A mixin of the page model (read-only, no queries beyond the page's own relations), so the page, the lists,
the calendars, search and the API say the same."""

from functools import cached_property

from django.utils import timezone

from events import schedule, zones
from events.choices import AUDIENCES, Format, Status

ONLINE_FORMATS = {Format.ONLINE.value, Format.MIXED.value}
IN_PERSON_FORMATS = {Format.IN_PERSON.value, Format.MIXED.value}
MOVED_ONLINE = Status.MOVED_ONLINE.value


class EventFacts:
    # -- time ----------------------------------------------------------------------------------------------
    def resolve_zone(self):
        """The chosen zone; else the venue's federal subject's; else the only region's; else Moscow time."""
        if self.time_zone:
            return self.time_zone
        code = self.venue_region_code()
        if not code and not self.all_russia:
            codes = [region.code for region in self.regions.all()]
            code = codes[0] if len(codes) == 1 else ""
        return zones.subject_zone(code)

    @property
    def zone(self):
        return self.zone_name or self.resolve_zone()

    def first_start(self, zone_name=None):
        return schedule.local(self.start_date, self.start_time, zone_name or self.resolve_zone())

    def length(self):
        return schedule.duration(self.start_date, self.start_time, self.end_date, self.end_time)

    def exceptions(self):
        return [change.as_exception() for change in self.occurrence_changes.all()]

    def occurrences(self):
        """Every meeting, in the event's zone (one for a single event); cancelled dates of a series included."""
        zone_name = self.resolve_zone()
        return schedule.occurrences(
            self.first_start(zone_name), self.length(), self.repeat, self.repeat_until, self.exceptions()
        )

    def series_dates(self):
        return schedule.series_dates(self.repeat, self.first_start(), self.repeat_until)

    def recurrence(self):
        """The series' RRULE (icalendar's vRecur) or None."""
        return schedule.recurrence(self.repeat, self.first_start(self.zone), self.repeat_until)

    @cached_property
    def meetings(self):
        """`occurrences()` of the live page, computed once per request."""
        return self.occurrences()

    def next_meeting(self, now=None):
        """The first meeting that has not ended (cancelled ones only if nothing else is left), or the last one."""
        now = now or timezone.now()
        coming = [o for o in self.meetings if o.end >= now]
        held = [o for o in coming if not o.cancelled]
        return (held or coming or self.meetings[-1:])[0]

    def is_past(self, now=None):
        return self.ends_at is not None and self.ends_at < (now or timezone.now())

    @property
    def previous_start(self):
        if self.status != Status.POSTPONED or not self.previous_start_date:
            return None
        return schedule.local(self.previous_start_date, self.previous_start_time or self.start_time, self.zone)

    # -- format and place ---------------------------------------------------------------------------------
    @property
    def effective_format(self):
        return Format.ONLINE.value if self.status == MOVED_ONLINE else self.format

    @property
    def effective_format_label(self):
        return Format(self.effective_format).label

    @property
    def is_online(self):
        return self.effective_format in ONLINE_FORMATS

    @property
    def in_person(self):
        return self.effective_format in IN_PERSON_FORMATS

    @cached_property
    def registry_location(self):
        if not self.venue_organisation_id:
            return None
        return self.venue_organisation.locations.select_related("region").first()

    def venue_region_code(self):
        if self.venue_region_id:
            return self.venue_region.code
        location = self.registry_location
        return location.region.code if location is not None and location.region_id else ""

    def venue(self):
        """{"name", "address", "locality", "postcode", "region", "lat", "lon"} of an event in person, or None."""
        location = self.registry_location
        if location is not None and not self.venue_address:
            lat, lon = location.latitude, location.longitude
            return {
                "name": self.venue_name or location.name or self.venue_organisation.display_name,
                "address": location.address,
                "locality": location.locality,
                "postcode": location.postcode,
                "region": location.region.name if location.region_id else "",
                "lat": float(lat) if lat is not None else None,
                "lon": float(lon) if lon is not None else None,
            }
        if not self.venue_address:
            return None
        return {
            "name": self.venue_name,
            "address": self.venue_address,
            "locality": self.venue_locality,
            "postcode": "",
            "region": self.venue_region.name if self.venue_region_id else "",
            "lat": float(self.latitude) if self.latitude is not None else None,
            "lon": float(self.longitude) if self.longitude is not None else None,
        }

    def venue_lines(self):
        place = self.venue()
        if place is None:
            return []
        return [part for part in (place["name"], place["address"], place["locality"], place["region"]) if part]

    # -- for whom, by whom ----------------------------------------------------------------------------------
    def audience_values(self):
        return [value for value, field, _label in AUDIENCES if getattr(self, field)]

    def audience_labels(self):
        return [str(label) for _value, field, label in AUDIENCES if getattr(self, field)]

    @cached_property
    def terms(self):
        """{"region": codes, "topic": slugs, "age": slugs}, read once (lists and counts ask many times)."""
        return {
            "region": [region.code for region in self.regions.all()],
            "topic": [topic.slug for topic in self.topics.all()],
            "age": [age.slug for age in self.age_groups.all()],
        }

    def region_codes(self):
        return self.terms["region"]

    def serves_region(self, code):
        """Online events count for every region; others for their regions (or all of Russia)."""
        return self.is_online or self.all_russia or code in self.terms["region"]

    def organiser(self):
        """{"name", "url", "registry": bool}: the registry organisation (its page) or the free text."""
        if self.organiser_organisation_id and self.organiser_organisation.live:
            organisation = self.organiser_organisation
            return {"name": organisation.display_name, "url": organisation.get_absolute_url(), "registry": True}
        return {"name": self.organiser_name, "url": self.organiser_url, "registry": False}

    def speaker_names(self):
        return [name.strip() for name in self.speakers.split(",") if name.strip()]
