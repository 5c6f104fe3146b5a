from django.urls import path, re_path

from . import admin_views

app_name = "coverage_admin"
urlpatterns = [
    path("", admin_views.national, name="index"),
    path("recompute/", admin_views.recompute, name="recompute"),
    path("children/", admin_views.children, name="children"),
    path("children/clear/", admin_views.clear_children, name="clear_children"),
    re_path(r"^(?P<code>[0-9]{2})/$", admin_views.region, name="region"),
]
