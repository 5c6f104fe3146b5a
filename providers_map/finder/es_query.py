"""The finder on Elasticsearch: the same questions as db.py, answered from the location index.

Filters are `filter` clauses (no scoring); with a concern filter, services that name it add a constant score,
so they sort first and the rest (services that accept any child) follow. Distances are `_geo_distance` sort
values (arc, km); map clusters are a `geotile_grid` aggregation with centroids and bounds.
"""

from providers_map.opening import utc_week_minute
from search.client import get_client, index_name

from . import text as finder_text
from .documents import KIND
from .geotiles import Cell
from .query import SERVICE_LEVEL
from .results import Hit, ResultPage


def _service_clauses(query, named_only=False):
    clauses = []
    if query.service:
        clauses.append({"term": {"services.type": query.service}})
    if query.age is not None:
        clauses.append({"range": {"services.age_min": {"lte": query.age.high}}})
        clauses.append({"range": {"services.age_max": {"gte": query.age.low}}})
    if query.language == "russian":
        clauses.append({"term": {"services.russian": True}})
    elif query.language:
        clauses.append({"term": {"services.languages": query.language}})
    if query.concern and named_only:
        clauses.append({"term": {"services.concerns": query.concern}})
    elif query.concern:
        clauses.append(
            {
                "bool": {
                    "should": [
                        {"term": {"services.concerns": query.concern}},
                        {"term": {"services.any_concern": True}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
    return clauses


def service_query(query, named_only=False):
    return {"nested": {"path": "services", "query": {"bool": {"filter": _service_clauses(query, named_only)}}}}


def _bbox(bbox):
    return {
        "geo_bounding_box": {
            "point": {
                "top_left": {"lat": bbox.max_lat, "lon": bbox.min_lon},
                "bottom_right": {"lat": bbox.min_lat, "lon": bbox.max_lon},
            }
        }
    }


def conditions(query):
    """{name: clause} for every filter in use (names as in db.conditions)."""
    parts = {}
    for name in ("ownership", "region"):
        if getattr(query, name):
            parts[name] = {"term": {name: getattr(query, name)}}
    for name in ("free", "home", "remote", "step_free"):
        if getattr(query, name):
            parts[name] = {"term": {name: True}}
    if query.open_now:
        parts["open_now"] = {"term": {"open_utc": utc_week_minute(query.now)}}
    if query.service_filtered:
        parts["services"] = service_query(query)
    if query.text:
        parts["text"] = finder_text.es_clause(query.text)
    if query.bbox is not None:
        parts["bbox"] = _bbox(query.bbox)
    if query.origin is not None and query.radius_km:
        parts["radius"] = {
            "geo_distance": {
                "distance": f"{query.radius_km}km",
                "point": {"lat": query.origin.lat, "lon": query.origin.lon},
                "distance_type": "arc",
            }
        }
    return parts


def _bool(parts, skip=()):
    return {"bool": {"filter": [clause for name, clause in parts.items() if name not in skip]}}


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client=None):
        self.client = client or get_client()

    def _search(self, **body):
        return self.client.search(index=index_name(KIND), **body)

    def search(self, query, offset, limit):
        filtered = _bool(conditions(query))
        sort, aggs = [], {}
        if query.concern:
            named = {"constant_score": {"filter": service_query(query, named_only=True), "boost": 1.0}}
            filtered["bool"]["should"] = [named]
            sort.append({"_score": "desc"})
            aggs["named"] = {"filter": service_query(query, named_only=True)}
        if query.origin is not None:
            sort.append(
                {
                    "_geo_distance": {
                        "point": {"lat": query.origin.lat, "lon": query.origin.lon},
                        "order": "asc",
                        "unit": "km",
                        "distance_type": "arc",
                    }
                }
            )
        else:
            sort.append({"sort_name": "asc"})
        sort.append({"location_id": "asc"})
        response = self._search(
            query=filtered, sort=sort, from_=offset, size=limit, track_total_hits=True, aggs=aggs or None,
            source=False, track_scores=bool(query.concern),
        )  # fmt: skip
        hits = []
        for hit in response["hits"]["hits"]:
            distance = None
            if query.origin is not None:
                value = hit["sort"][1 if query.concern else 0]
                distance = None if value in (None, "Infinity") or value == float("inf") else float(value)
            hits.append(
                Hit(
                    location_id=int(hit["_id"]),
                    distance_km=distance,
                    named=None if not query.concern else (hit.get("_score") or 0) > 0,
                )
            )
        named_total = response["aggregations"]["named"]["doc_count"] if query.concern else None
        return ResultPage(total=response["hits"]["total"]["value"], hits=hits, named_total=named_total)

    def facet_counts(self, query, groups):
        aggs = {}
        for group, options in groups.items():
            part = "services" if group in SERVICE_LEVEL else group
            base = query.without(group)
            filters = {}
            for index, value in enumerate(options):
                option_query = base.with_(**{group: value})
                if group == "concern":
                    filters[str(index)] = service_query(option_query, named_only=True)
                else:
                    filters[str(index)] = conditions(option_query)[part]
            if filters:
                aggs[group] = {
                    "filter": _bool(conditions(base), skip={part} if part == "services" else ()),
                    "aggs": {"options": {"filters": {"filters": filters}}},
                }
        if not aggs:
            return {}
        response = self._search(size=0, query={"match_all": {}}, aggs=aggs, track_total_hits=False)
        counts = {}
        for group, options in groups.items():
            if group not in aggs:
                continue
            buckets = response["aggregations"][group]["options"]["buckets"]
            counts[group] = {value: buckets[str(index)]["doc_count"] for index, value in enumerate(options)}
        return counts

    def any_child_count(self, query):
        if not query.concern:
            return 0
        filtered = _bool(conditions(query))
        filtered["bool"]["must_not"] = [service_query(query, named_only=True)]
        return self.client.count(index=index_name(KIND), query=filtered)["count"]

    def map_cells(self, query, precision):
        response = self._search(
            size=0,
            query=_bool(conditions(query)),
            track_total_hits=False,
            aggs={
                "tiles": {
                    "geotile_grid": {"field": "point", "precision": precision, "size": 65535},
                    "aggs": {
                        "centroid": {"geo_centroid": {"field": "point"}},
                        "bounds": {"geo_bounds": {"field": "point"}},
                    },
                }
            },
        )
        cells = []
        for bucket in response["aggregations"]["tiles"]["buckets"]:
            zoom, x, y = (int(part) for part in bucket["key"].split("/"))
            count = bucket["doc_count"]
            centre = bucket["centroid"]["location"]
            bounds = bucket["bounds"]["bounds"]
            cells.append(
                Cell(
                    zoom,
                    x,
                    y,
                    count,
                    centre["lat"] * count,
                    centre["lon"] * count,
                    bounds["bottom_right"]["lat"],
                    bounds["top_left"]["lon"],
                    bounds["top_left"]["lat"],
                    bounds["bottom_right"]["lon"],
                )  # fmt: skip
            )
        return cells

    def map_points(self, query, limit):
        filtered = _bool(conditions(query))
        filtered["bool"]["filter"].append({"exists": {"field": "point"}})
        response = self._search(
            query=filtered, size=limit, sort=[{"location_id": "asc"}], track_total_hits=False,
            source=["location_id", "name", "branch", "slug", "point"],
        )  # fmt: skip
        return [
            {
                "id": hit["_source"]["location_id"],
                "lat": hit["_source"]["point"]["lat"],
                "lon": hit["_source"]["point"]["lon"],
                "name": hit["_source"]["name"],
                "branch": hit["_source"]["branch"],
                "slug": hit["_source"]["slug"],
            }
            for hit in response["hits"]["hits"]
        ]
