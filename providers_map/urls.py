"""Provider pages: /providers/<slug>/ and the error report form."""

from django.urls import path, register_converter

from providers_map import views


class OrganisationSlugConverter:
    """An organisation's slug; never the finder's and the open-data pages' fixed names, whatever the order."""

    regex = r"(?!open-data/|my-list/)[-a-zA-Z0-9_]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(OrganisationSlugConverter, "organisation")

# The project mounts these after the finder's and the open-data pages, all under the namespace `providers`.
urlpatterns = [
    path("<organisation:slug>/", views.organisation_detail, name="detail"),
    path("<organisation:slug>/report/", views.report_error, name="report"),
    path("<organisation:slug>/report/thanks/", views.report_thanks, name="report_thanks"),
]
