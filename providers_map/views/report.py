""" "Сообщить об ошибке": a rate-limited form with a honeypot; hostile input gets a friendly Russian answer.

Django's CSRF middleware protects the form as it protects every post: the token comes from the provider page and
the form page (neither is cached), and a failed check gets the portal's «Форма устарела» page through
CSRF_FAILURE_VIEW. An oversized or unreadable body never reaches the view: RequestSanityMiddleware answers it
(413 or 400, a Russian page) before the CSRF check reads the form.
"""

import logging

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from providers_map.forms import ErrorReportForm
from providers_map.models import ErrorReport, Organisation
from providers_map.ratelimit import REPORT_ATTEMPTS, REPORTS_PER_ORGANISATION, anonymised, client_ip

from .detail import privacy_page_url

logger = logging.getLogger("providers_map.reports")

ALLOWED_METHODS = ("GET", "HEAD", "POST")


def _render_form(request, organisation, form, status=200, problem=None):
    context = {
        "organisation": organisation,
        "page_title": _("Report an error"),
        "report_form": form,
        "problem": problem,
        "privacy_url": privacy_page_url(request),
    }
    return render(request, "providers_map/report_form.html", context, status=status)


def _problem_page(request, organisation, status, title, message):
    context = {"organisation": organisation, "page_title": title, "title": title, "message": message}
    response = render(request, "providers_map/report_problem.html", context, status=status)
    if status == 405:
        response["Allow"] = ", ".join(ALLOWED_METHODS)
    return response


def _thanks_url(organisation):
    return reverse("providers:report_thanks", args=[organisation.slug])


def report_error(request, slug):
    organisation = get_object_or_404(Organisation.objects.public(), slug=slug)
    if request.method not in ALLOWED_METHODS:
        return _problem_page(
            request,
            organisation,
            405,
            _("This action is not available"),
            _("Open the form on the organisation's page and send it with the button."),
        )
    if request.method != "POST":
        return _render_form(request, organisation, ErrorReportForm())

    ip = client_ip(request)
    form = ErrorReportForm(request.POST)
    if REPORT_ATTEMPTS.exceeded(ip) or REPORTS_PER_ORGANISATION.exceeded(ip, organisation.pk):
        logger.warning("Error report rate limit reached for %s by client %s", organisation.slug, anonymised(ip))
        response = _render_form(
            request,
            organisation,
            form,
            status=429,
            problem=_(
                "You have sent several reports in a short time. Please wait about ten minutes and send "
                "the form again: what you wrote is kept below."
            ),
        )
        response["Retry-After"] = str(REPORT_ATTEMPTS.retry_after())
        return response
    REPORT_ATTEMPTS.hit(ip)

    if form.is_bot():
        # Bots see the same thank-you page; the attempt is logged, nothing is stored.
        REPORTS_PER_ORGANISATION.hit(ip, organisation.pk)
        logger.warning("Honeypot filled on the error report form of %s by client %s", organisation.slug, anonymised(ip))
        return HttpResponseRedirect(_thanks_url(organisation), status=303)
    if not form.is_valid():
        return _render_form(request, organisation, form, status=400)

    email = form.cleaned_data["email"]
    consent = bool(email) and form.cleaned_data["consent"]
    ErrorReport.objects.create(
        organisation=organisation,
        topic=form.cleaned_data["topic"],
        message=form.cleaned_data["message"],
        email=email,
        consent_given=consent,
        consent_at=timezone.now() if consent else None,
        status=ErrorReport.Status.NEW,
    )
    REPORTS_PER_ORGANISATION.hit(ip, organisation.pk)
    return HttpResponseRedirect(_thanks_url(organisation), status=303)


def report_thanks(request, slug):
    organisation = get_object_or_404(Organisation.objects.public(), slug=slug)
    context = {"organisation": organisation, "page_title": _("Thank you for your report")}
    return render(request, "providers_map/report_thanks.html", context)
