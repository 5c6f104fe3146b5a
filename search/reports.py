"""Admin report «Поисковые запросы»: the most frequent queries and those that found nothing (the gaps in
content and provision). Only folded query text and daily counts are stored — nothing about who searched."""

from datetime import timedelta
from types import SimpleNamespace

from django import forms
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

import django_filters

from search.models import QueryStat

PERIODS = [("7", _("7 days")), ("30", _("30 days")), ("90", _("90 days")), ("365", _("a year"))]


class QueryReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=PERIODS, empty_label=None, method="filter_period", null_label=None
    )
    without_results = django_filters.BooleanFilter(
        label=_("Only queries that found nothing"),
        method="filter_without_results",
        widget=forms.CheckboxInput,
    )

    def filter_period(self, queryset, name, value):
        return queryset  # applied in the view (the aggregation needs the period first)

    def filter_without_results(self, queryset, name, value):
        return queryset

    class Meta:
        model = QueryStat
        fields = []


class QueryReport(ReportView):
    page_title = _("Search queries")
    header_icon = "search"
    index_url_name = "search_query_report"
    index_results_url_name = "search_query_report_results"
    paginate_by = 50
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    filterset_class = QueryReportFilterSet
    list_export = ["query", "searches", "zero_results"]
    export_headings = {
        "query": _("Query"),
        "searches": _("Searches"),
        "zero_results": _("Searches without results"),
    }
    columns = [
        Column("query", label=_("Query")),
        Column("searches", label=_("Searches")),
        Column("zero_results", label=_("Searches without results")),
    ]

    def get_queryset(self):
        params = self.request.GET
        days = int(params.get("period") or 30) if (params.get("period") or "30") in dict(PERIODS) else 30
        rows = QueryStat.objects.filter(day__gte=timezone.localdate() - timedelta(days=days - 1))
        rows = rows.values("query").annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
        if params.get("without_results") in ("on", "true", "True", "1"):
            rows = rows.filter(zero_results__gt=0).order_by("-zero_results", "query")
        else:
            rows = rows.order_by("-searches", "query")
        return rows

    def decorate_paginated_queryset(self, object_list):
        return [SimpleNamespace(**row) for row in object_list]
