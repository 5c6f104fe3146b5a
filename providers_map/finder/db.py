"""The finder on the database alone: used without Elasticsearch, and whenever it does not answer.

Same semantics as the Elasticsearch backend (see query.py): filters as SQL, bounding box and distance in SQL
(haversine), map clusters grouped by tile in SQL. Results are locations (branches); an organisation with
three branches in town is three places on the map and in the list.
"""

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Collate, Lower, NullIf, Replace

from providers_map.models import Location, Organisation, Service

from . import sql
from . import text as finder_text
from .geotiles import Cell
from .query import SERVICE_LEVEL, radius_box
from .results import Hit, ResultPage

FREE_COSTS = (Organisation.Cost.FREE, Organisation.Cost.MIXED)
MODE_SERVICES = {"home": "home-visits", "remote": "remote"}
COSTLY_GROUPS = {*SERVICE_LEVEL, *MODE_SERVICES}  # counted through a subquery over services per option


def _without_yo(expression):
    inner = Replace(expression, Value("ё"), Value("е"), output_field=TextField())
    return Replace(inner, Value("Ё"), Value("Е"), output_field=TextField())


def service_exists(query, named_only=False):
    """Some service of the location's organisation meets every service-level condition of `query`."""
    services = Service.objects.filter(organisation_id=OuterRef("organisation_id"))
    if query.service:
        services = services.filter(service_type__slug=query.service)
    if query.age is not None:
        services = services.filter(age_min_months__lte=query.age.high, age_max_months__gte=query.age.low)
    if query.language == "russian":
        services = services.filter(Q(languages__isnull=True) | Q(languages__slug="russian"))
    elif query.language:
        services = services.filter(languages__slug=query.language)
    if query.concern and named_only:
        services = services.filter(concerns__slug=query.concern)
    elif query.concern:
        services = services.filter(Q(concerns__slug=query.concern) | Q(concerns__isnull=True))
    return Exists(services)


def _offers(service_type):
    return Exists(Service.objects.filter(organisation_id=OuterRef("organisation_id"), service_type__slug=service_type))


def conditions(query):
    """{name: condition} for every filter in use; facets swap single entries (see facet_counts)."""
    parts = {}
    if query.ownership:
        parts["ownership"] = Q(organisation__ownership=query.ownership)
    if query.region:
        parts["region"] = Q(region__code=query.region)
    if query.free:
        parts["free"] = Q(organisation__cost__in=FREE_COSTS)
    for mode in ("home", "remote"):
        if getattr(query, mode):
            parts[mode] = Q(delivery_modes__icontains=f'"{mode}"') | _offers(MODE_SERVICES[mode])
    if query.step_free:
        parts["step_free"] = Q(accessibility__icontains='"step_free"')
    if query.open_now:
        parts["open_now"] = sql.open_now_q(query.now)
    if query.service_filtered:
        parts["services"] = Q(service_exists(query))
    if query.text:
        parts["text"] = Q(organisation_id__in=finder_text.matching_organisations(query.text))
    if query.bbox is not None:
        parts["bbox"] = sql.bbox_q(query.bbox)
    if query.origin is not None and query.radius_km:
        parts["radius"] = sql.bbox_q(radius_box(query.origin, query.radius_km)) & Q(distance__lte=query.radius_km)
    return parts


def _group_part(group):
    return "services" if group in SERVICE_LEVEL else group


def base_queryset(query):
    queryset = Location.objects.public().exclude(organisation__status=Organisation.Status.CLOSED)
    if query.origin is not None:
        queryset = queryset.alias(distance=sql.distance_km(query.origin))
    return queryset


def filtered(query, skip=()):
    queryset = base_queryset(query)
    for name, condition in conditions(query).items():
        if name not in skip:
            queryset = queryset.filter(condition)
    return queryset


def sort_name():
    name = Lower(_without_yo(Coalesce(NullIf(F("organisation__short_name"), Value("")), F("organisation__name"))))
    return Collate(name, "C") if connection.vendor == "postgresql" else name


