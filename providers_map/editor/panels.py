"""The organisation editor: tabs for the entry, families' information, contacts, locations and services."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)

from .forms import OrganisationAdminForm
from .widgets import LocationPickerWidget

LOCATION_PANELS = [
    FieldPanel("name"),
    # Plain selects, not snippet choosers: operators have no rights on the taxonomy snippets, and a select
    # works by keyboard and without a modal.
    FieldRowPanel([FieldPanel("region", widget=forms.Select), FieldPanel("locality")]),
    FieldRowPanel([FieldPanel("address"), FieldPanel("postcode")]),
    MultiFieldPanel(
        [
            FieldPanel("latitude", widget=forms.NumberInput(attrs={"step": "0.000001"})),
            FieldPanel("longitude", widget=LocationPickerWidget),
            FieldRowPanel([FieldPanel("coordinates_source"), FieldPanel("coordinates_approximate")]),
        ],
        heading=_("Point on the map"),
    ),
    FieldPanel("opening_hours"),
    FieldPanel("accessibility"),
    FieldPanel("delivery_modes"),
]

SERVICE_PANELS = [
    FieldPanel("service_type", widget=forms.Select),
    FieldPanel("description"),
    FieldRowPanel([FieldPanel("age_min_months"), FieldPanel("age_max_months")]),
    FieldPanel("concerns", widget=forms.CheckboxSelectMultiple),
    FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
]


def organisation_edit_handler():
    return TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("short_name"),
                    FieldRowPanel([FieldPanel("ownership"), FieldPanel("sector")]),
                    FieldRowPanel([FieldPanel("inn"), FieldPanel("ogrn")]),
                    FieldRowPanel([FieldPanel("status"), FieldPanel("in_official_registry")]),
                    FieldPanel("slug"),
                ],
                heading=_("Organisation"),
            ),
            ObjectList(
                [
                    FieldPanel("description"),
                    FieldPanel("how_to_get_help"),
                    FieldPanel("referral_required"),
                    FieldPanel("documents"),
                    FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_note")]),
                ],
                heading=_("For families"),
            ),
            ObjectList(
                [FieldPanel("phones"), FieldPanel("email"), FieldPanel("website")],
                heading=_("Contacts"),
            ),
            ObjectList(
                [InlinePanel("locations", panels=LOCATION_PANELS, min_num=1, label=_("Location"))],
                heading=_("Locations"),
            ),
            ObjectList(
                [InlinePanel("services", panels=SERVICE_PANELS, label=_("Service"))],
                heading=_("Services"),
            ),
            ObjectList(
                [FieldPanel("verified_at"), FieldPanel("data_source")],
                heading=_("Verification"),
            ),
        ],
        base_form_class=OrganisationAdminForm,
    )


class ReportedEntryPanel(Panel):
    """Links from a report to the entry it is about: its editor and, when published, its public page."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "providers_map/admin/reported_entry_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            organisation = getattr(self.instance, "organisation", None)
            if organisation is not None:
                context["organisation"] = organisation
                context["edit_url"] = reverse("wagtailsnippets_providers_map_organisation:edit", args=[organisation.pk])
                context["public_url"] = organisation.get_absolute_url() if organisation.live else ""
            return context


ERROR_REPORT_PANELS = [
    ReportedEntryPanel(heading=_("Registry entry")),
    FieldRowPanel([FieldPanel("topic", read_only=True), FieldPanel("created_at", read_only=True)]),
    FieldPanel("message", read_only=True),
    FieldPanel("email", read_only=True),
    FieldPanel("status"),
    FieldPanel("handled_note"),
]
