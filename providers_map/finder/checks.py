"""System checks for the finder's settings: a typo must not silently change the route links or the backend."""

from django.conf import settings
from django.core.checks import Error, register

from providers_map.directions import PROVIDERS

BACKENDS = ("auto", "elasticsearch", "database")


# (setting, its default, the values it may take, the check's id)
CHOICES = (
    ("PORTAL_DIRECTIONS_PROVIDER", "yandex", PROVIDERS, "providers_map.E001"),
    ("PORTAL_FINDER_BACKEND", "auto", BACKENDS, "providers_map.E002"),
)


@register()
def finder_settings(app_configs, **kwargs):
    errors = []
    for name, default, allowed, check_id in CHOICES:
        value = getattr(settings, name, default)
        if value not in allowed:
            errors.append(Error(f"{name} is {value!r}.", hint=f"Use one of: {', '.join(allowed)}.", id=check_id))
    tiles = getattr(settings, "PORTAL_MAP_TILE_URL", "")
    if tiles and not all(part in tiles for part in ("{z}", "{x}", "{y}")):
        errors.append(
            Error(
                "PORTAL_MAP_TILE_URL has no {z}, {x} and {y} placeholders.",
                hint="An XYZ template, e.g. https://tiles.example.org/{z}/{x}/{y}.png",
                id="providers_map.E003",
            )
        )
    return errors
