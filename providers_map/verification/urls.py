"""Public pages of verification, mounted under /providers/ in the namespace `providers` (portal/urls.py)."""

from django.urls import path

from .views import public

urlpatterns = [
    path("<slug:slug>/claim/", public.claim, name="verification_claim"),
    path("<slug:slug>/verify/<str:token>/", public.entry, name="verification_entry"),
    path("<slug:slug>/verify/<str:token>/confirm/", public.confirm, name="verification_confirm"),
    path("<slug:slug>/verify/<str:token>/changes/", public.changes, name="verification_changes"),
    path("<slug:slug>/verify/<str:token>/thanks/", public.thanks, name="verification_thanks"),
]
