"""The harvesting admin: for registry operators (who may import), as the import's screens are."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.admin_url_finder import AdminURLFinder

from providers_map.exchange.harvest import metrics
from providers_map.exchange.harvest.check import check_feed
from providers_map.exchange.harvest.takeover import can_take_over, take_over
from providers_map.exchange.harvest.tasks import ensure_schedule, harvest_feed
from providers_map.exchange.import_admin.views import can_import
from providers_map.exchange.models import DuplicatePair, FeedSource, HarvestedEntry, HarvestRun, TermMapping

from .forms import SourceForm, term_choices
from .merge import keep_apart, merge

RUNS_SHOWN = 30


def operator(view):
    def wrapper(request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@operator
def dashboard(request):
    sources = FeedSource.objects.prefetch_related("regions")
    context = {
        "rows": [metrics.figures(source) for source in sources],
        "formula": metrics.FORMULA,
        "pending_pairs": DuplicatePair.objects.filter(decision=DuplicatePair.Decision.PENDING).count(),
        "pending_terms": TermMapping.objects.filter(target="", ignored=False).count(),
    }
    return render(request, "providers_map/exchange/harvest_dashboard.html", context)


@operator
def source_form(request, pk=None):
    source = get_object_or_404(FeedSource, pk=pk) if pk else None
    form = SourceForm(request.POST or None, instance=source)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "check" in request.POST:  # «Проверить»: the feed as it is now, nothing saved
            preview = check_feed(form.save(commit=False))
        else:
            source = form.save()
            ensure_schedule()
            messages.success(request, _("Feed “%(name)s” saved.") % {"name": source.name})
            return redirect("providers_harvest:dashboard")
    return render(
        request, "providers_map/exchange/harvest_source.html", {"form": form, "source": source, "preview": preview}
    )


@operator
def check(request, pk):
    source = get_object_or_404(FeedSource, pk=pk)
    return render(
        request,
        "providers_map/exchange/harvest_source.html",
        {"form": SourceForm(instance=source), "source": source, "preview": check_feed(source)},
    )


@require_POST
@operator
def harvest_now(request, pk):
    source = get_object_or_404(FeedSource, pk=pk)
    harvest_feed.enqueue(source.pk, "admin")
    messages.success(
        request, _("The harvest of “%(name)s” has been started in the background.") % {"name": source.name}
    )
    return redirect("providers_harvest:runs", pk=source.pk)


@operator
def runs(request, pk):
    source = get_object_or_404(FeedSource, pk=pk)
    shown = list(source.runs.all()[:RUNS_SHOWN])
    return render(
        request,
        "providers_map/exchange/harvest_runs.html",
        {"source": source, "runs": shown, "figures": metrics.figures(source), "formula": metrics.FORMULA},
    )


@operator
def run_report(request, pk):
    run = get_object_or_404(HarvestRun.objects.select_related("source"), pk=pk)
    return render(request, "providers_map/exchange/harvest_run.html", {"run": run, "source": run.source})


@operator
def duplicates(request):
    if request.method == "POST":
        pair = get_object_or_404(DuplicatePair, pk=request.POST.get("pair"))
        if request.POST.get("decision") == "same":
            merge(pair, request.user)
            messages.success(request, _("Merged: the registry keeps one entry."))
        else:
            keep_apart(pair, request.user)
            messages.success(request, _("Kept apart: they will not be proposed again."))
        return redirect("providers_harvest:duplicates")
    pending = DuplicatePair.objects.filter(decision=DuplicatePair.Decision.PENDING)
    decided = DuplicatePair.objects.exclude(decision=DuplicatePair.Decision.PENDING).order_by("-decided_at")[:50]
    return render(request, "providers_map/exchange/harvest_duplicates.html", {"pending": pending, "decided": decided})


@operator
def terms(request):
    if request.method == "POST":
        mapping = get_object_or_404(TermMapping, pk=request.POST.get("mapping"))
        target = request.POST.get("target", "")
        valid = {value for _group, options in term_choices()[1:] for value, _label in options}
        mapping.ignored = "ignore" in request.POST
        mapping.target = target if target in valid else ""
        mapping.save()
        messages.success(request, _("Saved: the next harvest reads the term so."))
        return redirect("providers_harvest:terms")
    mappings = TermMapping.objects.select_related("source").order_by("-ignored", "target", "-seen")
    return render(
        request, "providers_map/exchange/harvest_terms.html", {"mappings": mappings, "choices": term_choices()}
    )


def take_over_entry(request, pk):
    """«Сделать записью нашего реестра»: a confirmation, then the harvested entry becomes a local one."""
    if not can_take_over(request.user):
        raise PermissionDenied
    entry = get_object_or_404(
        HarvestedEntry.objects.select_related("source", "organisation"),
        pk=pk,
        state=HarvestedEntry.State.ACTIVE,
        organisation__isnull=False,
    )
    if request.method == "POST":
        organisation = take_over(entry, request.user)
        if organisation is None:
            messages.error(request, _("This entry is no longer a harvested one: nothing was changed."))
            return redirect("providers_harvest:runs", pk=entry.source_id)
        messages.success(
            request,
            _("“%(name)s” is an entry of our registry now: edit it here; the feed “%(source)s” no longer changes it.")
            % {"name": organisation.name, "source": entry.source.name},
        )
        return redirect(AdminURLFinder(request.user).get_edit_url(organisation))
    return render(request, "providers_map/exchange/harvest_take_over.html", {"entry": entry})
