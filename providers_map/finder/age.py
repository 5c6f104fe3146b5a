"""The child's age as parents say it, turned into a range of months.

    parse_age("18")                  -> AgeRange(18, 18)      months, as links and the API write it
    parse_age("1 год 6 месяцев")     -> AgeRange(18, 18)
    parse_age("полтора года")        -> AgeRange(18, 18)
    parse_age("2,5 года")            -> AgeRange(30, 30)
    parse_age("2 года")              -> AgeRange(24, 35)      a whole year: any month of it
    parse_age("8 мес")               -> AgeRange(8, 8)
    parse_age("1-2y")                -> AgeRange(12, 23)      an age band of the portal's taxonomy
    from_years_months("2", "")       -> AgeRange(24, 35)      the form's two selects

A service serves the child when its own range [age_min_months, age_max_months] overlaps the child's range.
Anything unreadable raises ValueError with a Russian message that says how to write it.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from providers_map.wording import age_phrase
from search.text import fold

MAX_MONTHS = 216  # 18 years, as the registry's services
MAX_YEARS = MAX_MONTHS // 12

_NUMBER_WORDS = {
    "один": 1, "одного": 1, "одному": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4, "четырех": 4,
    "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
}  # fmt: skip
_YEAR_UNITS = ("год", "года", "годов", "годика", "годиков", "лет", "г", "л", "y")
_MONTH_UNITS = ("месяц", "месяца", "месяцев", "месяцок", "мес", "м", "m")
_WEEK_UNITS = ("неделя", "недели", "недель", "нед")
_DAY_UNITS = ("день", "дня", "дней", "дн")
_NEWBORN = ("новорожденный", "новорожденная", "новорожденного", "с рождения", "от рождения", "newborn")
_NUMBER = r"\d+(?:[.,]\d+)?"
_TOKEN = re.compile(rf"({_NUMBER}|[а-яa-z]+)")
_BAND = re.compile(r"^(\d{1,3})-(\d{1,3})(m|y)$")


@dataclass(frozen=True)
class AgeRange:
    low: int  # months, inclusive
    high: int  # months, inclusive

    @property
    def exact(self):
        return self.low == self.high

    def label(self):
        """«1 год 6 месяцев», «2 года» (a whole year) or «от 1 года до 3 лет» for a band."""
        if self.exact:
            return age_words(self.low)
        if self.low % 12 == 0 and self.high == self.low + 11:
            return age_words(self.low)

        if self.low == 0:
            return _("from birth to %(max)s") % {"max": age_phrase(self.high + 1)}
        return _("from %(min)s to %(max)s") % {"min": age_phrase(self.low), "max": age_phrase(self.high + 1)}

    def canonical(self):
        """How the range is written back into a URL: months, or a band."""
        if self.exact:
            return str(self.low)
        return f"{self.low}-{self.high + 1}m"


def age_words(months):
    """«1 год 6 месяцев», «8 месяцев», «2 года»."""
    years, rest = divmod(int(months), 12)
    parts = []
    if years:
        parts.append(ngettext("%(count)s year", "%(count)s years", years) % {"count": years})
    if rest or not years:
        parts.append(ngettext("%(count)s month", "%(count)s months", rest) % {"count": rest})
    return " ".join(parts)


def _number(token):
    if token in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token])
    return float(token.replace(",", "."))


def _error():
    return ValueError(
        _("Could not understand the age. Write it as parents say it, for example: 8 months, 1 year 6 months, 2 years.")
    )


def _checked(low, high):
    if low < 0 or high > MAX_MONTHS or high < low:
        raise ValueError(_("The age must be from birth to 18 years."))
    return AgeRange(low, high)


def _band(text):
    match = _BAND.match(text)
    if not match:
        return None
    scale = 12 if match[3] == "y" else 1
    low, high = int(match[1]) * scale, int(match[2]) * scale
    if high <= low:
        raise _error()
    return _checked(low, high - 1)


def parse_age(text):
    """An AgeRange for what a parent wrote, or None for an empty text; ValueError when unreadable."""
    text = fold(text)
    if not text:
        return None
    if len(text) > 60:
        raise _error()
    if text.isdecimal():
        return _checked(int(text), int(text))
    band = _band(text.replace(" ", ""))
    if band:
        return band
    if any(word in text for word in _NEWBORN):
        return AgeRange(0, 0)
    text = text.replace("полтора", "1,5").replace("полгода", "0,5 года").replace("пол года", "0,5 года")
    return _parse_words(_TOKEN.findall(text))


def _parse_words(tokens):
    tokens = [t for t in tokens if t not in ("и", "с", "половиной")]
    months, whole_years, pending, seen = 0.0, False, None, False
    for token in tokens:
        if token in _NUMBER_WORDS or re.fullmatch(_NUMBER, token):
            if pending is not None:
                raise _error()
            pending = _number(token)
            continue
        value = 1.0 if pending is None else pending  # «год» alone is one year
        if token in _YEAR_UNITS:
            months += value * 12
            whole_years = whole_years or value == int(value) and not seen
        elif token in _MONTH_UNITS:
            months += value
            whole_years = False
        elif token in _WEEK_UNITS:
            months += value / 4.35
            whole_years = False
        elif token in _DAY_UNITS:
            months += value / 30.4
            whole_years = False
        else:
            raise _error()
        pending, seen = None, True
    if pending is not None:
        if seen:
            months += pending  # «1 год 6»: the trailing number is months
            whole_years = False
        elif pending == int(pending):
            raise _error()  # a bare whole number is months and was handled above
        else:
            months, whole_years = pending * 12, False  # «1,5»: years with a fraction
    if not seen and pending is None:
        raise _error()
    low = int(months + 1e-9)
    high = low + 11 if whole_years else low
    return _checked(low, min(high, MAX_MONTHS))


def from_years_months(years, months):
    """The form's two selects: years and months; years alone mean any month of that year."""
    years = str(years or "").strip()
    months = str(months or "").strip()
    if not years and not months:
        return None
    if (years and not years.isdecimal()) or (months and not months.isdecimal()):
        raise _error()
    if months and int(months) > 11:
        raise ValueError(_("Months are counted from 0 to 11; write 12 months as 1 year."))
    if years and int(years) > MAX_YEARS:
        raise ValueError(_("The age must be from birth to 18 years."))
    if not months:
        low = int(years) * 12
        return _checked(low, low + 11)
    total = int(years or 0) * 12 + int(months)
    return _checked(total, total)
