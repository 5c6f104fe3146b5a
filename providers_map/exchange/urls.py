"""The open-data pages under /providers/ (the project mounts them with the registry's, namespace `providers`)."""

from django.urls import path

from providers_map.exchange.open_data import download, open_data

urlpatterns = [
    path("open-data/", open_data, name="open_data"),  # public downloads of the published registry
    path("open-data/registry.<str:fmt>", download, name="download"),
]
