"""The "guidance" search kind: plain-language guidance pages, the parents' hub and standard pages."""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from core.models import Topic
from home.models import GuidanceIndexPage, GuidancePage, StandardPage
from search.documents import Entry
from search.facets import FacetSpec, choices
from search.pages import PageKind, field_text, page_cues, page_version
from search.registry import Link, Popular

AUDIENCE_FACET = {
    "parents": ["parents"],
    "parents-specialists": ["parents", "specialists"],
    "specialists": ["specialists"],
}


class GuidanceKind(PageKind):
    name = "guidance"
    label = _("For parents")
    order = 10
    prefetch = ("topics", "age_groups", "concerns")
    facets = (
        FacetSpec("topic", _("Topic")),
        FacetSpec("age", _("Child's age")),
        FacetSpec("concern", _("Developmental concern")),
        FacetSpec("audience", _("Audience"), choices([("parents", _("parents")), ("specialists", _("specialists"))])),
    )

    @property
    def models(self):
        return (GuidancePage, GuidanceIndexPage, StandardPage)

    def build_entry(self, page):
        texts = {"title": page.title, "body": page.search_description}
        facets = {}
        snippet = ""
        if isinstance(page, GuidancePage):
            topics, ages, concerns = list(page.topics.all()), list(page.age_groups.all()), list(page.concerns.all())
            summary, body = field_text(page, "summary"), field_text(page, "body")
            texts["tag"] = "\n".join(term.name for term in topics + ages + concerns)
            texts["body"] = "\n".join([summary, body, page.search_description])
            texts["name"] = page.get_audience_display()
            snippet = f"{summary}\n{body}"
            facets = {
                "topic": [t.slug for t in topics],
                "age": [a.slug for a in ages],
                "concern": [c.slug for c in concerns],
                "audience": AUDIENCE_FACET.get(page.audience, []),
            }
        else:
            intro = getattr(page, "intro", "") or ""
            body = field_text(page, "body") if hasattr(page, "body") else ""
            texts["body"] = "\n".join([intro, body, page.search_description])
            snippet = f"{intro}\n{body}"
        return Entry(
            key=str(page.pk),
            title=page.title,
            url=self.url(page),
            texts=texts,
            snippet_text=snippet.strip(),
            facets=facets,
            cues=page_cues(page),
            published=page.last_published_at,
            version=page_version(page.last_published_at, page.url_path),
        )

    def popular(self, limit):
        """The topics with the most guidance pages, each a link to the parents' hub filtered by it."""
        hub = GuidanceIndexPage.objects.live().public().order_by("depth", "path").first()
        if hub is None:
            return None
        topics = (
            Topic.objects.annotate(pages=Count("guidancepage", filter=Q(guidancepage__live=True), distinct=True))
            .filter(pages__gt=0)
            .order_by("-pages", "sort_order")[:limit]
        )
        links = [Link(topic.name, f"{hub.url}?{urlencode({'topic': topic.slug})}") for topic in topics]
        return Popular(_("Popular topics for parents"), links) if links else None

    def present(self, page):
        meta = []
        if isinstance(page, GuidancePage):
            meta = [str(_("%(minutes)s min read") % {"minutes": page.reading_minutes})]
        return {"title": page.title, "url": self.url(page), "meta": meta}
