"""Admin screens of the import: upload → dry-run preview → apply.

The uploaded file waits between the two steps in a private temporary folder under a random token kept in
the user's session (never in the database); it is deleted after the import or after a day.
"""

import logging
import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from providers_map import exporting

from .columns import COLUMNS
from .pipeline import run_import
from .problems import report_csv

logger = logging.getLogger(__name__)
SESSION_KEY = "provider_import"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
KEEP_SECONDS = 24 * 3600
PERMISSIONS = (
    "providers_map.add_organisation",
    "providers_map.change_organisation",
    "providers_map.publish_organisation",
)
MAX_SHOWN_PLANS = 300


def can_import(user):
    return user.is_active and user.has_perms(PERMISSIONS)


def upload_dir():
    folder = Path(tempfile.gettempdir()) / "portal-provider-imports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def clean_old_uploads(folder):
    cutoff = time.time() - KEEP_SECONDS
    for path in folder.iterdir():
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Registry file"),
        help_text=gettext_lazy("CSV (UTF-8 or Windows-1251, separator “;” or “,”) or XLSX in the template's layout."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB: split it into parts."))
        if Path(upload.name).suffix.lower() not in (".csv", ".txt", ".xlsx"):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        return upload


def _check(request):
    if not can_import(request.user):
        raise PermissionDenied


def _stored(request, token):
    """The file stored under the session's token, or None."""
    stored = request.session.get(SESSION_KEY) or {}
    if not token or stored.get("token") != token:
        return None, None
    path = upload_dir() / f"{token}.upload"
    if not path.exists():
        return None, None
    return path, stored["name"]


@require_http_methods(["GET", "POST"])
def import_start(request):
    _check(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        folder = upload_dir()
        clean_old_uploads(folder)
        token = secrets.token_urlsafe(24)
        upload = form.cleaned_data["file"]
        with open(folder / f"{token}.upload", "wb") as target:
            for chunk in upload.chunks():
                target.write(chunk)
        request.session[SESSION_KEY] = {"token": token, "name": Path(upload.name).name[:150]}
        return redirect("providers_import:preview", token=token)
    return render(request, "providers_map/admin/import.html", {"form": form, "columns": COLUMNS})


@require_http_methods(["GET"])
def import_preview(request, token):
    _check(request)
    path, name = _stored(request, token)
    if path is None:
        return render(request, "providers_map/admin/import_expired.html", status=404)
    result = run_import(path.read_bytes(), name, dry_run=True, user=request.user)
    changing = [plan for plan in result.plans if plan.action != "unchanged"]
    context = {
        "result": result,
        "token": token,
        "changing": changing[:MAX_SHOWN_PLANS],
        "changing_hidden": max(0, len(changing) - MAX_SHOWN_PLANS),
    }
    return render(request, "providers_map/admin/import_preview.html", context)


@require_http_methods(["POST"])
def import_apply(request, token):
    _check(request)
    path, name = _stored(request, token)
    if path is None:
        return render(request, "providers_map/admin/import_expired.html", status=404)
    try:
        result = run_import(path.read_bytes(), name, dry_run=False, user=request.user)
    except DatabaseError:
        # The transaction was rolled back: nothing changed. Keep the file so the operator can retry.
        logger.exception("Registry import of %s failed", name)
        messages.error(request, _("The import failed because of a database error; nothing was changed. Try again."))
        return redirect("providers_import:preview", token=token)
    path.unlink(missing_ok=True)
    request.session.pop(SESSION_KEY, None)
    report_path = upload_dir() / f"{token}.report.csv"
    report_path.write_text(report_csv(result.problems), encoding="utf-8")
    request.session[f"{SESSION_KEY}_report"] = token
    return render(request, "providers_map/admin/import_result.html", {"result": result, "token": token})


@require_http_methods(["GET"])
def import_report(request, token):
    """The rejected rows and warnings as CSV: of the stored file (preview) or of the finished import."""
    _check(request)
    path, name = _stored(request, token)
    if path is not None:
        text = report_csv(run_import(path.read_bytes(), name, dry_run=True).problems)
    elif request.session.get(f"{SESSION_KEY}_report") == token and (upload_dir() / f"{token}.report.csv").exists():
        text = (upload_dir() / f"{token}.report.csv").read_text(encoding="utf-8")
    else:
        raise Http404
    response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
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
