"""SEQUENCE of the calendars: raised when a published revision changes an event's time, status or place.

The counter lives on the live row (EventPage.with_content_json keeps it when a revision is published), and the
fingerprint of what calendars must learn about is compared with the one published before.
"""

from wagtail.signals import page_published

from events.models import EventPage


def bump_sequence(sender, instance, **kwargs):
    fingerprint = instance.schedule_fingerprint()
    if fingerprint == instance.published_fingerprint:
        return
    sequence = instance.sequence + 1 if instance.published_fingerprint else instance.sequence
    EventPage.objects.filter(pk=instance.pk).update(sequence=sequence, published_fingerprint=fingerprint)
    instance.sequence, instance.published_fingerprint = sequence, fingerprint


def connect():
    page_published.connect(bump_sequence, sender=EventPage, dispatch_uid="events-sequence")
