"""The verification e-mail (plain text and HTML, in Russian) and its delivery over one SMTP connection.

Each message is sent on its own so that one refused address never stops the others: a permanent refusal
(5xx) marks the address undeliverable for the operator; a temporary one (4xx) or a lost server marks the
message "not sent" (not the address's fault), and a lost connection is opened again once before giving up.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.canonical import canonical_base_url

from . import tokens
from .models import ERROR_MAX_LENGTH, Message

logger = logging.getLogger(__name__)
TEMPLATES = "providers_map/verification/email/"
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def mail_leaves_the_machine():
    """Whether the configured backend delivers (SMTP from EMAIL_URL), not the console or memory of development."""
    return settings.EMAIL_BACKEND == SMTP_BACKEND


def link_url(message, base_url=None):
    base = canonical_base_url() if base_url is None else base_url
    path = reverse("providers:verification_entry", args=[message.organisation.slug, tokens.make(message)])
    return f"{base}{path}"


def compose(message, base_url=None):
    """The e-mail for `message` (its organisation loaded), with the link in both parts."""
    expires = timezone.localdate() + timezone.timedelta(days=tokens.link_days())
    context = {
        "organisation": message.organisation,
        "link": link_url(message, base_url),
        "expires": expires,
        "reminder": message.kind == Message.Kind.REMINDER,
        "claim": message.kind == Message.Kind.CLAIM,
    }
    with translation.override("ru"):
        subject = " ".join(render_to_string(TEMPLATES + "subject.txt", context).split())
        text = render_to_string(TEMPLATES + "request.txt", context)
        html = render_to_string(TEMPLATES + "request.html", context)
    email = EmailMultiAlternatives(
        subject,
        text,
        to=[message.email],
        # RFC 3834: no auto-replies to an automatic message; the id lets a returned message be matched.
        headers={"Auto-Submitted": "auto-generated", "X-Portal-Verification": str(message.pk)},
    )
    email.attach_alternative(html, "text/html")
    return email


def _short(text):
    return str(text)[:ERROR_MAX_LENGTH]


def _smtp_answer(exc):
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, reason = next(iter(exc.recipients.values()), (550, b""))
        return code, reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error
        return exc.smtp_code, error.decode("utf-8", "replace") if isinstance(error, bytes) else str(error)
    return None, str(exc)


class Sender:
    """Sends messages one by one over a connection it keeps open; `send(message)` → (status, error)."""

    def __init__(self, base_url=None):
        self.base_url = canonical_base_url() if base_url is None else base_url
        self.connection = get_connection()
        self.opened = False

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        if self.opened:
            try:
                self.connection.close()
            except (OSError, smtplib.SMTPException):
                logger.warning("The SMTP connection did not close cleanly", exc_info=True)
            self.opened = False

    def _open(self):
        if not self.opened:
            self.connection.open()
            self.opened = True

    def send(self, message):
        email = compose(message, self.base_url)
        for attempt in (1, 2):
            try:
                self._open()
                self.connection.send_messages([email])
                return Message.Status.SENT, ""
            except smtplib.SMTPServerDisconnected as exc:
                self.opened = False
                if attempt == 2:
                    return Message.Status.FAILED, _short(exc or "disconnected")
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as exc:
                code, reason = _smtp_answer(exc)
                status = Message.Status.REFUSED if code and code >= 500 else Message.Status.FAILED
                return status, _short(f"{code} {reason}".strip())
            except (OSError, smtplib.SMTPException) as exc:
                self.close()
                self.opened = False
                if attempt == 2:
                    return Message.Status.FAILED, _short(exc)
        return Message.Status.FAILED, ""
