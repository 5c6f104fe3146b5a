"""The finder's location index as a kind of search's registry (search/registry.py).

Search rebuilds it (`search_index --rebuild`), keeps it current when an organisation is saved, published,
unpublished or deleted (with pending updates when Elasticsearch is down), and repairs drift (`--sync`).
It is not a tab of /search/ (cross_search) and has its own database fallback (providers_map/finder/db.py).
"""

from types import SimpleNamespace

from django.utils.translation import gettext_lazy as _

from providers_map import search_batch
from providers_map.models import Location, Organisation
from providers_map.search import ProviderKind
from search import client as es
from search import indexing
from search.registry import SearchKind

from .documents import KIND, LocationDocument, location_source, organisation_part


class LocationKind(SearchKind):
    name = KIND
    label = _("Provider finder")
    cross_search = False
    fallback = False
    bulk_chunk = 2000

    def __init__(self):
        # what an organisation's branches share, built once: {(organisation id, updated_at): part}
        self._providers, self._shared = ProviderKind(), {}

    @property
    def models(self):
        return (Organisation,)

    def objects(self):
        # services, concerns and languages come in flat rows per batch (prepare_batch → search_batch.load)
        return (
            Location.objects.public()
            .exclude(organisation__status=Organisation.Status.CLOSED)
            .select_related("organisation", "region")
            .order_by("pk")
        )

    def iterate(self):
        """A rebuild reads plain rows (FlatLocation), not three model instances per location."""
        fields = (*FlatLocation.FIELDS, *(f"organisation__{name}" for name in search_batch.ORGANISATION_FIELDS))
        organisations, regions = {}, {}
        for values in self.objects().values(*fields).iterator(chunk_size=self.bulk_chunk):
            organisation = organisations.get(values["organisation_id"])
            if organisation is None:
                if len(organisations) > 5000:
                    organisations.clear()
                organisation = organisations[values["organisation_id"]] = search_batch.FlatOrganisation(
                    values, prefix="organisation__"
                )
            code = values["region__code"]
            region = regions.get(code) or regions.setdefault(code, SimpleNamespace(code=code))
            yield FlatLocation(values, organisation, region)

    def keys_for(self, instance):
        """The organisation's locations now, and those the index still holds (a removed branch must go)."""
        return sorted(self.keys_for_many([instance]))

    def keys_for_many(self, instances):
        """`keys_for` of many organisations, with one query per chunk of them instead of one each."""
        ids = [instance.pk for instance in instances if self.handles(instance)]
        if not ids:
            return set()
        keys = set()
        for start in range(0, len(ids), LOOKUP_CHUNK):
            branches = Location.objects.filter(organisation_id__in=ids[start : start + LOOKUP_CHUNK])
            keys.update(str(pk) for pk in branches.values_list("pk", flat=True))
        return keys | set(indexing.indexed_keys(self, ids))

    def indexed_keys(self, ids):
        try:
            return es.guarded(lambda client: indexed_keys(client, ids), timeout=es.query_timeout())
        except es.SearchUnavailable:
            return []  # `search_index --sync` removes what is left over

    def document(self):
        return LocationDocument

    def prepare_batch(self, locations):
        """The rows of the batch's organisations in a few flat queries (as the providers kind loads them)."""
        organisations = {location.organisation_id: location.organisation for location in locations}
        missing = [org for org in organisations.values() if (org.pk, org.updated_at) not in self._shared]
        if missing:
            self._providers.prepare_batch(missing)

    def source(self, location):
        """The location's document; what comes from its organisation is made once for all its branches."""
        organisation = location.organisation
        marker = (organisation.pk, organisation.updated_at)
        if marker not in self._shared:
            if len(self._shared) > 5000:
                self._shared.clear()
            rows = self._providers.rows(organisation)
            entry = self._providers.entry(organisation, rows)
            self._shared[marker] = organisation_part(organisation, entry, rows.services)
        return location_source(location, self._shared[marker])

    def versions(self):
        rows = self.objects().values_list("pk", "organisation__updated_at")
        return {str(pk): updated.isoformat() for pk, updated in rows}


class FlatLocation:
    """A location's indexed fields from a values() row (what location_source reads), with its organisation
    (search_batch.FlatOrganisation) and region (`.code`)."""

    FIELDS = (
        "pk", "organisation_id", "name", "delivery_modes", "accessibility", "opening_hours", "latitude", "longitude",
        "region__code",
    )  # fmt: skip
    __slots__ = (*FIELDS[:-1], "organisation", "region")
    has_coordinates = Location.has_coordinates

    def __init__(self, values, organisation, region):
        for name in self.FIELDS[:-1]:
            setattr(self, name, values[name])
        self.organisation, self.region = organisation, region


LOOKUP_CHUNK = 500  # organisations per query; their branches stay far below the 10 000 hits one query returns


def indexed_keys(client, organisation_ids):
    """Document ids the index holds for these organisations."""
    alias = es.index_name(KIND)
    if not client.indices.exists_alias(name=alias):
        return []
    ids, keys = list(organisation_ids), []
    for start in range(0, len(ids), LOOKUP_CHUNK):
        query = {"terms": {"organisation_id": ids[start : start + LOOKUP_CHUNK]}}
        response = client.search(index=alias, query=query, size=10_000, source=False)
        keys.extend(hit["_id"] for hit in response["hits"]["hits"])
    return keys
