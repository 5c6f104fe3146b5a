"""Harvesting other portals' HSDS 3.0 feeds: the sources, each run's report, the provenance of every harvested
entry, the crosswalk of the feeds' taxonomy terms to ours, and the de-duplication review queue."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DEFAULT_WITHDRAW_AFTER = 3


class FeedSource(models.Model):
    class Kind(models.TextChoices):
        API = "api", _("HSDS 3.0 API")
        PACKAGE = "package", _("HSDS tabular data package")

    class Schedule(models.TextChoices):
        MANUAL = "manual", _("only on demand")
        HOURLY = "hourly", _("every hour")
        DAILY = "daily", _("every day")
        WEEKLY = "weekly", _("every week")

    INTERVALS = {"hourly": dt.timedelta(hours=1), "daily": dt.timedelta(days=1), "weekly": dt.timedelta(days=7)}

    name = models.CharField(_("name"), max_length=200, help_text=_("Who publishes the feed, e.g. the region's portal."))
    base_url = models.URLField(
        _("feed address"),
        max_length=500,
        unique=True,
        help_text=_(
            "The base address of an HSDS 3.0 API (the one that answers /organizations) or the address of a "
            "tabular data package (datapackage.json or a folder with it)."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.API, help_text=_("An API or a data package.")
    )
    regions = models.ManyToManyField(
        "core.Region",
        blank=True,
        related_name="feed_sources",
        verbose_name=_("federal subjects"),
        help_text=_("The federal subjects whose providers the feed publishes."),
    )
    schedule = models.CharField(
        _("schedule"),
        max_length=10,
        choices=Schedule.choices,
        default=Schedule.DAILY,
        help_text=_("How often the feed is harvested in the background."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=300,
        blank=True,
        help_text=_("Whom to write when the feed fails: a name and an e-mail address."),
    )
    allow_private = models.BooleanField(
        _("allow a private address"),
        default=False,
        help_text=_("Only for a feed inside your own network (a private or loopback address)."),
    )
    withdraw_after = models.PositiveSmallIntegerField(
        _("withdraw after missing harvests"),
        default=DEFAULT_WITHDRAW_AFTER,
        help_text=_("An entry missing from this many complete harvests in a row is withdrawn from the registry."),
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Untick to stop harvesting this feed."))
    stale = models.BooleanField(
        _("stale"), default=False, editable=False, help_text=_("The last harvest failed: the last good copy is kept.")
    )
    validators = models.JSONField(default=dict, blank=True, editable=False)  # {url: {"etag", "last_modified"}}
    running_since = models.DateTimeField(null=True, blank=True, editable=False)
    next_harvest_at = models.DateTimeField(_("next harvest"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("feed source")
        verbose_name_plural = _("feed sources")

    def __str__(self):
        return self.name

    @property
    def host(self):
        return self.base_url.split("://", 1)[-1].split("/", 1)[0]

    def schedule_next(self, now=None):
        interval = self.INTERVALS.get(self.schedule)
        self.next_harvest_at = (now or timezone.now()) + interval if interval and self.active else None


class HarvestRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", pgettext_lazy("harvest status", "running")
        COMPLETE = "complete", pgettext_lazy("harvest status", "complete")
        UNCHANGED = "unchanged", pgettext_lazy("harvest status", "not modified since the last harvest")
        FAILED = "failed", pgettext_lazy("harvest status", "failed: the last good copy is kept")

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="runs", verbose_name=_("source"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    trigger = models.CharField(_("started by"), max_length=20, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    requests = models.PositiveIntegerField(_("requests"), default=0)
    response_ms = models.PositiveIntegerField(_("average response time, ms"), null=True, blank=True)
    bytes_read = models.PositiveBigIntegerField(_("bytes read"), default=0)
    records = models.PositiveIntegerField(_("records read"), default=0)
    valid = models.PositiveIntegerField(_("schema-valid records"), default=0)
    added = models.PositiveIntegerField(_("added"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)
    duplicates = models.PositiveIntegerField(_("duplicates"), default=0)
    services = models.PositiveIntegerField(_("services read"), default=0)
    completeness = models.FloatField(_("completeness"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)  # names added/changed/withdrawn, rejections

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("harvest run")
        verbose_name_plural = _("harvest runs")
        indexes = [models.Index(fields=["source", "-started_at"])]

    def __str__(self):
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def available(self):
        return self.status in (self.Status.COMPLETE, self.Status.UNCHANGED)


class HarvestedEntry(models.Model):
    """The provenance of one organisation a feed publishes (by the feed's own id), and what became of it."""

    class State(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("harvested entry", "in the registry")
        WITHDRAWN = "withdrawn", pgettext_lazy("harvested entry", "withdrawn: missing from the feed")
        LOCAL = "local", pgettext_lazy("harvested entry", "a local entry has it")
        DUPLICATE = "duplicate", pgettext_lazy("harvested entry", "another feed's entry has it")
        REJECTED = "rejected", pgettext_lazy("harvested entry", "rejected")

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="entries", verbose_name=_("source"))
    feed_id = models.CharField(_("id in the feed"), max_length=100)
    organisation = models.OneToOneField(
        "providers_map.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="harvested",
        verbose_name=_("registry entry"),
    )
    same_as = models.ForeignKey(
        "providers_map.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="harvested_duplicates",
        verbose_name=_("the same organisation as"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    name = models.CharField(_("name in the feed"), max_length=500, blank=True)
    identity = models.JSONField(default=dict, blank=True)  # inn, ogrn, name, address, lat, lon: for de-duplication
    digest = models.CharField(max_length=64, blank=True)
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen = models.DateTimeField(_("last seen"), default=timezone.now)
    last_changed = models.DateTimeField(_("last changed"), default=timezone.now)
    missing_runs = models.PositiveSmallIntegerField(_("missing from harvests in a row"), default=0)
    local_note = models.TextField(
        _("local note"),
        blank=True,
        help_text=_("Your note shown beside the harvested data (the data themselves come from the feed)."),
    )

    class Meta:
        ordering = ["source", "name"]
        verbose_name = _("harvested entry")
        verbose_name_plural = _("harvested entries")
        constraints = [models.UniqueConstraint(fields=["source", "feed_id"], name="harvested_entry_per_source")]

    def __str__(self):
        return self.name or self.feed_id


class TermMapping(models.Model):
    """The crosswalk: a feed's taxonomy term and the term of ours it means (empty = waits for review)."""

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="terms", verbose_name=_("source"))
    term_id = models.CharField(_("term id in the feed"), max_length=100)
    term_code = models.CharField(_("code"), max_length=200, blank=True)
    term_name = models.CharField(_("name"), max_length=300, blank=True)
    taxonomy_name = models.CharField(_("feed's taxonomy"), max_length=300, blank=True)
    target = models.CharField(
        _("our term"),
        max_length=120,
        blank=True,
        help_text=_("Our taxonomy and term as taxonomy/code, e.g. service-types/iprp; empty: not decided yet."),
    )
    ignored = models.BooleanField(_("ignore"), default=False, help_text=_("The term means nothing for the registry."))
    seen = models.PositiveIntegerField(_("times seen"), default=0)

    class Meta:
        ordering = ["source", "taxonomy_name", "term_name"]
        verbose_name = _("taxonomy term mapping")
        verbose_name_plural = _("taxonomy term mappings")
        constraints = [models.UniqueConstraint(fields=["source", "term_id"], name="term_mapping_per_source")]

    def __str__(self):
        return f"{self.term_name or self.term_code} → {self.target or '?'}"

    @property
    def pending(self):
        return not self.target and not self.ignored


class DuplicatePair(models.Model):
    """Two registry records that may be one organisation: proposed by the matcher, decided by an operator. A
    record is `<source id>:<id in the feed>` for a harvested one, `local:<uuid>` for a local entry."""

    class Decision(models.TextChoices):
        PENDING = "pending", pgettext_lazy("duplicate decision", "waiting for review")
        SAME = "same", pgettext_lazy("duplicate decision", "the same organisation: merged")
        APART = "apart", pgettext_lazy("duplicate decision", "different organisations: kept apart")

    left = models.CharField(max_length=150)
    right = models.CharField(max_length=150)
    left_name = models.CharField(_("first"), max_length=500, blank=True)
    right_name = models.CharField(_("second"), max_length=500, blank=True)
    score = models.FloatField(_("similarity"))
    reasons = models.JSONField(default=dict, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decision", "-score"]
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        constraints = [models.UniqueConstraint(fields=["left", "right"], name="duplicate_pair_once")]

    def __str__(self):
        return f"{self.left_name} ≟ {self.right_name}"
