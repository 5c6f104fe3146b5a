"""The public provider page /providers/<slug>/: everything a family needs, readable without JavaScript."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from portal.models import PortalSettings
from providers_map.finder import mylist
from providers_map.finder.mapconfig import my_list_strings
from providers_map.forms import ErrorReportForm
from providers_map.models import Location, Organisation, Service
from providers_map.presentation import organisation_context


def public_organisations():
    """Live organisations with everything the page shows, in a fixed number of queries."""
    return Organisation.objects.public().prefetch_related(
        Prefetch("locations", queryset=Location.objects.select_related("region").order_by("sort_order", "pk")),
        Prefetch(
            "services",
            queryset=Service.objects.select_related("service_type")
            .prefetch_related("concerns", "languages")
            .order_by("sort_order", "pk"),
        ),
    )


def privacy_page_url(request):
    """The personal-data policy page the editors chose in the portal settings, if it is published."""
    page = PortalSettings.for_request(request).privacy_page
    return page.get_url(request) if page is not None and page.live else None


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(public_organisations(), slug=slug)
    locations = list(organisation.locations.all())
    services = list(organisation.services.all())
    context = organisation_context(request, organisation, locations, services)
    saved = mylist.saved_ids(request)
    context.update(
        report_form=ErrorReportForm(),
        privacy_url=privacy_page_url(request),
        saved=organisation.pk in saved,
        saved_count=len(saved),
        my_list_strings=my_list_strings(),
    )
    return render(request, "providers_map/organisation_detail.html", context)
