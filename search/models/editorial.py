"""What editors maintain for search: synonym groups and promoted results. Both apply on the next query."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel

from search.text import parse_synonym_group


class SynonymGroup(models.Model):
    """Words and phrases that mean the same for search: a query with one of them finds the others."""

    terms = models.TextField(
        _("words and phrases"),
        help_text=_(
            "Separate them with commas or put each on its own line, e.g. “РАС, аутизм, расстройство "
            "аутистического спектра”. Any form of a word works; a query with one of them finds all."
        ),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("For editors only: why the group exists.")
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return ", ".join(part.strip() for part in re.split(r"[,;\n]+", self.terms) if part.strip())[:120]

    def clean(self):
        if len(parse_synonym_group(self.terms)) < 2:
            raise ValidationError({"terms": _("Enter at least two different words or phrases.")})


class PromotedResult(models.Model):
    """A result shown first, marked as recommended, for chosen queries."""

    queries = models.TextField(
        _("queries"),
        help_text=_(
            "One query per line, e.g. “аутизм”. Word forms, capitals and ё do not matter; the whole query must match."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page of the site to recommend. Or give an address below."),
    )
    link = models.CharField(
        _("address on the site"),
        max_length=300,
        blank=True,
        help_text=_("For example /providers/tsentr-raduga/ for a registry entry. Used when no page is chosen."),
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Shown instead of the page title (optional).")
    )
    description = models.CharField(
        _("why it is recommended"),
        max_length=300,
        blank=True,
        help_text=_("One sentence shown under the title, e.g. “The short answer for parents”."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("A smaller number is shown first when several results are promoted.")
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    panels = [
        FieldPanel("queries"),
        PageChooserPanel("page"),
        FieldPanel("link"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("promoted search result")
        verbose_name_plural = _("promoted search results")

    def __str__(self):
        target = self.title or (self.page.title if self.page_id else self.link)
        return f"{target} ← {', '.join(self.query_list())[:80]}"

    def query_list(self):
        return [line.strip() for line in self.queries.splitlines() if line.strip()]

    def clean(self):
        errors = {}
        if not self.query_list():
            errors["queries"] = _("Enter at least one query.")
        if not self.page_id and not self.link:
            errors["page"] = _("Choose a page or give an address on the site.")
        if self.link and not re.fullmatch(r"/[-\w/.#=:%]*", self.link):
            errors["link"] = _("Give an address on this site that starts with “/”, e.g. /providers/tsentr-raduga/.")
        if errors:
            raise ValidationError(errors)
