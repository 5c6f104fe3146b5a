import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# Same escapes as Django's json_script: nothing in the data can close the <script> element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD script element, safely serialised."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag
def library_url(view, **changes):
    """The library's current URL state with some parameters changed, e.g. {% library_url library page=2 %}."""
    return view.url(**changes)


@register.filter
def selected_filter_count(view):
    """How many facet values the reader has chosen (the search words are not counted: they stay in sight)."""
    return sum(1 for facet in view.facets for option in facet.options if option.selected)
