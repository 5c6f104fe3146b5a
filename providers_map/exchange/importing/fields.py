"""Cleaning of the columns that need more than a lookup: website, e-mail, phones, the address and its point,
and the identifiers only an HSDS package carries. Each takes the row's RowCleaner and records its problems."""

import re

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from providers_map.models import coordinates_in_russia

from . import memo

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
PHONE_SEPARATORS = re.compile(r"[;,\n]+")


def clean_hidden(c, values, identifier):
    """The identifiers and facts only an HSDS package carries (kept as they are when valid): the record's
    uuid from the column `identifier`, and for an organisation its page slug and last change."""
    text = c.text(identifier) if c.has(identifier) else ""
    if text and UUID.match(text):
        values["uuid"] = text.lower()
    if identifier != "organisation_uuid":
        return
    if c.has("slug") and SLUG.match(c.text("slug")):
        values["slug"] = c.text("slug")
    if c.has("last_modified") and c.text("last_modified"):
        moment = parse_datetime(c.text("last_modified").replace("Z", "+00:00"))
        if moment is not None:
            values["updated_at"] = moment


def clean_website(c):
    text = c.text("website")
    if not text:
        return ""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        text = "https://" + text
    if not memo.url_is_valid(text):
        c.fail("website", _("Not a website address: write it like https://example.ru."))
        return ""
    if len(text) > 300:
        c.fail("website", _("Too long: at most %(limit)s characters.") % {"limit": 300})
    return text


def clean_email(c):
    text = c.text("email")
    if text and not memo.email_is_valid(text):
        c.fail("email", _("Not an e-mail address: write it like info@example.ru."))
        return ""
    return text


def clean_phones(c):
    numbers = []
    for part in PHONE_SEPARATORS.split(c.text("phones")):
        if not part.strip():
            continue
        number, error = memo.phone(part)
        if error:
            c.fail("phones", error, value=part.strip())
            continue
        if number not in numbers:
            numbers.append(number)
    return "\n".join(numbers)


def clean_location(c):
    v = c.vocabulary
    region_text = c.required("region")
    region_id = v.regions.resolve(region_text) if region_text else None
    if region_text and region_id is None:
        c.fail("region", _("Unknown federal subject: write its name, for example Новосибирская область, or code 54."))
    location = {
        "name": c.text("location_name"),
        "region_id": region_id,
        "locality": c.required("locality"),
        "address": c.required("address"),
    }
    if c.has("postcode"):
        postcode = c.text("postcode")
        if postcode and not (len(postcode) == 6 and postcode.isdigit() and postcode.isascii()):
            c.fail("postcode", _("A postcode has exactly 6 digits."))
        location["postcode"] = postcode
    clean_point(c, location)
    clean_hidden(c, location, "location_uuid")
    if c.has("opening_hours") and c.text("opening_hours").startswith("!"):
        c.fail("opening_hours", c.text("opening_hours")[1:])  # the package's schedules cannot be read
    elif c.has("opening_hours"):
        hours, error = memo.hours(c.text("opening_hours"))
        if error:
            c.fail("opening_hours", error)
        location["opening_hours"] = hours
    for key in ("accessibility", "delivery_modes"):
        if c.has(key):
            location[key] = c.codes(key, getattr(v, key))
    return location


def clean_point(c, location):
    """Coordinates, their precision and their source, as far as the file gives them."""
    if not (c.has("latitude") or c.has("longitude")):
        return
    latitude, longitude = c.coordinate("latitude"), c.coordinate("longitude")
    if (latitude is None) != (longitude is None):
        c.fail("latitude" if latitude is None else "longitude", _("Enter both the latitude and the longitude."))
        latitude = longitude = None
    elif latitude is not None and not coordinates_in_russia(latitude, longitude):
        c.fail(
            "latitude",
            _("The point is outside Russia (latitude %(lat)s, longitude %(lon)s): check that they are not swapped.")
            % {"lat": latitude, "lon": longitude},
        )
    location["latitude"], location["longitude"] = latitude, longitude
    if c.has("coordinates_approximate"):
        location["coordinates_approximate"] = c.boolean("coordinates_approximate") if latitude is not None else False
    if c.has("coordinates_source") and c.text("coordinates_source"):
        # Given explicitly: taken as it is ("не указано" = the address has no point).
        source = c.choice("coordinates_source", c.vocabulary.coordinates_source, default="")
        if source is not None:
            location["coordinates_source"] = source
        if source == "" and latitude is not None:
            c.fail("coordinates_source", _("Coordinates are given, but the source says there are none."))
        elif source and latitude is None:
            c.fail("coordinates_source", _("A source is given, but the coordinates are empty."))
