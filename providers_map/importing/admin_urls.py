from django.urls import path

from . import admin_views

app_name = "providers_import"

urlpatterns = [
    path("", admin_views.import_start, name="start"),
    path("template.<str:fmt>", admin_views.import_template, name="template"),
    path("<str:token>/", admin_views.import_preview, name="preview"),
    path("<str:token>/apply/", admin_views.import_apply, name="apply"),
    path("<str:token>/report.csv", admin_views.import_report, name="report"),
]
