"""Content-Security-Policy directives (django-csp 4 format), built from the settings they depend on.

Public pages: scripts, styles, fonts and media from this site only — no inline script, no inline style
attribute, no eval. Images also from the map tile server (Leaflet) and data: URIs (Leaflet's and the
browsers' own small icons). Frames: the video hosts editors embed (PORTAL_CSP_FRAME_SRC, https: by default).

Wagtail's admin ships inline scripts and style attributes of its own, so pages under the admin's URL get a
looser policy of their own (portal/middleware/csp.py picks it): inline allowed there, still no other origin
for scripts, and framed only by the site itself (the editor's live preview).
"""

from urllib.parse import urlsplit

NONE, SELF = "'none'", "'self'"


def origin(url):
    """'https://host' for an absolute URL (a {s} subdomain template becomes a wildcard), else None."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.replace("{s}.", "*.")
    return f"{parts.scheme}://{host}"


def _with(sources, *urls):
    extra = [o for o in (origin(url) for url in urls) if o and o not in sources]
    return [*sources, *extra]


def public_directives(tile_url="", static_url="", media_url="", frame_src=("https:",), report_uri=""):
    directives = {
        "default-src": [SELF],
        "script-src": _with([SELF], static_url),
        "style-src": _with([SELF], static_url),
        "img-src": _with([SELF, "data:"], static_url, media_url, tile_url),
        "font-src": _with([SELF], static_url),
        "media-src": _with([SELF], media_url),
        "connect-src": [SELF],
        "frame-src": list(frame_src) or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
    if report_uri:
        directives["report-uri"] = [report_uri]
    return directives


def admin_directives(tile_url="", static_url="", media_url="", frame_src=("https:",), report_uri=""):
    directives = public_directives(tile_url, static_url, media_url, frame_src, report_uri)
    directives.update(
        {
            "script-src": [*directives["script-src"], "'unsafe-inline'"],
            "style-src": [*directives["style-src"], "'unsafe-inline'"],
            "img-src": [*directives["img-src"], "blob:"],
            "frame-src": [SELF, *frame_src],
            "frame-ancestors": [SELF],
        }
    )
    return directives
