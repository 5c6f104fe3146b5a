"""The public registry list /providers/: server-rendered, filtered by GET parameters, 20 per page."""

from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.db.models.functions import Replace
from django.shortcuts import render
from django.views.decorators.http import require_safe

from providers_map.forms import RegistryFilterForm
from providers_map.models import Location, Organisation, Service

PAGE_SIZE = 20


def _without_yo(expression):
    """ё→е on the database side, so «елочка» finds «Ёлочка» (registries write both)."""
    return Replace(Replace(expression, Value("ё"), Value("е")), Value("Ё"), Value("Е"))


def filter_organisations(queryset, filters):
    """Apply the validated filters of RegistryFilterForm.

    Service, concern and age must hold for the same service; a service with no concerns listed serves
    any concern. Location-based filters go through subqueries so an organisation is listed once.
    """
    if filters.get("region"):
        queryset = queryset.filter(pk__in=Location.objects.filter(region=filters["region"]).values("organisation_id"))
    if filters.get("ownership"):
        queryset = queryset.filter(ownership=filters["ownership"])
    services = Service.objects.all()
    service_filtered = False
    if filters.get("service"):
        services = services.filter(service_type=filters["service"])
        service_filtered = True
    if filters.get("concern"):
        with_concern = Service.objects.filter(concerns=filters["concern"]).values("pk")
        services = services.filter(Q(pk__in=with_concern) | Q(concerns__isnull=True))
        service_filtered = True
    if filters.get("age") is not None:
        services = services.filter(age_min_months__lte=filters["age"], age_max_months__gte=filters["age"])
        service_filtered = True
    if service_filtered:
        queryset = queryset.filter(pk__in=services.values("organisation_id"))
    text = (filters.get("q") or "").strip().replace("ё", "е").replace("Ё", "Е")
    if text:
        localities = (
            Location.objects.annotate(plain_locality=_without_yo("locality"))
            .filter(plain_locality__icontains=text)
            .values("organisation_id")
        )
        queryset = queryset.annotate(plain_name=_without_yo("name"), plain_short_name=_without_yo("short_name")).filter(
            Q(plain_name__icontains=text) | Q(plain_short_name__icontains=text) | Q(pk__in=localities)
        )
    return queryset


def listed_organisations(filters):
    """Public organisations matching `filters`; closed ones after the working ones, then by name."""
    closed_last = Case(
        When(status=Organisation.Status.CLOSED, then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    return (
        filter_organisations(Organisation.objects.public(), filters)
        .order_by(closed_last, "name", "pk")
        .prefetch_related(
            Prefetch("locations", queryset=Location.objects.select_related("region").order_by("sort_order", "pk")),
            Prefetch("services", queryset=Service.objects.select_related("service_type").order_by("sort_order", "pk")),
        )
    )


@require_safe
def organisation_list(request):
    form = RegistryFilterForm(request.GET or None)
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = form.valid_filters()
    paginator = Paginator(listed_organisations(filters), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "organisations": list(page.object_list),
        "result_count": paginator.count,
        "invalid_filters": form.invalid_labels() if form.is_bound else [],
        "is_filtered": bool(filters),
        "page_title": None,
    }
    return render(request, "providers_map/organisation_list.html", context)
