"""Faceted browsing of the methods library on the database.

Semantics: values of one facet combine with OR, facets combine with AND. The count shown next to a value is
the number of materials the visitor would see with that value added to the current selection — the set
filtered by the text query and every *other* facet (disjunctive faceting, as search UIs do), so a count never
reads 0 just because a sibling value is selected. One aggregate query per facet keeps the number of queries
independent of the number of materials.

The text query `q` goes through the portal's search layer (materials/text_query.py): the same Russian analysis
as /search/, on Elasticsearch or its database fallback; facets stay database queries.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.facets import Facet, Option
from core.models import AgeGroup, DevelopmentalConcern, Region, Topic
from materials.choices import AUDIENCES, EvidenceStatus, MaterialType
from materials.text_query import attach_transcript_hits, relevance, text_matches

PER_PAGE = 12
MAX_QUERY_LENGTH = 200
SORTS = {"newest": _("newest first"), "title": _("by title"), "relevance": _("by relevance")}


@dataclass
class ActiveFilter:
    facet_label: str
    label: str
    remove_url: str


class FacetDefinition:
    key = ""
    label = ""

    def clean(self, raw_values):
        """(valid values, invalid raw values) from the GET parameter's values."""
        raise NotImplementedError

    def q(self, values):
        raise NotImplementedError

    def counts(self, queryset):
        """{value: (label, count)} over the given queryset."""
        raise NotImplementedError

    def labels(self, values):
        """{value: label} of the known values among the (syntactically valid) selected ones."""
        raise NotImplementedError


class ChoiceFacet(FacetDefinition):
    def __init__(self, key, label, field_name, choices):
        self.key, self.label, self.field_name, self.choices = key, label, field_name, dict(choices)

    def clean(self, raw_values):
        return [v for v in raw_values if v in self.choices], [v for v in raw_values if v not in self.choices]

    def q(self, values):
        return Q(**{f"{self.field_name}__in": values})

    def labels(self, values):
        return {v: self.choices[v] for v in values}

    def counts(self, queryset):
        rows = queryset.order_by().values(self.field_name).annotate(n=Count("pk"))
        found = {row[self.field_name]: row["n"] for row in rows}
        return {value: (label, found.get(value, 0)) for value, label in self.choices.items()}


class AudienceFacet(FacetDefinition):
    key = "audience"
    label = _("Audience")

    def __init__(self):
        self.audiences = AUDIENCES

    def clean(self, raw_values):
        known = {value for value, _field, _label in self.audiences}
        return [v for v in raw_values if v in known], [v for v in raw_values if v not in known]

    def q(self, values):
        query = Q()
        for value, field_name, _label in self.audiences:
            if value in values:
                query |= Q(**{field_name: True})
        return query

    def labels(self, values):
        return {value: label for value, _field, label in self.audiences if value in values}

    def counts(self, queryset):
        totals = queryset.order_by().aggregate(
            **{value: Count("pk", filter=Q(**{field_name: True})) for value, field_name, _label in self.audiences}
        )
        return {value: (label, totals[value] or 0) for value, _field, label in self.audiences}


class TermFacet(FacetDefinition):
    """A many-to-many taxonomy (topics, ages, concerns) filtered by term slug."""

    def __init__(self, key, label, through, model):
        self.key, self.label, self.model = key, label, model
        self.through = through
        self.term = model._meta.model_name

    def clean(self, raw_values):
        values = [v for v in raw_values if re.fullmatch(r"[-a-z0-9_]{1,100}", v)]
        return values, [v for v in raw_values if v not in values]

    def q(self, values):
        pages = self.through.objects.filter(**{f"{self.term}__slug__in": values}).values("materialpage_id")
        return Q(pk__in=pages)

    def counts(self, queryset):
        rows = (
            self.through.objects.filter(materialpage_id__in=queryset.order_by().values("pk"))
            .values(f"{self.term}__slug", f"{self.term}__name", f"{self.term}__sort_order")
            .annotate(n=Count("materialpage_id", distinct=True))
            .order_by(f"{self.term}__sort_order", f"{self.term}__name")
        )
        return {row[f"{self.term}__slug"]: (row[f"{self.term}__name"], row["n"]) for row in rows}

    def labels(self, values):
        return dict(self.model.objects.filter(slug__in=values).values_list("slug", "name"))


class RegionFacet(FacetDefinition):
    key = "region"
    label = _("Region of the practice")

    def clean(self, raw_values):
        values = [v for v in raw_values if re.fullmatch(r"\d{2}", v)]
        return values, [v for v in raw_values if v not in values]

    def q(self, values):
        return Q(region__code__in=values)

    def counts(self, queryset):
        rows = (
            queryset.order_by()
            .filter(region__isnull=False)
            .values("region__code", "region__name")
            .annotate(n=Count("pk"))
            .order_by("region__name")
        )
        return {row["region__code"]: (row["region__name"], row["n"]) for row in rows}

    def labels(self, values):
        return dict(Region.objects.filter(code__in=values).values_list("code", "name"))


class YearFacet(FacetDefinition):
    key = "year"
    label = _("Year")

    def clean(self, raw_values):
        values = [v for v in raw_values if re.fullmatch(r"\d{4}", v)]
        return values, [v for v in raw_values if v not in values]

    def q(self, values):
        return Q(year__in=[int(v) for v in values])

    def counts(self, queryset):
        rows = queryset.order_by().values("year").annotate(n=Count("pk")).order_by("-year")
        return {str(row["year"]): (str(row["year"]), row["n"]) for row in rows}

    def labels(self, values):
        return {v: v for v in values}