class DatabaseBackend:
    name = "database"

    def search(self, query, offset, limit):
        queryset = filtered(query)
        order = []
        named = None
        if query.concern:
            named = service_exists(query, named_only=True)
            queryset = queryset.annotate(
                concern_rank=Case(When(named, then=Value(0)), default=Value(1), output_field=IntegerField())
            )
            order.append("concern_rank")
        if query.origin is not None:
            queryset = queryset.annotate(distance_km=F("distance"))
            order.append(F("distance_km").asc(nulls_last=True))
        else:
            queryset = queryset.annotate(sort_name=sort_name())
            order.append("sort_name")
        order.append("pk")
        total = queryset.count()
        named_total = queryset.filter(named).count() if named is not None else None
        fields = ["pk"] + (["distance_km"] if query.origin is not None else []) + (["concern_rank"] if named else [])
        rows = queryset.order_by(*order).values(*fields)[offset : offset + limit]
        hits = [
            Hit(
                location_id=row["pk"],
                distance_km=row.get("distance_km"),
                named=None if named is None else row["concern_rank"] == 0,
            )
            for row in rows
        ]
        return ResultPage(total=total, hits=hits, named_total=named_total)

    def facet_counts(self, query, groups):
        """{group: {option value: count}} — each option counted with the other filters in force.

        Options that ask about services (a subquery per location and option) are counted only while the filtered
        locations are at most settings.FINDER_DB_FACET_LIMIT: over a national registry they would cost the page
        20 s and more. Their options are then shown without counts; Elasticsearch counts them all."""
        counts = {}
        if filtered(query).count() > settings.FINDER_DB_FACET_LIMIT:
            groups = {group: options for group, options in groups.items() if group not in COSTLY_GROUPS}
        for group, options in groups.items():
            part = _group_part(group)
            base = query.without(group)
            queryset = filtered(base, skip={part} if part == "services" else set())
            aggregates = {}
            for index, value in enumerate(options):
                option_query = base.with_(**{group: value})
                if group == "concern":
                    condition = Q(service_exists(option_query, named_only=True))
                else:
                    condition = conditions(option_query)[part]
                aggregates[f"o{index}"] = Count("pk", filter=condition)
            if not aggregates:
                continue
            row = queryset.aggregate(**aggregates)
            counts[group] = {value: row[f"o{index}"] for index, value in enumerate(options)}
        return counts

    def any_child_count(self, query):
        """Locations matched only through services that name no concern (accept any child)."""
        if not query.concern:
            return 0
        return filtered(query).filter(~service_exists(query, named_only=True)).count()

    def map_cells(self, query, precision):
        queryset = filtered(query).filter(latitude__isnull=False, longitude__isnull=False)
        lat, lon = Cast(F("latitude"), FloatField()), Cast(F("longitude"), FloatField())
        rows = (
            queryset.annotate(tile_x=sql.tile_x(precision), tile_y=sql.tile_y(precision))
            .values("tile_x", "tile_y")
            .annotate(
                n=Count("pk"),
                lat_sum=Sum(lat),
                lon_sum=Sum(lon),
                min_lat=Min(lat),
                max_lat=Max(lat),
                min_lon=Min(lon),
                max_lon=Max(lon),
            )
            .order_by()
        )
        return [
            Cell(
                precision,
                int(row["tile_x"]),
                int(row["tile_y"]),
                row["n"],
                row["lat_sum"],
                row["lon_sum"],
                row["min_lat"],
                row["min_lon"],
                row["max_lat"],
                row["max_lon"],
            )  # fmt: skip
            for row in rows
        ]

    def map_points(self, query, limit):
        queryset = filtered(query).filter(latitude__isnull=False, longitude__isnull=False).order_by("pk")
        rows = queryset.values_list(
            "pk", "latitude", "longitude", "name", "organisation__short_name", "organisation__name",
            "organisation__slug",
        )[:limit]  # fmt: skip
        return [
            {
                "id": pk,
                "lat": float(lat),
                "lon": float(lon),
                "name": short or full,
                "branch": branch,
                "slug": slug,
            }
            for pk, lat, lon, branch, short, full, slug in rows
        ]
