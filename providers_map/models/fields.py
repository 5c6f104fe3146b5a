"""JSON model fields with editor-friendly form fields.

Opening hours are stored as a per-weekday dict but edited as the familiar text "Пн-Пт 09:00-18:00";
lists of codes (accessibility, delivery modes) are edited as checkboxes.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from providers_map import hours as hours_lib


class OpeningHoursFormField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 2, "placeholder": "Пн-Пт 09:00-18:00; Сб 10:00-14:00"})

    def prepare_value(self, value):
        if isinstance(value, dict):
            return hours_lib.format_hours(value)
        return value or ""

    def to_python(self, value):
        if isinstance(value, dict):
            return value
        try:
            return hours_lib.parse_hours(super().to_python(value))
        except ValueError as exc:
            raise ValidationError(str(exc), code="hours") from exc

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != hours_lib.validate_hours(initial or {})
        except (ValidationError, ValueError):
            return True


def validate_opening_hours(value):
    try:
        hours_lib.validate_hours(value)
    except ValueError as exc:
        raise ValidationError(str(exc), code="hours") from exc


class OpeningHoursField(models.JSONField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", hours_lib.empty_hours)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_opening_hours)

    def formfield(self, **kwargs):
        defaults = {"required": False, "label": capfirst(self.verbose_name), "help_text": self.help_text}
        defaults.update({k: v for k, v in kwargs.items() if k in ("label", "help_text", "widget", "required")})
        return OpeningHoursFormField(**defaults)


class CodeListField(models.JSONField):
    """A list of codes from a fixed `codes` choice list, edited as checkboxes."""

    def __init__(self, *args, codes=(), **kwargs):
        self.codes = list(codes)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        # The code list is validation, not schema: keep it out of migrations.
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {code for code, _label in self.codes}
        if not isinstance(value, list):
            raise ValidationError(_("Choose from the list."), code="invalid_list")
        unknown = [str(v) for v in value if v not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown values: %(values)s."), code="invalid_choice", params={"values": ", ".join(unknown)}
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.codes,
            required=False,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
