"""Registering a feed source and choosing which to harvest (the command's and the admin's shared steps)."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from providers_map.exchange.importing.hsds_reader import DESCRIPTOR
from providers_map.exchange.models import FeedSource

URL = URLValidator(schemes=["http", "https"])


def normal_url(url):
    """The feed address as stored: trimmed, without a trailing slash (so registering twice finds the first)."""
    url = str(url or "").strip()
    try:
        URL(url)
    except ValidationError:
        raise ValueError(_("Not an http(s) address: %(url)s") % {"url": url[:200]}) from None
    return url.rstrip("/") if urlsplit(url).path not in ("", "/") else url.rstrip("/")


def kind_of(url):
    return FeedSource.Kind.PACKAGE if url.endswith(DESCRIPTOR) else FeedSource.Kind.API


def register(url, name, allow_private=False):
    """(source, created): the source of this address, registered now if it was not (idempotent by address)."""
    url = normal_url(url)
    source = FeedSource.objects.filter(base_url=url).first()
    if source is not None:
        return source, False
    source = FeedSource(base_url=url, name=str(name).strip()[:200] or url[:200], kind=kind_of(url))
    source.allow_private = allow_private
    source.schedule_next()
    source.full_clean()
    source.save()
    return source, True


def find(reference):
    """The source with this id or address, or None."""
    reference = str(reference).strip()
    if reference.isdigit():
        return FeedSource.objects.filter(pk=int(reference)).first()
    try:
        return FeedSource.objects.filter(base_url=normal_url(reference)).first()
    except ValueError:
        return None


def due(now=None):
    """Active sources whose scheduled harvest has come."""
    now = now or timezone.now()
    return FeedSource.objects.filter(active=True).filter(Q(next_harvest_at__lte=now)).exclude(schedule="manual")
