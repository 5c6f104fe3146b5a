"""Search in the admin: synonym groups and promoted results (snippets) and the queries report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.models import PromotedResult, SynonymGroup
from search.reports import QueryReport


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]
    menu_label = _("Synonyms")


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    icon = "pick"
    list_display = ["__str__", "sort_order", "updated_at"]
    search_fields = ["queries", "title", "link"]
    menu_label = _("Promoted results")


class SearchGroup(SnippetViewSetGroup):
    menu_label = _("Search")
    menu_icon = "search"
    menu_order = 910
    items = (SynonymGroupViewSet, PromotedResultViewSet)


register_snippet(SearchGroup)


@hooks.register("register_admin_urls")
def register_query_report_urls():
    return [
        path("reports/search-queries/", QueryReport.as_view(), name="search_query_report"),
        path(
            "reports/search-queries/results/",
            QueryReport.as_view(results_only=True),
            name="search_query_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return MenuItem(
        _("Search queries"), reverse("search_query_report"), name="search-queries", icon_name="search", order=1010
    )
