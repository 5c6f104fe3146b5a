"""Calendar files beside the /events/ page (Wagtail's page paths cannot end in «.ics»)."""

from django.urls import path

from events import feeds

app_name = "events"
urlpatterns = [
    path("calendar.ics", feeds.calendar_feed, name="feed"),
    path("calendar/<str:kind>/<str:value>.ics", feeds.calendar_feed, name="feed_for"),
    path("calendar/event-<int:page_id>.ics", feeds.event_file, name="event_ics"),
]
