"""The "events" search kind: events and seminars, a tab of /search/. Online events also answer to «вебинар»
(and an event of any format to «мероприятие», «семинар»), the words readers use for them."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import AUDIENCES, Format, Status
from events.models import EventPage, EventsIndexPage
from events.times import clock
from search.documents import Entry
from search.facets import FacetSpec, choices
from search.pages import PageKind, field_text, page_version

# What people call such events, beyond the page's own words (indexed as tags, so lemmatised like the rest).
KIND_WORDS = "мероприятие событие семинар встреча"
ONLINE_WORDS = "вебинар онлайн-семинар онлайн трансляция"


class EventsKind(PageKind):
    name = "events"
    label = _("Events")
    order = 25
    prefetch = ("topics", "age_groups", "regions", "occurrence_changes")
    facets = (
        FacetSpec("topic", _("Topic")),
        FacetSpec("age", _("Child's age")),
        FacetSpec("audience", _("Audience"), choices([(value, label) for value, _field, label in AUDIENCES])),
        FacetSpec("type", _("Format"), choices(Format.choices)),
        FacetSpec("region", _("Region")),
    )

    @property
    def models(self):
        return (EventPage, EventsIndexPage)

    def build_entry(self, page):
        if not isinstance(page, EventPage):
            return Entry(
                key=str(page.pk),
                title=page.title,
                url=self.url(page),
                texts={"title": page.title, "body": f"{page.intro}\n{KIND_WORDS}\n{page.search_description}"},
                snippet_text=page.intro,
                published=page.last_published_at,
                version=page_version(page.last_published_at, page.url_path),
            )
        topics, ages = list(page.topics.all()), list(page.age_groups.all())
        tags = [t.name for t in topics + ages] + page.audience_labels()
        tags += [str(page.get_format_display()), KIND_WORDS] + ([ONLINE_WORDS] if page.is_online else [])
        body = field_text(page, "body")
        organiser = page.organiser()["name"]
        formats = [page.effective_format]
        if page.effective_format == Format.MIXED:
            formats += [Format.ONLINE, Format.IN_PERSON]
        return Entry(
            key=str(page.pk),
            title=page.title,
            url=self.url(page),
            texts={
                "title": page.title,
                "name": f"{page.speakers}\n{organiser}",
                "tag": "\n".join(tags),
                "place": "\n".join([*page.venue_lines(), *(region.name for region in page.regions.all())]),
                "body": "\n".join([page.summary, body, page.status_note, page.search_description]),
            },
            snippet_text=f"{page.summary}\n{body}".strip(),
            facets={
                "topic": [t.slug for t in topics],
                "age": [a.slug for a in ages],
                "audience": page.audience_values(),
                "type": sorted(set(formats)),
                "region": page.region_codes(),
            },
            published=page.last_published_at,
            version=page_version(page.last_published_at, page.url_path),
        )

    def present(self, page):
        meta = []
        if isinstance(page, EventPage):
            meeting = page.next_meeting(timezone.now())
            meta = [clock(meeting.start, meeting.end, page.zone).text, str(page.get_format_display()).capitalize()]
            if page.status != Status.SCHEDULED:
                meta.insert(0, str(page.get_status_display()).capitalize())
        return {"title": page.title, "url": self.url(page), "meta": meta}
