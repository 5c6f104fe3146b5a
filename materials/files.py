"""Rules and presentation for the files of a material: allowed types, type labels, human sizes."""

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ALLOWED_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "mp4", "webm", "vtt"]
TYPE_LABELS = {
    "pdf": "PDF",
    "docx": "DOCX",
    "pptx": "PPTX",
    "xlsx": "XLSX",
    "odt": "ODT",
    "mp4": "MP4",
    "webm": "WebM",
    "vtt": "WebVTT",
}


def validate_material_document(document):
    extension = (document.file_extension or "").lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            {
                "document": _("Files of type “%(ext)s” cannot be attached. Allowed: %(allowed)s.")
                % {"ext": extension or "?", "allowed": ", ".join(TYPE_LABELS.values())}
            }
        )


def type_label(document):
    extension = (document.file_extension or "").lower()
    return TYPE_LABELS.get(extension, extension.upper())


def human_size(size):
    """Bytes → “850 Б”, “12 КБ”, “1,2 МБ” (the decimal comma comes from the active locale)."""
    if size is None:
        return ""
    if size < 1024:
        return gettext("%(size)s B") % {"size": size}
    if size < 1024 * 1024:
        return gettext("%(size)s KB") % {"size": max(1, round(size / 1024))}
    if size < 1024**3:
        return gettext("%(size)s MB") % {"size": number_format(round(size / 1024**2, 1), 1)}
    return gettext("%(size)s GB") % {"size": number_format(round(size / 1024**3, 1), 1)}


def describe(document):
    """“PDF, 1,2 МБ” for a download link."""
    size = document.file_size
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError):
            size = None
    parts = [type_label(document)]
    if size is not None:
        parts.append(human_size(size))
    return ", ".join(parts)
