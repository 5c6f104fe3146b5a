"""/coverage/: the public pages and files of coverage monitoring (namespace `coverage`)."""

from django.urls import path, re_path

from . import views

app_name = "coverage"
urlpatterns = [
    path("", views.index, name="index"),
    path("data/<str:name>", views.download, name="download"),
    re_path(r"^(?P<code>[0-9]{2})/$", views.region, name="region"),
]
