"""Text that visitors type, made safe to keep and show: used by every public form and by query parameters."""

import re

from django import forms

# C0 controls except tab and newline, DEL, C1 controls, and Unicode non-characters / bidi overrides that
# only serve to disguise text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


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
