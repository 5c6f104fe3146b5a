""" "Сообщить об ошибке": a rate-limited form with a honeypot; hostile input gets a friendly Russian answer.

CSRF is checked inside the view rather than by the middleware, so that a request the middleware would
reject (a missing token, an oversized body) still gets the portal's own page instead of a bare error.
"""

import logging

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.http import HttpResponseRedirect, UnreadablePostError
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie

from providers_map.forms import ErrorReportForm
from providers_map.models import ErrorReport, Organisation
from providers_map.ratelimit import REPORT_ATTEMPTS, REPORTS_PER_ORGANISATION, anonymised, client_ip

from .detail import privacy_page_url

logger = logging.getLogger("providers_map.reports")

ALLOWED_METHODS = ("GET", "HEAD", "POST")


class _CsrfCheck(CsrfViewMiddleware):
    """The middleware's own checks, returning the failure reason instead of Django's failure page."""

    def _reject(self, request, reason):
        return reason

    def _accept(self, request):
        return None


def csrf_failure_reason(request):
    return _CsrfCheck(lambda request: None).process_view(request, None, (), {})


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


def _read_post(request):
    """request.POST, or None when the body is too large or unreadable (the caller answers kindly)."""
    try:
        return request.POST
    except (RequestDataTooBig, TooManyFieldsSent, UnreadablePostError, SuspiciousOperation):
        return None


def _thanks_url(organisation):
    return reverse("providers:report_thanks", args=[organisation.slug])


@csrf_exempt
@ensure_csrf_cookie
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

    data = _read_post(request)
    if data is None:
        logger.warning("Oversized or unreadable error report for %s", organisation.slug)
        return _problem_page(
            request,
            organisation,
            413,
            _("The message is too long"),
            _("Please shorten the text to 2000 characters and send the form again."),
        )
    if csrf_failure_reason(request):
        return _render_form(
            request,
            organisation,
            ErrorReportForm(),
            status=403,
            problem=_(
                "The form has expired or was sent from another site. Please fill it in again on this page "
                "and send it. If it happens again, make sure your browser accepts cookies from this site."
            ),
        )

    ip = client_ip(request)
    form = ErrorReportForm(data)
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
