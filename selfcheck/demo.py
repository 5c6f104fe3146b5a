"""Demo content of the self-check: a published checklist for every checkpoint and the warning signs.

ORDER = 95: after home (90) and the library (20), whose pages the areas' reading links to. Deterministic and
idempotent: a checklist that exists (an editor may have changed it) is left alone.
"""

from django.apps import apps

from wagtail.models import Page

from core.models import DevelopmentalConcern
from selfcheck import demo_texts as texts
from selfcheck.editing import set_up_editing
from selfcheck.models import AreaAdvice, Milestone, MilestoneChecklist, WarningSign, WarningSignList

ORDER = 95


def build(ctx):
    set_up_editing(apps.get_model)  # the workflow and rights, if a test flushed them
    pages = {page.slug: page for page in Page.objects.live().public().filter(slug__in=_reading_slugs())}
    created = sum(_checklist(months, spec, pages) for months, spec in texts.CHECKLISTS.items())
    _warning_signs()
    ctx.log(f"selfcheck: {MilestoneChecklist.objects.filter(live=True).count()} checklists ({created} new)")


def _reading_slugs():
    slugs = {slug for group in texts.READING.values() for slug in group}
    return slugs | set(texts.SIGNS_PAGES.values()) | set(texts.MILESTONE_VIDEOS.values())


def _reviewed():
    name, role, date = texts.REVIEWER
    return {"sources": texts.SOURCES, "reviewed_by_name": name, "reviewed_by_role": role, "reviewed_at": date}


def _checklist(months, spec, pages):
    if MilestoneChecklist.objects.filter(months=months).exists():
        return False
    checklist = MilestoneChecklist(months=months, intro=spec["intro"], **_reviewed())
    checklist.milestones = [_milestone(months, item, pages) for item in spec["milestones"]]
    checklist.advice = [
        AreaAdvice(area=area, activities="\n".join(lines), reading=_reading(months, area, pages))
        for area, lines in spec["activities"].items()
    ]
    checklist.save()
    checklist.save_revision().publish()
    return True


def _milestone(months, item, pages):
    area, text, hint, *source = item
    source, note = source or (texts.CDC, "")
    video = pages.get(texts.MILESTONE_VIDEOS.get((months, text), ""))
    return Milestone(area=area, text=text, hint=hint, source=source, source_note=note, video=video)


def _reading(months, area, pages):
    slugs = [texts.SIGNS_PAGES[months], *texts.READING[area]]
    chosen = [pages[slug] for slug in dict.fromkeys(slugs) if slug in pages and _for_age(pages[slug], months)]
    return [("page", page) for page in chosen[:4]]


def _for_age(page, months):
    """A page tagged with the portal's age groups (TaxonomyMixin) fits when one of them holds the age."""
    groups = getattr(page.specific, "age_groups", None)
    ages = list(groups.all()) if groups is not None else []
    return not ages or any(age.min_months <= months < age.max_months for age in ages)


def _warning_signs():
    if WarningSignList.objects.exists():
        return
    spec = texts.WARNING_SIGNS
    concerns = {concern.slug: concern for concern in DevelopmentalConcern.objects.all()}
    signs = WarningSignList(title=spec["title"], intro=spec["intro"], **_reviewed())
    signs.signs = [
        WarningSign(
            text=text,
            area=area,
            concern=concerns.get(concern),
            from_months=from_months,
            source=source,
            source_note=note,
        )
        for text, area, concern, from_months, source, note in spec["signs"]
    ]
    signs.save()
    signs.save_revision().publish()
