"""An uploaded registry file and what became of it: checked in the background, previewed, imported.

The file itself waits in a private folder (`jobs.job_dir`), never in the database or under MEDIA_ROOT; it
is deleted when the import has run, when the file turned out unusable, or after a day.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportJob(models.Model):
    class Status(models.TextChoices):
        CHECKING = "checking", pgettext_lazy("import status", "checking")
        CHECKED = "checked", pgettext_lazy("import status", "checked, waiting for confirmation")
        IMPORTING = "importing", pgettext_lazy("import status", "importing")
        DONE = "done", pgettext_lazy("import status", "imported")
        UNUSABLE = "unusable", pgettext_lazy("import status", "file cannot be imported")
        FAILED = "failed", pgettext_lazy("import status", "failed")
        EXPIRED = "expired", pgettext_lazy("import status", "expired")

    RUNNING = (Status.CHECKING, Status.IMPORTING)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="provider_imports",
        verbose_name=_("uploaded by"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("file size, bytes"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CHECKING)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    check_result = models.JSONField(_("check result"), null=True, blank=True)
    result = models.JSONField(_("import result"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    seen = models.BooleanField(_("result seen"), default=False)

    class Meta:
        db_table = "providers_import_importjob"  # named when the import was an app of its own
        ordering = ["-created_at"]
        verbose_name = _("registry import")
        verbose_name_plural = _("registry imports")
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_running(self):
        return self.status in self.RUNNING

    @property
    def shown_result(self):
        """The import's result when it ran, else the check's."""
        return self.result if self.result is not None else self.check_result


class ImportedState(models.Model):
    """What the last import of an organisation read, so an unchanged file can be recognised at once.

    `digest` covers the organisation's raw rows, the column layout, the reference values and the import's rules;
    `revision_id` is the revision that import published. While the entry's live revision is still that one
    (nobody has edited, unpublished or locked it since), the same rows would plan nothing, so they are not
    cleaned and compared again; their problems and notes are replayed from here.
    """

    organisation = models.OneToOneField(
        "providers_map.Organisation", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(max_length=64)
    revision_id = models.BigIntegerField()
    name = models.CharField(max_length=500, blank=True)
    problems = models.JSONField(default=list, blank=True)  # [row index in the group, column, value, reason, kind]
    notices = models.JSONField(default=list, blank=True)
    rejected = models.JSONField(default=list, blank=True)  # [row index in the group, kind, what]

    class Meta:
        db_table = "providers_import_importedstate"
        verbose_name = _("imported state")
        verbose_name_plural = _("imported states")

    def __str__(self):
        return self.name
