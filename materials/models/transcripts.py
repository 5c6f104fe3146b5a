from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from materials.transcripts import cues_for
from materials.vtt import format_timestamp


class TranscriptCue(models.Model):
    """One caption cue of a video on a published page, stored so search can index transcripts per cue.

    Rows are derived data: `TranscriptCue.refresh(page)` rebuilds them from the WebVTT captions
    whenever a page is published, and removes them when it is unpublished or deleted.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="transcript_cues",
        verbose_name=_("page"),
        help_text=_("The page whose video this cue belongs to."),
    )
    position = models.PositiveIntegerField(_("position"), help_text=_("Order of the cue on the page."))
    block_id = models.CharField(
        _("video block"), max_length=64, blank=True, help_text=_("Identifier of the video block on the page.")
    )
    video_title = models.CharField(_("video title"), max_length=200, blank=True, help_text=_("Title of the video."))
    start = models.FloatField(_("start, seconds"), help_text=_("When the cue starts."))
    end = models.FloatField(_("end, seconds"), help_text=_("When the cue ends."))
    text = models.TextField(_("text"), help_text=_("What is said in this cue."))

    class Meta:
        ordering = ["page", "position"]
        verbose_name = _("transcript cue")
        verbose_name_plural = _("transcript cues")
        indexes = [models.Index(fields=["page", "position"])]

    def __str__(self):
        return f"{self.timestamp} {self.text[:60]}"

    @property
    def timestamp(self):
        return format_timestamp(self.start)

    @property
    def fragment(self):
        return f"#t={self.timestamp}"

    @classmethod
    def stored(cls, page):
        """The page's cues in page order."""
        return cls.objects.filter(page_id=page.pk).order_by("position")

    @classmethod
    @transaction.atomic
    def refresh(cls, page):
        """Re-create the page's rows from the captions of its video blocks."""
        cls.objects.filter(page_id=page.pk).delete()
        cls.objects.bulk_create(
            cls(
                page_id=page.pk,
                position=position,
                block_id=cue.block_id,
                video_title=cue.video_title[:200],
                start=cue.start,
                end=cue.end,
                text=cue.text,
            )
            for position, cue in enumerate(cues_for(page))
        )

    @classmethod
    def clear(cls, page):
        cls.objects.filter(page_id=page.pk).delete()
