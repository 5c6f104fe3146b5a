"""Plain-language guidance for parents: a topic hub and its guidance pages."""

from django.db import models
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.errors import problem
from core.models import TaxonomyMixin
from home.blocks import GuidanceBodyBlock, RelatedPageBlock, SummaryBlock
from home.guidance_filters import GuidanceFilter
from home.models.feedback import PageFeedback, has_voted, remember_vote, take_vote_allowance, vote_retry_after
from home.panels import FeedbackPanel, ReadabilityPanel
from home.readability import analyse, stream_chunks


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents and relatives")
    PARENTS_AND_SPECIALISTS = "parents-specialists", _("Parents and specialists")
    SPECIALISTS = "specialists", _("Specialists")


class GuidanceIndexPage(Page):
    """The parents' hub: guidance pages grouped by topic, filtered by topic and child's age."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences: what parents will find in this section."),
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.GuidancePage"]

    class Meta:
        verbose_name = _("guidance hub for parents")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filter"] = GuidanceFilter(GuidancePage.objects.child_of(self).live().public(), request.GET)
        return context


class GuidancePage(TaxonomyMixin, RoutablePageMixin, Page):
    """One plain-language answer to a parent's question."""

    summary = StreamField(
        SummaryBlock(),
        verbose_name=_("in brief"),
        help_text=_("From one to five key points shown at the top of the page under “In brief”."),
    )
    body = StreamField(
        GuidanceBodyBlock(),
        verbose_name=_("body"),
        help_text=_("Short sentences, common words, one idea per paragraph."),
    )
    related = StreamField(
        [("page", RelatedPageBlock())],
        blank=True,
        max_num=6,
        verbose_name=_("related pages"),
        help_text=_("Up to six guidance pages or library materials on the same topic."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=30,
        choices=Audience.choices,
        default=Audience.PARENTS,
        help_text=_("Who the page is written for."),
    )
    reviewed_by_name = models.CharField(
        _("reviewed by"),
        max_length=150,
        blank=True,
        help_text=_("The specialist who checked the page, for example “Анна Петрова”."),
    )
    reviewed_by_role = models.CharField(
        _("reviewer's role"),
        max_length=200,
        blank=True,
        help_text=_("For example “psychologist of an early-care service”."),
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time, minutes"),
        default=1,
        editable=False,
        help_text=_("Calculated from the text when the page is saved."),
    )
    reviewed_at = models.DateField(
        _("review date"), null=True, blank=True, help_text=_("When the specialist checked the page.")
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("audience"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        ReadabilityPanel(),
        FieldPanel("related"),
        MultiFieldPanel(
            [
                *TaxonomyMixin.taxonomy_panels(
                    topics=_("The first topic in the list order is where the page appears on the hub.")
                ),
                FieldPanel("audience"),
            ],
            heading=_("Who and what the page is for"),
        ),
        MultiFieldPanel(
            [FieldPanel("reviewed_by_name"), FieldPanel("reviewed_by_role"), FieldPanel("reviewed_at")],
            heading=_("Reviewed by a specialist"),
        ),
        FeedbackPanel(),
    ]
    parent_page_types = ["home.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guidance page for parents")

    def readable_chunks(self):
        """What a parent reads: the summary and the body text (headings and settings are left out)."""
        return stream_chunks(self.summary) + stream_chunks(self.body)

    def readability(self):
        return analyse(self.readable_chunks())

    def feedback_counts(self):
        """Visitors' «Was this page helpful?» answers (zero counts before the first one)."""
        return PageFeedback.for_page(self)

    def save(self, *args, **kwargs):
        # stored so that the hub lists reading times without loading every page's blocks
        self.reading_minutes = self.readability().reading_minutes
        return super().save(*args, **kwargs)

    @cached_property
    def main_topic(self):
        topics = sorted(self.topics.all(), key=lambda topic: (topic.sort_order, topic.name))
        return topics[0] if topics else None

    @property
    def is_reviewed(self):
        return bool(self.reviewed_by_name)

    def related_pages(self):
        """Live, public related pages in the editor's order, in one query (title and URL are all we show)."""
        ids = [item["value"] for item in self.related.raw_data if item.get("value")]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).live().public()}
        return [pages[pk] for pk in ids if pk in pages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feedback_given"] = has_voted(request, self)
        context["feedback_url"] = self.url + self.reverse_subpage("feedback")
        context["feedback_error"] = request.GET.get("feedback") == "choose" and not context["feedback_given"]
        return context

    @path("feedback/", name="feedback")
    def feedback(self, request):
        """“Was this page helpful?”: a plain POST form; one answer per session, nothing about the visitor."""
        if request.method != "POST":
            return redirect(self.url)
        answer = request.POST.get("helpful")
        if answer not in ("yes", "no"):
            return redirect(f"{self.url}?feedback=choose#feedback")
        if not has_voted(request, self):
            if not take_vote_allowance(request, self):
                return problem(
                    request,
                    429,
                    _("Your answer was not counted"),
                    _(
                        "Many answers about this page have come from your network today, so we did not count "
                        "this one. Thank you: please come back tomorrow if you want to answer again."
                    ),
                    retry_after=vote_retry_after(),
                )
            PageFeedback.record(self, helpful=answer == "yes")
            remember_vote(request, self)
        return redirect(f"{self.url}#feedback")
