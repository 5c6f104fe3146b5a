"""Public forms of the registry: the list filters and "Сообщить об ошибке"."""

import re

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal.models import DevelopmentalConcern, Region, ServiceType
from providers_map.models import ErrorReport, Organisation

# C0 controls except tab and newline, DEL, C1 controls, and Unicode non-characters / bidi overrides that
# only serve to disguise text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")

MESSAGE_MAX_LENGTH = 2000
QUERY_MAX_LENGTH = 200
MAX_AGE_MONTHS = 216
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


class RegistryFilterForm(forms.Form):
    """GET filters of /providers/. Invalid values are reported and ignored, never fatal."""

    q = PlainTextField(
        label=_("Name or locality"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("All regions"),
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=ServiceType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any service"),
    )
    concern = forms.ModelChoiceField(
        label=_("Developmental concern"),
        queryset=DevelopmentalConcern.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any concern"),
    )
    age = forms.IntegerField(
        label=_("Child's age, full months"),
        required=False,
        min_value=0,
        max_value=MAX_AGE_MONTHS,
        help_text=_("For example, 18 for a child of one and a half."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    ownership = forms.ChoiceField(
        label=_("Type of organisation"),
        required=False,
        choices=[("", _("Any type"))] + [(value, capfirst(label)) for value, label in Organisation.Ownership.choices],
    )

    def valid_filters(self):
        """The filters that passed validation, with empty ones left out (call after is_valid())."""
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in (None, "")}

    def invalid_labels(self):
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]


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
