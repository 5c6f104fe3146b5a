"""The Wagtail site that answers a request, kept in the cache.

Wagtail looks the site up in the database for every request that needs one (a page, a setting, a menu): about
1.5 ms of Python per page view, a tenth of the hostile-request test's time. `SiteLookupMiddleware` hands Wagtail
the answer from the cache instead. Saving or deleting a site forgets every answer; the expiry bounds staleness
where processes do not share a cache.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port, validate_host

from wagtail.models import Site

from core import errors

CACHE_KEY = "portal:sites"
CACHE_SECONDS = 300
# The Host header is the client's to choose: only allowed names are remembered, and only so many.
MAX_HOSTS = 32


def _allowed_hosts():
    if settings.DEBUG and not settings.ALLOWED_HOSTS:
        return [".localhost", "127.0.0.1", "[::1]"]  # as Django's own get_host() allows them
    return settings.ALLOWED_HOSTS


def site_for_request(request):
    """Wagtail's answer to `Site.find_for_request` (a site, or None), from the cache when it has it."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"{hostname}:{request.get_port()}"
    known = cache.get(CACHE_KEY) or {}
    if key in known:
        return known[key]
    site = Site._find_for_request(request)  # Wagtail's own lookup (unique hostname, then port, then default)
    if len(known) < MAX_HOSTS and hostname and validate_host(hostname, _allowed_hosts()):
        cache.set(CACHE_KEY, {**known, key: site}, CACHE_SECONDS)
    return site


class SiteLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not errors.is_api(request):  # the API answers without a site
            request._wagtail_site = site_for_request(request)  # where Site.find_for_request looks first
        return self.get_response(request)


def forget(sender=None, **kwargs):
    cache.delete(CACHE_KEY)


def connect():
    post_save.connect(forget, sender=Site, dispatch_uid="core.sites.forget_when_saved")
    post_delete.connect(forget, sender=Site, dispatch_uid="core.sites.forget_when_deleted")
