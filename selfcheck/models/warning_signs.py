"""The warning signs that matter at any age (loss of skills, no response to the name …)."""

import hashlib

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from selfcheck.adapters import ReadabilityPanel
from selfcheck.areas import AREA_BY_CODE, AREA_CHOICES

from .base import MAX_WARNING_SIGNS, ReviewedContent, Source


class WarningSignList(ReviewedContent):
    """Signs that call for a specialist at any age (loss of skills, no response to sounds…); one list."""

    title = models.CharField(
        _("title"), max_length=120, default="Тревожные признаки в любом возрасте", help_text=_("Shown above the list.")
    )
    intro = models.TextField(
        _("introduction"), max_length=400, blank=True, help_text=_("One short sentence above the list.")
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="warning_sign_list")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="warning_sign_list",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        InlinePanel("signs", heading=_("Warning signs"), label=_("Warning sign"), min_num=1, max_num=MAX_WARNING_SIGNS),
        ReadabilityPanel(),
        *ReviewedContent.review_panels,
    ]

    class Meta:
        verbose_name = _("warning signs")
        verbose_name_plural = _("warning signs")

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @classmethod
    def current(cls):
        """The published list (there is one)."""
        return cls.objects.filter(live=True).prefetch_related("signs__concern").order_by("pk").first()

    def signs_for(self, months):
        return [sign for sign in self.signs.all() if sign.from_months <= months]

    def readable_chunks(self):
        return [chunk for chunk in [self.intro, *[sign.text for sign in self.signs.all()]] if chunk]

    def clean(self):
        super().clean()
        if WarningSignList.objects.exclude(pk=self.pk).exists():
            raise ValidationError(_("There is already a list of warning signs. Edit that one."))

    def get_preview_template(self, request, mode_name):
        return "selfcheck/warning_signs_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(warnings=self, is_preview=True)
        return context


class WarningSign(Orderable):
    signs_list = ParentalKey(WarningSignList, on_delete=models.CASCADE, related_name="signs")
    text = models.CharField(
        _("sign"),
        max_length=200,
        help_text=_("What a parent may notice, in a short plain sentence: «Перестал делать то, что уже умел»."),
    )
    area = models.CharField(
        _("area"),
        max_length=20,
        choices=AREA_CHOICES,
        blank=True,
        help_text=_("The area the sign belongs to; leave empty if it concerns development as a whole."),
    )
    concern = models.ForeignKey(
        "core.DevelopmentalConcern",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("developmental concern"),
        help_text=_("Optional: the concern the finder is opened with; otherwise the area's."),
    )
    from_months = models.PositiveSmallIntegerField(
        _("from age, months"),
        default=0,
        help_text=_("Ask about this sign from this age on (0: at any age)."),
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.CDC_AAP_2022)
    source_note = models.CharField(_("source note"), max_length=200, blank=True)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("concern"), FieldPanel("from_months")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("warning sign")
        verbose_name_plural = _("warning signs")

    def __str__(self):
        return self.text

    @property
    def concern_slug(self):
        if self.concern_id:
            return self.concern.slug
        return AREA_BY_CODE[self.area].concern if self.area in AREA_BY_CODE else "developmental-delay"


def fingerprint(checklist, signs):
    """Four bytes naming exactly which questions, in which order, an answer link answers."""
    parts = f"{checklist.pk}:{','.join(str(m.pk) for m in checklist.ordered_milestones)}"
    parts += "|" + ",".join(str(sign.pk) for sign in signs)
    return hashlib.sha256(parts.encode()).digest()[:4]
