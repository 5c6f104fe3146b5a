"""A place where an organisation receives families (HSDS `location`), with hours and accessibility."""

from decimal import Decimal
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from providers_map.hours import region_timezone
from providers_map.validators import validate_postcode

from .fields import CodeListField, OpeningHoursField
from .querysets import PartQuerySet

# Russia's bounding box; Chukotka crosses the antimeridian, hence the second longitude range.
LAT_MIN, LAT_MAX = Decimal("41"), Decimal("82")
LON_MIN, LON_MAX = Decimal("19"), Decimal("180")
LON_EAST_MIN, LON_EAST_MAX = Decimal("-180"), Decimal("-168")


def coordinates_in_russia(latitude, longitude):
    lat, lon = Decimal(str(latitude)), Decimal(str(longitude))
    return LAT_MIN <= lat <= LAT_MAX and (LON_MIN <= lon <= LON_MAX or LON_EAST_MIN <= lon <= LON_EAST_MAX)


class Location(Orderable):
    class CoordinatesSource(models.TextChoices):
        EDITOR = "editor", _("set on the map by an editor")
        GAZETTEER = "gazetteer", _("from the gazetteer")
        IMPORT = "import", _("from an import")
        NONE = "", _("not specified")

    ACCESSIBILITY_FEATURES = [
        ("step_free", _("step-free entrance or ramp")),
        ("lift", _("lift")),
        ("accessible_toilet", _("accessible toilet")),
        ("parking", _("parking for disabled people")),
        ("tactile", _("tactile guidance")),
        ("sign_language", _("sign-language assistance")),
        ("induction_loop", _("induction loop")),
    ]
    DELIVERY_MODES = [
        ("centre", _("at the centre")),
        ("home", _("home visits")),
        ("remote", _("remotely")),
    ]

    organisation = ParentalKey("providers_map.Organisation", on_delete=models.CASCADE, related_name="locations")

    objects = PartQuerySet.as_manager()
    uuid = models.UUIDField(
        _("open-data identifier"),
        default=uuid4,
        unique=True,
        editable=False,
        help_text=_("The permanent identifier in open data (HSDS); it never changes."),
    )
    name = models.CharField(
        _("branch name"),
        max_length=300,
        blank=True,
        help_text=_("For example: Kirovsky district branch. Leave empty for the main office."),
    )
    address = models.CharField(
        _("address"),
        max_length=500,
        help_text=_("Street, building and, if needed, entrance or floor, without the region and the locality."),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        related_name="provider_locations",
        verbose_name=_("federal subject"),
        help_text=_("The federal subject (region) where the premises are."),
    )
    locality = models.CharField(
        _("locality"),
        max_length=200,
        help_text=_("City, town or village, for example: Новосибирск, р.п. Краснообск."),
    )
    postcode = models.CharField(
        _("postcode"), max_length=6, blank=True, validators=[validate_postcode], help_text=_("Six digits.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Click the map or drag the marker; or type a locality to get its coordinates."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Filled together with the latitude."),
    )
    coordinates_source = models.CharField(
        _("where the coordinates come from"),
        max_length=20,
        choices=CoordinatesSource.choices,
        blank=True,
        default="",
        help_text=_("Set automatically when you use the map or the locality lookup."),
    )
    coordinates_approximate = models.BooleanField(
        _("approximate coordinates"),
        default=False,
        help_text=_("Tick when the point marks the locality, not the building."),
    )
    opening_hours = OpeningHoursField(
        _("opening hours"),
        help_text=_(
            "Days and hours, groups separated by “;”, for example: Пн-Пт 09:00-18:00; Сб 10:00-14:00. "
            "Days not listed are days off. Leave empty if unknown."
        ),
    )
    accessibility = CodeListField(
        _("accessibility of the premises"),
        codes=ACCESSIBILITY_FEATURES,
        help_text=_("Tick only what you have checked."),
    )
    delivery_modes = CodeListField(
        _("how services are delivered"),
        codes=DELIVERY_MODES,
        help_text=_("At the centre, at the family's home, remotely (video, phone)."),
    )

    class Meta(Orderable.Meta):
        # the editor's order, then creation order: imports and the demo may leave sort_order empty
        ordering = ["sort_order", "pk"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return ", ".join(part for part in (self.locality, self.address) if part)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def full_address(self):
        parts = [self.postcode, str(self.region) if self.region_id else "", self.locality, self.address]
        return ", ".join(p for p in parts if p)

    def accessibility_labels(self):
        labels = dict(self.ACCESSIBILITY_FEATURES)
        return [labels[code] for code in self.accessibility or [] if code in labels]

    def delivery_mode_labels(self):
        labels = dict(self.DELIVERY_MODES)
        return [labels[code] for code in self.delivery_modes or [] if code in labels]

    def timezone(self):
        return region_timezone(self.region.code if self.region_id else None)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"latitude": _("Enter both the latitude and the longitude, or leave both empty.")})
        if self.has_coordinates and not coordinates_in_russia(self.latitude, self.longitude):
            raise ValidationError(
                {
                    "latitude": _(
                        "The point is outside Russia: latitude must be between 41 and 82, longitude between "
                        "19 and 180 (or −180 and −168 for Chukotka). Check that the numbers are not swapped."
                    )
                }
            )
        if not self.has_coordinates:
            self.coordinates_source = ""
            self.coordinates_approximate = False
