"""Counts of search queries per day, for the editors' report. Nothing about who searched is stored."""

import re

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 100
# Something that looks like a phone number, a document number or an e-mail address is personal: not stored.
_PERSONAL = re.compile(r"\d[\d\s()+-]{4,}\d|@|\b\d{5,}\b")


class QueryStat(models.Model):
    day = models.DateField(_("day"))
    query = models.CharField(_("query"), max_length=MAX_QUERY_LENGTH, help_text=_("Folded: lower case, ё as е."))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query statistics")
        verbose_name_plural = _("search query statistics")
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="search_querystat_day_query")]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.day} {self.query}: {self.searches}"

    @staticmethod
    def storable(folded_query):
        """The query as stored, or None when it must not be stored (it may carry personal data)."""
        query = " ".join(str(folded_query or "").split())[:MAX_QUERY_LENGTH]
        if not query or _PERSONAL.search(query):
            return None
        return query

    @classmethod
    def record(cls, folded_query, found):
        query = cls.storable(folded_query)
        if query is None:
            return
        day = timezone.localdate()
        zero = 0 if found else 1
        updated = cls.objects.filter(day=day, query=query).update(
            searches=F("searches") + 1, zero_results=F("zero_results") + zero
        )
        if not updated:
            _obj, created = cls.objects.get_or_create(
                day=day, query=query, defaults={"searches": 1, "zero_results": zero}
            )
            if not created:
                cls.objects.filter(day=day, query=query).update(
                    searches=F("searches") + 1, zero_results=F("zero_results") + zero
                )
