"""“Была ли страница полезной?”: anonymous yes/no counters per page, nothing about the visitor.

One answer per session, and per client address at most PORTAL_VOTES_PER_PAGE answers a page and
PORTAL_VOTES_PER_DAY answers in all per day (counted in the shared cache, by a hashed address), so dropping
the cookie does not stuff the counters.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ratelimit import RateLimit, client_ip

SESSION_KEY = "guidance_feedback_votes"


class PageFeedback(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("page"),
        help_text=_("The page visitors rated."),
    )
    helpful = models.PositiveIntegerField(_("helpful"), default=0, help_text=_("How many visitors answered “Yes”."))
    not_helpful = models.PositiveIntegerField(
        _("not helpful"), default=0, help_text=_("How many visitors answered “No”.")
    )
    updated_at = models.DateTimeField(_("last answer"), auto_now=True, help_text=_("When the last answer came."))

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{self.page_id}: +{self.helpful} / −{self.not_helpful}"

    @property
    def total(self):
        return self.helpful + self.not_helpful

    @property
    def helpful_percent(self):
        return round(100 * self.helpful / self.total) if self.total else None

    @classmethod
    def for_page(cls, page):
        return cls.objects.filter(page_id=page.pk).first() or cls(page_id=page.pk)

    @classmethod
    def record(cls, page, helpful):
        """Add one answer atomically (concurrent voters never lose a count)."""
        column = "helpful" if helpful else "not_helpful"
        if not cls.objects.filter(page_id=page.pk).update(**{column: F(column) + 1}, updated_at=timezone.now()):
            try:
                with transaction.atomic():
                    cls.objects.create(page_id=page.pk, **{column: 1})
            except IntegrityError:  # another request created the row first
                cls.objects.filter(page_id=page.pk).update(**{column: F(column) + 1}, updated_at=timezone.now())


def voted_pages(request):
    return request.session.get(SESSION_KEY, [])


def has_voted(request, page):
    return page.pk in voted_pages(request)


def remember_vote(request, page):
    request.session[SESSION_KEY] = [*voted_pages(request), page.pk][-500:]


DAY = 24 * 3600


def _vote_limits():
    return (
        RateLimit("vote-page", settings.PORTAL_VOTES_PER_PAGE, DAY),
        RateLimit("vote-day", settings.PORTAL_VOTES_PER_DAY, DAY),
    )


def take_vote_allowance(request, page):
    """True (and counted) when this client may still answer for `page` today; False when over a limit."""
    per_page, per_day = _vote_limits()
    address = client_ip(request)
    if per_page.exceeded(address, page.pk) or per_day.exceeded(address):
        return False
    per_page.hit(address, page.pk)
    per_day.hit(address)
    return True


def vote_retry_after():
    return _vote_limits()[0].retry_after()
