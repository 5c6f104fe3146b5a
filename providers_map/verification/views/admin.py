"""The operators' view in the Wagtail admin: freshness per region, rounds with progress, who was asked, who
answered, who proposed changes, undeliverable addresses, each entry's log, and each proposal's field-by-field
diff with «Опубликовать» / «Отклонить» (the moderation workflow's own approve and reject).
"""

import datetime as dt
import time

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.models import WorkflowState

from core.models import Region
from providers_map.models import Organisation

from .. import freshness, mail, tasks
from ..diff import proposal_comparison
from ..models import Answer, Message, Round
from ..rounds import start_round

TEMPLATES = "providers_map/verification/admin/"
PERIODS = (1, 3, 6, 12)
PER_PAGE = 50
LISTS = ("asked", "answered", "proposed", "bounced", "without_email", "due")


def can_view(user):
    return user.is_active and (
        user.has_perm("providers_map.change_organisation") or user.has_perm("providers_map.view_organisation")
    )


def can_send(user):
    return user.is_active and user.has_perm("providers_map.change_organisation")


def _check(request, allowed=can_view):
    if not allowed(request.user):
        raise PermissionDenied


def _period(request):
    value = request.GET.get("months", "")
    months = int(value) if value.isdecimal() and int(value) in PERIODS else freshness.due_months()
    return months, timezone.now() - dt.timedelta(days=round(months * 30.44))


@require_http_methods(["GET", "HEAD"])
def overview(request):
    _check(request)
    months, since = _period(request)
    due = freshness.due()
    context = {
        "months": months,
        "periods": PERIODS,
        "regions": freshness.region_table(since),
        "due_count": due.exclude(email="").count(),
        "due_without_email": due.filter(email="").count(),
        "due_months": freshness.due_months(),
        "rounds": Round.objects.select_related("created_by")[:5],
        "pending": Answer.objects.filter(outcome=Answer.Outcome.PENDING).select_related("organisation")[:20],
        "bounced_count": freshness.undeliverable().count(),
        "mail_delivers": mail.mail_leaves_the_machine(),
        "can_send": can_send(request.user),
    }
    return render(request, TEMPLATES + "overview.html", context)


@require_http_methods(["POST"])
def round_start(request):
    _check(request, can_send)
    running = Round.objects.filter(status__in=[Round.Status.QUEUED, Round.Status.SENDING]).first()
    if running is not None:
        messages.warning(request, _("A round is already being sent; wait until it finishes."))
        return redirect("providers_verification:round", running.pk)
    round_ = start_round(user=request.user)
    tasks.send_round.enqueue(round_.pk)
    return redirect("providers_verification:round", round_.pk)


def _progress(round_, now=None):
    now = now or time.time()
    started = round_.started_at.timestamp() if round_.started_at else now
    rate = round_.done / max(now - started, 1e-3) if round_.done else 0
    left = (round_.total - round_.done) / rate if rate else None
    return {
        "running": round_.is_running,
        "phase": "queued" if round_.status == Round.Status.QUEUED else "write",
        "done": round_.done,
        "total": round_.total,
        "rate": round(rate),
        "seconds_left": None if left is None else max(0, round(left)),
    }


@require_http_methods(["GET", "HEAD"])
def round_page(request, round_id):
    _check(request)
    round_ = get_object_or_404(Round, pk=round_id)
    context = {"round": round_, "progress": _progress(round_)}
    return render(request, TEMPLATES + "round.html", context)


@require_http_methods(["GET", "HEAD"])
def round_status(request, round_id):
    _check(request)
    round_ = get_object_or_404(Round, pk=round_id)
    return JsonResponse({"status": round_.status, **_progress(round_)})


