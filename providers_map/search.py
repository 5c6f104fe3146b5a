"""The "providers" search kind: published registry organisations (full and short names, services, localities,
region, ownership, free of charge, delivery modes, ages, concerns, a point per location)."""

import threading
import time

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import AgeGroup
from providers_map import gazetteer, search_batch
from providers_map.models import Location, Organisation
from search import text
from search.documents import Entry
from search.facets import FacetSpec, choices
from search.query import Place
from search.registry import SearchKind
from search.service import ranked_hits

OPEN_RANK = {"active": 0, "temporarily_closed": 1, "closed": 2}
_batch = threading.local()  # rows of the batch being indexed in this thread (search_batch.load)
LOCALITIES_TTL = 300  # seconds a process keeps the registry's list of localities
_localities = {"at": 0.0, "names": {}}


def _organisation_choices(name):
    return getattr(Organisation, name).choices


def _delivery_modes():
    return Location.DELIVERY_MODES


def registry_localities():
    """{lemmas of a locality: (name, region code, or None when localities of that name are in several regions)}
    of the published registry, refreshed every few minutes."""
    if time.monotonic() - _localities["at"] > LOCALITIES_TTL:
        rows = Location.objects.public().values_list("locality", "region__code").distinct().order_by("locality")
        names = {}
        for locality, code in rows:
            key = tuple(text.terms(gazetteer.normalise(locality)))
            if key:
                name, known = names.setdefault(key, (locality, code))
                if known != code:
                    names[key] = (name, None)
        _localities.update(at=time.monotonic(), names=names)
    return _localities["names"]


def _gazetteer_place(name, region_code=None):
    hits = gazetteer.lookup(name, region_code=region_code, limit=3)
    exact = [hit for hit in hits if text.fold(hit["name"]) == text.fold(name)]
    return exact[0] if exact else None


