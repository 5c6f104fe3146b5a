"""What editors keep: one milestone checklist per checkpoint, and the warning signs that matter at any age.

Both are snippets with drafts, revisions, locking, preview and the moderation workflow (the same
"Moderators approval" workflow as the registry, assigned by migration 0002). Visitors only ever see the
published (live) version.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from selfcheck.adapters import ReadabilityPanel, readability
from selfcheck.areas import AREA_BY_CODE, AREA_CHOICES, CHECKPOINTS, Answer, checkpoint_label

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
        "portal.DevelopmentalConcern",
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
