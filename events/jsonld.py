"""schema.org `Event` JSON-LD of an event page: one Event per meeting (Google's guidelines mark each date of a
series as its own event), with what the guidelines require (name, startDate, location) and recommend
(description, endDate, eventAttendanceMode, eventStatus, image, offers, organizer, performer, previousStartDate),
plus `recordedIn` once a recording is in the library."""

from django.templatetags.static import static

from core.images import rendition_url
from events.choices import Format, Status

SCHEMA = "https://schema.org/"
ATTENDANCE = {
    Format.IN_PERSON: "OfflineEventAttendanceMode",
    Format.ONLINE: "OnlineEventAttendanceMode",
    Format.MIXED: "MixedEventAttendanceMode",
}
STATUS = {
    Status.SCHEDULED: "EventScheduled",
    Status.CANCELLED: "EventCancelled",
    Status.POSTPONED: "EventRescheduled",
    Status.MOVED_ONLINE: "EventMovedOnline",
}
FALLBACK_IMAGE = "icons/icon-512.png"
MAX_MEETINGS = 30


def _place(venue):
    address = {
        "@type": "PostalAddress",
        "streetAddress": venue["address"],
        "addressLocality": venue["locality"],
        "addressRegion": venue["region"],
        "addressCountry": "RU",
    }
    if venue["postcode"]:
        address["postalCode"] = venue["postcode"]
    place = {"@type": "Place", "name": venue["name"] or venue["address"], "address": address}
    if venue["lat"] is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": venue["lat"], "longitude": venue["lon"]}
    return place


def location(page, page_url):
    parts = []
    if page.is_online:
        parts.append({"@type": "VirtualLocation", "url": page.online_url or page.registration_url or page_url})
    venue = page.venue()
    if page.in_person and venue is not None:
        parts.append(_place(venue))
    return parts[0] if len(parts) == 1 else parts


def organizer(page, absolute):
    found = page.organiser()
    data = {"@type": "Organization", "name": found["name"] or page.title}
    if found["url"]:
        data["url"] = absolute(found["url"])
    return data


def offers(page, page_url):
    data = {
        "@type": "Offer",
        "url": page.registration_url or page_url,
        "price": "0" if page.is_free else f"{page.price:.2f}",
        "priceCurrency": "RUB",
        "availability": SCHEMA + "InStock",
    }
    if page.first_published_at:
        data["validFrom"] = page.first_published_at.isoformat()
    return data


def image_url(page, absolute):
    url = rendition_url(page.image, "fill-1200x675") if page.image_id else None
    return absolute(url or static(FALLBACK_IMAGE))


def event_json_ld(page, absolute, recording=None):
    """[Event, …] for the page's meetings; `absolute(path)` makes a full URL, `recording` is the live library page."""
    page_url = absolute(page.url)
    org = organizer(page, absolute)
    common = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": page_url,
        "inLanguage": "ru",
        "image": [image_url(page, absolute)],
        "eventAttendanceMode": SCHEMA + ATTENDANCE[page.effective_format],
        "location": location(page, page_url),
        "organizer": org,
        "performer": [{"@type": "Person", "name": name} for name in page.speaker_names()] or org,
        "offers": offers(page, page_url),
        "audience": {"@type": "Audience", "audienceType": ", ".join(page.audience_labels())},
    }
    if recording is not None:
        common["recordedIn"] = {"@type": "CreativeWork", "name": recording.title, "url": absolute(recording.url)}
    events = []
    for meeting in page.meetings[:MAX_MEETINGS]:
        data = {**common, "startDate": meeting.start.isoformat(), "endDate": meeting.end.isoformat()}
        status, previous = STATUS[page.status], page.previous_start
        if meeting.cancelled:
            status = STATUS[Status.CANCELLED]
        elif meeting.moved:
            status, previous = STATUS[Status.POSTPONED], meeting.original_start
        data["eventStatus"] = SCHEMA + status
        if previous is not None:
            data["previousStartDate"] = previous.isoformat()
        events.append(data)
    return events
