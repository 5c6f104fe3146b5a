"""The self-check's GET forms: the child's age and the family's place, then the answers.

Everything travels in the query string (GET forms, no cookies, nothing written): the age form's fields are
carried from page to page as hidden fields, and the answers end up in the signed answer link.
"""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from selfcheck.age import EARLIEST_WEEKS, MAX_MONTHS, PRETERM_BEFORE_WEEKS, AgeError, child_age
from selfcheck.areas import Answer

WHERE_MAX_LENGTH = 120
_POINT = re.compile(r"^(-?\d{1,2}(?:\.\d{1,6})?),(-?\d{1,3}(?:\.\d{1,6})?)$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

AGE_MESSAGES = {
    "missing": _("Give the child's birth date or age in months."),
    "future": _("The birth date is in the future. Check the date, please."),
    "too_old": _(
        "The self-check is for children up to four years old. If something worries you about an older child, "
        "an early-care service or a paediatrician will advise you."
    ),
}

WEEK_CHOICES = [("", _("at term (37 weeks or later) or I don't know"))] + [
    (str(weeks), _("at %(weeks)s weeks") % {"weeks": weeks}) for weeks in range(EARLIEST_WEEKS, PRETERM_BEFORE_WEEKS)
]


class PlaceForm(forms.Form):
    """The family's place: typed (a locality or region, as the finder reads it) or the browser's location."""

    where = forms.CharField(
        label=_("Where do you live?"),
        required=False,
        max_length=WHERE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        error_messages={"max_length": _("The place name is too long.")},
    )
    near = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def clean_where(self):
        return " ".join(_CONTROL.sub(" ", self.cleaned_data["where"]).split())

    def clean_near(self):
        """A point from the browser's geolocation, kept to about a kilometre (two decimals)."""
        text = self.cleaned_data["near"].strip()
        if not text:
            return ""
        match = _POINT.match(text.replace(" ", ""))
        if not match or not (-90 <= float(match[1]) <= 90 and -180 <= float(match[2]) <= 180):
            raise forms.ValidationError(_("We could not read your location. Type the place instead."))
        return f"{float(match[1]):.2f},{float(match[2]):.2f}"

    def place(self):
        """{"where", "near"} to carry on (empty or unreadable values left out)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: self.cleaned_data[key] for key in ("where", "near") if self.cleaned_data.get(key)}


class AgeForm(PlaceForm):
    """The child's age (birth date or months, weeks of pregnancy at birth) and the family's place."""

    birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(
            attrs={"type": "date", "autocomplete": "off", "aria-describedby": "selfcheck-age-hint"}, format="%Y-%m-%d"
        ),
        error_messages={"invalid": _("Write the date as day.month.year, for example 14.05.2025.")},
    )
    months = forms.IntegerField(
        label=_("or age in full months"),
        required=False,
        min_value=0,
        max_value=999,
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "min": 0, "max": MAX_MONTHS, "aria-describedby": "selfcheck-age-hint"}
        ),
        error_messages={
            "invalid": _("Write the age as a whole number of months, for example 18."),
            "min_value": _("The age cannot be negative."),
            "max_value": AGE_MESSAGES["too_old"],
        },
    )
    weeks = forms.TypedChoiceField(
        label=_("The child was born"),
        required=False,
        choices=WEEK_CHOICES,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose the week from the list.")},
    )
    field_order = ["birth", "months", "weeks", "where", "near"]

    def __init__(self, data=None, today=None, **kwargs):
        super().__init__(data, **kwargs)
        self.today = today or date.today()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        birth, months = data.get("birth"), data.get("months")
        if birth is not None and months is not None:
            months = None  # the birth date is the more precise of the two
        try:
            data["age"] = child_age(months=months, weeks=data.get("weeks"), birth=birth, today=self.today)
        except AgeError as error:
            field = "birth" if birth is not None else "months"
            self.add_error(field if error.args[0] != "missing" else None, AGE_MESSAGES[error.args[0]])
        return data


def read_answers(data, milestones, signs):
    """The answers of the checklist form (`q1`…`qN` per milestone, `s1`…`sM` per warning sign).

    Returns (answers, noticed, problems): unknown values are problems (a form we did not make), missing ones
    are «not answered».
    """
    answers, problems = [], []
    for position, _milestone in enumerate(milestones, 1):
        value = data.get(f"q{position}", "")
        if value not in Answer.LABELS and value != Answer.NONE:
            problems.append(f"q{position}")
            value = Answer.NONE
        answers.append(value)
    noticed = []
    for position, _sign in enumerate(signs, 1):
        value = data.get(f"s{position}", "")
        if value not in ("", "1"):
            problems.append(f"s{position}")
        noticed.append(value == "1")
    return answers, noticed, problems
