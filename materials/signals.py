"""Keep the stored transcript cues in step with the publishing lifecycle of every page type."""

from wagtail.signals import page_published, page_unpublished

from materials.transcripts import clear_cues, refresh_cues


def _published(sender, instance, **kwargs):
    refresh_cues(instance)


def _unpublished(sender, instance, **kwargs):
    clear_cues(instance)


def connect():
    page_published.connect(_published, dispatch_uid="materials.refresh_transcript_cues")
    page_unpublished.connect(_unpublished, dispatch_uid="materials.clear_transcript_cues")
