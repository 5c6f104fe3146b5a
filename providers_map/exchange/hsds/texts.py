"""Plain values and Russian phrases the HSDS records need: ages in years, eligibility and fees text, URIs."""

import datetime as dt
from types import SimpleNamespace
from urllib.parse import quote, urlsplit, urlunsplit

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from providers_map.wording import age_range as age_phrase_range

AGE_PRECISION = 4  # decimals of an age in years: months survive the round trip (7 months = 0.5833 years)


def years(months):
    """An age in months as years for HSDS minimum_age/maximum_age (a whole number when it is one)."""
    value = round(months / 12, AGE_PRECISION)
    return int(value) if value == int(value) else value


def months(years_value):
    """The inverse of `years`: an HSDS age in years back to whole months."""
    return round(float(years_value) * 12)


def age_range(min_months, max_months):
    """'Дети от рождения до 3 лет', 'Дети от 6 месяцев до 2 лет' (the provider pages' wording)."""
    ages = age_phrase_range(SimpleNamespace(age_min_months=min_months, age_max_months=max_months))
    return _("Children %(ages)s") % {"ages": ages}


def eligibility(min_months, max_months, concern_names, referral_label):
    parts = [age_range(min_months, max_months)]
    if concern_names:
        parts.append(_("Developmental concerns: %(names)s") % {"names": ", ".join(concern_names)})
    parts.append(_("Referral: %(referral)s") % {"referral": referral_label})
    return ". ".join(parts) + "."


def fees(cost_label, cost_note):
    text = capfirst(str(cost_label))
    note = (cost_note or "").strip()
    return f"{text}. {note}" if note else f"{text}."


def timestamp(value):
    """An aware datetime as HSDS wants it: UTC with milliseconds, '2026-03-15T10:30:45.123Z'."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def utc_offset(zone, when=None):
    """The zone's UTC offset as (hours as a number, '+07:00'); Russian zones keep one offset all year."""
    offset = (when or dt.datetime.now(dt.UTC)).astimezone(zone).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    number = minutes / 60
    return (int(number) if number == int(number) else number), f"{sign}{hours:02d}:{rest:02d}"


def as_uri(url):
    """A URL as an RFC 3986 URI: a Cyrillic domain in punycode, other non-ASCII characters percent-encoded."""
    if not url:
        return ""
    parts = urlsplit(str(url).strip())
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        host = quote(host, safe="")
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{quote(parts.username, safe='')}@{netloc}"
    safe = "/:@!$&'()*+,;=-._~%"
    return urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, safe=safe),
            quote(parts.query, safe=safe + "?"),
            quote(parts.fragment, safe=safe + "?"),
        )
    )
