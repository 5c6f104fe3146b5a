"""What verification records: rounds of requests, each message sent, and the provider's answers.

A message is one e-mail with one signed link (`tokens.py`); an answer says which message's link it came
through. Nothing here is public: the registry shows only the organisation's `confirmed_on` date.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ERROR_MAX_LENGTH = 500


class Round(models.Model):
    """One mailing to every organisation due for verification (started by an operator or the schedule)."""

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("verification round", "waiting for the worker")
        SENDING = "sending", pgettext_lazy("verification round", "sending")
        DONE = "done", pgettext_lazy("verification round", "finished")
        FAILED = "failed", pgettext_lazy("verification round", "stopped by an error")

    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    scheduled = models.BooleanField(_("started by the monthly schedule"), default=False)
    months = models.PositiveSmallIntegerField(_("not verified for, months"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(_("messages"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    refused = models.PositiveIntegerField(_("refused by the mail server"), default=0)
    failed = models.PositiveIntegerField(_("not sent"), default=0)
    without_email = models.PositiveIntegerField(_("entries without an e-mail address"), default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=ERROR_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("verification round")
        verbose_name_plural = _("verification rounds")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} ({self.total})"

    @property
    def done(self):
        return self.sent + self.refused + self.failed

    @property
    def is_running(self):
        return self.status in (self.Status.QUEUED, self.Status.SENDING)


class Message(models.Model):
    """One e-mail to the address in an organisation's entry, with its own signed link."""

    class Kind(models.TextChoices):
        ROUND = "round", _("request")
        REMINDER = "reminder", _("reminder")
        CLAIM = "claim", _("link asked for on the provider page")

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("verification message", "queued")
        SENT = "sent", pgettext_lazy("verification message", "sent")
        REFUSED = "refused", pgettext_lazy("verification message", "refused by the mail server")
        BOUNCED = "bounced", pgettext_lazy("verification message", "returned as undeliverable")
        FAILED = "failed", pgettext_lazy("verification message", "not sent (mail server unavailable)")

    UNDELIVERABLE = (Status.REFUSED, Status.BOUNCED)

    organisation = models.ForeignKey(
        "providers_map.Organisation", on_delete=models.CASCADE, related_name="verification_messages"
    )
    round = models.ForeignKey(Round, on_delete=models.CASCADE, null=True, blank=True, related_name="messages")
    reminder_for = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    email = models.EmailField(_("sent to"), max_length=254)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.CharField(_("mail server's answer"), max_length=ERROR_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    opened_at = models.DateTimeField(_("link first opened"), null=True, blank=True)
    changes_sent_at = models.DateTimeField(_("changes sent through the link"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("verification message")
        verbose_name_plural = _("verification messages")
        indexes = [
            models.Index(fields=["organisation", "-created_at"]),
            models.Index(fields=["status", "sent_at"]),
            models.Index(fields=["email"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.email}"


class Answer(models.Model):
    """What the organisation did with a link: «Всё верно» or a proposal of changes (a draft revision)."""

    class Kind(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed the entry")
        PROPOSED = "proposed", _("proposed changes")

    class Outcome(models.TextChoices):
        NONE = "", _("—")
        PENDING = "pending", _("waiting for an operator")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")

    organisation = models.ForeignKey(
        "providers_map.Organisation", on_delete=models.CASCADE, related_name="verification_answers"
    )
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="answers")
    kind = models.CharField(_("answer"), max_length=10, choices=Kind.choices)
    person = models.CharField(_("who answered"), max_length=200, blank=True)
    comment = models.TextField(_("note for the operator"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True, default="")
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("answer to a verification request")
        verbose_name_plural = _("answers to verification requests")
        indexes = [models.Index(fields=["organisation", "-created_at"]), models.Index(fields=["outcome"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.organisation}"