def definitions(model):
    """The library's facets over pages of `model` (its taxonomy relations give the term facets' tables)."""
    return [
        ChoiceFacet("type", _("Material type"), "material_type", MaterialType.choices),
        AudienceFacet(),
        TermFacet("topic", _("Topic"), model.topics.through, Topic),
        TermFacet("age", _("Child's age"), model.age_groups.through, AgeGroup),
        TermFacet("concern", _("Developmental concern"), model.concerns.through, DevelopmentalConcern),
        RegionFacet(),
        YearFacet(),
        ChoiceFacet("evidence", _("Evidence status"), "evidence_status", EvidenceStatus.choices),
    ]


@dataclass
class LibraryView:
    page_obj: object
    paginator: object
    facets: list
    active: list
    q: str
    sort: str
    sorts: list
    total: int
    ignored: list
    base_params: list

    def url(self, **changes):
        """The current URL state with some parameters replaced (e.g. page=3)."""
        params = [(k, v) for k, v in self.base_params if k not in changes]
        params += [(k, v) for k, v in changes.items() if v not in (None, "")]
        return "?" + urlencode(params) if params else "?"

    def page_url(self, number):
        """For {% pagination %}: the first page has no `page` parameter, so it has one address."""
        return self.url(page=number if number > 1 else None)


def _raw_params(params):
    return [(key, value.strip()) for key in params for value in params.getlist(key) if value.strip()]


@dataclass
class Selection:
    """The valid, known facet values a visitor chose, their labels, and what was ignored as (label, value)."""

    values: dict
    labels: dict
    ignored: list


def select(facet_defs, raw):
    selection = Selection({}, {}, [])
    for definition in facet_defs:
        values = list(dict.fromkeys(v for k, v in raw if k == definition.key))
        valid, invalid = definition.clean(values)
        known = definition.labels(valid) if valid else {}
        selection.values[definition.key] = [v for v in valid if v in known]
        selection.labels[definition.key] = known
        selection.ignored += [(definition.label, v) for v in invalid + [v for v in valid if v not in known]]
    return selection


def choose_sort(requested, has_terms, ignored):
    """The sort order to use; an unknown one is reported in `ignored`, relevance needs a text query."""
    sort = requested or ("relevance" if has_terms else "newest")
    if sort not in SORTS:
        ignored.append((_("Sort"), sort[:40]))
    if sort not in SORTS or (sort == "relevance" and not has_terms):
        sort = "newest"
    return sort


def filtered(pages, facet_defs, values, skip=None):
    """`pages` narrowed by every chosen facet except `skip`."""
    for definition in facet_defs:
        if definition is not skip and values[definition.key]:
            pages = pages.filter(definition.q(values[definition.key]))
    return pages


def facet_counts(pages, facet_defs, selection):
    """Each facet with its options and disjunctive counts (the other facets applied, not its own)."""
    facets = []
    for definition in facet_defs:
        counts = definition.counts(filtered(pages, facet_defs, selection.values, skip=definition))
        chosen = selection.values[definition.key]
        for value in chosen:
            counts.setdefault(value, (selection.labels[definition.key][value], 0))
        options = [
            Option(value, str(label), count, value in chosen)
            for value, (label, count) in counts.items()
            if count or value in chosen or isinstance(definition, (ChoiceFacet, AudienceFacet))
        ]
        facets.append(Facet(definition.key, str(definition.label), options, chosen))
    return facets


def ordered(results, sort, matches):
    if sort == "relevance":
        return results.annotate(rank=relevance(matches)).order_by("rank", "-year", "title")
    if sort == "title":
        return results.order_by("title")
    return results.order_by("-year", "-first_published_at", "title")


def active_filters(facets, base_params, q):
    """What the visitor chose, each with the URL that removes it."""

    def without(remaining):
        return "?" + urlencode(remaining) if remaining else "?"

    active = []
    for facet in facets:
        option_labels = {option.value: option.label for option in facet.options}
        for value in facet.selected:
            remaining = [(k, v) for k, v in base_params if not (k == facet.key and v == value)]
            active.append(ActiveFilter(facet.label, option_labels.get(value, value), without(remaining)))
    if q:
        remaining = [(k, v) for k, v in base_params if k != "q" and not (k == "sort" and v == "relevance")]
        active.append(ActiveFilter(str(_("Search")), q, without(remaining)))
    return active


def browse(pages, params):
    """Everything the library page shows for `params` (the request's GET) over `pages` (the index's live public
    materials): facets with counts, active filters, one page of results."""
    facet_defs = definitions(pages.model)
    selection = select(facet_defs, _raw_params(params))
    q = (params.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    matches = text_matches(q) if q else None
    terms = matches is not None
    sort = choose_sort(params.get("sort"), terms, selection.ignored)
    if terms:
        pages = pages.filter(pk__in=list(matches))

    facets = facet_counts(pages, facet_defs, selection)
    results = ordered(filtered(pages, facet_defs, selection.values), sort, matches).select_related("region")

    base_params = [(d.key, value) for d in facet_defs for value in selection.values[d.key]]
    if q:
        base_params.append(("q", q))
    if sort != ("relevance" if terms else "newest"):
        base_params.append(("sort", sort))

    paginator = Paginator(results, PER_PAGE)
    page_obj = paginator.get_page(params.get("page"))
    if terms:
        attach_transcript_hits(page_obj.object_list, matches)
    return LibraryView(
        page_obj=page_obj,
        paginator=paginator,
        facets=facets,
        active=active_filters(facets, base_params, q),
        q=q,
        sort=sort,
        sorts=[(key, str(label)) for key, label in SORTS.items() if key != "relevance" or terms],
        total=paginator.count,
        ignored=[
            gettext("%(facet)s: “%(value)s”") % {"facet": label, "value": value} for label, value in selection.ignored
        ],
        base_params=base_params,
    )
