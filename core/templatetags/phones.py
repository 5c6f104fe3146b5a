"""`{% load phones %}`: {{ number|phone_display }} → «+7 383 222-33-44»; {{ number|phone_link }} → a tel: link."""

from django import template
from django.utils.html import format_html

from core import phones

register = template.Library()


@register.filter
def phone_display(value):
    return phones.display(value)


@register.filter
def phone_link(value):
    return format_html('<a href="{}">{}</a>', phones.tel_href(value), phones.display(value))
