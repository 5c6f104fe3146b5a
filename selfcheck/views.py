"""/self-check/: the child's age → the checklist for it → the result per area → help, all by GET.

Nothing a parent answers is stored or logged: the answers go from the checklist's GET form to a signed answer
link (selfcheck/links.py) in the result's URL. Result pages are `no-store` and send no Referer, so the link
reaches neither shared caches nor the pages opened from it. No view sets a cookie.
"""

from datetime import date, timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from selfcheck import links, presentation, reminders
from selfcheck.age import ChildAge, child_age
from selfcheck.areas import CHECKPOINTS, checkpoint_label
from selfcheck.forms import AgeForm, PlaceForm, read_answers
from selfcheck.models import fingerprint
from selfcheck.results import evaluate

AGE_FIELDS = ("birth", "months", "weeks", "where", "near")
REMINDER_HORIZON_DAYS = 5 * 365


def _age_form(request):
    """The age form, bound only when the request carries one of its fields (not for tracking tags)."""
    if any(name in request.GET for name in AGE_FIELDS):
        return AgeForm(request.GET)
    return AgeForm()


def _problem(request, title, message, status=400, checklist=None):
    response = render(
        request,
        "selfcheck/problem.html",
        {"title": title, "message": message, "checklist": checklist},
        status=status,
    )
    return _private(response)


def _private(response):
    """Pages that may hold answers: kept by no cache, named to no other page, indexed by no search engine."""
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def _checklist_or_404(months):
    checklist = presentation.live_checklist(months)
    if checklist is None:
        raise Http404
    return checklist


@require_safe
def start(request):
    form = _age_form(request)
    too_young = None
    if form.is_bound and form.is_valid():
        age = form.cleaned_data["age"]
        if age.checkpoint is not None:
            url = reverse("selfcheck:checklist", args=[age.checkpoint])
            return redirect(presentation.with_query(url, presentation.carried(form)))
        too_young = {"age": age, "reminder_url": presentation.reminder_url(age, date.today())}
    return render(
        request,
        "selfcheck/start.html",
        {"form": form, "too_young": too_young, "checkpoints": _checkpoints()},
    )


def _checkpoints():
    return [(months, label) for months, label, _url in presentation.live_checkpoints()]


@require_safe
def checklist(request, months):
    checklist = _checklist_or_404(months)
    warnings, signs = presentation.warning_signs(checklist)
    form = _age_form(request)
    age = form.cleaned_data["age"] if form.is_bound and form.is_valid() else None
    answers, noticed, link_problem = (), [False] * len(signs), ""
    token = request.GET.get("a")
    if token is not None:  # «change my answers»: the form filled in from an answer link
        try:
            saved = _decode(token, checklist, signs)
            answers, noticed = saved.milestones, list(saved.signs)
        except links.LinkError as error:
            link_problem = LINK_MESSAGES[error.reason][1]
    response = render(
        request,
        "selfcheck/checklist.html",
        {
            "checklist": checklist,
            "groups": checklist.questions_by_area(answers),
            "warnings": warnings,
            "signs": list(zip(signs, noticed, strict=True)),
            "age": age,
            "age_errors": form.errors if form.is_bound else {},
            "other_checkpoint": age.checkpoint if age and age.checkpoint not in (None, months) else None,
            "carried": presentation.carried(form),
            "version": fingerprint(checklist, signs).hex(),
            "link_problem": link_problem,
            "missing_answers": request.GET.get("error") == "empty",
        },
    )
    return _private(response) if token is not None else response


LINK_MESSAGES = {
    "too_long": (
        gettext_lazy("This link is too long"),
        gettext_lazy(
            "A link to answers is short. This one is much longer, so it was probably changed or glued to another."
        ),
    ),
    "damaged": (
        gettext_lazy("This link cannot be opened"),
        gettext_lazy(
            "The link to the answers is damaged or was changed by hand. Ask for the link again, or answer anew."
        ),
    ),
    "outdated": (
        gettext_lazy("The checklist has changed"),
        gettext_lazy(
            "Specialists have updated this checklist since the answers were given. Please answer the questions again."
        ),
    ),
}


