"""The page's meta description: what search engines and link previews show under the title."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.rich_text import RichText

from core.models import PortalSettings

register = template.Library()

MAX_LENGTH = 160
# Page fields that summarise a page, in the order they are tried after the editor's search description.
SUMMARY_FIELDS = ("summary", "intro", "lead", "description")


def _plain(value):
    """Text of a string, rich text or StreamField value (its text blocks), without markup."""
    if value is None:
        return ""
    if isinstance(value, RichText):
        return strip_tags(value.source)
    if isinstance(value, str):
        return strip_tags(value)
    try:
        children = list(value)
    except TypeError:
        return ""
    parts = [_plain(getattr(child, "value", None)) for child in children]
    return " ".join(part for part in parts if part)


def _shorten(text):
    text = " ".join(text.split())
    return Truncator(text).chars(MAX_LENGTH) if text else ""


def description_of(page):
    """The editor's search description, else the page's summary (summary, intro, lead), shortened."""
    if page is None:
        return ""
    if getattr(page, "search_description", ""):
        return _shorten(page.search_description)
    specific = getattr(page, "specific", page)
    for field in SUMMARY_FIELDS:
        text = _shorten(_plain(getattr(specific, field, None)))
        if text:
            return text
    return ""


@register.simple_tag(takes_context=True)
def meta_description(context):
    """A view's `meta_description`, else the Wagtail page's, else the portal's footer text."""
    explicit = context.get("meta_description")
    if explicit:
        return _shorten(str(explicit))
    text = description_of(context.get("page"))
    if text:
        return text
    request = context.get("request")
    if request is None:
        return ""

    return _shorten(PortalSettings.for_request(request).footer_note or "")
