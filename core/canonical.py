"""The portal's one canonical address (scheme + host), for sitemaps and for links in open data.

`PORTAL_BASE_URL` (e.g. https://rannyaya-pomosh.example) wins; otherwise the default Wagtail site's
hostname and port (Settings → Sites in the admin). A request is only a last resort, when neither exists.
"""

from django.conf import settings

from wagtail.models import Site


def canonical_base_url(request=None):
    configured = (getattr(settings, "PORTAL_BASE_URL", "") or "").strip().rstrip("/")
    if configured:
        return configured
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""
