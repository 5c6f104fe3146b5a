from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events and seminars")

    def ready(self):
        from events import signals
        from events.search import EventsKind
        from search.registry import register

        signals.connect()
        register(EventsKind())
