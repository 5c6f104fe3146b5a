from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import AudienceCardBlock, StandardBodyBlock


class HomePage(Page):
    """The site root: routes parents, specialists and registry users to their part of the portal."""

    lead = models.TextField(
        _("lead text"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences under the title: what the portal is and whom it helps."),
    )
    audience_cards = StreamField(
        [("card", AudienceCardBlock())],
        blank=True,
        verbose_name=_("audience cards"),
        help_text=_("Two to four cards: for parents, for specialists, finding help nearby."),
    )
    body = StreamField(
        StandardBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Additional text below the cards."),
    )

    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("audience_cards"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    """Plain text pages: about the portal, accessibility statement, personal data policy."""

    intro = models.TextField(
        _("introduction"), max_length=600, blank=True, help_text=_("In brief, what the page is about.")
    )
    body = StreamField(StandardBodyBlock(), verbose_name=_("body"), help_text=_("The main text of the page."))

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
