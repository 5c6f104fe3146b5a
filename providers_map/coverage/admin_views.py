"""The operators' view of coverage in Wagtail's admin: the same national table, map and region pages as the public
site, what is waiting to be recomputed, and the table of children per locality (upload, report, clear)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from providers_map.exchange.importing.opening import MAX_FILE_BYTES

from . import tasks, uploads
from .models import ChildCount, ChildEstimate
from .views import index_context, region_context

VIEW_PERMISSIONS = ("providers_map.view_organisation", "providers_map.change_organisation")
CHANGE_PERMISSION = "providers_map.change_organisation"  # registry operators


def can_view(user):
    return user.is_active and any(user.has_perm(permission) for permission in VIEW_PERMISSIONS)


def can_change(user):
    return user.is_active and user.has_perm(CHANGE_PERMISSION)


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def admin_region_url(code):
    return reverse("coverage_admin:region", args=[code])


def status(user):
    """What the operator may want to know besides the figures: a recompute waiting, the children's sources."""
    waiting = tasks.waiting()
    return {
        "waiting": waiting,
        "uploaded": ChildCount.objects.count(),
        "estimate_url": reverse("wagtailsettings:edit", args=["providers_coverage", "childestimate"]),
        "can_change": can_change(user),
    }


@require_safe
def national(request):
    _require(can_view(request.user))
    context, status_code = index_context(request.GET, admin_region_url)
    context.update(status(request.user), region_url_name="coverage_admin:region")
    return render(request, "providers_map/coverage/admin/index.html", context, status=status_code)


@require_safe
def region(request, code):
    _require(can_view(request.user))
    context = region_context(code)
    context.update(status(request.user))
    return render(request, "providers_map/coverage/admin/region.html", context)


@require_POST
def recompute(request):
    _require(can_change(request.user))
    tasks.schedule()
    messages.success(request, _("The figures will be recomputed in the background within a minute."))
    return redirect("coverage_admin:index")


class ChildCountsForm(forms.Form):
    """A table of children per locality, within the registry import's size limit."""

    file = forms.FileField(
        label=gettext_lazy("Table of children aged 0–3"),
        help_text=gettext_lazy(
            "XLSX or CSV with the columns «Регион», «Населённый пункт» (or «Муниципальное образование») and "
            "«Дети 0–3»; up to 20 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB: split it into parts."))
        return upload


@require_http_methods(["GET", "HEAD", "POST"])
def children(request):
    """Upload a table of children per locality: the good rows are kept at once, the bad ones reported."""
    _require(can_change(request.user))
    report, error = None, ""
    form = ChildCountsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            good, report = uploads.read_counts(upload.file, upload.name)
        except uploads.UploadError as exc:
            error = str(exc)
        else:
            uploads.keep(good, report)
            if report.accepted:
                tasks.schedule()
    context = {
        "form": form,
        "report": report,
        "error": error,
        "uploaded": ChildCount.objects.count(),
        "estimate": ChildEstimate.load(),
        "estimate_url": reverse("wagtailsettings:edit", args=["providers_coverage", "childestimate"]),
    }
    return render(request, "providers_map/coverage/admin/children.html", context, status=400 if error else 200)


@require_POST
def clear_children(request):
    _require(can_change(request.user))
    removed, _details = ChildCount.objects.all().delete()
    if removed:
        tasks.schedule()
    messages.success(
        request, _("Uploaded numbers removed: %(count)s. The estimate is used everywhere.") % {"count": removed}
    )
    return redirect("coverage_admin:children")
