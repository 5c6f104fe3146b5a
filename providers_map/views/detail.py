"""The public provider page /providers/<slug>/: everything a family needs, readable without JavaScript."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.models import PortalSettings
from providers_map import mylist
from providers_map.forms import ErrorReportForm
from providers_map.mapconfig import my_list_strings
from providers_map.models import Organisation
from providers_map.presentation import organisation_context


def privacy_page_url(request):
    """The personal-data policy page the editors chose in the portal settings, if it is published."""
    page = PortalSettings.for_request(request).privacy_page
    return page.get_url(request) if page is not None and page.live else None


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.public().with_entries(), slug=slug)
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
