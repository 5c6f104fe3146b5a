"""Import jobs: where an uploaded file waits, how a run reports progress, and what happens at the end.

Progress goes to a small JSON file next to the upload (written atomically, at most twice a second): the
import itself runs in one database transaction, so rows it writes are invisible to the admin's status
requests until the end, while the file is not. The web process and the worker must share this folder.
"""

import json
import logging
import os
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.db_outage import is_database_unavailable, wait_for_database
from providers_map.exchange.models import ImportJob

from .pipeline import run_import_path

logger = logging.getLogger(__name__)
KEEP_UPLOAD_SECONDS = 24 * 3600
KEEP_JOBS_DAYS = 30
UPLOAD_NAME = "upload"


def jobs_dir():
    folder = Path(settings.PROVIDER_IMPORT_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def job_dir(job):
    return jobs_dir() / str(job.pk)


def upload_path(job):
    return job_dir(job) / UPLOAD_NAME


def store_upload(job, chunks):
    folder = job_dir(job)
    folder.mkdir(mode=0o700, exist_ok=True)
    size = 0
    with open(folder / UPLOAD_NAME, "wb") as target:
        for chunk in chunks:
            size += len(chunk)
            target.write(chunk)
    return size


def delete_upload(job):
    upload_path(job).unlink(missing_ok=True)


class Progress:
    """Writes {"phase", "done", "total", "phase_started", "updated"} for the status view, throttled."""

    INTERVAL = 0.5

    def __init__(self, job, clock=time.time):
        self.path = job_dir(job) / "progress.json"
        self.clock = clock
        self.phase, self.phase_started, self.written = None, None, 0.0

    def __call__(self, phase, done, total):
        now = self.clock()
        if phase != self.phase:
            self.phase, self.phase_started = phase, now
        elif now - self.written < self.INTERVAL and done < total:
            return
        self.written = now
        data = {"phase": phase, "done": done, "total": total, "phase_started": self.phase_started, "updated": now}
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, self.path)


def read_progress(job, now=None):
    """What the status view shows: phase, rows done and expected, rows per second, seconds left."""
    try:
        data = json.loads((job_dir(job) / "progress.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"phase": "queued", "done": 0, "total": 0, "rate": 0, "seconds_left": None}
    now = now or time.time()
    elapsed = max(now - data["phase_started"], 1e-3)
    rate = data["done"] / elapsed if data["done"] else 0
    left = (data["total"] - data["done"]) / rate if rate else None
    return {
        "phase": data["phase"],
        "done": data["done"],
        "total": data["total"],
        "rate": round(rate),
        "seconds_left": None if left is None else max(0, round(left)),
    }


def run_job(job_id, apply):
    """Check (dry run) or import the job's file; store the result; tell the uploader when an import ends.

    Returns the ids of the organisations an applied import wrote (the caller brings search up to date)."""
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    path = upload_path(job)
    if not path.exists():
        job.status, job.error = ImportJob.Status.EXPIRED, _("The uploaded file is no longer available.")
        job.save(update_fields=["status", "error"])
        return []
    job.started_at = timezone.now()
    job.save(update_fields=["started_at"])
    try:
        result = run_import_path(path, dry_run=not apply, user=job.user, progress=Progress(job), search="later")
    except Exception as exc:
        logger.exception("Registry import %s failed", job.pk)
        # The import's transaction was rolled back. A database that stopped answering (a restart) is waited
        # for, so that the outcome can be recorded at all.
        if is_database_unavailable(exc) and not wait_for_database():
            raise
        job.status = ImportJob.Status.FAILED
        if isinstance(exc, DatabaseError):
            job.error = _("The import failed because of a database error; nothing was changed. Try again.")
            if apply and job.check_result is not None and path.exists():
                job.status = ImportJob.Status.CHECKED  # the check still holds: the import can be confirmed again
        else:
            job.error = _("The import stopped because of an internal error; nothing was changed.")
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        notify(job)
        return []
    result.file_name = job.file_name
    data = result.as_dict()
    data["file_name"] = job.file_name
    job.finished_at = timezone.now()
    if result.unusable:
        job.status, job.check_result = ImportJob.Status.UNUSABLE, data
        delete_upload(job)
    elif apply:
        job.status, job.result = ImportJob.Status.DONE, data
        delete_upload(job)
    else:
        job.status, job.check_result = ImportJob.Status.CHECKED, data
    job.save(update_fields=["status", "check_result", "result", "finished_at"])
    if apply or result.unusable:
        notify(job)
    return list(result.written) if apply and not result.unusable else []


def notify(job):
    """An e-mail to the uploader with the outcome and a link to the report (when they have an address)."""
    user = job.user
    if user is None or not user.email:
        return
    data = job.shown_result or {}
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("providers_import:job", args=[job.pk])
    if job.status == ImportJob.Status.DONE:
        subject = _("Registry import finished: %(name)s") % {"name": job.file_name}
        body = _(
            "The file “%(name)s” is imported.\nRows: %(total)s, accepted: %(accepted)s, rejected: %(rejected)s.\n"
            "Organisations: created %(created)s, updated %(updated)s, unchanged %(unchanged)s.\n\nReport: %(link)s"
        ) % {
            "name": job.file_name,
            "total": data.get("rows_total", 0),
            "accepted": data.get("rows_accepted", 0),
            "rejected": data.get("rows_rejected", 0),
            "created": data.get("created", 0),
            "updated": data.get("updated", 0),
            "unchanged": data.get("unchanged", 0),
            "link": link,
        }
    else:
        subject = _("Registry import did not run: %(name)s") % {"name": job.file_name}
        body = f"{job.get_status_display()}\n{data.get('unusable') or job.error}\n\n{link}"
    try:
        send_mail(subject, body, None, [user.email])
    except OSError:
        logger.exception("Could not e-mail the result of import %s", job.pk)


def prune(now=None):
    """Delete uploads older than a day (their check can no longer be applied) and jobs older than 30 days."""
    now = now or timezone.now()
    stale = ImportJob.objects.filter(
        status__in=[ImportJob.Status.CHECKED, ImportJob.Status.CHECKING],
        created_at__lt=now - timezone.timedelta(seconds=KEEP_UPLOAD_SECONDS),
    )
    for job in stale:
        delete_upload(job)
    stale.update(status=ImportJob.Status.EXPIRED)
    old = ImportJob.objects.filter(created_at__lt=now - timezone.timedelta(days=KEEP_JOBS_DAYS))
    for job in old:
        shutil.rmtree(job_dir(job), ignore_errors=True)
    old.delete()
    known = {str(pk) for pk in ImportJob.objects.values_list("pk", flat=True)}
    for folder in jobs_dir().iterdir():
        if folder.name not in known and folder.stat().st_mtime < time.time() - KEEP_UPLOAD_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
