"""The provider's forms: «Всё верно» (who confirms) and «Есть изменения», prefilled with the public entry.

Every text is plain text: control characters are dropped (PlainTextField) and markup is refused with a clear
message, lengths are those of the registry's fields. Only what differs from the public entry is applied to
the draft (`Changes.apply`), so a draft an operator keeps is not overwritten by fields the provider left as
they were.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import PlainTextField
from core.models import ServiceType
from providers_map import hours as hours_lib
from providers_map.models import Location, Organisation, Service
from providers_map.models.service import MAX_AGE_MONTHS
from providers_map.validators import normalise_phone_lines, validate_postcode

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|javascript:", re.IGNORECASE)
NEW_SERVICES = 2
PERSON_MAX_LENGTH = 200
COMMENT_MAX_LENGTH = 2000
LONG_TEXT_MAX_LENGTH = 3000


def no_markup(value):
    if value and MARKUP.search(value):
        raise ValidationError(
            _("Please write plain text without HTML tags or scripts (no angle brackets with words inside)."),
            code="markup",
        )


class TextField(PlainTextField):
    def __init__(self, *args, textarea=False, **kwargs):
        kwargs.setdefault("required", False)
        rows = {"rows": 4} if textarea else {}
        widget = forms.Textarea if textarea else forms.TextInput
        kwargs.setdefault("widget", widget(attrs={"maxlength": kwargs.get("max_length"), **rows}))
        super().__init__(*args, **kwargs)
        self.validators.append(no_markup)


def person_field():
    return TextField(
        label=_("Your name and position (optional)"),
        max_length=PERSON_MAX_LENGTH,
        help_text=_("So that the registry operator knows whom to ask if something is unclear."),
    )


class ConfirmForm(forms.Form):
    person = person_field()


class EntryForm(forms.Form):
    """The organisation's own fields."""

    phones = TextField(
        label=_("Phones"),
        max_length=1000,
        textarea=True,
        help_text=_("One number per line, for example +7 383 222-33-44."),
    )
    email = forms.EmailField(
        label=_("E-mail for families"),
        required=False,
        max_length=254,
        help_text=_("Requests to check the entry will also come to this address."),
    )
    website = forms.URLField(label=_("Website"), required=False, max_length=300, assume_scheme="https")
    how_to_get_help = TextField(
        label=_("How to get help"),
        max_length=LONG_TEXT_MAX_LENGTH,
        textarea=True,
        required=True,
        help_text=_("The first steps for a family: whom to call, what happens at the first visit."),
    )
    cost = forms.ChoiceField(label=_("Cost"), choices=Organisation.Cost.choices)
    cost_note = TextField(label=_("Cost note"), max_length=500)
    person = person_field()
    comment = TextField(
        label=_("Anything else the operator should know (optional)"),
        max_length=COMMENT_MAX_LENGTH,
        textarea=True,
        help_text=_("For example, a new branch or a service the form has no place for."),
    )

    APPLIED = ("phones", "email", "website", "how_to_get_help", "cost", "cost_note")

    def clean_phones(self):
        return normalise_phone_lines(self.cleaned_data["phones"])


class LocationForm(forms.Form):
    address = TextField(label=_("Address"), max_length=500, required=True)
    locality = TextField(label=_("Locality"), max_length=200, required=True)
    postcode = forms.CharField(label=_("Postcode"), max_length=6, required=False, validators=[validate_postcode])
    opening_hours = Location._meta.get_field("opening_hours").formfield(label=_("Opening hours"))

    APPLIED = ("address", "locality", "postcode", "opening_hours")


def age_field(label, initial=None):
    return forms.IntegerField(
        label=label, min_value=0, max_value=MAX_AGE_MONTHS, required=False, initial=initial,
        help_text=_("In months: 12 = 1 year, 36 = 3 years, 84 = 7 years."),
    )  # fmt: skip


