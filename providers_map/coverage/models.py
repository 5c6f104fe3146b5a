"""What coverage monitoring keeps: the current figures per locality, a dated snapshot of the regional figures per
day of change (a year of them), the operators' table of child counts and the estimate's share of children."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class CoverageSnapshot(models.Model):
    """The figures of one day (the last computation of that day): national and per region, as the API gives them."""

    day = models.DateField(_("day"), unique=True)
    computed_at = models.DateTimeField(_("computed at"))
    method_version = models.CharField(_("method version"), max_length=20)
    figures = models.JSONField(_("figures"))

    class Meta:
        ordering = ["-day"]
        verbose_name = _("coverage snapshot")
        verbose_name_plural = _("coverage snapshots")

    def __str__(self):
        return f"{self.day}: {self.method_version}"


class LocalityCoverage(models.Model):
    """One gazetteer locality as last computed: its people, its distance band and the nearest services."""

    region_code = models.CharField(_("region code"), max_length=2)
    name = models.CharField(_("locality"), max_length=200)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    population = models.PositiveIntegerField(_("population"))
    children = models.PositiveIntegerField(_("children aged 0–3"))
    children_from_table = models.BooleanField(_("children from the uploaded table"), default=False)
    distance_km = models.FloatField(_("distance to the nearest service, km"), null=True)
    band = models.CharField(_("distance band"), max_length=8)
    nearest = models.JSONField(_("nearest services"), default=list)
    by_service = models.JSONField(_("distance per service type, km"), default=dict)
    home_visits = models.BooleanField(_("home visits in the region"), default=False)
    remote = models.BooleanField(_("remote services in the region"), default=False)

    class Meta:
        ordering = ["region_code", "-population", "name"]
        verbose_name = _("locality coverage")
        verbose_name_plural = _("locality coverage")
        indexes = [models.Index(fields=["region_code", "-population"])]

    def __str__(self):
        return f"{self.name} ({self.region_code})"


class ChildCount(models.Model):
    """A number of children aged 0–3 the operators uploaded for a gazetteer locality (it replaces the estimate)."""

    region_code = models.CharField(_("region code"), max_length=2)
    locality = models.CharField(_("locality"), max_length=200, help_text=_("The gazetteer's name of the locality."))
    children = models.PositiveIntegerField(_("children aged 0–3"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        ordering = ["region_code", "locality"]
        verbose_name = _("number of children")
        verbose_name_plural = _("numbers of children")
        constraints = [models.UniqueConstraint(fields=["region_code", "locality"], name="coverage_childcount_locality")]

    def __str__(self):
        return f"{self.locality} ({self.region_code}): {self.children}"


@register_setting(icon="group")
class ChildEstimate(BaseGenericSetting):
    """How many of a locality's people are children aged 0–3 where no uploaded number says otherwise."""

    share_percent = models.DecimalField(
        _("share of children aged 0–3, %"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("2.70"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("20"))],
        help_text=_("The share of the population that is aged 0 to 3, for example 2.70."),
    )
    source = models.CharField(
        _("source of the share"),
        max_length=300,
        default=(
            "Росстат: родившиеся в 2021–2023 гг. (около 3,9 млн) к численности населения "
            "на 1 января 2024 г. (146,2 млн)"
        ),
        help_text=_("Where the share comes from, as the coverage page names it."),
    )
    year = models.PositiveSmallIntegerField(
        _("year of the share"),
        default=2024,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year the share describes."),
    )

    class Meta:
        verbose_name = _("children aged 0–3: estimate")
