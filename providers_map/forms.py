"""Public forms of the registry: "Сообщить об ошибке" (the finder reads its filters in finder/params.py)."""

import re

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from providers_map.models import ErrorReport

# C0 controls except tab and newline, DEL, C1 controls, and Unicode non-characters / bidi overrides that
# only serve to disguise text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")

MESSAGE_MAX_LENGTH = 2000
HONEYPOT_FIELD = "homepage"


def strip_control_characters(value):
    """Normalise line breaks and drop control characters (null bytes included); keep tabs and newlines."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARACTERS.sub("", value)


class PlainTextField(forms.CharField):
    """A CharField that cleans control characters before the length and null-character validators run."""

    def to_python(self, value):
        if value not in self.empty_values:
            value = strip_control_characters(value)
        return super().to_python(value)


class ErrorReportForm(forms.Form):
    """Only what an operator needs to fix an entry; deliberately nothing about a child or its health."""

    topic = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=[(value, capfirst(label)) for value, label in ErrorReport.Topic.choices],
    )
    message = PlainTextField(
        label=_("Describe the error"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_(
            "For example, the new address or phone number. Please do not write about your child's health "
            "or other personal matters: this form is only for correcting the information about the organisation."
        ),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX_LENGTH}),
    )
    email = forms.EmailField(
        label=_("Your e-mail (optional)"),
        required=False,
        help_text=_("Only if you want the registry operator to reply to you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my e-mail address"),
        required=False,
        help_text=_(
            "Needed only if you give an e-mail. The operator uses the address only to reply about this "
            "report and deletes it when the report is closed."
        ),
    )
    # Honeypot: hidden from people and assistive technology; anything typed here marks a bot.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_bot(self):
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("email") and not cleaned.get("consent"):
            self.add_error(
                "consent",
                _("To reply to you by e-mail we need your consent. Tick the box, or leave the e-mail field empty."),
            )
        return cleaned
