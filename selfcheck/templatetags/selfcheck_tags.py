from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def months(count):
    """«1 месяц», «24 месяца», «9 месяцев»."""
    count = int(count)
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}