class ServiceForm(forms.Form):
    """An existing service (its type fixed) or a new one (type chosen): ages, and whether it still runs."""

    service_type = forms.ModelChoiceField(
        label=_("Service"), queryset=ServiceType.objects.all(), required=False, empty_label=_("— choose —")
    )
    age_min_months = age_field(_("From age, months"))
    age_max_months = age_field(_("To age, months"))
    remove = forms.BooleanField(label=_("We no longer provide this service"), required=False)

    APPLIED = ("age_min_months", "age_max_months")

    def __init__(self, *args, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing = existing
        if existing is not None:
            del self.fields["service_type"]
        else:
            del self.fields["remove"]

    @property
    def is_new(self):
        return self.existing is None

    def clean(self):
        data = super().clean()
        chosen = self.is_new and data.get("service_type") is not None
        if (chosen or not self.is_new) and not data.get("remove"):
            low, high = data.get("age_min_months"), data.get("age_max_months")
            if low is None or high is None:
                self.add_error("age_max_months", _("Enter both ages, in months."))
            elif high <= low:
                self.add_error("age_max_months", _("The upper age must be greater than the lower age."))
        return data


class Changes:
    """The whole «Есть изменения» form: the entry, one form per address, one per service and new services."""

    def __init__(self, organisation, locations, services, data=None):
        self.organisation = organisation
        self.entry = EntryForm(data, initial=_values(organisation, EntryForm.APPLIED), prefix="entry")
        self.locations = [
            (location, LocationForm(data, initial=_values(location, LocationForm.APPLIED), prefix=f"loc{i}"))
            for i, location in enumerate(locations)
        ]
        self.services = [
            (
                service,
                ServiceForm(data, initial=_values(service, ServiceForm.APPLIED), prefix=f"svc{i}", existing=service),
            )
            for i, service in enumerate(services)
        ]  # noqa: E501
        self.new_services = [ServiceForm(data, prefix=f"new{i}") for i in range(NEW_SERVICES)]

    def forms(self):
        return [self.entry, *(f for _, f in self.locations), *(f for _, f in self.services), *self.new_services]

    def is_valid(self):
        return all([form.is_valid() for form in self.forms()])

    def errors(self):
        """(label, message, field id) for the summary at the top of the form, each linking to its field."""
        found = []
        for form in self.forms():
            for name, messages in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                found.extend(
                    (label, message, form[name].auto_id if name in form.fields else "") for message in messages
                )
        return found

    @property
    def person(self):
        return self.entry.cleaned_data.get("person", "")

    @property
    def comment(self):
        return self.entry.cleaned_data.get("comment", "")

    def has_changes(self):
        services = [
            (form.cleaned_data.get("remove"), self._changed(form, ServiceForm.APPLIED)) for _, form in self.services
        ]
        return bool(
            self._changed(self.entry, EntryForm.APPLIED)
            or any(self._changed(form, LocationForm.APPLIED) for _, form in self.locations)
            or any(removed or changed for removed, changed in services)
            or any(form.cleaned_data.get("service_type") for form in self.new_services)
            or self.comment
        )

    @staticmethod
    def _changed(form, names):
        """{name: new value} of the fields whose cleaned value differs from the public entry's."""
        changed = {}
        for name in names:
            before = form.initial.get(name)
            if name == "opening_hours":
                before = hours_lib.validate_hours(before or {})
            if form.cleaned_data[name] != before:
                changed[name] = form.cleaned_data[name]
        return changed

    def apply(self, draft):
        """Write what the provider changed into `draft` (a copy of the latest version of the entry)."""
        for name, value in self._changed(self.entry, EntryForm.APPLIED).items():
            setattr(draft, name, value)
        by_pk = {location.pk: location for location in draft.locations.all()}
        for location, form in self.locations:
            target = by_pk.get(location.pk)
            for name, value in self._changed(form, LocationForm.APPLIED).items():
                if target is not None:
                    setattr(target, name, value)
        draft.locations = list(by_pk.values())
        kept, removed = [], {service.pk for service, form in self.services if form.cleaned_data.get("remove")}
        changes = {service.pk: self._changed(form, ServiceForm.APPLIED) for service, form in self.services}
        for service in draft.services.all():
            if service.pk in removed:
                continue
            for name, value in changes.get(service.pk, {}).items():
                setattr(service, name, value)
            kept.append(service)
        for form in self.new_services:
            data = form.cleaned_data
            if data.get("service_type"):
                kept.append(
                    Service(
                        service_type=data["service_type"],
                        age_min_months=data["age_min_months"],
                        age_max_months=data["age_max_months"],
                    )
                )
        draft.services = kept


def _values(instance, names):
    return {name: getattr(instance, name) for name in names}
