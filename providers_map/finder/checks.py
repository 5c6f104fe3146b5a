"""System checks for the finder's settings: a typo must not silently change the route links or the backend."""

from django.conf import settings
from django.core.checks import Error, register

from .directions import PROVIDERS

BACKENDS = ("auto", "elasticsearch", "database")


@register()
def finder_settings(app_configs, **kwargs):
    errors = []
    provider = getattr(settings, "PORTAL_DIRECTIONS_PROVIDER", "yandex")
    if provider not in PROVIDERS:
        errors.append(
            Error(
                f"PORTAL_DIRECTIONS_PROVIDER is {provider!r}.",
                hint=f"Use one of: {', '.join(PROVIDERS)}.",
                id="providers_map.E001",
            )
        )
    backend = getattr(settings, "PORTAL_FINDER_BACKEND", "auto")
    if backend not in BACKENDS:
        errors.append(
            Error(
                f"PORTAL_FINDER_BACKEND is {backend!r}.",
                hint=f"Use one of: {', '.join(BACKENDS)}.",
                id="providers_map.E002",
            )
        )
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
