"""The finder's pages under /providers/ (the project mounts them with the registry's, namespace `providers`)."""

from django.urls import path

from providers_map.finder.views.listing import organisation_list
from providers_map.finder.views.my_list import my_list

urlpatterns = [
    path("", organisation_list, name="list"),
    path("my-list/", my_list, name="my_list"),
]
