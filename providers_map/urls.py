from django.urls import path, register_converter

from providers_map import views


class OrganisationSlugConverter:
    """An organisation's slug; never the fixed section names, so those work wherever they are listed."""

    regex = r"(?!open-data/|my-list/)[-a-zA-Z0-9_]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(OrganisationSlugConverter, "organisation")

app_name = "providers"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("my-list/", views.my_list, name="my_list"),
    path("open-data/", views.open_data, name="open_data"),  # public downloads of the published registry
    path("open-data/registry.<str:fmt>", views.open_data_download, name="download"),
    path("<organisation:slug>/", views.organisation_detail, name="detail"),
    path("<organisation:slug>/report/", views.report_error, name="report"),
    path("<organisation:slug>/report/thanks/", views.report_thanks, name="report_thanks"),
]
