"""Keep the stored transcript cues in step with the publishing lifecycle of every page type, and with
caption files that editors replace in the documents library (pages using them are found through
Wagtail's reference index)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished

from materials import media
from materials.models import TranscriptCue


def _published(sender, instance, **kwargs):
    TranscriptCue.refresh(instance)


def _unpublished(sender, instance, **kwargs):
    TranscriptCue.clear(instance)


def _document_saved(sender, instance, created, **kwargs):
    if created or not media.is_captions(instance):
        return
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    for page in Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids]).specific():
        TranscriptCue.refresh(page)


def connect():
    page_published.connect(_published, dispatch_uid="materials.refresh_transcript_cues")
    page_unpublished.connect(_unpublished, dispatch_uid="materials.clear_transcript_cues")
    post_save.connect(_document_saved, sender=get_document_model(), dispatch_uid="materials.captions_replaced")
