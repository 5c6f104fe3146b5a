"""Admin viewsets: organisations (snippets with drafts, moderation, locking, preview, history) and reports."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from providers_map.models import ErrorReport, Organisation

from .filters import ErrorReportFilterSet, OrganisationFilterSet
from .panels import ERROR_REPORT_PANELS, organisation_edit_handler


class VerifiedColumn(Column):
    """The verification date, marked when older than 12 months."""

    cell_template_name = "providers_map/admin/verified_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["stale"] = instance.is_stale
        return context


class RegionsColumn(Column):
    def get_value(self, instance):
        names = sorted({loc.region.name for loc in instance.locations.all()})
        return ", ".join(names)


class OrganisationIndexView(IndexView):
    # Wagtail's "Add %(model_name)s" puts the noun in the nominative case in Russian.
    add_item_label = _("Add an organisation")

    def search_queryset(self, queryset):
        # Searching by locality joins locations: an entry with two branches in one city must be listed once.
        return super().search_queryset(queryset).distinct()

    @cached_property
    def columns(self):
        columns = super().columns
        for column in columns:
            if column.name == "display_name":  # the title column: label it and sort it by the name
                column.label, column.sort_key = _("Organisation name"), "name"
        return columns


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    index_view_class = OrganisationIndexView
    icon = "group"
    menu_label = _("Organisations")
    filterset_class = OrganisationFilterSet
    # Admin search stays in the database (the listing filters span locations and services).
    search_backend_name = None
    search_fields = ["name", "short_name", "inn", "ogrn", "locations__locality"]
    list_per_page = 50
    ordering = ["name"]
    copy_view_enabled = False

    @cached_property
    def list_display(self):
        return [
            "display_name",
            RegionsColumn("regions", label=_("Federal subjects")),
            Column("ownership", label=_("Form of ownership"), accessor="get_ownership_display", sort_key="ownership"),
            Column("status", label=_("Operating status"), accessor="get_status_display", sort_key="status"),
            LiveStatusTagColumn(label=_("Publication")),
            VerifiedColumn("verified_at", label=_("Verified on"), sort_key="verified_at"),
        ]

    def get_queryset(self, request):
        return Organisation.objects.prefetch_related("locations__region")

    def get_edit_handler(self):
        return organisation_edit_handler().bind_to_model(self.model)


class NewReportsMenuItem(MenuItem):
    """The queue's menu entry shows how many reports are waiting."""

    def is_shown(self, request):
        return request.user.has_perm("providers_map.view_errorreport") or request.user.has_perm(
            "providers_map.change_errorreport"
        )

    def render_component(self, request):
        count = ErrorReport.objects.filter(status=ErrorReport.Status.NEW).count()
        # Menu items are shared between requests: build the component instead of changing self.label.
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, classname=self.classname)


class ErrorReportViewSet(SnippetViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = _("Error reports")
    filterset_class = ErrorReportFilterSet
    search_backend_name = None
    search_fields = ["message", "organisation__name", "organisation__short_name"]
    list_display = [
        "organisation",
        Column("topic", label=_("Topic"), accessor="get_topic_display", sort_key="topic"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    ordering = ["-created_at"]
    panels = ERROR_REPORT_PANELS
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return ErrorReport.objects.select_related("organisation")

    def get_menu_item(self, order=None):
        return NewReportsMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )


class RegistryGroup(SnippetViewSetGroup):
    menu_label = _("Provider registry")
    menu_icon = "site"
    menu_order = 250
    items = (OrganisationViewSet, ErrorReportViewSet)
