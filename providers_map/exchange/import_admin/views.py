"""Admin screens of the import: upload → background check → preview → confirm → background import → report.

Both the check and the import run as background tasks (`tasks.py`), so a big file never holds a web worker;
the job page shows their progress (rows done, rate, time left) and then the preview or the report. Only
registry operators (who may add, change and publish entries) can upload, and each job is visible to its
uploader only.
"""

from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from providers_map.exchange import exporting
from providers_map.exchange.importing import jobs, limits
from providers_map.exchange.importing.columns import COLUMNS
from providers_map.exchange.importing.problems import report_rows_csv
from providers_map.exchange.importing.tasks import apply_import, check_import
from providers_map.exchange.models import ImportJob

PERMISSIONS = (
    "providers_map.add_organisation",
    "providers_map.change_organisation",
    "providers_map.publish_organisation",
)
MAX_SHOWN_PLANS = 300
RECENT_JOBS = 10


def can_import(user):
    return user.is_active and user.has_perms(PERMISSIONS)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Registry file"),
        help_text=gettext_lazy(
            "XLSX, or CSV (UTF-8 or Windows-1251, separator “;” or “,”), in the layout of the template or of the "
            "registry's export, or an HSDS 3.0 tabular data package as a ZIP; up to 20 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > limits.MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB: split it into parts."))
        return upload


def _check(request):
    if not can_import(request.user):
        raise PermissionDenied


def _job(request, job_id):
    _check(request)
    job = get_object_or_404(ImportJob, pk=job_id)
    if job.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    return job


@require_http_methods(["GET", "POST"])
def import_start(request):
    _check(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob.objects.create(user=request.user, file_name=Path(upload.name).name[:255])
        job.file_size = jobs.store_upload(job, upload.chunks())
        job.save(update_fields=["file_size"])
        check_import.enqueue(str(job.pk))
        return redirect("providers_import:job", job_id=job.pk)
    recent = ImportJob.objects.filter(user=request.user)[:RECENT_JOBS]
    return render(request, "providers_map/exchange/import.html", {"form": form, "columns": COLUMNS, "recent": recent})


@require_http_methods(["GET"])
def job_page(request, job_id):
    job = _job(request, job_id)
    context = {"job": job, "status_url": reverse("providers_import:status", args=[job.pk])}
    if job.is_running:
        context["progress"] = jobs.read_progress(job)
        return render(request, "providers_map/exchange/import_progress.html", context)
    data = job.shown_result or {}
    if job.status == ImportJob.Status.DONE and not job.seen:
        job.seen = True
        job.save(update_fields=["seen"])
    plans = data.get("plans", [])
    context.update(
        result=data,
        created=[plan for plan in plans if plan["action"] == "create"][:MAX_SHOWN_PLANS],
        updated=[plan for plan in plans if plan["action"] == "update"][:MAX_SHOWN_PLANS],
        hidden=max(0, len(plans) - 2 * MAX_SHOWN_PLANS) + data.get("plans_hidden", 0),
        problems_by_row=_problems_by_row(data.get("problems", [])),
        can_apply=job.status == ImportJob.Status.CHECKED and jobs.upload_path(job).exists(),
    )
    return render(request, "providers_map/exchange/import_job.html", context)


def _problems_by_row(problems):
    rows = {}
    for problem in problems:
        rows.setdefault(problem["row"], []).append(problem)
    return rows


@require_http_methods(["GET"])
def job_status(request, job_id):
    job = _job(request, job_id)
    progress = jobs.read_progress(job) if job.is_running else {}
    return JsonResponse(
        {"status": job.status, "running": job.is_running, "label": job.get_status_display(), **progress}
    )


@require_http_methods(["POST"])
def job_apply(request, job_id):
    job = _job(request, job_id)
    if job.status != ImportJob.Status.CHECKED or not jobs.upload_path(job).exists():
        messages.error(request, _("This check can no longer be imported: upload the file again."))
        return redirect("providers_import:job", job_id=job.pk)
    job.status, job.started_at, job.finished_at, job.error = ImportJob.Status.IMPORTING, None, None, ""
    job.save(update_fields=["status", "started_at", "finished_at", "error"])
    (jobs.job_dir(job) / "progress.json").unlink(missing_ok=True)
    apply_import.enqueue(str(job.pk))
    return redirect("providers_import:job", job_id=job.pk)


@require_http_methods(["GET"])
def job_report(request, job_id):
    """The rejected rows and warnings (and the changes) as CSV for Excel."""
    job = _job(request, job_id)
    data = job.shown_result
    if not data:
        raise Http404
    response = HttpResponse(report_rows_csv(data).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="import-report.csv"'
    return response


@require_http_methods(["GET"])
def import_template(request, fmt):
    _check(request)
    if fmt == "csv":
        data, content_type = exporting.template_csv(), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        data = exporting.template_xlsx()
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="registry-template.{fmt}"'
    return response