def _listing(show, since, region):
    organisations = Organisation.objects.all()
    if region is not None:
        organisations = organisations.filter(locations__region=region).distinct()
    if show == "asked":
        rows = Message.objects.filter(created_at__gte=since, organisation__in=organisations)
        return rows.select_related("organisation"), "messages"
    if show in ("answered", "proposed"):
        rows = Answer.objects.filter(created_at__gte=since, organisation__in=organisations)
        if show == "proposed":
            rows = rows.filter(kind=Answer.Kind.PROPOSED)
        return rows.select_related("organisation", "message"), "answers"
    if show == "bounced":
        return freshness.undeliverable().filter(pk__in=organisations.values("pk")), "organisations"
    due = freshness.due().filter(pk__in=organisations.values("pk"))
    return (due.filter(email="") if show == "without_email" else due.exclude(email="")), "organisations"


@require_http_methods(["GET", "HEAD"])
def listing(request):
    _check(request)
    show = request.GET.get("show", "")
    if show not in LISTS:
        show = "asked"
    months, since = _period(request)
    code = request.GET.get("region", "")
    region = Region.objects.filter(code=code).first() if code.isdecimal() and len(code) <= 3 else None
    rows, kind = _listing(show, since, region)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
    context = {"show": show, "kind": kind, "page": page, "region": region, "months": months}
    return render(request, TEMPLATES + "list.html", context)


@require_http_methods(["GET", "HEAD"])
def entry_log(request, organisation_id):
    _check(request)
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    context = {
        "organisation": organisation,
        "messages_sent": organisation.verification_messages.all()[:200],
        "answers": organisation.verification_answers.select_related("message", "decided_by")[:200],
        "edit_url": reverse("wagtailsnippets_providers_map_organisation:edit", args=[organisation.pk]),
    }
    return render(request, TEMPLATES + "entry_log.html", context)


def _task_state(organisation):
    state = (
        WorkflowState.objects.for_instance(organisation)
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("current_task_state")
        .first()
    )
    return state.current_task_state if state is not None else None


def _can_decide(user, organisation, task_state):
    if task_state is None:
        return user.has_perm("providers_map.publish_organisation")
    actions = {name for name, _label, _modal in task_state.task.specific.get_actions(organisation, user)}
    return "approve" in actions


@require_http_methods(["GET", "HEAD", "POST"])
def proposal(request, answer_id):
    _check(request)
    answer = get_object_or_404(
        Answer.objects.select_related("organisation", "message", "revision"), pk=answer_id, kind=Answer.Kind.PROPOSED
    )
    organisation = answer.organisation
    task_state = _task_state(organisation)
    can_decide = answer.outcome == Answer.Outcome.PENDING and _can_decide(request.user, organisation, task_state)
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied
        decide(request, answer, task_state, request.POST.get("action", ""))
        return redirect("providers_verification:proposal", answer.pk)
    context = {
        "answer": answer,
        "organisation": organisation,
        "comparison": proposal_comparison(request, answer),
        "can_decide": can_decide,
        "latest": organisation.latest_revision_id == answer.revision_id,
        "edit_url": reverse("wagtailsnippets_providers_map_organisation:edit", args=[organisation.pk]),
    }
    return render(request, TEMPLATES + "proposal.html", context)


def decide(request, answer, task_state, action):
    """Publish (approve the moderation task, or publish when there is no workflow) or reject the proposal."""
    user = request.user
    if action == "publish":
        if task_state is not None:
            task_state.task.specific.on_action(task_state, user, "approve", comment="")
        else:
            answer.organisation.latest_revision.publish(user=user)
        Answer.objects.filter(pk=answer.pk).update(decided_by=user)
        messages.success(request, _("The changes are published."))
    elif action == "reject":
        if task_state is not None:
            task_state.task.specific.on_action(task_state, user, "reject", comment=_("Rejected on the proposal page."))
        Answer.objects.filter(pk=answer.pk, outcome=Answer.Outcome.PENDING).update(
            outcome=Answer.Outcome.REJECTED, decided_at=timezone.now(), decided_by=user
        )
        messages.success(request, _("The proposal is rejected; the published entry stays as it was."))
