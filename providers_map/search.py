"""The "providers" search kind: published registry organisations (full and short names, services, localities,
region, ownership, free of charge, delivery modes, ages, concerns, a point per location)."""

import time

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from search import text
from search.documents import Entry
from search.facets import FacetSpec
from search.query import Place
from search.registry import SearchKind

OPEN_RANK = {"active": 0, "temporarily_closed": 1, "closed": 2}
LOCALITIES_TTL = 300  # seconds a process keeps the registry's list of localities
_localities = {"at": 0.0, "names": {}}


def registry_localities():
    """{lemmas of a locality: (name, region code)} of the published registry, refreshed every few minutes."""
    from providers_map.models import Location

    if time.monotonic() - _localities["at"] > LOCALITIES_TTL:
        rows = (
            Location.objects.filter(organisation__live=True)
            .values_list("locality", "region__code")
            .distinct()
            .order_by()
        )
        names = {}
        for locality, code in rows:
            from providers_map.gazetteer import normalise

            key = tuple(text.terms(normalise(locality)))
            if key:
                names.setdefault(key, (locality, code))
        _localities.update(at=time.monotonic(), names=names)
    return _localities["names"]


def _geographic(word):
    from search.text import _morph

    return any("Geox" in parse.tag for parse in _morph().parse(word))


def _gazetteer_place(name, region_code=None):
    from providers_map import gazetteer

    hits = gazetteer.lookup(name, region_code=region_code, limit=3)
    exact = [hit for hit in hits if text.fold(hit["name"]) == text.fold(name)]
    return exact[0] if exact else None


class ProviderKind(SearchKind):
    name = "providers"
    label = _("Services")
    order = 30
    bulk_chunk = 1000
    facets = (
        FacetSpec("region", _("Region")),
        FacetSpec("service", _("Service")),
        FacetSpec("concern", _("Developmental concern")),
        FacetSpec("age", _("Child's age")),
        FacetSpec("ownership", _("Type of organisation")),
        FacetSpec("cost", _("Cost")),
        FacetSpec("delivery", _("How services are delivered")),
    )

    @property
    def models(self):
        from providers_map.models import Organisation

        return (Organisation,)

    def objects(self):
        from portal.models import AgeGroup
        from providers_map.models import Location, Organisation, Service

        self._age_groups = list(AgeGroup.objects.values_list("slug", "min_months", "max_months"))
        return (
            Organisation.objects.public()
            .order_by("pk")
            .prefetch_related(
                Prefetch("locations", queryset=Location.objects.select_related("region").order_by("sort_order", "pk")),
                Prefetch(
                    "services",
                    queryset=Service.objects.select_related("service_type")
                    .prefetch_related("concerns", "languages")
                    .order_by("sort_order", "pk"),
                ),
            )
        )

    def versions(self):
        from providers_map.models import Organisation

        rows = Organisation.objects.public().values_list("pk", "updated_at")
        return {str(pk): updated.isoformat() for pk, updated in rows}

    def hydrate(self, keys):
        from providers_map.models import Organisation

        ids = [int(k) for k in keys if str(k).isdigit()]
        queryset = Organisation.objects.public().filter(pk__in=ids).prefetch_related("locations")
        return {str(org.pk): org for org in queryset}

    def entry(self, org):
        with translation.override("ru"):
            return self._entry(org)

    def _ages(self, services):
        groups = getattr(self, "_age_groups", None)
        if groups is None:
            from portal.models import AgeGroup

            groups = self._age_groups = list(AgeGroup.objects.values_list("slug", "min_months", "max_months"))
        return [
            slug
            for slug, low, high in groups
            if any(s.age_min_months < high and s.age_max_months >= low for s in services)
        ]

    def _entry(self, org):
        locations, services = list(org.locations.all()), list(org.services.all())
        concerns = {c.slug: c.name for s in services for c in s.concerns.all()}
        languages = {lang.name for s in services for lang in s.languages.all()}
        delivery = sorted({code for loc in locations for code in (loc.delivery_modes or [])})
        delivery_labels = sorted({str(label) for loc in locations for label in loc.delivery_mode_labels()})
        places = []
        for loc in locations:
            places += [loc.locality, loc.region.name if loc.region_id else "", loc.address, loc.name]
        tags = [str(s.service_type) for s in services] + list(concerns.values()) + sorted(languages)
        tags += [str(org.get_ownership_display()), str(org.get_sector_display()), str(org.get_cost_display())]
        tags += delivery_labels
        body = [org.description, org.how_to_get_help, org.cost_note] + [s.description for s in services]
        return Entry(
            key=str(org.pk),
            title=org.display_name,
            url=org.get_absolute_url(),
            texts={
                "title": org.display_name,
                "name": f"{org.name}\n{org.short_name}",
                "tag": "\n".join(tags),
                "place": "\n".join(p for p in places if p),
                "body": "\n".join(part for part in body if part),
            },
            snippet_text="\n".join(part for part in [org.description, org.how_to_get_help] if part),
            facets={
                "region": sorted({loc.region.code for loc in locations if loc.region_id}),
                "service": sorted({s.service_type.slug for s in services}),
                "concern": sorted(concerns),
                "age": self._ages(services),
                "ownership": [org.ownership],
                "cost": [org.cost],
                "delivery": delivery,
            },
            points=[(loc.latitude, loc.longitude) for loc in locations if loc.has_coordinates],
            open_rank=OPEN_RANK.get(org.status, 0),
            published=org.last_published_at,
            version=org.updated_at.isoformat(),
        )

    def find_places(self, words):
        """{word index: Place} for query words naming a locality («в Бердске», «Новосибирск»).

        A word counts when it names a locality of the registry, or pymorphy3 knows it as a place name and the
        gazetteer has it; two-word names («Нижний Новгород») are tried first.
        """
        known = registry_localities()
        found, i = {}, 0
        while i < len(words):
            for size in (2, 1):
                chunk = words[i : i + size]
                if len(chunk) < size:
                    continue
                lemmas = tuple(lemma for _folded, lemma, _forms in chunk)
                place = None
                if lemmas in known:
                    name, code = known[lemmas]
                    hit = _gazetteer_place(name, code)
                    place = Place(name, hit["lat"], hit["lon"], lemmas) if hit else Place(name, 0.0, 0.0, lemmas)
                elif size == 1 and len(chunk[0][0]) > 3 and _geographic(chunk[0][0]):
                    hit = _gazetteer_place(chunk[0][1].capitalize())
                    if hit:
                        place = Place(hit["name"], hit["lat"], hit["lon"], tuple(text.terms(hit["name"])))
                if place:
                    for j in range(size):
                        found[i + j] = place
                    i += size
                    break
            else:
                i += 1
        return found

    def present(self, org):
        localities = list(dict.fromkeys(loc.locality for loc in org.locations.all()))
        meta = [", ".join(localities)] if localities else []
        return {
            "title": org.display_name,
            "url": org.get_absolute_url(),
            "meta": meta,
            "status": org.status,
            "status_label": str(org.get_status_display()) if org.status != "active" else "",
        }
