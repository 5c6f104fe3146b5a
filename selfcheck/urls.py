from django.urls import path

from selfcheck import views

app_name = "selfcheck"

urlpatterns = [
    path("", views.start, name="start"),
    path("<int:months>-months/", views.checklist, name="checklist"),
    path("<int:months>-months/result/", views.result, name="result"),
    path("reminder.ics", views.reminder, name="reminder"),
]
