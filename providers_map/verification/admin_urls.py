"""The operators' pages, mounted under /admin/verification/ by wagtail_hooks (admin login required)."""

from django.urls import path

from .views import admin

app_name = "providers_verification"

urlpatterns = [
    path("", admin.overview, name="overview"),
    path("rounds/start/", admin.round_start, name="round_start"),
    path("rounds/<int:round_id>/", admin.round_page, name="round"),
    path("rounds/<int:round_id>/status.json", admin.round_status, name="round_status"),
    path("list/", admin.listing, name="list"),
    path("entries/<int:organisation_id>/", admin.entry_log, name="entry_log"),
    path("proposals/<int:answer_id>/", admin.proposal, name="proposal"),
]
