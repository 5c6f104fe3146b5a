"""A small registry for finder tests: known places, services, hours and flags; plus a crowd for clusters.

registry = small_registry()   # {"semya": Location, "berdsk": Location, ...}
"""

import os
import uuid
from decimal import Decimal

import pytest

from core.models import Region
from providers_map.models import Location, Organisation
from providers_map.models.slugs import slug_from_name
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, service_type

ALWAYS_OPEN = {day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
NEVER_OPEN = {day: [] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}

# (key, short name, ownership, cost, locality, region, lat, lon, hours, accessibility, modes)
PLACES = [
    ("semya", "Центр «Семья»", "state", "free", "Новосибирск", "54", "55.005100", "82.880600", ALWAYS_OPEN,
     ["step_free"], ["centre", "home"]),
    ("berdsk", "КЦСОН Бердска", "municipal", "free", "Бердск", "54", "54.758000", "83.107000", NEVER_OPEN,
     [], ["centre"]),
    ("iskitim", "Фонд «Солнышко»", "nonprofit", "mixed", "Искитим", "54", "54.640000", "83.306000", ALWAYS_OPEN,
     ["step_free"], ["remote"]),
    ("moscow", "Центр «Ёлочка»", "commercial", "paid", "Москва", "77", "55.751244", "37.618423", ALWAYS_OPEN,
     [], ["centre"]),
    ("kolcovo", "Служба «Шаг навстречу»", "state", "free", "Кольцово", "54", "54.939000", "83.183000", NEVER_OPEN,
     ["step_free", "lift"], ["centre"]),
]  # fmt: skip

# key -> [(service type, age from, age to, concerns, languages)]
SERVICES = {
    "semya": [("communication", 0, 36, ["speech", "autism"], []), ("iprp", 0, 36, [], [])],
    "berdsk": [("communication", 12, 36, [], []), ("home-visits", 0, 36, ["cerebral-palsy"], [])],
    "iskitim": [("communication", 0, 84, ["hearing"], ["russian-sign"]), ("parent-groups", 0, 36, ["speech"], [])],
    "moscow": [("mobility", 24, 84, ["cerebral-palsy"], []), ("communication", 0, 36, ["speech"], [])],
    "kolcovo": [("iprp", 0, 36, ["autism"], ["tatar"])],
}


def small_registry():
    """Five organisations with one location each (keys as in PLACES), plus a draft and a closed one."""
    locations = {}
    regions = {code: Region.objects.get(code=code) for code in ("54", "77")}
    for key, name, ownership, cost, locality, region, lat, lon, hours, access, modes in PLACES:
        organisation = OrganisationFactory(
            name=f"{name} (полное наименование)", short_name=name, ownership=ownership, cost=cost
        )
        locations[key] = LocationFactory(
            organisation=organisation,
            locality=locality,
            region=regions[region],
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            opening_hours=hours,
            accessibility=access,
            delivery_modes=modes,
        )
        for slug, low, high, concerns, languages in SERVICES[key]:
            ServiceFactory(
                organisation=organisation,
                service_type=service_type(slug),
                age_min_months=low,
                age_max_months=high,
                concerns=concerns,
                languages=languages,
            )
    draft = OrganisationFactory(name="Черновик", live=False)
    LocationFactory(organisation=draft)
    ServiceFactory(organisation=draft)
    closed = OrganisationFactory(name="Закрытый центр", status=Organisation.Status.CLOSED)
    LocationFactory(organisation=closed)
    ServiceFactory(organisation=closed)
    return locations


def crowd(count, lat=55.0, lon=83.0, spread=0.5, prefix="Точка"):
    """`count` published organisations on a grid around (lat, lon), one location and one service each (bulk)."""
    from django.utils import timezone

    from core.models import ServiceType
    from providers_map.models import Service

    region = Region.objects.get(code="54")
    iprp = ServiceType.objects.get(slug="iprp")
    side = max(1, int(count**0.5))
    now = timezone.now()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"{prefix} {number:05d}",
            slug=f"crowd-{slug_from_name(prefix)}-{number}",
            ownership="state",
            sector="social",
            inn=f"77{number:08d}",
            description="Тестовая организация.",
            how_to_get_help="Позвоните.",
            cost="free" if number % 2 else "paid",
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for number in range(count)
    )
    locations = []
    for number, organisation in enumerate(organisations):
        row, column = divmod(number, side)
        locations.append(
            Location(
                organisation=organisation,
                address=f"ул. Тестовая, д. {number}",
                region=region,
                locality="Новосибирск",
                latitude=Decimal(str(round(lat - spread + 2 * spread * row / side, 6))),
                longitude=Decimal(str(round(lon - spread + 2 * spread * column / side, 6))),
                opening_hours=NEVER_OPEN,
                accessibility=[],
                delivery_modes=["centre"],
            )
        )
    Location.objects.bulk_create(locations)
    Service.objects.bulk_create(Service(organisation=org, service_type=iprp) for org in organisations)
    return locations


def location_ids(locations):
    return sorted(location.pk for location in locations)


def count_locations():
    return Location.objects.count()


@pytest.fixture(scope="session")
def _finder_test_index(django_db_blocker):
    """One index for the session (creating indices is slow); each test replaces its documents."""
    from django.conf import settings
    from django.test import override_settings

    from providers_map.finder.documents import KIND, LocationDocument
    from search.client import get_client, index_name, search_enabled
    from search.documents import index_body

    if not search_enabled():
        yield None
        return
    client = get_client()
    prefix = f"{settings.SEARCH_INDEX_PREFIX}-t{os.getpid()}-{uuid.uuid4().hex[:6]}"
    with override_settings(SEARCH_INDEX_PREFIX=prefix):
        alias = index_name(KIND)
    client.indices.create(index=f"{alias}-0", aliases={alias: {}}, **index_body(LocationDocument))
    yield prefix
    client.indices.delete(index=f"{alias}-0", ignore_unavailable=True)


def index_everything(client):
    """Replace the finder index's documents with the current public locations (and refresh)."""
    from elasticsearch.helpers import bulk

    from providers_map.finder.kind import LocationKind
    from search.client import index_name

    kind = LocationKind()
    alias = index_name(kind.name)
    old = client.search(index=alias, query={"match_all": {}}, size=10000, source=False)["hits"]["hits"]
    actions = [{"_op_type": "delete", "_index": alias, "_id": hit["_id"]} for hit in old]
    locations = list(kind.objects())
    kind.prepare_batch(locations)  # their organisations' rows in a few queries, as a rebuild loads them
    actions += [{"_index": alias, "_id": kind.key(obj), "_source": kind.source(obj)} for obj in locations]
    bulk(client, actions, refresh=True)


def fill_search_fallback():
    """The "providers" kind's fallback records (the database side of the words filter)."""
    from search import indexing
    from search.registry import get

    indexing.rebuild(get("providers"), use_es=False)


@pytest.fixture
def finder_index(es_client, settings, _finder_test_index):
    """The finder's index holding exactly this test's published providers (Elasticsearch required)."""
    from providers_map.finder import backends

    settings.SEARCH_INDEX_PREFIX = _finder_test_index
    backends.reset()
    index_everything(es_client)
    yield _finder_test_index
    backends.reset()


def use_backend(settings, name):
    from providers_map.finder import backends

    settings.PORTAL_FINDER_BACKEND = name
    backends.reset()
