"""A few providers placed at gazetteer localities, for coverage tests (the factories of tests/providers_map)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from core.models import Region
from providers_map import gazetteer
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, service_type


def place(name, region_code):
    found = gazetteer.locate(name, region_code)
    assert found is not None, name
    return found


def provider(locality, region_code, types=("iprp",), ages=(0, 36), modes=("centre",), **fields):
    """A published organisation with one location at the locality's point and services of these types."""
    point = place(locality, region_code)
    organisation = OrganisationFactory(**fields)
    LocationFactory(
        organisation=organisation,
        region=Region.objects.get(code=region_code),
        locality=locality,
        latitude=Decimal(str(point["lat"])).quantize(Decimal("0.000001")),
        longitude=Decimal(str(point["lon"])).quantize(Decimal("0.000001")),
        delivery_modes=list(modes),
    )
    for slug in types:
        ServiceFactory(
            organisation=organisation, service_type=service_type(slug), age_min_months=ages[0], age_max_months=ages[1]
        )
    return organisation


def small_registry():
    """Novosibirsk (state, home visits), Berdsk (non-profit, not verified for two years), Moscow (municipal),
    a closed centre in Tatarsk and one for children over three in Iskitim (neither counts)."""
    stale = timezone.localdate() - dt.timedelta(days=800)
    return {
        "novosibirsk": provider("Новосибирск", "54", types=("iprp", "home-visits"), modes=("centre", "home")),
        "berdsk": provider("Бердск", "54", types=("communication",), ownership="nonprofit", verified_at=stale),
        "moscow": provider("Москва", "77", types=("iprp", "communication"), ownership="municipal"),
        "closed": provider("Татарск", "54", status="closed"),
        "older": provider("Искитим", "54", ages=(36, 84)),
    }
