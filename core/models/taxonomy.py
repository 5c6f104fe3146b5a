"""Taxonomies shared by guidance, the methods library and the provider registry.

Editors manage them as snippets ("Справочники"); the initial terms are seeded by a data migration so
every database, including the test database, starts with the same controlled vocabulary.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class TaxonomyTerm(index.Indexed, models.Model):
    """A controlled term. The concrete tables keep their `portal_` names from before the core app had its own."""

    name = models.CharField(_("name"), max_length=200, help_text=_("How visitors see the term."))
    slug = models.SlugField(
        _("code"),
        max_length=100,
        unique=True,
        help_text=_("Latin letters without spaces; used in filter URLs and imports. Change only when necessary."),
    )
    description = models.TextField(
        _("explanation"), blank=True, help_text=_("A short plain-language explanation (optional).")
    )
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("A smaller number comes first in lists and filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("slug")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        db_table = "portal_topic"
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class AgeGroup(TaxonomyTerm):
    min_months = models.PositiveSmallIntegerField(_("from age, months"), help_text=_("Inclusive."))
    max_months = models.PositiveSmallIntegerField(_("to age, months"), help_text=_("Exclusive."))

    panels = TaxonomyTerm.panels + [FieldPanel("min_months"), FieldPanel("max_months")]

    class Meta(TaxonomyTerm.Meta):
        db_table = "portal_agegroup"
        verbose_name = _("age group")
        verbose_name_plural = _("age groups")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_months__gt=models.F("min_months")), name="agegroup_range_valid"
            )
        ]


class DevelopmentalConcern(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        db_table = "portal_developmentalconcern"
        verbose_name = _("developmental concern")
        verbose_name_plural = _("developmental concerns")


class ServiceType(TaxonomyTerm):
    """Controlled list of early-care services (HSDS taxonomy_term)."""

    class Meta(TaxonomyTerm.Meta):
        db_table = "portal_servicetype"
        verbose_name = _("early-care service type")
        verbose_name_plural = _("early-care service types")


class Language(TaxonomyTerm):
    code = models.CharField(
        _("language code"),
        max_length=12,
        unique=True,
        help_text=_("ISO 639 code (ru, tt, ba…); rsl for Russian Sign Language."),
    )

    panels = TaxonomyTerm.panels + [FieldPanel("code")]

    class Meta(TaxonomyTerm.Meta):
        db_table = "portal_language"
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class Region(index.Indexed, models.Model):
    """A federal subject of the Russian Federation (fixed list, seeded from core.regions)."""

    code = models.CharField(
        _("region code"), max_length=2, unique=True, help_text=_("The region code, for example 54.")
    )
    name = models.CharField(_("name"), max_length=120, unique=True)
    federal_district = models.CharField(_("federal district"), max_length=40)

    panels = [FieldPanel("code", read_only=True), FieldPanel("name"), FieldPanel("federal_district")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("code")]

    class Meta:
        db_table = "portal_region"
        ordering = ["name"]
        verbose_name = _("federal subject")
        verbose_name_plural = _("federal subjects")

    def __str__(self):
        return self.name


class TaxonomyMixin(models.Model):
    """What a content page is about: topics, child's ages and developmental concerns (guidance, library).

    Reverse names are Django's defaults, e.g. `Topic.objects.filter(guidancepage__in=…)`, `materialpage__in`.
    """

    TAXONOMY_FIELDS = ("topics", "age_groups", "concerns")

    topics = ParentalManyToManyField(
        "core.Topic", blank=True, verbose_name=_("topics"), help_text=_("One or more topics the page is about.")
    )
    age_groups = ParentalManyToManyField(
        "core.AgeGroup",
        blank=True,
        verbose_name=_("child's age"),
        help_text=_("Leave empty if the page is useful at any age."),
    )
    concerns = ParentalManyToManyField(
        "core.DevelopmentalConcern",
        blank=True,
        verbose_name=_("developmental concerns"),
        help_text=_("Leave empty if the page is for every family."),
    )

    class Meta:
        abstract = True

    @classmethod
    def taxonomy_panels(cls, **help_texts):
        """Checkbox panels for the three fields; `help_texts` gives a page type its own hint for a field."""
        return [
            FieldPanel(name, widget=forms.CheckboxSelectMultiple, help_text=help_texts.get(name, ""))
            for name in cls.TAXONOMY_FIELDS
        ]
