"""«Маршрут»: a link that opens directions to a branch in the map service chosen in settings.

PORTAL_DIRECTIONS_PROVIDER = "yandex" | "2gis" | "osm". When the family's place is known (geolocation or a
chosen locality) the route starts there; otherwise the map service starts from the device's own position.
"""

from urllib.parse import quote, urlencode

from django.conf import settings

PROVIDERS = ("yandex", "2gis", "osm")


def _coordinate(value):
    return f"{float(value):.6f}".rstrip("0").rstrip(".")


def directions_url(location, origin=None, provider=None):
    provider = provider or getattr(settings, "PORTAL_DIRECTIONS_PROVIDER", "yandex")
    lat, lon = _coordinate(location.latitude), _coordinate(location.longitude)
    start_lat = _coordinate(origin.lat) if origin is not None else ""
    start_lon = _coordinate(origin.lon) if origin is not None else ""
    if provider == "2gis":
        start = f"from/{start_lon},{start_lat}/" if origin is not None else ""
        return f"https://2gis.ru/routeSearch/rsType/car/{start}to/{lon},{lat}"
    if provider == "osm":
        start = f"{start_lat},{start_lon}" if origin is not None else ""
        return "https://www.openstreetmap.org/directions?" + urlencode({"route": f"{start};{lat},{lon}"}, safe=",;")
    start = f"{start_lat},{start_lon}" if origin is not None else ""
    return "https://yandex.ru/maps/?" + urlencode(
        {"rtext": f"{start}~{lat},{lon}", "rtt": "auto"}, quote_via=quote, safe=",~"
    )
