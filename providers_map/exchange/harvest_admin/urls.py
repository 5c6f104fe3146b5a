from django.urls import path

from . import views

app_name = "providers_harvest"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("add/", views.source_form, name="add"),
    path("<int:pk>/", views.source_form, name="edit"),
    path("<int:pk>/check/", views.check, name="check"),
    path("<int:pk>/harvest/", views.harvest_now, name="harvest"),
    path("<int:pk>/runs/", views.runs, name="runs"),
    path("runs/<int:pk>/", views.run_report, name="run"),
    path("duplicates/", views.duplicates, name="duplicates"),
    path("terms/", views.terms, name="terms"),
    path("entries/<int:pk>/take-over/", views.take_over_entry, name="take_over"),
]
