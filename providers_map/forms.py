"""Public forms of the registry: "Сообщить об ошибке" (the finder reads its filters in finder/params.py)."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import PlainTextField
from providers_map.models import ErrorReport

MESSAGE_MAX_LENGTH = 2000
HONEYPOT_FIELD = "homepage"


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