def _decode(token, checklist, signs):
    answers = links.decode(token)
    if answers.checkpoint != checklist.months:
        raise links.LinkError("damaged")
    if answers.fingerprint != fingerprint(checklist, signs) or len(answers.milestones) != len(
        checklist.ordered_milestones
    ):
        raise links.LinkError("outdated")
    return answers


@require_safe
def result(request, months):
    checklist = _checklist_or_404(months)
    warnings, signs = presentation.warning_signs(checklist)
    token = request.GET.get("a")
    if token is None:
        return _submitted(request, checklist, signs)
    try:
        answers = _decode(token, checklist, signs)
    except links.LinkError as error:
        title, message = LINK_MESSAGES[error.reason]
        return _problem(request, title, message, checklist=checklist)
    place_form = PlaceForm({"where": request.GET.get("where", ""), "near": request.GET.get("near", "")})
    place = place_form.place()
    age = child_age(months=answers.months, weeks=answers.weeks, today=answers.answered_on)
    evaluation = evaluate(checklist.ordered_milestones, answers.milestones, signs, answers.signs)
    response = render(
        request,
        "selfcheck/result.html",
        {
            "checklist": checklist,
            "answers": answers,
            "age": age,
            "evaluation": evaluation,
            "areas": presentation.area_views(evaluation, checklist, age.months, place),
            "sign_help_url": presentation.sign_help_url(evaluation, age.months, place),
            "groups": checklist.questions_by_area(answers.milestones),
            "warnings": warnings,
            "place": place,
            "place_form": place_form,
            "share_url": request.build_absolute_uri(),
            "token": token,
            "change_url": presentation.with_query(
                reverse("selfcheck:checklist", args=[months]),
                {"a": token, "months": age.months, "weeks": age.weeks or "", **place},
            ),
            "reminder_url": presentation.reminder_url(age, answers.answered_on),
            "next_checkpoint_date": age.next_checkpoint_date(answers.answered_on),
        },
    )
    return _private(response)


def _submitted(request, checklist, signs):
    """The checklist form's answers → the answer link (a redirect), or a clear message."""
    milestones = checklist.ordered_milestones
    answers, noticed, problems = read_answers(request.GET, milestones, signs)
    if problems:
        return _problem(
            request,
            _("The answers could not be read"),
            _(
                "The form sent answers we do not know. Open the checklist again and choose «Yes», «Not yet» or "
                "«Don't know»."
            ),
            checklist=checklist,
        )
    version = request.GET.get("v")
    if version is not None and version != fingerprint(checklist, signs).hex():
        return _problem(request, *LINK_MESSAGES["outdated"], checklist=checklist)
    form = _age_form(request)
    age = form.cleaned_data["age"] if form.is_bound and form.is_valid() else None
    if age is None:  # opened from search or a list: the checklist's own age
        age = ChildAge(months=checklist.months, weeks=None, corrected_months=checklist.months)
    if not any(answers) and not any(noticed):
        url = reverse("selfcheck:checklist", args=[checklist.months])
        return redirect(presentation.with_query(url, {**presentation.carried(form), "error": "empty"}) + "#questions")
    token = links.encode(
        links.AnswerSet(
            checkpoint=checklist.months,
            months=age.months,
            weeks=age.weeks,
            answered_on=date.today(),
            fingerprint=fingerprint(checklist, signs),
            milestones=tuple(answers),
            signs=tuple(noticed),
        )
    )
    url = reverse("selfcheck:result", args=[checklist.months])
    return _private(redirect(presentation.with_query(url, {"a": token, **PlaceForm(request.GET).place()})))


@require_safe
def reminder(request):
    """An .ics with one all-day event: the date of the next checkpoint and a link to its checklist."""
    try:
        checkpoint = int(request.GET.get("checkpoint", ""))
        when = date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        checkpoint, when = None, None
    today = date.today()
    if (
        checkpoint not in CHECKPOINTS
        or when is None
        or not today - timedelta(days=1) <= when <= today + timedelta(days=REMINDER_HORIZON_DAYS)
    ):
        return _problem(
            request,
            _("The reminder could not be made"),
            _("The reminder link is incomplete or changed. Open the result again and use its reminder link."),
        )
    link = request.build_absolute_uri(reverse("selfcheck:checklist", args=[checkpoint]))
    body = reminders.calendar(when, link, checkpoint_label(checkpoint))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="self-check-{checkpoint}-months.ics"'
    return _private(response)
