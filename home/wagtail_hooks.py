from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.models import GuidancePage
from home.reports import GuidanceFeedbackReport


@hooks.register("after_publish_page")
def warn_when_guidance_is_hard_to_read(request, page):
    """Publishing is never blocked; the editor is told which plain-language targets the text misses."""
    page = page.specific
    if not isinstance(page, GuidancePage):
        return
    problems = page.readability().problems()
    if problems:
        messages.warning(
            request,
            _("“%(title)s” is published, but the text is harder to read than the plain-language targets: %(problems)s")
            % {"title": page.title, "problems": " ".join(problems)},
        )


@hooks.register("register_admin_urls")
def register_guidance_report_urls():
    return [
        path("reports/guidance-feedback/", GuidanceFeedbackReport.as_view(), name="guidance_feedback_report"),
        path(
            "reports/guidance-feedback/results/",
            GuidanceFeedbackReport.as_view(results_only=True),
            name="guidance_feedback_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_guidance_report_menu_item():
    return MenuItem(
        gettext_lazy("Guidance pages: visitors' answers"),
        reverse("guidance_feedback_report"),
        name="guidance-feedback",
        icon_name="help",
        order=1000,
    )
