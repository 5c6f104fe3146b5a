"""Template filters of the public registry pages: ages in words, lines, phones, the editors' preview."""

from django import template
from django.utils.html import format_html

from core import phones
from providers_map import wording
from providers_map.presentation import organisation_context

register = template.Library()

age_range = register.filter("age_range", wording.age_range)
lines = register.filter("lines", wording.lines)


@register.filter
def tel_href(phone):
    return phones.tel_href(phone)


@register.filter
def phone_display(phone):
    """+73831234567 → +7 383 123-45-67 (core.phones: one format for the whole site); anything else as stored."""
    return phones.display(phone)


@register.filter
def phone_link(phone):
    return format_html('<a href="{}">{}</a>', tel_href(phone), phone_display(phone))


@register.inclusion_tag("providers_map/includes/organisation_body.html", takes_context=True)
def organisation_preview_body(context, organisation, locations, services):
    """The public page's body for the editors' preview of unsaved data (no map, no JSON-LD)."""
    body = organisation_context(context.get("request"), organisation, list(locations), list(services), preview=True)
    body["request"] = context.get("request")
    return body
