"""The registry entry: an organisation that provides early-care services (HSDS `organization`)."""

from uuid import uuid4

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from providers_map.kept_elsewhere import clash_message
from providers_map.validators import normalise_phone_lines, validate_inn, validate_ogrn

from .querysets import OrganisationQuerySet, stale_cutoff
from .slugs import unique_slug

PREVIEW_TEMPLATE = "providers_map/organisation_preview.html"


class Organisation(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    class Ownership(models.TextChoices):
        STATE = "state", _("state")
        MUNICIPAL = "municipal", _("municipal")
        NONPROFIT = "nonprofit", _("non-profit")
        COMMERCIAL = "commercial", _("commercial")

    class Sector(models.TextChoices):
        SOCIAL = "social", _("social protection")
        HEALTH = "health", _("health care")
        EDUCATION = "education", _("education")
        OTHER = "other", _("other")

    class Referral(models.TextChoices):
        NO = "no", _("not needed")
        YES = "yes", _("needed")
        DEPENDS = "depends", _("depends on the service")

    class Cost(models.TextChoices):
        FREE = "free", _("free of charge")
        PAID = "paid", _("paid")
        MIXED = "mixed", _("free and paid")

    class Status(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("organisation status", "open")
        TEMPORARILY_CLOSED = "temporarily_closed", pgettext_lazy("organisation status", "temporarily closed")
        CLOSED = "closed", pgettext_lazy("organisation status", "closed")

    name = models.CharField(
        _("full name"),
        max_length=500,
        help_text=_("The full official name as in the founding documents, for example ГБУ НСО «…»."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=200,
        blank=True,
        help_text=_("The name families know, shown in lists and on the map. Leave empty to use the full name."),
    )
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "The last part of the page address /providers/…/: Latin letters, digits and hyphens. "
            "Leave empty to make it from the name."
        ),
    )
    ownership = models.CharField(
        _("form of ownership"),
        max_length=20,
        choices=Ownership.choices,
        help_text=_("State, municipal, non-profit or commercial organisation."),
    )
    sector = models.CharField(
        _("sector"),
        max_length=20,
        choices=Sector.choices,
        help_text=_("The public-service sector the organisation belongs to."),
    )
    inn = models.CharField(
        _("INN"),
        max_length=12,
        blank=True,
        validators=[validate_inn],
        help_text=_("Taxpayer number: 10 digits for an organisation, 12 for an individual entrepreneur."),
    )
    ogrn = models.CharField(
        _("OGRN"),
        max_length=15,
        blank=True,
        validators=[validate_ogrn],
        help_text=_("State registration number: 13 digits (OGRN) or 15 digits (OGRNIP). INN or OGRN is required."),
    )
    website = models.URLField(
        _("website"), max_length=300, blank=True, help_text=_("The full address, starting with https://.")
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("The address where families can write."))
    phones = models.TextField(
        _("phones"),
        blank=True,
        help_text=_("One number per line, for example +7 383 222-33-44; they are saved in the +7… format."),
    )
    description = models.TextField(
        _("summary"),
        help_text=_("Two or three sentences in plain language: who the organisation helps and how."),
    )
    how_to_get_help = models.TextField(
        _("how to get help"),
        help_text=_("The first steps for a family: whom to call, what happens at the first visit."),
    )
    referral_required = models.CharField(
        _("referral"),
        max_length=10,
        choices=Referral.choices,
        default=Referral.NO,
        help_text=_("Whether a family needs a referral (from a doctor, a commission) to be admitted."),
    )
    documents = models.TextField(
        _("documents to bring"),
        blank=True,
        help_text=_("One document per line, for example: the child's birth certificate."),
    )
    cost = models.CharField(
        _("cost"),
        max_length=10,
        choices=Cost.choices,
        default=Cost.FREE,
        help_text=_("Whether the services are free of charge for families."),
    )
    cost_note = models.CharField(
        _("cost note"),
        max_length=500,
        blank=True,
        help_text=_("For example: free under the individual programme, other sessions are paid."),
    )
    in_official_registry = models.BooleanField(
        _("in the official regional registry"),
        default=False,
        help_text=_("Tick when the organisation is in the region's official registry of early-care providers."),
    )
    verified_at = models.DateField(
        _("verified on"),
        null=True,
        blank=True,
        help_text=_(
            "The date a person confirmed these data with the organisation. Shown publicly; "
            "entries not confirmed for 12 months are marked as outdated in the admin."
        ),
    )
    confirmed_on = models.DateField(
        _("confirmed by the organisation on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "The last day the organisation itself confirmed or corrected its entry through a verification link."
        ),
    )
    data_source = models.CharField(
        _("data source"),
        max_length=200,
        blank=True,
        help_text=_("Where the data come from: registry operator, import from a file, the organisation itself."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text=_("Closed organisations stay in the registry with a visible status."),
    )
    is_synthetic = models.BooleanField(
        _("synthetic data"),
        default=False,
        editable=False,
        help_text=_("Generated data for demonstrations and load tests, not a real organisation."),
    )
    import_key = models.CharField(
        _("import key"),
        max_length=15,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The OGRN, or the INN when there is no OGRN: how imports recognise this entry."),
    )
    uuid = models.UUIDField(
        _("open-data identifier"),
        default=uuid4,
        unique=True,
        editable=False,
        help_text=_("The permanent identifier of the entry in open data (HSDS); it never changes."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="organisation")

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("inn"),
        index.FilterField("ogrn"),
        index.FilterField("live"),
        index.FilterField("status"),
        index.FilterField("ownership"),
        index.FilterField("sector"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["live", "status"]), models.Index(fields=["verified_at"])]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("providers:detail", args=[self.slug])

    @property
    def is_stale(self):
        return self.verified_at is None or self.verified_at < stale_cutoff()

    def compute_import_key(self):
        return self.ogrn or self.inn or None

    def clean(self):
        super().clean()
        errors = {}
        self.inn, self.ogrn = (self.inn or "").strip(), (self.ogrn or "").strip()
        if not self.inn and not self.ogrn:
            errors["inn"] = _("Enter the INN or the OGRN: at least one is required.")
        others = type(self)._default_manager.exclude(pk=self.pk)
        for field in ("inn", "ogrn"):
            value = getattr(self, field)
            other = others.filter(**{field: value}).first() if value else None
            if other is not None:
                errors.setdefault(field, clash_message(other))
        key = self.compute_import_key()
        other = others.filter(import_key=key).first() if key else None
        if other is not None:
            errors.setdefault("ogrn" if self.ogrn else "inn", clash_message(other))
        try:
            self.phones = normalise_phone_lines(self.phones)
        except ValidationError as exc:
            errors["phones"] = exc.messages
        if self.verified_at and self.verified_at > timezone.localdate():
            errors["verified_at"] = _("The verification date cannot be in the future.")
        if errors:
            raise ValidationError(errors)
        if not self.slug:
            self.slug = unique_slug(type(self), self.short_name or self.name, self.pk)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.short_name or self.name, self.pk)
        self.import_key = self.compute_import_key()
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        """A revision never takes back the organisation's own confirmation: `confirmed_on` stays as recorded,
        and the verification date is never earlier (providers_map/verification records both without a revision)."""
        obj = super().with_content_json(content)
        obj.confirmed_on = self.confirmed_on
        if self.confirmed_on and (obj.verified_at is None or obj.verified_at < self.confirmed_on):
            obj.verified_at = self.confirmed_on
        return obj

    # Preview: the public provider layout with the unsaved data.
    def get_preview_template(self, request, mode_name):
        return PREVIEW_TEMPLATE

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(
            organisation=self,
            page_title=self.display_name,
            locations=list(self.locations.all()),
            services=list(self.services.all()),
            is_preview=True,
        )
        return context
