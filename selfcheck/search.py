"""The "selfcheck" search kind: the published milestone checklists, one result per checkpoint.

A parent who types «ребёнок не говорит в 2 года» is offered the checklist for that age above the results
(`answer`: an age and a worry of one of the areas in the query); its title names the age in years and months,
its text holds the milestones («Говорит…»), its tags the areas, how parents put a worry in each and what
parents call such a list.
"""

import functools

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import AgeGroup, DevelopmentalConcern
from search import text
from search.documents import Entry
from search.registry import SearchKind
from selfcheck.areas import AREA_BY_CODE, AREAS, CHECKPOINTS, months_words
from selfcheck.models import MilestoneChecklist

TAGS = "проверка развития, что умеет ребёнок, навыки по возрасту, чек-лист развития, нормы развития"


class SelfCheckKind(SearchKind):
    name = "selfcheck"
    label = _("Development self-check")
    order = 15
    models = (MilestoneChecklist,)

    def objects(self):
        return MilestoneChecklist.objects.filter(live=True).prefetch_related("milestones").order_by("pk")

    def versions(self):
        rows = MilestoneChecklist.objects.filter(live=True).values_list("pk", "last_published_at")
        return {str(pk): published.isoformat() if published else "" for pk, published in rows}

    def hydrate(self, keys):
        keys = [int(key) for key in keys if str(key).isdigit()]
        return {str(obj.pk): obj for obj in self.objects().filter(pk__in=keys)}

    def entry(self, checklist):
        with translation.override("ru"):
            milestones = checklist.ordered_milestones
            codes = [code for code in AREA_BY_CODE if any(m.area == code for m in milestones)]
            areas = [str(AREA_BY_CODE[code].label) for code in codes]
            worries = [str(AREA_BY_CODE[code].worries) for code in codes]
            # What the list helps to notice, as the finder and the guidance name it («Нарушения речи»…).
            concern_slugs = [AREA_BY_CODE[code].concern for code in codes]
            concerns = list(DevelopmentalConcern.objects.filter(slug__in=concern_slugs).values_list("name", flat=True))
            body = "\n".join([checklist.intro, *(f"{m.text}. {m.hint}" for m in milestones)])
            return Entry(
                key=str(checklist.pk),
                title=str(checklist.title),
                url=checklist.get_absolute_url(),
                texts={
                    "title": str(checklist.title),
                    "tag": "\n".join([TAGS, *areas, *worries, *concerns, months_words(checklist.months)]),
                    "body": body,
                },
                snippet_text=checklist.intro or body,
                facets={"age": _age_groups(checklist.months), "concern": concern_slugs},
                published=checklist.last_published_at,
                version=checklist.last_published_at.isoformat() if checklist.last_published_at else "",
            )

    def answer(self, parsed):
        """The checklist for the age a worried query names: «ребёнок не говорит в 2 года» → the 24-month one (the
        latest checkpoint the age has reached). Only when the query also says a worry of one of the areas."""
        months = parsed.age_months  # «в 2 года», «в 18 месяцев», «в полтора года», «в 2,5 года»
        if months is None or not set(parsed.lemmas) & worry_terms():
            return None
        reached = [checkpoint for checkpoint in CHECKPOINTS if checkpoint <= months]
        if not reached:
            return None
        checklist = self.objects().filter(months=reached[-1]).first()
        return (checklist, checklist.intro) if checklist else None

    def present(self, checklist):
        count = len(checklist.ordered_milestones)
        meta = [ngettext("%(count)s question, 5 minutes", "%(count)s questions, 5 minutes", count) % {"count": count}]
        return {"title": str(checklist.title), "url": checklist.get_absolute_url(), "meta": meta}


def _age_groups(months):
    return list(AgeGroup.objects.filter(min_months__lte=months, max_months__gt=months).values_list("slug", flat=True))


@functools.cache
def worry_terms():
    """Lemmas of how parents put a worry in any area («говорить», «ходить», «слово» …)."""
    with translation.override("ru"):
        return {term for area in AREAS for term in text.terms(str(area.worries))}
