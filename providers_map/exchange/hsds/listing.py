"""What every /api/hsds/ answer is built with: the request's context (canonical links, vocabulary, mapper, nester),
JSON answers, and lists as the HSDS page object or, with `format=ndjson`, as a stream of every result.

Lists answer the HSDS page object (`total_items`, `total_pages`, `page_number`, `size`, `first_page`,
`last_page`, `empty`, `contents`); `format=ndjson` streams every result, one object per line, unpaginated.
"""

import json
import math

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse

from wagtail.models import ModelLogEntry

from core.api import ApiError
from core.canonical import canonical_base_url
from providers_map.models import Organisation

from .mapping import Mapper
from .nesting import Nester
from .queries import public_organisations
from .vocabulary import Vocabulary

CHUNK = 100
REMOVALS = ("wagtail.unpublish", "wagtail.delete")


class Context:
    """What one request shares: canonical links, the vocabulary, the mapper and the nester."""

    def __init__(self, request):
        self.base = canonical_base_url(request)
        self.api_base = self.base + reverse("hsds:index").rstrip("/")
        self.vocabulary = Vocabulary(api_base=self.api_base)
        self.mapper = Mapper(self.base, vocabulary=self.vocabulary)
        self.nester = Nester(self.vocabulary)

    def bundles(self, organisation_ids):
        organisations = public_organisations().filter(pk__in=set(organisation_ids))
        return {organisation.pk: self.mapper.organisation(organisation) for organisation in organisations}


def json_response(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def registry_last_modified(request=None, **path):
    """When the published registry last changed (Django's `condition` asks it): the latest save of any entry, or
    the latest unpublishing or deletion (Wagtail logs both; neither leaves a newer `updated_at` behind), so a
    harvester asking If-Modified-Since also learns that an entry went away."""
    changed = Organisation.objects.aggregate(latest=Max("updated_at"))["latest"]
    removed = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation), action__in=REMOVALS
    ).aggregate(latest=Max("timestamp"))["latest"]
    return max(filter(None, (changed, removed)), default=None)


def not_found(message, identifier):
    return ApiError(message, [str(identifier)[:100]], 404)


class Rows(list):
    """A list that quacks like the querysets `listing` pages through."""

    def count(self):
        return len(self)

    def iterator(self, chunk_size=None):
        return iter(self)


def page_of(queryset, params):
    """(rows on the requested page, the HSDS page fields)."""
    total = queryset.count()
    start = (params.page - 1) * params.per_page
    rows = list(queryset[start : start + params.per_page]) if start < total else []
    pages = math.ceil(total / params.per_page)
    meta = {
        "total_items": total,
        "total_pages": pages,
        "page_number": params.page,
        "size": len(rows),
        "first_page": params.page == 1,
        "last_page": params.page >= pages,
        "empty": not rows,
    }
    return rows, meta


def listing(params, queryset, render):
    """A page (or with format=ndjson, a stream of everything) of `queryset` rows, rendered in chunks."""
    if params.format == "ndjson":

        def lines():
            chunk = []
            for row in queryset.iterator(chunk_size=CHUNK * 5):
                chunk.append(row)
                if len(chunk) == CHUNK:
                    yield from (json.dumps(item, ensure_ascii=False) + "\n" for item in render(chunk))
                    chunk = []
            yield from (json.dumps(item, ensure_ascii=False) + "\n" for item in render(chunk))

        return StreamingHttpResponse(lines(), content_type="application/x-ndjson; charset=utf-8")
    rows, meta = page_of(queryset, params)
    return json_response({**meta, "contents": render(rows)})
