"""Registry wording shared by pages, the finder, the API and HSDS: ages in words and multi-line fields."""

from django.utils.translation import gettext as _
from django.utils.translation import npgettext


def age_phrase(months):
    """An age in the genitive case, as after «от»/«до»: «6 месяцев», «1 года», «3 лет», «18 месяцев»."""
    months = int(months)
    if months and months % 12 == 0:
        years = months // 12
        return npgettext("age after от/до", "%(count)s year", "%(count)s years", years) % {"count": years}
    return npgettext("age after от/до", "%(count)s month", "%(count)s months", months) % {"count": months}


def age_range(service):
    """«от 6 месяцев до 3 лет», «от рождения до 1 года» for anything with age_min_months/age_max_months."""
    low, high = int(service.age_min_months or 0), int(service.age_max_months)
    if low == 0:
        return _("from birth to %(max)s") % {"max": age_phrase(high)}
    return _("from %(min)s to %(max)s") % {"min": age_phrase(low), "max": age_phrase(high)}


def lines(text):
    """Non-empty stripped lines of a multi-line text field (phones, documents)."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]
