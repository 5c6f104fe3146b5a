from .changes import EventOccurrenceChange
from .event import EventPage
from .index import EventsIndexPage

__all__ = ["EventOccurrenceChange", "EventPage", "EventsIndexPage"]
