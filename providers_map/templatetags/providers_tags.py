"""Presentation helpers for the public registry pages: ages in words, lines, phones, the editors' preview."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import npgettext

from portal import phones

register = template.Library()


def age_phrase(months):
    """An age in the genitive case, as after «от»/«до»: «6 месяцев», «1 года», «3 лет», «18 месяцев»."""
    months = int(months)
    if months and months % 12 == 0:
        years = months // 12
        return npgettext("age after от/до", "%(count)s year", "%(count)s years", years) % {"count": years}
    return npgettext("age after от/до", "%(count)s month", "%(count)s months", months) % {"count": months}


@register.filter
def age_range(service):
    """«от 6 месяцев до 3 лет», «от рождения до 1 года» for anything with age_min_months/age_max_months."""
    low, high = int(service.age_min_months or 0), int(service.age_max_months)
    if low == 0:
        return _("from birth to %(max)s") % {"max": age_phrase(high)}
    return _("from %(min)s to %(max)s") % {"min": age_phrase(low), "max": age_phrase(high)}


@register.filter
def lines(text):
    """Non-empty stripped lines of a multi-line text field (phones, documents)."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


@register.filter
def tel_href(phone):
    return phones.tel_href(phone)


@register.filter
def phone_display(phone):
    """+73831234567 → +7 383 123-45-67 (portal.phones: one format for the whole site); anything else as stored."""
    return phones.display(phone)


@register.filter
def phone_link(phone):
    return format_html('<a href="{}">{}</a>', tel_href(phone), phone_display(phone))


@register.inclusion_tag("providers_map/includes/organisation_body.html", takes_context=True)
def organisation_preview_body(context, organisation, locations, services):
    """The public page's body for the editors' preview of unsaved data (no map, no JSON-LD)."""
    from providers_map.views.detail import organisation_context

    body = organisation_context(context.get("request"), organisation, list(locations), list(services), preview=True)
    body["request"] = context.get("request")
    return body
