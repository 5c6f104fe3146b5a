"""Visually-impaired mode (версия для слабовидящих, ГОСТ Р 52872-2019): the reader's display settings.

The settings live in one cookie and are applied on the server: `<html>` gets the mode's classes and the page
links the mode's stylesheet, so nothing flashes and nothing needs JavaScript. The switch itself is
`core.views.vision` at /low-vision/.
"""

import re
from dataclasses import dataclass, replace

from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.cookies import delete_cookie, set_cookie

COOKIE_NAME = "vision"
COOKIE_MAX_AGE = 365 * 24 * 3600

SIZES = {
    1: _("Large text"),
    2: _("Larger text"),
    3: _("Largest text"),
}
SCHEMES = {
    "bw": _("Black on white"),
    "wb": _("White on black"),
    "blue": _("Dark blue on light blue"),
    "brown": _("Brown on beige"),
}
SPACINGS = {
    0: pgettext_lazy("letter spacing", "Standard"),
    1: pgettext_lazy("letter spacing", "Medium"),
    2: pgettext_lazy("letter spacing", "Large"),
}
IMAGES = {
    1: pgettext_lazy("images", "Show"),
    0: pgettext_lazy("images", "Hide"),
}
COOKIE_PATTERN = re.compile(r"^s([1-3])\.c(bw|wb|blue|brown)\.l([0-2])\.i([01])$")


@dataclass(frozen=True)
class Vision:
    """The reader's settings; `enabled` is False for the standard version of the site."""

    enabled: bool = False
    size: int = 1
    scheme: str = "bw"
    spacing: int = 0
    images: bool = True

    @classmethod
    def from_cookie(cls, value):
        match = COOKIE_PATTERN.match(value or "")
        if not match:
            return cls()
        size, scheme, spacing, images = match.groups()
        return cls(True, int(size), scheme, int(spacing), images == "1")

    def to_cookie(self):
        return f"s{self.size}.c{self.scheme}.l{self.spacing}.i{int(self.images)}"

    def updated(self, **changes):
        """The settings with the given values changed; switching the mode on keeps earlier choices."""
        return replace(self, enabled=True, **{key: value for key, value in changes.items() if value is not None})

    @property
    def html_classes(self):
        if not self.enabled:
            return ""
        classes = ["vi", f"vi-size-{self.size}", f"vi-scheme-{self.scheme}", f"vi-spacing-{self.spacing}"]
        if not self.images:
            classes.append("vi-no-images")
        return " ".join(classes)


def vision_for(request):
    """The request's settings, parsed once per request."""
    cached = getattr(request, "_portal_vision", None)
    if cached is None:
        cached = Vision.from_cookie(request.COOKIES.get(COOKIE_NAME))
        request._portal_vision = cached
    return cached


def is_low_vision_mode(request):
    return vision_for(request).enabled


def store(response, vision):
    """Keep the settings in the reader's browser (or forget them when the mode is off)."""
    if not vision.enabled:
        return delete_cookie(response, COOKIE_NAME)
    set_cookie(response, COOKIE_NAME, vision.to_cookie(), max_age=COOKIE_MAX_AGE)
    return response


class VisionVaryMiddleware:
    """Pages look different with and without the mode's cookie: tell caches so (Vary: Cookie)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["Cookie"])
        return response
