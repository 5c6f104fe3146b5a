"""Admin report “Полезность страниц для родителей”: visitors' answers and readability per guidance page."""

from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.models import GuidancePage


class GuidanceFeedbackReport(ReportView):
    page_title = _("Guidance pages: visitors' answers")
    header_icon = "help"
    index_url_name = "guidance_feedback_report"
    index_results_url_name = "guidance_feedback_report_results"
    paginate_by = 50
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    list_export = ["title", "helpful_count", "not_helpful_count", "reading_ease"]
    export_headings = {
        "title": _("Title"),
        "helpful_count": _("“Yes”"),
        "not_helpful_count": _("“No”"),
        "reading_ease": _("Reading ease"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("helpful_count", label=_("“Yes”")),
        Column("not_helpful_count", label=_("“No”")),
        Column("reading_ease", label=_("Reading ease")),
    ]

    def get_queryset(self):
        return GuidancePage.objects.annotate(
            helpful_count=Coalesce(F("feedback__helpful"), Value(0)),
            not_helpful_count=Coalesce(F("feedback__not_helpful"), Value(0)),
        ).order_by("-not_helpful_count", "title")

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            page.reading_ease = round(page.readability().reading_ease)
        return object_list
