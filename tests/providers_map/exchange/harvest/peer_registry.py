"""Another region's synthetic registry for a second portal instance: `python -m
tests.providers_map.exchange.harvest.peer_registry load COUNT | edit N TEXT [delete N]` (DATABASE_URL names its
database).

Kemerovo region (42): organisations with valid ИНН and ОГРН, one or two branches, two or three services.
"""

import os
import sys
from decimal import Decimal

import django

REGION = "42"
LOCALITIES = [("Кемерово", "55.354968", "86.087314"), ("Новокузнецк", "53.757547", "87.136044")]


def load(count):
    from core.models import Region
    from providers_map.demo_synthetic import synthetic_inn, synthetic_ogrn
    from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, service_type

    region = Region.objects.get(code=REGION)
    kinds = ["iprp", "communication", "mobility", "family-counselling"]
    for n in range(1, count + 1):
        organisation = OrganisationFactory(
            name=f"Кузбасский центр ранней помощи № {n}",
            short_name=f"Центр № {n}",
            inn=synthetic_inn(REGION, n),
            ogrn=synthetic_ogrn(REGION, n),
            phones=f"+7384222{n:04d}",
            data_source="региональный реестр Кузбасса",
        )
        for branch in range(1 + n % 2):
            locality, lat, lon = LOCALITIES[branch]
            LocationFactory(
                organisation=organisation,
                name="" if branch == 0 else "Филиал",
                region=region,
                locality=locality,
                address=f"ул. Весенняя, д. {n + branch * 10}",
                postcode=f"65000{branch}",
                latitude=Decimal(lat) + Decimal(n) / 1000,
                longitude=Decimal(lon),
                sort_order=branch,
            )
        for order in range(2 + n % 2):
            ServiceFactory(
                organisation=organisation,
                service_type=service_type(kinds[(n + order) % len(kinds)]),
                age_max_months=36 + 12 * (order % 2),
                concerns=["autism"] if order == 0 else [],
                sort_order=order,
            )
    print(count)


def edit(n, text):
    from providers_map.models import Organisation

    organisation = Organisation.objects.get(name=f"Кузбасский центр ранней помощи № {n}")
    organisation.description = text
    organisation.save()
    organisation.save_revision().publish()


def delete(n):
    """As the admin deletes an entry: logged, then gone."""
    from wagtail.log_actions import log

    from providers_map.models import Organisation

    organisation = Organisation.objects.get(name=f"Кузбасский центр ранней помощи № {n}")
    log(instance=organisation, action="wagtail.delete")
    organisation.delete()


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    args = sys.argv[1:]
    while args:
        command = args.pop(0)
        if command == "load":
            load(int(args.pop(0)))
        elif command == "edit":
            edit(int(args.pop(0)), args.pop(0))
        elif command == "delete":
            delete(int(args.pop(0)))
