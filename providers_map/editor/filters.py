"""Filters of the organisation listing in the admin (also used by the dashboard's links)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from core.models import Region, ServiceType
from providers_map.models import ErrorReport, Organisation

STALE_CHOICES = [
    ("yes", _("not verified for more than 12 months")),
    ("no", _("verified within 12 months")),
]
PUBLICATION_CHOICES = [
    ("live", _("published")),
    ("draft", _("not published")),
    ("changes", _("published, with unpublished changes")),
]


class OrganisationFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Federal subject"),
        queryset=Region.objects.all(),
        to_field_name="code",
        field_name="locations__region",
        distinct=True,
    )
    ownership = django_filters.ChoiceFilter(label=_("Form of ownership"), choices=Organisation.Ownership.choices)
    sector = django_filters.ChoiceFilter(label=_("Sector"), choices=Organisation.Sector.choices)
    service = django_filters.ModelChoiceFilter(
        label=_("Service"),
        queryset=ServiceType.objects.all(),
        to_field_name="slug",
        field_name="services__service_type",
        distinct=True,
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Organisation.Status.choices)
    stale = django_filters.ChoiceFilter(label=_("Verification"), choices=STALE_CHOICES, method="filter_stale")
    publication = django_filters.ChoiceFilter(
        label=_("Publication"), choices=PUBLICATION_CHOICES, method="filter_publication"
    )

    class Meta:
        model = Organisation
        fields = []

    def filter_stale(self, queryset, name, value):
        if value == "yes":
            return queryset.stale()
        if value == "no":
            return queryset.fresh()
        return queryset

    def filter_publication(self, queryset, name, value):
        if value == "live":
            return queryset.filter(live=True)
        if value == "draft":
            return queryset.filter(live=False)
        if value == "changes":
            return queryset.filter(live=True, has_unpublished_changes=True)
        return queryset


class ErrorReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ErrorReport.Status.choices)
    topic = django_filters.ChoiceFilter(label=_("Topic"), choices=ErrorReport.Topic.choices)

    class Meta:
        model = ErrorReport
        fields = []
