"""`{% load jsonld %}{% json_ld data %}`: a schema.org JSON-LD element that data can never break out of.

Escapes as Django's json_script does (<, >, & as \\u003C, \\u003E, \\u0026) plus U+2028 and U+2029, which end
a line in older JavaScript parsers. The JSON stays UTF-8 (Cyrillic is not escaped) and compact.
"""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def serialise(data):
    """The JSON text of `data`, safe inside a <script> element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(ESCAPES)


@register.simple_tag
def json_ld(data):
    """The <script type="application/ld+json"> element for `data`; nothing when there is no data."""
    if not data:
        return ""
    return mark_safe(f'<script type="application/ld+json">{serialise(data)}</script>')  # noqa: S308 (escaped)
