"""What checklists and warning-sign lists share: the moderated, revisioned snippet base and the sources."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin

from selfcheck.adapters import readability
from selfcheck.areas import Answer

# The answer link holds two bits per milestone and one per sign (selfcheck/links.py, at most 64 of each).
MAX_MILESTONES = 48
MAX_WARNING_SIGNS = 24
PREVIEW_TEMPLATE = "selfcheck/checklist.html"


@dataclass
class Question:
    position: int
    milestone: object
    answer: str = Answer.NONE


class Source(models.TextChoices):
    # xgettext:no-python-format
    CDC_AAP_2022 = "cdc-aap-2022", _("CDC and AAP milestone checklists, 2022 revision (about 75% of children)")
    WHO_MOTOR_2006 = "who-motor-2006", _("WHO windows of achievement for motor milestones, 2006")
    OTHER = "other", _("Other source (named in the note)")


SOURCE_SHORT = {
    Source.CDC_AAP_2022: _("CDC and AAP, 2022"),
    Source.WHO_MOTOR_2006: _("WHO, 2006"),
}


class ReviewedContent(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, ClusterableModel):
    """What both snippets share: sources, the specialist's review and the readability check."""

    sources = models.TextField(
        _("sources"),
        help_text=_("The published norms the list follows, one per line (author, title, year, link)."),
    )
    reviewed_by_name = models.CharField(
        _("reviewed by"), max_length=150, blank=True, help_text=_("The specialist who checked the list.")
    )
    reviewed_by_role = models.CharField(
        _("reviewer's role"),
        max_length=200,
        blank=True,
        help_text=_("For example “paediatrician of an early-care service”."),
    )
    reviewed_at = models.DateField(
        _("review date"), help_text=_("When the specialist last checked the list (parents see it under the list).")
    )

    class Meta:
        abstract = True

    def source_lines(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]

    def readability(self):
        return readability(self.readable_chunks())

    review_panels = [
        FieldPanel("sources"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("reviewed_by_name"), FieldPanel("reviewed_by_role")]),
                FieldPanel("reviewed_at"),
            ],
            heading=_("Reviewed by a specialist"),
        ),
    ]
