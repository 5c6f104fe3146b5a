"""One milestone checklist per checkpoint: its milestones by area, and the advice per area."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from selfcheck.adapters import ReadabilityPanel
from selfcheck.areas import AREA_BY_CODE, AREA_CHOICES, CHECKPOINTS, Answer, checkpoint_label

from .base import MAX_MILESTONES, PREVIEW_TEMPLATE, SOURCE_SHORT, Question, ReviewedContent, Source


class MilestoneChecklist(index.Indexed, ReviewedContent):
    """The milestones of one checkpoint in four areas, with activity ideas and reading for each area."""

    months = models.PositiveSmallIntegerField(
        _("checkpoint"),
        choices=[(months, checkpoint_label(months)) for months in CHECKPOINTS],
        unique=True,
        error_messages={"unique": _("There is already a checklist for this age. Edit that one.")},
        help_text=_("The child's age this list is for. There is one list per age."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One or two short sentences above the questions: what children of this age are learning."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="milestone_checklist")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="milestone_checklist",
        for_concrete_model=False,
    )

    search_fields = [index.SearchField("intro"), index.FilterField("months"), index.FilterField("live")]
    panels = [
        FieldPanel("months"),
        FieldPanel("intro"),
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone"), min_num=4, max_num=MAX_MILESTONES),
        InlinePanel("advice", heading=_("What parents can do, per area"), label=_("Area"), max_num=4),
        ReadabilityPanel(),
        *ReviewedContent.review_panels,
    ]

    class Meta:
        ordering = ["months"]
        verbose_name = _("milestone checklist")
        verbose_name_plural = _("milestone checklists")

    def __str__(self):
        return str(self.title)

    @property
    def title(self):
        return _("How a child develops at %(age)s") % {"age": self.age_label}

    @property
    def age_label(self):
        return checkpoint_label(self.months)

    @property
    def revisions(self):
        return self._revisions

    def get_absolute_url(self):
        return reverse("selfcheck:checklist", args=[self.months])

    @cached_property
    def ordered_milestones(self):
        return list(self.milestones.all())

    def questions_by_area(self, answers=()):
        """[(Area, [Question])] in the areas' order; positions (q1, q2… in the form and the answer link) follow
        the checklist's own order."""
        answers = list(answers) or [Answer.NONE] * len(self.ordered_milestones)
        grouped = {}
        for position, (milestone, answer) in enumerate(zip(self.ordered_milestones, answers, strict=True), 1):
            grouped.setdefault(milestone.area, []).append(Question(position, milestone, answer))
        return [(area, grouped[code]) for code, area in AREA_BY_CODE.items() if code in grouped]

    def advice_for(self, area_code):
        return next((item for item in self.advice.all() if item.area == area_code), None)

    def readable_chunks(self):
        """What a parent reads: the introduction, every milestone with its hint, every activity idea."""
        chunks = [self.intro]
        for milestone in self.ordered_milestones:
            chunks += [milestone.text, milestone.hint]
        for advice in self.advice.all():
            chunks += advice.activity_lines()
        return [chunk for chunk in chunks if chunk]

    # Preview: the checklist as a parent sees it, with the unsaved changes.
    def get_preview_template(self, request, mode_name):
        return PREVIEW_TEMPLATE

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(checklist=self, groups=self.questions_by_area(), is_preview=True)
        return context


class Milestone(Orderable):
    checklist = ParentalKey(MilestoneChecklist, on_delete=models.CASCADE, related_name="milestones")
    area = models.CharField(_("area"), max_length=20, choices=AREA_CHOICES, help_text=_("The area of development."))
    text = models.CharField(
        _("milestone"),
        max_length=200,
        help_text=_("What most children of this age do, in a short plain sentence: «Говорит не меньше 50 слов»."),
    )
    hint = models.CharField(
        _("how to notice"),
        max_length=300,
        blank=True,
        help_text=_("Optional: an example from everyday life that helps parents answer."),
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=Source.choices,
        default=Source.CDC_AAP_2022,
        help_text=_("The published norm this milestone follows."),
    )
    source_note = models.CharField(
        _("source note"),
        max_length=200,
        blank=True,
        help_text=_("Optional detail: the age window, the page of the document, or the name of another source."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("illustration"),
        help_text=_("Optional: a picture of the skill."),
    )
    image_alt = models.CharField(
        _("illustration text"),
        max_length=200,
        blank=True,
        help_text=_("What the picture shows, for those who cannot see it. Required with an illustration."),
    )
    video = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("video from the library"),
        help_text=_("Optional: a library material with a short captioned video of the skill."),
    )

    panels = [
        FieldRowPanel([FieldPanel("area"), FieldPanel("source")]),
        FieldPanel("text"),
        FieldPanel("hint"),
        FieldPanel("source_note"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        PageChooserPanel("video", page_type="materials.MaterialPage"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.text

    @property
    def area_label(self):
        return AREA_BY_CODE[self.area].label if self.area in AREA_BY_CODE else self.area

    @property
    def source_label(self):
        """«CDC и AAP, 2022; …» — short, under the question (the full references are under the list)."""
        short = SOURCE_SHORT.get(self.source)
        return "; ".join(str(part) for part in (short, self.source_note) if part)

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Say in words what the illustration shows.")})
        if self.source == Source.OTHER and not self.source_note.strip():
            raise ValidationError({"source_note": _("Name the source.")})

    def public_video(self):
        """The library page of the video, if it is live and public."""
        video = self.video
        if video is None or not video.live or video.get_view_restrictions().exists():
            return None
        return video


class AreaAdvice(Orderable):
    """Activity ideas and reading for one area of one checklist: shown with the result of that area."""

    checklist = ParentalKey(MilestoneChecklist, on_delete=models.CASCADE, related_name="advice")
    area = models.CharField(_("area"), max_length=20, choices=AREA_CHOICES, help_text=_("The area of development."))
    activities = models.TextField(
        _("activity ideas"),
        help_text=_("Everyday games and habits that help this area, one idea per line, in short sentences."),
    )
    reading = StreamField(
        [("page", PageChooserBlock(page_type=["home.GuidancePage", "materials.MaterialPage"], label=_("Page")))],
        blank=True,
        max_num=4,
        verbose_name=_("read and watch"),
        help_text=_("Up to four guidance pages or library materials for parents about this area."),
    )

    panels = [FieldPanel("area"), FieldPanel("activities"), FieldPanel("reading")]

    class Meta(Orderable.Meta):
        verbose_name = _("area advice")
        verbose_name_plural = _("area advice")
        constraints = [models.UniqueConstraint(fields=["checklist", "area"], name="selfcheck_one_advice_per_area")]

    def __str__(self):
        return str(AREA_BY_CODE[self.area].label) if self.area in AREA_BY_CODE else self.area

    def activity_lines(self):
        return [line.strip(" -–—•\t") for line in self.activities.splitlines() if line.strip(" -–—•\t")]

    def reading_pages(self):
        """Live, public chosen pages in the editor's order."""
        pages = [block.value for block in self.reading if block.value is not None]
        return [page for page in pages if page.live and not page.get_view_restrictions().exists()]
