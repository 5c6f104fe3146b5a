"""A service an organisation offers at each of its locations (HSDS `service` + `service_at_location`)."""

from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .querysets import PartQuerySet

MAX_AGE_MONTHS = 216  # 18 years: some centres keep supporting families beyond early childhood


class Service(Orderable, ClusterableModel):
    """ClusterableModel so that its many-to-many tags travel in revisions and are saved on publish."""

    organisation = ParentalKey("providers_map.Organisation", on_delete=models.CASCADE, related_name="services")

    objects = PartQuerySet.as_manager()
    uuid = models.UUIDField(
        _("open-data identifier"),
        default=uuid4,
        unique=True,
        editable=False,
        help_text=_("The permanent identifier in open data (HSDS); it never changes."),
    )
    service_type = models.ForeignKey(
        "core.ServiceType",
        on_delete=models.PROTECT,
        related_name="provider_services",
        verbose_name=_("service"),
        help_text=_("Choose from the list of early-care services."),
    )
    description = models.TextField(
        _("details"),
        blank=True,
        help_text=_("What exactly happens, in plain language: who works with the family, how often."),
    )
    age_min_months = models.PositiveSmallIntegerField(
        _("from age, months"), default=0, help_text=_("The youngest age served, in months (0 = from birth).")
    )
    age_max_months = models.PositiveSmallIntegerField(
        _("to age, months"), default=36, help_text=_("The oldest age served, in months (36 = up to 3 years).")
    )
    concerns = ParentalManyToManyField(
        "core.DevelopmentalConcern",
        blank=True,
        related_name="provider_services",
        verbose_name=_("developmental concerns"),
        help_text=_("Leave empty if the service is for any child."),
    )
    languages = ParentalManyToManyField(
        "core.Language",
        blank=True,
        related_name="provider_services",
        verbose_name=_("languages"),
        help_text=_("Leave empty if the service is in Russian only."),
    )

    class Meta(Orderable.Meta):
        # the editor's order, then creation order: imports and the demo may leave sort_order empty
        ordering = ["sort_order", "pk"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_max_months__gt=models.F("age_min_months")), name="service_age_range_valid"
            )
        ]

    def __str__(self):
        return str(self.service_type) if self.service_type_id else ""

    def clean(self):
        super().clean()
        if self.age_max_months is not None and self.age_max_months > MAX_AGE_MONTHS:
            raise ValidationError({"age_max_months": _("The age must not exceed 216 months (18 years).")})
        if (
            self.age_min_months is not None
            and self.age_max_months is not None
            and self.age_max_months <= self.age_min_months
        ):
            raise ValidationError({"age_max_months": _("The upper age must be greater than the lower age.")})

    def serves_age(self, months):
        return self.age_min_months <= months <= self.age_max_months
