"""The provider finder /providers/: «Где вы?», filters with counts, results nearest first, and the map.

Server-rendered and complete without JavaScript (same filters, distance sort, pagination); the scripts add the
map, place suggestions, geolocation and updates without reloading, all through the same URL parameters.
`?fragment=results` answers only the page's body for those updates: one set of templates.
"""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from providers_map import mylist
from providers_map.finder.backends import run
from providers_map.finder.form import chips, form_fields
from providers_map.finder.listing import find
from providers_map.finder.params import PAGE_PARAMS, read_params
from providers_map.mapconfig import bounds_of, finder_map_config, my_list_strings, place_strings


def _data(request):
    return {key: request.GET.get(key, "") for key in request.GET if key in PAGE_PARAMS}


def _matching_bounds(backend, query):
    cells = backend.map_cells(query, 0)
    if not cells:
        return None
    cell = cells[0]
    return [cell.min_lon, cell.min_lat, cell.max_lon, cell.max_lat]


def initial_view(params, result):
    """Where the map opens: the box in the URL, the place and the nearest results, or all the results."""
    query = params.query
    if query.bbox is not None:
        return {"bounds": list(query.bbox.as_tuple()), "fromUrl": True}
    place = params.place
    located = [
        (float(c.location.latitude), float(c.location.longitude)) for c in result.cards if c.location.has_coordinates
    ]
    if place is not None and place.measures_distance:
        points = [(place.point.lat, place.point.lon)] + located[:5]
        return {"bounds": bounds_of(points), "place": {"lat": place.point.lat, "lon": place.point.lon}}
    if result.total:
        bounds, _backend = run(_matching_bounds, query)
        if bounds:
            return {"bounds": bounds}
    return {"bounds": [19.6, 41.2, 180.0, 81.9]}  # Russia


def split_groups(cards, concern):
    """With a concern: (services that name it, services for any child); otherwise (all, [])."""
    if not concern:
        return cards, []
    return [card for card in cards if card.named], [card for card in cards if not card.named]


@require_safe
@vary_on_headers("Cookie")
def organisation_list(request):
    params = read_params(request.GET, api=False, allowed=PAGE_PARAMS)
    saved = mylist.saved_ids(request)
    result = find(params, saved_ids=saved)
    data = _data(request)
    named_cards, any_child_cards = split_groups(result.cards, params.query.concern)
    context = {
        "params": params,
        "query": params.query,
        "place": params.place,
        "data": data,
        "result": result,
        "page_obj": result.page,
        "named_cards": named_cards,
        "any_child_cards": any_child_cards,
        "any_child_total": (result.total - result.named_total) if result.named_total is not None else 0,
        "any_child_start": result.page.start_index() + len(named_cards),
        "fields": form_fields(params, result.facets, data),
        "chips": chips(params, data),
        "active_filters": len(params.query.active_filters())
        - (1 if params.place and params.place.kind == "region" else 0),
        "invalid_filters": params.invalid_labels,
        "place_errors": [e["message"] for e in params.errors if e["parameter"] == "where"],
        "alternatives": params.alternatives,
        "map_config": finder_map_config(initial_view(params, result)),
        "places_api": reverse("api-v1:providers_places"),
        "place_strings": place_strings(),
        "my_list_strings": my_list_strings(),
        "saved_count": len(saved),
        "page_title": None,
    }
    template = (
        "providers_map/finder/body.html"
        if request.GET.get("fragment") == "results"
        else "providers_map/finder/page.html"
    )
    return render(request, template, context)
