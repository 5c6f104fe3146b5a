from django.urls import path

from . import views as admin_views

app_name = "providers_import"

urlpatterns = [
    path("", admin_views.import_start, name="start"),
    path("template.<str:fmt>", admin_views.import_template, name="template"),
    path("<uuid:job_id>/", admin_views.job_page, name="job"),
    path("<uuid:job_id>/status.json", admin_views.job_status, name="status"),
    path("<uuid:job_id>/apply/", admin_views.job_apply, name="apply"),
    path("<uuid:job_id>/report.csv", admin_views.job_report, name="report"),
]