class ProviderKind(SearchKind):
    name = "providers"
    label = pgettext_lazy("search tab: the provider registry", "Services")
    order = 30
    bulk_chunk = 1000
    located = True
    working_first = True
    facets = (
        FacetSpec("region", _("Region")),
        FacetSpec("service", _("Service")),
        FacetSpec("concern", _("Developmental concern")),
        FacetSpec("age", _("Child's age")),
        FacetSpec("ownership", _("Type of organisation"), choices(lambda: _organisation_choices("Ownership"))),
        FacetSpec("cost", _("Cost"), choices(lambda: _organisation_choices("Cost"))),
        FacetSpec("delivery", _("How services are delivered"), choices(lambda: _delivery_modes())),
    )

    @property
    def models(self):
        return (Organisation,)

    def objects(self):
        self._age_groups = list(AgeGroup.objects.values_list("slug", "min_months", "max_months"))
        return Organisation.objects.public().order_by("pk")

    def iterate(self):
        """A rebuild reads plain rows (search_batch.FlatOrganisation), not model instances."""
        rows = self.objects().values(*search_batch.ORGANISATION_FIELDS).iterator(chunk_size=self.bulk_chunk)
        return map(search_batch.FlatOrganisation, rows)

    def prepare_batch(self, organisations):
        """Load the rows of a batch at once (search_batch.load); `entry` uses them."""
        _batch.rows = search_batch.load([org.pk for org in organisations])

    def versions(self):
        rows = Organisation.objects.public().values_list("pk", "updated_at")
        return {str(pk): updated.isoformat() for pk, updated in rows}

    def hydrate(self, keys):
        ids = [int(k) for k in keys if str(k).isdigit()]
        queryset = Organisation.objects.public().filter(pk__in=ids).prefetch_related("locations")
        return {str(org.pk): org for org in queryset}

    def _url(self, slug):
        template = getattr(self, "_url_template", None)
        if template is None:
            template = self._url_template = reverse("providers:detail", args=["SLUG"])
        return template.replace("SLUG", slug)

    def rows(self, org):
        """The organisation's rows: from the batch being indexed, else loaded now."""
        rows = getattr(_batch, "rows", {}).get(org.pk)
        return rows if rows is not None else search_batch.load([org.pk])[org.pk]

    def entry(self, org, rows=None):
        rows = rows if rows is not None else self.rows(org)
        labels = getattr(self, "_labels", None) or search_batch.Labels()
        self._labels = labels
        if getattr(self, "_age_groups", None) is None:
            self._age_groups = list(AgeGroup.objects.values_list("slug", "min_months", "max_months"))
        return self._entry(org, rows, labels)

    def _entry(self, org, rows, labels):
        locations, services = rows.locations, rows.services
        concerns = search_batch.concern_names(services)
        languages = sorted({name for s in services for name in s["languages"]})
        delivery = sorted({code for loc in locations for code in (loc["delivery_modes"] or [])})
        places = []  # each locality and region once: three branches in a town are not three times there
        for loc in locations:
            places += [loc["locality"], loc["region__name"] or "", loc["address"], loc["name"]]
        places = list(dict.fromkeys(places))
        tags = [s["service_type__name"] for s in services] + list(concerns.values()) + languages
        tags += [labels.ownership.get(org.ownership, ""), labels.sector.get(org.sector, "")]
        tags += [labels.cost.get(org.cost, "")] + [
            labels.delivery[code] for code in delivery if code in labels.delivery
        ]
        body = [org.description, org.how_to_get_help, org.cost_note] + [s["description"] for s in services]
        return Entry(
            key=str(org.pk),
            title=org.display_name,
            url=self._url(org.slug),
            texts={
                "title": org.display_name,
                "name": f"{org.name}\n{org.short_name}",
                "tag": "\n".join(tag for tag in tags if tag),
                "place": "\n".join(p for p in places if p),
                "body": "\n".join(part for part in body if part),
            },
            snippet_text="\n".join(part for part in [org.description, org.how_to_get_help] if part),
            facets={
                "region": sorted({loc["region__code"] for loc in locations if loc["region__code"]}),
                "service": sorted({s["service_type__slug"] for s in services}),
                "concern": sorted(concerns),
                "age": search_batch.age_slugs(self._age_groups, services),
                "ownership": [org.ownership],
                "cost": [org.cost],
                "delivery": delivery,
            },
            points=[
                (loc["latitude"], loc["longitude"])
                for loc in locations
                if loc["latitude"] is not None and loc["longitude"] is not None
            ],
            open_rank=OPEN_RANK.get(org.status, 0),
            published=org.last_published_at,
            version=org.updated_at.isoformat(),
        )

    def find_places(self, words, after_preposition=frozenset()):
        """{word index: Place} for query words naming a locality («в Бердске», «Новосибирск»).

        A word counts when it names a locality of the registry, or pymorphy3 knows it as a place name and the
        gazetteer has it; two-word names («Нижний Новгород») are tried first. A locality named by a common word
        («Морское», «Заря») counts only after a place preposition («в Морском») or alone: in «центр Морской
        залив» it is a word of a name.
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
                common = (
                    size == 1 and len(words) > 1 and i not in after_preposition and text.is_common_word(chunk[0][0])
                )
                if lemmas in known and not common:
                    # A name several regions have («Линёво») says no one point: no distance ranking from it.
                    name, code = known[lemmas]
                    hit = _gazetteer_place(name, code) if code else None
                    place = Place(name, hit["lat"], hit["lon"], lemmas) if hit else Place(name, 0.0, 0.0, lemmas)
                elif size == 1 and len(chunk[0][0]) > 3 and text.is_place_name(chunk[0][0]):
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

    def no_results_tip(self):
        finder = reverse("providers:list")
        return format_html(
            _("Looking for help nearby? {link} by region and service."),
            link=format_html(
                '<a href="{}">{}</a>', finder, pgettext_lazy("a search without results", "Find an early-care service")
            ),
        )

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


def match_organisations(q, near=None, limit=1000, force_database=False):
    """Ranked published organisations for a text query — the finder's text box uses this.

    The same Russian analysis as /search/ (word forms, ё/е, case, synonyms, typos, numbers) over names,
    services, concerns, localities and descriptions; a place named in the query («логопед Бердск») or `near`
    (lat, lon) puts providers there or nearest first; closed ones come after working ones. Elasticsearch, or
    the database fallback when it is not configured or down.

    Returns [(organisation id, distance in km or None)] best first, or None when `q` has no searchable words
    (only stop words or punctuation: apply no text condition).
    """
    parsed, hits = ranked_hits(q, "providers", limit=limit, near=near, force_database=force_database)
    if not parsed:
        return None
    return [(int(hit.key), hit.distance_km) for hit in hits if hit.key.isdigit()]
