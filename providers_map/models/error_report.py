"""Visitors' reports about wrong registry data ("Сообщить об ошибке"), handled by registry operators."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MESSAGE_MAX_LENGTH = 2000


class ErrorReport(models.Model):
    class Topic(models.TextChoices):
        OUTDATED = "outdated", _("outdated information")
        CLOSED = "closed", _("the organisation is closed")
        WRONG_ADDRESS = "wrong_address", _("wrong address")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("error report status", "new")
        IN_PROGRESS = "in_progress", pgettext_lazy("error report status", "in progress")
        RESOLVED = "resolved", pgettext_lazy("error report status", "corrected")
        REJECTED = "rejected", pgettext_lazy("error report status", "rejected")

    organisation = models.ForeignKey(
        "providers_map.Organisation",
        on_delete=models.CASCADE,
        related_name="error_reports",
        verbose_name=_("organisation"),
        help_text=_("The registry entry the report is about."),
    )
    topic = models.CharField(
        _("topic"), max_length=20, choices=Topic.choices, help_text=_("What the visitor says is wrong.")
    )
    message = models.TextField(
        _("message"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
        help_text=_("The visitor's text, as sent."),
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Only if the visitor asked for an answer and consented.")
    )
    consent_given = models.BooleanField(
        _("consent to personal data processing"),
        default=False,
        help_text=_("The visitor agreed to the processing of the e-mail address."),
    )
    consent_at = models.DateTimeField(
        _("consent given at"), null=True, blank=True, help_text=_("When the consent was given.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        help_text=_("Move to “in progress” when you start, then to “corrected” or “rejected”."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, help_text=_("When the report arrived."))
    handled_note = models.TextField(
        _("operator's note"),
        blank=True,
        help_text=_("What was checked and changed; visible to registry operators only."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("error report")
        verbose_name_plural = _("error reports")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.organisation}"

    def clean(self):
        super().clean()
        if self.email and not self.consent_given:
            raise ValidationError(
                {"consent_given": _("To leave an e-mail, consent to the processing of personal data.")}
            )
        if not self.email:
            self.consent_given = False
            self.consent_at = None
