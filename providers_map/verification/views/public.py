"""The pages a provider's link opens, and «Это ваша организация?» on every provider page.

A link is refused with a clear Russian page (and nothing changed) when it is forged, expired, made for another
organisation, or — for changes — already used. Token pages are private: not cached, not indexed, and they
send no Referer to other sites, so the link never leaks to the sites the entry links to.
"""

import functools
import logging

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.ratelimit import RateLimit, anonymised, client_ip
from providers_map import kept_elsewhere
from providers_map.models import Organisation
from providers_map.presentation import organisation_context

from .. import answers, rounds, tasks, tokens
from ..forms import Changes, ConfirmForm
from ..models import Answer, Message

logger = logging.getLogger("providers_map.verification")
TEMPLATES = "providers_map/verification/"

# «Это ваша организация?»: mail to one entry's address at most 3 times a day whoever asks; one client may ask
# 10 times an hour. Link pages: 60 requests per client in 10 minutes (a signature cannot be guessed anyway).
CLAIMS_PER_ORGANISATION = RateLimit("verification-claim-org", limit=3, window=24 * 3600)
CLAIMS_PER_CLIENT = RateLimit("verification-claim", limit=10, window=3600)
LINK_REQUESTS = RateLimit("verification-link", limit=60, window=600)

REFUSALS = {
    # reason: (status, title, explanation)
    "forged": (
        400,
        gettext_lazy("This link does not work"),
        gettext_lazy(
            "The link is damaged or was not made by the portal. Copy it from the e-mail in full, or ask for a new one."
        ),
    ),
    "expired": (
        410,
        gettext_lazy("This link has expired"),
        gettext_lazy(
            "Links in our e-mails work for %(days)s days. Ask for a new one: it goes to the organisation's e-mail."
        ),
    ),
    "other_organisation": (
        403,
        gettext_lazy("This link is for another organisation"),
        gettext_lazy(
            "Each link opens only the entry it was sent for. Open the link from the e-mail without changing it."
        ),
    ),
    "unknown": (
        400,
        gettext_lazy("This link does not work"),
        gettext_lazy("The request this link belongs to no longer exists. Ask for a new link."),
    ),
    "used": (
        409,
        gettext_lazy("The changes have already been sent through this link"),
        gettext_lazy(
            "The registry operator checks them before they are published. To send more changes, ask for a new "
            "link: it goes to the organisation's e-mail."
        ),
    ),
    "kept_elsewhere": (
        409,
        gettext_lazy("Another registry keeps this entry"),
        gettext_lazy(
            "These data come from the registry “%(source)s”, and this portal shows them as that registry publishes "
            "them. Please correct them there: the change appears here after the next update."
        ),
    ),
    "too_many": (
        429,
        gettext_lazy("Too many requests"),
        gettext_lazy("Please wait ten minutes and open the link again."),
    ),
}


