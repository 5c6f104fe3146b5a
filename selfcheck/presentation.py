"""What the self-check's pages show besides the editors' fields: grouped questions, the result per area with
its way to help, the answer summary and the next checkpoint."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from core.models import DevelopmentalConcern
from selfcheck.adapters import finder_url
from selfcheck.areas import CHECKPOINTS, checkpoint_label
from selfcheck.forms import PlaceForm
from selfcheck.models import MilestoneChecklist, WarningSignList


def live_checklist(months):
    if months not in CHECKPOINTS:
        return None
    return (
        MilestoneChecklist.objects.filter(live=True, months=months)
        .prefetch_related("milestones__image", "milestones__video", "advice")
        .first()
    )


def live_checkpoints():
    """[(months, label, url)] of the published checklists."""
    months = MilestoneChecklist.objects.filter(live=True).values_list("months", flat=True)
    return [(m, checkpoint_label(m), reverse("selfcheck:checklist", args=[m])) for m in sorted(months)]


def warning_signs(checklist):
    """(the published list or None, its signs asked at this checkpoint)."""
    warnings = WarningSignList.current()
    return warnings, (warnings.signs_for(checklist.months) if warnings else [])


def carried(age_form):
    """The age and place fields to carry into the next page (hidden inputs, links); the place is kept even
    when the age could not be read."""
    if not age_form.is_bound:
        return {}
    values = PlaceForm(age_form.data).place()
    age = age_form.cleaned_data.get("age") if age_form.is_valid() else None
    if age is not None:
        values.update(months=age.months, weeks=age.weeks or "")
    return {key: value for key, value in values.items() if value not in ("", None)}


def with_query(url, params):
    params = {key: value for key, value in params.items() if value not in ("", None)}
    return f"{url}?{urlencode(params)}" if params else url


@dataclass
class AreaView:
    result: object  # selfcheck.results.AreaResult
    advice: object  # selfcheck.models.AreaAdvice or None
    concern: object  # core.models.DevelopmentalConcern or None
    help_url: str

    @property
    def verdict(self):
        return self.result.verdict

    @property
    def reading(self):
        return self.advice.reading_pages() if self.advice else []


def area_views(evaluation, checklist, age_months, place):
    concerns = {c.slug: c for c in DevelopmentalConcern.objects.all()}
    views = []
    for result in evaluation.areas:
        # a noticed sign that names its own concern (no reaction to sounds → hearing) is the more precise help
        named = [sign.concern.slug for sign in result.signs if sign.concern_id]
        slug = named[0] if named else result.area.concern
        views.append(
            AreaView(
                result=result,
                advice=checklist.advice_for(result.area.code),
                concern=concerns.get(slug),
                help_url=finder_url(concern=slug if slug in concerns else "", age_months=age_months, **place),
            )
        )
    return views


def sign_help_url(evaluation, age_months, place):
    """The finder for noticed warning signs that belong to no single area (their own concern, if any)."""
    slugs = {sign.concern_slug for sign in evaluation.general_signs}
    concern = slugs.pop() if len(slugs) == 1 else ""
    return finder_url(concern=concern, age_months=age_months, **place)


def reminder_url(age, answered_on):
    """The .ics of the next checkpoint (a date and a link, nothing else), or "" after the last one."""
    when = age.next_checkpoint_date(answered_on)
    if when is None:
        return ""
    return with_query(reverse("selfcheck:reminder"), {"checkpoint": age.next_checkpoint, "on": when.isoformat()})
