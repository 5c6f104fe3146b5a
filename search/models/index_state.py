"""What search keeps in the database: pending index updates, the fallback's lemmatised records, the vocabulary.

All of it is derived data: `search_index --rebuild` recreates it from the content.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingUpdate(models.Model):
    """An Elasticsearch update that has not been applied yet (the cluster was down or the request failed).

    A row is written in the same transaction as the content change, and removed once Elasticsearch has the
    new state; `search_index --sync` (or the next successful update) applies what is left.
    """

    kind = models.CharField(_("kind"), max_length=40, help_text=_("The searchable kind, e.g. guidance."))
    key = models.CharField(_("key"), max_length=64, help_text=_("The object's identifier within the kind."))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pending search update")
        verbose_name_plural = _("pending search updates")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_pending_kind_key")]

    def __str__(self):
        return f"{self.kind}:{self.key}"


class SearchRecord(models.Model):
    """One searchable object as the database fallback sees it: lemmatised text per field (search.text.terms).

    Term columns hold space-separated lemmas with a leading and a trailing space (" помощь ребенок "), so a
    phrase is checked with a substring test; a query's candidates come from the records' postings
    (SearchPosting), on every database.
    """

    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(_("key"), max_length=64)
    title = models.CharField(_("title"), max_length=500)
    url = models.CharField(_("public address"), max_length=500)
    title_terms = models.TextField(default=" ")
    name_terms = models.TextField(default=" ")
    tag_terms = models.TextField(default=" ")
    place_terms = models.TextField(default=" ")
    body_terms = models.TextField(default=" ")
    all_terms = models.TextField(default=" ")
    title_words = models.TextField(default=" ", help_text="Folded words of the title, for prefix suggestions.")
    names = models.TextField(default="", blank=True, help_text="The object's names as lemmas, one a line.")
    body_text = models.TextField(blank=True, help_text="Plain text for snippets.")
    cues = models.JSONField(default=list, blank=True, help_text="Transcript cues: [[start, text, terms], ...].")
    points = models.JSONField(default=list, blank=True, help_text="[[lat, lon], ...] of the object's places.")
    open_rank = models.PositiveSmallIntegerField(default=0, help_text="0 open, 1 temporarily closed, 2 closed.")
    published = models.DateTimeField(null=True, blank=True)
    version = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("search record")
        verbose_name_plural = _("search records")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_record_kind_key")]

    def __str__(self):
        return f"{self.kind}:{self.key} {self.title[:60]}"


class SearchPosting(models.Model):
    """One lemma of one record (an inverted index in a table, on every database): which fields say it and what
    it weighs there, so a query's candidates are read from one index, best first, without reading the records.

    `impact` is the lemma's BM25 weight in the record without its idf: the best field's weight × its term
    frequency part (against the kind's average field length), plus the cue weight when a transcript cue says it
    (search/fallback/postings.py). Written by the fallback's store after the records; derived data, so the
    record is referenced without a database constraint (bulk loads skip a check per row; the store deletes a
    record's postings with it, by their terms).

    One index, the primary key, holds every column: a query reads a word's postings of a kind from it alone
    (an index-only scan), and a rebuild maintains one index, not two, for millions of rows.
    """

    pk = models.CompositePrimaryKey("term", "kind", "record", "impact", "fields")
    term = models.CharField(max_length=100)
    kind = models.CharField(max_length=40)
    record = models.ForeignKey(
        SearchRecord, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    impact = models.FloatField()
    fields = models.PositiveSmallIntegerField(help_text="Bits: title 1, name 2, tag 4, place 8, body 16, cue 32.")

    def __str__(self):
        return f"{self.term} in {self.record_id}"


class SearchFacetValue(models.Model):
    """A facet value of a record (topic=speech, region=54, ...), counted with one GROUP BY."""

    record = models.ForeignKey(SearchRecord, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=40)
    value = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]

    def __str__(self):
        return f"{self.facet}={self.value}"


class SearchTerm(models.Model):
    """The vocabulary of indexed lemmas with how many records use them: typo correction and suggestions."""

    term = models.CharField(max_length=100, unique=True)
    frequency = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.term
