"""Filtering and grouping of the guidance hub, server-side so it works without JavaScript."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from core.models import AgeGroup, Topic


@dataclass
class TopicGroup:
    topic: Topic | None
    pages: list = field(default_factory=list)

    @property
    def title(self):
        return self.topic.name if self.topic else _("Other pages")

    @property
    def anchor(self):
        return f"topic-{self.topic.slug}" if self.topic else "topic-other"


class GuidanceFilter:
    """Reads ?topic=<slug>&age=<slug> over `live_pages` (the hub's live public guidance pages); unknown values are
    reported, never a server error."""

    def __init__(self, live_pages, params):
        self.topics = list(Topic.objects.filter(guidancepage__in=live_pages).distinct().order_by("sort_order", "name"))
        self.age_groups = list(AgeGroup.objects.order_by("min_months", "sort_order"))
        self.errors = []
        self.topic = self._choose(params.get("topic", ""), self.topics, _("There is no such topic in this section."))
        self.age_group = self._choose(params.get("age", ""), self.age_groups, _("There is no such age group."))
        pages = live_pages.prefetch_related("topics", "age_groups").order_by("path")
        if self.topic:
            pages = pages.filter(topics=self.topic)
        if self.age_group:
            pages = pages.filter(Q(age_groups=self.age_group) | Q(age_groups=None))  # no age = any age
        self.pages = list(pages.distinct())

    def _choose(self, slug, terms, error):
        slug = slug.strip()
        if not slug:
            return None
        for term in terms:
            if term.slug == slug:
                return term
        self.errors.append(error)
        return None

    @property
    def is_active(self):
        return bool(self.topic or self.age_group)

    @property
    def groups(self):
        """Pages grouped under their main topic, topics in the vocabulary's order."""
        if self.topic:
            return [TopicGroup(self.topic, self.pages)] if self.pages else []
        by_topic = {}
        for page in self.pages:
            by_topic.setdefault(page.main_topic, []).append(page)
        ordered = sorted(by_topic, key=lambda topic: (topic is None, topic.sort_order if topic else 0))
        return [TopicGroup(topic, by_topic[topic]) for topic in ordered]
