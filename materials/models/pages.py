"""The methods library: an index page with faceted browsing and material pages."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.models import TaxonomyMixin
from materials.blocks import MaterialBodyBlock, VideoBlock
from materials.choices import AUDIENCES, VIDEO_TYPES, EvidenceStatus, MaterialType
from materials.facets import browse
from materials.files import validate_material_document
from materials.presentation import material_context

FIRST_YEAR = 1990
LAST_YEAR = 2100


class MaterialsIndexPage(Page):
    """The library's front page: every material below it, with filters, sorting and pages."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences: what the library contains and whom it is for."),
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.MaterialPage"]

    class Meta:
        verbose_name = _("methods library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library"] = browse(MaterialPage.objects.live().public().child_of(self), request.GET)
        return context


class MaterialPage(TaxonomyMixin, Page):
    """One material of the library: a document, a programme, a practice or a video with its files."""

    material_type = models.CharField(
        _("material type"),
        max_length=32,
        choices=MaterialType.choices,
        help_text=_("What kind of material this is; video lectures and webinar recordings need a video."),
    )
    for_specialists = models.BooleanField(
        _("for specialists"), default=True, help_text=_("Specialists of early-care services.")
    )
    for_managers = models.BooleanField(
        _("for managers"), default=False, help_text=_("Heads of organisations and regional authorities.")
    )
    for_parents = models.BooleanField(_("for parents"), default=False, help_text=_("Parents and relatives."))
    authors = models.CharField(
        _("authors"),
        max_length=300,
        blank=True,
        help_text=_("Surnames and initials separated by commas, for example “Иванова А. А., Петров Б. Б.”."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=300,
        blank=True,
        help_text=_("The organisation that prepared or published the material."),
    )
    region = models.ForeignKey(
        "core.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
        verbose_name=_("region of the practice"),
        help_text=_("The federal subject where the practice comes from; empty for federal materials."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
        help_text=_("The year the material was published."),
    )
    evidence_status = models.CharField(
        _("evidence status"),
        max_length=32,
        choices=EvidenceStatus.choices,
        help_text=_("Approved by a ministry or federal centre, peer-reviewed, or a description of practice."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=1000,
        help_text=_("Two to four sentences: what the material is about and how it helps in practice."),
    )
    video = StreamField(
        [("video", VideoBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("video"),
        help_text=_("The main video of the material with captions and a transcript; shown at the top of the page."),
    )
    body = StreamField(
        MaterialBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The text of the material or a detailed description of it."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("authors"),
        index.SearchField("organisation"),
        index.SearchField("body"),
        index.FilterField("material_type"),
        index.FilterField("evidence_status"),
        index.FilterField("year"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("material_type"),
                FieldRowPanel([FieldPanel("for_specialists"), FieldPanel("for_managers"), FieldPanel("for_parents")]),
                FieldPanel("evidence_status"),
                FieldPanel("authors"),
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("region")]),
            ],
            heading=_("About the material"),
        ),
        MultiFieldPanel(
            TaxonomyMixin.taxonomy_panels(
                topics=_("One or more topics; related materials are chosen by them."),
                age_groups=_("Leave empty if the material is useful at any age."),
                concerns=_("Leave empty if the material concerns every child."),
            ),
            heading=_("Topics, ages and concerns"),
        ),
        FieldPanel("video"),
        FieldPanel("body"),
        InlinePanel(
            "files",
            heading=_("Files"),
            label=_("File"),
            help_text=_("Allowed types: PDF, DOCX, PPTX, XLSX, ODT, MP4, WebM, VTT."),
        ),
    ]
    parent_page_types = ["materials.MaterialsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("library material")
        verbose_name_plural = _("library materials")

    def clean(self):
        super().clean()
        errors = {}
        if not (self.for_specialists or self.for_managers or self.for_parents):
            errors["for_specialists"] = _("Choose at least one audience: specialists, managers or parents.")
        if self.material_type in VIDEO_TYPES and not len(self.video):
            errors["video"] = _("A video lecture or a webinar recording needs its video with captions and transcript.")
        if errors:
            raise ValidationError(errors)

    @property
    def audiences(self):
        return [label for _value, field, label in AUDIENCES if getattr(self, field)]

    @property
    def main_video(self):
        return self.video[0].value if len(self.video) else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(material_context(self, request))
        return context


class MaterialFile(Orderable):
    """A downloadable file of a material (Wagtail document of an allowed type)."""

    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("PDF, DOCX, PPTX, XLSX, ODT, MP4, WebM or VTT from the documents library."),
    )
    label = models.CharField(
        _("link text"),
        max_length=200,
        blank=True,
        help_text=_("What the file is, for example “Full text of the recommendations”; the document title if empty."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def clean(self):
        super().clean()
        if self.document_id:
            validate_material_document(self.document)

    @property
    def title(self):
        return self.label or self.document.title