def private(view):
    """No caching, no indexing and no Referer to other sites for pages whose address holds a link's token."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, private"
        response["X-Robots-Tag"] = "noindex, nofollow"
        # same-origin, not no-referrer: the browser then sends Origin with the page's own form posts (CSRF needs it)
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapper


def _public_entry(slug):
    return get_object_or_404(Organisation.objects.public().with_entries(), slug=slug)


def refusal(request, organisation, reason):
    status, title, explanation = REFUSALS[reason]
    explanation = str(explanation).replace("%(days)s", str(tokens.link_days()))
    context = {
        "organisation": organisation,
        "page_title": title,
        "title": title,
        "explanation": explanation.replace("%(source)s", kept_elsewhere.source_name(organisation) or ""),
        "offer_new_link": reason in ("expired", "used", "unknown", "forged"),
    }
    response = render(request, TEMPLATES + "refused.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(LINK_REQUESTS.retry_after())
    return response


def with_link(view):
    """Resolve (organisation, message) from the slug and the token, or answer with a refusal."""

    @functools.wraps(view)
    def wrapper(request, slug, token):
        organisation = _public_entry(slug)
        ip = client_ip(request)
        if LINK_REQUESTS.hit(ip) > LINK_REQUESTS.limit:
            return refusal(request, organisation, "too_many")
        if kept_elsewhere.source_name(organisation):
            return refusal(request, organisation, "kept_elsewhere")
        try:
            link = tokens.read(token, organisation.pk)
        except tokens.LinkError as exc:
            logger.warning("Verification link refused for %s (%s), client %s", slug, exc.reason, anonymised(ip))
            return refusal(request, organisation, exc.reason)
        message = Message.objects.filter(pk=link.message_id, organisation_id=organisation.pk).first()
        if message is None:
            return refusal(request, organisation, "unknown")
        return view(request, organisation, message, token)

    return private(wrapper)


def _entry_context(request, organisation, message, token):
    locations = list(organisation.locations.all())
    services = list(organisation.services.all())
    context = organisation_context(request, organisation, locations, services, preview=True)
    context.update(
        page_title=_("Check your organisation's entry"),
        message=message,
        token=token,
        changes_used=message.changes_sent_at is not None,
    )
    return context, locations, services


@require_http_methods(["GET", "HEAD"])
@with_link
def entry(request, organisation, message, token):
    answers.mark_opened(message)
    context, _locations, _services = _entry_context(request, organisation, message, token)
    context["confirm_form"] = ConfirmForm()
    return render(request, TEMPLATES + "entry.html", context)


@require_http_methods(["POST"])
@with_link
def confirm(request, organisation, message, token):
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        context, _locations, _services = _entry_context(request, organisation, message, token)
        context["confirm_form"] = form
        return render(request, TEMPLATES + "entry.html", context, status=400)
    answers.confirm(organisation, message, person=form.cleaned_data["person"])
    return HttpResponseRedirect(reverse("providers:verification_thanks", args=[organisation.slug, token]), status=303)


@require_http_methods(["GET", "HEAD", "POST"])
@with_link
def changes(request, organisation, message, token):
    if message.changes_sent_at is not None:
        return refusal(request, organisation, "used")
    context, locations, services = _entry_context(request, organisation, message, token)
    form = Changes(organisation, locations, services, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and form.has_changes():
            try:
                answers.propose(organisation, message, form.apply, person=form.person, comment=form.comment)
            except answers.AlreadyUsed:
                return refusal(request, organisation, "used")
            url = reverse("providers:verification_thanks", args=[organisation.slug, token])
            return HttpResponseRedirect(url, status=303)
        status = 400
        context["nothing_changed"] = form.is_valid()
    context.update(form=form, page_title=_("Changes to the entry"))
    return render(request, TEMPLATES + "changes.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
@with_link
def thanks(request, organisation, message, token):
    answer = Answer.objects.filter(message=message).order_by("-created_at").first()
    context = {"organisation": organisation, "answer": answer, "page_title": _("Thank you")}
    return render(request, TEMPLATES + "thanks.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def claim(request, slug):
    """«Это ваша организация?»: a fresh link, only ever to the address already in the entry."""
    organisation = _public_entry(slug)
    if kept_elsewhere.source_name(organisation):
        return refusal(request, organisation, "kept_elsewhere")  # no link: the entry is corrected at its source
    context = {"organisation": organisation, "page_title": _("Is this your organisation?")}
    if request.method != "POST":
        return render(request, TEMPLATES + "claim.html", context)
    ip = client_ip(request)
    if CLAIMS_PER_CLIENT.exceeded(ip) or CLAIMS_PER_ORGANISATION.exceeded(organisation.pk):
        logger.warning("Verification link rate limit for %s, client %s", slug, anonymised(ip))
        context["outcome"] = "too_many"
        response = render(request, TEMPLATES + "claim.html", context, status=429)
        response["Retry-After"] = str(CLAIMS_PER_CLIENT.retry_after())
        return response
    CLAIMS_PER_CLIENT.hit(ip)
    message = rounds.single_link(organisation, Message.Kind.CLAIM)
    if message is None:
        context["outcome"] = "no_email"
        return render(request, TEMPLATES + "claim.html", context)
    CLAIMS_PER_ORGANISATION.hit(organisation.pk)
    tasks.send_messages.enqueue([message.pk])
    context["outcome"] = "sent"
    return render(request, TEMPLATES + "claim.html", context)
